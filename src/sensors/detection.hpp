#pragma once
// Probability of detection of a square-law detector for a given SNR and false-alarm probability,
// one look (N = 1), for the Swerling fluctuation cases (Swerling 1959; Skolnik ch. 2; Mahafza ch. 2).
#include "world/truth_view.hpp"

namespace skyshield {

// Marcum Q function Q1(a, b).
double marcum_q1(double a, double b);
// Single-look Pd for linear SNR snr and false-alarm probability pfa.
double detection_probability(Swerling sw, double snr_linear, double pfa);
// Linear single-look SNR needed for probability of detection pd (inverse of the above, by bisection).
double required_snr(Swerling sw, double pd, double pfa);

}  // namespace skyshield

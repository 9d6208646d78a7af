#pragma once
// The target's echo power on one detection, relative to its mean, for the Swerling fluctuation
// cases (Swerling 1960, "Probability of detection for fluctuating targets"; Skolnik, Introduction to
// Radar Systems, 3rd ed., sec. 2.8): case 0 steady; case 1 exponential (chi-square, 2 degrees of
// freedom) constant over the looks of one dwell; case 2 exponential per look, averaged over the
// `looks` looks summed non-coherently (gamma of shape looks); case 3 chi-square with 4 degrees of
// freedom over the dwell (gamma of shape 2); case 4 that per look (gamma of shape 2 looks). The
// mean of every case is 1. A radar reports the detection's SNR as mean SNR times this factor, so a
// tracker that inverts the radar equation sees the fluctuation a real receiver measures. The
// detection decision keeps its own draw against the case's Pd: conditioning the reported power on
// detection (strong looks are the detected ones) is not modelled.
#include "core/rng.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// Echo power / mean echo power, drawn from rng (mean 1).
double rcs_fluctuation_factor(Swerling sw, int looks, Rng& rng);

}  // namespace skyshield

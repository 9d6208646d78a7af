#pragma once
// The sequential likelihood-ratio track score (Blackman & Popoli 1999 sec. 6.2; Bar-Shalom, Willett
// & Tian 2011 sec. 3.5): the log of the ratio of the likelihood that a track's detections come from
// one target to the likelihood that they are false alarms, summed look by look. A look with the
// track's detection adds ln(Pd N(z) / beta_FA) (N: the predicted measurement's Gaussian density at
// the detection, beta_FA: the false-alarm density per measurement-space volume); a covered look
// without one adds ln(1 - Pd). Wald's sequential probability ratio test on that score confirms a
// track when it reaches ln((1 - beta) / alpha) and deletes it when it falls to ln(beta / (1 - alpha)),
// alpha the probability of confirming a false track, beta that of deleting a true one (Wald 1947,
// "Sequential Analysis", eq. 3.6-3.7: the thresholds A = (1-beta)/alpha, B = beta/(1-alpha)).
#include <vector>

namespace skyshield {

struct ScoreThresholds {
  double confirm = 0.0;   // ln((1 - beta) / alpha)
  double remove = 0.0;    // ln(beta / (1 - alpha))
};
ScoreThresholds wald_thresholds(double alpha, double beta);

// The increment of a look with the track's one detection (GNN): ln(pd * likelihood / density).
double score_hit(double pd, double likelihood, double false_alarm_density);
// ... of a covered look without a detection: ln(1 - pd).
double score_miss(double pd);
// ... of a look with detections in the gate, any of which may be the target's (PDA, Bar-Shalom,
// Willett & Tian 2011 eq. 3.4.2-5 for the likelihood ratio of the gated set):
// ln(1 - pd pg + pd sum_b N_b / density).
double score_pda(double pd, double pg, const std::vector<double>& likelihoods, double false_alarm_density);

}  // namespace skyshield

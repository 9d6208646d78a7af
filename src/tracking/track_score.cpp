#include "tracking/track_score.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

ScoreThresholds wald_thresholds(double alpha, double beta) {
  return {std::log((1.0 - beta) / alpha), std::log(beta / (1.0 - alpha))};
}

double score_hit(double pd, double likelihood, double false_alarm_density) {
  return std::log(pd) + std::log(std::max(likelihood, 1e-300)) - std::log(false_alarm_density);
}

double score_miss(double pd) { return std::log1p(-pd); }

double score_pda(double pd, double pg, const std::vector<double>& likelihoods, double false_alarm_density) {
  double sum = 0.0;
  for (double l : likelihoods) sum += l;
  return std::log(std::max(1.0 - pd * pg + pd * sum / false_alarm_density, 1e-300));
}

}  // namespace skyshield

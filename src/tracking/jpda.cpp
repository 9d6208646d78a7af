#include "tracking/jpda.hpp"

#include <cstdint>
#include <functional>

namespace skyshield {

bool jpda_marginals(const Eigen::MatrixXd& ratio, double pd_pg, long long max_events, Eigen::MatrixXd& beta) {
  const int nt = static_cast<int>(ratio.rows()), nd = static_cast<int>(ratio.cols());
  if (nd > 64) return false;
  // Upper bound of the event count: product of (gated detections + 1) over tracks.
  double bound = 1.0;
  for (int t = 0; t < nt; ++t) bound *= 1.0 + static_cast<double>((ratio.row(t).array() > 0.0).count());
  if (bound > static_cast<double>(max_events)) return false;
  Eigen::MatrixXd acc = Eigen::MatrixXd::Zero(nt, nd + 1);
  std::vector<int> choice(nt, -1);
  double total = 0.0;
  const double miss = 1.0 - pd_pg;
  std::function<void(int, std::uint64_t, double)> rec = [&](int t, std::uint64_t used, double w) {
    if (t == nt) {
      total += w;
      for (int k = 0; k < nt; ++k) acc(k, choice[k] + 1) += w;
      return;
    }
    choice[t] = -1;
    rec(t + 1, used, w * miss);
    for (int d = 0; d < nd; ++d) {
      if (ratio(t, d) <= 0.0 || (used >> d & 1u)) continue;
      choice[t] = d;
      rec(t + 1, used | (std::uint64_t{1} << d), w * ratio(t, d));
    }
    choice[t] = -1;
  };
  rec(0, 0, 1.0);
  if (!(total > 0.0)) return false;
  beta = acc / total;
  return true;
}

}  // namespace skyshield

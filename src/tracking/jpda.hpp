#pragma once
// Joint probabilistic data association (Fortmann, Bar-Shalom & Scheffe 1983; Bar-Shalom, Willett &
// Tian 2011, sec. 6.2) for one cluster, by exact enumeration of the feasible joint events: each
// track takes at most one gated detection, each detection goes to at most one track, the rest is
// clutter. With a Poisson clutter of density lambda, an event's weight is the product over tracks
// of L_td = Pd N(z_d; z_t, S_td) / lambda when track t takes detection d, and (1 - Pd Pg) when it
// takes none. The marginals of these weights are the association probabilities.
#include <Eigen/Core>

namespace skyshield {

// ratio(t, d): L_td for a gated pair, 0 for a pair outside the gate. On success beta is
// nt x (nd + 1) with beta(t, 0) the probability that track t has no detection and beta(t, 1 + d)
// that it has detection d, and the function returns true; it returns false (beta untouched) when
// the cluster has more than max_events joint events or more than 64 detections.
bool jpda_marginals(const Eigen::MatrixXd& ratio, double pd_pg, long long max_events, Eigen::MatrixXd& beta);

}  // namespace skyshield

#pragma once
// Internal to the WTA heuristics (c2/wta_local_search.cpp, wta_exchange.cpp, wta_heuristic.cpp):
// Pk and 1 - Pk stored type-major (one contiguous row of targets per weapon type) and target-major
// (one contiguous column of types per target), built once per solve and shared by every local search and exchange round (the problem's Eigen matrix is
// column-major: a type's row is strided). The values are the same doubles as p.pk(i, t) and
// 1.0 - p.pk(i, t), so results do not change.
#include <functional>
#include <vector>

#include "c2/wta.hpp"

namespace skyshield {

struct WtaRows {
  int nt = 0, nw = 0;
  std::vector<double> pk, q;          // type-major: [type * nt + target]
  std::vector<double> pk_col, q_col;  // target-major: [target * nw + type] (a target's column contiguous)
  explicit WtaRows(const WtaProblem& p);
  const double* pk_row(int type) const { return &pk[static_cast<std::size_t>(type) * static_cast<std::size_t>(nt)]; }
  const double* q_row(int type) const { return &q[static_cast<std::size_t>(type) * static_cast<std::size_t>(nt)]; }
  const double* pk_column(int target) const { return &pk_col[static_cast<std::size_t>(target) * static_cast<std::size_t>(nw)]; }
  const double* q_column(int target) const { return &q_col[static_cast<std::size_t>(target) * static_cast<std::size_t>(nw)]; }
};

// wta_local_search_from and wta_exchange_search_from (c2/wta_solvers.hpp) on prebuilt rows.
std::vector<int> wta_local_search_rows(const WtaProblem& p, const WtaRows& rows, std::vector<int> start, const std::vector<int>* dirty,
                                       const std::function<bool()>& stop);
// `memory` (optional) keeps the exchange rounds' target rankings from one search to the next.
struct WtaRankingMemory;
std::vector<int> wta_exchange_search_rows(const WtaProblem& p, const WtaRows& rows, std::vector<int> start, const std::vector<int>* dirty,
                                          int max_rounds, const std::function<bool()>& stop, WtaRankingMemory* memory = nullptr);

}  // namespace skyshield

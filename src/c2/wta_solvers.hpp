#pragma once
// Solvers of the static weapon-target assignment problem (c2/wta.hpp) beyond greedy:
//  - exact: depth-first branch and bound over weapons, pruned by a lower bound that lets every free
//    weapon hit each target with the best free weapon's Pk and splits them optimally over the targets
//    (a relaxation in the spirit of Ahuja, Kumar, Jha & Orlin 2007, Operations Research 55(6));
//  - heuristic: local search from the greedy solution (move one weapon, swap two weapons' targets)
//    until no move improves.
// Limits: a node budget (deterministic, for use inside the simulation) and/or a wall-clock limit
// (for the standalone solver); when a limit stops the exact search it reports the remaining gap.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "c2/wta.hpp"

namespace skyshield {

enum class WtaSolver { Greedy, Exact, Heuristic };
const char* to_string(WtaSolver s);
bool wta_solver_from_string(const std::string& s, WtaSolver& out);

struct WtaLimits {
  long long max_nodes = 0;      // 0 = no limit
  double time_limit_s = 0.0;    // 0 = no limit (wall clock: not deterministic)
};

struct WtaResult {
  std::vector<int> assignment;  // weapon -> target or -1
  double value = 0.0;           // expected surviving value of the assignment
  double lower_bound = 0.0;     // proven lower bound on the optimum (exact solver; = value when optimal)
  bool optimal = false;         // proven optimal
  long long nodes = 0;          // branch-and-bound nodes explored
  double seconds = 0.0;         // wall-clock solve time (reporting only)
};

// Local search from `start` (which must be feasible); never worse than `start`.
// `stop` is polled once per weapon of each pass (then the assignment so far is returned).
std::vector<int> wta_local_search(const WtaProblem& p, std::vector<int> start,
                                  const std::function<bool()>& stop = [] { return false; });
// The same, when `start` was a local optimum before the survival of the targets in `dirty` changed
// (nullptr: unknown): only the units those changes can concern are looked at again (without side
// constraints; with them, the full search). The result is a local optimum all the same.
std::vector<int> wta_local_search_from(const WtaProblem& p, std::vector<int> start, const std::vector<int>* dirty,
                                       const std::function<bool()>& stop = [] { return false; });
// A feasible assignment from per-target plans (type, count) that may overuse weapons or break the
// side constraints: weapons by decreasing contribution to their target, each kept while feasible.
std::vector<int> wta_assignment_from_plan(const WtaProblem& p, const std::vector<std::vector<std::pair<int, int>>>& plan);
// Local search, then rounds of multi-exchange search (c2/wta_exchange.cpp: cyclic and path exchanges
// of up to four weapons over distinct targets, Ahuja et al. 2007), each followed by local search, until
// a round finds nothing or `max_rounds` rounds ran. Never worse than `start` (feasible).
std::vector<int> wta_exchange_search(const WtaProblem& p, std::vector<int> start, int max_rounds,
                                     const std::function<bool()>& stop = [] { return false; });
// The heuristic: local search from the slot assignment (c2/wta_transport.hpp, two slots per
// target); with side constraints, the better of that and local search from greedy.
// `stop` (polled between rounds and iterations) ends it early with the best assignment so far.
// `slot_out`, when given, receives the slot assignment the heuristic computed (its dual prices start
// the exact solver's multipliers); left default-constructed when the heuristic did not compute one.
// The same, from a `start` that was the result of an exchange search before the targets in `dirty`
// changed (ruin and recreate): the first local search looks only at what those changes concern.
std::vector<int> wta_exchange_search_from(const WtaProblem& p, std::vector<int> start, const std::vector<int>* dirty,
                                          int max_rounds, const std::function<bool()>& stop = [] { return false; });
struct WtaSlotAssignment;
std::vector<int> wta_heuristic(const WtaProblem& p, const std::function<bool()>& stop = [] { return false; },
                               WtaSlotAssignment* slot_out = nullptr);

WtaResult wta_branch_and_bound(const WtaProblem& p, const WtaLimits& limits = {});

WtaResult solve_wta(const WtaProblem& p, WtaSolver solver, const WtaLimits& limits = {});

}  // namespace skyshield

#include "wta_command.hpp"

#include <fmt/format.h>

#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"
#include "core/error.hpp"
#include "output_dir.hpp"
#include "record/output_set.hpp"

namespace skyshield {

namespace {

// "WxT" or "WxTxMI" of --random.
WtaProblem generated(const std::string& random, std::uint64_t seed, std::string& source) {
  int w = 0, t = 0, mi = 1;
  char x = 0, y = 0;
  std::istringstream in(random);
  const bool ok = (in >> w >> x >> t) && x == 'x' && (in.eof() || ((in >> y >> mi) && y == 'x' && in.eof()));
  if (!ok || w < 1 || t < 1 || mi < 1)
    throw InputError(fmt::format("--random: expected WEAPONSxTARGETS or WEAPONSxTARGETSxCOPIES, e.g. 150x300x2 (got '{}')", random));
  if (w > kWtaMaxWeapons || t > kWtaMaxTargets || mi > kWtaMaxCopies)
    throw InputError(fmt::format("--random: at most the limit of {} weapons and {} targets and {} copies (got '{}')", kWtaMaxWeapons,
                                 kWtaMaxTargets, kWtaMaxCopies, random));
  source = fmt::format("random {}x{}x{} instance, seed {} (Pk U[0.6, 0.9], values U[25, 100])", w, t, mi, seed);
  return generate_wta_instance(w, t, seed, mi);
}

std::string result_json(const std::string& source, const WtaProblem& p, WtaSolver solver, const WtaResult& r) {
  nlohmann::ordered_json j;
  j["instance"] = source;
  j["weapon_types"] = p.pk.rows();
  j["targets"] = p.value.size();
  j["weapons"] = wta_unit_count(p);
  j["solver"] = to_string(solver);
  j["objective"] = r.value;
  const bool bounded = solver == WtaSolver::Exact;
  j["lower_bound"] = bounded ? nlohmann::json(r.lower_bound) : nlohmann::json();
  j["gap"] = bounded ? nlohmann::json(r.value > 0 ? (r.value - r.lower_bound) / r.value : 0.0) : nlohmann::json();
  j["optimal"] = r.optimal;
  j["nodes"] = r.nodes;
  j["seconds"] = r.seconds;
  // Target of each weapon (1-based; 0 = unused), copies of type 1 first; and the counts x_ij.
  nlohmann::json a = nlohmann::json::array(), counts = nlohmann::json::array();
  std::map<std::pair<int, int>, int> x;
  const std::vector<int> type = wta_unit_types(p);
  for (std::size_t u = 0; u < r.assignment.size(); ++u) {
    a.push_back(r.assignment[u] + 1);
    if (r.assignment[u] >= 0) ++x[{type[u] + 1, r.assignment[u] + 1}];
  }
  for (const auto& [ij, n] : x) counts.push_back({ij.first, ij.second, n});
  j["assignment"] = a;
  j["counts"] = counts;  // [weapon type, target, number of weapons], 1-based
  return j.dump(1) + "\n";
}

}  // namespace

CLI::App* WtaCli::add_to(CLI::App& app) {
  CLI::App* wta = app.add_subcommand("wta", "Solve a static weapon-target assignment instance (formats in docs/wta.md)");
  wta->add_option("instance", path, "Instance file (standard 'W T mi' layout or dense, told apart by the first line)");
  wta->add_option("--random", random, "Solve a generated instance of the standard families instead: WxT or WxTxMI, e.g. 150x300x2");
  wta->add_option("--seed", seed, "Seed of the generated instance")->capture_default_str();
  wta->add_option("--save", save, "Write the generated instance to this file");
  wta->add_option("--out", out, "Write the assignment, objective, lower bound and gap to this JSON file");
  wta->add_option("--solver", solver, "greedy | exact | heuristic")->capture_default_str();
  wta->add_option("--time-limit", time_limit_s, "Wall-clock limit of the exact solver, s (reading the file not counted)")
      ->check(CLI::Range(0.001, 1e6))
      ->capture_default_str();
  wta->add_option("--max-nodes", max_nodes, "Node budget of the exact solver (0 = none; deterministic)")->check(CLI::Range(0LL, 1LL << 40));
  return wta;
}

int WtaCli::run() const {
  WtaSolver s;
  if (!wta_solver_from_string(solver, s))
    throw InputError(fmt::format("--solver: must be one of greedy, exact, heuristic (got '{}')", solver));
  if (path.empty() == random.empty()) throw InputError("wta: give either an instance file or --random WxT[xMI]");
  std::string source = path;
  WtaProblem p;
  if (!random.empty()) {
    p = generated(random, seed, source);
    if (!save.empty()) write_file_atomically(save, format_wta_instance(p));
  } else {
    p = read_wta_instance(path);
  }
  WtaLimits limits;
  limits.time_limit_s = time_limit_s;
  limits.max_nodes = max_nodes;
  // The solvers do not poll the Ctrl-C flag: let SIGINT/SIGTERM end the process at once (nothing is
  // written), even when the caller started us with them ignored (a background job of a script).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (test_interrupt_solving()) raise_test_interrupt();
  const WtaResult r = solve_wta(p, s, limits);
  std::cout << fmt::format("instance   {} ({} weapon types, {} weapons, {} targets)\n", source, p.pk.rows(), wta_unit_count(p),
                           p.value.size());
  std::cout << fmt::format("solver     {}\n", to_string(s));
  std::cout << fmt::format("objective  {:.6f} (expected surviving target value)\n", r.value);
  if (s == WtaSolver::Exact) {
    const double gap = r.value > 0 ? (r.value - r.lower_bound) / r.value : 0.0;
    std::cout << (r.optimal ? fmt::format("optimal    yes (lower bound {:.6f}, gap {:.2g} %, {} nodes)\n", r.lower_bound, 100.0 * gap, r.nodes)
                            : fmt::format("optimal    not proven: lower bound {:.6f}, gap {:.4f} %, {} nodes\n", r.lower_bound,
                                          100.0 * gap, r.nodes));
  }
  std::cout << fmt::format("time       {:.3f} s\n", r.seconds);
  if (!out.empty()) {
    write_file_atomically(out, result_json(source, p, s, r));
    std::cout << fmt::format("wrote      {}\n", out);
  } else if (r.assignment.size() <= 2000) {
    std::string a;
    for (std::size_t i = 0; i < r.assignment.size(); ++i) a += fmt::format("{}{}", i ? " " : "", r.assignment[i] + 1);
    std::cout << "assignment " << a << "   (target of each weapon, 1-based; 0 = unused)\n";
  }
  return 0;
}

}  // namespace skyshield

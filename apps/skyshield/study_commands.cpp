#include "study_commands.hpp"
#include "target_envelope_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "analysis/coverage_diagram.hpp"
#include "core/error.hpp"
#include "output_dir.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "scenario/schema.hpp"
#include "weapons/flyout/flyout_table.hpp"
#include "wording.hpp"

namespace skyshield {

int cmd_validate(const std::string& path) {
  const Scenario s = load_scenario(path);
  std::cout << fmt::format("{}: OK - scenario '{}': {}, {}, {}\n", path, s.name, count_of(std::ssize(s.threats), "threat"),
                           count_of(std::ssize(s.battalions), "battalion"), count_of(std::ssize(s.interceptor_classes), "interceptor class"));
  return 0;
}

int cmd_schema(const std::vector<std::string>& scenarios, const std::vector<std::string>& shown) {
  SchemaRecorder recorder;
  std::vector<std::string> loaded;
  {
    const SchemaRecording recording(recorder);
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      try {
        load_scenario(scenarios[i]);
        loaded.push_back(shown[i]);
      } catch (const InputError& e) {  // a broken scenario teaches nothing past its error: say so, go on
        std::cerr << fmt::format("warning: {} left out of the reference: {}\n", shown[i], e.what());
      }
    }
  }
  if (loaded.empty()) throw InputError("schema: no scenario could be loaded");
  std::cout << schema_markdown(recorder, loaded);
  return 0;
}

int cmd_coverage(const std::string& path, double pd, double max_alt_km, const std::string& radar, const std::string& out_dir) {
  const Scenario s = load_scenario(path);
  const std::vector<RadarCoverage> cov = scenario_coverage(s, pd, max_alt_km * 1e3, radar);
  const std::filesystem::path dir = make_output_dir(out_dir);
  write_file_atomically((dir / "coverage.csv").string(), coverage_csv(cov));
  write_file_atomically((dir / "coverage.svg").string(), coverage_svg(cov, s.name, pd));
  // The table: farthest detection range of each threat type, and at which altitude.
  std::cout << fmt::format("Detection range at Pd >= {:g} per decision (4/3 earth, no terrain, nose-on RCS)\n", pd);
  for (const RadarCoverage& c : cov) {
    std::cout << fmt::format("\n{} (antenna {:g} m)\n{:<70} {:>8} {:>10} {:>13}\n", c.radar, c.antenna_height_m, "target",
                             "max km", "at alt km", "at 100 m, km");
    for (const CoverageCurve& curve : c.curves) {
      std::size_t best = 0, low = 0;
      for (std::size_t i = 0; i < curve.altitude_m.size(); ++i) {
        if (curve.ground[i].max_m > curve.ground[best].max_m) best = i;
        if (std::abs(curve.altitude_m[i] - 100.0) < std::abs(curve.altitude_m[low] - 100.0)) low = i;
      }
      std::cout << fmt::format("{:<70} {:>8.0f} {:>10.1f} {:>13.0f}\n", curve.label, curve.ground[best].max_m / 1e3,
                               curve.altitude_m[best] / 1e3, curve.ground[low].empty() ? 0.0 : curve.ground[low].max_m / 1e3);
    }
  }
  std::cout << fmt::format("\nWrote {0}/coverage.csv, {0}/coverage.svg\n", out_dir);
  return 0;
}

int cmd_envelope(const std::string& cls_name, const std::string& path, const EnvelopeOptions& opt,
                 const std::string& out_dir, const std::string& target) {
  const Scenario s = load_scenario(path);
  const InterceptorClass* cls = nullptr;
  std::string names;
  for (const InterceptorClass& c : s.interceptor_classes) {
    if (c.name == cls_name) cls = &c;
    names += (names.empty() ? "" : ", ") + c.name;
  }
  if (!cls) throw InputError(fmt::format("envelope: no interceptor class '{}' in {} (classes: {})", cls_name, path, names));
  if (!target.empty()) return cmd_target_envelope(*cls, target, opt, out_dir);
  const Envelope e = compute_envelope(*cls, opt);
  const std::filesystem::path dir = make_output_dir(out_dir);
  write_file_atomically((dir / "envelope.csv").string(), envelope_csv(e));
  write_file_atomically((dir / "envelope.svg").string(), envelope_svg(e));
  std::cout << fmt::format("{} ({}): published range {:g} km; reach against a stationary point, from the flyout physics:\n",
                           cls->name, cls->layer, cls->max_range_m / 1e3);
  std::cout << fmt::format("{:>12} {:>12} {:>14} {:>16}\n", "altitude km", "reach km", "time of flight", "arrival m/s");
  double best = 0;
  for (const auto& [h, r] : e.reach) {
    const FlyoutPoint f = static_cast<const FlyoutTable&>(*cls->flyout).at(r, h);
    std::cout << fmt::format("{:>12.1f} {:>12.1f} {:>13.1f}s {:>16.0f}\n", h / 1e3, r / 1e3, f.time_s, f.speed_mps);
    best = std::max(best, r);
  }
  std::cout << fmt::format("maximum kinematic range {:.1f} km = {:+.1f} % of the published {:g} km\n", best / 1e3,
                           100.0 * (best / cls->max_range_m - 1.0), cls->max_range_m / 1e3);
  const auto reached = std::count_if(e.points.begin(), e.points.end(), [](const EnvelopePoint& p) { return p.reached; });
  std::cout << fmt::format("against the target ({:g} m/s, heading {:g} deg): {} of {} grid points reached\n", opt.target_speed_mps,
                           opt.target_heading_deg, reached, e.points.size());
  std::cout << fmt::format("Wrote {0}/envelope.csv, {0}/envelope.svg\n", out_dir);
  return 0;
}

}  // namespace skyshield

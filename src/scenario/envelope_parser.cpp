#include "scenario/envelope_parser.hpp"

#include <fmt/format.h>

namespace skyshield {

namespace {

TargetEnvelope parse_row(const YamlNode& n, const InterceptorClass& cls, ThreatClass target, bool banded) {
  if (banded) n.allow_only({"up_to_speed_kmps", "min_range_km", "max_range_km", "min_altitude_m", "max_altitude_m", "pk"});
  else n.allow_only({"min_range_km", "max_range_km", "min_altitude_m", "max_altitude_m", "pk"});
  TargetEnvelope e;
  if (banded) e.max_speed_mps = n.number_at("up_to_speed_kmps", 0.001, 100.0) * 1e3;
  // Inside the class's published envelope (what its flyout and layering are built on).
  e.min_range_m = n.number_at("min_range_km", cls.min_range_m / 1e3, cls.max_range_m / 1e3) * 1e3;
  e.max_range_m = n.number_at("max_range_km", cls.min_range_m / 1e3, cls.max_range_m / 1e3) * 1e3;
  if (e.max_range_m <= e.min_range_m) n.required("max_range_km").fail("must exceed min_range_km");
  e.min_altitude_m = n.number_at("min_altitude_m", cls.min_altitude_m, cls.max_altitude_m);
  e.max_altitude_m = n.number_at("max_altitude_m", cls.min_altitude_m, cls.max_altitude_m);
  if (e.max_altitude_m <= e.min_altitude_m) n.required("max_altitude_m").fail("must exceed min_altitude_m");
  const YamlNode pk = n.required("pk");
  e.pk = pk.number(0.0, 1.0);
  const double warhead = cls.pk_in_lethal_radius[static_cast<int>(target)];
  if (e.pk > warhead)
    pk.fail(fmt::format("single-shot pk {} exceeds the warhead's zero-miss pk.{} = {}: a shot cannot beat a burst at zero miss",
                        e.pk, to_string(target), warhead));
  return e;
}

}  // namespace

EnvelopeTable parse_envelopes(const YamlNode& n, const InterceptorClass& cls) {
  n.allow_only({"aircraft", "drone", "cruise_missile", "ballistic_missile"});
  EnvelopeTable t;
  for (ThreatClass target : kAllThreatClasses) {
    const std::string key(to_string(target));
    if (!n.has(key)) n.fail(fmt::format("missing field '{}': every target class needs an envelope (one row or speed bands)", key));
    const YamlNode v = n.required(key);
    auto& rows = t.rows[static_cast<int>(target)];
    if (v.is_map()) {
      rows.push_back(parse_row(v, cls, target, false));
      continue;
    }
    for (const YamlNode& band : v.list()) {
      TargetEnvelope e = parse_row(band, cls, target, true);
      if (!rows.empty()) {
        const TargetEnvelope& slower = rows.back();
        if (e.max_speed_mps <= slower.max_speed_mps)
          band.required("up_to_speed_kmps").fail(fmt::format("must be greater than the previous band's ({} km/s): bands ascend in speed",
                                                             slower.max_speed_mps / 1e3));
        if (e.pk > slower.pk)
          band.required("pk").fail(fmt::format("must not exceed the slower band's pk ({}): a faster target is never easier", slower.pk));
        if (e.max_range_m > slower.max_range_m)
          band.required("max_range_km").fail(fmt::format("must not exceed the slower band's ({} km): a faster target is never easier",
                                                         slower.max_range_m / 1e3));
      }
      rows.push_back(e);
    }
    if (rows.empty()) v.fail("must list at least one speed band");
  }
  return t;
}

}  // namespace skyshield

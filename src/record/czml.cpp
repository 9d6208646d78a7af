#include "record/czml.hpp"
#include "record/palette.hpp"
#include "record/svg_axes.hpp"  // xml_escape

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace skyshield {

namespace {

using Json = nlohmann::ordered_json;

// Rounded so that the file stays small and positions stay within a centimetre.
double round_to(double v, double unit) { return std::round(v / unit) * unit; }

Json rgba(Rgba c) { return Json{{"rgba", Json::array({c[0], c[1], c[2], c[3]})}}; }
Rgba faded(Rgba c, int alpha) { return {c[0], c[1], c[2], alpha}; }

std::string interval(double a, double b) { return replay_time(a) + "/" + replay_time(b); }

// A description table for Cesium's info box (click to inspect).
std::string describe(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::string html = "<table class=\"cesium-infoBox-defaultTable\"><tbody>";
  for (const auto& [k, v] : rows) html += fmt::format("<tr><th>{}</th><td>{}</td></tr>", xml_escape(k), xml_escape(v));
  return html + "</tbody></table>";
}

std::string time_or_dash(double t) { return t >= 0 ? fmt::format("{:.2f} s", t) : "-"; }

Json cartographic(const Geodetic& g) {
  return Json::array({round_to(g.lon_deg, 1e-7), round_to(g.lat_deg, 1e-7), round_to(g.alt_m, 0.01)});
}

Json site_packet(const Site& s, std::size_t index, const std::string& battalion) {
  Json p;
  p["id"] = fmt::format("site/{}/{}", index, s.name);
  p["name"] = s.name;
  p["position"] = {{"cartographicDegrees", cartographic(s.position)}};
  static const std::map<std::string, Rgba> colour = {
      {"asset", {60, 220, 60, 255}}, {"radar", {255, 255, 255, 255}}, {"launcher", {120, 200, 255, 255}}, {"command_post", {255, 255, 150, 255}}};
  const Rgba c = colour.count(s.kind) ? colour.at(s.kind) : Rgba{255, 255, 255, 255};
  p["point"] = {{"pixelSize", s.kind == "asset" ? 10 : 7}, {"color", rgba(c)}, {"outlineColor", rgba({0, 0, 0, 255})},
                {"outlineWidth", 1}, {"heightReference", "NONE"}};
  p["label"] = {{"text", s.name}, {"font", "12px sans-serif"}, {"fillColor", rgba(c)}, {"pixelOffset", {{"cartesian2", Json::array({0, -14})}}},
                {"distanceDisplayCondition", {{"distanceDisplayCondition", Json::array({0.0, 600e3})}}}};
  if (s.range_m > 0.0) {
    // Coverage ring (radar instrumented range, launcher's interceptor reach) or the asset's radius.
    const bool area = s.kind == "asset";
    p["ellipse"] = {{"semiMajorAxis", s.range_m}, {"semiMinorAxis", s.range_m}, {"height", 0.0},
                    {"fill", area}, {"material", {{"solidColor", {{"color", rgba(faded(c, 60))}}}}},
                    {"outline", true}, {"outlineColor", rgba(faded(c, area ? 200 : 110))}, {"outlineWidth", 1.0}};
  }
  p["properties"] = {{"category", "site"}, {"kind", s.kind}, {"battalion", battalion}};
  p["description"] = describe({{"kind", s.kind},
                               {"position", fmt::format("{:.5f}°, {:.5f}°, {:.0f} m", s.position.lat_deg, s.position.lon_deg, s.position.alt_m)},
                               {s.kind == "radar" ? "instrumented range" : s.kind == "asset" ? "radius" : "reach",
                                s.range_m > 0 ? fmt::format("{:.1f} km", s.range_m / 1e3) : "-"}});
  return p;
}

Json moving_packet(const Trajectory& tr, const std::string& id, Rgba colour, const Json& colour_property, double trail_s,
                   Json properties, std::string description) {
  Json p;
  p["id"] = id;
  p["name"] = tr.name;
  p["availability"] = interval(tr.samples.front().t, tr.samples.back().t);
  Json samples = Json::array();
  for (const TrajectorySample& s : tr.samples) {
    samples.push_back(round_to(s.t, 1e-3));
    for (const Json& v : cartographic(s.p)) samples.push_back(v);
  }
  p["position"] = {{"epoch", kReplayEpoch}, {"interpolationAlgorithm", "LAGRANGE"}, {"interpolationDegree", 1},
                   {"cartographicDegrees", samples}};
  p["point"] = {{"pixelSize", 8}, {"color", colour_property}, {"outlineColor", rgba({0, 0, 0, 200})}, {"outlineWidth", 1}};
  p["path"] = {{"leadTime", 0}, {"trailTime", trail_s}, {"width", 1.5}, {"resolution", 1},
               {"material", {{"solidColor", {{"color", rgba(faded(colour, 170))}}}}}};
  p["properties"] = std::move(properties);
  p["description"] = std::move(description);
  return p;
}

Json event_packet(const std::string& id, const std::string& name, double t, const Geodetic& where, Rgba c, int size,
                  const std::string& kind, const std::string& description) {
  Json p;
  p["id"] = id;
  p["name"] = name;
  p["availability"] = interval(t, t + 20.0);  // shown for 20 s after the event
  p["position"] = {{"cartographicDegrees", cartographic(where)}};
  p["point"] = {{"pixelSize", size}, {"color", rgba(c)}, {"outlineColor", rgba({255, 255, 255, 255})}, {"outlineWidth", 2}};
  p["properties"] = {{"category", "event"}, {"kind", kind}};
  p["description"] = description;
  return p;
}

}  // namespace

std::string replay_time(double seconds) {
  // kReplayEpoch is 2026-01-01T00:00:00Z; runs last at most a day (the loader's limit), so the
  // date is the 1st or the 2nd of January.
  const long long ms = std::llround(std::max(0.0, seconds) * 1e3);
  const long long day = ms / 86'400'000, in_day = ms % 86'400'000;
  return fmt::format("2026-01-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z", 1 + day, in_day / 3'600'000, in_day / 60'000 % 60,
                     in_day / 1000 % 60, in_day % 1000);
}

std::string replay_czml(const RunRecord& run) {
  Json doc = Json::array();
  const double end = std::max(run.end_time_s, 1.0);
  doc.push_back({{"id", "document"},
                 {"name", run.scenario},
                 {"version", "1.0"},
                 {"clock", {{"interval", interval(0.0, end)}, {"currentTime", replay_time(0.0)}, {"multiplier", 10},
                            {"range", "LOOP_STOP"}, {"step", "SYSTEM_CLOCK_MULTIPLIER"}}}});
  // Sites come battalion by battalion: its command post (named as the battalion), then its radars
  // and launchers (sim/recorder.cpp add_sites); assets first, in no battalion.
  std::string battalion;
  for (std::size_t i = 0; i < run.sites.size(); ++i) {
    if (run.sites[i].kind == "command_post") battalion = run.sites[i].name;
    doc.push_back(site_packet(run.sites[i], i, run.sites[i].kind == "asset" ? std::string() : battalion));
  }

  std::map<std::string, const ThreatRecord*> threats;
  for (const ThreatRecord& t : run.threats) threats[t.name] = &t;
  std::map<std::string, const InterceptorRecord*> interceptors;
  for (const InterceptorRecord& r : run.interceptors) interceptors[r.name] = &r;
  std::map<std::string, Geodetic> last_position;
  for (const Trajectory& tr : run.trajectories) {
    if (tr.samples.empty()) continue;
    last_position[tr.name] = tr.samples.back().p;
    if (const auto it = interceptors.find(tr.name); it != interceptors.end() && tr.kind.rfind("interceptor:", 0) == 0) {
      const InterceptorRecord& r = *it->second;
      const Rgba c = layer_colour(r.layer);
      doc.push_back(moving_packet(
          tr, "interceptor/" + r.name, c, rgba(c), 30.0,
          {{"category", "interceptor"}, {"kind", r.layer}, {"outcome", r.outcome}, {"battalion", r.battalion},
           {"class", r.interceptor_class}, {"launcher", r.launcher}, {"target", r.threat}},
          describe({{"class", r.interceptor_class}, {"layer", r.layer}, {"battalion", r.battalion}, {"launcher", r.launcher},
                    {"launched", time_or_dash(r.launch_time_s)}, {"aimed at", r.threat.empty() ? "false track" : r.threat},
                    {"outcome", r.outcome}, {"at", time_or_dash(r.outcome_time_s)},
                    {"miss distance", r.miss_distance_m >= 0 ? fmt::format("{:.1f} m", r.miss_distance_m) : "-"}})));
      continue;
    }
    const auto it = threats.find(tr.name);
    if (it == threats.end()) continue;
    const ThreatRecord& t = *it->second;
    const std::string cls(to_string(t.cls));
    const Rgba c = threat_colour(cls, t.decoy);
    // State by colour: faint until a radar detects it, full once detected.
    Json colour = rgba(c);
    if (t.first_detection_s > tr.samples.front().t) {
      colour = Json::array({Json{{"interval", interval(tr.samples.front().t, t.first_detection_s)}, {"rgba", Json::array({c[0], c[1], c[2], 110})}},
                            Json{{"interval", interval(t.first_detection_s, tr.samples.back().t)}, {"rgba", Json::array({c[0], c[1], c[2], 255})}}});
    } else if (t.first_detection_s < 0) {
      colour = rgba(faded(c, 110));
    }
    doc.push_back(moving_packet(
        tr, "threat/" + t.name, c, colour, 120.0,
        {{"category", "threat"}, {"kind", cls}, {"outcome", t.outcome}, {"decoy", t.decoy}},
        describe({{"type", t.type}, {"class", cls}, {"launched", time_or_dash(t.launch_time_s)},
                  {"first detected", time_or_dash(t.first_detection_s)}, {"first tracked", time_or_dash(t.first_track_s)},
                  {"first interceptor", time_or_dash(t.first_launch_s)}, {"interceptors fired", std::to_string(t.interceptors_fired)},
                  {"outcome", t.outcome + (t.killed_by_layer.empty() ? "" : " by " + t.killed_by_layer)},
                  {"at", time_or_dash(t.outcome_time_s)}})));
  }

  // Markers: intercepts (where the interceptor ended), misses and self-destructs, impacts.
  int n = 0;
  for (const Event& e : run.events) {
    const bool by_interceptor = e.type == EventType::Intercept || e.type == EventType::Miss || e.type == EventType::SelfDestruct;
    if (!by_interceptor && e.type != EventType::Impact) continue;
    const auto where = last_position.find(e.entity);
    if (where == last_position.end()) continue;
    const std::string id = fmt::format("event/{}", n++);
    if (e.type == EventType::Intercept)
      doc.push_back(event_packet(id, fmt::format("{} kills {}", e.entity, e.target), e.t, where->second, {255, 255, 255, 255}, 14,
                                 "intercept", describe({{"interceptor", e.entity}, {"threat", e.target}, {"time", time_or_dash(e.t)},
                                                        {"miss distance", fmt::format("{:.1f} m", e.value)}})));
    else if (by_interceptor)
      doc.push_back(event_packet(id, fmt::format("{} {}", e.entity, e.type == EventType::Miss ? "misses" : "self-destructs"), e.t,
                                 where->second, {128, 128, 128, 255}, 8, e.type == EventType::Miss ? "miss" : "self_destruct",
                                 describe({{"interceptor", e.entity}, {"target", e.target}, {"time", time_or_dash(e.t)}})));
    else
      doc.push_back(event_packet(id, fmt::format("{} impact", e.entity), e.t, where->second, {255, 0, 0, 255}, 14, "impact",
                                 describe({{"threat", e.entity}, {"asset", e.target}, {"time", time_or_dash(e.t)},
                                           {"distance from aim point", fmt::format("{:.0f} m", e.value)}})));
  }
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // never throws on non-UTF-8 names
}

}  // namespace skyshield

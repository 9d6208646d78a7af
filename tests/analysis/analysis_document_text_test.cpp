// Names from the user's files (scenario, threat types, radars, layers, interceptor classes, sweep
// parameters) reach the SVG plots, the HTML report and the CSV files as text. A name holding XML's or
// CSV's special characters must come out escaped: every SVG stays well-formed XML (checked by a small
// independent checker of the XML 1.0 rules the writers can break: tags nest and close, '&' starts
// an entity reference, '<' never appears in text, attribute values are quoted) and every CSV row keeps
// its field count under RFC 4180 parsing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/coverage_diagram.hpp"
#include "analysis/envelope.hpp"
#include "analysis/mc_report.hpp"
#include "analysis/sweep.hpp"
#include "record/report_html.hpp"
#include "record/summary.hpp"
#include "record/svg_axes.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kHostile = "A<b>&\"c\", d";
const std::string kEscaped = "A&lt;b&gt;&amp;&quot;c&quot;, d";

// Empty when doc is well-formed in the respects above, else what is wrong and where.
std::string xml_problem(const std::string& doc) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto entity_ok = [&](std::size_t at) {
    const std::size_t semi = doc.find(';', at);
    if (semi == std::string::npos || semi - at > 8) return false;
    const std::string e = doc.substr(at + 1, semi - at - 1);
    if (e == "lt" || e == "gt" || e == "amp" || e == "quot" || e == "apos") return true;
    return e.size() >= 2 && e[0] == '#';
  };
  while (i < doc.size()) {
    const char c = doc[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bad entity at " + std::to_string(i) + ": " + doc.substr(i, 20);
      ++i;
    } else if (c != '<') {
      ++i;
    } else if (doc.compare(i, 2, "<?") == 0 || doc.compare(i, 2, "<!") == 0) {
      const std::size_t end = doc.find('>', i);
      if (end == std::string::npos) return "unterminated declaration";
      i = end + 1;
    } else {
      const bool closing = doc[i + 1] == '/';
      std::size_t j = i + (closing ? 2 : 1);
      const std::size_t name_start = j;
      while (j < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[j])) || doc[j] == '-' || doc[j] == ':' || doc[j] == '_')) ++j;
      const std::string name = doc.substr(name_start, j - name_start);
      if (name.empty()) return "'<' in text at " + std::to_string(i) + ": " + doc.substr(i, 20);
      bool self_closing = false;
      for (;;) {  // attributes: name="value" with no '<' in the value and entities only
        while (j < doc.size() && std::isspace(static_cast<unsigned char>(doc[j]))) ++j;
        if (j >= doc.size()) return "unterminated tag " + name;
        if (doc[j] == '>') break;
        if (doc.compare(j, 2, "/>") == 0) { self_closing = true; ++j; break; }
        if (closing) return "attribute in closing tag " + name;
        const std::size_t eq = doc.find('=', j);
        if (eq == std::string::npos || doc[eq + 1] != '"') return "unquoted attribute in " + name;
        const std::size_t close = doc.find('"', eq + 2);
        if (close == std::string::npos) return "unterminated attribute in " + name;
        for (std::size_t k = eq + 2; k < close; ++k) {
          if (doc[k] == '<') return "'<' in an attribute of " + name;
          if (doc[k] == '&' && !entity_ok(k)) return "bad entity in an attribute of " + name;
        }
        j = close + 1;
      }
      if (closing) {
        if (open.empty() || open.back() != name) return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back());
        open.pop_back();
      } else if (!self_closing) {
        open.push_back(name);
      }
      i = j + 1;
    }
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

// RFC 4180 field counts of each record.
std::vector<int> csv_field_counts(const std::string& csv) {
  std::vector<int> counts;
  int fields = 1;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') ++i;
      else if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      ++fields;
    } else if (c == '\n') {
      counts.push_back(fields);
      fields = 1;
    }
  }
  return counts;
}

void expect_same_field_count(const std::string& csv, const char* what) {
  const std::vector<int> n = csv_field_counts(csv);
  ASSERT_FALSE(n.empty()) << what;
  for (std::size_t r = 0; r < n.size(); ++r) EXPECT_EQ(n[r], n[0]) << what << " row " << r;
}

TEST(DocumentText, XmlEscapeAndTheCheckerAgree) {
  EXPECT_EQ(xml_escape(kHostile), kEscaped);
  EXPECT_EQ(xml_escape("plain name_1"), "plain name_1");
  // The checker itself: the unescaped name breaks a document, the escaped one does not.
  EXPECT_NE(xml_problem("<svg><text>" + kHostile + "</text></svg>"), "");
  EXPECT_EQ(xml_problem("<svg><text>" + kEscaped + "</text></svg>"), "");
  EXPECT_NE(xml_problem("<svg><g></svg>"), "");
  EXPECT_EQ(csv_field(kHostile), "\"A<b>&\"\"c\"\", d\"");
  EXPECT_EQ(csv_field_counts("a," + csv_field(kHostile) + ",b\n"), std::vector<int>{3});
}

TEST(DocumentText, RunPlotsReportAndEventsKeepHostileNames) {
  RunRecord run = run_scenario(load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml"));
  run.scenario = kHostile;
  for (std::string& l : run.layers) l = kHostile + l;
  for (ThreatRecord& t : run.threats) t.type = kHostile;
  for (Event& e : run.events) e.entity = kHostile + e.entity;
  ASSERT_FALSE(run.events.empty());
  for (const std::string& svg : {engagement_svg(run), profile_svg(run)}) {
    EXPECT_EQ(xml_problem(svg), "");
    EXPECT_NE(svg.find(kEscaped), std::string::npos);
    EXPECT_EQ(svg.find(kHostile), std::string::npos);
  }
  const std::string html = report_html(run, summarize(run));
  EXPECT_NE(html.find(kEscaped), std::string::npos);
  EXPECT_EQ(html.find(kHostile), std::string::npos);
  expect_same_field_count(events_csv(run), "events.csv");
}

TEST(DocumentText, AnalysisPlotsAndTablesKeepHostileNames) {
  RadarCoverage cov;
  cov.radar = kHostile;
  cov.antenna_height_m = 10.0;
  CoverageCurve curve;
  curve.label = kHostile;
  curve.altitude_m = {100.0, 1000.0};
  curve.ground = {{0.0, 50e3}, {0.0, 120e3}};
  cov.curves = {curve};
  cov.horizon = curve;
  const std::string cov_svg = coverage_svg({cov}, kHostile, 0.9);
  EXPECT_EQ(xml_problem(cov_svg), "");
  EXPECT_EQ(cov_svg.find(kHostile), std::string::npos);
  expect_same_field_count(coverage_csv({cov}), "coverage.csv");

  Envelope env;
  env.cls = kHostile;
  const std::string env_svg = envelope_svg(env);
  EXPECT_EQ(xml_problem(env_svg), "");
  EXPECT_NE(env_svg.find(kEscaped), std::string::npos);

  MonteCarloResult mc;
  mc.scenario = kHostile;
  mc.layers = {kHostile};
  RunRow row;
  row.fired_by_layer = {3};
  row.kills_by_layer = {2};
  row.fired = 3;
  mc.rows = {row, row};
  const std::string mc_plot = mc_svg(mc);
  EXPECT_EQ(xml_problem(mc_plot), "");
  EXPECT_EQ(mc_plot.find(kHostile), std::string::npos);
  expect_same_field_count(runs_csv(mc), "runs.csv");

  const std::vector<SweepParam> params{{"threats[0].name", {kHostile, "x"}}};
  std::vector<SweepPoint> points(2);
  points[0].values = {kHostile};
  points[1].values = {"x"};
  for (SweepPoint& p : points) p.result = mc;
  const std::string sweep_plot = sweep_svg(params, points);
  EXPECT_EQ(xml_problem(sweep_plot), "");
  EXPECT_NE(sweep_plot.find(kEscaped), std::string::npos);
  expect_same_field_count(sweep_csv(params, points), "sweep.csv");
}

}  // namespace
}  // namespace skyshield

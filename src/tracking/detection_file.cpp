#include "tracking/detection_file.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <optional>
#include <sstream>

#include "core/error.hpp"
#include "core/csv.hpp"
#include "core/parse_number.hpp"
#include "core/units.hpp"
#include "core/utf8.hpp"

namespace skyshield {

namespace {

// Text of a bad field or line for an error message: bytes outside printable ASCII as \xHH, cut at 80.
std::string printable(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < 80; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out += c >= 0x20 && c < 0x7F ? std::string(1, s[i]) : fmt::format("\\x{:02x}", c);
  }
  return s.size() > 80 ? out + "..." : out;
}

std::vector<std::string> split(const std::string& header) { return parse_csv_record(header, "header"); }

// Reads a CSV (RFC 4180, core/csv.hpp) with a fixed header, calling row(fields, line number) for
// each record; bounded by the file limits (detection_file.hpp).
template <class F>
void read_csv(const std::string& path, const std::string& header, F&& row) {
  CsvReader in(path, kMaxCsvLineBytes, kMaxCsvLines);
  const std::vector<std::string> columns = split(header);
  std::vector<std::string> f;
  bool seen_header = false;
  while (in.next(f)) {
    const long long n = in.line();
    if (!seen_header) {
      if (f != columns)
        throw InputError(fmt::format("{}:{}: the header must be '{}' (got '{}')", path, n, header, printable(csv_record(f))));
      seen_header = true;
      continue;
    }
    if (f.size() != columns.size())
      throw InputError(fmt::format("{}:{}: {} columns, expected {}", path, n, f.size(), columns.size()));
    row(f, n);
  }
  if (!seen_header) throw InputError(fmt::format("{}: empty file (no header '{}')", path, header));
}

class Fields {
 public:
  Fields(const std::string& path, long long line, const std::vector<std::string>& names, const std::vector<std::string>& f)
      : path_(path), line_(line), names_(names), f_(f) {}
  double number(std::size_t i, double lo, double hi) const {
    const std::optional<double> v = parse_finite_number(f_[i]);
    if (!v) fail(i, fmt::format("'{}' is not a decimal number", printable(f_[i])));
    if (*v < lo || *v > hi) fail(i, fmt::format("must be between {:g} and {:g} (got {:g})", lo, hi, *v));
    return *v;
  }
  bool empty(std::size_t i) const { return f_[i].empty(); }
  // A name: not empty, at most kMaxCsvNameBytes, UTF-8 without control characters.
  const std::string& name(std::size_t i) const {
    if (f_[i].empty()) fail(i, "is empty");
    if (f_[i].size() > kMaxCsvNameBytes)
      fail(i, fmt::format("{} bytes, longer than the limit of {}", f_[i].size(), kMaxCsvNameBytes));
    if (!is_clean_utf8(f_[i])) fail(i, fmt::format("'{}' is not UTF-8 text (or holds control characters)", printable(f_[i])));
    return f_[i];
  }
  [[noreturn]] void fail(std::size_t i, const std::string& what) const {
    throw InputError(fmt::format("{}:{}: column '{}': {}", path_, line_, names_[i], what));
  }

 private:
  const std::string& path_;
  long long line_;
  const std::vector<std::string>& names_;
  const std::vector<std::string>& f_;
};

// The index of `name` in `names`, added when new: at most `limit` names (else Fields::fail on column i).
int index_of(std::vector<std::string>& names, const Fields& c, std::size_t i, std::size_t limit, const char* what) {
  const std::string& name = c.name(i);
  for (std::size_t k = 0; k < names.size(); ++k)
    if (names[k] == name) return static_cast<int>(k);
  if (names.size() >= limit) c.fail(i, fmt::format("more than the limit of {} {}", limit, what));
  names.push_back(name);
  return static_cast<int>(names.size()) - 1;
}

}  // namespace

DetectionFile read_detection_csv(const std::string& path) {
  DetectionFile out;
  const std::vector<std::string> names = split(kDetectionCsvHeader);
  double last_t = -INFINITY;
  std::size_t detections = 0;
  read_csv(path, kDetectionCsvHeader, [&](const std::vector<std::string>& f, long long line) {
    const Fields c(path, line, names, f);
    const double t = c.number(0, -1e9, 1e9);
    if (t < last_t) c.fail(0, fmt::format("times must not decrease ({:g} after {:g})", t, last_t));
    last_t = t;
    const Geodetic site{c.number(2, -90, 90), c.number(3, -180, 360), c.number(4, -1e4, 1e8)};
    const std::size_t before = out.sensors.size();
    const int sensor = index_of(out.sensors, c, 1, kMaxSensors, "sensors");
    if (out.sensors.size() > before) out.sensor_sites.push_back(site);
    else if (std::abs(out.sensor_sites[sensor].lat_deg - site.lat_deg) > 1e-9 ||
             std::abs(out.sensor_sites[sensor].lon_deg - site.lon_deg) > 1e-9 ||
             std::abs(out.sensor_sites[sensor].alt_m - site.alt_m) > 1e-3)
      c.fail(2, "a sensor's position must not change (sensor '" + c.name(1) + "')");
    Measurement m;
    m.t = t;
    m.rae.range_m = c.number(5, 0.0, 1e8);
    m.rae.az_rad = c.number(6, -360.0, 360.0) * kDegToRad;
    if (m.rae.az_rad < 0.0) m.rae.az_rad += 2.0 * std::numbers::pi;
    m.rae.el_rad = c.number(7, -90.0, 90.0) * kDegToRad;
    m.sigma_range_m = c.number(9, 1e-3, 1e6);
    m.sigma_az_rad = c.number(10, 1e-6, 90.0) * kDegToRad;
    m.sigma_el_rad = c.number(11, 1e-6, 90.0) * kDegToRad;
    if (c.empty(8) != c.empty(12)) c.fail(c.empty(8) ? 8 : 12, "range rate and its sigma go together (both or neither)");
    if (!c.empty(8)) {
      m.has_range_rate = true;
      m.range_rate_mps = c.number(8, -1e5, 1e5);
      m.sigma_range_rate_mps = c.number(12, 1e-3, 1e4);
    }
    if (++detections > kMaxDetections) c.fail(0, fmt::format("more than the limit of {} detections in a file", kMaxDetections));
    if (out.batches.empty() || out.batches.back().radar_index != sensor || out.batches.back().t0 != t) {
      MeasurementBatch b;
      b.radar_index = sensor;
      b.t0 = b.t1 = t;
      b.radar_frame = LocalFrame(out.sensor_sites[sensor]);
      b.coverage.known = false;
      out.batches.push_back(std::move(b));
    }
    if (out.batches.back().detections.size() >= kMaxDetectionsPerBatch)
      c.fail(0, fmt::format("more than the limit of {} detections of one sensor at one time (sensor '{}', t {:g} s)",
                            kMaxDetectionsPerBatch, c.name(1), t));
    out.batches.back().detections.push_back(m);
  });
  return out;
}

TruthFile read_truth_csv(const std::string& path) {
  TruthFile out;
  const std::vector<std::string> names = split(kTruthCsvHeader);
  double last_t = -INFINITY;
  read_csv(path, kTruthCsvHeader, [&](const std::vector<std::string>& f, long long line) {
    const Fields c(path, line, names, f);
    TruthPoint p;
    p.t = c.number(0, -1e9, 1e9);
    if (p.t < last_t) c.fail(0, fmt::format("times must not decrease ({:g} after {:g})", p.t, last_t));
    last_t = p.t;
    p.object = index_of(out.objects, c, 1, kMaxTruthObjects, "truth objects");
    p.position = {c.number(2, -90, 90), c.number(3, -180, 360), c.number(4, -1e4, 1e8)};
    out.points.push_back(p);
  });
  return out;
}

std::string detection_csv_rows(const std::string& sensor, const Geodetic& antenna, const MeasurementBatch& batch) {
  std::string out;
  for (const Measurement& m : batch.detections) {
    out += fmt::format("{:.3f},{},{:.8f},{:.8f},{:.2f},{:.2f},{:.6f},{:.6f},", batch.t0, csv_field(sensor), antenna.lat_deg, antenna.lon_deg,
                       antenna.alt_m, m.rae.range_m, m.rae.az_rad / kDegToRad, m.rae.el_rad / kDegToRad);
    out += m.has_range_rate ? fmt::format("{:.3f}", m.range_rate_mps) : std::string();
    out += fmt::format(",{:.3f},{:.6f},{:.6f},", m.sigma_range_m, m.sigma_az_rad / kDegToRad, m.sigma_el_rad / kDegToRad);
    out += m.has_range_rate ? fmt::format("{:.3f}", m.sigma_range_rate_mps) : std::string();
    out += "\n";
  }
  return out;
}

}  // namespace skyshield

// The flyout table's disk-cache entry: its key and its rows as bytes (doubles bit for bit, so that a
// table read back is the table built).
#include <cstdint>
#include <string_view>

#include "core/disk_cache.hpp"
#include "core/raw_bytes.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {

namespace {

constexpr std::uint64_t kMaxCount = 1u << 20;   // no real table comes near: guards decode's allocations

bool get_count(std::string_view& in, std::uint64_t& n) { return get_raw(in, n) && n <= kMaxCount; }

}  // namespace

std::string FlyoutTable::cache_key() const {
  if (source_.empty() || program_build_id().empty()) return {};
  return "skyshield flyout table\nprogram " + program_build_id() + "\nclass " + c_.name + "\n" + source_;
}

std::string FlyoutTable::encode(const std::vector<Row>& rows) {
  std::string out;
  put_raw<std::uint64_t>(out, rows.size());
  for (const Row& r : rows) {
    put_raw(out, r.height_m);
    put_raw(out, r.reach_m);
    put_raw<std::uint64_t>(out, r.time_s.size());
    for (std::size_t j = 0; j < r.time_s.size(); ++j) {
      put_raw(out, r.time_s[j]);
      put_raw(out, r.speed_mps[j]);
      put_raw<std::uint8_t>(out, r.reachable[j] ? 1 : 0);
    }
    put_raw<std::uint64_t>(out, r.interval_ok.size());
    for (char ok : r.interval_ok) put_raw<std::uint8_t>(out, ok ? 1 : 0);
  }
  return out;
}

bool FlyoutTable::decode(const std::string& bytes, std::vector<Row>& rows) {
  std::string_view in(bytes);
  std::vector<Row> out;
  std::uint64_t n_rows = 0;
  if (!get_count(in, n_rows)) return false;
  for (std::uint64_t i = 0; i < n_rows; ++i) {
    Row r;
    std::uint64_t n = 0, m = 0;
    if (!get_raw(in, r.height_m) || !get_raw(in, r.reach_m) || !get_count(in, n)) return false;
    for (std::uint64_t j = 0; j < n; ++j) {
      double t = 0, v = 0;
      std::uint8_t ok = 0;
      if (!get_raw(in, t) || !get_raw(in, v) || !get_raw(in, ok) || ok > 1) return false;
      r.time_s.push_back(t);
      r.speed_mps.push_back(v);
      r.reachable.push_back(ok == 1);
    }
    if (!get_count(in, m)) return false;
    for (std::uint64_t j = 0; j < m; ++j) {
      std::uint8_t ok = 0;
      if (!get_raw(in, ok) || ok > 1) return false;
      r.interval_ok.push_back(static_cast<char>(ok));
    }
    out.push_back(std::move(r));
  }
  if (!in.empty()) return false;
  rows = std::move(out);
  return true;
}

}  // namespace skyshield

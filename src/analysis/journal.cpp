#include "analysis/journal.hpp"

#include "core/csv.hpp"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <sstream>

#include "core/disk_cache.hpp"
#include "core/error.hpp"

namespace skyshield {

namespace {

std::string join_layers(const std::vector<std::string>& layers) {
  std::string s;
  for (std::size_t i = 0; i < layers.size(); ++i) s += (i ? "|" : "") + layers[i];
  return s;
}

template <class T>
T parse(const std::string& field, const std::string& where) {
  T v{};
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (ec != std::errc() || end != field.data() + field.size())
    throw InputError(fmt::format("{}: journal: malformed field '{}'", where, field));
  return v;
}

}  // namespace

std::uint64_t file_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return 0;
  std::uint64_t h = 1469598103934665603ull;
  char c;
  while (in.get(c)) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t files_hash(const std::vector<std::string>& paths) {
  std::uint64_t h = 1469598103934665603ull;
  for (const std::string& p : paths) h = (h ^ file_hash(p)) * 1099511628211ull;
  return h;
}

// The running program's build id is part of the header: runs of another build (the models may have
// changed) are never resumed into this batch's statistics.
std::string journal_header(const JournalKey& k) {
  const std::string& build = program_build_id();
  return fmt::format("# skyshield mc journal v5 scenario={} hash={:016x} seed={} layers={} build={}\n", k.scenario, k.scenario_hash,
                     k.base_seed, join_layers(k.layers), build.empty() ? "unknown" : build);
}

std::string journal_line(const RunRow& r) {
  std::string s = fmt::format("{},{}", r.run, r.seed);
  for (int c = 0; c < kThreatClassCount; ++c)
    s += fmt::format(",{},{},{},{},{}", r.count[c], r.killed[c], r.leaked[c], r.engaged[c], r.fired_at[c]);
  for (std::size_t l = 0; l < r.fired_by_layer.size(); ++l) s += fmt::format(",{},{}", r.fired_by_layer[l], r.kills_by_layer[l]);
  s += fmt::format(",{},{},{},{},{}", r.fired, r.cost, r.asset_hits, r.end_time_s, r.threat_cost_killed);
  // The friendly and SEAD figures (v4): without them a resumed or MPI-gathered batch reported zeros.
  s += fmt::format(",{},{},{},{},{}", r.friendlies, r.fratricide, r.friendly_engaged, r.rounds_at_friends, r.hostiles_withheld);
  s += fmt::format(",{},{},{},{},{},{},{}\n", r.sead ? 1 : 0, r.arms, r.arms_killed, r.radars_lost, r.decoy_emitters_hit,
                   r.rounds_at_air_decoys, r.radar_silent_s);
  return s;
}

RunRow parse_journal_line(const std::string& line, std::size_t n_layers, const std::string& where) {
  const std::vector<std::string> f = parse_csv_record(line, where + ": journal");
  const std::size_t expected = 2 + 5 * kThreatClassCount + 2 * n_layers + 5 + 5 + 7;
  if (f.size() != expected) throw InputError(fmt::format("{}: journal: {} fields, expected {}", where, f.size(), expected));
  RunRow r;
  std::size_t i = 0;
  r.run = parse<int>(f[i++], where);
  r.seed = parse<std::uint64_t>(f[i++], where);
  for (int c = 0; c < kThreatClassCount; ++c) {
    r.count[c] = parse<int>(f[i++], where);
    r.killed[c] = parse<int>(f[i++], where);
    r.leaked[c] = parse<int>(f[i++], where);
    r.engaged[c] = parse<int>(f[i++], where);
    r.fired_at[c] = parse<int>(f[i++], where);
  }
  for (std::size_t l = 0; l < n_layers; ++l) {
    r.fired_by_layer.push_back(parse<int>(f[i++], where));
    r.kills_by_layer.push_back(parse<int>(f[i++], where));
  }
  r.fired = parse<int>(f[i++], where);
  r.cost = parse<double>(f[i++], where);
  r.asset_hits = parse<int>(f[i++], where);
  r.end_time_s = parse<double>(f[i++], where);
  r.threat_cost_killed = parse<double>(f[i++], where);
  r.friendlies = parse<int>(f[i++], where);
  r.fratricide = parse<int>(f[i++], where);
  r.friendly_engaged = parse<int>(f[i++], where);
  r.rounds_at_friends = parse<int>(f[i++], where);
  r.hostiles_withheld = parse<int>(f[i++], where);
  const int sead = parse<int>(f[i++], where);
  if (sead != 0 && sead != 1) throw InputError(fmt::format("{}: journal: SEAD flag '{}' is not 0 or 1", where, f[i - 1]));
  r.sead = sead == 1;
  r.arms = parse<int>(f[i++], where);
  r.arms_killed = parse<int>(f[i++], where);
  r.radars_lost = parse<int>(f[i++], where);
  r.decoy_emitters_hit = parse<int>(f[i++], where);
  r.rounds_at_air_decoys = parse<int>(f[i++], where);
  r.radar_silent_s = parse<double>(f[i++], where);
  return r;
}

std::vector<RunRow> read_journal(const std::string& path, const JournalKey& key) {
  std::vector<RunRow> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) return rows;
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  std::size_t pos = 0;
  int line_no = 0;
  const std::size_t n_layers = key.layers.size();
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) break;  // cut off while being written: that run is done again
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line_no == 1) {
      if (line + "\n" != journal_header(key))
        throw InputError(fmt::format("{}:1: journal of another batch (scenario file, seed or layers differ, another build of skyshield "
                                     "wrote it, or an older journal format): use another --out directory or delete the journal",
                                     path));
      continue;
    }
    rows.push_back(parse_journal_line(line, n_layers, fmt::format("{}:{}", path, line_no)));
  }
  return rows;
}

JournalWriter::JournalWriter(const std::string& path, const JournalKey& key) : path_(path) {
  // A cut-off last line is dropped by rewriting the complete lines first.
  const std::vector<RunRow> rows = read_journal(path, key);
  const bool exists = std::filesystem::exists(path);
  if (exists) {
    std::string text = journal_header(key);
    for (const RunRow& r : rows) text += journal_line(r);
    std::ofstream rewrite(path, std::ios::binary | std::ios::trunc);
    rewrite << text;
    if (!rewrite) throw InputError(fmt::format("{}: cannot write the journal", path));
  }
  out_.open(path, std::ios::binary | std::ios::app);
  if (!out_) throw InputError(fmt::format("{}: cannot open the journal for writing", path));
  if (!exists) out_ << journal_header(key) << std::flush;
}

void JournalWriter::append(const RunRow& row) {
  out_ << journal_line(row) << std::flush;
  if (!out_) throw InputError(fmt::format("{}: cannot append to the journal", path_));
}

}  // namespace skyshield

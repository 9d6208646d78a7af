// Flyout tables through the disk cache: the first load of a scenario builds each table and stores
// it; the next load (a new process, in effect: new table objects) reads it, and the rows read are the
// rows built, bit for bit. A class whose YAML differs, or a table without source text, does not share
// the entry; the entry's bytes decode only whole.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/disk_cache.hpp"
#include "scenario/loader.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {
namespace {

namespace fs = std::filesystem;

const std::string kDefault = std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml";

// The cache in a fresh directory for the test's scope.
class FreshCache {
 public:
  explicit FreshCache(const std::string& name)
      : dir_(fs::temp_directory_path() / ("skyshield-flyout-cache-test-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(dir_);
    if (const char* old = std::getenv("SKYSHIELD_CACHE_DIR")) old_ = old;
    ::setenv("SKYSHIELD_CACHE_DIR", dir_.c_str(), 1);
  }
  ~FreshCache() {
    old_.empty() ? ::unsetenv("SKYSHIELD_CACHE_DIR") : ::setenv("SKYSHIELD_CACHE_DIR", old_.c_str(), 1);
    fs::remove_all(dir_);
  }
  FreshCache(const FreshCache&) = delete;
  FreshCache& operator=(const FreshCache&) = delete;
  int entries() const {
    int n = 0;
    if (fs::exists(dir_))
      for (const auto& e : fs::directory_iterator(dir_)) n += e.path().filename().string().starts_with("flyout-");
    return n;
  }

 private:
  fs::path dir_;
  std::string old_;
};

const FlyoutTable& table_of(const InterceptorClass& c) { return static_cast<const FlyoutTable&>(*c.flyout); }

// Bitwise equality of two tables' rows (doubles compared as bytes: -0.0 and NaN payloads count).
void expect_same_bits(const std::vector<FlyoutTable::Row>& a, const std::vector<FlyoutTable::Row>& b) {
  ASSERT_EQ(a.size(), b.size());
  auto same = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(same(a[i].height_m, b[i].height_m));
    EXPECT_TRUE(same(a[i].reach_m, b[i].reach_m));
    ASSERT_EQ(a[i].time_s.size(), b[i].time_s.size());
    for (std::size_t j = 0; j < a[i].time_s.size(); ++j) {
      EXPECT_TRUE(same(a[i].time_s[j], b[i].time_s[j])) << i << " " << j;
      EXPECT_TRUE(same(a[i].speed_mps[j], b[i].speed_mps[j])) << i << " " << j;
    }
    EXPECT_EQ(a[i].reachable, b[i].reachable);
    EXPECT_EQ(a[i].interval_ok, b[i].interval_ok);
  }
}

TEST(FlyoutCache, TheTableReadBackIsTheTableBuilt) {
  if (program_build_id().empty()) GTEST_SKIP() << "no build id: nothing is cached";
  FreshCache cache("roundtrip");
  const Scenario first = load_scenario(kDefault);
  const InterceptorClass& c = first.interceptor_classes.front();   // the first class is enough here
  EXPECT_FALSE(table_of(c).from_cache());
  EXPECT_EQ(cache.entries(), 1);
  const Scenario second = load_scenario(kDefault);
  const InterceptorClass& again = second.interceptor_classes.front();
  ASSERT_EQ(again.name, c.name);
  EXPECT_TRUE(table_of(again).from_cache());
  expect_same_bits(table_of(again).rows(), table_of(c).rows());
  EXPECT_EQ(table_of(again).reach_m(), table_of(c).reach_m());
  // Built again without the cache: the same bits (the table is a pure function of its class).
  const FlyoutTable rebuilt(c);
  EXPECT_FALSE(rebuilt.from_cache());
  expect_same_bits(rebuilt.rows(), table_of(c).rows());
}

TEST(FlyoutCache, AnotherSourceTextDoesNotShareTheEntry) {
  if (program_build_id().empty()) GTEST_SKIP() << "no build id: nothing is cached";
  FreshCache cache("sources");
  const Scenario s = load_scenario(kDefault);
  const InterceptorClass& c = s.interceptor_classes.front();
  const FlyoutTable a(c, "max_range_km: 40\n");
  EXPECT_FALSE(a.from_cache());
  const FlyoutTable b(c, "max_range_km: 41\n");
  EXPECT_FALSE(b.from_cache());
  EXPECT_EQ(cache.entries(), 2);
  const FlyoutTable a_again(c, "max_range_km: 40\n");
  EXPECT_TRUE(a_again.from_cache());
  ::setenv("SKYSHIELD_CACHE_DIR", "off", 1);
  const FlyoutTable off(c, "max_range_km: 40\n");
  EXPECT_FALSE(off.from_cache());
}

TEST(FlyoutCache, EntryBytesDecodeOnlyWhole) {
  FlyoutTable::Row r;
  r.height_m = 1000.0;
  r.reach_m = 41e3;
  for (int j = 0; j < 4; ++j) {
    r.time_s.push_back(j * 10.5);
    r.speed_mps.push_back(1000.0 - j);
    r.reachable.push_back(j > 0);
  }
  r.interval_ok = {0, 1, 1};
  const std::vector<FlyoutTable::Row> rows{r, r};
  const std::string bytes = FlyoutTable::encode(rows);
  std::vector<FlyoutTable::Row> back;
  ASSERT_TRUE(FlyoutTable::decode(bytes, back));
  expect_same_bits(back, rows);
  for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(FlyoutTable::decode(bytes.substr(0, n), back)) << n;
  EXPECT_FALSE(FlyoutTable::decode(bytes + '\0', back));
}

}  // namespace
}  // namespace skyshield

// Hostile WTA instance files (issue 27), each made here: the documented maximum is one the solvers
// can hold, a file past it is refused at its header (not a bad_alloc), /dev/zero is refused at once,
// and numbers are decimal only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

std::string write(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << content;
  return path;
}

std::string error_of(const std::string& path) {
  try {
    read_wta_instance(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// W x T instance text: values 50, every Pk 0.5.
std::string instance(int w, int t) {
  std::string s = std::to_string(w) + " " + std::to_string(t) + "\n";
  for (int j = 0; j < t; ++j) s += "50 ";
  s += "\n";
  std::string row;
  for (int j = 0; j < t; ++j) row += "0.5 ";
  for (int i = 0; i < w; ++i) s += row + "\n";
  return s;
}

TEST(WtaInstanceLimits, PastTheMaximumIsRefusedAtTheHeader) {
  // The old documented maximum, 100000 x 100000: 80 GB of Pk, a bad_alloc once the values were read.
  std::string big = "100000 100000\n";
  for (int j = 0; j < 100000; ++j) big += "1 ";
  const std::string path = write("skyshield_wta_big.wta", big + "\n");
  EXPECT_EQ(error_of(path), path + ":1: number of weapons: must be an integer from 1 to the limit of 1000 (got 100000)");
  const std::string targets = write("skyshield_wta_targets.wta", "3 1001\n");
  EXPECT_EQ(error_of(targets), targets + ":1: number of targets: must be an integer from 1 to the limit of 1000 (got 1001)");
}

TEST(WtaInstanceLimits, TheMaximumReadsAndSolves) {
  const std::string path = write("skyshield_wta_max.wta", instance(kWtaMaxWeapons, kWtaMaxTargets));
  const WtaProblem p = read_wta_instance(path);
  ASSERT_EQ(p.pk.rows(), 1000);
  ASSERT_EQ(p.pk.cols(), 1000);
  // Identical weapons: greedy is optimal (den Broeder et al. 1959), one weapon per target, each
  // target survives with 0.5: 1000 * 50 * 0.5.
  const WtaResult r = solve_wta(p, WtaSolver::Greedy);
  EXPECT_NEAR(r.value, 25000.0, 1e-6);
}

TEST(WtaInstanceLimits, DevZeroIsRefusedAtOnce) { EXPECT_EQ(error_of("/dev/zero"), "/dev/zero:1: a NUL byte: not a text file"); }

TEST(WtaInstanceLimits, AnEndlessLineIsRefusedAtTheLimit) {
  const std::string path = write("skyshield_wta_line.wta", "1 1\n" + std::string((1 << 20) + 10, '5'));
  EXPECT_EQ(error_of(path), path + ":2: the line is longer than the limit of 1048576 bytes");
}

TEST(WtaInstanceLimits, NumbersAreDecimalOnly) {
  // strtod takes hexadecimal (C11 7.22.1.3): "0x2 0x1" was read as 2 weapons, 1 target.
  const std::string hex = write("skyshield_wta_hex.wta", "0x2 0x1\n5\n0.5\n0.5\n");
  EXPECT_EQ(error_of(hex), hex + ":1: number of weapons: not a decimal number: '0x2'");
  const std::string pk = write("skyshield_wta_hexpk.wta", "1 1\n5\n0x1p-1\n");
  EXPECT_EQ(error_of(pk), pk + ":3: kill probability: not a decimal number: '0x1p-1'");
  const std::string ok = write("skyshield_wta_plus.wta", "1 1\n+5\n.5\n");
  EXPECT_EQ(read_wta_instance(ok).pk(0, 0), 0.5);
}

}  // namespace
}  // namespace skyshield

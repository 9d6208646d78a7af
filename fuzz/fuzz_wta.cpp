// libFuzzer target: the WTA instance reader (c2/wta_instance.hpp). Any bytes must give an instance
// within the documented limits or an InputError, never a crash, a hang, undefined behaviour or
// unbounded memory; an instance read must write back (format_wta_instance) to text that reads as
// the same instance. Run with scripts/fuzz.sh wta SECONDS; seeds in fuzz/corpus/wta.
#include <cstdlib>

#include "c2/wta_instance.hpp"
#include "core/error.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace skyshield;
  WtaProblem p;
  try {
    p = read_wta_instance(fuzz_input_file("instance.wta", data, size));
  } catch (const InputError&) {
    return 0;
  }
  if (p.pk.rows() < 1 || p.pk.rows() > kWtaMaxWeapons || p.pk.cols() < 1 || p.pk.cols() > kWtaMaxTargets) std::abort();
  if (static_cast<Eigen::Index>(p.value.size()) != p.pk.cols()) std::abort();
  const std::string text = format_wta_instance(p);
  const WtaProblem again = read_wta_instance(
      fuzz_input_file("again.wta", reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  if (again.value != p.value || again.pk != p.pk) std::abort();  // not what was read
  return 0;
}

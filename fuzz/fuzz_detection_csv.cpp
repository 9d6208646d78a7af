// libFuzzer target: the detection and truth CSV readers (tracking/detection_file.hpp). Any bytes must
// give a file within the documented limits or an InputError, never a crash, a hang, undefined
// behaviour or unbounded memory. Run with scripts/fuzz.sh detection_csv SECONDS; seeds in
// fuzz/corpus/detection_csv.
#include <cmath>
#include <cstdlib>

#include "core/error.hpp"
#include "fuzz_input_file.hpp"
#include "tracking/detection_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace skyshield;
  const std::string path = fuzz_input_file("detections.csv", data, size);
  try {
    const DetectionFile d = read_detection_csv(path);
    if (d.sensors.size() > kMaxSensors || d.sensors.size() != d.sensor_sites.size()) std::abort();
    double last = -INFINITY;
    for (const MeasurementBatch& b : d.batches) {
      if (b.detections.empty() || b.detections.size() > kMaxDetectionsPerBatch || b.t0 < last) std::abort();
      if (b.radar_index < 0 || static_cast<std::size_t>(b.radar_index) >= d.sensors.size()) std::abort();
      for (const Measurement& m : b.detections)
        if (!std::isfinite(m.rae.range_m) || !std::isfinite(m.rae.az_rad) || !(m.sigma_range_m > 0)) std::abort();
      last = b.t0;
    }
  } catch (const InputError&) {
  }
  // The same bytes as a truth file.
  try {
    const TruthFile t = read_truth_csv(path);
    if (t.objects.size() > kMaxTruthObjects) std::abort();
    for (const TruthPoint& p : t.points)
      if (p.object < 0 || static_cast<std::size_t>(p.object) >= t.objects.size()) std::abort();
  } catch (const InputError&) {
  }
  return 0;
}

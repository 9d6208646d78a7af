#include "sensors/dwell_scheduler.hpp"

#include <algorithm>

namespace skyshield {

std::vector<DwellRequest> schedule_dwells(std::vector<DwellRequest> requests, int channels) {
  std::erase_if(requests, [](const DwellRequest& r) { return !r.guiding && !r.cue && r.priority <= 0.0; });
  std::sort(requests.begin(), requests.end(), [](const DwellRequest& a, const DwellRequest& b) {
    if (a.guiding != b.guiding) return a.guiding;
    const bool threat_a = a.priority > 0.0, threat_b = b.priority > 0.0;   // a threat before a cue alone
    if (threat_a != threat_b) return threat_a;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.track_id < b.track_id;
  });
  if (static_cast<int>(requests.size()) > channels) requests.resize(std::max(0, channels));
  return requests;
}

}  // namespace skyshield

#pragma once
// Output files of a run, as text; written as a whole set by record/output_set.hpp.
#include <string>

#include "core/csv.hpp"  // csv_field: the one RFC 4180 writer
#include "record/output_set.hpp"
#include "record/run_record.hpp"
#include "record/summary.hpp"

namespace skyshield {

std::string events_csv(const RunRecord& run);
std::string trajectories_csv(const RunRecord& run);
// Air picture vs truth at each scoring instant (GOSPA parts in p-th-power units, m^p).
std::string track_metrics_csv(const std::vector<TrackScoreRow>& rows);
// The threats' sampled trajectories as a truth file for `skyshield track` (tracking/detection_file.hpp).
std::string truth_csv(const RunRecord& run);
std::string summary_json(const RunRecord& run, const Summary& s);
// Plan view (km east/north of the first asset) of every trajectory, site and range ring, plus an
// altitude-versus-time panel.
std::string engagement_svg(const RunRecord& run);
// Altitude against ground range from launch, one panel per threat class (profiles.svg).
std::string profile_svg(const RunRecord& run);

}  // namespace skyshield

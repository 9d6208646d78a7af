#include "tracking/file_tracking.hpp"

#include "core/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace skyshield {

FileTrackingResult track_detection_file(const DetectionFile& d, const TruthFile* truth, const TrackerParams& params,
                                        const OspaParams& metrics, const std::function<bool()>& should_stop) {
  FileTrackingResult r;
  r.tracks_csv = std::string(kTrackCsvHeader) + "\n";
  if (d.sensors.empty()) return r;
  Tracker tracker(LocalFrame(d.sensor_sites.front()), params);
  TrackQuality quality(metrics);
  std::set<int> confirmed_ids;   // the numbers written to tracks.csv
  std::size_t next = 0;
  auto process_until = [&](double t_end) {
    for (; next < d.batches.size() && d.batches[next].t0 <= t_end; ++next) {
      if (r.interrupted || (should_stop && should_stop())) {
        r.interrupted = true;
        return;
      }
      const MeasurementBatch& b = d.batches[next];
      tracker.process(b);
      std::vector<int> confirmed_now, merged_now;
      std::string ends;
      for (const TrackEvent& e : tracker.take_events()) {
        if (e.kind == TrackEvent::Kind::Merged) quality.note_merge(e.track_id, e.into);
        if (e.kind == TrackEvent::Kind::Confirmed) {
          ++r.confirmed;
          confirmed_now.push_back(e.track_id);
        } else if (e.kind == TrackEvent::Kind::Merged && confirmed_ids.count(e.track_id)) {
          ++r.merged;
          merged_now.push_back(e.track_id);
          ends += fmt::format("{:.3f},{},merged,{},,,,,,,,\n", b.t0, e.track_id, e.into);
        } else if (e.kind == TrackEvent::Kind::Deleted && std::find(merged_now.begin(), merged_now.end(), e.track_id) == merged_now.end()) {
          ++r.ended;
          ends += fmt::format("{:.3f},{},ended,,,,,,,,,\n", b.t0, e.track_id);
        }
      }
      auto row = [&](const Track& tr, const char* event) {
        const Geodetic g = geodetic_from_ecef(tracker.frame().to_ecef(tr.position()));
        const Vec3 v = tr.velocity();
        r.tracks_csv += fmt::format("{:.3f},{},{},,{:.7f},{:.7f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{}\n", b.t0, tr.id, event, g.lat_deg,
                                    g.lon_deg, g.alt_m, v.x(), v.y(), v.z(), std::sqrt(tr.P.topLeftCorner<3, 3>().trace() / 3.0),
                                    csv_field(to_string(tr.classified)));
      };
      for (int id : confirmed_now) {   // a track confirmed and merged away in one batch has no estimate left
        confirmed_ids.insert(id);
        if (const Track* tr = tracker.find(id)) row(*tr, "confirmed");
        else r.tracks_csv += fmt::format("{:.3f},{},confirmed,,,,,,,,,\n", b.t0, id);
      }
      for (const Track& tr : tracker.tracks()) {
        if (tr.status != TrackStatus::Confirmed || tr.last_update_t != b.t0) continue;
        if (std::find(confirmed_now.begin(), confirmed_now.end(), tr.id) != confirmed_now.end()) continue;
        if (!confirmed_ids.count(tr.id)) continue;   // cannot happen: every confirmed track had its event
        row(tr, "update");
      }
      r.tracks_csv += ends;
    }
  };
  if (truth) {
    for (std::size_t lo = 0; lo < truth->points.size() && !r.interrupted;) {
      const double t = truth->points[lo].t;
      std::size_t hi = lo;
      std::vector<LabelledPoint> objects, tracks;
      for (; hi < truth->points.size() && truth->points[hi].t == t; ++hi)
        objects.push_back({truth->points[hi].object, ecef_from_geodetic(truth->points[hi].position)});
      process_until(t);
      for (const Track& tr : tracker.tracks())
        if (tr.status == TrackStatus::Confirmed) tracks.push_back({tr.id, tracker.frame().to_ecef(tracker.predicted(tr, t).position())});
      r.scores.push_back(quality.add(t, objects, tracks));
      lo = hi;
    }
    r.quality = quality.summary();
  }
  process_until(INFINITY);
  r.stats = tracker.stats();
  return r;
}

}  // namespace skyshield

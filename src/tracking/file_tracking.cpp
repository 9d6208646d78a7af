#include "tracking/file_tracking.hpp"

#include "core/csv.hpp"

#include <fmt/format.h>

#include <cmath>

namespace skyshield {

FileTrackingResult track_detection_file(const DetectionFile& d, const TruthFile* truth, const TrackerParams& params,
                                        const OspaParams& metrics, const std::function<bool()>& should_stop) {
  FileTrackingResult r;
  r.tracks_csv = std::string(kTrackCsvHeader) + "\n";
  if (d.sensors.empty()) return r;
  Tracker tracker(LocalFrame(d.sensor_sites.front()), params);
  TrackQuality quality(metrics);
  std::size_t next = 0;
  auto process_until = [&](double t_end) {
    for (; next < d.batches.size() && d.batches[next].t0 <= t_end; ++next) {
      if (r.interrupted || (should_stop && should_stop())) {
        r.interrupted = true;
        return;
      }
      const MeasurementBatch& b = d.batches[next];
      tracker.process(b);
      for (const TrackEvent& e : tracker.take_events()) r.confirmed += e.kind == TrackEvent::Kind::Confirmed;
      for (const Track& tr : tracker.tracks()) {
        if (tr.status != TrackStatus::Confirmed || tr.last_update_t != b.t0) continue;
        const Geodetic g = geodetic_from_ecef(tracker.frame().to_ecef(tr.position()));
        const Vec3 v = tr.velocity();
        r.tracks_csv += fmt::format("{:.3f},{},{:.7f},{:.7f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{}\n", b.t0, tr.id, g.lat_deg,
                                    g.lon_deg, g.alt_m, v.x(), v.y(), v.z(), std::sqrt(tr.P.topLeftCorner<3, 3>().trace() / 3.0),
                                    csv_field(to_string(tr.classified)));
      }
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

#include "sim/track_scorer.hpp"

#include <algorithm>

namespace skyshield {

TrackScorer::TrackScorer(const TrackMetricsParams& params, const std::vector<std::unique_ptr<Battalion>>& battalions)
    : params_(params) {
  for (const auto& b : battalions) scopes_.push_back(b->spec->name);
  has_network_ = battalions.size() > 1;
  if (has_network_) scopes_.push_back("network");
  quality_.assign(scopes_.size(), TrackQuality(params_.ospa));
}

void TrackScorer::add(std::size_t scope, double t, const std::vector<LabelledPoint>& truth,
                      const std::vector<LabelledPoint>& tracks) {
  rows_.push_back({scopes_[scope], quality_[scope].add(t, truth, tracks)});
}

void TrackScorer::score_battalions(double t, const std::vector<std::unique_ptr<Battalion>>& battalions,
                                   const std::vector<TruthView>& views) {
  if (t + 1e-9 < next_battalion_t_) return;
  next_battalion_t_ = t + params_.period_s;
  std::vector<Geodetic> geo;
  for (const TruthView& v : views) geo.push_back(geodetic_from_ecef(v.pos_ecef));
  std::vector<char> any(views.size(), 0);
  for (std::size_t bi = 0; bi < battalions.size(); ++bi) {
    const Battalion& b = *battalions[bi];
    std::vector<LabelledPoint> truth, tracks;
    for (std::size_t i = 0; i < views.size(); ++i) {
      const bool seen = std::any_of(b.radars.begin(), b.radars.end(), [&](const Radar& r) {
        const RangeAzEl rae = range_az_el_from_enu(r.frame().to_enu(views[i].pos_ecef));
        return rae.range_m <= r.params().instrumented_range_m && r.line_of_sight(geo[i], rae);
      });
      if (!seen) continue;
      any[i] = 1;
      truth.push_back({views[i].id, views[i].pos_ecef});
    }
    for (const Track& tr : b.tracker.tracks()) {
      if (tr.status != TrackStatus::Confirmed) continue;
      tracks.push_back({tr.id, b.frame.to_ecef(position_of(b.tracker.predicted_state(tr, t)))});
    }
    add(bi, t, truth, tracks);
  }
  network_truth_.clear();
  for (std::size_t i = 0; i < views.size(); ++i)
    if (any[i]) network_truth_.push_back(views[i].id);
  std::sort(network_truth_.begin(), network_truth_.end());
  network_due_ = has_network_;
}

void TrackScorer::score_network(double t, const AirPicture& picture, const std::vector<TruthView>& views) {
  if (!network_due_) return;
  network_due_ = false;
  std::vector<LabelledPoint> truth, tracks;
  for (const TruthView& v : views)
    if (std::binary_search(network_truth_.begin(), network_truth_.end(), v.id)) truth.push_back({v.id, v.pos_ecef});
  for (const SystemTrack& s : picture.system_tracks()) tracks.push_back({s.id, s.pos_ecef});
  add(scopes_.size() - 1, t, truth, tracks);
}

void TrackScorer::finish(RunRecord& rec) const {
  rec.track_metrics = params_.ospa;
  rec.track_scores = rows_;
  for (std::size_t i = 0; i < scopes_.size(); ++i) rec.track_quality.push_back({scopes_[i], quality_[i].summary()});
}

}  // namespace skyshield

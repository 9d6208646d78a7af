#include "tracking/track_quality.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

TrackQualitySample TrackQuality::add(double t, const std::vector<LabelledPoint>& truth,
                                     const std::vector<LabelledPoint>& tracks) {
  std::vector<Vec3> x, y;
  for (const LabelledPoint& p : truth) x.push_back(p.pos);
  for (const LabelledPoint& p : tracks) y.push_back(p.pos);
  TrackQualitySample s;
  s.t = t;
  s.truths = static_cast<int>(x.size());
  s.tracks = static_cast<int>(y.size());
  SetDistances sd = set_distances(x, y, params_);
  s.ospa = sd.ospa;
  s.gospa = std::move(sd.gospa);
  const int k = samples_++;
  upper_bounds_ += s.gospa.upper_bound;
  sum_ospa_ += s.ospa;
  sum_gospa_ += s.gospa.distance;
  missed_ += s.gospa.missed_count;
  false_ += s.gospa.false_count;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    History& h = truth_[truth[i].id];
    ++h.scored;
    const int j = s.gospa.truth_to_track[i];
    if (j < 0) {
      breaks_ += h.last_held == k - 1;
      continue;
    }
    const int holder = tracks[static_cast<std::size_t>(j)].id;
    sum_sq_ += (truth[i].pos - tracks[static_cast<std::size_t>(j)].pos).squaredNorm();
    ++pairs_;
    if (h.last_holder >= 0 && h.last_holder != holder) {
      // Followed through the tracker's merges (each number is merged away at most once, into a
      // number that still existed: the chain is finite; bounded anyway).
      int r = h.last_holder;
      for (int n = 0; n < 1000 && r != holder; ++n) {
        const auto m = merged_into_.find(r);
        if (m == merged_into_.end()) break;
        r = m->second;
      }
      ++(r == holder ? merges_ : switches_);
    }
    h.last_holder = holder;
    h.last_held = k;
    last_truth_[holder] = truth[i].id;
    ++h.held_by[holder];
  }
  s.gospa.truth_to_track.clear();   // used above; not kept with the sample
  return s;
}

void TrackQuality::note_merge(int from, int into) {
  merged_into_[from] = into;
  const auto a = last_truth_.find(from), b = last_truth_.find(into);
  if (a != last_truth_.end() && b != last_truth_.end() && a->second != b->second) ++false_merges_;
  // The surviving number holds on what the merged one held last when it held nothing itself.
  if (a != last_truth_.end() && b == last_truth_.end()) last_truth_[into] = a->second;
}

TrackQualitySummary TrackQuality::summary() const {
  TrackQualitySummary r;
  r.samples = samples_;
  r.identity_switches = switches_;
  r.identity_merges = merges_;
  r.false_merges = false_merges_;
  r.track_breaks = breaks_;
  r.upper_bound_samples = upper_bounds_;
  if (samples_ == 0) return r;
  r.mean_ospa_m = sum_ospa_ / samples_;
  r.mean_gospa_m = sum_gospa_ / samples_;
  r.rms_localisation_m = pairs_ > 0 ? std::sqrt(sum_sq_ / static_cast<double>(pairs_)) : 0.0;
  r.mean_missed = static_cast<double>(missed_) / samples_;
  r.mean_false = static_cast<double>(false_) / samples_;
  long long scored = 0, kept = 0;
  for (const auto& [id, h] : truth_) {
    scored += h.scored;
    int best = 0;
    for (const auto& [track, n] : h.held_by) best = std::max(best, n);
    kept += best;
  }
  r.continuity = scored > 0 ? static_cast<double>(kept) / static_cast<double>(scored) : 1.0;
  return r;
}

}  // namespace skyshield

// The command post's engagement bookkeeping (c2/command_post.hpp): outcomes reported, kills marked,
// merges and drops of tracks, and the engagements that outlive their track while their rounds fly
// (c2/lost_engagement.hpp).
#include <algorithm>

#include "c2/command_post.hpp"

namespace skyshield {

void CommandPost::report_outcome(int track_id, bool killed) {
  EngagementState& e = engagement(track_id);
  e.in_flight = std::max(0, e.in_flight - 1);
  if (killed) e.assessed_killed = true;
  if (e.lost && e.in_flight == 0) erase_engagement(track_id);   // its track is gone and its rounds ended
}

void CommandPost::mark_killed(int track_id) { engagement(track_id).assessed_killed = true; }

void CommandPost::merge_track(int from, int into) {
  // A number the post never engaged (no entry: not assessed, no rounds) counts as such: a fresh
  // track merged into an engaged one withdraws the latter's kill too.
  const auto it = slot_.find(from);
  const EngagementState was = it == slot_.end() ? EngagementState{from, 0, 0, false, Refusal::None, {}, false, false} : engagements_[it->second];
  EngagementState& to = engagement(into);
  to.in_flight += was.in_flight;
  to.shots += was.shots;
  // Both numbers were fed by the object since: it is killed only if both were assessed so.
  to.assessed_killed = to.assessed_killed && was.assessed_killed;
  // The rounds fly on under `into` (the engine renumbers them): none is left on `from`.
  const auto from_it = slot_.find(from);
  if (from_it != slot_.end()) engagements_[from_it->second].in_flight = 0;
}

void CommandPost::drop_track(int track_id) {
  ballistic_ids_.erase(track_id);
  const auto it = slot_.find(track_id);
  if (it == slot_.end()) return;
  EngagementState& e = engagements_[it->second];
  if (e.in_flight > 0 && doctrine_.fire_control_hold_near_lost) {
    e.lost = true;   // its rounds fly on (seeker, last uplink): kept until their outcomes
    return;
  }
  erase_engagement(track_id);
}

void CommandPost::erase_engagement(int track_id) {
  const auto it = slot_.find(track_id);
  if (it == slot_.end()) return;
  const std::size_t k = it->second;
  slot_.erase(it);
  engagements_.erase(engagements_.begin() + static_cast<std::ptrdiff_t>(k));
  for (std::size_t i = k; i < engagements_.size(); ++i) slot_[engagements_[i].track_id] = i;
}

void CommandPost::note_engaged_estimates(const std::vector<Track>& picture, const std::vector<std::pair<int, int>>& by_id) {
  for (EngagementState& e : engagements_) {
    if (e.in_flight <= 0 || e.lost) continue;
    const auto p = std::lower_bound(by_id.begin(), by_id.end(), std::make_pair(e.track_id, -1));
    if (p == by_id.end() || p->first != e.track_id) continue;
    const Track& tr = picture[static_cast<std::size_t>(p->second)];
    e.last = engaged_estimate(tr);
    e.coasting = coasting(tr);
  }
}

bool CommandPost::held_near_lost(const Track& tr) const {
  for (const EngagementState& e : engagements_)
    if (e.in_flight > 0 && e.track_id != tr.id && (e.lost || e.coasting) && engaged_distance2(e.last, tr) <= kHoldGateChi2) return true;
  return false;
}

bool CommandPost::coasting(const Track& tr) const {
  return doctrine_.fire_control_max_misses > 0 && tr.consecutive_misses >= doctrine_.fire_control_max_misses;
}

bool CommandPost::fire_control_ready(const Track& tr) const {
  if (coasting(tr)) return false;
  if (tr.score < doctrine_.fire_control_min_score) return false;  // not enough evidence of a target
  return !(doctrine_.fire_control_max_score_drop > 0.0 && tr.score_peak - tr.score > doctrine_.fire_control_max_score_drop);
}

}  // namespace skyshield

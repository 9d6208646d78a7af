// The engine's launch_on_remote (docs/network.md): a battalion fires on system tracks of the air
// picture that none of its radars holds yet, under remote track numbers (c2/network/remote_track.hpp).
// The interceptor's uplink comes from the guide's radar through the network's remote link until one of
// the battalion's own radars holds the same system track, then from its own track (the hand-over).
#include <algorithm>

#include "c2/network/remote_track.hpp"
#include "sim/engine_impl.hpp"

namespace skyshield::engine_detail {

void Engine::refresh_remote_holders(double t) {
  std::vector<BattalionStatus> network;
  for (auto& b : battalions_) {
    if (!b->spec->doctrine.launch_on_remote) continue;
    if (network.empty()) network = statuses(t);
    // A remote number whose system track is gone (renumbered by the correlation) keeps its holder's
    // track while that track lives: the interceptor stays on the track it was launched on.
    std::unordered_map<int, Battalion::Holder> before;
    before.swap(b->remote_holders);
    for (const SystemTrack& s : picture_.system_tracks()) {
      Battalion::Holder h;
      for (const auto& [battalion, id] : s.members)
        if (battalion == b->index) h = {b.get(), id};  // its own radar holds it now: the hand-over
      if (!h.battalion)
        if (const std::optional<RemoteGuide> g = system_guide(picture_, network, b->index, s.id))
          h = {battalions_[static_cast<std::size_t>(g->battalion)].get(), g->track_id};
      if (h.battalion) b->remote_holders[remote_track_id(s.id)] = h;
    }
    for (const auto& [id, h] : before)
      if (!b->remote_holders.count(id) && h.battalion->tracker.find(h.track_id)) b->remote_holders[id] = h;
  }
}

void Engine::add_launchable_remote(const Battalion& b, double t, const std::vector<BattalionStatus>& network, CommandPostInputs& in,
                                   std::vector<Track>& storage) const {
  if (battalions_.size() < 2) return;
  if (in.tracks != &storage) storage = *in.tracks;  // its own tracks, then the remote ones
  std::vector<int> launch_ids;
  for (const auto& [sys, g] : launchable_remote(picture_, network, b.index)) {
    if (b.spec->doctrine.remote_launch_fallback && holders_can_engage(picture_, network, sys, s_.interceptor_classes)) continue;
    const Battalion& guide = *battalions_[static_cast<std::size_t>(g.battalion)];
    const Track* guide_track = guide.tracker.find(g.track_id);
    if (!guide_track || guide_track->status != TrackStatus::Confirmed) continue;
    Track remote = track_in_frame(*guide_track, guide.frame, b.frame);
    remote.id = remote_track_id(sys);
    storage.push_back(remote);
    launch_ids.push_back(remote.id);
  }
  in.tracks = &storage;
  in.remote.insert(in.remote.end(), launch_ids.begin(), launch_ids.end());
  // Hold back what is engaged under another number: its own tracks of a system track it already
  // engages by remote number, and remote numbers of system tracks another battalion engages.
  std::vector<std::pair<int, int>> engaged;
  for (const Engagement& e : engagements(t, false, b.index)) engaged.emplace_back(e.battalion, e.track_id);
  for (int id : engaged_under_other_number(b.index, picture_, engaged, launch_ids)) in.engaged_elsewhere.push_back(id);
}

bool Engine::guided_remotely(const Flight& f, const Battalion& b) const {
  if (!b.fire_control_up() && b.spec->doctrine.engage_on_remote) return true;
  if (!is_remote_track_id(f.missile.track_id())) return false;
  return b.holder(f.missile.track_id()).battalion != &b;
}

int Engine::remote_guide_of(const Flight& f, const std::vector<BattalionStatus>& network) const {
  const Battalion& b = *battalions_[static_cast<std::size_t>(f.battalion)];
  if (!f.missile.flying() || !f.missile.cls().midcourse_uplink || !guided_remotely(f, b)) return -1;
  int track = f.missile.track_id();
  if (is_remote_track_id(track)) {
    const Battalion::Holder h = b.holder(track);
    if (!h.battalion) return -1;
    if (h.battalion != &b) return h.battalion->index;
    track = h.track_id;
  }
  const std::optional<RemoteGuide> g = remote_guide(picture_, network, b.index, track);
  return g ? g->battalion : -1;
}

void Engine::charge_remote_guidance(const Battalion& b, const std::vector<BattalionStatus>& network, int& missiles, int& targets) const {
  std::vector<std::pair<int, int>> guided;  // (battalion, track) of the rounds b's radar guides for others
  for (const Flight& f : flights_) {
    if (f.battalion == b.index || remote_guide_of(f, network) != b.index) continue;
    ++missiles;
    guided.emplace_back(f.battalion, f.missile.track_id());
  }
  std::sort(guided.begin(), guided.end());
  targets += static_cast<int>(std::unique(guided.begin(), guided.end()) - guided.begin());
}

std::vector<int> Engine::remote_dwell_tracks(const Battalion& b) const {
  std::vector<int> out;
  if (!launch_remote_any_) return out;
  for (const Flight& f : flights_) {
    if (f.battalion == b.index || !f.missile.flying() || !is_remote_track_id(f.missile.track_id())) continue;
    const Battalion::Holder h = battalions_[static_cast<std::size_t>(f.battalion)]->holder(f.missile.track_id());
    if (h.battalion == &b) out.push_back(h.track_id);
  }
  for (const PendingAssessment& a : assessments_)
    if (a.observer == b.index && a.battalion != b.index && is_remote_track_id(a.track_id)) out.push_back(a.observed_track);
  return out;
}

}  // namespace skyshield::engine_detail

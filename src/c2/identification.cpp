#include "c2/identification.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

const char* to_string(Identity i) {
  switch (i) {
    case Identity::Unknown: return "unknown";
    case Identity::AssumedFriend: return "assumed_friend";
    case Identity::Friend: return "friend";
    case Identity::Suspect: return "suspect";
    case Identity::Hostile: return "hostile";
  }
  return "unknown";
}

std::optional<Identity> identity_from_string(const std::string& s) {
  for (Identity i : {Identity::Unknown, Identity::AssumedFriend, Identity::Friend, Identity::Suspect, Identity::Hostile})
    if (s == to_string(i)) return i;
  return std::nullopt;
}

const char* to_string(IffEvidence e) {
  switch (e) {
    case IffEvidence::NotInterrogated: return "not_interrogated";
    case IffEvidence::NoReply: return "no_reply";
    case IffEvidence::Friend: return "friend";
  }
  return "not_interrogated";
}

std::optional<IffEvidence> iff_evidence_from_string(const std::string& s) {
  for (IffEvidence e : {IffEvidence::NotInterrogated, IffEvidence::NoReply, IffEvidence::Friend})
    if (s == to_string(e)) return e;
  return std::nullopt;
}

const char* to_string(Origin o) {
  switch (o) {
    case Origin::Unknown: return "unknown";
    case Origin::Hostile: return "hostile";
    case Origin::Other: return "other";
  }
  return "unknown";
}

std::optional<Origin> origin_from_string(const std::string& s) {
  for (Origin o : {Origin::Unknown, Origin::Hostile, Origin::Other})
    if (s == to_string(o)) return o;
  return std::nullopt;
}

double distance_to_centreline_m(const Corridor& c, const Geodetic& pos) {
  auto ground = [](Geodetic g) {
    g.alt_m = 0.0;
    return ecef_from_geodetic(g);
  };
  const Vec3 p_ecef = ground(pos);
  double best = std::numeric_limits<double>::infinity();
  if (c.centreline.size() == 1) return (p_ecef - ground(c.centreline[0])).norm();
  for (std::size_t k = 0; k + 1 < c.centreline.size(); ++k) {
    Geodetic a = c.centreline[k];
    a.alt_m = 0.0;
    const LocalFrame f(a);
    const Vec3 b = f.to_enu(ground(c.centreline[k + 1]));
    const Vec3 p = f.to_enu(p_ecef);
    const double bx = b.x(), by = b.y(), len2 = bx * bx + by * by;
    const double s = len2 > 0.0 ? std::clamp((p.x() * bx + p.y() * by) / len2, 0.0, 1.0) : 0.0;
    best = std::min(best, std::hypot(p.x() - s * bx, p.y() - s * by));
  }
  return best;
}

bool in_corridor(const Corridor& c, const Geodetic& pos, double speed_mps) {
  if (pos.alt_m < c.min_alt_m || pos.alt_m > c.max_alt_m) return false;
  if (speed_mps < c.min_speed_mps || speed_mps > c.max_speed_mps) return false;
  return distance_to_centreline_m(c, pos) <= 0.5 * c.width_m;
}

bool matches(const IdRule& r, const TrackEvidence& e) {
  if (r.iff && *r.iff != e.iff) return false;
  if (r.corridor && *r.corridor != e.in_corridor) return false;
  if (r.origin && *r.origin != e.origin) return false;
  if (r.cls && *r.cls != e.cls) return false;
  return e.speed_mps >= r.min_speed_mps && e.speed_mps <= r.max_speed_mps;
}

Identity identify(const TrackEvidence& e, const std::vector<IdRule>& rules) {
  for (const IdRule& r : rules)
    if (matches(r, e)) return r.identity;
  return Identity::Unknown;
}

std::vector<IdRule> default_id_rules() {
  std::vector<IdRule> t(7);
  t[0].iff = IffEvidence::Friend;
  t[0].identity = Identity::Friend;
  t[1].cls = ThreatClass::BallisticMissile;
  t[1].identity = Identity::Hostile;
  t[2].corridor = true;
  t[2].identity = Identity::AssumedFriend;
  t[3].iff = IffEvidence::NoReply;
  t[3].origin = Origin::Hostile;
  t[3].identity = Identity::Hostile;
  t[4].iff = IffEvidence::NoReply;
  t[4].min_speed_mps = 400.0;
  t[4].identity = Identity::Hostile;
  t[5].iff = IffEvidence::NoReply;
  t[5].cls = ThreatClass::CruiseMissile;
  t[5].identity = Identity::Hostile;
  t[6].iff = IffEvidence::NoReply;
  t[6].identity = Identity::Suspect;
  return t;
}

void Identifier::interrogated(int track_id, bool friend_reply, double next_t) {
  State& s = state_[track_id];
  if (friend_reply) ++s.replies;
  else ++s.silent;
  s.next_t = next_t;
}

bool Identifier::interrogation_due(int track_id, double t) const {
  const auto it = state_.find(track_id);
  return it == state_.end() || t + 1e-9 >= it->second.next_t;
}

int Identifier::interrogations(int track_id) const {
  const auto it = state_.find(track_id);
  return it == state_.end() ? 0 : it->second.replies + it->second.silent;
}

double Identifier::iff_pending_s(int track_id, double t, double period_s) const {
  const int need = p_ ? p_->min_no_reply : 2;
  const auto it = state_.find(track_id);
  if (it == state_.end()) return std::max(need - 1, 0) * period_s;  // first interrogation now
  const State& s = it->second;
  if (s.replies > 0 || s.silent >= need) return -1.0;
  return std::max(s.next_t - t, 0.0) + (need - s.silent - 1) * period_s;
}

void Identifier::update(const std::vector<Track>& tracks, const LocalFrame& frame) {
  ids_.clear();
  if (!p_) return;
  for (const Track& tr : tracks) {
    if (tr.status != TrackStatus::Confirmed) continue;
    State& s = state_[tr.id];
    const Vec3 pos = tr.position();
    if (!s.origin_set) {  // the point of origin: where the track was first held
      s.origin_set = true;
      const HostileOrigin& h = p_->hostile_origin;
      if (h.declared) {
        const double az = std::atan2(pos.x(), pos.y()) * kRadToDeg;
        const bool in_az = std::abs(std::remainder(az - h.center_deg, 360.0)) <= 0.5 * h.width_deg;
        s.origin = in_az && std::hypot(pos.x(), pos.y()) >= h.min_range_m ? Origin::Hostile : Origin::Other;
      }
    }
    TrackEvidence e;
    e.iff = s.replies > 0 ? IffEvidence::Friend : s.silent >= p_->min_no_reply ? IffEvidence::NoReply : IffEvidence::NotInterrogated;
    e.origin = s.origin;
    e.cls = tr.classified;
    e.speed_mps = tr.velocity().norm();
    const Geodetic g = geodetic_from_ecef(frame.to_ecef(pos));
    e.in_corridor = std::any_of(p_->corridors.begin(), p_->corridors.end(),
                                [&](const Corridor& c) { return in_corridor(c, g, e.speed_mps); });
    s.last = e;
    ids_.emplace_back(tr.id, identify(e, p_->rules));
  }
  std::sort(ids_.begin(), ids_.end());
}

Identity Identifier::identity(int track_id) const {
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), std::make_pair(track_id, Identity::Unknown));
  return it != ids_.end() && it->first == track_id ? it->second : Identity::Unknown;
}

TrackEvidence Identifier::evidence(int track_id) const {
  const auto it = state_.find(track_id);
  return it == state_.end() ? TrackEvidence{} : it->second.last;
}

}  // namespace skyshield

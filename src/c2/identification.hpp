#pragma once
// Identification of tracks (docs/identification.md): each confirmed track of a battalion is given an
// identity from what the command post knows of it, never from the truth: the IFF answers its
// interrogations drew, whether it flies inside a declared corridor with speed and altitude inside the
// corridor's bands, its point of origin, its kinematic class and speed. A rule table (scenario
// `identification: rules:`, else the default below) maps this evidence to an identity: the first row
// whose every given criterion matches decides; no matching row leaves the track unknown.
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "core/threat_class.hpp"
#include "tracking/track.hpp"

namespace skyshield {

enum class Identity { Unknown, AssumedFriend, Friend, Suspect, Hostile };
inline constexpr int kIdentityCount = 5;
const char* to_string(Identity i);
std::optional<Identity> identity_from_string(const std::string& s);

// IFF evidence of a track: never interrogated enough to say, a valid friend reply received (kept:
// a track once answered stays answered), or no reply to min_no_reply interrogations.
enum class IffEvidence { NotInterrogated, NoReply, Friend };
const char* to_string(IffEvidence e);
std::optional<IffEvidence> iff_evidence_from_string(const std::string& s);

// Point of origin: where the track was first held, inside the declared hostile-origin sector or not
// (Unknown when the scenario declares none).
enum class Origin { Unknown, Hostile, Other };
const char* to_string(Origin o);
std::optional<Origin> origin_from_string(const std::string& s);

// A corridor for friendly traffic: a centreline (geodetic points), a full width, an altitude band
// and a speed band. A track is in it when its horizontal distance to the centreline is at most half
// the width and its altitude and ground speed lie inside the bands.
struct Corridor {
  std::string name;
  std::vector<Geodetic> centreline;
  double width_m = 10e3;
  double min_alt_m = 0.0, max_alt_m = 20e3;
  double min_speed_mps = 0.0, max_speed_mps = 1000.0;
};
// Horizontal distance (m) from pos to the centreline: per segment, in the local tangent plane at the
// segment's start (flat-earth within a segment: the error is below 1 % for segments under ~300 km).
double distance_to_centreline_m(const Corridor& c, const Geodetic& pos);
bool in_corridor(const Corridor& c, const Geodetic& pos, double speed_mps);

struct TrackEvidence {
  IffEvidence iff = IffEvidence::NotInterrogated;
  bool in_corridor = false;
  Origin origin = Origin::Unknown;
  ThreatClass cls = ThreatClass::Aircraft;   // the tracker's kinematic class
  double speed_mps = 0.0;
};

// One row of the rule table: criteria left empty match anything.
struct IdRule {
  std::optional<IffEvidence> iff;
  std::optional<bool> corridor;               // inside a corridor (true) / outside every corridor (false)
  std::optional<Origin> origin;
  std::optional<ThreatClass> cls;
  double min_speed_mps = 0.0;
  double max_speed_mps = std::numeric_limits<double>::infinity();
  Identity identity = Identity::Unknown;
};
bool matches(const IdRule& r, const TrackEvidence& e);
// The identity of the first matching row, Unknown when none matches.
Identity identify(const TrackEvidence& e, const std::vector<IdRule>& rules);
// The default table (documented in docs/identification.md):
//  1. iff friend                              -> friend
//  2. class ballistic_missile                 -> hostile   (no friendly flies a ballistic path)
//  3. in a corridor (bands respected)         -> assumed_friend
//  4. iff no_reply, origin hostile            -> hostile
//  5. iff no_reply, min_speed_mps 400         -> hostile   (faster than any friendly type flown)
//  6. iff no_reply, class cruise_missile      -> hostile   (low, fast, straight: missile profile)
//  7. iff no_reply                            -> suspect
//  (none)                                     -> unknown  (not yet interrogated)
std::vector<IdRule> default_id_rules();

// The hostile point-of-origin sector, seen from each battalion's command post: azimuths
// center_deg +- width_deg / 2, beyond min_range_m.
struct HostileOrigin {
  bool declared = false;
  double center_deg = 0.0, width_deg = 0.0, min_range_m = 0.0;
};

struct IdentificationParams {
  bool enabled = false;             // a scenario with friendlies, `identification:` or weapons control
  std::vector<Corridor> corridors;
  std::vector<IdRule> rules = default_id_rules();
  HostileOrigin hostile_origin;
  int min_no_reply = 2;             // interrogations without a reply before the evidence is no_reply
};

// A battalion's identification state: per track, its interrogation history and point of origin.
class Identifier {
 public:
  explicit Identifier(const IdentificationParams* params = nullptr) : p_(params) {}
  // The answer to one interrogation of the track (a valid friend reply or none); the next is due at next_t.
  void interrogated(int track_id, bool friend_reply, double next_t = 0.0);
  // A track is interrogated as soon as it is held, then again when its next interrogation is due.
  bool interrogation_due(int track_id, double t) const;
  int interrogations(int track_id) const;
  // Seconds from t until the track's IFF evidence settles (a reply, or min_no_reply silent
  // interrogations), interrogated every period_s from its next due time; -1 when already settled.
  double iff_pending_s(int track_id, double t, double period_s) const;
  // Evaluates every confirmed track of the picture (frame: the battalion's ENU at its command post).
  void update(const std::vector<Track>& tracks, const LocalFrame& frame);
  void drop(int track_id) { state_.erase(track_id); }
  Identity identity(int track_id) const;
  // The last update's identities, sorted by track id.
  const std::vector<std::pair<int, Identity>>& identities() const { return ids_; }
  TrackEvidence evidence(int track_id) const;

 private:
  struct State {
    int replies = 0, silent = 0;
    double next_t = -1.0;
    bool origin_set = false;
    Origin origin = Origin::Unknown;
    TrackEvidence last;
  };
  const IdentificationParams* p_;
  std::unordered_map<int, State> state_;
  std::vector<std::pair<int, Identity>> ids_;
};

}  // namespace skyshield

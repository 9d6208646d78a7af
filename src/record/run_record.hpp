#pragma once
// Everything a run leaves behind: the event log, one record per threat and per interceptor, the
// sites, and sampled trajectories. Filled by the engine, read by the summary and the writers.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/threat_class.hpp"
#include "tracking/track_quality.hpp"

namespace skyshield {

enum class EventType {
  Detect,          // first detection of a threat by a radar (scoring: the radar does not know which)
  TrackConfirmed,  // a battalion track is confirmed (target = nearest threat, scoring only)
  TrackDeleted,
  Assign,          // fire order: launcher -> track
  Launch,          // interceptor leaves its tube
  Intercept,       // interceptor kills a threat
  Miss,            // interceptor passes its target, or its warhead fails to kill
  SelfDestruct,    // interceptor destroys itself (flight time, lost target)
  Leak,            // a threat completes its mission (reaches its target or release point)
  Impact,          // a missile or drone hits the ground at the end of its flight
  RadarLost,       // a radar goes out of action (scheduled failure or a warhead on its site)
  Handover,        // a battalion without fire control hands its sector to another battalion
  Reload,          // a transloader starts reloading an empty launcher from the magazine
  Reloaded,        // the launcher is loaded again
  AssessedKilled,  // kill assessment (from the engaged track, c2/kill_assessment.hpp): the threat is killed
  AssessedSurvived,// kill assessment: the threat survived the interceptor
  Refused,         // fire control refused the shots at a track in reach (reason first in the detail)
  EmissionOff,     // a radar stops radiating (emission control against an ARM, docs/sead.md)
  EmissionOn,      // ... and radiates again
  RadarRestored,   // a lost radar is back in action (repair_s)
  DecoyEmitterHit, // an anti-radiation missile destroyed a ground decoy emitter
  Retarget,        // an interceptor in flight re-pointed to another track (c2/retarget.hpp)
  SeekerBreakLock, // an interceptor's seeker lost its lock to a deception repeater's gate pull-off
                   // (weapons/seeker_lock.hpp), reason first in the detail
  LaunchCancelled, // a fire order not launched: its track was dropped before the launch time, or is
                   // coasting (the launcher keeps the round)
  TrackMerged,     // a battalion track found to hold the object of another (target), which holds it on
};
const char* to_string(EventType e);

struct Event {
  double t = 0.0;
  EventType type = EventType::Detect;
  std::string entity;   // who acts: radar, track, launcher, interceptor or threat
  std::string target;   // whom it concerns
  std::string layer;    // interceptor layer, when relevant
  double value = 0.0;   // SNR dB (detect), expected Pk (assign), miss distance m (intercept/miss/impact),
                        // planned time of flight s (refused)
  std::string detail;
};

struct ThreatRecord {
  int id = -1;
  std::string name, type;
  ThreatClass cls = ThreatClass::Aircraft;
  double launch_time_s = 0.0;
  double first_detection_s = -1.0;   // -1: never
  double first_track_s = -1.0;
  double first_launch_s = -1.0;      // first interceptor launched at it (scoring association)
  std::string outcome = "active";    // killed | leaked | active (still flying at the end) | not_launched
                                     // (carried by a threat that died or ended before releasing it) |
                                     // departed (external: its simulator removed it in flight)
  bool external = false;             // flown by another simulator (DIS), joined during the run
  bool decoy = false;                // decoy or debris: reported apart from the threats
  int carrier = -1;                  // released objects: the id of the threat that carried it (-1: none)
  bool friendly = false;             // a friendly flight (docs/identification.md): reported apart; outcome
                                     // "recovered" at the end of its route, "killed" by our rounds (fratricide)
  std::string mission;               // friendly: cap | strike_return | transport
  bool arm = false;                  // an anti-radiation missile (its type has a seeker, docs/sead.md)
  double outcome_time_s = -1.0;
  std::string killed_by_layer;
  int interceptors_fired = 0;
  double impact_miss_m = -1.0;       // leaked missiles/drones: distance of the impact from the aim point
  double unit_cost = 0.0;            // notional cost of the threat (0 = not given)
  std::map<std::string, int> refusals;  // refused events at its tracks, by reason (scoring association)
};

struct InterceptorRecord {
  int id = -1;
  std::string name, layer, interceptor_class, launcher, battalion;
  double launch_time_s = 0.0;
  int track_id = -1;
  std::string threat;                // scoring association of the track at launch
  std::string killed_threat;         // the threat it killed (empty unless killed): may differ from `threat`
  std::string outcome = "flying";    // killed | missed | self_destruct | ground_impact | flying
  double outcome_time_s = -1.0;
  double miss_distance_m = -1.0;
  double unit_cost = 0.0;
};

struct Site {
  std::string name, kind;            // kind: asset | radar | launcher | command_post
  Geodetic position;
  double range_m = 0.0;              // radar instrumented range / launcher max range, for plots
};

struct TrajectorySample {
  double t = 0.0;
  Geodetic p;
};

struct Trajectory {
  std::string name, kind;            // kind: a threat class name or "interceptor:<layer>"
  std::vector<TrajectorySample> samples;
};

// Air-picture quality (tracking/track_quality.hpp): scope is a battalion's name (its own tracks
// against the objects its radars could see) or "network" (the fused system tracks).
struct TrackScoreRow {
  std::string scope;
  TrackQualitySample sample;
};

struct TrackScoreSummary {
  std::string scope;
  TrackQualitySummary summary;
};

// Kill assessments against the truth (scoring only; the command post never sees these counts).
struct KillAssessmentTally {
  int assessed = 0, assessed_killed = 0, assessed_survived = 0;
  int false_kills = 0;      // assessed killed while the engaged threat was still flying (no further shot at it)
  int missed_kills = 0;     // assessed survived while the engaged threat had been killed
  int rounds_after_missed_kill = 0;   // interceptors launched at a track after a missed kill on it (wasted)
};

struct RunRecord {
  std::string scenario;
  std::uint64_t seed = 0;
  double step_s = 0.0;
  double end_time_s = 0.0;
  long long steps = 0;
  bool fast_model = false;           // run with `fidelity: fast` (scenario/fidelity.hpp): said in the outputs
  Geodetic reference;                // the first asset, origin of plots
  std::vector<std::string> layers;   // interceptor layers in scenario order
  std::vector<ThreatRecord> threats;
  std::vector<InterceptorRecord> interceptors;
  std::vector<Event> events;
  std::vector<Site> sites;
  std::vector<Trajectory> trajectories;
  std::vector<double> sample_times;  // the instants at which every flying object was sampled (truth.csv)
  bool interrupted = false;          // stopped before its end (RunOptions::should_stop): incomplete
  int rounds_remaining = 0;
  int magazine_remaining = 0;        // rounds still in the reload magazines (or on a transloader)
  OspaParams track_metrics;          // c, p, alpha of the scores below
  std::vector<TrackScoreRow> track_scores;
  std::vector<TrackScoreSummary> track_quality;
  KillAssessmentTally kill_assessment;
};

}  // namespace skyshield

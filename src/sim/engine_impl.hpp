#pragma once
// The engine's state and steps (internal to src/sim; the interface is sim/engine.hpp). One class,
// its steps defined in three files: engine.cpp (the loop, the world, radars and trackers),
// engine_engagement.cpp (command posts, launchers, interceptors, kill assessment), engine_link.cpp
// (the live link: threats from other simulators, the world shown after each step).
#include <chrono>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/identification.hpp"
#include "sensors/iff.hpp"
#include "sim/battalion.hpp"
#include "c2/network/deconfliction.hpp"
#include "sim/engine.hpp"
#include "sim/recorder.hpp"
#include "sim/sead_state.hpp"
#include "sim/track_scorer.hpp"
#include "weapons/interceptor.hpp"

namespace skyshield::engine_detail {

struct Flight {
  Interceptor missile;
  int battalion;
  int record;        // index into RunRecord::interceptors
  int trajectory;    // index into RunRecord::trajectories, -1 when not recorded
  // Track messages of a remote uplink (network remote_link): the last one received and when the
  // next is sent; each is lost with the link's probability (own stream per interceptor).
  std::optional<Uplink> remote_msg{};
  double remote_msg_t = -1.0;
  double next_remote_msg_t = 0.0;
};

// A kill assessment due at t: what the battalion's radars observed of the track after the intercept
// (c2/kill_assessment.hpp), never the truth. record: the interceptor's record, for scoring only.
struct PendingAssessment {
  double t;
  int battalion;
  int track_id;
  double intercept_t;
  int record;
  std::optional<Track> before;  // the engaged track's estimate at the intercept (kinematic evidence)
  // The battalion whose tracker observes the engaged track, and its number there: the firing
  // battalion's own, or for a remote track number (launch_on_remote) its holder at the intercept.
  int observer = -1;
  int observed_track = -1;
  bool self_destructed = false;  // a round on a remote number that self-destructed: known not to have intercepted
};

// Splits a step's wall time between the parts (a no-op without a profile).
class Stopwatch {
 public:
  explicit Stopwatch(StepProfile* p) : p_(p) {
    if (p_) last_ = std::chrono::steady_clock::now();
  }
  void lap(double StepProfile::*part) {
    if (!p_) return;
    const auto now = std::chrono::steady_clock::now();
    p_->*part += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  StepProfile* p_;
  std::chrono::steady_clock::time_point last_;
};

class Engine {
 public:
  Engine(const Scenario& s, const RunOptions& opt);
  RunRecord run();

 private:
  // engine.cpp: the world, radars and trackers, the end of the run.
  std::vector<std::pair<int, const Interceptor*>> flights_view() const;
  static void check_finite(const Threat& th, double t);
  void check_finite(double t) const;
  void move_threats(double t);
  void warhead_on_radars(const Threat& th, double t);
  void scheduled_radar_failures(double t);
  void radar_lost(Battalion& b, int radar, double t, const std::string& cause);
  void cancel_children(int id);
  void warn_threats(double t);
  void build_views();
  void sense_and_track(Battalion& b, double t, double t1, Stopwatch& clock);
  bool finished() const;
  // The fast model steps finely at t: a fire order waits for launch, or an interceptor is in its
  // first kFastLaunchS or within kFastEndgameS of its target (scenario/fidelity.hpp).
  bool engaged(double t) const;
  // engine_engagement.cpp: command posts, launchers, interceptors, kill assessment.
  bool decision_due(double t) const;
  void update_air_picture(double t);
  std::vector<Engagement> engagements(double t, bool with_estimates, int viewer) const;
  std::vector<BattalionStatus> statuses(double t) const;
  void decide(Battalion& b, double t);
  void retarget_flights(Battalion& b, double t);
  // The tracker merged track `from` into `into`: rounds in flight, pending orders, kill assessments
  // and the command post's engagement follow the object to its surviving number.
  void renumber_track(Battalion& b, int from, int into);
  // A battalion can decide: it has fire control, or engages on remote tracks.
  static bool can_decide(const Battalion& b) { return b.fire_control_up() || b.spec->doctrine.engage_on_remote; }
  // The command post's inputs at t (remote: storage for the remote tracks the inputs point to).
  CommandPostInputs inputs_for(const Battalion& b, double t, std::vector<Track>& remote) const;
  void apply_orders(Battalion& b, std::vector<FireOrder> orders, double t, double latency_s);
  // engine_regiment.cpp: regiment command posts (one joint assignment over their battalions).
  bool under_regiment(int battalion, double t) const;
  void decide_regiments(double t);
  // b's confirmed tracks that another battalion with fire control holds, with that battalion's
  // estimate in b's frame (c2/network/remote_track.hpp); their ids in `ids`.
  std::vector<Track> remote_tracks(const Battalion& b, const std::vector<BattalionStatus>& network, std::vector<int>& ids) const;
  // The mid-course uplink of an interceptor of battalion b on its track: b's engagement radar, else
  // (engage_on_remote) the remote guide's radar.
  // with_variance: also the track's position covariance trace (own fire control only; a track gate).
  std::optional<Uplink> uplink_for(const Battalion& b, int track_id, double t, const std::vector<BattalionStatus>* network,
                                   bool with_variance = false) const;
  // The uplink of a flight guided from a remote radar through the network's remote link.
  std::optional<Uplink> remote_uplink(Flight& f, const Battalion& b, double t, const std::vector<BattalionStatus>& network) const;
  // engine_remote.cpp: launch_on_remote. The holders of the battalions' remote track numbers after
  // an air-picture update; the system tracks a battalion may fire on before its radars hold them
  // (added to its inputs, with the tracks it engages under another number held back).
  void refresh_remote_holders(double t);
  void add_launchable_remote(const Battalion& b, double t, const std::vector<BattalionStatus>& network, CommandPostInputs& in,
                             std::vector<Track>& storage) const;
  // The flight's uplink comes through the network (another battalion's radar).
  bool guided_remotely(const Flight& f, const Battalion& b) const;
  // The battalion whose radar guides a flight guided remotely (-1: none, or its own).
  int remote_guide_of(const Flight& f, const std::vector<BattalionStatus>& network) const;
  // Charges b's engagement radar with the rounds of other battalions it guides (a missile channel
  // each, a target channel per target).
  void charge_remote_guidance(const Battalion& b, const std::vector<BattalionStatus>& network, int& missiles, int& targets) const;
  // launch_on_remote: b's own track numbers that its engagement radar must dwell on for the other
  // battalions' rounds fired on remote numbers it holds: while they fly (its track gives their uplink)
  // and until their kill assessment (it observes the target after the intercept).
  std::vector<int> remote_dwell_tracks(const Battalion& b) const;
  void reload_launchers(double t);
  void launch_due(double t);
  void fly_interceptors(double t1);
  void deliver_assessments(double t);
  // engine_identification.cpp: IFF interrogation of the battalions' tracks and their identification.
  void identify(double t);
  // engine_sead.cpp: radar repairs, emission control, anti-radiation missiles (docs/sead.md).
  void sead_setup();
  void sead_step(double t);
  void sead_radar_lost(const Battalion& b, int radar, double t);
  void arm_impact(const Threat& th, double t);
  bool radar_silent(int battalion, int radar) const;
  // engine_link.cpp: the live link.
  void take_external_threats(double t);
  int external_type(ThreatClass cls) const;
  void show_link(double t);

  const Scenario& s_;
  const RunOptions& opt_;
  std::uint64_t seed_;
  double dt_;
  double h_;                   // the length of the current step: dt_, or in the fast model while
                               // nothing is engaged sensor_steps_ x dt_ (scenario/fidelity.hpp)
  bool fast_;                  // the fast model (not with a live link: other simulators step finely)
  long long sensor_steps_;     // fast: steps per radar look
  Recorder rec_;
  AirPicture picture_;
  std::unique_ptr<TrackScorer> scorer_;
  Terrain terrain_;
  std::vector<Threat> threats_;
  std::vector<std::vector<int>> children_;   // per threat: the threats it carries
  std::vector<std::unique_ptr<Battalion>> battalions_;
  std::vector<int> decision_order_;
  std::vector<Flight> flights_;
  std::vector<PendingAssessment> assessments_;
  Rng assessment_rng_;   // the assessors' errors (c2/kill_assessment.hpp), drawn in assessment order
  std::vector<TruthView> views_;
  std::vector<DetectionRecord> detections_;
  std::map<std::string, int> external_;   // external threats: link key -> threat id
  std::vector<LiveEntity> live_threats_, live_interceptors_;
  bool interrupted_ = false;
  bool remote_any_ = false;
  bool launch_remote_any_ = false;        // some battalion launches on remote tracks
  SeadState sead_;
  bool arms_ = false;                     // the raid holds anti-radiation missiles
  std::vector<int> regiment_of_;          // per battalion: its regiment, -1 when none
  std::vector<Identifier> identifiers_;   // per battalion: identification of its tracks (c2/identification.hpp)
  // per battalion: tracks whose IFF answer is pending, with seconds until it is due (sorted by track)
  std::vector<std::vector<std::pair<int, double>>> iff_pending_;
  std::vector<Transponder> transponders_; // per threat: its IFF transponder (sensors/iff.hpp), drawn once per run
  std::vector<double> regiment_next_t_;   // per regiment: its next decision   // some battalion engages on remote tracks: the air picture is kept
};

}  // namespace skyshield::engine_detail

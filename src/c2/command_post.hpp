#pragma once
// The battalion command post: every decision cycle it evaluates the confirmed tracks, finds for each
// ready launcher and each threat a feasible intercept, and assigns launchers to threats by WTA under
// doctrine and the engagement radar's target and missile channel limits. It sees tracks, never truth.
// Doctrine: shoot-look-shoot or a salvo per threat class (at most that many interceptors in the air
// per threat), a salvo of two when the launch window closes before a look is possible, hold fire on
// chosen threat classes, and reserve stock (the last rounds of an interceptor class kept for chosen
// threat classes). Shots that cannot be made are refused (c2/shot_refusal.hpp: reaction time,
// turnover, minimum flight time, altitude band, minimum range, thin air, a launch window shorter than
// the doctrine's minimum); a threat left unengaged for such a reason is reported once per reason
// (last_refusals), so that the record shows why.
#include <array>
#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "c2/defended_asset.hpp"
#include "c2/decoy_discrimination.hpp"
#include "c2/emcon.hpp"
#include "c2/discrimination.hpp"
#include "c2/retarget.hpp"
#include "c2/fire_control.hpp"
#include "c2/lost_engagement.hpp"
#include "c2/network/unit_status.hpp"
#include "c2/sector.hpp"
#include "c2/shot_refusal.hpp"
#include "c2/target_path.hpp"
#include "c2/threat_evaluation.hpp"
#include "c2/wta_solvers.hpp"
#include "c2/weapons_control.hpp"
#include "tracking/track.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// The last `rounds` of an interceptor class across the battalion are fired only at threats of the
// classes marked in for_class.
struct StockReserve {
  int interceptor_class = -1;
  int rounds = 0;
  std::array<bool, kThreatClassCount> for_class{};
};

struct DoctrineParams {
  double decision_period_s = 1.0;
  int salvo_size = 1;               // interceptors in the air per threat at once (1 = shoot-look-shoot)
  std::array<int, kThreatClassCount> salvo_by_class{};  // per threat class; 0 = salvo_size
  // Shoot-look-shoot becomes a salvo of two when no second launch would still be feasible after
  // this interceptor's intercept and the kill-assessment delay (no time to look).
  bool salvo_when_no_look = false;
  std::array<bool, kThreatClassCount> hold_fire{};      // threat classes not engaged
  ThreatLethality lethality = kUnitLethality;           // threat evaluation's weight per threat class
  std::vector<StockReserve> reserves;
  double wta_time_limit_s = 0.0;    // wall-clock limit of the exact solver per decision (0 = none; not deterministic)
  int max_shots_per_threat = 6;     // give up on a threat after this many interceptors
  // Fire-control quality: a track that missed this many covered looks in a row (consecutive_misses:
  // coasting, e.g. on a target killed but assessed as surviving) is not engaged until it is updated
  // again; 0 = no rule. NOTIONAL: three looks in a row miss a Pd 0.9 target once in a thousand.
  int fire_control_max_misses = 3;
  // Fire-control quality: a track whose score (log-likelihood ratio of target against false alarms,
  // tracking/track_score.hpp; kept under every track management) is below this is not engaged. The
  // default is Wald's confirmation threshold ln((1 - beta) / alpha) at alpha = 1e-6, beta = 0.01 (the
  // tracker's defaults): the evidence the score management asks to confirm a track.
  double fire_control_min_score = 13.8155;
  // Fire-control quality: a track whose score has fallen more than this below its peak is not
  // engaged (0 = no rule). The score-drop test is the deletion rule for confirmed tracks of Blackman &
  // Popoli 1999 sec. 6.2 ("delete when the score falls a set amount below its maximum"): a cumulative
  // score stays high long after its object is gone; a track fed by clutter near a killed target
  // gains nothing look after look while its peak stays. The default: the evidence a track needs to
  // be confirmed (the Wald threshold above), lost since the peak; a true Pd-0.9 track loses it only
  // after six misses (ln 0.1 = -2.3 each), which the coasting rule above holds at three.
  double fire_control_max_score_drop = 13.8155;
  // Fire-control quality: no shot at a track the tracker suspects of holding the object of another
  // (Track::duplicate_of, tracking/duplicate_evidence.hpp) while that one is engaged, or while it has
  // the lower number and can be engaged instead; held until the tracker merges or separates them.
  bool fire_control_hold_duplicates = true;
  // Fire-control quality: no shot at a track inside the gate of an engagement whose rounds still fly
  // while its own track coasts or has been dropped (c2/lost_engagement.hpp): the round homes on that
  // object; the track is engaged once they end.
  bool fire_control_hold_near_lost = true;
  double kill_assessment_delay_s = 3.0;
  // The exact solver within a deterministic node budget (its incumbent, never worse than the heuristic,
  // when the budget runs out): the best that fits a decision period (docs/wta.md).
  WtaSolver wta_solver = WtaSolver::Exact;  // greedy | exact | heuristic (c2/wta_solvers.hpp)
  bool outer_layers_first = false;  // per threat, only the longest-range class that can intercept it fires
  long long wta_max_nodes = 20000;           // exact solver's node budget per decision (deterministic)
  ShotRules shot_rules{};           // refusal of shots that cannot be made (c2/shot_refusal.hpp)
  // Ballistic missile defence (docs/bmd.md): engage a ballistic track only while its P(warhead)
  // (c2/discrimination.hpp, table from the library) is at least rv_threshold; its priority is scaled
  // by that probability (re-ranked every decision as discrimination improves); an object whose
  // drag-aware predicted impact (c2/impact_prediction.hpp) falls outside every defended footprint
  // grown by impact_sigma_margin of the prediction's sigma gets no rounds. 0 = off (all engaged).
  double rv_threshold = 0.0;
  double impact_sigma_margin = 3.0;
  bool cued_search = true;          // with a table: the engagement radar dwells on ballistic objects (sensors/dwell_scheduler)
  // With a table and rv_threshold: re-point rounds in flight when discrimination changes its mind
  // (c2/retarget.hpp). Off by default: on bmd.yaml it did not raise the warhead kill probability (docs/bmd.md).
  bool retarget_in_flight = false;
  DiscriminationParams discrimination;  // from the scenario's library (scenario/loader.cpp)
  // Network engagement (c2/network/remote_track.hpp). engage_on_remote: without its own engagement
  // radar the battalion keeps firing on tracks another battalion's radar holds, guided by that
  // radar's uplink. A shot on a remote track is refused (remote_accuracy) when the probability that
  // the target lies inside the seeker's basket around the uplinked position is below
  // remote_basket_probability (1: every shot on a remote track is refused).
  bool engage_on_remote = false;
  // launch_on_remote: also fire on system tracks none of the battalion's radars holds yet (another
  // battalion's radar does), guided by that radar's uplink until its own radar holds the target;
  // the same seeker-basket test applies.
  bool launch_on_remote = false;
  // ... only on system tracks that no battalion holding them with fire control could engage itself
  // (a round left that reaches the track: c2/network/remote_track.hpp, holders_can_engage).
  bool remote_launch_fallback = true;
  EmconParams emcon;                // emission control against anti-radiation missiles (c2/emcon.hpp)
  double remote_basket_probability = 0.9;
  // Weapons control status by time window and sector (c2/weapons_control.hpp; default: free).
  WeaponsControl weapons_control;
  // Air-launched decoys (c2/decoy_discrimination.hpp): while some eligible threat has P(decoy) at most
  // decoy_threshold, threats above it are not engaged (1 = off: every track is engaged).
  double decoy_threshold = 1.0;
  // With decoy_threshold: an air-breathing track not yet resolved (no radar band with the table's
  // min_samples RCS estimates) is not engaged while a launch would still be feasible decoy_wait_s
  // later (look before shooting). 0 = off.
  double decoy_wait_s = 0.0;
  DecoyDiscriminationParams decoy_discrimination;  // from the scenario's library (scenario/loader.cpp)

  int salvo_for(ThreatClass c) const {
    const int n = salvo_by_class[static_cast<int>(c)];
    return n > 0 ? n : salvo_size;
  }
};

struct FireOrder {
  int launcher_index = -1;
  int track_id = -1;
  double order_time_s = 0.0;
  double launch_time_s = 0.0;
  Vec3 pip_enu = Vec3::Zero();
  double expected_pk = 0.0;
  double priority = 0.0;
  double latest_launch_s = 0.0;     // this launcher's launch window against the threat closes then
  bool no_time_to_look = false;     // part of a shoot-shoot salvo because no look is possible
  ThreatClass target_class = ThreatClass::Aircraft;  // the engaged track's classification at the order
};

// What the command post knows about one engagement (per track).
struct EngagementState {
  int track_id = -1;
  int in_flight = 0;       // interceptors launched or ordered, outcome not yet assessed
  int shots = 0;           // total interceptors committed
  bool assessed_killed = false;
  Refusal last_refusal = Refusal::None;  // the reason last reported for leaving it unengaged
  // While rounds fly (c2/lost_engagement.hpp): the track's last estimate in the picture, whether it
  // was coasting then, and whether the tracker has dropped it since (the entry then ends with them).
  EngagedEstimate last{};
  bool coasting = false;
  bool lost = false;
};

// A threat left unengaged this cycle although in reach: the first launcher's refusal (index order).
struct RefusedShot {
  int track_id = -1;
  int launcher_index = -1;
  Refusal reason = Refusal::None;
  double launch_time_s = 0.0;
  double time_of_flight_s = 0.0;
  double needed_s = 0.0;          // turnover / min_flight_time: the flight time the rule asks for; turn_limit: the demand (g)
  double altitude_m = 0.0;        // of the predicted intercept point
  double intercept_time_s = 0.0;
  Identity identity = Identity::Unknown;                       // weapons_control: the track's identity
  WeaponsControlStatus control = WeaponsControlStatus::Free;   // ... and the status that withheld it
};

struct CommandPostInputs {
  double t = 0.0;
  const std::vector<Track>* tracks = nullptr;               // battalion picture (frame: battalion ENU)
  const std::vector<InterceptorClass>* classes = nullptr;
  std::vector<LauncherStatus> launchers;                    // a snapshot: decide changes no launcher
  std::vector<Vec3> launchers_enu;                          // launcher sites in the battalion frame
  double frame_origin_alt_m = 0.0;
  int free_target_channels = 0;     // engagement radar: channels not used by current engagements
  int free_missile_channels = 0;
  std::vector<int> engaged_elsewhere;  // local track ids another battalion of the network engages
  std::vector<Sector> sectors;         // engage only tracks inside one of these (empty = all round)
  // Track ids whose estimate comes from another battalion's radar (mid-course uplink from it): each
  // shot on them must pass the seeker-basket test (doctrine remote_basket_probability).
  std::vector<int> remote;
  // Local track ids an outer-layer battalion could engage: fire at them only when no launch would be
  // feasible any more outer_hold_margin_s later (the last chance).
  std::vector<int> outer_cover;
  double outer_hold_margin_s = 0.0;
  // Identities of the tracks (c2/identification.hpp), sorted by track id; a track not listed (or no
  // list) is unknown. Shots the doctrine's weapons control forbids are refused (weapons_control).
  const std::vector<std::pair<int, Identity>>* identities = nullptr;
  // Tracks whose IFF answer is pending (c2/identification.hpp, Identifier::iff_pending_s), sorted
  // by track id, with the seconds until their evidence settles: weapons free holds an unknown one
  // per the doctrine's iff_wait.
  const std::vector<std::pair<int, double>>* iff_pending = nullptr;
};

// One decision's candidate shots, before the weapon-target assignment (CommandPost::plan_shots):
// the eligible threats and their tracks, the ready launchers (indices into the inputs' launchers),
// the WTA problem (weapons x threats), the intercept solutions and predicted paths. A regiment joins
// the plans of its battalions into one assignment (c2/network/regiment.hpp). Valid until the next
// plan_shots or decide of the same command post.
struct ShotPlan {
  bool any = false;   // threats, ready launchers and a free missile channel: worth an assignment
  std::vector<const ThreatAssessment*> threats;
  std::vector<const Track*> tracks;
  std::vector<int> weapons;
  WtaProblem problem;
  std::vector<std::vector<InterceptSolution>> solutions;  // [threat][weapon]
  std::vector<char> no_look;
  std::vector<TargetPath> paths;
};

// At most this many eligible threats go through fire control (an intercept solution per ready
// launcher each, then WTA) in one decision: the most urgent by the threat evaluation's priority
// (value x lethality / time to go). A swarm of tens of thousands of tracks would otherwise take
// minutes per decision; the rest wait for a later cycle. No shipped scenario comes near it.
inline constexpr std::size_t kMaxFireControlThreats = 256;

class CommandPost {
 public:
  CommandPost(std::vector<DefendedAsset> assets, std::vector<Vec3> assets_enu, DoctrineParams doctrine);

  // One decision cycle: returns the fire orders issued; the caller hands each to its launcher
  // (Launcher::accept_order at order_time_s gives launch_time_s).
  std::vector<FireOrder> decide(const CommandPostInputs& in);
  // decide in two halves: the candidate shots, then the orders of an assignment (weapon k of
  // plan.weapons -> threat index in plan.threats, or -1) made by this post or by its regiment.
  ShotPlan plan_shots(const CommandPostInputs& in);
  std::vector<FireOrder> issue(const CommandPostInputs& in, const ShotPlan& plan, const std::vector<int>& assignment);

  // In-flight retargeting (c2/retarget.hpp) after this decision's discrimination: rounds whose track
  // fell below rv_threshold re-pointed to the track now believed the warhead. The engagements move
  // with them (the new track counts the round in flight and as a shot).
  std::vector<Retarget> retarget(const std::vector<RoundInFlight>& rounds);
  // Kill assessment reported back (after the doctrine's delay) for an interceptor aimed at track_id.
  void report_outcome(int track_id, bool killed);
  // A kill assessed by another battalion of the network on the same system track: do not engage it.
  void mark_killed(int track_id);
  // Forget engagements on tracks that no longer exist (one with rounds in flight is kept, lost,
  // until their outcomes are reported).
  void drop_track(int track_id);
  // The tracker merged track `from` into `into` (one object): its rounds in flight and shots count
  // on `into` from now on (a kill assessed on either holds for both).
  void merge_track(int from, int into);

  const std::vector<ThreatAssessment>& last_assessment() const { return assessment_; }
  // P(warhead) of each confirmed ballistic track at the last decide (empty without a table).
  const std::vector<Discrimination>& last_discrimination() const { return discrimination_; }
  // P(decoy) of each confirmed air-breathing track at the last decide (empty without decoy_threshold).
  const std::vector<DecoyBelief>& last_decoy_beliefs() const { return decoys_.beliefs(); }
  // Refusals newly reported by the last decide (a track's reason is reported when it changes).
  const std::vector<RefusedShot>& last_refusals() const { return refusals_; }
  const std::vector<EngagementState>& engagements() const { return engagements_; }
  const DoctrineParams& doctrine() const { return doctrine_; }
  // A coasting track: one that missed fire_control_max_misses covered looks in a row (never when 0).
  bool coasting(const Track& tr) const;
  // Eligible threats the last decide left out of fire control (kMaxFireControlThreats), 0 normally.
  int last_dropped() const { return last_dropped_; }

 private:
  EngagementState& engagement(int track_id);
  // Keeps the kMaxFireControlThreats most urgent threats (and their tracks), in their order.
  void keep_most_urgent(std::vector<const ThreatAssessment*>& threats, std::vector<const Track*>& tracks);
  // Per-threat cap on interceptors this cycle, from the doctrine's salvo and the look test.
  // no_look: set when shoot-look-shoot turns into a salvo of two for want of time to look.
  int salvo_room(const CommandPostInputs& in, const ThreatAssessment& a, const TargetPath& tr, int in_flight,
                 const std::vector<int>& weapons, const std::vector<InterceptSolution>& solutions, bool& no_look) const;
  // Some launcher with a solution now could still launch a feasible interceptor on an order given
  // delay_s after now (after_intercept false) or after its own intercept time (true).
  bool launch_feasible_after(const CommandPostInputs& in, const ThreatAssessment& a, const TargetPath& tr,
                             const std::vector<int>& weapons, const std::vector<InterceptSolution>& solutions,
                             bool after_intercept, double delay_s) const;
  // A shot on a remote track: the seeker's basket holds the target with the doctrine's probability.
  bool in_basket(const Track& track, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& site) const;
  // A shot the weapons control status forbids on this track's identity: its solutions are withdrawn
  // and `refused` says weapons_control (the first feasible launcher's).
  // Under iff_wait: always the same for an unknown track whose IFF answer is pending (awaiting_iff).
  // Returns the seconds until that answer is due when the track is such a one under free, else -1.
  double withhold_by_weapons_control(const CommandPostInputs& in, const Track& track, const std::vector<int>& weapons,
                                     std::vector<InterceptSolution>& solutions, RefusedShot& refused, bool& acceptable) const;
  // Zero the Pk of launchers whose class's remaining stock is held in reserve for other threat classes.
  void apply_reserves(const CommandPostInputs& in, const std::vector<int>& weapons,
                      const std::vector<const ThreatAssessment*>& threats, Eigen::MatrixXd& pk) const;
  std::vector<DefendedAsset> assets_;
  std::vector<Vec3> assets_enu_;
  DoctrineParams doctrine_;
  std::vector<ThreatAssessment> assessment_;
  std::vector<Discrimination> discrimination_;   // of the last decide (ballistic tracks)
  DecoyDiscriminator decoys_;   // air-launched decoys (per-track evidence)
  // Drops the threats judged decoys (decoy_threshold) while a real threat remains (a threatening
  // track judged no decoy and not identified friend or assumed friend).
  // A suspected duplicate of a track engaged, or of a lower number that can be engaged instead
  // (DoctrineParams::fire_control_hold_duplicates). by_id: (track id, index in picture), sorted.
  bool held_as_duplicate(const Track& tr, const std::vector<Track>& picture, const std::vector<std::pair<int, int>>& by_id) const;
  // Inside the gate of another engagement with rounds in flight whose track is coasting or lost
  // (DoctrineParams::fire_control_hold_near_lost).
  bool held_near_lost(const Track& tr) const;
  // The per-track fire-control quality rules: not coasting (fire_control_max_misses), score at least
  // fire_control_min_score and within fire_control_max_score_drop of its peak.
  bool fire_control_ready(const Track& tr) const;
  // Refreshes the last estimate of each engagement with rounds in flight from the picture.
  void note_engaged_estimates(const std::vector<Track>& picture, const std::vector<std::pair<int, int>>& by_id);
  void erase_engagement(int track_id);
  void spare_decoys(const CommandPostInputs& in, const std::vector<Track>& picture, std::vector<const ThreatAssessment*>& threats,
                    std::vector<const Track*>& tracks);
  // With a discrimination table: the picture with ballistic objects kept ballistic (a track once
  // classified ballistic stays so when it slows down in the air; a falling object is one), which
  // the decision then uses instead of the tracker's classes.
  const std::vector<Track>& ballistic_view(const CommandPostInputs& in);
  std::vector<Track> view_;
  std::unordered_set<int> ballistic_ids_;
  std::vector<EngagementState> engagements_;
  std::vector<RefusedShot> refusals_;
  std::unordered_map<int, std::size_t> slot_;   // track id -> index in engagements_
  int last_dropped_ = 0;
};

}  // namespace skyshield

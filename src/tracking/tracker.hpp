#pragma once
// Central multi-target tracker of a battalion: fuses the batches of all its radars at the
// measurement level. Per batch: predict (IMM) the tracks the batch may have seen; gate each against
// the detections near it (spatial grid, chi-square on the spherical innovation); split the gated
// pairs into clusters; associate per cluster by global nearest neighbour (exact linear assignment)
// or JPDA; update with the EKF or UKF on range, azimuth, elevation and, where measured, range rate;
// start tentative tracks from the detections left over; confirm M-of-N; delete after consecutive
// misses (and, when confirmed, a minimum coast), too long a coast, or too large a position sigma;
// merge two confirmed tracks that have become one (a track re-initiated on a target whose old track
// lost it in a manoeuvre: tracking/reinitiation.hpp; or two tracks fed alternately by one object's
// detections: tracking/duplicate_evidence.hpp): the older number is kept with the fresher estimate.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "core/geo.hpp"
#include "sensors/measurement.hpp"
#include "tracking/association.hpp"
#include "tracking/classify.hpp"
#include "tracking/duplicate_evidence.hpp"
#include "tracking/initiator_index.hpp"
#include "tracking/track.hpp"
#include "tracking/track_initiation.hpp"

namespace skyshield {

struct SensorGeometry;

enum class Association { Gnn, Jpda };
// How tentative tracks are confirmed and deleted: by the sequential likelihood-ratio track score
// (tracking/track_score.hpp) or by counting hits (M of N) and consecutive misses.
enum class TrackManagement { Score, MOfN };
bool track_management_from_string(std::string_view s, TrackManagement& out);
inline constexpr double kGateProbability = 0.999;   // of the default gates below (JPDA's Pg)
bool association_from_string(std::string_view s, Association& out);
const char* to_string(Association a);

struct TrackerParams {
  ImmParams imm{};                     // motion models, filter (ekf/ukf), switching, process noise
  double ballistic_beta_kg_m2 = 20000.0;   // nominal ballistic coefficient of the ballistic model
  Association association = Association::Gnn;
  double gate_chi2 = 16.27;            // 3-dof chi-square gate (99.9 %)
  double gate_chi2_range_rate = 18.47; // 4-dof gate (99.9 %) for detections with range rate
  double jpda_detection_probability = 0.9;  // Pd assumed by JPDA
  long long jpda_max_events = 20000;   // larger clusters fall back to GNN (counted in stats)
  TrackManagement track_management = TrackManagement::Score;
  Initiation initiation = Initiation::TwoPoint;   // tracking/track_initiation.hpp
  double false_track_probability = 1e-6;   // score: Wald's alpha, a clutter track confirmed ...
  double true_track_loss_probability = 0.01;  // ... and beta, a real track dropped while tentative
  int confirm_m = 3;                   // M of N: confirm with M hits ...
  int confirm_n = 5;                   // ... in the last N covered looks
  int delete_misses_tentative = 3;     // consecutive covered misses that kill a tentative track
  int delete_misses_confirmed = 6;     // ... and a confirmed one, if it has also coasted for
  double min_coast_confirmed_s = 15.0; // at least this long (a target at the edge of one radar's
                                       // cover is missed often while another radar still holds it)
  double max_coast_s = 40.0;           // delete a track not updated for this long
  double unknown_coverage_tentative_coast_s = 10.0;  // ... a tentative one, when batches carry no coverage
                                       // (detection files: no misses can be counted)
  double max_position_sigma_m = 20000.0;  // ... or whose position sigma (rms per axis) grew past this
  double init_velocity_sigma_mps = 1000.0;  // velocity uncertainty of a new track
  double init_accel_sigma_mps2 = 10.0;      // acceleration uncertainty of a new track
  double max_speed_mps = 5000.0;            // a tentative track faster than this is deleted
  // Bounds on any object's acceleration and jerk, for the Doppler test of two-point initiation
  // (tracking/track_initiation.hpp; notional and wide: a light decoy re-entering at 2 km/s decelerates
  // at up to ~100 g, and its deceleration grows by ~0.3 of itself per second as the air thickens,
  // scale height ~7 km at a 2 km/s descent).
  double max_accel_mps2 = 1000.0;
  double max_jerk_mps3 = 1000.0;
  double merge_min_sigma_m = 100.0;         // per-axis sigma added to each track when testing two
                                            // confirmed tracks for being one (model mismatch in manoeuvres)
  // Two confirmed tracks fed alternately by one object are merged when the evidence of one object
  // reaches Wald's threshold at this chance of merging two objects (tracking/duplicate_evidence.hpp;
  // 0 = never by evidence).
  double duplicate_false_merge_probability = 1e-3;
  ClassifierParams classifier{};
  bool sweep_reach = true;             // leave tracks a sweep cannot reach yet alone (speed only:
                                       // false tests every track in every batch, same results)
};

struct TrackEvent {
  // Merged: track_id was found to hold the object of `into` and ends (a confirmed track merged away
  // also has its Deleted event).
  enum class Kind { Initiated, Confirmed, Deleted, Merged };
  // Merged: which rule found the pair (Tracker::merge_duplicates or the pair test of
  // tracking/duplicate_evidence.hpp).
  enum class MergeRule { None, StaleTrack, Evidence };
  Kind kind;
  int track_id;
  double t;
  int into = -1;   // Merged: the number that holds the object on
  MergeRule rule = MergeRule::None;
};
const char* to_string(TrackEvent::MergeRule r);

struct TrackerStats {
  long long batches = 0;
  long long tested = 0;           // tracks given the candidate test (the others: not reachable yet)
  long long candidates = 0;       // tracks predicted for a batch (the looked-at volume may hold them)
  long long margin_candidates = 0;  // ... of which only in the margin (kept only if associated)
  long long candidate_models = 0; // IMM model predictions of the candidates
  long long detections = 0;       // detections in the batches (targets and false alarms)
  long long updates = 0;          // track updates with at least one detection (IMM or PDA update)
  long long update_models = 0;    // IMM model filters those updates ran (1 tentative, 4 firm by default)
  long long gated_pairs = 0;
  long long clusters = 0;
  long long jpda_fallbacks = 0;   // clusters too large for exact JPDA, associated by GNN
  int largest_cluster = 0;        // tracks + detections
  long long started = 0;          // tentative tracks started
  long long initiators = 0;       // detections held as two-point initiators (none paired yet)
  long long doppler_rejected = 0; // initiator-detection pairs in the position gate that the Doppler test rejected
  long long initiator_candidates = 0; // initiators taken into a batch's association (as their one-point tracks)
  long long confirmed = 0;        // ... confirmed
  long long tentative_looks = 0;  // covered looks at tentative tracks (their lifetime, in looks)
};

// What the scans of every track in every batch read (the candidate test, the deletion rules, the
// health check), kept beside the tracks in one contiguous array: a scan touches ~100 bytes per track
// instead of its ~4 KB state (the IMM's model estimates), most of which it does not need.
struct TrackSummary {
  Vec3 p, v, a;                  // combined estimate at t
  double t = 0.0;
  double trace_pp = 0.0, trace_pv = 0.0, trace_vv = 0.0;  // traces of P's position, position-velocity
                                 // and velocity blocks
  double last_update_t = 0.0;
  int id = -1;
  int consecutive_misses = 0;
  bool confirmed = false;
  bool finite = true;            // x and P all finite
  bool doomed = false;           // to be deleted whatever the time (misses, divergence, speed)
  std::uint64_t version = 0;     // a number new at every change of the track (never 0)
  double due_t = 0.0;            // no deletion rule can hold before this time (see delete_lost)
};

// The trace of a track's position covariance predicted dt ahead by the candidate test's cheap
// prediction: its summary's position, position-velocity and velocity traces propagated without the
// acceleration terms, plus the constant-velocity process noise (q |dt|^3 over the three axes).
inline double candidate_position_trace(double trace_pp, double trace_pv, double trace_vv, double cv_q, double dt) {
  return trace_pp + 2.0 * dt * trace_pv + dt * dt * trace_vv + cv_q * std::abs(dt * dt * dt);
}
// The candidate test's angular margin about a track's predicted position: three standard deviations
// (sqrt(trace / 3) per axis) seen from `range_m`. The sweep reach (tracking/sweep_reach.hpp) bounds
// it with the same function, so it never undercuts the test.
inline double candidate_margin_rad(double position_trace, double range_m) {
  return 3.0 * std::sqrt(std::max(0.0, position_trace) / 3.0) / std::max(range_m, 1.0);
}

// What the scans of every track read first, one contiguous column per value beside the summaries
// (8 bytes per track and scan): when a deletion rule may hold (TrackSummary::due_t), and per radar
// (radar_index < kSweepRadars), while the track's summary is unchanged, the end time before which
// the radar's batches cannot take it as a candidate (tracking/sweep_reach.hpp) and the time before
// which that reach is not worked out again when it could not be (kSweepRadars: track_initiation.hpp,
// where the initiators keep the same two times).
struct ScanColumns {
  std::vector<double> due_t;
  std::vector<double> reach_t[kSweepRadars];
  std::vector<double> retry_t[kSweepRadars];

  void push_back() {
    due_t.push_back(0.0);
    for (int r = 0; r < kSweepRadars; ++r) reach_t[r].push_back(kUnknown), retry_t[r].push_back(kUnknown);
  }
  void reset(std::size_t i, double due) {   // a changed track
    due_t[i] = due;
    for (int r = 0; r < kSweepRadars; ++r) reach_t[r][i] = retry_t[r][i] = kUnknown;
  }
  void move_last_to(std::size_t i) {   // and drop the last
    due_t[i] = due_t.back();
    due_t.pop_back();
    for (int r = 0; r < kSweepRadars; ++r) {
      reach_t[r][i] = reach_t[r].back(), retry_t[r][i] = retry_t[r].back();
      reach_t[r].pop_back(), retry_t[r].pop_back();
    }
  }

 private:
  static constexpr double kUnknown = -1e300;
};

class Tracker {
 public:
  Tracker(const LocalFrame& frame, TrackerParams params);

  // Process one radar batch (batches must come in non-decreasing t0 order).
  void process(const MeasurementBatch& batch);

  const std::vector<Track>& tracks() const { return tracks_; }
  // The number of a track whose state or covariance is not finite, or -1.
  int first_non_finite() const;
  const LocalFrame& frame() const { return frame_; }
  const TrackerParams& params() const { return params_; }
  const TrackerStats& stats() const { return stats_; }
  // The track with this number, or nullptr when there is none (O(1), by the tracker's id index).
  const Track* find(int track_id) const;
  // A copy of the track predicted to time t (no update); false when absent.
  bool predicted(int track_id, double t, Track& out) const;
  // A copy of one of tracks() predicted to time t.
  Track predicted(const Track& tr, double t) const {
    Track out = tr;
    predict_to(out, t);
    return out;
  }
  // Position, velocity and position covariance of a track predicted to t (those of predicted()),
  // remembered until the track next changes: the duplicate check of each radar batch at one time, the
  // air picture, deconfliction and fire control ask for the same tracks at the same time. The first
  // form takes one of tracks().
  struct Prediction {
    Vec3 pos = Vec3::Zero(), vel = Vec3::Zero();
    Mat3 P_pp = Mat3::Zero();
  };
  const Prediction& prediction(const Track& tr, double t) const;
  bool prediction(int track_id, double t, Prediction& out) const;
  // The state estimate alone (no covariance) of a track predicted to t: the x of predicted() by the
  // same operations, much cheaper. The first form is false when the track is absent.
  bool predicted_state(int track_id, double t, Vec9& out) const;
  Vec9 predicted_state(const Track& tr, double t) const;
  // Probability of the ballistic model in the track's IMM (0 when the IMM has none).
  double ballistic_probability(const Track& tr) const;
  // Events since the last call (initiations, confirmations, deletions).
  std::vector<TrackEvent> take_events();

 private:
  struct Candidate;
  void predict_to(Track& tr, double t) const;
  int index_of(int track_id) const;   // -1 when absent
  // The motion models of a track: a tentative track is a nearly-constant-velocity hypothesis (track
  // initiation logic, Blackman & Popoli 1999 sec. 3.2), so that clutter cannot form tracks through
  // the wide gates of the manoeuvre models; the IMM over the full model set starts at confirmation.
  const ImmParams& imm_for(const Track& tr) const { return tr.status == TrackStatus::Tentative ? initiation_ : params_.imm; }
  // The ballistic model flies a track with its estimated ballistic coefficient once significant.
  MotionContext context_for(const Track& tr) const { return drag_context(ctx_, tr.drag); }
  // The filter state of a one-point track at a detection at z with covariance R: position measured,
  // velocity and acceleration unknown (one constant-velocity model).
  ImmState one_point_state(const Vec3& z, const Mat3& R) const;
  // A one-point tentative track at a detection (no number yet): position measured, velocity unknown.
  Track new_track(const Vec3& z, const Mat3& R, double t) const;
  // Numbers and adds a tentative track (Initiated event at its t); returns its number.
  int start_track(Track tr);
  // Confirms a tentative track whose evidence (score or M of N) suffices.
  void confirm_if_evident(Track& tr, double t);
  // Two-point initiation (tracking/track_initiation.cpp): appends to the association input, after
  // the tracks' predictions, the one-point tracks the waiting initiators near a detection stand for
  // (init_cand_, their states in init_pred_), and marks the initiators the batch looked at (looked_).
  void add_initiator_candidates(const MeasurementBatch& batch, const std::vector<Mat3>& z_cov, const SensorGeometry& geometry);
  // Marks an initiator used (paired, dropped or expired), counting it towards the next compaction.
  void mark_used(Initiator& c);
  // Whether an initiator can take part in a batch at t: not used (marked used here once expired)
  // and detected before t.
  bool waiting_at(Initiator& c, double t);
  // Removes the used initiators from the list and indexes the others again.
  void compact_initiators();
  // Two-point: starts the tracks of the initiators the association gave a detection (appending to
  // confirmed_now those confirmed at once) and counts the others' misses.
  void start_pairs(const MeasurementBatch& batch, const AssociationResult& assoc, double density, std::vector<int>& confirmed_now);
  // Starts tracks (one-point: from every detection no track took) or keeps initiators (two-point:
  // the detections no track and no initiator took).
  void initiate(const MeasurementBatch& batch, const AssociationResult& assoc, const std::vector<Mat3>& z_cov);
  // Starts the track of an initiator and detection b of the batch: the one-point track the initiator
  // would have started, after its update with the detection.
  // Returns its index.
  int start_pair(const Initiator& c, const MeasurementBatch& batch, std::size_t b, double density, double pd);
  // The candidates of a batch (indices) and whether each lies strictly inside the looked-at volume
  // (tracking/tracker_candidates.cpp).
  // Fills cand_ and strictly_.
  void find_candidates(const MeasurementBatch& batch, const AssociationInput& in, const SensorGeometry& geometry);
  TrackSummary summarize(const Track& tr);   // with a new version
  // summary_[i] = summarize(tracks_[i]) and its scan columns reset; the earliest deletion time kept.
  void refresh(std::size_t i);
  void reclassify(Track& tr) const;
  void add_signature(Track& tr, const MeasurementBatch& batch, const std::vector<AssociationResult::Weight>& w) const;
  // The false-alarm density (per measurement-space volume) of a radar's batches so far: detections
  // outside every gate over the volumes looked at, summed over the radar's batches (at least one).
  double false_alarm_density(int radar_index, double outside, double volume);
  // Removes lost tracks and those merged away (with a Deleted event for confirmed ones).
  void delete_lost(double t, const std::vector<int>& merged_away, bool coverage_known);
  // Whether a track's position sigma, propagated without process noise to t, exceeds max_position_sigma_m.
  bool diverged_by(const TrackSummary& h, double t) const;
  // Merges tracks confirmed at t (their indices) re-initiated on an older track's object into it
  // (tracking/reinitiation.hpp; tracker_merge.cpp); returns the numbers merged away.
  std::vector<int> merge_duplicates(const std::vector<int>& confirmed_now, double t);
  // Adds a batch's evidence on pairs of confirmed tracks holding one object (tracking/
  // duplicate_evidence.hpp), merges the pairs it settles (adding the numbers merged away) and marks
  // each covered track's suspected duplicate.
  void merge_by_evidence(const AssociationResult& assoc, double t, std::vector<int>& merged_away);

  LocalFrame frame_;
  TrackerParams params_;
  ImmParams initiation_;
  MotionContext ctx_;
  int ballistic_model_ = -1;
  int reinitiation_misses_ = 3;   // K of the re-initiation test (tracking/reinitiation.hpp)
  std::vector<Track> tracks_;
  std::vector<Initiator> initiators_;   // two-point initiation: detections waiting for a second
  std::vector<int> init_cand_;          // two-point: the initiators in the batch's association (indices)
  std::vector<ImmState> init_pred_;     // ... their one-point tracks' predictions (reused)
  std::vector<int> looked_;             // ... the initiators the batch looked at (indices)
  std::size_t initiators_gone_ = 0;     // ... marked used since the list was last compacted
  std::size_t expiry_cursor_ = 0;       // ... those before it in the list are marked used
  InitiatorIndex init_index_;           // ... where they are (speed only; tracking/initiator_index.hpp)
  std::vector<int> init_near_;          // ... the index's answers for a batch (reused)
  std::vector<char> free_again_;        // ... per detection: given to an initiator that failed the Doppler test
  std::vector<TrackSummary> summary_;   // summary_[i] of tracks_[i], refreshed when it changes
  std::unordered_map<int, int> index_;  // track id -> i (index_of in O(1): a crowd looks up thousands a step)
  ScanColumns columns_;                 // of tracks_[i] at i, reset when it changes
  double next_due_t_ = 0.0;             // no track's due_t is earlier (delete_lost scans from then)
  std::vector<ImmState> margin_;   // predictions of the candidates in a batch's margin (reused)
  AssociationInput in_;             // a batch's association input (reused)
  std::vector<Mat3> z_cov_;         // ... its detections' Cartesian covariances
  std::vector<int> cand_;           // a batch's candidates (reused)
  std::vector<char> strictly_;      // ... strictly inside its looked-at volume
  DuplicateEvidence duplicates_;    // pairs of confirmed tracks that may hold one object
  std::vector<DuplicateEvidence::Look> looks_;   // a batch's covered confirmed tracks (reused)
  struct CachedPrediction {
    std::uint64_t version = 0;   // of the track predicted
    double t = 0.0;
    Prediction p;
  };
  mutable std::vector<CachedPrediction> predictions_;   // by track index, valid while the version holds
  std::uint64_t versions_ = 0;
  std::vector<TrackEvent> events_;
  struct ClutterCount {
    double outside = 0.0, volume = 0.0;
  };
  std::unordered_map<int, ClutterCount> clutter_;   // by radar index (false_alarm_density)
  TrackerStats stats_;
  int next_id_ = 1;
};

}  // namespace skyshield

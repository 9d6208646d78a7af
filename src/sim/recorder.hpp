#pragma once
// Turns what happens in the engine into the RunRecord: events, per-threat and per-interceptor
// records, sites and sampled trajectories. It also holds the scoring association of tracks to
// truth (nearest threat), which feeds only the outputs, never the command post.
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "c2/kill_assessment.hpp"
#include "record/run_record.hpp"
#include "sim/battalion.hpp"
#include "weapons/interceptor.hpp"
#include "world/threat.hpp"

namespace skyshield {

class Recorder {
 public:
  Recorder(const Scenario& s, std::uint64_t seed, bool trajectories);

  void add_sites(const std::vector<std::unique_ptr<Battalion>>& battalions);
  void threat_appeared(const Threat& th, double t);
  void threat_leaked(const Threat& th, double t, const Scenario& s);
  void threat_not_launched(const Threat& th);
  // A threat created during the run (one flown by another simulator); its id must be the next one.
  void add_threat(const Threat& th);
  void threat_departed(const Threat& th, double t);
  void detections(const Battalion& b, const Radar& radar, const std::vector<DetectionRecord>& log,
                  const std::vector<Threat>& threats);
  void track_event(const Battalion& b, const TrackEvent& e, const std::vector<TruthView>& views,
                   const std::vector<Threat>& threats);
  void fire_order(const Battalion& b, const FireOrder& o, double t);
  void launch_cancelled(const Battalion& b, const FireOrder& o, double t, bool coasting);
  // Fire control refused the shots at a track in reach: a `refused` event (reason first in the
  // detail), counted on the threat nearest the track (scoring).
  void refused(const Battalion& b, const RefusedShot& r, double t, const std::vector<TruthView>& views,
               const std::vector<Threat>& threats);
  // An interceptor in flight re-pointed (c2/retarget.hpp): record is its interceptor record.
  void retarget(const Battalion& b, const Retarget& r, int record, double t, const std::vector<TruthView>& views,
                const std::vector<Threat>& threats);
  // The seeker of interceptor `record` lost its lock on `target` at t to a deception repeater's gate
  // pull-off (no re-acquisition for reacquire_s): a `seeker_break_lock` event, reason first in the detail.
  void seeker_break_lock(int record, double t, const std::string& target, double reacquire_s);
  void radar_lost(const Battalion& b, int radar, double t, const std::string& cause);
  // to: the battalion taking over the sector, nullptr when none can.
  void handover(const Battalion& from, const Battalion* to, double t);
  void reload(const Battalion& b, const ReloadEvent& e);
  // Suppression of air defences (docs/sead.md): emission off/on, radar restored, decoy emitter hit.
  void sead_event(double t, EventType type, const std::string& entity, const std::string& detail, double value = 0.0) {
    add_event(t, type, entity, "", "", value, detail);
  }
  // Returns (interceptor record index, trajectory index or -1).
  std::pair<int, int> launch(const Battalion& b, const FireOrder& o, const Launcher& l, const InterceptorClass& cls,
                             double t, const std::vector<TruthView>& views, const std::vector<Threat>& threats);
  void interceptor_outcome(int record, int trajectory, const Interceptor& m, const std::vector<Threat>& threats);
  // A kill assessment delivered at t on the track the interceptor `record` engaged, scored against the
  // truth: the threat it killed, else the one nearest its track at launch.
  void kill_assessed(const Battalion& b, int track_id, double t, int record, const KillAssessment& a);
  void sample(double t, const std::vector<Threat>& threats, const std::vector<std::pair<int, const Interceptor*>>& flights);

  const RunRecord& record() const { return rec_; }
  RunRecord finish(long long steps, double end_time_s, int rounds_remaining, int magazine_remaining);

 private:
  void add_event(double t, EventType type, std::string entity, std::string target, std::string layer = "",
                 double value = 0.0, std::string detail = "");
  void append_sample(int trajectory, double t, const Geodetic& p);
  void add_threat_record(int id, const ThreatSpec& spec, const ThreatType& type);
  std::string track_name(const Battalion& b, int track_id) const;

  RunRecord rec_;
  bool trajectories_;
  double sample_period_;
  double next_sample_t_ = 0.0;
  std::map<std::pair<int, int>, bool> detected_;      // (global radar, threat) first detections
  std::map<std::pair<int, int>, int> track_truth_;    // (battalion, track) -> threat id, scoring only
  std::vector<std::string> battalion_names_;
  std::vector<int> threat_trajectory_;                // per threat id: its trajectory index (-1: none)
  std::vector<double> max_range_;                     // per interceptor class, for plots
  std::vector<int> interceptor_truth_;                // per interceptor record: the threat it engaged (-1: none)
  std::set<std::pair<int, int>> missed_kill_tracks_;  // (battalion, track) assessed survived after a kill
};

// Index of the live truth object nearest to pos (ECEF) within max_m, or -1.
int nearest_truth(const Vec3& pos, const std::vector<TruthView>& views, double max_m);

}  // namespace skyshield

// End to end: the default scenario through the whole kill chain.
#include <gtest/gtest.h>

#include <array>
#include <set>

#include "record/summary.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

namespace {
const Scenario& default_scenario() {
  static const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  return s;
}
const RunRecord& default_run() {
  static const RunRecord r = run_scenario(default_scenario());
  return r;
}
}  // namespace

TEST(Engine, DefaultScenarioResolvesEveryThreat) {
  const RunRecord& run = default_run();
  const Summary s = summarize(run);
  EXPECT_EQ(s.total.count, static_cast<int>(default_scenario().threats.size()));
  // Every threat is either killed or leaked before the hard stop: the run ended early.
  EXPECT_EQ(s.total.active, 0);
  EXPECT_EQ(s.total.killed + s.total.leaked, s.total.count);
  // The run ends early unless interceptors are still in flight at the hard stop. Since kill assessment
  // reads the engaged track (issue 26, defect 7), the default seed does: strike-2's track is lost while
  // it dives away from I6 (assessed killed at 318 s, a false kill), it is re-acquired as new tracks
  // and engaged again, and the last round (I26, launched at 1376 s) is still flying at 1500 s.
  if (run.end_time_s >= default_scenario().sim.duration_s) {
    EXPECT_GT(s.interceptors.flying, 0);
  }
  // Kills are accounted consistently: each killed threat has one killing interceptor.
  EXPECT_EQ(s.interceptors.kills, s.total.killed);
  int by_layer = 0;
  for (int k : s.total.killed_by_layer) by_layer += k;
  EXPECT_EQ(by_layer, s.total.killed);
  // Inventory: 28 rounds in the tubes (6 TELs x 4, 2 x 2) and 28 in the reload magazine.
  EXPECT_EQ(run.rounds_remaining + run.magazine_remaining + s.interceptors.fired, 28 + 28);
}

TEST(Engine, DefaultScenarioKillsEveryClassAcrossThreeSeeds) {
  // Every class is detected in every run, and the kill chain kills each class at least once over
  // seeds 1-3 (one seed alone is not enough: two SRBMs at a notional Pk of 0.5-0.7 per shot can
  // both leak; P(kill) per SRBM is about 0.5 over 20 runs, see README).
  std::array<int, kThreatClassCount> kills{};
  for (std::uint64_t seed : {1, 2, 3}) {
    RunOptions o;
    o.seed = seed;
    const Summary s = summarize(seed == 1 ? default_run() : run_scenario(default_scenario(), o));
    for (ThreatClass c : kAllThreatClasses) {
      kills[static_cast<int>(c)] += s.by_class[static_cast<int>(c)].killed;
      EXPECT_EQ(s.by_class[static_cast<int>(c)].detected, s.by_class[static_cast<int>(c)].count) << to_string(c);
    }
  }
  for (ThreatClass c : kAllThreatClasses) EXPECT_GE(kills[static_cast<int>(c)], 1) << to_string(c);
}

TEST(Engine, EventsFollowTheKillChainOrder) {
  // For every killed threat: detected, then tracked, then an interceptor launched, then the kill.
  const RunRecord& run = default_run();
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome != "killed") continue;
    EXPECT_GE(t.first_detection_s, t.launch_time_s) << t.name;
    EXPECT_GE(t.first_track_s, t.first_detection_s) << t.name;
    EXPECT_GE(t.first_launch_s, t.first_track_s) << t.name;
    EXPECT_GT(t.outcome_time_s, t.first_launch_s) << t.name;
    EXPECT_FALSE(t.killed_by_layer.empty());
  }
  // No interceptor flies past its class's flight time.
  for (const InterceptorRecord& i : run.interceptors) {
    if (i.outcome_time_s < 0) continue;
    for (const InterceptorClass& c : default_scenario().interceptor_classes) {
      if (c.name == i.interceptor_class) {
        EXPECT_LE(i.outcome_time_s - i.launch_time_s, c.max_flight_time_s + 0.1);
      }
    }
  }
}

TEST(Engine, SameSeedIsByteIdentical) {
  const RunRecord a = run_scenario(default_scenario());
  const RunRecord& b = default_run();
  EXPECT_EQ(events_csv(a), events_csv(b));
  EXPECT_EQ(summary_json(a, summarize(a)), summary_json(b, summarize(b)));
  EXPECT_EQ(trajectories_csv(a), trajectories_csv(b));
  EXPECT_EQ(track_metrics_csv(a.track_scores), track_metrics_csv(b.track_scores));
  EXPECT_FALSE(a.track_scores.empty());
}

TEST(Engine, DifferentSeedChangesTheRun) {
  RunOptions opt;
  opt.seed = 12345;
  const RunRecord a = run_scenario(default_scenario(), opt);
  EXPECT_EQ(a.seed, 12345u);
  EXPECT_NE(events_csv(a), events_csv(default_run()));
}

TEST(Engine, SweepReachChangesNothingButSpeed) {
  // The trackers leave tracks a sweep cannot reach yet alone (tracking/sweep_reach.hpp); with that
  // off every batch tests every track. Reference: the run with it off; the outputs are identical.
  Scenario every_track = default_scenario();
  for (BattalionSpec& b : every_track.battalions) b.tracker.sweep_reach = false;
  const RunRecord off = run_scenario(every_track);
  const RunRecord& on = default_run();
  EXPECT_EQ(events_csv(off), events_csv(on));
  EXPECT_EQ(trajectories_csv(off), trajectories_csv(on));
  EXPECT_EQ(truth_csv(off), truth_csv(on));
}

TEST(Engine, AnInterruptDuringSensingStopsBeforeTheNextRadarsBatch) {
  // A crowded radar batch can take a second: the step polls the interrupt between radars' batches
  // (sim/engine.cpp sense_and_track). The "signal" is raised while the first radar's batch at or
  // after 10 s is handed out (RunOptions::on_batch, deterministic); no later batch may be sensed.
  RunOptions opt;
  bool raised = false;
  int batches_after = 0;
  std::string first;
  opt.on_batch = [&](const std::string& sensor, const Geodetic&, const MeasurementBatch& b) {
    if (raised) ++batches_after;
    else if (b.t0 >= 10.0) {
      raised = true;
      first = sensor;
    }
  };
  opt.should_stop = [&] { return raised; };
  const RunRecord r = run_scenario(default_scenario(), opt);
  EXPECT_TRUE(raised);
  EXPECT_TRUE(r.interrupted);
  EXPECT_EQ(batches_after, 0) << "after " << first;
  EXPECT_LT(r.steps, default_run().steps);
}

// The SEAD side of a run's summary (record/sead_summary.hpp, docs/sead.md) on a hand-built record:
// ARMs launched, killed and arrived; the radar-seconds silent under EMCON, counted by hand from the
// emission_off / emission_on / radar_lost events and the end of the run; rounds at air-launched
// decoys (ballistic debris apart); nothing to report without ARMs, air decoys or silence.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "record/sead_summary.hpp"
#include "record/summary.hpp"

namespace skyshield {
namespace {

ThreatRecord threat(const std::string& name, ThreatClass cls, const std::string& outcome, int fired, bool arm, bool decoy) {
  ThreatRecord t;
  t.name = name;
  t.cls = cls;
  t.outcome = outcome;
  t.interceptors_fired = fired;
  t.arm = arm;
  t.decoy = decoy;
  return t;
}

Event event(double t, EventType type, const std::string& entity) {
  Event e;
  e.t = t;
  e.type = type;
  e.entity = entity;
  return e;
}

RunRecord sead_record() {
  RunRecord r;
  r.end_time_s = 500.0;
  r.threats = {threat("arm-1", ThreatClass::CruiseMissile, "killed", 2, true, false),
               threat("arm-2", ThreatClass::CruiseMissile, "leaked", 0, true, false),
               threat("arm-3", ThreatClass::CruiseMissile, "leaked", 1, true, false),
               threat("mald-1", ThreatClass::CruiseMissile, "killed", 3, false, true),
               threat("mald-2", ThreatClass::CruiseMissile, "leaked", 1, false, true),
               threat("debris", ThreatClass::BallisticMissile, "active", 4, false, true),   // ballistic debris: not an air decoy
               threat("jet", ThreatClass::Aircraft, "leaked", 2, false, false)};
  r.events = {event(50.0, EventType::EmissionOff, "bn/er"),   // er silent 50 -> 120: 70 s
              event(60.0, EventType::EmissionOff, "bn/sr"),   // sr silent 60 -> lost at 200: 140 s
              event(120.0, EventType::EmissionOn, "bn/er"),
              event(200.0, EventType::RadarLost, "bn/sr"),
              event(300.0, EventType::EmissionOff, "bn/er"),  // er silent 300 -> end 500: 200 s
              event(350.0, EventType::RadarRestored, "bn/sr"),
              event(400.0, EventType::DecoyEmitterHit, "decoy-1"),
              event(410.0, EventType::RadarLost, "bn2/er")};  // lost while radiating: no silence
  return r;
}

TEST(SeadSummary, CountsByHand) {
  const SeadSummary s = sead_summary(sead_record());
  EXPECT_EQ(s.arms, 3);
  EXPECT_EQ(s.arms_killed, 1);
  EXPECT_EQ(s.arms_leaked, 2);
  EXPECT_EQ(s.radars_lost, 2);
  EXPECT_EQ(s.radars_restored, 1);
  EXPECT_EQ(s.decoy_emitters_hit, 1);
  EXPECT_DOUBLE_EQ(s.radar_silent_s, 70.0 + 140.0 + 200.0);
  EXPECT_EQ(s.air_decoys, 2);
  EXPECT_EQ(s.rounds_at_air_decoys, 4);
  EXPECT_TRUE(s.any());
}

TEST(SeadSummary, InTheSummaryJsonAndTableOnlyWhenThereIsSomething) {
  const RunRecord r = sead_record();
  const Summary s = summarize(r);
  EXPECT_EQ(s.sead.rounds_at_air_decoys, 4);
  EXPECT_NE(summary_table(r, s).find("SEAD: ARMs 3 (killed 1, reached their end 2); radars lost 2 (restored 1), silent under EMCON 410 radar-s"),
            std::string::npos)
      << summary_table(r, s);
  RunRecord plain;
  plain.end_time_s = 100.0;
  plain.threats = {threat("jet", ThreatClass::Aircraft, "leaked", 2, false, false)};
  plain.events = {event(10.0, EventType::RadarLost, "bn/er")};   // a scheduled failure alone: no SEAD block
  const Summary p = summarize(plain);
  EXPECT_FALSE(p.sead.any());
  EXPECT_EQ(summary_table(plain, p).find("SEAD:"), std::string::npos);
}

}  // namespace
}  // namespace skyshield

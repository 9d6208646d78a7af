// The publisher on the default scenario, in process (no network): every PDU decodes, one Fire PDU
// per interceptor and one Detonation per interceptor's end and per missile impact, with matching
// event ids, results as the run recorded them, sites where the scenario puts them, heartbeats.
#include <gtest/gtest.h>

#include <map>

#include "core/geo.hpp"
#include "dis/codec.hpp"
#include "dis/dis_link.hpp"
#include "dis/entity_types.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;
using namespace skyshield::dis;

namespace {

struct Published {
  RunRecord run;
  std::map<std::string, std::string> marking;   // by the records' name
  std::vector<EntityStatePdu> states;
  std::vector<FirePdu> fires;
  std::vector<DetonationPdu> detonations;
};

const Published& published() {
  static const Published p = [] {
    Published out;
    const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
    DisLink link({DisIdentity{3, 10, 20}, 0.0, false},
                 [&](std::span<const std::uint8_t> bytes) {
                   const Decoded d = decode(bytes);
                   EXPECT_EQ(d.error, DecodeError::None);
                   if (const auto* es = std::get_if<EntityStatePdu>(&d.pdu)) out.states.push_back(*es);
                   if (const auto* f = std::get_if<FirePdu>(&d.pdu)) out.fires.push_back(*f);
                   if (const auto* det = std::get_if<DetonationPdu>(&d.pdu)) out.detonations.push_back(*det);
                 },
                 {});
    RunOptions opt;
    opt.link = &link;
    opt.record_trajectories = false;
    // Seed 2: a run in which missiles leak (impact detonations are checked below). The scenario's own
    // seed 1 no longer leaks any since fire control solves fast-closing ballistic targets (issue 28).
    opt.seed = 2;
    out.run = run_scenario(s, opt);
    for (const auto& e : link.publisher()->entities()) out.marking[e.name] = e.marking;
    return out;
  }();
  return p;
}

}  // namespace

TEST(DisPublisher, OneFirePerInterceptorAndOneDetonationPerEnd) {
  const Published& p = published();
  ASSERT_FALSE(p.run.interceptors.empty());
  ASSERT_EQ(p.fires.size(), p.run.interceptors.size());
  std::map<std::uint16_t, const FirePdu*> by_event;
  for (const FirePdu& f : p.fires) {
    EXPECT_EQ(f.header.exercise_id, 3);
    EXPECT_EQ(f.event.site, 10);
    EXPECT_EQ(f.event.application, 20);
    EXPECT_NE(f.firing, EntityId{});
    EXPECT_EQ(f.descriptor.munition, interceptor_entity_type());
    EXPECT_TRUE(by_event.emplace(f.event.event_number, &f).second) << "event ids are unique";
  }
  int kills = 0, ended = 0, impacts = 0;
  for (const InterceptorRecord& r : p.run.interceptors) {
    kills += r.outcome == "killed";
    ended += r.outcome != "flying";
  }
  for (const ThreatRecord& t : p.run.threats) impacts += t.outcome == "leaked" && t.cls != ThreatClass::Aircraft;
  int proximate = 0, from_fires = 0;
  for (const DetonationPdu& d : p.detonations) {
    if (d.result == DetonationResult::EntityProximateDetonation) ++proximate;
    const auto f = by_event.find(d.event.event_number);
    if (f != by_event.end() && d.munition == f->second->munition) {
      ++from_fires;
      EXPECT_EQ(d.firing, f->second->firing);
    }
  }
  EXPECT_EQ(from_fires, ended);
  EXPECT_EQ(proximate, kills);
  EXPECT_EQ(static_cast<int>(p.detonations.size()), ended + impacts);
  // An impact's firing entity is never the missile itself (IEEE 1278.1: Firing Entity ID vs Munition
  // ID); the default raid's missiles have no simulated launcher or carrier: ENTITY_ID_UNKNOWN (0,0,0).
  for (const DetonationPdu& d : p.detonations)
    if (d.result == DetonationResult::GroundImpact && d.descriptor.munition != interceptor_entity_type()) {
      EXPECT_NE(d.firing, d.munition);
      EXPECT_EQ(d.firing, (EntityId{0, 0, 0}));
    }
  EXPECT_GT(impacts, 0);  // the default raid leaks some missiles (README: ~3 leakers a run)
}

TEST(DisPublisher, SitesWhereTheScenarioPutsThemAndEntitiesEndDeactivated) {
  const Published& p = published();
  std::map<EntityId, std::vector<const EntityStatePdu*>> by_entity;
  for (const EntityStatePdu& es : p.states) by_entity[es.entity].push_back(&es);
  int sites = 0;
  for (const Site& s : p.run.sites) {
    if (s.kind == "asset") continue;
    ++sites;
    bool found = false;
    for (const auto& [id, list] : by_entity)
      if (list.front()->dead_reckoning.algorithm == DeadReckoning::Static && marking_text(list.front()->marking) == p.marking.at(s.name)) {
        const Vec3 at = ecef_from_geodetic(s.position);
        if ((Vec3(list.front()->location.x, list.front()->location.y, list.front()->location.z) - at).norm() < 1e-6) found = true;
      }
    EXPECT_TRUE(found) << s.name;
  }
  EXPECT_GT(sites, 0);
  for (const auto& [id, list] : by_entity) {
    // Heartbeat: never more than 5 s (+ one step) between two Entity State PDUs of an entity.
    for (std::size_t k = 1; k < list.size(); ++k) {
      const double gap = seconds_past_hour(list[k]->header.timestamp) - seconds_past_hour(list[k - 1]->header.timestamp);
      EXPECT_LE(gap, 5.0 + p.run.step_s + 1e-3) << marking_text(list[k]->marking);
    }
    if (list.front()->dead_reckoning.algorithm == DeadReckoning::Static) continue;
    // Threats and interceptors end with a deactivated PDU (destroyed when killed or detonated).
    const std::string name = marking_text(list.back()->marking);
    bool ended = false;
    for (const ThreatRecord& t : p.run.threats)
      if (p.marking.count(t.name) && p.marking.at(t.name) == name) ended = t.outcome == "killed" || t.outcome == "leaked";
    for (const InterceptorRecord& r : p.run.interceptors)
      if (p.marking.count(r.name) && p.marking.at(r.name) == name) ended = r.outcome != "flying";
    if (ended) {
      EXPECT_TRUE(list.back()->appearance & appearance::kDeactivated) << name;
    }
  }
}

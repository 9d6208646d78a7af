// Entity markings unique within the 11 characters of the Entity Marking record (issue 34: the 8
// launchers of a battalion all read `bn-north-TE`, every battalion's radar `surveillanc`), and the
// firing entity of a missile's impact Detonation PDU (IEEE 1278.1: the Firing Entity ID names who
// fired, the Munition ID the munition; it named the missile itself).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "dis/codec.hpp"
#include "dis/markings.hpp"
#include "dis/publisher.hpp"
#include "scenario/loader.hpp"

using namespace skyshield;
using namespace skyshield::dis;

namespace {

// Markings of every Entity State PDU a publisher sent, by entity id (one marking per entity).
struct Capture {
  std::map<EntityId, std::set<std::string>> markings;
  std::vector<DetonationPdu> detonations;
  PacketSink sink() {
    return [this](std::span<const std::uint8_t> bytes) {
      const Decoded d = decode(bytes);
      ASSERT_EQ(d.error, DecodeError::None);
      if (const auto* es = std::get_if<EntityStatePdu>(&d.pdu)) markings[es->entity].insert(marking_text(es->marking));
      if (const auto* det = std::get_if<DetonationPdu>(&d.pdu)) detonations.push_back(*det);
    };
  }
};

void expect_unique(const Capture& c, const std::string& what) {
  std::map<std::string, int> uses;
  for (const auto& [id, set] : c.markings) {
    EXPECT_EQ(set.size(), 1u) << what << ": an entity changed its marking";
    for (const std::string& m : set) {
      EXPECT_LE(m.size(), MarkingBook::kLength);
      EXPECT_FALSE(m.empty());
      ++uses[m];
    }
  }
  for (const auto& [m, n] : uses) EXPECT_EQ(n, 1) << what << ": marking '" << m << "' names " << n << " entities";
}

}  // namespace

TEST(DisMarkings, ShortNamesStayAndLongOnesKeepHeadAndTail) {
  MarkingBook book;
  EXPECT_EQ(book.assign("TEL-1"), "TEL-1");
  EXPECT_EQ(book.assign("bn-north-TEL-1"), "bn-no~TEL-1");
  EXPECT_EQ(book.assign("bn-north-TEL-2"), "bn-no~TEL-2");
  EXPECT_EQ(book.assign("surveillance"), "surve~lance");
  EXPECT_EQ(book.assign("surveillance"), "surve~2ance");   // a second battalion's radar
  EXPECT_EQ(book.assign("surveillance"), "surve~3ance");
  EXPECT_EQ(book.assign("TEL-1"), "TEL-1~2");               // a short name taken: counter appended
  EXPECT_EQ(book.assign("exactly-11c"), "exactly-11c");
  EXPECT_EQ(book.assign("caf\xc3\xa9"), "caf??");           // UTF-8 bytes outside ASCII (character set 1)
}

TEST(DisMarkings, ManyCollidingNamesStayUniqueAndDeterministic) {
  MarkingBook a, b;
  std::set<std::string> seen;
  for (int i = 0; i < 3000; ++i) {
    const std::string name = i % 3 == 0 ? "surveillance" : "bn-airbase-" + std::to_string(i % 7) + "-TEL-" + std::to_string(i % 8);
    const std::string m = a.assign(name);
    EXPECT_EQ(m, b.assign(name));
    EXPECT_LE(m.size(), MarkingBook::kLength);
    EXPECT_TRUE(seen.insert(m).second) << m;
  }
}

// Every shipped scenario: its sites (named as the recorder lists them: each battalion's command
// post, radars, launchers), every threat it defines and as many interceptors as its launchers hold
// tubes, all published in one frame; the markings the PDUs carry are unique.
TEST(DisMarkings, UniqueOverEveryShippedScenario) {
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SKYSHIELD_SOURCE_DIR "/scenarios")) {
    if (entry.path().extension() != ".yaml" || entry.path().filename().string().starts_with(".")) continue;
    const Scenario s = load_scenario(entry.path().string());
    RunRecord rec;
    for (const BattalionSpec& b : s.battalions) {
      rec.sites.push_back({b.name, "command_post", b.command_post, 0.0});
      for (const RadarSite& r : b.radars) rec.sites.push_back({r.name, "radar", r.site, 0.0});
      for (const LauncherConfig& l : b.launchers) rec.sites.push_back({l.name, "launcher", l.site, 0.0});
    }
    int tubes = 0;
    for (const BattalionSpec& b : s.battalions)
      for (const LauncherConfig& l : b.launchers) tubes += l.tubes;
    for (const ThreatSpec& t : s.threats) {
      ThreatRecord r;
      r.name = t.name;
      rec.threats.push_back(r);
    }
    for (int j = 0; j < tubes; ++j) {
      InterceptorRecord r;
      r.name = "I" + std::to_string(j + 1);
      rec.interceptors.push_back(r);
    }
    std::vector<LiveEntity> threats(rec.threats.size()), interceptors(rec.interceptors.size());
    for (LiveEntity& e : threats) e = {Vec3(6.4e6, 0, 0), Vec3(0, 200, 0), true, false};
    for (LiveEntity& e : interceptors) e = {Vec3(6.4e6, 0, 0), Vec3(0, 900, 0), true, false};
    Capture c;
    Publisher pub({}, c.sink());
    pub.publish({0.0, &rec, threats, interceptors});
    const std::size_t sites = rec.sites.size();
    EXPECT_EQ(c.markings.size(), sites + threats.size() + interceptors.size()) << entry.path();
    expect_unique(c, entry.path().filename().string());
    ++scenarios;
  }
  EXPECT_GE(scenarios, 9);
}

// A released cruise missile leaks: its impact names its carrier as the firing entity; a missile
// with no simulated launcher names ENTITY_ID_UNKNOWN (0,0,0); neither names the missile itself.
TEST(DisMarkings, ImpactNamesTheCarrierNotTheMissile) {
  RunRecord rec;
  ThreatRecord carrier, released, alone;
  carrier.name = "striker-1";
  released.name = "striker-1/subsonic_cruise_missile-1";
  released.cls = ThreatClass::CruiseMissile;
  released.carrier = 0;
  alone.name = "cruise-1";
  alone.cls = ThreatClass::CruiseMissile;
  rec.threats = {carrier, released, alone};
  std::vector<LiveEntity> live(3, LiveEntity{Vec3(6.4e6, 0, 1e3), Vec3(0, 250, 0), true, false});
  Capture c;
  Publisher pub({DisIdentity{1, 5, 6}}, c.sink());
  pub.publish({0.0, &rec, live, {}});
  rec.threats[1].outcome = rec.threats[2].outcome = "leaked";
  live[1].alive = live[2].alive = false;
  pub.publish({10.0, &rec, live, {}});
  std::map<std::string, EntityId> id;
  for (const auto& e : pub.entities()) id[e.name] = e.id;
  ASSERT_EQ(c.detonations.size(), 2u);
  const DetonationPdu& d1 = c.detonations[0];   // threats end in id order
  const DetonationPdu& d2 = c.detonations[1];
  EXPECT_EQ(d1.munition, id.at(released.name));
  EXPECT_EQ(d1.firing, id.at(carrier.name));
  EXPECT_EQ(d2.munition, id.at(alone.name));
  EXPECT_EQ(d2.firing, (EntityId{0, 0, 0}));
  EXPECT_NE(d1.firing, d1.munition);
  EXPECT_NE(d2.firing, d2.munition);
}

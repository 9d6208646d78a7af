// Identification (c2/identification.hpp): the default rule table as a logic table (every row, and
// the whole evidence space against the table as written in docs/identification.md), a scenario
// table's first-match order, corridor geometry against GeographicLib's geodesic distance, and the
// Identifier's IFF evidence and point of origin.
#include <gtest/gtest.h>

#include "c2/identification.hpp"

namespace skyshield {
namespace {

TrackEvidence ev(IffEvidence iff, bool corridor, Origin origin, ThreatClass cls, double speed) {
  return TrackEvidence{iff, corridor, origin, cls, speed};
}

TEST(Identification, EveryRowOfTheDefaultTable) {
  const std::vector<IdRule> t = default_id_rules();
  ASSERT_EQ(t.size(), 7u);
  using I = IffEvidence;
  using C = ThreatClass;
  struct Row { int row; TrackEvidence e; Identity want; };
  const Row rows[] = {
      {1, ev(I::Friend, false, Origin::Hostile, C::BallisticMissile, 2000.0), Identity::Friend},   // IFF first, whatever else
      {2, ev(I::NoReply, true, Origin::Other, C::BallisticMissile, 2000.0), Identity::Hostile},
      {2, ev(I::NotInterrogated, false, Origin::Unknown, C::BallisticMissile, 300.0), Identity::Hostile},
      {3, ev(I::NoReply, true, Origin::Hostile, C::Aircraft, 250.0), Identity::AssumedFriend},      // corridor before origin
      {3, ev(I::NotInterrogated, true, Origin::Unknown, C::Aircraft, 250.0), Identity::AssumedFriend},
      {4, ev(I::NoReply, false, Origin::Hostile, C::Aircraft, 250.0), Identity::Hostile},
      {5, ev(I::NoReply, false, Origin::Other, C::Aircraft, 400.0), Identity::Hostile},             // speed edge included
      {6, ev(I::NoReply, false, Origin::Other, C::CruiseMissile, 240.0), Identity::Hostile},
      {7, ev(I::NoReply, false, Origin::Other, C::Aircraft, 399.0), Identity::Suspect},
      {7, ev(I::NoReply, false, Origin::Unknown, C::Drone, 50.0), Identity::Suspect},
      {0, ev(I::NotInterrogated, false, Origin::Hostile, C::Aircraft, 900.0), Identity::Unknown},   // no row: unknown
  };
  for (const Row& r : rows) {
    EXPECT_EQ(identify(r.e, t), r.want) << "row " << r.row;
    if (r.row > 0) {  // the row that decides is the first that matches
      for (int k = 0; k + 1 < r.row; ++k) EXPECT_FALSE(matches(t[static_cast<std::size_t>(k)], r.e)) << "row " << k + 1;
      EXPECT_TRUE(matches(t[static_cast<std::size_t>(r.row - 1)], r.e));
    }
  }
}

// The default table as docs/identification.md states it, written as plain conditions.
Identity documented(const TrackEvidence& e) {
  if (e.iff == IffEvidence::Friend) return Identity::Friend;
  if (e.cls == ThreatClass::BallisticMissile) return Identity::Hostile;
  if (e.in_corridor) return Identity::AssumedFriend;
  if (e.iff == IffEvidence::NoReply) {
    if (e.origin == Origin::Hostile || e.speed_mps >= 400.0 || e.cls == ThreatClass::CruiseMissile) return Identity::Hostile;
    return Identity::Suspect;
  }
  return Identity::Unknown;
}

TEST(Identification, DefaultTableOverTheWholeEvidenceSpace) {
  const std::vector<IdRule> t = default_id_rules();
  int n = 0;
  for (IffEvidence iff : {IffEvidence::NotInterrogated, IffEvidence::NoReply, IffEvidence::Friend})
    for (bool corridor : {false, true})
      for (Origin o : {Origin::Unknown, Origin::Hostile, Origin::Other})
        for (ThreatClass c : kAllThreatClasses)
          for (double v : {30.0, 250.0, 399.9, 400.0, 2500.0}) {
            const TrackEvidence e = ev(iff, corridor, o, c, v);
            EXPECT_EQ(identify(e, t), documented(e)) << to_string(iff) << corridor << to_string(o) << to_string(c) << v;
            ++n;
          }
  EXPECT_EQ(n, 3 * 2 * 3 * 4 * 5);
}

TEST(Identification, ScenarioTableFirstMatchWins) {
  std::vector<IdRule> t(3);
  t[0].min_speed_mps = 100.0;
  t[0].max_speed_mps = 200.0;
  t[0].identity = Identity::Suspect;
  t[1].origin = Origin::Other;
  t[1].identity = Identity::AssumedFriend;
  t[2].identity = Identity::Hostile;  // no criteria: everything left
  EXPECT_EQ(identify(ev(IffEvidence::Friend, true, Origin::Other, ThreatClass::Aircraft, 150.0), t), Identity::Suspect);
  EXPECT_EQ(identify(ev(IffEvidence::Friend, true, Origin::Other, ThreatClass::Aircraft, 250.0), t), Identity::AssumedFriend);
  EXPECT_EQ(identify(ev(IffEvidence::Friend, true, Origin::Hostile, ThreatClass::Aircraft, 250.0), t), Identity::Hostile);
  EXPECT_EQ(identify(ev(IffEvidence::Friend, true, Origin::Hostile, ThreatClass::Aircraft, 250.0), {}), Identity::Unknown);
}

Corridor meridian_lane() {
  Corridor c;
  c.name = "lane";
  c.centreline = {Geodetic{0.0, 10.0, 5000.0}, Geodetic{1.0, 10.0, 5000.0}};
  c.width_m = 20e3;
  c.min_alt_m = 3000.0;
  c.max_alt_m = 8000.0;
  c.min_speed_mps = 150.0;
  c.max_speed_mps = 300.0;
  return c;
}

TEST(Identification, CorridorDistanceAgainstGeodesic) {
  const Corridor c = meridian_lane();
  // Reference: GeographicLib's geodesic distance from the point to the centreline's nearest point
  // (on a meridian, the point of the same latitude to well under 1 m at these offsets).
  for (double dlon : {0.02, 0.05, 0.0899, 0.2}) {
    const Geodetic p{0.5, 10.0 + dlon, 5000.0};
    const double ref = geodesic_inverse(Geodetic{0.5, 10.0, 0.0}, Geodetic{0.5, 10.0 + dlon, 0.0}).distance_m;
    EXPECT_NEAR(distance_to_centreline_m(c, p), ref, 0.005 * ref) << dlon;
  }
  // Beyond the end: the distance to the end point.
  const double beyond = geodesic_inverse(Geodetic{1.0, 10.0, 0.0}, Geodetic{1.1, 10.0, 0.0}).distance_m;
  EXPECT_NEAR(distance_to_centreline_m(c, Geodetic{1.1, 10.0, 0.0}), beyond, 0.005 * beyond);
  // Inside: within 10 km of the line (0.0899 deg of longitude at the equator is 10.008 km), in both bands.
  EXPECT_TRUE(in_corridor(c, Geodetic{0.5, 10.08, 5000.0}, 250.0));
  EXPECT_FALSE(in_corridor(c, Geodetic{0.5, 10.0899, 5000.0}, 250.0));  // 10.008 km: outside half the width
  EXPECT_FALSE(in_corridor(c, Geodetic{0.5, 10.0, 2999.0}, 250.0));     // below the band
  EXPECT_FALSE(in_corridor(c, Geodetic{0.5, 10.0, 8001.0}, 250.0));     // above it
  EXPECT_FALSE(in_corridor(c, Geodetic{0.5, 10.0, 5000.0}, 149.0));     // too slow
  EXPECT_FALSE(in_corridor(c, Geodetic{0.5, 10.0, 5000.0}, 301.0));     // too fast
  EXPECT_TRUE(in_corridor(c, Geodetic{0.5, 10.0, 8000.0}, 300.0));      // edges included
}

Track track_at(int id, const LocalFrame& f, const Geodetic& g, const Vec3& vel_enu) {
  Track t;
  t.id = id;
  t.status = TrackStatus::Confirmed;
  t.classified = ThreatClass::Aircraft;
  const Vec3 p = f.to_enu(ecef_from_geodetic(g));
  t.x << p.x(), p.y(), p.z(), vel_enu.x(), vel_enu.y(), vel_enu.z(), 0, 0, 0;
  t.P = Mat9::Identity();
  return t;
}

TEST(Identification, IdentifierEvidenceAndOrigin) {
  IdentificationParams p;
  p.corridors = {meridian_lane()};
  p.hostile_origin = {true, 0.0, 90.0, 100e3};   // north, beyond 100 km
  p.min_no_reply = 2;
  const LocalFrame f(Geodetic{0.0, 10.0, 0.0});
  Identifier id(&p);
  const std::vector<Track> tracks{
      track_at(1, f, Geodetic{0.5, 10.0, 5000.0}, Vec3(0, -250, 0)),    // in the lane, 55 km north
      track_at(2, f, Geodetic{1.5, 10.5, 9000.0}, Vec3(0, -250, 0)),    // 170 km north-north-east: hostile origin
      track_at(3, f, Geodetic{-0.5, 10.3, 9000.0}, Vec3(0, 250, 0)),    // south: other origin
  };
  id.update(tracks, f);
  EXPECT_EQ(id.identity(1), Identity::AssumedFriend);
  EXPECT_EQ(id.identity(2), Identity::Unknown);  // not interrogated yet
  EXPECT_EQ(id.evidence(2).origin, Origin::Hostile);
  EXPECT_EQ(id.evidence(3).origin, Origin::Other);
  id.interrogated(2, false);
  id.interrogated(3, false);
  id.update(tracks, f);
  EXPECT_EQ(id.evidence(2).iff, IffEvidence::NotInterrogated);  // one silence is not yet no_reply
  id.interrogated(2, false);
  id.interrogated(3, false);
  id.update(tracks, f);
  EXPECT_EQ(id.identity(2), Identity::Hostile);   // no reply, hostile origin
  EXPECT_EQ(id.identity(3), Identity::Suspect);   // no reply, elsewhere
  id.interrogated(3, true);                       // a friend reply: friend, and it stays
  id.interrogated(3, false);
  id.update(tracks, f);
  EXPECT_EQ(id.identity(3), Identity::Friend);
  // The origin is where the track was first held: moving it later does not change it.
  std::vector<Track> moved = tracks;
  moved[1] = track_at(2, f, Geodetic{-0.5, 10.0, 9000.0}, Vec3(0, -250, 0));
  id.update(moved, f);
  EXPECT_EQ(id.evidence(2).origin, Origin::Hostile);
  ASSERT_EQ(id.identities().size(), 3u);
  EXPECT_EQ(id.identities()[0].first, 1);
  id.drop(2);
  EXPECT_EQ(id.evidence(2).iff, IffEvidence::NotInterrogated);
  // Interrogation schedule: a track never challenged is due at once, then at the time given.
  EXPECT_TRUE(id.interrogation_due(7, 0.0));
  id.interrogated(7, false, 4.0);
  EXPECT_FALSE(id.interrogation_due(7, 3.9));
  EXPECT_TRUE(id.interrogation_due(7, 4.0));
  EXPECT_EQ(id.interrogations(7), 1);
  // Tentative tracks are not identified.
  std::vector<Track> tentative = tracks;
  tentative[0].status = TrackStatus::Tentative;
  id.update(tentative, f);
  EXPECT_EQ(id.identities().size(), 2u);
}

}  // namespace
}  // namespace skyshield

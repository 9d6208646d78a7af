// Diagnostic (not a test): flies each interceptor class of a scenario against a drag-free ballistic
// re-entry vehicle with a PERFECT uplink (the truth), so that what is measured is the end game alone:
// seeker acquisition range and time to go at lock, lateral acceleration available at the intercept
// altitude, speeds at the intercept, outcome and miss. docs/bmd.md "Why interceptors miss warheads".
// usage: endgame_probe SCENARIO [uplink_error_m]
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/gravity.hpp"
#include "core/units.hpp"
#include "scenario/loader.hpp"
#include "weapons/flyout/point_mass.hpp"
#include "weapons/interceptor.hpp"

using namespace skyshield;

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: endgame_probe SCENARIO [uplink_error_m]\n"); return 2; }
  const Scenario s = load_scenario(argv[1]);
  const LocalFrame f(Geodetic{50.0, 30.0, 0.0});
  if (argc > 2 && std::string(argv[2]) == "srbm") {
    // The SRBM shot of scenarios/bmd.yaml seed 1 (I4/I5 at srbm-ab-1, launched at 891.05 s), read off
    // its trajectories.csv: the SRBM 8.47 km north, 3.92 km east, 14.28 km above the launcher, at
    // (-178, -1090, -1088) m/s, decelerating by drag ~22 m/s^2 (its vertical speed falls from 1088 to
    // 939 m/s over 12 s against gravity). Perfect uplink (truth, with its acceleration).
    const double drag = argc > 3 ? std::stod(argv[3]) : 22.0;
    for (const InterceptorClass& c : s.interceptor_classes) {
      if (c.name != "short_range" && c.name != "medium_range") continue;
      for (int seed = 1; seed <= 10; ++seed) {
        Vec3 p(3920.0, 8470.0, 14280.0), v(-178.0, -1090.0, -1088.0);
        Interceptor m(1, &c, 7, 0.0, f.to_ecef(Vec3(0, 0, 5)), f.to_ecef(p + v * 8.0), Rng(seed));
        m.set_target_ballistic(true);
        TruthView tv;
        tv.id = 1;
        tv.rcs = RcsPattern::isotropic(0.5);
        tv.true_class = ThreatClass::BallisticMissile;
        const double dt = 0.05;
        double lock_r = -1, lock_t = -1;
        for (int k = 0; m.flying() && p.z() > 0 && k < 4000; ++k) {
          const Vec3 a = Vec3(0, 0, -9.81) - drag * v.normalized();
          tv.pos_ecef = f.to_ecef(p);
          tv.vel_ecef = f.vector_to_ecef(v);
          const std::vector<TruthView> targets{tv};
          m.step(k * dt, dt, Uplink{tv.pos_ecef, tv.vel_ecef, f.vector_to_ecef(a)}, targets);
          if (lock_r < 0 && m.seeker_lock() >= 0) { lock_r = (tv.pos_ecef - m.pos()).norm(); lock_t = k * dt; }
          if (argc > 4 && seed == 1 && k % 5 == 0) {
            const LineOfSight los = line_of_sight(m.pos(), m.vel(), tv.pos_ecef, tv.vel_ecef);
            const Vec3 zem = tv.pos_ecef - m.pos() + (tv.vel_ecef - m.vel()) * (los.range_m / std::max(los.closing_speed_mps, 1.0));
            std::printf("  t %5.2f R %7.0f Vc %6.0f lock %d a_lat %6.1f g  |rate| %.4f  v %5.0f  ZEM %7.0f m  alt %5.0f\n", k * dt, los.range_m,
                        los.closing_speed_mps, m.seeker_lock(), m.last_lateral_accel() / 9.81, los.rate.norm(), m.vel().norm(),
                        (zem - zem.dot(los.u) * los.u).norm(), f.to_enu(m.pos()).z());
          }
          p += v * dt + 0.5 * a * dt * dt;
          v += a * dt;
        }
        std::printf("%s seed %d: lock at %.1f s, %.0f m; state %d reason '%s' at %.2f s, miss %.1f m, alt %.0f m\n", c.name.c_str(), seed,
                    lock_t, lock_r, static_cast<int>(m.outcome().state), m.outcome().reason, m.outcome().t,
                    m.outcome().miss_distance_m, f.to_enu(m.pos()).z());
      }
    }
    return 0;
  }
  const double uplink_err = argc > 2 ? std::stod(argv[2]) : 0.0;
  std::printf("class speed_kmps rcs_m2 icpt_alt_km ground_km | lock_km tgo_lock_s  avail_g  v_int v_tgt | outcome miss_m\n");
  for (const InterceptorClass& c : s.interceptor_classes) {
    for (const double speed : {2000.0, 3000.0, 4000.0})
      for (const double rcs : {0.05, 0.3})
        for (const double alt : {8e3, 15e3, 22e3})
          for (const double ground : {10e3, 25e3}) {
            // RV diving at 40 deg toward a point `ground` km down-range of the launcher, at `alt` when
            // it is overhead that point; started 30 s earlier on a straight gravity-free line (gravity
            // applied below by the interceptor's own target model through the uplink's acceleration).
            const double gam = 40.0 * kDegToRad;
            const Vec3 vel(-speed * std::cos(gam), 0.0, -speed * std::sin(gam));
            const Vec3 meet(ground, 0.0, alt);
            const double lead = 40.0;
            const Vec3 p0 = meet - vel * lead;
            int n_ok = 0, n_kill = 0;
            double lock_km = -1, tgo_lock = -1, avail_g = -1, vint = -1, miss = -1;
            const char* outcome = "?";
            for (int seed = 1; seed <= 5; ++seed) {
              Rng rng(seed);
              // launch so that the flight time is ~ the class's own to the meet point: fire-control
              // stand-in, aim at meet, launch at t_launch chosen as lead - flight time of a straight line at 1.2 km/s
              const double t_launch = std::max(0.0, lead - std::hypot(ground, alt) / 1200.0);
              Interceptor m(1, &c, 7, t_launch, f.to_ecef(Vec3(0, 0, 5)), f.to_ecef(meet), Rng(seed));
              m.set_target_ballistic(true);
              TruthView tv;
              tv.id = 1;
              tv.rcs = RcsPattern::isotropic(rcs);
              tv.true_class = ThreatClass::BallisticMissile;
              const double dt = 0.05;
              bool locked_seen = false;
              for (int k = 0; m.flying() && k < 8000; ++k) {
                const double t = t_launch + k * dt;
                const Vec3 pl = p0 + vel * t;  // straight (gravity-free) line
                if (pl.z() < 0) break;
                tv.pos_ecef = f.to_ecef(pl);
                tv.vel_ecef = f.vector_to_ecef(vel);
                const Vec3 err = f.vector_to_ecef(Vec3(0, uplink_err, 0));
                const std::vector<TruthView> targets{tv};
                m.step(t, dt, Uplink{tv.pos_ecef + err, tv.vel_ecef, Vec3::Zero()}, targets);
                if (!locked_seen && m.seeker_lock() >= 0) {
                  locked_seen = true;
                  const double r = (tv.pos_ecef - m.pos()).norm();
                  const double vc = -(tv.pos_ecef - m.pos()).normalized().dot(tv.vel_ecef - m.vel());
                  if (seed == 1) { lock_km = r / 1e3; tgo_lock = r / std::max(vc, 1.0); }
                }
              }
              const InterceptorOutcome& o = m.outcome();
              if (seed == 1) {
                MissileState st; st.pos = m.pos(); st.vel = m.vel(); st.t = o.t - t_launch;
                avail_g = flight_conditions(c.airframe, c.propulsion, st).max_lateral_mps2 / kStandardGravity;
                vint = m.vel().norm();
                miss = o.miss_distance_m;
                outcome = o.state == InterceptorState::Killed ? "killed" : o.state == InterceptorState::Missed ? "missed"
                        : o.state == InterceptorState::SelfDestructed ? "selfdestr" : o.state == InterceptorState::GroundImpact ? "ground" : "flying";
              }
              n_ok += o.miss_distance_m >= 0 && o.miss_distance_m <= c.lethal_radius_m;
              n_kill += o.state == InterceptorState::Killed;
            }
            std::printf("%-15s %4.1f %5.2f %5.0f %5.0f | %6.2f %6.2f %6.1f %6.0f %6.0f | %-9s %8.1f  in-lethal %d/5 kills %d/5\n",
                        c.name.c_str(), speed / 1e3, rcs, alt / 1e3, ground / 1e3, lock_km, tgo_lock, avail_g, vint, speed,
                        outcome, miss, n_ok, n_kill);
          }
  }
}

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
  const double uplink_err = argc > 2 ? std::stod(argv[2]) : 0.0;
  const LocalFrame f(Geodetic{50.0, 30.0, 0.0});
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

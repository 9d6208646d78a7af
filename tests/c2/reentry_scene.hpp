#pragma once
// A re-entry vehicle flown by the project's flight model and tracked by the battalion tracker: the
// scene of the fire-control validation tests (docs/validation/fire_control.md).
#include <cmath>

#include "core/rng.hpp"
#include "core/units.hpp"
#include "tracking/tracker.hpp"
#include "world/ballistic/flight.hpp"

#include "../tracking/full_circle_look.hpp"

namespace skyshield::reentry_scene {

// The MRBM class's re-entry vehicle: beta 3500 kg/m^2 (scenarios/library/threats.yaml,
// medium_range_ballistic.reentry_vehicle; mass irrelevant for a constant-beta body).
inline constexpr double kBeta = 3500.0;
inline const Geodetic kSite{-25.0, 135.0, 150.0};

// A re-entry vehicle 150 km north of the site at 90 km, 3.2 km/s toward the site at 35 deg below
// the horizontal, flown by the project's flight model (J2 gravity, rotating earth, US-1976 air).
inline BallisticFlight reentry_vehicle(const LocalFrame& frame) {
  const Vec3 start_enu(0.0, 150e3, 90e3 - 150.0 - earth_drop_m(150e3));
  const double gamma = -35.0 * kDegToRad;
  const Vec3 vel_enu(0.0, -3200.0 * std::cos(gamma), 3200.0 * std::sin(gamma));
  return BallisticFlight(frame.to_ecef(start_enu), frame.vector_to_ecef(vel_enu), 500.0, DragModel{0.0, kBeta}, 0.0);
}

struct Tracked {
  Track track;          // the battalion's track when the truth crosses 29 km
  BallisticFlight rv;   // the truth at that moment, flown on for the prediction reference
};

// The tracker (default parameters: CV/CA/CT/ballistic IMM) on measurements of the re-entry vehicle
// every 0.5 s from a radar at the site: 30 m in range, 1 mrad in angle (seeded noise).
inline Tracked track_reentry_vehicle(const LocalFrame& frame) {
  Tracker tracker(frame, TrackerParams{});
  Rng rng(7);
  BallisticFlight rv = reentry_vehicle(frame);
  double t = 0.0;
  while (rv.altitude_m() > 29e3) {
    const RangeAzEl r = range_az_el_from_enu(frame.to_enu(rv.pos()));
    tracker.process(test::full_circle_look(
        frame, t, {{r.range_m + 30.0 * rng.normal(), r.az_rad + 1e-3 * rng.normal(), r.el_rad + 1e-3 * rng.normal()}}));
    rv.step(0.5);
    t += 0.5;
  }
  return {tracker.tracks().front(), rv};
}

}  // namespace skyshield::reentry_scene

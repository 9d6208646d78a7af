#pragma once
// The foundation's kinematic flyout, kept as a FlyoutModel for analytic tests of fire control: the
// speed grows linearly from launch_speed to max_speed during boost_time, then stays constant along
// the straight line to the point; reachable inside max_range (slant). No physics: not for scenarios.
#include "weapons/flyout/flyout_model.hpp"

namespace skyshield {

struct KinematicProfile {
  double launch_speed_mps = 50.0;
  double max_speed_mps = 2000.0;
  double boost_time_s = 10.0;
  double max_range_m = 250e3;

  double speed(double t_s) const;
  double distance(double t_s) const;       // flown after t_s
  double time_to_fly(double distance_m) const;  // inverse of distance()
};

class KinematicFlyout final : public FlyoutModel {
 public:
  explicit KinematicFlyout(KinematicProfile p) : p_(p) {}
  FlyoutPoint to(const Vec3& from_launcher_enu) const override;  // along the straight line
  double reach_m() const override { return p_.max_range_m; }
  const KinematicProfile& profile() const { return p_; }

 private:
  KinematicProfile p_;
};

}  // namespace skyshield

#include "tracking/motion_models.hpp"

#include <algorithm>
#include <cmath>

#include "core/atmosphere.hpp"
#include "core/gravity.hpp"
#include "core/units.hpp"

namespace skyshield {

namespace {

using Mat6 = Eigen::Matrix<double, 6, 6>;

// Per-axis [p, v, a] block F placed on the three axes.
Mat9 per_axis(const Mat3& f) {
  Mat9 F = Mat9::Zero();
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) F.block<3, 3>(3 * r, 3 * c) = f(r, c) * Mat3::Identity();
  return F;
}

// Per-axis CT block (Li & Jilkov 2003, eq. 61); tends to the CA block as w -> 0.
Eigen::Matrix3d ct_block(double w, double T) {
  Eigen::Matrix3d f;
  const double wT = w * T;
  if (std::abs(wT) < 1e-4) {
    // Series to second order in w keeps the block continuous at w = 0.
    f << 1.0, T - w * w * T * T * T / 6.0, T * T / 2.0, 0.0, 1.0 - wT * wT / 2.0, T - w * w * T * T * T / 6.0, 0.0,
        -w * wT, 1.0 - wT * wT / 2.0;
    return f;
  }
  const double s = std::sin(wT), c = std::cos(wT);
  f << 1.0, s / w, (1.0 - c) / (w * w), 0.0, c, s / w, 0.0, -w * s, c;
  return f;
}

// Local radius of the WGS-84 ellipsoid toward an ECEF point (geocentric latitude), for altitude.
double ellipsoid_radius(const Vec3& pe) {
  constexpr double a = kEarthEquatorialRadius, b = 6356752.314245;  // WGS-84 semi-axes (NIMA TR8350.2)
  const double r = pe.norm();
  const double s = pe.z() / r, c2 = 1.0 - s * s;
  return a * b / std::sqrt(b * b * c2 + a * a * s * s);
}

struct LocalAir {
  double altitude_m;
  Vec3 up;  // gradient of the altitude in the frame
};

// d(acceleration)/d(p, v) of the ballistic model: gravity gradient mu/r^3 (3 rr' - I), Coriolis
// -2 [w x], drag -(rho/2b)(|v| I + v v'/|v|) and the drag change with altitude.
Eigen::Matrix<double, 3, 6> ballistic_gradient(const Vec3& p, const Vec3& v, const MotionContext& ctx) {
  Eigen::Matrix<double, 3, 6> J = Eigen::Matrix<double, 3, 6>::Zero();
  LocalAir air{p.z(), Vec3::UnitZ()};   // as local_air, sharing the ECEF point with gravity
  if (ctx.frame) {
    const Vec3 pe = ctx.frame->to_ecef(p);
    const double r = pe.norm();
    const Vec3 u = ctx.frame->vector_to_enu(pe / r);
    air = {r - ellipsoid_radius(pe), u};
    J.leftCols<3>() = kEarthMu / (r * r * r) * (3.0 * u * u.transpose() - Mat3::Identity());
    const Vec3 w = ctx.frame->vector_to_enu(Vec3(0.0, 0.0, kEarthRotationRate));
    Mat3 wx;
    wx << 0.0, -w.z(), w.y(), w.z(), 0.0, -w.x(), -w.y(), w.x(), 0.0;
    J.rightCols<3>() = -2.0 * wx;
  }
  const double speed = v.norm();
  if (speed > 1e-6) {
    // Density and its altitude derivative from the tabulated standard (no pow per call).
    const DensitySlope d = us1976_density_slope(air.altitude_m);
    const double rho = d.density_kg_m3, drho = d.slope_kg_m4;
    const double k = 1.0 / (2.0 * ctx.ballistic_beta_kg_m2);
    J.rightCols<3>() += -k * rho * (speed * Mat3::Identity() + v * v.transpose() / speed);
    J.leftCols<3>() += -k * drho * speed * v * air.up.transpose();
  }
  return J;
}

}  // namespace

bool motion_model_from_string(std::string_view s, MotionModel& out) {
  if (s == "cv") out = MotionModel::ConstantVelocity;
  else if (s == "ca") out = MotionModel::ConstantAcceleration;
  else if (s == "ct") out = MotionModel::CoordinatedTurn;
  else if (s == "ballistic") out = MotionModel::Ballistic;
  else return false;
  return true;
}

const char* to_string(MotionModel m) {
  switch (m) {
    case MotionModel::ConstantVelocity: return "cv";
    case MotionModel::ConstantAcceleration: return "ca";
    case MotionModel::CoordinatedTurn: return "ct";
    case MotionModel::Ballistic: return "ballistic";
  }
  return "?";
}

double turn_rate(const Vec9& x) {
  const Vec3 v = velocity_of(x);
  const double v2 = v.squaredNorm();
  if (v2 < 1.0) return 0.0;
  return v.cross(acceleration_of(x)).norm() / v2;
}

Vec3 ballistic_acceleration(const Vec3& p, const Vec3& v, const MotionContext& ctx) {
  const double k = v.norm() / (2.0 * ctx.ballistic_beta_kg_m2);
  if (!ctx.frame) return Vec3(0.0, 0.0, -kStandardGravity) - us1976_density_slope(p.z()).density_kg_m3 * k * v;
  // The ECEF point once for both the altitude and gravity (as local_air and gravity_part).
  const Vec3 pe = ctx.frame->to_ecef(p);
  const double rho = us1976_density_slope(pe.norm() - ellipsoid_radius(pe)).density_kg_m3;
  const GravityModel g{};
  return ctx.frame->vector_to_enu(free_fall_acceleration(pe, ctx.frame->vector_to_ecef(v), g)) - rho * k * v;
}

Vec9 propagate(MotionModel m, const Vec9& x, double dt, const MotionContext& ctx) {
  switch (m) {
    case MotionModel::ConstantVelocity:
    case MotionModel::ConstantAcceleration:
    case MotionModel::CoordinatedTurn:
      return transition_jacobian(m, x, dt, ctx) * x;
    case MotionModel::Ballistic: {
      // RK4 on (p, v), steps of at most 1 s.
      const int n = std::max(1, static_cast<int>(std::ceil(std::abs(dt) / 1.0)));
      const double h = dt / n;
      Vec3 p = position_of(x), v = velocity_of(x);
      for (int i = 0; i < n; ++i) {
        const Vec3 k1v = ballistic_acceleration(p, v, ctx), k1p = v;
        const Vec3 k2v = ballistic_acceleration(p + 0.5 * h * k1p, v + 0.5 * h * k1v, ctx), k2p = v + 0.5 * h * k1v;
        const Vec3 k3v = ballistic_acceleration(p + 0.5 * h * k2p, v + 0.5 * h * k2v, ctx), k3p = v + 0.5 * h * k2v;
        const Vec3 k4v = ballistic_acceleration(p + h * k3p, v + h * k3v, ctx), k4p = v + h * k3v;
        p += h / 6.0 * (k1p + 2.0 * k2p + 2.0 * k3p + k4p);
        v += h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
      }
      Vec9 out;
      out << p, v, ballistic_acceleration(p, v, ctx);
      return out;
    }
  }
  return x;
}

bool axis_transition(MotionModel m, const Vec9& x, double dt, Mat3& f) {
  const double T = dt;
  switch (m) {
    case MotionModel::ConstantVelocity:
      f << 1.0, T, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0;
      return true;
    case MotionModel::ConstantAcceleration:
      f << 1.0, T, T * T / 2.0, 0.0, 1.0, T, 0.0, 0.0, 1.0;
      return true;
    case MotionModel::CoordinatedTurn:
      f = ct_block(turn_rate(x), T);
      return true;
    case MotionModel::Ballistic:
      return false;
  }
  return false;
}

Mat9 transition_jacobian(MotionModel m, const Vec9& x, double dt, const MotionContext& ctx) {
  Mat3 f;
  if (axis_transition(m, x, dt, f)) return per_axis(f);
  return ballistic_transition(x, propagate(m, x, dt, ctx), dt, ctx);
}

Mat9 ballistic_transition(const Vec9& x, const Vec9& y, double dt, const MotionContext& ctx) {
  // Linearised dynamics A = [[0, I], [G, D]] at the midpoint of x and y; transition exp(A T) to
  // third order; the acceleration rows follow from a' = a(p', v') at the propagated state y.
  Mat6 A = Mat6::Zero();
  A.topRightCorner<3, 3>() = Mat3::Identity();
  const Vec9 mid = 0.5 * (x + y);
  A.bottomRows<3>() = ballistic_gradient(position_of(mid), velocity_of(mid), ctx);
  const Mat6 AT = A * dt;
  const Mat6 AT2 = AT * AT;
  const Mat6 Phi = Mat6::Identity() + AT + AT2 / 2.0 + AT2 * AT / 6.0;
  Mat9 F = Mat9::Zero();
  F.topLeftCorner<6, 6>() = Phi;
  F.bottomLeftCorner<3, 6>() = ballistic_gradient(position_of(y), velocity_of(y), ctx) * Phi;
  return F;
}

Mat3 axis_process_noise(MotionModel m, double dt, const MotionNoise& n) {
  const double T = std::abs(dt);
  Mat3 q = Mat3::Zero();
  switch (m) {
    case MotionModel::ConstantVelocity:
    case MotionModel::Ballistic: {
      // CWNA (BLK eq. 6.2.2-12) on p, v; a small fixed variance on the acceleration.
      const double s = m == MotionModel::ConstantVelocity ? n.cv_q : n.ballistic_q;
      q << s * T * T * T / 3.0, s * T * T / 2.0, 0.0, s * T * T / 2.0, s * T, 0.0, 0.0, 0.0,
          n.cv_accel_sigma * n.cv_accel_sigma;
      break;
    }
    case MotionModel::ConstantAcceleration:
    case MotionModel::CoordinatedTurn: {
      // White jerk (BLK eq. 6.2.3-8).
      // Powers of T by products (no pow calls).
      const double s = m == MotionModel::ConstantAcceleration ? n.ca_q : n.ct_q;
      const double T2 = T * T, T3 = T2 * T, T4 = T3 * T, T5 = T4 * T;
      q << T5 / 20.0, T4 / 8.0, T3 / 6.0, T4 / 8.0, T3 / 3.0, T2 / 2.0, T3 / 6.0, T2 / 2.0, T;
      q *= s;
      break;
    }
  }
  return q;
}

Mat9 process_noise(MotionModel m, double dt, const MotionNoise& n) { return per_axis(axis_process_noise(m, dt, n)); }

}  // namespace skyshield

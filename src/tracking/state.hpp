#pragma once
// The tracker's state: position, velocity and acceleration in the tracker's local ENU frame
// (x = [e, n, u, ve, vn, vu, ae, an, au], metres, m/s, m/s^2), shared by every motion model so that
// an IMM can mix them without changing dimension, and a Gaussian estimate of it.
#include <Eigen/Core>

#include "core/vec.hpp"

namespace skyshield {

using Vec9 = Eigen::Matrix<double, 9, 1>;
using Mat9 = Eigen::Matrix<double, 9, 9>;

// 16-byte aligned (its size, 720 bytes, is a multiple): every copy, in any container, has the same
// alignment, so Eigen's vectorised loops (which treat an unaligned first element apart) give the
// same bits wherever an estimate is stored.
struct alignas(16) Gaussian {
  Vec9 x = Vec9::Zero();
  Mat9 P = Mat9::Identity();
};

inline Vec3 position_of(const Vec9& x) { return x.segment<3>(0); }
inline Vec3 velocity_of(const Vec9& x) { return x.segment<3>(3); }
inline Vec3 acceleration_of(const Vec9& x) { return x.segment<3>(6); }

}  // namespace skyshield

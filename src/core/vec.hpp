#pragma once
// Vector and matrix types used across the kill chain (Eigen).
#include <Eigen/Core>
#include <Eigen/Geometry>  // cross products

namespace skyshield {

using Vec3 = Eigen::Vector3d;
using Mat3 = Eigen::Matrix3d;

}  // namespace skyshield

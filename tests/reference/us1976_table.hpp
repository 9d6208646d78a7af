#pragma once
// U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562), Table I, geometric altitude, SI units (5
// significant figures as printed): the reference of test_atmosphere.cpp and of the validation tables.
namespace skyshield::reference {

struct Us1976Row {
  double z_m, t_k, p_pa, rho;
};
inline constexpr Us1976Row kUs1976Table[] = {
    {0.0, 288.150, 101325.0, 1.2250},      {5000.0, 255.676, 54048.0, 0.73643},
    {10000.0, 223.252, 26500.0, 0.41351},  {15000.0, 216.650, 12111.0, 0.19476},
    {20000.0, 216.650, 5529.3, 0.088910},  {25000.0, 221.552, 2549.2, 0.040084},
    {30000.0, 226.509, 1197.0, 0.018410},  {40000.0, 250.350, 287.14, 0.0039957},
    {50000.0, 270.650, 79.779, 0.0010269}, {60000.0, 247.021, 21.959, 3.0968e-4},
    {70000.0, 219.585, 5.2209, 8.2829e-5}, {80000.0, 198.639, 1.0524, 1.8458e-5},
};

}  // namespace skyshield::reference

// Elementary functions built only from IEEE-exact operations, so data generators give
// bit-identical values under glibc (native) and musl (Emscripten), whose libm results can
// differ in the last bit. Accuracy is within a few ulp, ample for generating data; models
// use std:: functions where speed matters and results are compared with tolerances.
// Requires -ffp-contract=off (set in CMakeLists.txt) so no FMA changes the rounding.
#pragma once

namespace dw::detmath {

constexpr double kPi = 3.14159265358979323846;
constexpr double kInvSqrt2 = 0.70710678118654752440;    // 1/√2
constexpr double kInvSqrt2Pi = 0.39894228040143267794;  // 1/√(2π), the standard normal density's peak

double exp(double x);
double log(double x);   // natural log, x > 0
double sin(double x);
double cos(double x);

}  // namespace dw::detmath

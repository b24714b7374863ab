#include "dw/detmath.hpp"

#include <cmath>
#include <limits>

namespace dw::detmath {

// ln 2 split into a high part with trailing zero bits (exact when multiplied by small k)
// and a low correction (Cody & Waite range reduction).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;

double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  double k = std::floor(x / kLn2Hi + 0.5);
  double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= ln2/2
  // Taylor series to r^14: truncation error < 1e-17 for |r| <= 0.35.
  double term = 1.0, sum = 1.0;
  for (int n = 1; n <= 14; ++n) {
    term = term * r / n;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  // log(m) = 2 atanh(f), f = (m-1)/(m+1), |f| <= 0.1716: series to f^25 is below 1e-19.
  double f = (m - 1.0) / (m + 1.0);
  double f2 = f * f, power = f, sum = 0.0;
  for (int n = 1; n <= 25; n += 2) {
    sum += power / n;
    power *= f2;
  }
  return 2.0 * sum + e * kLn2Lo + e * kLn2Hi;
}

// pi/2 in three parts for Cody–Waite reduction (exact products for |k| < 2^20).
constexpr double kPio2_1 = 1.57079632673412561417e+00;
constexpr double kPio2_2 = 6.07710050650619224932e-11;
constexpr double kPio2_3 = 2.02226624879595063154e-21;

static double sinPoly(double r) {  // |r| <= pi/4
  double r2 = r * r, term = r, sum = r;
  for (int n = 1; n <= 10; ++n) {
    term = -term * r2 / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

static double cosPoly(double r) {
  double r2 = r * r, term = 1.0, sum = 1.0;
  for (int n = 1; n <= 10; ++n) {
    term = -term * r2 / ((2 * n - 1) * (2 * n));
    sum += term;
  }
  return sum;
}

// Returns the quadrant k mod 4 and the reduced argument r = x - k*pi/2.
static int reduce(double x, double& r) {
  double k = std::floor(x / kPio2_1 + 0.5);
  r = ((x - k * kPio2_1) - k * kPio2_2) - k * kPio2_3;
  long long q = static_cast<long long>(k);
  return static_cast<int>(((q % 4) + 4) % 4);
}

double sin(double x) {
  if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
  double r;
  switch (reduce(x, r)) {
    case 0: return sinPoly(r);
    case 1: return cosPoly(r);
    case 2: return -sinPoly(r);
    default: return -cosPoly(r);
  }
}

double cos(double x) {
  if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
  double r;
  switch (reduce(x, r)) {
    case 0: return cosPoly(r);
    case 1: return -sinPoly(r);
    case 2: return -cosPoly(r);
    default: return sinPoly(r);
  }
}

}  // namespace dw::detmath

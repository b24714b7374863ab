#include "dw/regression_race.hpp"

#include <string>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
void check(const char* where, int n, double noise) {
  requireIntInRange(n, 1, 100000, where, "n");
  requireInRange(noise, 0.0, 100.0, where, "noise");
}
}  // namespace

Dataset makeWigglyCurve(int n, double noise, std::uint32_t seed) {
  check("makeWigglyCurve", n, noise);
  Rng rng(seed, 0x77a1ULL);
  Dataset d;
  d.X.resize(n, 1);
  d.y.resize(n);
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(0.0, 6.0);
    d.X(i, 0) = x;
    d.y(i) = 2.0 * detmath::sin(x) + 0.3 * x + noise * rng.normal();
  }
  return d;
}

Dataset makeImportanceTable(int n, double noise, std::uint32_t seed) {
  check("makeImportanceTable", n, noise);
  Rng rng(seed, 0x1b07ULL);
  Dataset d;
  d.X.resize(n, 4);
  d.y.resize(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < 4; ++j) d.X(i, j) = rng.uniform(-2.0, 2.0);
    d.y(i) = 3.0 * d.X(i, 0) + 2.0 * detmath::sin(1.5 * d.X(i, 1)) + 0.5 * d.X(i, 2) + noise * rng.normal();
  }
  return d;
}

}  // namespace dw

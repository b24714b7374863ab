// dw/two_lanes.hpp: the two-lane tanh (the MLP's and the recurrent nets' tanh layers) and logistic
// (the LSTM's gates), against x87 long-double tanhl and expl (64-bit mantissa, a reference 11 bits
// finer than double).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "dw/two_lanes.hpp"

namespace {

double ulpsFromReference(double got, long double ref) {
  const double r = static_cast<double>(ref);
  const double ulp = std::nextafter(std::fabs(r), std::numeric_limits<double>::infinity()) - std::fabs(r);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

// 200 000 arguments from a fixed generator, in four kinds by turn: ±u·small, ±u·moderate,
// ±u·large (each given) and tiny ones down to 2^-60.
template <class Check>
void forArguments(std::uint64_t seed, double small, double moderate, double large, Check check) {
  std::uint64_t s = seed;
  for (int i = 0; i < 200000; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(s >> 11) / 9007199254740992.0;
    const double scale[] = {small, moderate, large, std::ldexp(1.0, -static_cast<int>(u * 60))};
    check((2 * u - 1) * scale[i % 4]);
  }
}

}  // namespace

TEST_CASE("tanh2 is within 2.5 ulp of tanh, odd, and exact at the edges", "[two_lanes]") {
  double worst = 0;
  // Small, moderate and saturating arguments.
  forArguments(12345, 0.2, 3.0, 25.0, [&](double x) {
    const dw::V2 t = dw::tanh2(dw::V2{x, -x});
    REQUIRE(t[1] == -t[0]);
    worst = std::max(worst, ulpsFromReference(t[0], tanhl(static_cast<long double>(x))));
  });
  CHECK(worst <= 2.5);  // glibc's own tanh: up to 2.2 on the same points
  const double inf = std::numeric_limits<double>::infinity();
  const dw::V2 edges = dw::tanh2(dw::V2{inf, -inf});
  CHECK(edges[0] == 1.0);
  CHECK(edges[1] == -1.0);
  const dw::V2 zeros = dw::tanh2(dw::V2{0.0, -0.0});
  CHECK(zeros[0] == 0.0);
  CHECK(std::signbit(zeros[1]));
  CHECK(std::isnan(dw::tanh2(dw::V2{std::nan(""), 1.0})[0]));
  CHECK(dw::tanh2(dw::V2{19.0, 1e300})[1] == 1.0);
  CHECK(dw::tanh2(dw::V2{1e-300, 0.0})[0] == 1e-300);
}

TEST_CASE("tanhArray gives each value what tanh2 gives it, odd lengths included", "[two_lanes]") {
  const double x[5] = {-2.5, -0.3, 0.01, 0.7, 4.0};
  double y[5];
  dw::tanhArray(x, y, 5);
  for (int i = 0; i < 5; ++i) CHECK(y[i] == dw::tanh2(dw::V2{x[i], x[i]})[0]);
}

TEST_CASE("sigmoid2 is within 3 ulp of the logistic function, and exact at the edges", "[two_lanes]") {
  double worst = 0;
  // Around zero, moderate, and saturating (where σ(−z) is tiny and must keep its relative accuracy).
  forArguments(987654321, 0.5, 6.0, 700.0, [&](double z) {
    const dw::V2 p = dw::sigmoid2(dw::V2{z, -z});
    const long double e = expl(-static_cast<long double>(z));
    worst = std::max(worst, ulpsFromReference(p[0], 1.0L / (1.0L + e)));
    worst = std::max(worst, ulpsFromReference(p[1], e / (1.0L + e)));
  });
  CHECK(worst <= 3.0);
  const double inf = std::numeric_limits<double>::infinity();
  const dw::V2 edges = dw::sigmoid2(dw::V2{inf, -inf});
  CHECK(edges[0] == 1.0);
  CHECK(edges[1] < 1e-300);
  CHECK(edges[1] >= 0.0);
  CHECK(dw::sigmoid2(dw::V2{0.0, -0.0})[0] == 0.5);
  CHECK(dw::sigmoid2(dw::V2{0.0, -0.0})[1] == 0.5);
  CHECK(std::isnan(dw::sigmoid2(dw::V2{std::nan(""), 1.0})[0]));
  CHECK(dw::sigmoid2(dw::V2{40.0, 0.0})[0] == 1.0);
  // σ(−30) = 9.357622968839299e-14 (e^−30/(1 + e^−30), 40-digit decimal arithmetic): relative accuracy where 1/2 + tanh/2 loses it.
  CHECK(dw::sigmoid2(dw::V2{-30.0, 0.0})[0] == Approx(9.357622968839299e-14).epsilon(1e-15));
}

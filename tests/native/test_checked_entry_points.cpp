// The checks the JS bindings used to make themselves now live in the engine (bindings only
// translate): each entry point is tested at the edges of what it accepts, with hand-derived
// values for what it returns. Also the one name normaliser (dw/names.hpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "dw/deep_q.hpp"
#include "dw/errors.hpp"
#include "dw/lora.hpp"
#include "dw/names.hpp"
#include "dw/quantise.hpp"
#include "dw/training_tricks.hpp"

using namespace dw;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("names: nameKey drops case, dashes, underscores and spaces; lowerCase only case", "[names]") {
  CHECK(nameKey("Cross-Entropy") == "crossentropy");
  CHECK(nameKey("cross_entropy") == "crossentropy");
  CHECK(nameKey("LEAKY relu") == "leakyrelu");
  CHECK(nameKey("") == "");
  CHECK(lowerCase("Xavier") == "xavier");
  CHECK(lowerCase("Leaky-ReLU") == "leaky-relu");
}

TEST_CASE("scheduleRateAt validates the schedule and t, then gives η(t)", "[training_tricks]") {
  LearningRateSchedule s;
  s.kind = ScheduleKind::Step;
  s.base = 0.8;
  s.gamma = 0.5;
  s.period = 10;
  CHECK(scheduleRateAt(s, 0, "scheduleRate") == 0.8);
  CHECK(scheduleRateAt(s, 25, "scheduleRate") == Approx(0.2));  // 0.8 · 0.5^⌊25/10⌋
  CHECK_NOTHROW(scheduleRateAt(s, 1e9, "scheduleRate"));
  CHECK_THROWS_AS(scheduleRateAt(s, 1e9 + 1, "scheduleRate"), InvalidArgument);
  CHECK_THROWS_AS(scheduleRateAt(s, -1, "scheduleRate"), InvalidArgument);
  CHECK_THROWS_AS(scheduleRateAt(s, 2.5, "scheduleRate"), InvalidArgument);
  s.period = 0;
  CHECK_THROWS_WITH(scheduleRateAt(s, 3, "scheduleRate"), Catch::Matchers::Contains("scheduleRate"));
}

TEST_CASE("clipGradient refuses a non-finite gradient and clips a copy", "[training_tricks]") {
  Vector g(2);
  g << 3, 4;  // ‖g‖ = 5
  ClippedGradient c = clipGradient(g, 1.0);
  CHECK(c.norm == 5.0);
  CHECK(c.gradient(0) == Approx(0.6));
  CHECK(c.gradient(1) == Approx(0.8));
  CHECK(g(0) == 3.0);  // the argument is untouched
  CHECK(clipGradient(g, 5.0).gradient == g);  // at the bound: left as it is
  g(1) = kNaN;
  CHECK_THROWS_AS(clipGradient(g, 1.0), InvalidArgument);
  g(1) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(clipGradient(g, 1.0), InvalidArgument);
}

TEST_CASE("initVariance checks fan sizes 1 … 10⁶", "[training_tricks]") {
  CHECK(initVariance(InitKind::He, 1, 1) == 2.0);
  CHECK(initVariance(InitKind::Xavier, 1'000'000, 1'000'000) == Approx(1e-6));
  CHECK_THROWS_AS(initVariance(InitKind::He, 0, 3), InvalidArgument);
  CHECK_THROWS_AS(initVariance(InitKind::He, 3, 0), InvalidArgument);
  CHECK_THROWS_AS(initVariance(InitKind::Xavier, 1'000'001, 3), InvalidArgument);
}

TEST_CASE("batchNormValues: one unit over a batch, with its checks", "[training_tricks]") {
  Vector z(3);
  z << 1, 2, 3;  // mean 2, population variance 2/3
  BatchNormOfValues b = batchNormValues(z, 2.0, 1.0);
  CHECK(b.mean == Approx(2.0));
  CHECK(b.variance == Approx(2.0 / 3.0));
  const double s = 1.0 / std::sqrt(2.0 / 3.0 + kBatchNormEpsilon);
  CHECK(b.values(0) == Approx(1.0 - 2.0 * s));
  CHECK(b.values(1) == Approx(1.0));
  CHECK(b.values(2) == Approx(1.0 + 2.0 * s));
  CHECK_THROWS_AS(batchNormValues(Vector(0), 1, 0), ShapeError);
  CHECK_NOTHROW(batchNormValues(z, 1e6, -1e6));
  CHECK_THROWS_AS(batchNormValues(z, 1e6 * (1 + 1e-12), 0), InvalidArgument);
  CHECK_THROWS_AS(batchNormValues(z, 1, -2e6), InvalidArgument);
  z(1) = kNaN;
  CHECK_THROWS_AS(batchNormValues(z, 1, 0), InvalidArgument);
}

TEST_CASE("DeepQ.q and qTarget take states in [0, 1]²; outputBiasIndex actions 0 … 3", "[deep_q]") {
  DeepQ m;
  m.reset(1);
  CHECK_NOTHROW(m.q(0, 0));
  CHECK_NOTHROW(m.q(1, 1));
  CHECK_NOTHROW(m.qTarget(0.5, 1));
  CHECK_THROWS_AS(m.q(-1e-9, 0.5), InvalidArgument);
  CHECK_THROWS_AS(m.q(0.5, 1.0 + 1e-9), InvalidArgument);
  CHECK_THROWS_AS(m.qTarget(kNaN, 0.5), InvalidArgument);
  std::set<std::size_t> indices;
  for (int a = 0; a < DeepQ::kActions; ++a) indices.insert(m.outputBiasIndex(a));
  CHECK(indices.size() == 4);
  // The output biases are the last four parameters, in action order.
  const std::size_t count = m.online().params().size();
  CHECK(m.outputBiasIndex(0) == count - 4);
  CHECK(m.outputBiasIndex(3) == count - 1);
  CHECK_THROWS_AS(m.outputBiasIndex(-1), InvalidArgument);
  CHECK_THROWS_AS(m.outputBiasIndex(4), InvalidArgument);
}

TEST_CASE("quantParamsFromScale and dequantiseCodes check scale, zero point and codes", "[quantise]") {
  const QuantParams range = quantParamsForRange(0, 0, 8, QuantScheme::Asymmetric, "dequantise");
  QuantParams p = quantParamsFromScale(0.5, range.qmax, 8, QuantScheme::Asymmetric, "dequantise");
  CHECK(p.scale == 0.5);
  CHECK(p.zeroPoint == range.qmax);
  CHECK_THROWS_AS(quantParamsFromScale(0.5, range.qmax + 1, 8, QuantScheme::Asymmetric, "dequantise"), InvalidArgument);
  CHECK_THROWS_AS(quantParamsFromScale(0.5, range.qmin - 1, 8, QuantScheme::Asymmetric, "dequantise"), InvalidArgument);
  CHECK_THROWS_AS(quantParamsFromScale(0.0, 0, 8, QuantScheme::Asymmetric, "dequantise"), InvalidArgument);
  CHECK_THROWS_AS(quantParamsFromScale(kNaN, 0, 8, QuantScheme::Asymmetric, "dequantise"), InvalidArgument);
  CHECK_THROWS_AS(quantParamsFromScale(0.5, 0, 1, QuantScheme::Asymmetric, "dequantise"), InvalidArgument);  // bits 2–16
  p = quantParamsFromScale(0.5, 2, 8, QuantScheme::Asymmetric, "dequantise");
  Vector x = dequantiseCodes({range.qmin, 2, range.qmax}, p, "dequantise");
  CHECK(x(0) == 0.5 * (range.qmin - 2));  // x = scale · (q − zeroPoint)
  CHECK(x(1) == 0.0);
  CHECK(x(2) == 0.5 * (range.qmax - 2));
  CHECK_THROWS_AS(dequantiseCodes({range.qmax + 1}, p, "dequantise"), InvalidArgument);
  CHECK_THROWS_AS(dequantiseCodes({range.qmin - 1}, p, "dequantise"), InvalidArgument);
}

TEST_CASE("quantiseMatrix takes 1 … 100 000 rows and columns", "[quantise]") {
  CHECK_NOTHROW(quantiseMatrix(Matrix::Ones(1, 100000), 8, QuantScheme::Symmetric, false));
  CHECK_THROWS_AS(quantiseMatrix(Matrix::Ones(1, 100001), 8, QuantScheme::Symmetric, false), ShapeError);
  CHECK_THROWS_AS(quantiseMatrix(Matrix(0, 3), 8, QuantScheme::Symmetric, false), ShapeError);
}

TEST_CASE("loraForward: (W + (α/r)·B·A) x + b by hand, and its shape checks", "[lora]") {
  // d = 2 inputs, h = 1 output, r = 1: W = [1 2], A = [1 1], B = [3], α = 2 → W + 2·[3 3] = [7 8].
  Vector x(2), b(1);
  x << 1, -1;
  b << 0.5;
  Matrix W(1, 2), A(1, 2), B(1, 1);
  W << 1, 2;
  A << 1, 1;
  B << 3;
  Vector y = loraForward(x, W, b, A, B, 2.0);
  REQUIRE(y.size() == 1);
  CHECK(y(0) == Approx(7 - 8 + 0.5));
  CHECK_THROWS_AS(loraForward(Vector::Ones(3), W, b, A, B, 2.0), ShapeError);
  CHECK_THROWS_AS(loraForward(x, W, Vector::Ones(2), A, B, 2.0), ShapeError);
  CHECK_THROWS_AS(loraForward(x, W, b, A, Matrix::Ones(2, 1), 2.0), ShapeError);
  CHECK_THROWS_AS(loraForward(x, W, b, A, B, 0.0), InvalidArgument);
  Vector xn = x;
  xn(0) = kNaN;
  CHECK_THROWS_AS(loraForward(xn, W, b, A, B, 2.0), InvalidArgument);
}

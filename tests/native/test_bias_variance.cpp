#include <catch2/catch.hpp>
#include <cmath>

#include "dw/bias_variance.hpp"
#include "dw/errors.hpp"
#include "dw/linear_regression.hpp"
#include "eval_test_models.hpp"

using Catch::Matchers::Contains;

namespace {
dw::BiasVarianceOptions sinOptions(double noise, int refits = 200) {
  dw::BiasVarianceOptions o;
  o.noise = noise;
  o.sampleSize = 25;
  o.refits = refits;
  o.gridSize = 40;
  o.seed = 11;
  o.maxSteps = 20000;
  return o;
}
dw::LinearRegression straightLineRegression() {
  dw::LinearRegression m;
  m.setLearningRate(0.04);  // x ∈ [0, 2π]: the MSE Hessian's top eigenvalue is ≈ 28, so η < 2/28
  m.setTolerance(1e-10);
  return m;
}
}  // namespace

TEST_CASE("bias-variance of a line fitted to sin: bias dominates and the decomposition holds", "[evaluation][biasvariance]") {
  dw::LinearRegression m = straightLineRegression();
  dw::BiasVarianceResult r = dw::biasVariance(m, nullptr, sinOptions(0.3));
  REQUIRE(r.predictions.rows() == 200);
  REQUIRE(r.predictions.cols() == 40);
  CHECK(r.x(0) == 0.0);
  CHECK(r.x(39) == Approx(2 * M_PI));
  CHECK(r.truth(10) == Approx(std::sin(r.x(10))).margin(1e-14));
  // A straight line cannot follow sin: large bias, little spread.
  CHECK(r.meanBias2 > 0.15);
  CHECK(r.meanBias2 > 5 * r.meanVariance);
  CHECK(r.noiseVariance == Approx(0.09));
  // Row means and the per-x decomposition are what they claim.
  for (int g : {0, 13, 39}) {
    double mean = r.predictions.col(g).mean();
    CHECK(r.meanPrediction(g) == Approx(mean).margin(1e-12));
    CHECK(r.variance(g) == Approx((r.predictions.col(g).array() - mean).square().mean()).margin(1e-12));
  }
  // E[(ŷ − y)²] ≈ bias² + variance + σ² (Monte Carlo over 200 × 40 fresh targets).
  double predicted = r.meanBias2 + r.meanVariance + r.noiseVariance;
  CHECK(r.meanExpectedError == Approx(predicted).epsilon(0.05));
}

TEST_CASE("prediction variance scales with σ² for least squares", "[evaluation][biasvariance]") {
  dw::LinearRegression m = straightLineRegression();
  // Fixed design, same seed: the same x and the same standardised noise, only σ differs. Least
  // squares is linear in y (ŷ = H(f + σε)), so the spread of predictions is exactly ∝ σ².
  dw::BiasVarianceOptions lo = sinOptions(0.2, 60), hi = sinOptions(0.4, 60);
  lo.fixedX = hi.fixedX = true;
  dw::BiasVarianceResult a = dw::biasVariance(m, nullptr, lo);
  dw::BiasVarianceResult b = dw::biasVariance(m, nullptr, hi);
  CHECK(b.meanVariance / a.meanVariance == Approx(4.0).epsilon(1e-4));
  // Bias barely depends on σ (only through the finite number of refits).
  CHECK(b.meanBias2 == Approx(a.meanBias2).epsilon(0.1));
  // With fresh x each time part of the spread comes from the x drawn, which σ does not scale:
  // the variance still grows with σ, by less than 4×.
  lo.fixedX = hi.fixedX = false;
  double ratio = dw::biasVariance(m, nullptr, hi).meanVariance / dw::biasVariance(m, nullptr, lo).meanVariance;
  CHECK(ratio > 1.0);
  CHECK(ratio < 4.0);
}

TEST_CASE("bias-variance with a custom function, determinism and bad input", "[evaluation][biasvariance][errors]") {
  dw::LinearRegression m = straightLineRegression();
  dw::BiasVarianceOptions o = sinOptions(0.1, 20);
  o.xMin = -1;
  o.xMax = 1;
  // A line is the right model for a line: bias ≈ 0, error ≈ σ² + small variance.
  auto line = [](double x) { return 3 * x - 1; };
  m.setLearningRate(0.5);
  dw::BiasVarianceResult r = dw::biasVariance(m, line, o);
  CHECK(r.meanBias2 < 1e-3);
  CHECK(r.truth(0) == Approx(-4));
  dw::BiasVarianceResult again = dw::biasVariance(m, line, o);
  CHECK(again.predictions == r.predictions);
  o.refits = 1;
  CHECK_THROWS_WITH(dw::biasVariance(m, line, o), Contains("refits=1"));
  o.refits = 20;
  o.xMax = o.xMin;
  CHECK_THROWS_AS(dw::biasVariance(m, line, o), dw::InvalidArgument);
  o.xMax = 1;
  o.noise = -1;
  CHECK_THROWS_AS(dw::biasVariance(m, line, o), dw::InvalidArgument);
  o.noise = 0.1;
  CHECK_THROWS_WITH(dw::biasVariance(m, [](double) { return std::nan(""); }, o), Contains("is not a finite number"));
  m.setLearningRate(50);  // far too large: the first refit diverges
  CHECK_THROWS_WITH(dw::biasVariance(m, line, o), Contains("diverged on refit 0"));
  evaltest::NearestCentroid classifier;
  CHECK_THROWS_WITH(dw::biasVariance(classifier, line, o), Contains("is a classifier"));
}

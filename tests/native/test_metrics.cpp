#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/metrics.hpp"
#include "dw/rng.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
using fixture::vec;
void requireClose(const Vector& got, const Vector& want, double tol = 1e-12) {
  REQUIRE(got.size() == want.size());
  for (dw::Index i = 0; i < got.size(); ++i) CHECK(got(i) == Approx(want(i)).margin(tol));
}
}  // namespace

TEST_CASE("ROC with tied scores, by hand", "[evaluation][metrics]") {
  // Positives score 0.9, 0.8, 0.3; negatives 0.8, 0.1. The tie at 0.8 is one point that moves
  // tpr and fpr together (a diagonal segment), not two points.
  Vector y = vec({1, 0, 1, 1, 0}), s = vec({0.9, 0.8, 0.8, 0.3, 0.1});
  dw::RocCurve r = dw::rocCurve(y, s);
  requireClose(r.fpr, vec({0, 0, 0.5, 0.5, 1}));
  requireClose(r.tpr, vec({0, 1.0 / 3, 2.0 / 3, 1, 1}));
  CHECK(std::isinf(r.thresholds(0)));
  requireClose(r.thresholds.tail(4), vec({0.9, 0.8, 0.3, 0.1}));
  // Trapezoids: 0.5·(1/3 + 2/3)/2 + 0.5·(1 + 1)/2 = 0.75. Pairs: 4 wins + ½ tie out of 6 = 0.75.
  CHECK(dw::rocAuc(y, s) == Approx(0.75).margin(1e-15));
  CHECK(dw::mannWhitneyAuc(y, s) == Approx(0.75).margin(1e-15));
}

TEST_CASE("AUC by trapezoids equals the Mann-Whitney statistic with ties", "[evaluation][metrics]") {
  dw::Rng rng(3);
  for (int trial = 0; trial < 50; ++trial) {
    int n = 5 + int(rng.below(60));
    Vector y(n), s(n);
    for (int i = 0; i < n; ++i) {
      y(i) = i < 2 ? i : double(rng.below(2));     // both classes present
      s(i) = double(rng.below(6)) + 0.5 * y(i);    // few distinct values: many ties
    }
    // Brute force over all pairs, tie = ½.
    double wins = 0, pairs = 0;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j)
        if (y(i) == 1 && y(j) == 0) {
          pairs += 1;
          wins += s(i) > s(j) ? 1.0 : s(i) == s(j) ? 0.5 : 0.0;
        }
    CHECK(dw::rocAuc(y, s) == Approx(wins / pairs).margin(1e-12));
    CHECK(dw::mannWhitneyAuc(y, s) == Approx(wins / pairs).margin(1e-12));
  }
}

TEST_CASE("binary metrics, curves and areas match scikit-learn", "[evaluation][metrics][sklearn]") {
  auto f = fixture::load("eval_metrics");
  Vector y = f["y"].vector(), s = f["scores"].vector();
  dw::BinaryConfusion c = dw::confusionAtThreshold(y, s, f["threshold"].num());
  CHECK(c.tp == f["tp"].num());
  CHECK(c.fp == f["fp"].num());
  CHECK(c.tn == f["tn"].num());
  CHECK(c.fn == f["fn"].num());
  CHECK(dw::precisionOf(c) == Approx(f["precision"].num()).margin(1e-14));
  CHECK(dw::recallOf(c) == Approx(f["recall"].num()).margin(1e-14));
  CHECK(dw::specificityOf(c) == Approx(f["specificity"].num()).margin(1e-14));
  CHECK(dw::f1Of(c) == Approx(f["f1"].num()).margin(1e-14));
  Vector yHat = (s.array() >= f["threshold"].num()).cast<double>();
  CHECK(dw::f1Score(y, yHat) == Approx(f["f1"].num()).margin(1e-14));
  CHECK(dw::accuracyMetric(y, yHat) == Approx(f["accuracy"].num()).margin(1e-14));
  CHECK(dw::logLoss(y, s) == Approx(f["log_loss"].num()).margin(1e-12));

  dw::RocCurve r = dw::rocCurve(y, s);
  requireClose(r.fpr, f["roc_fpr"].vector());
  requireClose(r.tpr, f["roc_tpr"].vector());
  requireClose(r.thresholds.tail(r.thresholds.size() - 1), f["roc_thresholds_after_first"].vector());
  CHECK(dw::rocAuc(y, s) == Approx(f["roc_auc"].num()).margin(1e-12));
  CHECK(dw::mannWhitneyAuc(y, s) == Approx(f["roc_auc"].num()).margin(1e-12));

  dw::PrecisionRecallCurve pr = dw::precisionRecallCurve(y, s);
  requireClose(pr.precision, f["pr_precision"].vector());
  requireClose(pr.recall, f["pr_recall"].vector());
  requireClose(pr.thresholds, f["pr_thresholds"].vector());
  CHECK(dw::averagePrecision(y, s) == Approx(f["average_precision"].num()).margin(1e-12));

  Vector t = f["reg_true"].vector(), tHat = f["reg_pred"].vector();
  CHECK(dw::mseMetric(t, tHat) == Approx(f["mse"].num()).margin(1e-12));
  CHECK(dw::maeMetric(t, tHat) == Approx(f["mae"].num()).margin(1e-12));
  CHECK(dw::r2Metric(t, tHat) == Approx(f["r2"].num()).margin(1e-12));

  Matrix cm = dw::confusionMatrix(f["y3"].vector(), f["pred3"].vector(), 3);
  Matrix want = f["confusion3"].matrix();
  CHECK((cm - want).cwiseAbs().maxCoeff() == 0.0);
  CHECK(dw::logLossMulticlass(f["y3"].vector(), f["proba3"].matrix()) == Approx(f["log_loss3"].num()).margin(1e-12));

  CHECK(dw::precisionScore(f["zero_true"].vector(), f["zero_pred"].vector()) == f["zero_precision"].num());
  CHECK(dw::f1Score(f["zero_true"].vector(), f["zero_pred"].vector()) == f["zero_f1"].num());
}

TEST_CASE("zero-division ratios are 0 and log loss clips", "[evaluation][metrics]") {
  dw::BinaryConfusion none;  // all zero
  CHECK(dw::precisionOf(none) == 0.0);
  CHECK(dw::recallOf(none) == 0.0);
  CHECK(dw::specificityOf(none) == 0.0);
  CHECK(dw::f1Of(none) == 0.0);
  // A confident mistake costs −log(1e-15) ≈ 34.54, not infinity.
  CHECK(dw::logLoss(vec({1}), vec({0})) == Approx(-std::log(1e-15)).epsilon(1e-12));
  CHECK(dw::logLoss(vec({1, 0}), vec({0.8, 0.3})) == Approx(-(std::log(0.8) + std::log(0.7)) / 2).epsilon(1e-14));
}

TEST_CASE("metrics reject bad input with typed errors", "[evaluation][metrics][errors]") {
  Vector y = vec({1, 0, 1}), s = vec({0.2, 0.4, 0.9});
  CHECK_THROWS_AS(dw::rocCurve(vec({1, 1, 1}), s), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::rocCurve(vec({0, 0, 0}), s), Contains("only negatives"));
  CHECK_THROWS_AS(dw::mannWhitneyAuc(vec({1, 1, 1}), s), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::precisionRecallCurve(vec({0, 0, 0}), s), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::rocCurve(vec({1, 0}), s), Contains("yTrue has 2 values but scores has 3"));
  CHECK_THROWS_AS(dw::rocCurve(Vector(0), Vector(0)), dw::ShapeError);
  CHECK_THROWS_WITH(dw::rocCurve(vec({1, 2, 0}), s), Contains("yTrue[1]=2 is not a binary label"));
  CHECK_THROWS_WITH(dw::rocCurve(y, vec({0.1, std::nan(""), 0.3})), Contains("scores[1]=NaN"));
  CHECK_THROWS_AS(dw::logLoss(y, vec({0.1, 1.5, 0.3})), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::logLoss(y, s, 0.0), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::confusionMatrix(vec({0, 3}), vec({0, 1}), 3), Contains("yTrue[1]=3 is not a class label"));
  CHECK_THROWS_AS(dw::confusionMatrix(vec({0, 1.5}), vec({0, 1}), 3), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::confusionMatrix(vec({0, 1}), vec({0, 1}), 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::logLossMulticlass(vec({0, 1}), Matrix::Constant(3, 2, 0.5)), dw::ShapeError);
  CHECK_THROWS_AS(dw::mseMetric(vec({1}), vec({1, 2})), dw::ShapeError);
  CHECK_THROWS_AS(dw::confusionAtThreshold(y, s, std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::trapezoidArea(vec({0, 1}), vec({0})), dw::ShapeError);
}

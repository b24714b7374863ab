// Comparing two models: the paired t-test, the paired permutation test, McNemar's test and the
// special functions behind their p-values, against SciPy (tests/fixtures/comparison_tests.json,
// made by tests/fixtures/generators/model_comparison.py), plus hand-derived values, edge cases and
// bad input. The RobustScaler is checked against scikit-learn (comparison_scalers.json).
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/model_comparison.hpp"
#include "dw/preprocessing.hpp"
#include "dw/random_forest.hpp"
#include "dw/validation.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
using fixture::vec;
// Relative closeness for p-values that span many orders of magnitude.
}  // namespace

TEST_CASE("special functions match SciPy", "[comparison][scipy]") {
  auto f = fixture::load("comparison_tests");
  for (std::size_t i = 0; i < f["beta"].size(); ++i) {
    auto c = f["beta"][i];
    INFO("betainc(" << c["a"].num() << ", " << c["b"].num() << ", " << c["x"].num() << ")");
    CHECK(fixture::relClose(dw::regularizedIncompleteBeta(c["a"].num(), c["b"].num(), c["x"].num()), c["value"].num(), 1e-11));
  }
  for (std::size_t i = 0; i < f["student"].size(); ++i) {
    auto c = f["student"][i];
    INFO("t=" << c["t"].num() << " df=" << c["df"].num());
    CHECK(fixture::relClose(dw::studentTCdf(c["t"].num(), c["df"].num()), c["cdf"].num(), 1e-11));
    CHECK(fixture::relClose(dw::studentTSurvival(c["t"].num(), c["df"].num()), c["sf"].num(), 1e-11));
  }
  for (std::size_t i = 0; i < f["chi2"].size(); ++i) {
    auto c = f["chi2"][i];
    INFO("chi2.sf(" << c["x"].num() << ", " << c["df"].num() << ")");
    CHECK(fixture::relClose(dw::chiSquareSurvival(c["x"].num(), c["df"].num()), c["sf"].num(), 1e-11));
  }
  for (std::size_t i = 0; i < f["binomtest"].size(); ++i) {
    auto c = f["binomtest"][i];
    INFO("binomtest(" << c["k"].num() << ", " << c["n"].num() << ")");
    CHECK(fixture::relClose(dw::binomialTestHalf(int(c["k"].num()), int(c["n"].num())), c["p"].num(), 1e-11));
  }
}

TEST_CASE("special functions: hand-derived values", "[comparison]") {
  // t with 1 df is the Cauchy distribution: P(T ≤ 1) = 1/2 + atan(1)/π = 3/4.
  CHECK(dw::studentTCdf(1.0, 1.0) == Approx(0.75).epsilon(1e-13));
  // t with 2 df: P(T > t) = 1/2 − t / (2√(t² + 2)); at t = 2: 1/2 − 2/(2√6).
  CHECK(dw::studentTSurvival(2.0, 2.0) == Approx(0.5 - 1.0 / std::sqrt(6.0)).epsilon(1e-13));
  // χ² with 2 df is exponential with mean 2: P(X > x) = e^{−x/2}.
  CHECK(dw::chiSquareSurvival(3.0, 2.0) == Approx(std::exp(-1.5)).epsilon(1e-13));
  // I_x(1, 1) = x and I_x(a, 1) = x^a.
  CHECK(dw::regularizedIncompleteBeta(1.0, 1.0, 0.37) == Approx(0.37).epsilon(1e-13));
  CHECK(dw::regularizedIncompleteBeta(3.0, 1.0, 0.5) == Approx(0.125).epsilon(1e-13));
  // Binomial(4, ½): P(X ≤ 0) = 1/16, so k = 0 or 4 gives p = 2/16.
  CHECK(dw::binomialTestHalf(0, 4) == Approx(0.125).epsilon(1e-13));
  CHECK(dw::binomialTestHalf(4, 4) == Approx(0.125).epsilon(1e-13));
  CHECK(dw::binomialTestHalf(2, 4) == 1.0);
  CHECK(dw::binomialTestHalf(0, 0) == 1.0);
  // Far tails keep relative precision (no 1 − (1 − tiny)).
  CHECK(dw::studentTSurvival(50.0, 2.0) > 0.0);
  CHECK(dw::studentTSurvival(50.0, 2.0) < 1e-3);
}

TEST_CASE("paired t-test matches scipy.stats.ttest_rel", "[comparison][scipy]") {
  auto f = fixture::load("comparison_tests");
  for (std::size_t i = 0; i < f["t_tests"].size(); ++i) {
    auto c = f["t_tests"][i];
    INFO(c["name"].text);
    auto r = dw::pairedTTest(c["a"].vector(), c["b"].vector());
    CHECK(r.df == int(c["df"].num()));
    CHECK(fixture::relClose(r.t, c["t"].num(), 1e-10));
    CHECK(fixture::relClose(r.pValue, c["p"].num(), 1e-10));
    CHECK(fixture::relClose(r.meanDifference, c["mean"].num(), 1e-12, 1e-17));
    CHECK(fixture::relClose(r.sdDifference, c["sd"].num(), 1e-12));
  }
}

TEST_CASE("paired t-test: the lesson's three folds by hand", "[comparison]") {
  // d = (0.02, 0.05, 0.02): mean 0.03, s² = (0.0001 + 0.0004 + 0.0001)/2 = 0.0003,
  // standard error √(0.0003/3) = 0.01, t = 0.03/0.01 = 3 with 2 degrees of freedom.
  auto r = dw::pairedTTest(vec({0.82, 0.86, 0.84}), vec({0.80, 0.81, 0.82}));
  CHECK(r.meanDifference == Approx(0.03).epsilon(1e-12));
  CHECK(r.standardError == Approx(0.01).epsilon(1e-12));
  CHECK(r.t == Approx(3.0).epsilon(1e-12));
  CHECK(r.df == 2);
  // With 2 df, P(|T| > t) = 1 − t/√(t² + 2): 1 − 3/√11.
  CHECK(r.pValue == Approx(1.0 - 3.0 / std::sqrt(11.0)).epsilon(1e-12));
}

TEST_CASE("paired t-test edge cases", "[comparison]") {
  // All folds equal: no difference at all → t = 0, p = 1 (SciPy gives NaN).
  auto f = fixture::load("comparison_tests");
  CHECK(f["all_equal"]["scipy_t_is_nan"].kind == fixture::Json::Kind::Bool);
  auto same = dw::pairedTTest(vec({0.8, 0.7, 0.9}), vec({0.8, 0.7, 0.9}));
  CHECK(same.t == 0.0);
  CHECK(same.pValue == 1.0);
  CHECK(same.sdDifference == 0.0);
  // Every difference exactly the same non-zero number: zero spread → t = +∞, p = 0 (as SciPy).
  auto gap = dw::pairedTTest(vec({1.0, 2.0, 3.0}), vec({0.5, 1.5, 2.5}));
  CHECK(std::isinf(gap.t));
  CHECK(gap.t > 0);
  CHECK(gap.pValue == 0.0);
  auto neg = dw::pairedTTest(vec({0.5, 1.5, 2.5}), vec({1.0, 2.0, 3.0}));
  CHECK(std::isinf(neg.t));
  CHECK(neg.t < 0);
  // Bad input.
  CHECK_THROWS_AS(dw::pairedTTest(vec({0.5}), vec({0.4})), dw::ShapeError);
  CHECK_THROWS_WITH(dw::pairedTTest(vec({0.5, 0.6}), vec({0.4})), Contains("must come in pairs"));
  CHECK_THROWS_AS(dw::pairedTTest(vec({0.5, NAN}), vec({0.4, 0.3})), dw::InvalidArgument);
}

TEST_CASE("paired permutation test matches SciPy's exact test", "[comparison][scipy]") {
  auto f = fixture::load("comparison_tests");
  for (std::size_t i = 0; i < f["t_tests"].size(); ++i) {
    auto c = f["t_tests"][i];
    INFO(c["name"].text);
    auto r = dw::pairedPermutationTest(c["a"].vector(), c["b"].vector(), 1000000, 1);
    CHECK(r.exact);
    CHECK(r.resamples == (1 << r.n));
    CHECK(fixture::relClose(r.pValue, c["permutation_p"].num(), 1e-12));
  }
  // The lesson's three folds by hand: of the 8 sign patterns of (0.02, 0.05, 0.02), only
  // (+,+,+) and (−,−,−) reach |mean| ≥ 0.03, so p = 2/8.
  auto hand = dw::pairedPermutationTest(vec({0.82, 0.86, 0.84}), vec({0.80, 0.81, 0.82}), 1000, 1);
  CHECK(hand.atLeastAsExtreme == 2);
  CHECK(hand.pValue == Approx(0.25));
}

TEST_CASE("paired permutation test: random patterns, edge cases, determinism", "[comparison]") {
  Vector a(24), b(24);
  dw::Rng rng(4);
  for (int i = 0; i < 24; ++i) { a(i) = 0.8 + 0.02 * rng.normal(); b(i) = a(i) - 0.004 + 0.01 * rng.normal(); }
  auto r1 = dw::pairedPermutationTest(a, b, 20000, 7);
  auto r2 = dw::pairedPermutationTest(a, b, 20000, 7);
  CHECK_FALSE(r1.exact);
  CHECK(r1.pValue == r2.pValue);  // same seed, same answer
  CHECK(r1.pValue == Approx((1.0 + r1.atLeastAsExtreme) / 20001.0));
  // The first 16 pairs have an exact answer; 20 000 random patterns land within ±0.015 of it.
  Vector a16 = a.head(16), b16 = b.head(16);
  auto exact = dw::pairedPermutationTest(a16, b16, 1 << 16, 0);
  auto sampled = dw::pairedPermutationTest(a16, b16, 20000, 3);
  CHECK(exact.exact);
  CHECK_FALSE(sampled.exact);
  CHECK(std::fabs(sampled.pValue - exact.pValue) < 0.015);
  // All folds equal: every pattern is as extreme as the observed 0 → p = 1.
  auto same = dw::pairedPermutationTest(vec({0.8, 0.7, 0.9}), vec({0.8, 0.7, 0.9}), 100, 0);
  CHECK(same.pValue == 1.0);
  // Equal non-zero gaps: only the all-plus and all-minus patterns → 2/2ⁿ.
  auto gap = dw::pairedPermutationTest(vec({1, 1, 1, 1, 1}), vec({0, 0, 0, 0, 0}), 100, 0);
  CHECK(gap.pValue == Approx(2.0 / 32.0));
  CHECK_THROWS_AS(dw::pairedPermutationTest(vec({1.0}), vec({0.0}), 0, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::pairedPermutationTest(Vector(), Vector(), 10, 0), dw::ShapeError);
}

TEST_CASE("McNemar's test matches SciPy's binomtest and chi2.sf", "[comparison][scipy]") {
  auto f = fixture::load("comparison_tests");
  for (std::size_t i = 0; i < f["mcnemar"].size(); ++i) {
    auto c = f["mcnemar"][i];
    INFO("n01=" << c["n01"].num() << " n10=" << c["n10"].num());
    auto r = dw::mcNemarTest(int(c["n01"].num()), int(c["n10"].num()));
    CHECK(fixture::relClose(r.exactPValue, c["exact_p"].num(), 1e-11));
    CHECK(fixture::relClose(r.chiSquare, c["chi2"].num(), 1e-13));
    CHECK(fixture::relClose(r.chiSquarePValue, c["chi2_p"].num(), 1e-11));
  }
}

TEST_CASE("McNemar's test: by hand, from predictions, edge cases", "[comparison]") {
  // n01 = 5, n10 = 1: statistic (|5 − 1| − 1)²/6 = 1.5; exact p = 2·(1 + 6)/64 = 14/64.
  auto r = dw::mcNemarTest(5, 1);
  CHECK(r.chiSquare == Approx(1.5));
  CHECK(r.exactPValue == Approx(14.0 / 64.0));
  // Nothing disagrees.
  auto none = dw::mcNemarTest(0, 0);
  CHECK(none.exactPValue == 1.0);
  CHECK(none.chiSquarePValue == 1.0);
  CHECK(none.chiSquare == 0.0);
  // y:    1 0 1 1 0 1 0 0
  // A:    1 0 1 0 0 1 1 0   right on 0,1,2,4,5,7
  // B:    1 1 0 1 0 1 0 1   right on 0,3,4,5,6
  auto p = dw::mcNemarFromPredictions(vec({1, 0, 1, 1, 0, 1, 0, 0}), vec({1, 0, 1, 0, 0, 1, 1, 0}), vec({1, 1, 0, 1, 0, 1, 0, 1}));
  CHECK(p.bothRight == 3);       // 0, 4, 5
  CHECK(p.aRightBWrong == 3);    // 1, 2, 7
  CHECK(p.aWrongBRight == 2);    // 3, 6
  CHECK(p.bothWrong == 0);
  CHECK(p.exactPValue == Approx(1.0));
  CHECK_THROWS_AS(dw::mcNemarTest(-1, 3), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::mcNemarFromPredictions(vec({1, 0}), vec({1}), vec({1, 0})), dw::ShapeError);
  CHECK_THROWS_AS(dw::mcNemarFromPredictions(Vector(), Vector(), Vector()), dw::ShapeError);
}

TEST_CASE("paired fold scores: same folds for both models, seeds respected", "[comparison]") {
  dw::Dataset d = dw::makeMoons(120, 0.3, 5);
  dw::RandomForest a, b;
  a.setTreeCount(10);
  b.setTreeCount(10);
  auto s1 = dw::pairedCrossValScores(a, 1, b, 2, d.X, d.y, 5, 9, 0);
  auto s2 = dw::pairedCrossValScores(a, 1, b, 2, d.X, d.y, 5, 9, 0);
  REQUIRE(s1.a.size() == 5);
  CHECK((s1.a - s2.a).norm() == 0.0);  // deterministic
  CHECK((s1.b - s2.b).norm() == 0.0);
  // Model A alone on the same folds is crossValScore with A's seed equal to the fold seed.
  auto s3 = dw::pairedCrossValScores(a, 9, b, 2, d.X, d.y, 5, 9, 0);
  Vector cv = dw::crossValScore(a, d.X, d.y, 5, 9, 0);
  CHECK((s3.a - cv).norm() == 0.0);
  // The same seed for both copies gives identical scores: nothing to compare.
  auto s4 = dw::pairedCrossValScores(a, 3, b, 3, d.X, d.y, 5, 9, 0);
  CHECK((s4.a - s4.b).norm() == 0.0);
  auto t = dw::pairedTTest(s4.a, s4.b);
  CHECK(t.pValue == 1.0);
  CHECK_THROWS_AS(dw::pairedCrossValScores(a, 1, b, 2, d.X, d.y, 1, 9, 0), dw::InvalidArgument);
}

TEST_CASE("robust scaler matches scikit-learn", "[comparison][preprocessing][sklearn]") {
  auto f = fixture::load("comparison_scalers");
  Matrix X = f["X"].matrix(), Xn = f["X_new"].matrix();
  dw::RobustScaler rob;
  rob.fit(X);
  CHECK((rob.center() - f["robust_center"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((rob.scale() - f["robust_scale"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((rob.transform(X) - f["robust_transform"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((rob.transform(Xn) - f["robust_transform_new"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((rob.inverseTransform(rob.transform(Xn)) - Xn).cwiseAbs().maxCoeff() < 1e-12);
  dw::RobustScaler q;
  q.setQuantileRange(10, 90);
  q.fit(X);
  CHECK((q.scale() - f["robust_q10_90_scale"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((q.transform(X) - f["robust_q10_90_transform"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  dw::RobustScaler nc;
  nc.setCentering(false);
  nc.fit(X);
  CHECK((nc.transform(X) - f["robust_no_centering_transform"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  dw::RobustScaler c;
  c.fit(f["const"].matrix());  // first column constant, second with IQR 0.75
  CHECK((c.center() - f["robust_const_center"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((c.scale() - f["robust_const_scale"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  // The other two scalers on the same data with the outlier.
  dw::MinMaxScaler mm;
  CHECK((mm.fitTransform(X) - f["minmax_transform"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  dw::StandardScaler st;
  CHECK((st.fitTransform(X) - f["standard_transform"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  // numpy.percentile's linear rule.
  std::vector<double> y;
  for (double v : f["y"].numbers()) y.push_back(v);
  for (const char* q : {"0", "10", "25", "33.3", "50", "75", "90", "100"})
    CHECK(dw::percentileLinear(y, std::stod(q)) == Approx(f["percentiles"][q].num()).epsilon(1e-13));
}

TEST_CASE("robust scaler rejects bad input", "[comparison][preprocessing][errors]") {
  dw::RobustScaler rob;
  CHECK_THROWS_AS(rob.transform(Matrix::Zero(2, 2)), dw::StateError);
  CHECK_THROWS_AS(rob.setQuantileRange(75, 25), dw::InvalidArgument);
  CHECK_THROWS_AS(rob.setQuantileRange(-1, 25), dw::InvalidArgument);
  CHECK_THROWS_AS(rob.fit(Matrix()), dw::ShapeError);
  Matrix bad(2, 1);
  bad << 1.0, NAN;
  CHECK_THROWS_AS(rob.fit(bad), dw::InvalidArgument);
  rob.fit(Matrix::Ones(3, 2));
  CHECK_THROWS_AS(rob.transform(Matrix::Ones(3, 3)), dw::ShapeError);
}

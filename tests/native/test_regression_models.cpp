// ElasticNet, SVR, RandomForestRegressor, gradient-boosting importances and permutation
// importance against scikit-learn (tests/fixtures/generators/regression_models.py) and
// hand-derived values.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "dw/elastic_net.hpp"
#include "dw/errors.hpp"
#include "dw/feature_importance.hpp"
#include "dw/gradient_boosting.hpp"
#include "dw/decision_tree.hpp"
#include "dw/random_forest_regressor.hpp"
#include "dw/svr.hpp"
#include "fixture.hpp"

using namespace dw;

TEST_CASE("elastic net: soft threshold and one coordinate update by hand", "[regression][elasticnet]") {
  CHECK(ElasticNet::softThreshold(3.0, 1.0) == 2.0);
  CHECK(ElasticNet::softThreshold(-3.0, 1.0) == -2.0);
  CHECK(ElasticNet::softThreshold(0.5, 1.0) == 0.0);
  CHECK(ElasticNet::softThreshold(-1.0, 1.0) == 0.0);
  // z = 12, c = 10, n = 10, α = 0.4, ρ = 0.5: threshold nαρ = 2, ridge nα(1 − ρ) = 2 → (12 − 2)/(10 + 2).
  CHECK(ElasticNet::coordinateUpdate(12, 10, 10, 0.4, 0.5) == Approx(10.0 / 12.0).epsilon(1e-15));
  // |z| below the threshold: exactly zero.
  CHECK(ElasticNet::coordinateUpdate(1.5, 10, 10, 0.4, 0.5) == 0.0);
  // A constant column with no ridge part.
  CHECK(ElasticNet::coordinateUpdate(0, 0, 10, 0.4, 1.0) == 0.0);
}

TEST_CASE("elastic net matches scikit-learn's ElasticNet", "[regression][elasticnet][sklearn]") {
  for (const char* name : {"regression_elastic_net_small", "regression_elastic_net_sparse", "regression_elastic_net_ridge"}) {
    INFO(name);
    auto fx = fixture::load(name);
    Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
    Vector y = fx["y"].vector(), yt = fx["ytest"].vector();
    ElasticNet m;
    m.setAlpha(fx["alpha"].num());
    m.setL1Ratio(fx["l1Ratio"].num());
    m.setData(X, y);
    int sweeps = m.fit(100000);
    CHECK(m.status() == Status::Converged);
    CHECK(sweeps < 100000);
    CHECK(fixture::maxAbsDifference(m.weights(), fx["coef"].vector()) < 1e-8);
    CHECK(m.intercept() == Approx(fx["intercept"].num()).margin(1e-8));
    CHECK(fixture::maxAbsDifference(m.predict(Xt), fx["predictTest"].vector()) < 1e-7);
    CHECK(m.score(X, y) == Approx(fx["trainR2"].num()).margin(1e-9));
    CHECK(m.score(Xt, yt) == Approx(fx["testR2"].num()).margin(1e-9));
    CHECK(m.zeroWeightCount() == static_cast<int>(fx["zeroCount"].num()));
    // The objective never rises from one sweep to the next (each coordinate step is exact).
    for (std::size_t r = 1; r < m.trace().rows(); ++r) CHECK(m.trace().at(r, "loss") <= m.trace().at(r - 1, "loss") + 1e-12);
  }
}

TEST_CASE("elastic net with alpha 0 is least squares", "[regression][elasticnet][sklearn]") {
  auto fx = fixture::load("regression_least_squares");
  ElasticNet m;
  m.setAlpha(0);
  m.setData(fx["X"].matrix(), fx["y"].vector());
  m.fit(100000);
  CHECK(fixture::maxAbsDifference(m.weights(), fx["coef"].vector()) < 1e-8);
  CHECK(m.intercept() == Approx(fx["intercept"].num()).margin(1e-8));
}

TEST_CASE("elastic net refuses bad settings with typed errors", "[regression][elasticnet]") {
  ElasticNet m;
  CHECK_THROWS_AS(m.setAlpha(-1), InvalidArgument);
  CHECK_THROWS_AS(m.setAlpha(std::numeric_limits<double>::quiet_NaN()), InvalidArgument);
  CHECK_THROWS_AS(m.setL1Ratio(1.5), InvalidArgument);
  CHECK_THROWS_AS(m.setTolerance(0), InvalidArgument);
  CHECK_THROWS_AS(m.intercept(), StateError);
  CHECK_THROWS_AS(m.setData(Matrix::Zero(1, 2), Vector::Zero(1)), ShapeError);
}

TEST_CASE("epsilon-insensitive loss by hand", "[regression][svr]") {
  CHECK(SVR::epsilonInsensitive(0.05, 0.1) == 0.0);
  CHECK(SVR::epsilonInsensitive(-0.1, 0.1) == 0.0);
  CHECK(SVR::epsilonInsensitive(0.5, 0.1) == Approx(0.4).epsilon(1e-15));
  CHECK(SVR::epsilonInsensitive(-0.7, 0.2) == Approx(0.5).epsilon(1e-15));
}

TEST_CASE("SVR matches scikit-learn's SVR (RBF and linear kernels)", "[regression][svr][sklearn]") {
  for (const char* name : {"regression_svr_rbf", "regression_svr_rbf_gamma", "regression_svr_linear"}) {
    INFO(name);
    auto fx = fixture::load(name);
    Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
    Vector y = fx["y"].vector(), yt = fx["ytest"].vector();
    auto p = fx["params"];
    SVR m;
    m.setKernel(p["kernel"].text);
    m.setC(p["C"].num());
    m.setEpsilon(p["epsilon"].num());
    if (p.has("gamma") && p["gamma"].kind == fixture::Json::Kind::Number) m.setGamma(p["gamma"].num());
    m.setTolerance(1e-9);
    m.setData(X, y);
    m.fit(1'000'000);
    REQUIRE(m.status() == Status::Converged);
    CHECK(m.gamma() == Approx(fx["gamma"].num()).epsilon(1e-12));
    // Both solvers stop at a KKT violation of 1e-9 by different paths (libsvm also shrinks), so
    // the fits agree to about 1e-6 in predictions; single dual coefficients, less well
    // determined, to 1e-3.
    CHECK(fixture::maxAbsDifference(m.predict(Xt), fx["predictTest"].vector()) < 1e-5);
    CHECK(fixture::maxAbsDifference(m.dualCoefficients(), fx["dualCoef"].vector()) < 1e-3);
    CHECK(m.intercept() == Approx(fx["intercept"].num()).margin(1e-5));
    CHECK(m.score(Xt, yt) == Approx(fx["testR2"].num()).margin(1e-6));
    CHECK(static_cast<int>(m.supportIndices().size()) == static_cast<int>(fx["supportCount"].num()));
    if (fx.has("weights")) CHECK(fixture::maxAbsDifference(m.weights(), fx["weights"].vector()) < 1e-6);
    // Every dual coefficient lies in [−C, C]; points strictly inside the tube have none.
    Vector f = m.predict(X);
    Vector c = m.dualCoefficients();
    for (Index i = 0; i < X.rows(); ++i) {
      CHECK(std::fabs(c(i)) <= p["C"].num() + 1e-12);
      if (std::fabs(y(i) - f(i)) < p["epsilon"].num() - 1e-4) CHECK(c(i) == 0.0);
    }
  }
}

TEST_CASE("SVR: the linear kernel refuses RBF-only questions and bad settings", "[regression][svr]") {
  SVR m;
  CHECK_THROWS_AS(m.setKernel("poly"), InvalidArgument);
  CHECK_THROWS_AS(m.setC(0), InvalidArgument);
  CHECK_THROWS_AS(m.setEpsilon(-0.1), InvalidArgument);
  CHECK_THROWS_AS(m.setGamma(0), InvalidArgument);
  Matrix X(3, 1);
  X << 0, 1, 2;
  Vector y(3);
  y << 0, 1, 2;
  m.setData(X, y);
  m.fit(100);
  CHECK_THROWS_AS(m.weights(), StateError);  // RBF by default
}

TEST_CASE("gradient boosting impurity importances match scikit-learn", "[regression][importance][sklearn]") {
  auto fx = fixture::load("regression_importance");
  Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
  Vector y = fx["y"].vector(), yt = fx["ytest"].vector();
  GradientBoosting gb;
  gb.setData(X, y);
  gb.setEstimatorCount(50);
  gb.fit(50);
  // Deep in a tree, exact ties between features are broken differently (scikit-learn shuffles the
  // feature order; see test_gradient_boosting.cpp), so agreement is to 1e-3, not to rounding.
  CHECK(fixture::maxAbsDifference(gb.featureImportances(), fx["gbImportances"].vector()) < 1e-3);
  CHECK(gb.score(Xt, yt) == Approx(fx["gbTestR2"].num()).margin(1e-3));
  // The first round alone: one depth-3 tree on the raw residuals, no ties.
  GradientBoosting one;
  one.setData(X, y);
  one.setEstimatorCount(1);
  one.fit(1);
  Vector first = one.featureImportances();
  CHECK(first.sum() == Approx(1.0).epsilon(1e-12));
  CHECK(first(3) == 0.0);
  DecisionTree tree;
  tree.setCriterion("squared_error");
  tree.setData(X, y);
  tree.fit(100000);
  // A fully grown tree on continuous features: near-ties may split off single points differently.
  CHECK(fixture::maxAbsDifference(tree.featureImportances(), fx["treeImportances"].vector()) < 0.01);
}

TEST_CASE("random forest regressor: importances and R² near scikit-learn's", "[regression][forest][importance][sklearn]") {
  auto fx = fixture::load("regression_importance");
  Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
  Vector y = fx["y"].vector(), yt = fx["ytest"].vector();
  RandomForestRegressor f;
  f.setData(X, y);
  f.setTreeCount(200);
  f.reset(0);
  f.fit(200);
  CHECK(f.treeCount() == 200);
  // Different bootstrap draws than scikit-learn, so agreement within sampling noise only.
  CHECK(fixture::maxAbsDifference(f.featureImportances(), fx["forestImportances"].vector()) < 0.02);
  CHECK(f.score(Xt, yt) == Approx(fx["forestTestR2"].num()).margin(0.01));
  CHECK(f.featureImportances().sum() == Approx(1.0).epsilon(1e-12));
  CHECK(f.oobScore() > 0.9);
  PermutationImportance p = permutationImportance(f, Xt, yt, 30, 0);
  Vector want = fx["forestPermutationMean"].vector();
  for (Index j = 0; j < 4; ++j) CHECK(p.mean(j) == Approx(want(j)).margin(0.1 * std::fabs(want(j)) + 0.01));
}

TEST_CASE("permutation importance of a linear fit matches scikit-learn", "[regression][importance][sklearn]") {
  auto fx = fixture::load("regression_importance");
  Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
  Vector y = fx["y"].vector(), yt = fx["ytest"].vector();
  ElasticNet lin;
  lin.setAlpha(0);
  lin.setData(X, y);
  lin.fit(100000);
  CHECK(fixture::maxAbsDifference(lin.weights(), fx["linearCoef"].vector()) < 1e-6);
  PermutationImportance p = permutationImportance(lin, Xt, yt, 200, 7);
  CHECK(p.baseline == Approx(fx["linearTestR2"].num()).margin(1e-9));
  Vector want = fx["linearPermutationMean"].vector(), sd = fx["linearPermutationStd"].vector();
  // Both are means of 200 random shuffles: they agree within a few standard errors.
  for (Index j = 0; j < 4; ++j) CHECK(std::fabs(p.mean(j) - want(j)) < 4 * sd(j) / std::sqrt(200.0) * std::sqrt(2.0) + 1e-4);
  CHECK(p.std(0) == Approx(sd(0)).margin(0.3 * sd(0)));
  // The drops are exactly baseline − score on a shuffled copy; same seed, same drops.
  PermutationImportance again = permutationImportance(lin, Xt, yt, 200, 7);
  CHECK(again.drops == p.drops);
}

TEST_CASE("permutation importance: an ignored feature scores exactly 0; bad calls are refused", "[regression][importance]") {
  auto fx = fixture::load("regression_importance");
  Matrix X = fx["X"].matrix();
  Vector y = fx["y"].vector();
  GradientBoosting stumps;
  stumps.setMaxDepth(1);
  stumps.setEstimatorCount(5);
  stumps.setData(X, y);
  stumps.fit(5);
  // Five stumps all split on the strong feature x0: the others are never looked at.
  Vector imp = stumps.featureImportances();
  CHECK(imp(0) == 1.0);
  PermutationImportance p = permutationImportance(stumps, X, y, 5, 1);
  CHECK(p.mean(0) > 0.3);
  for (Index j = 1; j < 4; ++j) {
    CHECK(p.mean(j) == 0.0);
    CHECK(p.std(j) == 0.0);
  }
  ElasticNet empty;
  CHECK_THROWS_AS(permutationImportance(empty, X, y, 5, 1), StateError);
  CHECK_THROWS_AS(permutationImportance(stumps, X, y, 0, 1), InvalidArgument);
  CHECK_THROWS_AS(permutationImportance(stumps, X.leftCols(3), y, 5, 1), ShapeError);
  Vector bad = y;
  bad(2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(permutationImportance(stumps, X, bad, 5, 1), InvalidArgument);
}

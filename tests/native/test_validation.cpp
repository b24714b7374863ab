#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <set>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/linear_regression.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validation.hpp"
#include "eval_test_models.hpp"
#include "fixture.hpp"

using dw::Index;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// Every index tested exactly once; train = complement of test; both ascending.
void requirePartition(const std::vector<dw::Fold>& folds, int n) {
  std::vector<int> seen(std::size_t(n), 0);
  for (const auto& f : folds) {
    CHECK(std::is_sorted(f.test.begin(), f.test.end()));
    CHECK(std::is_sorted(f.train.begin(), f.train.end()));
    CHECK(f.train.size() + f.test.size() == std::size_t(n));
    std::set<int> t(f.test.begin(), f.test.end());
    for (int i : f.train) CHECK(t.count(i) == 0);
    for (int i : f.test) ++seen[std::size_t(i)];
  }
  for (int c : seen) CHECK(c == 1);
}
}  // namespace

TEST_CASE("k-fold without shuffle is exactly scikit-learn's; with shuffle keeps its semantics", "[evaluation][splits][sklearn]") {
  auto f = fixture::load("eval_splits");
  int n = int(f["n"].num()), k = int(f["k"].num());
  auto folds = dw::kFold(n, k, false, 0);
  REQUIRE(folds.size() == std::size_t(k));
  for (int i = 0; i < k; ++i) {
    CHECK(folds[std::size_t(i)].test == f["kfold"][std::size_t(i)]["test"].ints());
    CHECK(folds[std::size_t(i)].train == f["kfold"][std::size_t(i)]["train"].ints());
  }
  for (int nn : {10, 11, 17, 100}) {
    for (int kk : {2, 3, 7}) {
      auto shuffled = dw::kFold(nn, kk, true, 42);
      requirePartition(shuffled, nn);
      for (int i = 0; i < kk; ++i)  // the first n mod k folds hold ⌊n/k⌋+1, the rest ⌊n/k⌋
        CHECK(shuffled[std::size_t(i)].test.size() == std::size_t(nn / kk + (i < nn % kk ? 1 : 0)));
    }
  }
  CHECK(dw::kFold(50, 5, true, 1)[0].test == dw::kFold(50, 5, true, 1)[0].test);  // seeded
  CHECK(dw::kFold(50, 5, true, 1)[0].test != dw::kFold(50, 5, true, 2)[0].test);
}

TEST_CASE("stratified k-fold without shuffle is exactly scikit-learn's", "[evaluation][splits][sklearn]") {
  auto f = fixture::load("eval_splits");
  Vector labels = f["labels"].vector();
  int k = int(f["strat_k"].num());
  auto folds = dw::stratifiedKFold(labels, k, false, 0);
  for (int i = 0; i < k; ++i) {
    CHECK(folds[std::size_t(i)].test == f["stratified"][std::size_t(i)]["test"].ints());
    CHECK(folds[std::size_t(i)].train == f["stratified"][std::size_t(i)]["train"].ints());
  }
  auto shuffled = dw::stratifiedKFold(labels, k, true, 9);
  requirePartition(shuffled, int(labels.size()));
  for (int i = 0; i < k; ++i)  // same class counts per fold as the unshuffled version
    for (double c : {0.0, 1.0, 2.0}) {
      auto count = [&](const std::vector<int>& idx) {
        return std::count_if(idx.begin(), idx.end(), [&](int r) { return labels(r) == c; });
      };
      CHECK(count(shuffled[std::size_t(i)].test) == count(folds[std::size_t(i)].test));
    }
}

TEST_CASE("stratified train/validation/test split keeps class shares", "[evaluation][splits]") {
  Vector labels(100);
  for (int i = 0; i < 100; ++i) labels(i) = i < 80 ? 0 : 1;  // 80/20 imbalance
  dw::SplitIndices s = dw::stratifiedTrainValidationTestSplit(labels, 0.25, 0.25, 5);
  auto ones = [&](const std::vector<int>& idx) {
    return std::count_if(idx.begin(), idx.end(), [&](int r) { return labels(r) == 1; });
  };
  CHECK(s.test.size() == 25);
  CHECK(s.validation.size() == 25);
  CHECK(ones(s.test) == 5);
  CHECK(ones(s.validation) == 5);
  CHECK(ones(s.train) == 10);
  std::vector<int> all = s.train;
  all.insert(all.end(), s.validation.begin(), s.validation.end());
  all.insert(all.end(), s.test.begin(), s.test.end());
  std::sort(all.begin(), all.end());
  for (int i = 0; i < 100; ++i) CHECK(all[std::size_t(i)] == i);
  CHECK(dw::stratifiedTrainValidationTestSplit(labels, 0.25, 0.25, 5).test == s.test);
}

TEST_CASE("splits reject bad input", "[evaluation][splits][errors]") {
  CHECK_THROWS_WITH(dw::kFold(5, 6, false, 0), Contains("k=6"));
  CHECK_THROWS_AS(dw::kFold(5, 1, false, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::kFold(1, 2, false, 0), dw::InvalidArgument);
  Vector labels(6);
  labels << 0, 0, 1, 1, 2, 2;
  CHECK_THROWS_WITH(dw::stratifiedKFold(labels, 3, false, 0), Contains("exceeds the size of every class"));
  labels(2) = std::nan("");
  CHECK_THROWS_AS(dw::stratifiedKFold(labels, 2, false, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::stratifiedTrainValidationTestSplit(Vector(0), 0.2, 0.2, 0), dw::ShapeError);
  CHECK_THROWS_AS(dw::stratifiedTrainValidationTestSplit(Vector::Zero(10), 0.6, 0.6, 0), dw::InvalidArgument);
}

TEST_CASE("crossValScore refits one model per fold and matches a direct least-squares reference", "[evaluation][cv]") {
  dw::Dataset d = dw::makeLinear(60, 1.5, -0.5, 0.4, 3, -1.0, 1.0);
  dw::LinearRegression m;
  m.setLearningRate(0.5);
  m.setTolerance(1e-12);
  Vector scores = dw::crossValScore(m, d.X, d.y, 5, 7, 100000);
  REQUIRE(scores.size() == 5);
  auto folds = dw::kFold(60, 5, true, 7);
  for (int f = 0; f < 5; ++f) {
    const auto& fold = folds[std::size_t(f)];
    Matrix A(Index(fold.train.size()), 2);
    A << dw::takeMatrixRows(d.X, fold.train), Matrix::Ones(Index(fold.train.size()), 1);
    Vector p = A.colPivHouseholderQr().solve(dw::takeVectorRows(d.y, fold.train));
    Vector pred = (dw::takeMatrixRows(d.X, fold.test) * p(0)).array() + p(1);
    CHECK(scores(f) == Approx(dw::r2Score(dw::takeVectorRows(d.y, fold.test), pred)).margin(1e-6));
  }
  CHECK(dw::crossValScore(m, d.X, d.y, 5, 7, 100000) == scores);  // deterministic
  CHECK_THROWS_AS(dw::crossValScore(m, d.X, d.y, 61, 7, 10), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::crossValScore(m, d.X, d.y, 5, 7, -1), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::crossValScore(m, d.X, d.y.head(10), 5, 7, 10), dw::ShapeError);
}

TEST_CASE("crossValScore stratifies folds for classifiers", "[evaluation][cv]") {
  dw::Dataset d = dw::makeBlobs(40, 2, 0.5, 4);
  evaltest::NearestCentroid m;
  Vector scores = dw::crossValScore(m, d.X, d.y, 4, 1, 10);
  REQUIRE(scores.size() == 4);
  for (int f = 0; f < 4; ++f) CHECK(scores(f) >= 0.9);
}

TEST_CASE("learning curve: train error grows and validation error falls with n", "[evaluation][curves]") {
  dw::Dataset d = dw::makeLinear(200, 2.0, 1.0, 0.5, 8, -1.0, 1.0);
  dw::LinearRegression m;
  m.setLearningRate(0.5);
  m.setTolerance(1e-10);
  dw::CurvePoints c = dw::learningCurve(m, d.X, d.y, {2, 5, 20, 150}, 0.25, 3, 200000);
  REQUIRE(c.at.size() == 4);
  CHECK(c.at(0) == 2);
  CHECK(c.trainLoss(0) == Approx(0).margin(1e-8));   // a line through 2 points fits exactly
  CHECK(c.trainError(0) == Approx(c.trainLoss(0)).margin(1e-12));  // for MSE models they agree
  CHECK(c.validationError(0) > c.validationError(3));
  CHECK(c.trainError(3) > c.trainError(0));
  CHECK(c.validationError(3) == Approx(0.25).epsilon(0.35));  // approaches σ² = 0.25
  CHECK_THROWS_WITH(dw::learningCurve(m, d.X, d.y, {151}, 0.25, 3, 10), Contains("size=151"));
  CHECK_THROWS_AS(dw::learningCurve(m, d.X, d.y, {}, 0.25, 3, 10), dw::ShapeError);
}

TEST_CASE("validation curve applies each value through the callback", "[evaluation][curves]") {
  dw::Dataset d = dw::makeLinear(80, 2.0, 1.0, 0.3, 2, -1.0, 1.0);
  dw::LinearRegression m;
  std::vector<double> applied;
  auto apply = [&](dw::Model& model, double v) {
    applied.push_back(v);
    dynamic_cast<dw::LinearRegression&>(model).setLearningRate(v);
  };
  dw::CurvePoints c = dw::validationCurve(m, d.X, d.y, {0.001, 0.01, 0.5}, apply, 0.3, 4, 50);
  CHECK(applied == std::vector<double>{0.001, 0.01, 0.5});
  CHECK(c.at(1) == 0.01);
  // 50 steps: a tiny rate barely moves from w = 0, a good one has converged.
  CHECK(c.validationError(0) > c.validationError(1));
  CHECK(c.validationError(1) > c.validationError(2));
  CHECK(c.trainLoss(2) < 0.15);
  // A callback that rejects its value stops the sweep with that error.
  CHECK_THROWS_WITH(dw::validationCurve(m, d.X, d.y, {-1.0}, apply, 0.3, 4, 50), Contains("learningRate=-1"));
  CHECK_THROWS_AS(dw::validationCurve(m, d.X, d.y, {std::nan("")}, apply, 0.3, 4, 50), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::validationCurve(m, d.X, d.y, {1.0}, dw::ApplyValue(), 0.3, 4, 50), dw::InvalidArgument);
  // Classifier path: error is 1 − accuracy.
  dw::Dataset b = dw::makeBlobs(60, 2, 0.6, 3);
  evaltest::NearestCentroid nc;
  dw::CurvePoints cc = dw::validationCurve(nc, b.X, b.y, {0.0, 1.0}, [](dw::Model& model, double v) {
    dynamic_cast<evaltest::NearestCentroid&>(model).shrink = v;
  }, 0.3, 1, 5);
  CHECK(cc.validationError(0) < 0.1);
  CHECK(cc.validationError(1) == Approx(0.5).margin(0.1));  // both centroids collapse to 0
}

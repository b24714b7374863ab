#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/k_nearest_neighbors.hpp"
#include "fixture.hpp"

using dw::KNearestNeighbors;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
KNearestNeighbors fromFixture(const fixture::Json& f) {
  KNearestNeighbors m;
  m.setMode(f["mode"].text);
  m.setData(f["X"].matrix(), f["y"].vector());
  m.setK(static_cast<int>(f["k"].num()));
  m.setMetric(f["metric"].text);
  m.setWeighting(f["weighting"].text);
  m.fit(10);
  return m;
}

// Four points on a line at x = 0, 1, 2, 4 with labels 0, 0, 1, 1.
KNearestNeighbors straightLineKnn() {
  KNearestNeighbors m;
  Matrix X(4, 1);
  X << 0, 1, 2, 4;
  Vector y(4);
  y << 0, 0, 1, 1;
  m.setData(X, y);
  return m;
}
}  // namespace

TEST_CASE("KNN neighbours, probabilities and predictions match scikit-learn", "[knn][sklearn]") {
  for (const char* name : {"knn_classify_k5_euclidean_uniform", "knn_classify_k7_manhattan_distance",
                           "knn_regress_k4_euclidean_distance", "knn_regress_k3_manhattan_uniform"}) {
    INFO(name);
    fixture::Json f = fixture::load(name);
    KNearestNeighbors m = fromFixture(f);
    CHECK(m.status() == dw::Status::Converged);
    CHECK(m.steps() == 1);
    Matrix Q = f["queries"].matrix();
    Matrix idx = f["neighbor_indices"].matrix(), dist = f["neighbor_distances"].matrix();
    for (dw::Index r = 0; r < Q.rows(); ++r) {
      KNearestNeighbors::Neighbors nb = m.neighbors(Q.row(r).transpose());
      REQUIRE(nb.indices.size() == static_cast<std::size_t>(m.k()));
      for (int j = 0; j < m.k(); ++j) {
        CHECK(nb.indices[static_cast<std::size_t>(j)] == static_cast<int>(idx(r, j)));
        CHECK(nb.distances[static_cast<std::size_t>(j)] == Approx(dist(r, j)).margin(1e-12));
      }
    }
    Vector pred = m.predict(Q), expected = f["predict"].vector();
    for (dw::Index r = 0; r < Q.rows(); ++r) CHECK(pred(r) == Approx(expected(r)).margin(1e-12));
    if (f["mode"].text == "classify") {
      Matrix proba = m.predictProba(Q), ref = f["proba"].matrix();
      REQUIRE(proba.rows() == ref.rows());
      REQUIRE(proba.cols() == ref.cols());
      CHECK((proba - ref).cwiseAbs().maxCoeff() < 1e-12);
    }
    CHECK(m.score(f["X"].matrix(), f["y"].vector()) == Approx(f["train_score"].num()).margin(1e-12));
  }
}

TEST_CASE("KNN by hand: ties go to the lower index, votes and distance weights", "[knn]") {
  KNearestNeighbors m = straightLineKnn();
  m.setK(2);
  Vector q(1);
  q << 1.5;  // equidistant (0.5) from x=1 (index 1) and x=2 (index 2); x=0 and x=4 farther
  auto nb = m.neighbors(q);
  CHECK(nb.indices == std::vector<int>{1, 2});
  CHECK(nb.distances == std::vector<double>{0.5, 0.5});
  m.setK(3);
  q << 3.0;  // distances 3, 2, 1, 1: indices 2 and 3 tie at 1 → 2 first; then index 1
  nb = m.neighbors(q);
  CHECK(nb.indices == std::vector<int>{2, 3, 1});
  Vector v = m.votes(q);
  CHECK(v(0) == 1.0);
  CHECK(v(1) == 2.0);
  m.setWeighting("distance");
  v = m.votes(q);
  CHECK(v(0) == Approx(0.5));  // 1/2
  CHECK(v(1) == Approx(2.0));  // 1/1 + 1/1
  Matrix Q(1, 1);
  Q << 3.0;
  CHECK(m.predictProba(Q)(0, 1) == Approx(2.0 / 2.5));
  // An exact match takes all the weight (scikit-learn's rule).
  Q << 1.0;
  CHECK(m.predictProba(Q)(0, 0) == 1.0);
  // Regression on the same points: mean of the k nearest labels.
  m.setMode("regress");
  m.setWeighting("uniform");
  Q << 3.0;
  CHECK(m.predict(Q)(0) == Approx(2.0 / 3.0));
  CHECK_FALSE(m.isClassifier());
}

TEST_CASE("KNN rejects bad input with clear messages and keeps working", "[knn][errors]") {
  KNearestNeighbors m;
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_WITH(m.setK(0), Contains("k=0 must be at least 1"));
  CHECK_THROWS_AS(m.setK(-3), dw::InvalidArgument);
  m = straightLineKnn();
  CHECK_THROWS_WITH(m.setK(12), Contains("KNearestNeighbors.setK: k=12 exceeds the 4 training points"));
  CHECK(m.k() == 5);  // the default, too many for 4 points: use is refused with the same message
  CHECK_THROWS_WITH(m.step(), Contains("k=5 exceeds the 4 training points"));
  CHECK(std::isnan(m.loss()));
  m.setK(3);
  CHECK_THROWS_WITH(m.setMetric("cosine"), Contains("metric='cosine'"));
  CHECK_THROWS_AS(m.setWeighting("gaussian"), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setMode("cluster"), dw::InvalidArgument);
  Vector q(2);
  q << 1, 2;
  CHECK_THROWS_WITH(m.neighbors(q), Contains("the query has 2 value(s), expected 1"));
  Vector qn(1);
  qn << std::nan("");
  CHECK_THROWS_WITH(m.neighbors(qn), Contains("query[0]=NaN"));
  CHECK_THROWS_AS(m.predict(Matrix(2, 3)), dw::ShapeError);
  Matrix X(3, 1);
  X << 1, 2, std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(m.setData(X, Vector::Zero(3)), Contains("X[2][0]=Infinity"));
  X << 1, 2, 3;
  Vector y(3);
  y << 0, 1.5, 1;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("y[1]=1.5 is not a class label"));
  CHECK_THROWS_AS(m.setData(X, Vector::Zero(2)), dw::ShapeError);
  // Regression accepts any targets; switching back to classification checks them.
  m.setMode("regress");
  m.setData(X, y);
  CHECK_THROWS_AS(m.setMode("classify"), dw::InvalidArgument);
  CHECK(m.modeName() == "regress");
  CHECK_THROWS_AS(m.predictProba(X), dw::StateError);
  CHECK(m.fit(5) == 1);
  CHECK(m.status() == dw::Status::Converged);
}

TEST_CASE("KNN conformance: deterministic, step/fit/score consistent", "[knn][conformance]") {
  fixture::Json f = fixture::load("knn_classify_k5_euclidean_uniform");
  KNearestNeighbors a = fromFixture(f), b = fromFixture(f);
  a.reset(1);
  b.reset(99);
  a.fit(3);
  b.fit(3);
  Matrix Q = f["queries"].matrix();
  CHECK(a.params() == b.params());
  CHECK(a.predictProba(Q) == b.predictProba(Q));
  // Training loss is 1 − training accuracy, recorded in the trace.
  CHECK(a.loss() == Approx(1.0 - a.score(f["X"].matrix(), f["y"].vector())));
  CHECK(a.trace().at(a.trace().rows() - 1, "loss") == a.loss());
  CHECK(a.trace().at(0, "k") == 5);
  // Grid probabilities: classCount() values per cell, each row summing to 1.
  Vector grid = a.predictGrid(-3, 3, -3, 3, 4, 3);
  REQUIRE(grid.size() == 4 * 3 * a.classCount());
  for (int c = 0; c < 12; ++c) CHECK(grid.segment(c * a.classCount(), a.classCount()).sum() == Approx(1.0));
  // k = n votes over every point: the class proportions.
  KNearestNeighbors all = fromFixture(f);
  all.setK(40);
  Vector counts = Vector::Zero(3);
  for (dw::Index i = 0; i < 40; ++i) counts(static_cast<dw::Index>(f["y"].vector()(i))) += 1;
  CHECK((all.predictProba(Q).row(0).transpose() - counts / 40).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("KNN small-k and large-k searches agree, ties included", "[knn]") {
  // 60 points on a coarse integer lattice so many distances tie exactly.
  Matrix X(60, 2);
  Vector y(60);
  for (int i = 0; i < 60; ++i) {
    X(i, 0) = (i * 7) % 5;
    X(i, 1) = (i * 3) % 4;
    y(i) = i % 3;
  }
  Vector q(2);
  q << 2, 1.5;
  for (const char* metric : {"euclidean", "manhattan"}) {
    INFO(metric);
    KNearestNeighbors m;
    m.setData(X, y);
    m.setMetric(metric);
    m.setK(40);  // above the insertion-buffer limit: the partial-sort path
    auto big = m.neighbors(q);
    // Reference: every index ordered by (distance, index).
    std::vector<std::pair<double, int>> all;
    for (int i = 0; i < 60; ++i) {
      double dx = X(i, 0) - q(0), dy = X(i, 1) - q(1);
      all.push_back({std::string(metric) == "euclidean" ? std::sqrt(dx * dx + dy * dy) : std::fabs(dx) + std::fabs(dy), i});
    }
    std::sort(all.begin(), all.end());
    for (int j = 0; j < 40; ++j) {
      CHECK(big.indices[static_cast<std::size_t>(j)] == all[static_cast<std::size_t>(j)].second);
      CHECK(big.distances[static_cast<std::size_t>(j)] == all[static_cast<std::size_t>(j)].first);
    }
    m.setK(9);  // the insertion-buffer path gives the first 9 of the same order
    auto small = m.neighbors(q);
    for (int j = 0; j < 9; ++j) CHECK(small.indices[static_cast<std::size_t>(j)] == big.indices[static_cast<std::size_t>(j)]);
  }
}

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "dw/anomaly_detection.hpp"
#include "dw/errors.hpp"
#include "dw/metrics.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using fixture::vec;

namespace {
Vector ranks(const Vector& v) {
  std::vector<int> order(std::size_t(v.size()));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return v(a) < v(b); });
  Vector r(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) r(order[i]) = double(i);
  return r;
}
double spearman(const Vector& a, const Vector& b) {
  Vector ra = ranks(a), rb = ranks(b);
  ra.array() -= ra.mean();
  rb.array() -= rb.mean();
  return ra.dot(rb) / (ra.norm() * rb.norm());
}
}  // namespace

TEST_CASE("averagePathLength: c(n) by hand", "[anomaly]") {
  CHECK(dw::averagePathLength(0) == 0);
  CHECK(dw::averagePathLength(1) == 0);
  CHECK(dw::averagePathLength(2) == 1);
  // c(3) = 2(ln 2 + γ) − 4/3 = 2(0.693147 + 0.577216) − 1.333333 = 1.207392
  CHECK(dw::averagePathLength(3) == Approx(1.207392).margin(1e-6));
  // c(256) = 2(ln 255 + γ) − 510/256 = 2(5.541264 + 0.577216) − 1.992188 = 10.244771
  CHECK(dw::averagePathLength(256) == Approx(10.244771).margin(1e-6));
}

TEST_CASE("z-scores by hand, global and rolling", "[anomaly]") {
  Matrix X(5, 1);
  X << 1, 2, 3, 4, 10;  // mean 4, population variance (9 + 4 + 1 + 0 + 36)/5 = 10
  Matrix Z = dw::zScores(X);
  CHECK(Z(4, 0) == Approx(6 / std::sqrt(10.0)));
  CHECK(Z(0, 0) == Approx(-3 / std::sqrt(10.0)));
  Matrix P(3, 2);
  P << 0, 0, 0, 3, 3, 3;  // each column has mean 1 or 2 and s = √2 (squared deviations 1, 1, 4 → 6/3)
  Vector m = dw::zScoreAnomaly(P);
  CHECK(m(1) == Approx(1 / std::sqrt(2.0)));  // |0 − 1|/√2 and |3 − 2|/√2: both 0.707
  CHECK(m(2) == Approx(2 / std::sqrt(2.0)));  // x₁ = 3: |3 − 1|/√2 = 1.414, the larger
  Vector roll = dw::rollingZScores(vec({1, 2, 3, 4, 10}), 3);
  CHECK(roll(0) == 0);
  CHECK(roll(2) == 0);  // the first `window` steps have no full window before them
  CHECK(roll(3) == Approx(2 / std::sqrt(2.0 / 3)));  // window 1, 2, 3: mean 2, s = √(2/3)
  CHECK(roll(4) == Approx(7 / std::sqrt(2.0 / 3)));  // window 2, 3, 4: mean 3
  CHECK_THROWS_AS(dw::rollingZScores(vec({1, 2, 3}), 3), dw::InvalidArgument);
  Matrix flat(3, 1);
  flat << 2, 2, 2;
  CHECK(dw::zScores(flat).isZero());  // a constant column: no spread, no z
}

TEST_CASE("contaminationThreshold: numpy's linear percentile", "[anomaly]") {
  Vector s = vec({0.5, 0.1, 0.4, 0.2, 0.3});
  // The 80th percentile of 0.1 … 0.5: position 0.8·4 = 3.2 → 0.4 + 0.2·0.1 = 0.42
  double t = dw::contaminationThreshold(s, 0.2);
  CHECK(t == Approx(0.42));
  CHECK(dw::flagAbove(s, t) == vec({1, 0, 0, 0, 0}));
  CHECK_THROWS_AS(dw::contaminationThreshold(s, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::contaminationThreshold(s, 0.6), dw::InvalidArgument);
}

TEST_CASE("IsolationForest: two points give every query the score 0.5", "[anomaly]") {
  // ψ = 2: the root cuts the two points apart, each leaf holds one, h = 1 + c(1) = 1 = c(2).
  Matrix X(2, 2);
  X << 0, 0, 1, 1;
  dw::IsolationForest f(5, 2);
  f.fit(X, 3);
  Matrix q(3, 2);
  q << 0, 0, 5, -5, 0.5, 0.5;
  Vector s = f.scores(q);
  for (int i = 0; i < 3; ++i) CHECK(s(i) == Approx(0.5));
  CHECK(f.pathLengths(q)(1) == Approx(1));
}

TEST_CASE("IsolationForest: an obvious outlier scores highest; scores in (0, 1); seeded", "[anomaly]") {
  Matrix X(41, 2);
  for (int i = 0; i < 40; ++i) X.row(i) << std::cos(i * 0.7) * 0.3, std::sin(i * 1.3) * 0.3;
  X.row(40) << 6, 6;
  dw::IsolationForest f(100, 32);
  f.fit(X, 1);
  Vector s = f.scores(X);
  dw::Index top;
  s.maxCoeff(&top);
  CHECK(top == 40);
  CHECK(s(40) > 0.7);
  CHECK(s.minCoeff() > 0);
  CHECK(s.maxCoeff() < 1);
  dw::IsolationForest g(100, 32);
  g.fit(X, 1);
  CHECK(g.scores(X) == s);
  g.fit(X, 2);
  CHECK(g.scores(X) != s);
  // The grid samples cell centres: a 1 × 1 grid over [5, 7]² is the outlier's own spot.
  Matrix centre(1, 2);
  centre << 6, 6;
  CHECK(f.scoreGrid(5, 7, 5, 7, 1, 1)(0) == Approx(f.scores(centre)(0)));
  CHECK_THROWS_AS(f.scoreGrid(1, 0, 0, 1, 4, 4), dw::InvalidArgument);
  CHECK_THROWS_AS(f.scores(Matrix(1, 3)), dw::ShapeError);
  dw::IsolationForest empty;
  CHECK_THROWS_AS(empty.scores(X), dw::StateError);
  CHECK_THROWS_AS(empty.fit(Matrix(1, 2), 1), dw::ShapeError);
  CHECK_THROWS_AS(empty.setSubsample(1), dw::InvalidArgument);
}

TEST_CASE("IsolationForest ranks like scikit-learn's on planted outliers", "[anomaly][sklearn]") {
  auto f = fixture::load("anomaly_isolation_forest");
  Matrix X = f["X"].matrix();
  Vector labels = f["labels"].vector();
  Vector sklearn = f["scores"].vector();
  dw::IsolationForest forest(int(f["trees"].num()), int(f["subsample"].num()));
  forest.fit(X, 0);
  Vector ours = forest.scores(X);
  // Different random streams, so values differ; the ranking and the AUC should not by much.
  // Tolerances measured over seeds 0–9: Spearman ≥ 0.9 and AUC within 0.05 of scikit-learn's.
  CHECK(spearman(ours, sklearn) > 0.9);
  CHECK(std::fabs(dw::rocAuc(labels, ours) - f["auc"].num()) < 0.05);
  // The far outliers score above every normal point, as in scikit-learn.
  double normalMax = ours.head(200).maxCoeff();
  for (int i = 201; i < 206; ++i) CHECK(ours(i) > normalMax);
}

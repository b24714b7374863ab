#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/kmeans.hpp"
#include "fixture.hpp"

using dw::KMeans;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
Matrix column(std::initializer_list<double> values) {
  Matrix X(static_cast<dw::Index>(values.size()), 1);
  dw::Index i = 0;
  for (double v : values) X(i++, 0) = v;
  return X;
}

// Seed 001's worked example: points {1,2,3,9,10,11}, k=2, starting centroids 2 and 4.
KMeans workedExample() {
  KMeans m;
  m.setK(2);
  m.setData(column({1, 2, 3, 9, 10, 11}), Vector());
  m.setCentroids(column({2, 4}));
  return m;
}
}  // namespace

TEST_CASE("seed 001 worked example: centroids 2 and 10, inertia 4, converged on step 2", "[kmeans][golden]") {
  KMeans m = workedExample();
  // Row 0: nearest-centroid inertia of the start: 1→2 (1), 2 (0), 3 ties at distance 1 and goes
  // to the lower index c1 (1), 9,10,11 → 4 (25+36+49): 112.
  CHECK(m.loss() == Approx(112.0));
  // Step 1 = assign {1,2,3}→c1, {9,10,11}→c2, then move: c1 = mean(1,2,3) = 2, c2 = 10.
  m.step();
  CHECK(m.labels() == std::vector<int>{0, 0, 0, 1, 1, 1});
  CHECK(m.centroids()(0, 0) == 2.0);
  CHECK(m.centroids()(1, 0) == 10.0);
  CHECK(m.loss() == 4.0);  // (1+0+1) + (1+0+1)
  CHECK(m.status() == dw::Status::Ready);
  // Step 2 = an assignment that changes nothing: converged, no move needed.
  m.step();
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.steps() == 2);
  CHECK(m.loss() == 4.0);
  CHECK(m.trace().rows() == 3);
  CHECK(m.trace().at(1, "changed") == 6);
  CHECK(m.trace().at(2, "changed") == 0);
  CHECK(m.trace().at(2, "c1_0") == 10.0);
  CHECK(m.score(column({0, 12}), Vector()) == Approx(-(4.0 + 4.0)));
  CHECK(m.predict(column({6, 6.0000001}))(0) == 0);  // 6 is equidistant: lower index wins
  CHECK(m.predict(column({6, 6.0000001}))(1) == 1);
  // fit() from a fresh start gives the same and stops by itself.
  KMeans again = workedExample();
  CHECK(again.fit(100) == 2);
}

TEST_CASE("assign and update halves match whole steps", "[kmeans]") {
  KMeans halves = workedExample();
  CHECK(halves.assignStep() == 6);
  CHECK(halves.awaitingUpdate());
  CHECK(halves.loss() == Approx(1 + 0 + 1 + 25 + 36 + 49));  // labels new, centroids not yet moved
  CHECK(halves.steps() == 0);
  CHECK_THROWS_WITH(halves.assignStep(), Contains("call updateStep()"));
  CHECK(halves.updateStep() == 4.0);
  CHECK(halves.steps() == 1);
  CHECK_THROWS_WITH(halves.updateStep(), Contains("assign the points first"));
  CHECK(halves.assignStep() == 0);
  CHECK(halves.status() == dw::Status::Converged);
  CHECK(halves.steps() == 2);
  KMeans mixed = workedExample();
  mixed.assignStep();
  mixed.step();  // completes the pending iteration with the move only
  CHECK(mixed.centroids()(1, 0) == 10.0);
  CHECK(mixed.steps() == 1);
}

TEST_CASE("given start matches scikit-learn's Lloyd run", "[kmeans][sklearn]") {
  auto f = fixture::load("unsupervised_kmeans_given");
  KMeans m;
  m.setK(4);
  m.setData(f["X"].matrix(), Vector());
  m.setCentroids(f["init"].matrix());
  m.fit(300);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.loss() == Approx(f["inertia"].num()).epsilon(1e-10));
  Matrix expected = f["centroids"].matrix();
  CHECK((m.centroids() - expected).cwiseAbs().maxCoeff() < 1e-9);
  Vector labels = f["labels"].vector();
  for (dw::Index i = 0; i < labels.size(); ++i) CHECK(m.labels()[i] == labels(i));
  // scikit-learn counts the confirming assignment as its last iteration too.
  CHECK(m.steps() == f["n_iter"].num());
}

TEST_CASE("k-means++, restarts and the elbow curve", "[kmeans]") {
  dw::Dataset d = dw::makeBlobs(300, 4, 0.4, 3);
  KMeans m;
  m.setK(4);
  m.setData(d.X, d.y);  // y is ignored
  m.reset(5);
  m.fit(500);
  double single = m.loss();
  m.setRestarts(8);
  double best = m.fitBest(500);
  CHECK(best <= single + 1e-9);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.loss() == Approx(best));
  std::vector<double> elbow = m.elbowCurve(7);
  REQUIRE(elbow.size() == 7);
  for (std::size_t k = 1; k < elbow.size(); ++k) CHECK(elbow[k] <= elbow[k - 1] + 1e-9);
  // The elbow: going from 3 to 4 clusters cuts far more than 4 to 5 on 4 blobs.
  CHECK(elbow[2] - elbow[3] > 5 * (elbow[3] - elbow[4]));
  // k = 1 is the total sum of squares about the mean.
  double tss = (d.X.rowwise() - d.X.colwise().mean()).squaredNorm();
  CHECK(elbow[0] == Approx(tss));
  // Random init also converges; every init keeps k centroids.
  m.setInit("random");
  m.fit(500);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.centroids().rows() == 4);
}

TEST_CASE("k-means is deterministic for a seed", "[kmeans][determinism]") {
  dw::Dataset d = dw::makeBlobs(200, 3, 0.8, 9);
  auto run = [&](std::uint32_t seed) {
    KMeans m;
    m.setData(d.X, Vector());
    m.reset(seed);
    m.fit(100);
    return m.params();
  };
  CHECK(run(4) == run(4));
  KMeans a, b;
  a.setData(d.X, Vector());
  b.setData(d.X, Vector());
  a.reset(1);
  b.reset(2);
  CHECK(a.params() != b.params());
  CHECK(a.elbowCurve(5) == a.elbowCurve(5));
}

TEST_CASE("an empty cluster keeps its centroid", "[kmeans]") {
  KMeans m;
  m.setK(2);
  m.setData(column({0, 1, 2}), Vector());
  m.setCentroids(column({1, 100}));
  m.step();
  CHECK(m.centroids()(1, 0) == 100.0);
  CHECK(m.emptyClusters() == 1);
  CHECK(m.trace().at(1, "empty") == 1);
}

TEST_CASE("k-means rejects bad input with clear messages", "[kmeans][errors]") {
  KMeans m;
  CHECK_THROWS_AS(m.setK(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setK(-2), dw::InvalidArgument);
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_AS(m.assignStep(), dw::StateError);
  m.setK(3);
  CHECK_THROWS_WITH(m.setData(column({1, 2}), Vector()), Contains("k=3 clusters need at least 3 points"));
  Matrix X = column({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK_THROWS_AS(m.setData(X, Vector(4)), dw::ShapeError);
  Matrix bad = X;
  bad(4, 0) = std::nan("");
  CHECK_THROWS_WITH(m.setData(bad, Vector()), Contains("X[4][0]=NaN"));
  CHECK_THROWS_AS(m.setData(Matrix(0, 1), Vector()), dw::ShapeError);
  m.setData(X, Vector::Zero(10));  // y of the right length is accepted and ignored
  CHECK_THROWS_WITH(m.setK(12), Contains("KMeans.setK: k=12 exceeds the 10 points"));
  CHECK_THROWS_WITH(m.setInit("kmeans"), Contains("init='kmeans'"));
  CHECK_THROWS_AS(m.setInit("given"), dw::StateError);
  CHECK_THROWS_AS(m.setCentroids(Matrix::Zero(2, 2)), dw::ShapeError);
  CHECK_THROWS_AS(m.setCentroids(Matrix::Zero(11, 1)), dw::ShapeError);
  CHECK_THROWS_AS(m.setRestarts(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.elbowCurve(11), dw::InvalidArgument);
  CHECK_THROWS_AS(m.predict(Matrix::Zero(2, 2)), dw::ShapeError);
  CHECK_THROWS_AS(m.fitBest(0), dw::InvalidArgument);
  // Still works after every rejected call.
  CHECK(m.fit(100) >= 1);
  CHECK(m.status() == dw::Status::Converged);
}

#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/dbscan.hpp"
#include "dw/errors.hpp"
#include "dw/silhouette.hpp"
#include "fixture.hpp"

using dw::DBSCAN;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
void checkDbscanAgainstSklearn(const char* name) {
  auto f = fixture::load(name);
  DBSCAN m;
  m.setEps(f["eps"].num());
  m.setMinSamples(static_cast<int>(f["min_samples"].num()));
  m.setData(f["X"].matrix(), Vector());
  Vector labels = f["labels"].vector();
  Vector core = f["core"].vector();
  int clusters = static_cast<int>(labels.maxCoeff()) + 1;
  // One step per cluster; the step that finds the last one also reports convergence.
  CHECK(m.fit(1000) == clusters);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.clusterCount() == clusters);
  int mismatches = 0;
  for (dw::Index i = 0; i < labels.size(); ++i) {
    mismatches += m.labels()[i] != labels(i);
    mismatches += m.corePoints()[i] != core(i);
  }
  CHECK(mismatches == 0);
  CHECK(m.loss() == Approx((labels.array() < 0).count() / double(labels.size())));
  CHECK(m.trace().rows() == static_cast<std::size_t>(clusters + 1));
}
}  // namespace

TEST_CASE("DBSCAN labels and core points match scikit-learn", "[dbscan][sklearn]") {
  checkDbscanAgainstSklearn("unsupervised_dbscan_moons");
  checkDbscanAgainstSklearn("unsupervised_dbscan_blobs");
}

TEST_CASE("DBSCAN by hand: a chain, a border point and noise", "[dbscan][golden]") {
  // 1-D, eps = 1, minSamples = 3: 0,1,2 are a chain (1 is core with 0 and 2; 0 and 2 have only
  // 2 neighbours each → border); 10,10.5,11 lie within 1 of each other, all core; 20 is noise.
  Matrix X(7, 1);
  X << 0, 1, 2, 10, 10.5, 11, 20;
  DBSCAN m;
  m.setEps(1.0);
  m.setMinSamples(3);
  m.setData(X, Vector());
  CHECK(m.corePoints() == std::vector<int>{0, 1, 0, 1, 1, 1, 0});
  m.step();
  CHECK(m.labels() == std::vector<int>{0, 0, 0, -1, -1, -1, -1});
  CHECK(m.status() == dw::Status::Ready);
  m.step();
  CHECK(m.labels() == std::vector<int>{0, 0, 0, 1, 1, 1, -1});
  CHECK(m.status() == dw::Status::Converged);
  Matrix q(3, 1);
  q << 1.5, 9.6, 5;
  Vector p = m.predict(q);
  CHECK(p(0) == 0);
  CHECK(p(1) == 1);
  CHECK(p(2) == -1);
  // Tuning rebuilds: minSamples = 1 makes every point core and its own cluster when far apart.
  m.setMinSamples(1);
  m.fit(100);
  CHECK(m.clusterCount() == 3);
}

TEST_CASE("DBSCAN rejects bad input", "[dbscan][errors]") {
  DBSCAN m;
  CHECK_THROWS_WITH(m.setEps(0), Contains("eps=0"));
  CHECK_THROWS_AS(m.setEps(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setEps(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setMinSamples(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.step(), dw::StateError);
  Matrix X(3, 2);
  X << 0, 0, 1, std::nan(""), 2, 2;
  CHECK_THROWS_AS(m.setData(X, Vector()), dw::InvalidArgument);
  X(1, 1) = 1;
  CHECK_THROWS_AS(m.setData(X, Vector(2)), dw::ShapeError);
  m.setData(X, Vector());
  CHECK_THROWS_AS(m.predict(Matrix::Zero(1, 3)), dw::ShapeError);
  CHECK(m.fit(10) == 1);  // no core points with minSamples 5: converged, all noise
  CHECK(m.loss() == 1.0);
}

TEST_CASE("silhouette matches scikit-learn", "[silhouette][sklearn]") {
  auto f = fixture::load("unsupervised_silhouette");
  Matrix X = f["X"].matrix();
  Vector labels = f["labels"].vector();
  Vector s = dw::silhouetteSamples(X, labels);
  Vector expected = f["samples"].vector();
  CHECK((s - expected).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(dw::silhouetteScore(X, labels) == Approx(f["score"].num()).epsilon(1e-12));
  CHECK(s(6) == 0.0);  // the singleton
}

TEST_CASE("silhouette by hand and its errors", "[silhouette][golden][errors]") {
  // Points 0, 1 (cluster A) and 5 (cluster B). For 0: a = 1, b = 5 → s = 0.8.
  // For 1: a = 1, b = 4 → 0.75. For 5: singleton → 0.
  Matrix X(3, 1);
  X << 0, 1, 5;
  Vector l(3);
  l << 2, 2, 9;
  Vector s = dw::silhouetteSamples(X, l);
  CHECK(s(0) == Approx(0.8));
  CHECK(s(1) == Approx(0.75));
  CHECK(s(2) == 0.0);
  Vector one(3);
  one << 1, 1, 1;
  CHECK_THROWS_WITH(dw::silhouetteScore(X, one), Contains("found 1 distinct label(s)"));
  Vector singletons(3);
  singletons << 0, 1, 2;
  CHECK_THROWS_AS(dw::silhouetteScore(X, singletons), dw::InvalidArgument);
  Vector fractional(3);
  fractional << 0, 0.5, 1;
  CHECK_THROWS_WITH(dw::silhouetteScore(X, fractional), Contains("labels[1]=0.5"));
  CHECK_THROWS_AS(dw::silhouetteScore(X, Vector(2)), dw::ShapeError);
  Matrix bad = X;
  bad(0, 0) = INFINITY;
  CHECK_THROWS_AS(dw::silhouetteScore(bad, l), dw::InvalidArgument);
}

TEST_CASE("DBSCAN score is the silhouette without noise", "[dbscan][silhouette]") {
  auto f = fixture::load("unsupervised_dbscan_blobs");
  DBSCAN m;
  m.setEps(f["eps"].num());
  m.setMinSamples(4);
  Matrix X = f["X"].matrix();
  m.setData(X, Vector());
  m.fit(100);
  double sc = m.score(X, Vector());
  CHECK(sc > 0.5);
  CHECK(sc <= 1.0);
}

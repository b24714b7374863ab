// Gaussian-process regression, expected improvement and the Bayesian search driver, checked by
// hand and against scikit-learn / SciPy (tests/fixtures/gaussian_process.json, written by
// tests/fixtures/generators/gaussian_process.py).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "dw/bayes_search.hpp"
#include "dw/errors.hpp"
#include "dw/gaussian_process.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("GP posterior mean and std match scikit-learn with a fixed kernel", "[gaussian_process]") {
  fixture::Json f = fixture::load("gaussian_process");
  Matrix X = f["X"].matrix();
  Vector y = f["y"].vector();
  Matrix Q = f["Q"].matrix();
  for (std::size_t c = 0; c < f["cases"].size(); ++c) {
    fixture::Json k = f["cases"][c];
    INFO("case " << c << " kernel " << k["kernel"].text);
    dw::GaussianProcess gp;
    gp.setKernel(k["kernel"].text);
    gp.setLengthScale(k["lengthScale"].num());
    gp.setNoise(k["noise"].num());
    gp.fit(X, y);
    dw::GpPrediction p = gp.predict(Q);
    Vector mean = k["mean"].vector(), sd = k["std"].vector();
    REQUIRE(p.mean.size() == mean.size());
    for (dw::Index i = 0; i < mean.size(); ++i) {
      CHECK(p.mean(i) == Approx(mean(i)).margin(1e-9));
      CHECK(p.std(i) == Approx(sd(i)).margin(1e-7));
    }
    CHECK(gp.logMarginalLikelihood() == Approx(k["logMarginalLikelihood"].num()).margin(1e-8));
  }
}

TEST_CASE("GP by hand: one observation", "[gaussian_process]") {
  // One point: normalised target 0 (sd 0 → 1), so the mean is the observation everywhere; the
  // variance at distance r is 1 − k(r)²/(1 + α). RBF, ℓ = 0.5, r = 0.5: k = e^{−½}.
  dw::GaussianProcess gp;
  gp.setKernel("rbf");
  gp.setLengthScale(0.5);
  gp.setNoise(0);
  Matrix X(1, 2);
  X << 0.2, 0.2;
  Vector y(1);
  y << 0.8;
  gp.fit(X, y);
  Matrix Q(2, 2);
  Q << 0.2, 0.2, 0.7, 0.2;
  dw::GpPrediction p = gp.predict(Q);
  CHECK(p.mean(0) == Approx(0.8).margin(1e-15));
  CHECK(p.mean(1) == Approx(0.8).margin(1e-15));
  CHECK(p.std(0) == Approx(0).margin(1e-12));
  CHECK(p.std(1) == Approx(std::sqrt(1 - std::exp(-1.0))).margin(1e-12));
  // Matérn 5/2 at r = ℓ: (1 + √5 + 5/3) e^{−√5}.
  CHECK(dw::gpKernelValue(dw::GpKernel::Matern52, 0.3, 0.3) == Approx((1 + std::sqrt(5.0) + 5.0 / 3) * std::exp(-std::sqrt(5.0))).margin(1e-15));
  CHECK(dw::gpKernelValue(dw::GpKernel::Rbf, 0, 0.3) == 1.0);
}

TEST_CASE("Expected improvement matches SciPy and the hand-derived limits", "[gaussian_process]") {
  fixture::Json f = fixture::load("gaussian_process");
  for (std::size_t c = 0; c < f["expectedImprovement"].size(); ++c) {
    fixture::Json e = f["expectedImprovement"][c];
    INFO("case " << c);
    CHECK(dw::expectedImprovement(e["mean"].num(), e["std"].num(), e["best"].num(), e["xi"].num()) == Approx(e["ei"].num()).margin(1e-12));
  }
  // By hand: at μ = best, ξ = 0, z = 0, so EI = σ φ(0) = σ / √(2π).
  CHECK(dw::expectedImprovement(0.9, 0.05, 0.9, 0) == Approx(0.05 / std::sqrt(2 * 3.14159265358979323846)).margin(1e-15));
  // σ = 0 with the mean below the best: nothing to gain.
  CHECK(dw::expectedImprovement(0.8, 0, 0.9, 0.01) == 0.0);
  // σ = 0 above best + ξ: the sure gain μ − best − ξ.
  CHECK(dw::expectedImprovement(0.95, 0, 0.9, 0.01) == Approx(0.04).margin(1e-15));
  // Far below the best with a small σ: EI underflows to 0, never negative.
  CHECK(dw::expectedImprovement(0.1, 0.01, 0.9, 0) == 0.0);
  CHECK(dw::normalCdf(0) == 0.5);
  CHECK(dw::normalCdf(1.959963984540054) == Approx(0.975).margin(1e-12));
}

TEST_CASE("GP and EI reject bad input with typed errors", "[gaussian_process]") {
  dw::GaussianProcess gp;
  CHECK_THROWS_AS(gp.setKernel("linear"), dw::InvalidArgument);
  CHECK_THROWS_WITH(gp.setLengthScale(0), Contains("GaussianProcess.setLengthScale"));
  CHECK_THROWS_AS(gp.setNoise(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(gp.predict(Matrix::Zero(1, 2)), dw::StateError);
  Matrix X(2, 2);
  X << 0.1, 0.1, 0.1, 0.1;
  Vector y(2);
  y << 0.5, 0.6;
  gp.setNoise(0);
  CHECK_THROWS_AS(gp.fit(X, y), dw::StateError);  // duplicate rows, no noise
  CHECK_THROWS_AS(gp.fit(X, Vector::Zero(3)), dw::ShapeError);
  y(0) = std::nan("");
  gp.setNoise(1e-6);
  CHECK_THROWS_AS(gp.fit(X, y), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::expectedImprovement(0.5, -0.1, 0.4, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::expectedImprovement(0.5, 0.1, 0.4, -0.01), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::expectedImprovement(std::nan(""), 0.1, 0.4, 0), dw::InvalidArgument);
}

namespace {
// A smooth score with its maximum 0.95 at (0.7, 0.3).
double bowl(double u, double v) { return 0.95 - 0.6 * ((u - 0.7) * (u - 0.7) + (v - 0.3) * (v - 0.3)); }

std::vector<dw::BayesProposal> run(dw::BayesSearch& s, std::uint32_t seed, int trials) {
  s.reset(seed);
  std::vector<dw::BayesProposal> out;
  for (int t = 0; t < trials; ++t) {
    dw::BayesProposal p = s.next();
    s.tell(p.u, p.v, bowl(p.u, p.v));
    out.push_back(p);
  }
  return out;
}
}  // namespace

TEST_CASE("Bayesian search: seeded starts, then the candidate of largest EI", "[gaussian_process]") {
  dw::BayesSearch s;
  std::vector<dw::BayesProposal> a = run(s, 7, 12);
  // The first four are random starts, the rest EI choices on the 41 × 41 cell-centre grid.
  for (int t = 0; t < 12; ++t) {
    CHECK(a[t].initial == (t < 4));
    if (t >= 4) {
      CHECK(std::fabs(a[t].u * 41 - 0.5 - std::round(a[t].u * 41 - 0.5)) < 1e-9);
      CHECK(a[t].ei > 0);
    }
  }
  // Each EI choice is the argmax of the surface the GP had at that moment.
  dw::BayesSearch replay;
  replay.reset(7);
  for (int t = 0; t < 12; ++t) {
    if (t >= 4) {
      dw::BayesSurface surf = replay.surface(41);
      Eigen::Index arg;
      double top = surf.ei.maxCoeff(&arg);
      CHECK(top == Approx(a[t].ei).margin(1e-15));
      CHECK(a[t].u == Approx((arg % 41 + 0.5) / 41).margin(1e-15));
      CHECK(a[t].v == Approx((arg / 41 + 0.5) / 41).margin(1e-15));
    }
    replay.tell(a[t].u, a[t].v, bowl(a[t].u, a[t].v));
  }
  // It homes in on the maximum: within 0.1 of (0.7, 0.3) by the 12th trial and better than every start.
  double bestStart = 0;
  for (int t = 0; t < 4; ++t) bestStart = std::max(bestStart, bowl(a[t].u, a[t].v));
  CHECK(s.best() > bestStart);
  CHECK(s.best() > 0.95 - 0.6 * 0.01);
}

TEST_CASE("Bayesian search is deterministic for a seed and differs across seeds", "[gaussian_process]") {
  dw::BayesSearch s1, s2;
  std::vector<dw::BayesProposal> a = run(s1, 3, 10), b = run(s2, 3, 10), c = run(s2, 4, 10);
  bool sameAsOtherSeed = true;
  for (int t = 0; t < 10; ++t) {
    CHECK(a[t].u == b[t].u);
    CHECK(a[t].v == b[t].v);
    CHECK(a[t].ei == b[t].ei);
    if (a[t].u != c[t].u || a[t].v != c[t].v) sameAsOtherSeed = false;
  }
  CHECK_FALSE(sameAsOtherSeed);
}

TEST_CASE("Bayesian search picks ℓ by marginal likelihood from its grid, or uses a fixed one", "[gaussian_process]") {
  dw::BayesSearch s;
  run(s, 1, 8);
  dw::BayesSurface surf = s.surface(5);
  // The chosen ℓ beats every other grid value's log marginal likelihood.
  double chosenLml = 0;
  double bestOther = -1e300;
  for (double ell : dw::BayesSearch::kLengthScales) {
    dw::GaussianProcess gp;
    gp.setNoise(1e-4);
    gp.setLengthScale(ell);
    gp.fit(s.points(), s.scores());
    if (ell == surf.lengthScale) chosenLml = gp.logMarginalLikelihood();
    else bestOther = std::max(bestOther, gp.logMarginalLikelihood());
  }
  CHECK(chosenLml >= bestOther);
  s.setLengthScale(0.25);
  CHECK(s.surface(5).lengthScale == 0.25);
  CHECK(s.next().lengthScale == 0.25);
  // Surface: n × n, EI ≥ 0, std 0 … nothing negative.
  CHECK(surf.mean.size() == 25);
  CHECK(surf.ei.minCoeff() >= 0);
  CHECK(surf.std.minCoeff() >= 0);
}

TEST_CASE("Bayesian search rejects bad input with typed errors", "[gaussian_process]") {
  dw::BayesSearch s;
  CHECK_THROWS_AS(s.setInitialTrials(0), dw::InvalidArgument);
  CHECK_THROWS_AS(s.setCandidatesPerAxis(1), dw::InvalidArgument);
  CHECK_THROWS_AS(s.setXi(-0.1), dw::InvalidArgument);
  CHECK_THROWS_AS(s.setKernel("cubic"), dw::InvalidArgument);
  CHECK_THROWS_AS(s.setLengthScale(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(s.tell(1.5, 0.2, 0.8), dw::InvalidArgument);
  CHECK_THROWS_AS(s.tell(0.5, 0.2, std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_WITH(s.best(), Contains("no scores"));
  CHECK_THROWS_AS(s.surface(4), dw::StateError);
  s.tell(0.5, 0.5, 0.7);
  CHECK_THROWS_AS(s.surface(0), dw::InvalidArgument);
  CHECK_THROWS_AS(s.predict(Matrix::Zero(1, 3)), dw::ShapeError);
}

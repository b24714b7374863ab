// Distributions: log-likelihoods, maximum-likelihood fits, entropy, cross-entropy, KL divergence and the
// sampling populations, checked by hand and against SciPy (tests/fixtures/distributions.json, written
// by tests/fixtures/generators/distributions.py).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/detmath.hpp"
#include "dw/distributions.hpp"
#include "dw/errors.hpp"
#include "fixture.hpp"

using dw::Vector;
using Catch::Matchers::Contains;

namespace {
using fixture::vec;
}  // namespace

TEST_CASE("Gaussian maximum likelihood by hand", "[distributions]") {
  // Points 1, 2, 6: mean 3; squared deviations 4 + 1 + 9 = 14, so the 1/n variance is 14/3.
  Vector xs = vec({1, 2, 6});
  dw::GaussianFit f = dw::gaussianFit(xs);
  CHECK(f.n == 3);
  CHECK(f.mu == Approx(3).margin(1e-15));
  CHECK(f.variance == Approx(14.0 / 3).margin(1e-14));
  CHECK(f.s == Approx(std::sqrt(14.0 / 3)).margin(1e-14));
  // At the maximum: −(3/2)(ln(2π·14/3) + 1).
  CHECK(f.logLikelihood == Approx(-1.5 * (std::log(2 * dw::detmath::kPi * 14 / 3) + 1)).margin(1e-12));
  CHECK(dw::gaussianLogLikelihood(xs, f.mu, f.s) == Approx(f.logLikelihood).margin(1e-12));
  // Any other (μ, s) is lower.
  for (double dm : {-0.1, 0.1})
    for (double ds : {-0.1, 0.0, 0.1}) CHECK(dw::gaussianLogLikelihood(xs, f.mu + dm, f.s + ds) < f.logLikelihood);
  CHECK(dw::gaussianLogLikelihood(xs, f.mu, f.s + 0.1) < f.logLikelihood);
  // One point's log density at its own mean with s = 1: −½ ln 2π.
  CHECK(dw::gaussianLogPdf(0, 0, 1) == Approx(-0.5 * std::log(2 * dw::detmath::kPi)).margin(1e-15));
}

TEST_CASE("The log-likelihood grid matches point-by-point sums at cell centres", "[distributions]") {
  Vector xs = vec({-1, 0.5, 2, 2.5});
  Vector g = dw::gaussianLogLikelihoodGrid(xs, -2, 4, 0.5, 3.5, 6, 3);
  REQUIRE(g.size() == 18);
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 6; ++i) {
      double mu = -2 + (i + 0.5), s = 0.5 + (j + 0.5);
      CHECK(g(j * 6 + i) == Approx(dw::gaussianLogLikelihood(xs, mu, s)).margin(1e-10));
    }
}

TEST_CASE("Bernoulli and categorical likelihoods by hand", "[distributions]") {
  // 7 heads, 3 tails at p = 0.7: 7 ln 0.7 + 3 ln 0.3.
  CHECK(dw::bernoulliLogLikelihood(7, 3, 0.7) == Approx(7 * std::log(0.7) + 3 * std::log(0.3)).margin(1e-12));
  // The maximum is at p = heads / n.
  CHECK(dw::bernoulliLogLikelihood(7, 3, 0.7) > dw::bernoulliLogLikelihood(7, 3, 0.69));
  CHECK(dw::bernoulliLogLikelihood(7, 3, 0.7) > dw::bernoulliLogLikelihood(7, 3, 0.71));
  // 0·ln 0 = 0: all heads at p = 1 is certain; a tail seen at p = 1 is impossible.
  CHECK(dw::bernoulliLogLikelihood(4, 0, 1) == 0);
  CHECK(std::isinf(dw::bernoulliLogLikelihood(4, 1, 1)));
  Vector fit = dw::categoricalFit(vec({2, 0, 6}));
  CHECK(fit(0) == Approx(0.25));
  CHECK(fit(1) == 0);
  CHECK(fit(2) == Approx(0.75));
  CHECK(dw::categoricalLogLikelihood(vec({2, 0, 6}), fit) == Approx(2 * std::log(0.25) + 6 * std::log(0.75)).margin(1e-12));
}

TEST_CASE("Entropy, cross-entropy and KL by hand", "[distributions]") {
  // A fair coin carries 1 bit; (½, ¼, ¼) carries 1.5 bits.
  CHECK(dw::entropy(vec({0.5, 0.5}), 2) == Approx(1).margin(1e-15));
  CHECK(dw::entropy(vec({0.5, 0.25, 0.25}), 2) == Approx(1.5).margin(1e-15));
  CHECK(dw::entropy(vec({1, 0}), 2) == 0);
  // Weights are normalised: counts (4, 4) are a fair coin.
  CHECK(dw::entropy(vec({4, 4}), 2) == Approx(1).margin(1e-15));
  // p = (½, ½), q = (¾, ¼): KL(p‖q) = ½ log₂(2/3) + ½ log₂ 2 = ½ log₂(4/3); the reverse differs.
  Vector p = vec({0.5, 0.5}), q = vec({0.75, 0.25});
  double pq = dw::klDivergence(p, q, 2), qp = dw::klDivergence(q, p, 2);
  CHECK(pq == Approx(0.5 * std::log2(4.0 / 3)).margin(1e-15));
  CHECK(qp == Approx(0.75 * std::log2(1.5) + 0.25 * std::log2(0.5)).margin(1e-15));
  CHECK(pq != Approx(qp));
  // Cross-entropy = entropy + KL.
  CHECK(dw::crossEntropy(p, q, 2) == Approx(dw::entropy(p, 2) + pq).margin(1e-14));
  CHECK(dw::klDivergence(p, p, 2) == 0);
  CHECK(std::isinf(dw::klDivergence(p, vec({1, 0}), 2)));
  // Gaussians: equal spreads, means 1 apart → KL = ½ (μ₁ − μ₂)² / s² = 0.5.
  CHECK(dw::gaussianKl(0, 1, 1, 1) == Approx(0.5).margin(1e-15));
  CHECK(dw::gaussianKl(0, 1, 0, 2) != Approx(dw::gaussianKl(0, 2, 0, 1)));
  CHECK(dw::gaussianCrossEntropy(0, 1, 1, 2) == Approx(dw::gaussianEntropy(1) + dw::gaussianKl(0, 1, 1, 2)).margin(1e-14));
  CHECK(dw::gaussianEntropy(1) == Approx(0.5 * std::log(2 * dw::detmath::kPi * std::exp(1.0))).margin(1e-15));
}

TEST_CASE("Distributions agree with SciPy", "[distributions][scipy]") {
  auto f = fixture::load("distributions");
  Vector xs = f["xs"].vector();
  for (std::size_t i = 0; i < f["logpdf_cases"].size(); ++i) {
    auto c = f["logpdf_cases"][i].numbers();
    CHECK(dw::gaussianLogPdf(c[0], c[1], c[2]) == Approx(c[3]).epsilon(1e-12).margin(1e-12));
  }
  for (std::size_t i = 0; i < f["loglik_cases"].size(); ++i) {
    auto c = f["loglik_cases"][i].numbers();
    CHECK(dw::gaussianLogLikelihood(xs, c[0], c[1]) == Approx(c[2]).epsilon(1e-12));
  }
  dw::GaussianFit fit = dw::gaussianFit(xs);
  CHECK(fit.mu == Approx(f["fit_mu"].num()).epsilon(1e-12));
  CHECK(fit.s == Approx(f["fit_s"].num()).epsilon(1e-12));
  CHECK(fit.logLikelihood == Approx(f["fit_loglik"].num()).epsilon(1e-12));
  for (std::size_t i = 0; i < f["bernoulli_cases"].size(); ++i) {
    auto c = f["bernoulli_cases"][i].numbers();
    CHECK(dw::bernoulliLogLikelihood(c[0], c[1], c[2]) == Approx(c[3]).epsilon(1e-12).margin(1e-12));
  }
  CHECK(dw::categoricalLogLikelihood(f["counts"].vector(), f["probs"].vector()) == Approx(f["categorical_loglik"].num()).epsilon(1e-12));
  Vector p = f["p"].vector(), q = f["q"].vector();
  CHECK(dw::entropy(p, std::exp(1.0)) == Approx(f["entropy_p_nats"].num()).epsilon(1e-12));
  CHECK(dw::entropy(p, 2) == Approx(f["entropy_p_bits"].num()).epsilon(1e-12));
  CHECK(dw::klDivergence(p, q, std::exp(1.0)) == Approx(f["kl_pq_nats"].num()).epsilon(1e-12));
  CHECK(dw::klDivergence(q, p, std::exp(1.0)) == Approx(f["kl_qp_nats"].num()).epsilon(1e-12));
  CHECK(dw::klDivergence(p, q, 2) == Approx(f["kl_pq_bits"].num()).epsilon(1e-12));
  CHECK(dw::crossEntropy(p, q, std::exp(1.0)) == Approx(f["cross_pq_nats"].num()).epsilon(1e-12));
  Vector rp = f["raw_p"].vector(), rq = f["raw_q"].vector();
  CHECK(dw::entropy(rp, std::exp(1.0)) == Approx(f["entropy_raw_p_nats"].num()).epsilon(1e-12));
  CHECK(dw::klDivergence(rp, rq, std::exp(1.0)) == Approx(f["kl_raw_nats"].num()).epsilon(1e-12));
  CHECK(dw::klDivergence(rp, rq, 10) == Approx(f["kl_raw_base10"].num()).epsilon(1e-12));
  CHECK(dw::crossEntropy(rp, rq, std::exp(1.0)) == Approx(f["cross_raw_nats"].num()).epsilon(1e-12));
  CHECK(std::isinf(f["kl_to_zero"].num()));
  CHECK(std::isinf(dw::klDivergence(vec({0.5, 0.5}), vec({1, 0}), std::exp(1.0))));
  for (std::size_t i = 0; i < f["gaussian_entropy_cases"].size(); ++i) {
    auto c = f["gaussian_entropy_cases"][i].numbers();
    CHECK(dw::gaussianEntropy(c[0]) == Approx(c[1]).epsilon(1e-12));
  }
  for (std::size_t i = 0; i < f["gaussian_pairs"].size(); ++i) {
    auto c = f["gaussian_pairs"][i].numbers();
    CHECK(dw::gaussianKl(c[0], c[1], c[2], c[3]) == Approx(c[4]).epsilon(1e-9).margin(1e-10));
    CHECK(dw::gaussianCrossEntropy(c[0], c[1], c[2], c[3]) == Approx(c[5]).epsilon(1e-9).margin(1e-10));
  }
  Vector dx = f["density_xs"].vector();
  for (const char* name : {"exponential", "two-bump", "die", "coin"}) {
    dw::Population pop = dw::population(name);
    CHECK(pop.mean == Approx(f["populations"][name]["mean"].num()).epsilon(1e-9));
    CHECK(pop.sd == Approx(f["populations"][name]["sd"].num()).epsilon(1e-9));
  }
  for (const char* name : {"exponential", "two-bump"}) {
    Vector got = dw::populationDensity(name, dx), want = f["populations"][name]["density"].vector();
    for (dw::Index i = 0; i < dx.size(); ++i) CHECK(got(i) == Approx(want(i)).epsilon(1e-12).margin(1e-15));
  }
}

TEST_CASE("Sample means follow the central limit theorem", "[distributions]") {
  for (const char* name : {"exponential", "two-bump", "die", "coin"}) {
    dw::Population pop = dw::population(name);
    // 20000 means of samples of 25: their mean is μ and their spread s/√25, within sampling error
    // (the standard error of the mean of 20000 means is s/5/√20000 ≈ 0.0014·s).
    Vector m = dw::sampleMeans(name, 25, 20000, 7);
    double mean = m.mean();
    double sd = std::sqrt((m.array() - mean).square().mean());
    CHECK(mean == Approx(pop.mean).margin(0.01 * pop.sd + 1e-12));
    CHECK(sd == Approx(pop.sd / 5).epsilon(0.03));
    // The raw draws have the population's own mean and spread.
    Vector d = dw::sampleDraws(name, 50000, 3);
    double dm = d.mean();
    CHECK(dm == Approx(pop.mean).margin(0.02 * pop.sd));
    CHECK(std::sqrt((d.array() - dm).square().mean()) == Approx(pop.sd).epsilon(0.03));
  }
  // Determinism and the documented layout: mean k is the mean of draws k·n … k·n + n − 1.
  Vector a = dw::sampleMeans("die", 4, 10, 99), b = dw::sampleMeans("die", 4, 10, 99);
  CHECK(a == b);
  Vector d = dw::sampleDraws("die", 40, 99);
  for (int k = 0; k < 10; ++k) CHECK(a(k) == Approx(d.segment(4 * k, 4).mean()).margin(1e-15));
  for (dw::Index i = 0; i < d.size(); ++i) CHECK((d(i) >= 1 && d(i) <= 6 && d(i) == std::floor(d(i))));
  // The same values under WASM (tests/node/distributions.test.mjs asserts them there): the draws use
  // only PCG32 and detmath, so they are bit-identical.
  Vector e = dw::sampleDraws("exponential", 3, 42), t = dw::sampleDraws("two-bump", 3, 42);
  CHECK(e(0) == 0.95993974282121119);
  CHECK(e(1) == 2.8017379900199519);
  CHECK(e(2) == 3.3386873089272529);
  CHECK(t(0) == 2.2070886440437079);
  CHECK(t(1) == 5.9373989233195532);
  CHECK(t(2) == 1.3218256193076954);
}

TEST_CASE("Distributions reject bad input with messages in words", "[distributions]") {
  CHECK_THROWS_AS(dw::gaussianFit(Vector()), dw::ShapeError);
  CHECK_THROWS_WITH(dw::gaussianFit(vec({2, 2, 2})), Contains("all 3 points are equal"));
  CHECK_THROWS_WITH(dw::gaussianLogLikelihood(vec({1, NAN}), 0, 1), Contains("xs[1]=NaN is not a finite number"));
  CHECK_THROWS_WITH(dw::gaussianLogPdf(0, 0, 0), Contains("s=0 must be in (0, 1e+09]"));
  CHECK_THROWS_AS(dw::gaussianLogLikelihoodGrid(vec({1}), 2, 1, 0.5, 1, 10, 10), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::gaussianLogLikelihoodGrid(vec({1}), 0, 1, 0.5, 1, 0, 10), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::bernoulliLogLikelihood(1, 1, 1.5), Contains("p=1.5 must be in [0, 1]"));
  CHECK_THROWS_WITH(dw::entropy(vec({0, 0}), 2), Contains("all zero"));
  CHECK_THROWS_WITH(dw::entropy(vec({-1, 2}), 2), Contains("p[0]=-1"));
  CHECK_THROWS_WITH(dw::entropy(vec({1, 2}), 1), Contains("base=1 must be greater than 1"));
  CHECK_THROWS_AS(dw::klDivergence(vec({1, 2}), vec({1, 2, 3}), 2), dw::ShapeError);
  CHECK_THROWS_WITH(dw::categoricalLogLikelihood(vec({1, 2}), vec({0.5, 0.6})), Contains("probs sum to 1.1, not 1"));
  CHECK_THROWS_WITH(dw::sampleMeans("dice", 3, 3, 1), Contains("population \"dice\" is unknown"));
  CHECK_THROWS_AS(dw::sampleMeans("die", 0, 3, 1), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::sampleMeans("die", 10000, 10000, 1), dw::InvalidArgument);
}

// Probability distributions for the lessons "Likelihood and KL divergence" and "Sampling and
// the central limit theorem": Gaussian and Bernoulli/categorical log-likelihoods and their maximum-
// likelihood fits, entropy, cross-entropy and KL divergence (categorical and Gaussian), and seeded
// sampling from four skewed populations. Pure functions; every input is checked at the door.
// Logarithms are natural (nats) unless a `base` is given (base 2 gives bits).
#pragma once
#include <cstdint>
#include <string>

#include "dw/types.hpp"

namespace dw {

// ---- Gaussian ----
// log N(x | μ, s²) = −½ ln(2π s²) − (x − μ)² / (2 s²).
double gaussianLogPdf(double x, double mu, double s);
// Σᵢ log N(xᵢ | μ, s²) over the points.
double gaussianLogLikelihood(const Vector& xs, double mu, double s);

// The maximum-likelihood Gaussian: μ̂ = mean, ŝ² = (1/n) Σ (xᵢ − μ̂)² (the 1/n estimator, not the
// unbiased 1/(n−1) one), and the log-likelihood reached there, −(n/2)(ln(2π ŝ²) + 1).
struct GaussianFit {
  double mu = 0, s = 0, variance = 0, logLikelihood = 0;
  int n = 0;
};
GaussianFit gaussianFit(const Vector& xs);

// gaussianLogLikelihood on an nMu × nS grid over μ in [mu0, mu1] and s in [s0, s1], sampled at cell
// centres (μ of column i is mu0 + (i + ½)(mu1 − mu0)/nMu), μ fastest, from s0 upward.
Vector gaussianLogLikelihoodGrid(const Vector& xs, double mu0, double mu1, double s0, double s1, int nMu, int nS);

// ---- Bernoulli and categorical ----
// heads·ln p + tails·ln(1 − p), with 0·ln 0 = 0 (so p = 0 or 1 is allowed; it gives −∞ when the
// other outcome was seen).
double bernoulliLogLikelihood(double heads, double tails, double p);
// Σₖ countsₖ ln probsₖ; probs must sum to 1 (within 1e-9); 0·ln 0 = 0.
double categoricalLogLikelihood(const Vector& counts, const Vector& probs);
// The maximum-likelihood probabilities: countsₖ / Σ counts.
Vector categoricalFit(const Vector& counts);

// ---- Information (categorical; weights are normalised to sum to 1, as scipy.stats.entropy does) ----
// H(p) = −Σ pₖ log pₖ.
double entropy(const Vector& p, double base);
// H(p, q) = −Σ pₖ log qₖ (+∞ when some qₖ = 0 where pₖ > 0).
double crossEntropy(const Vector& p, const Vector& q, double base);
// D_KL(p ‖ q) = Σ pₖ log(pₖ / qₖ) = H(p, q) − H(p) ≥ 0 (+∞ when some qₖ = 0 where pₖ > 0).
double klDivergence(const Vector& p, const Vector& q, double base);

// ---- Information (Gaussian, in nats) ----
// Differential entropy ½ ln(2π e s²).
double gaussianEntropy(double s);
// D_KL(N(μ₁, s₁²) ‖ N(μ₂, s₂²)) = ln(s₂/s₁) + (s₁² + (μ₁ − μ₂)²) / (2 s₂²) − ½.
double gaussianKl(double mu1, double s1, double mu2, double s2);
// H(p, q) = H(p) + D_KL(p ‖ q) for p = N(μ₁, s₁²), q = N(μ₂, s₂²).
double gaussianCrossEntropy(double mu1, double s1, double mu2, double s2);

// ---- Sampling from skewed populations (the central limit theorem) ----
// "exponential": rate 1 (mean 1, s 1);
// "two-bump":    0.7·N(2, 0.6²) + 0.3·N(6, 0.8²) (mean 3.2, s² = 3.804);
// "die":         a fair die, 1…6 (mean 3.5, s² = 35/12);
// "coin":        a fair coin, 0 or 1 (mean 0.5, s 0.5).
struct Population {
  std::string name;
  double mean = 0, sd = 0;
  double lo = 0, hi = 0;  // a range that holds (almost) all draws, for drawing axes
  bool discrete = false;
  Vector values, probabilities;  // discrete populations only
};
Population population(const std::string& name);
// The density (continuous) or probability mass (discrete; 0 away from the values) at each x.
Vector populationDensity(const std::string& name, const Vector& xs);
// `count` independent draws from the engine's PCG32 generator seeded with `seed`.
Vector sampleDraws(const std::string& name, int count, std::uint32_t seed);
// Means of `samples` consecutive samples of size n: mean k is the mean of draws k·n … k·n + n − 1 of
// sampleDraws(name, n·samples, seed).
Vector sampleMeans(const std::string& name, int n, int samples, std::uint32_t seed);

}  // namespace dw

#include "dw/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMaxValue = 1e9;          // points, means and spreads
constexpr Index kMaxSamplePoints = 1'000'000;
constexpr Index kMaxCategories = 10'000;
constexpr double kMaxCount = 1e12;
constexpr double kProbabilitySumTolerance = 1e-9;

void requirePoints(const Vector& xs, const char* where) {
  if (xs.size() < 1) throw ShapeError(std::string(where) + ": xs is empty; give at least one point");
  if (xs.size() > kMaxSamplePoints) throw ShapeError(std::string(where) + ": xs has more than 1000000 points");
  requireFinite(xs, where, "xs");
  for (Index i = 0; i < xs.size(); ++i)
    if (std::abs(xs(i)) > kMaxValue)
      throw InvalidArgument(std::string(where) + ": xs[" + std::to_string(i) + "]=" + formatNumber(xs(i)) +
                            " must be within ±1e9");
}

void requireMean(double mu, const char* where, const char* name) { requireInRange(mu, -kMaxValue, kMaxValue, where, name); }
void requireSpread(double s, const char* where, const char* name) { requireInOpenClosed(s, 0, kMaxValue, where, name); }

void requireBase(double base, const char* where) {
  requireInRange(base, 0, 1e6, where, "base");
  if (base <= 1) throw InvalidArgument(std::string(where) + ": base=" + formatNumber(base) + " must be greater than 1 (2 gives bits, e ≈ 2.718 gives nats)");
}

// Non-negative finite weights, not all zero, at most kMaxCategories of them.
void requireWeights(const Vector& w, const char* where, const char* name) {
  if (w.size() < 1) throw ShapeError(std::string(where) + ": " + name + " is empty");
  if (w.size() > kMaxCategories) throw ShapeError(std::string(where) + ": " + name + " has more than 10000 entries");
  requireFinite(w, where, name);
  for (Index i = 0; i < w.size(); ++i)
    if (w(i) < 0 || w(i) > kMaxCount)
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "]=" + formatNumber(w(i)) +
                            " must be in [0, 1e12]");
  if (w.sum() <= 0) throw InvalidArgument(std::string(where) + ": " + name + " are all zero; at least one must be positive");
}

void requireSameSize(const Vector& a, const Vector& b, const char* where, const char* na, const char* nb) {
  if (a.size() != b.size())
    throw ShapeError(std::string(where) + ": " + na + " has " + std::to_string(a.size()) + " entries but " + nb + " has " +
                     std::to_string(b.size()));
}

// Probabilities: each in [0, 1], summing to 1 within kProbabilitySumTolerance.
void requireProbabilities(const Vector& p, const char* where) {
  requireWeights(p, where, "probs");
  for (Index i = 0; i < p.size(); ++i)
    if (p(i) > 1) throw InvalidArgument(std::string(where) + ": probs[" + std::to_string(i) + "]=" + formatNumber(p(i)) + " must be in [0, 1]");
  if (std::abs(p.sum() - 1) > kProbabilitySumTolerance)
    throw InvalidArgument(std::string(where) + ": probs sum to " + formatNumber(p.sum()) + ", not 1");
}

// c·ln q with the convention 0·ln 0 = 0 (a never-seen outcome costs nothing).
double countTimesLog(double c, double q) {
  if (c == 0) return 0;
  if (q == 0) return -kInfinity;
  return c * std::log(q);
}

enum class Kind { Exponential, TwoBump, Die, Coin };

Kind kindOf(const std::string& name, const char* where) {
  if (name == "exponential") return Kind::Exponential;
  if (name == "two-bump") return Kind::TwoBump;
  if (name == "die") return Kind::Die;
  if (name == "coin") return Kind::Coin;
  throw InvalidArgument(std::string(where) + ": population \"" + name +
                        "\" is unknown; use \"exponential\", \"two-bump\", \"die\" or \"coin\"");
}

// The two-bump mixture: weight, mean and spread of each bump.
constexpr double kBumpWeight = 0.7, kBump1Mean = 2.0, kBump1Sd = 0.6, kBump2Mean = 6.0, kBump2Sd = 0.8;

double draw(Kind kind, Rng& rng) {
  switch (kind) {
    case Kind::Exponential:
      // Inverse CDF: −ln(1 − U) with U in [0, 1), so the argument is in (0, 1]. detmath keeps it
      // bit-identical native vs WASM.
      return -detmath::log(1.0 - rng.uniform());
    case Kind::TwoBump:
      return rng.uniform() < kBumpWeight ? rng.normal(kBump1Mean, kBump1Sd) : rng.normal(kBump2Mean, kBump2Sd);
    case Kind::Die:
      return 1.0 + rng.below(6);
    case Kind::Coin:
      return rng.below(2);
  }
  return 0;
}

double normalPdf(double x, double mu, double s) {
  double z = (x - mu) / s;
  return std::exp(-0.5 * z * z) / (s * std::sqrt(2 * kPi));
}

}  // namespace

// ---- Gaussian ----

double gaussianLogPdf(double x, double mu, double s) {
  const char* where = "gaussianLogPdf";
  requireInRange(x, -kMaxValue, kMaxValue, where, "x");
  requireMean(mu, where, "mu");
  requireSpread(s, where, "s");
  double z = (x - mu) / s;
  return -0.5 * std::log(2 * kPi * s * s) - 0.5 * z * z;
}

double gaussianLogLikelihood(const Vector& xs, double mu, double s) {
  const char* where = "gaussianLogLikelihood";
  requirePoints(xs, where);
  requireMean(mu, where, "mu");
  requireSpread(s, where, "s");
  // Σ log N = −(n/2) ln(2π s²) − Σ (xᵢ − μ)² / (2 s²).
  double sq = (xs.array() - mu).square().sum();
  return -0.5 * double(xs.size()) * std::log(2 * kPi * s * s) - sq / (2 * s * s);
}

GaussianFit gaussianFit(const Vector& xs) {
  const char* where = "gaussianFit";
  requirePoints(xs, where);
  GaussianFit f;
  f.n = static_cast<int>(xs.size());
  f.mu = xs.mean();
  f.variance = (xs.array() - f.mu).square().mean();  // 1/n: the maximum-likelihood estimate
  if (!(f.variance > 0))
    throw InvalidArgument(std::string(where) + ": all " + std::to_string(f.n) +
                          " points are equal, so the best spread is 0 and the likelihood grows without bound; give two different values");
  f.s = std::sqrt(f.variance);
  // At the maximum Σ (xᵢ − μ̂)² = n ŝ², so the log-likelihood is −(n/2)(ln(2π ŝ²) + 1).
  f.logLikelihood = -0.5 * f.n * (std::log(2 * kPi * f.variance) + 1);
  return f;
}

Vector gaussianLogLikelihoodGrid(const Vector& xs, double mu0, double mu1, double s0, double s1, int nMu, int nS) {
  const char* where = "gaussianLogLikelihoodGrid";
  requirePoints(xs, where);
  requireMean(mu0, where, "mu0");
  requireMean(mu1, where, "mu1");
  requireSpread(s0, where, "s0");
  requireSpread(s1, where, "s1");
  requireIntInRange(nMu, 1, 500, where, "nMu");
  requireIntInRange(nS, 1, 500, where, "nS");
  if (!(mu0 < mu1)) throw InvalidArgument(std::string(where) + ": mu0=" + formatNumber(mu0) + " must be less than mu1=" + formatNumber(mu1));
  if (!(s0 < s1)) throw InvalidArgument(std::string(where) + ": s0=" + formatNumber(s0) + " must be less than s1=" + formatNumber(s1));
  // Σ (xᵢ − μ)² = Σ (xᵢ − x̄)² + n (x̄ − μ)²: one pass over the points, then O(1) per cell.
  const double n = double(xs.size());
  const double mean = xs.mean();
  const double spread = (xs.array() - mean).square().sum();
  Vector out(static_cast<Index>(nMu) * nS);
  for (int j = 0; j < nS; ++j) {
    double s = s0 + (j + 0.5) * (s1 - s0) / nS;
    for (int i = 0; i < nMu; ++i) {
      double mu = mu0 + (i + 0.5) * (mu1 - mu0) / nMu;
      double sq = spread + n * (mean - mu) * (mean - mu);
      out(static_cast<Index>(j) * nMu + i) = -0.5 * n * std::log(2 * kPi * s * s) - sq / (2 * s * s);
    }
  }
  return out;
}

// ---- Bernoulli and categorical ----

double bernoulliLogLikelihood(double heads, double tails, double p) {
  const char* where = "bernoulliLogLikelihood";
  requireInRange(heads, 0, kMaxCount, where, "heads");
  requireInRange(tails, 0, kMaxCount, where, "tails");
  requireInRange(p, 0, 1, where, "p");
  return countTimesLog(heads, p) + countTimesLog(tails, 1 - p);
}

double categoricalLogLikelihood(const Vector& counts, const Vector& probs) {
  const char* where = "categoricalLogLikelihood";
  requireWeights(counts, where, "counts");
  requireProbabilities(probs, where);
  requireSameSize(counts, probs, where, "counts", "probs");
  double total = 0;
  for (Index k = 0; k < counts.size(); ++k) total += countTimesLog(counts(k), probs(k));
  return total;
}

Vector categoricalFit(const Vector& counts) {
  requireWeights(counts, "categoricalFit", "counts");
  return counts / counts.sum();
}

// ---- Information (categorical) ----

double entropy(const Vector& p, double base) {
  const char* where = "entropy";
  requireWeights(p, where, "p");
  requireBase(base, where);
  Vector q = p / p.sum();
  double h = 0;
  for (Index k = 0; k < q.size(); ++k) h -= countTimesLog(q(k), q(k));
  return h / std::log(base);
}

double crossEntropy(const Vector& p, const Vector& q, double base) {
  const char* where = "crossEntropy";
  requireWeights(p, where, "p");
  requireWeights(q, where, "q");
  requireSameSize(p, q, where, "p", "q");
  requireBase(base, where);
  Vector pn = p / p.sum(), qn = q / q.sum();
  double h = 0;
  for (Index k = 0; k < pn.size(); ++k) h -= countTimesLog(pn(k), qn(k));
  return h / std::log(base);
}

double klDivergence(const Vector& p, const Vector& q, double base) {
  const char* where = "klDivergence";
  requireWeights(p, where, "p");
  requireWeights(q, where, "q");
  requireSameSize(p, q, where, "p", "q");
  requireBase(base, where);
  Vector pn = p / p.sum(), qn = q / q.sum();
  // Σ pₖ ln(pₖ/qₖ) term by term (not H(p, q) − H(p), which loses digits when the two are close).
  double d = 0;
  for (Index k = 0; k < pn.size(); ++k) {
    if (pn(k) == 0) continue;
    if (qn(k) == 0) return kInfinity;
    d += pn(k) * std::log(pn(k) / qn(k));
  }
  return std::max(0.0, d) / std::log(base);
}

// ---- Information (Gaussian) ----

double gaussianEntropy(double s) {
  requireSpread(s, "gaussianEntropy", "s");
  return 0.5 * std::log(2 * kPi * s * s) + 0.5;
}

double gaussianKl(double mu1, double s1, double mu2, double s2) {
  const char* where = "gaussianKl";
  requireMean(mu1, where, "mu1");
  requireSpread(s1, where, "s1");
  requireMean(mu2, where, "mu2");
  requireSpread(s2, where, "s2");
  double d = mu1 - mu2;
  return std::log(s2 / s1) + (s1 * s1 + d * d) / (2 * s2 * s2) - 0.5;
}

double gaussianCrossEntropy(double mu1, double s1, double mu2, double s2) {
  const char* where = "gaussianCrossEntropy";
  requireMean(mu1, where, "mu1");
  requireSpread(s1, where, "s1");
  requireMean(mu2, where, "mu2");
  requireSpread(s2, where, "s2");
  // −∫ p ln q = ½ ln(2π s₂²) + (s₁² + (μ₁ − μ₂)²) / (2 s₂²).
  double d = mu1 - mu2;
  return 0.5 * std::log(2 * kPi * s2 * s2) + (s1 * s1 + d * d) / (2 * s2 * s2);
}

// ---- Sampling ----

Population population(const std::string& name) {
  Kind kind = kindOf(name, "population");
  Population p;
  p.name = name;
  switch (kind) {
    case Kind::Exponential:
      p.mean = 1;
      p.sd = 1;
      p.lo = 0;
      p.hi = 6;
      break;
    case Kind::TwoBump: {
      p.mean = kBumpWeight * kBump1Mean + (1 - kBumpWeight) * kBump2Mean;
      // Var = Σ wₖ (sₖ² + μₖ²) − mean².
      double second = kBumpWeight * (kBump1Sd * kBump1Sd + kBump1Mean * kBump1Mean) +
                      (1 - kBumpWeight) * (kBump2Sd * kBump2Sd + kBump2Mean * kBump2Mean);
      p.sd = std::sqrt(second - p.mean * p.mean);
      p.lo = -1;
      p.hi = 9;
      break;
    }
    case Kind::Die:
      p.discrete = true;
      p.values = Vector::LinSpaced(6, 1, 6);
      p.probabilities = Vector::Constant(6, 1.0 / 6);
      p.mean = 3.5;
      p.sd = std::sqrt(35.0 / 12);
      p.lo = 0.5;
      p.hi = 6.5;
      break;
    case Kind::Coin:
      p.discrete = true;
      p.values = Vector::LinSpaced(2, 0, 1);
      p.probabilities = Vector::Constant(2, 0.5);
      p.mean = 0.5;
      p.sd = 0.5;
      p.lo = -0.5;
      p.hi = 1.5;
      break;
  }
  return p;
}

Vector populationDensity(const std::string& name, const Vector& xs) {
  const char* where = "populationDensity";
  Kind kind = kindOf(name, where);
  if (xs.size() > kMaxSamplePoints) throw ShapeError(std::string(where) + ": xs has more than 1000000 points");
  requireFinite(xs, where, "xs");
  Vector out(xs.size());
  for (Index i = 0; i < xs.size(); ++i) {
    double x = xs(i);
    switch (kind) {
      case Kind::Exponential: out(i) = x < 0 ? 0 : std::exp(-x); break;
      case Kind::TwoBump:
        out(i) = kBumpWeight * normalPdf(x, kBump1Mean, kBump1Sd) + (1 - kBumpWeight) * normalPdf(x, kBump2Mean, kBump2Sd);
        break;
      case Kind::Die: out(i) = (x == std::floor(x) && x >= 1 && x <= 6) ? 1.0 / 6 : 0; break;
      case Kind::Coin: out(i) = (x == 0 || x == 1) ? 0.5 : 0; break;
    }
  }
  return out;
}

Vector sampleDraws(const std::string& name, int count, std::uint32_t seed) {
  const char* where = "sampleDraws";
  Kind kind = kindOf(name, where);
  requireIntInRange(count, 0, 10'000'000, where, "count");
  Rng rng(seed);
  Vector out(count);
  for (int i = 0; i < count; ++i) out(i) = draw(kind, rng);
  return out;
}

Vector sampleMeans(const std::string& name, int n, int samples, std::uint32_t seed) {
  const char* where = "sampleMeans";
  Kind kind = kindOf(name, where);
  requireIntInRange(n, 1, 10'000, where, "n");
  requireIntInRange(samples, 0, 1'000'000, where, "samples");
  if (static_cast<long long>(n) * samples > 10'000'000)
    throw InvalidArgument(std::string(where) + ": n·samples=" + std::to_string(static_cast<long long>(n) * samples) +
                          " draws is more than 10000000");
  Rng rng(seed);
  Vector out(samples);
  for (int k = 0; k < samples; ++k) {
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += draw(kind, rng);
    out(k) = sum / n;
  }
  return out;
}

}  // namespace dw

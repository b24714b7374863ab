#include "dw/model_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"
#include "dw/validation.hpp"

namespace dw {

namespace {

constexpr double kTiny = 1e-300;     // Lentz's guard against a zero denominator
constexpr double kEpsilon = 1e-15;   // relative change at which a continued fraction has converged
constexpr int kMaxIterations = 1000;

// Continued fraction for I_x(a, b) (Numerical Recipes eq. 6.4.5), modified Lentz evaluation.
// Converges fast for x < (a + 1)/(a + b + 2); the caller uses the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
// otherwise.
double betaContinuedFraction(double a, double b, double x) {
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double m2 = 2.0 * m;
    // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kEpsilon) return h;
  }
  return h;  // not reached for the arguments the tests use (a, b ≤ 1e6); the best estimate so far
}

void requireSamePairs(const Vector& a, const Vector& b, Index minPairs, const char* where) {
  if (a.size() != b.size())
    throw ShapeError(std::string(where) + ": a has " + std::to_string(a.size()) + " scores but b has " +
                     std::to_string(b.size()) + "; the scores must come in pairs");
  if (a.size() < minPairs)
    throw ShapeError(std::string(where) + ": needs at least " + std::to_string(minPairs) + " pairs, got " +
                     std::to_string(a.size()));
  requireFinite(a, where, "a");
  requireFinite(b, where, "b");
}

}  // namespace

double regularizedIncompleteBeta(double a, double b, double x) {
  const char* where = "regularizedIncompleteBeta";
  if (!(a > 0) || !std::isfinite(a)) throw InvalidArgument(std::string(where) + ": a=" + formatNumber(a) + " must be a finite number above 0");
  if (!(b > 0) || !std::isfinite(b)) throw InvalidArgument(std::string(where) + ": b=" + formatNumber(b) + " must be a finite number above 0");
  requireInRange(x, 0.0, 1.0, where, "x");
  if (x == 0.0) return 0.0;
  if (x == 1.0) return 1.0;
  // Front factor x^a (1 − x)^b / B(a, b), in logs so large a, b do not overflow.
  const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(logFront);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * betaContinuedFraction(a, b, x) / a;
  return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double regularizedUpperGamma(double a, double x) {
  const char* where = "regularizedUpperGamma";
  if (!(a > 0) || !std::isfinite(a)) throw InvalidArgument(std::string(where) + ": a=" + formatNumber(a) + " must be a finite number above 0");
  if (std::isnan(x) || x < 0) throw InvalidArgument(std::string(where) + ": x=" + formatNumber(x) + " must be 0 or more");
  if (x == 0.0) return 1.0;
  if (std::isinf(x)) return 0.0;
  const double logFront = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1.0) {
    // P(a, x) = e^{−x} x^a / Γ(a) · Σₙ xⁿ / (a(a+1)…(a+n)) (NR eq. 6.2.5); Q = 1 − P.
    double term = 1.0 / a, sum = term, ap = a;
    for (int n = 1; n <= kMaxIterations; ++n) {
      ap += 1.0;
      term *= x / ap;
      sum += term;
      if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
    }
    return 1.0 - sum * std::exp(logFront);
  }
  // Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)) (NR eq. 6.2.7), Lentz.
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i <= kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kEpsilon) break;
  }
  return std::exp(logFront) * h;
}

namespace {
// P(|T| > |t|) for Student t with df degrees of freedom.
double studentTTwoTail(double t, double df) {
  if (std::isinf(t)) return 0.0;
  return regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t * t));
}
void requireDegrees(double t, double df, const char* where) {
  if (std::isnan(t)) throw InvalidArgument(std::string(where) + ": t is NaN");
  if (!(df > 0) || !std::isfinite(df)) throw InvalidArgument(std::string(where) + ": df=" + formatNumber(df) + " must be a finite number above 0");
}
}  // namespace

double studentTSurvival(double t, double df) {
  requireDegrees(t, df, "studentTSurvival");
  const double half = studentTTwoTail(t, df) / 2.0;  // P(T > |t|)
  return t >= 0 ? half : 1.0 - half;
}

double studentTCdf(double t, double df) {
  requireDegrees(t, df, "studentTCdf");
  const double half = studentTTwoTail(t, df) / 2.0;
  return t >= 0 ? 1.0 - half : half;
}

double chiSquareSurvival(double x, double df) {
  const char* where = "chiSquareSurvival";
  if (!(df > 0) || !std::isfinite(df)) throw InvalidArgument(std::string(where) + ": df=" + formatNumber(df) + " must be a finite number above 0");
  if (std::isnan(x)) throw InvalidArgument(std::string(where) + ": x is NaN");
  if (x <= 0) return 1.0;
  return regularizedUpperGamma(df / 2.0, x / 2.0);
}

double binomialTestHalf(int k, int n) {
  const char* where = "binomialTestHalf";
  requireIntInRange(n, 0, 100'000'000, where, "n");
  if (k < 0 || k > n)
    throw InvalidArgument(std::string(where) + ": k=" + std::to_string(k) + " must be between 0 and n=" + std::to_string(n));
  const int low = std::min(k, n - k);
  if (2 * low == n) return 1.0;  // k sits at n/2: every outcome is at least as far out
  // P(X ≤ low) for X ~ Binomial(n, ½) = I_{½}(n − low, low + 1) (the beta–binomial identity).
  const double tail = regularizedIncompleteBeta(double(n - low), double(low + 1), 0.5);
  return std::min(1.0, 2.0 * tail);
}

PairedTTestResult pairedTTest(const Vector& a, const Vector& b) {
  const char* where = "pairedTTest";
  requireSamePairs(a, b, 2, where);
  PairedTTestResult r;
  const Vector d = a - b;
  r.n = int(d.size());
  r.df = r.n - 1;
  r.meanDifference = d.mean();
  r.sdDifference = std::sqrt((d.array() - r.meanDifference).square().sum() / double(r.df));
  r.standardError = r.sdDifference / std::sqrt(double(r.n));
  if (r.standardError == 0.0) {
    if (r.meanDifference == 0.0) {
      r.t = 0.0;
      r.pValue = 1.0;
    } else {
      r.t = r.meanDifference > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
      r.pValue = 0.0;
    }
    return r;
  }
  r.t = r.meanDifference / r.standardError;
  r.pValue = studentTTwoTail(r.t, double(r.df));
  return r;
}

PermutationTestResult pairedPermutationTest(const Vector& a, const Vector& b, int permutations, std::uint32_t seed) {
  const char* where = "pairedPermutationTest";
  requireSamePairs(a, b, 1, where);
  requireIntInRange(permutations, 1, 1'000'000, where, "permutations");
  PermutationTestResult r;
  const Vector d = a - b;
  r.n = int(d.size());
  r.meanDifference = d.mean();
  // SciPy compares with a relative slack so that a pattern equal to the observed one in exact
  // arithmetic is not lost to rounding: |mean| ≥ |observed| − 1e-14·|observed|.
  const double observed = std::fabs(r.meanDifference);
  const double bar = observed - 1e-14 * observed;
  const double n = double(r.n);
  auto extreme = [&](double sum) { return std::fabs(sum / n) >= bar; };
  if (r.n <= 20 && (std::int64_t(1) << r.n) <= std::int64_t(permutations)) {
    r.exact = true;
    const std::int64_t patterns = std::int64_t(1) << r.n;
    r.resamples = int(patterns);
    int count = 0;
    for (std::int64_t mask = 0; mask < patterns; ++mask) {
      double sum = 0;
      for (int i = 0; i < r.n; ++i) sum += ((mask >> i) & 1) ? -d(i) : d(i);
      if (extreme(sum)) ++count;
    }
    r.atLeastAsExtreme = count;
    r.pValue = double(count) / double(patterns);
    return r;
  }
  Rng rng(seed);
  int count = 0;
  for (int p = 0; p < permutations; ++p) {
    double sum = 0;
    std::uint32_t bits = 0;
    for (int i = 0; i < r.n; ++i) {
      if (i % 32 == 0) bits = rng.nextU32();
      sum += (bits & 1u) ? -d(i) : d(i);
      bits >>= 1;
    }
    if (extreme(sum)) ++count;
  }
  r.resamples = permutations;
  r.atLeastAsExtreme = count;
  r.pValue = (1.0 + count) / (1.0 + permutations);
  return r;
}

McNemarResult mcNemarTest(int aRightBWrong, int aWrongBRight) {
  const char* where = "mcNemarTest";
  requireIntInRange(aRightBWrong, 0, 100'000'000, where, "aRightBWrong");
  requireIntInRange(aWrongBRight, 0, 100'000'000, where, "aWrongBRight");
  McNemarResult r;
  r.aRightBWrong = aRightBWrong;
  r.aWrongBRight = aWrongBRight;
  const int discordant = aRightBWrong + aWrongBRight;
  if (discordant == 0) return r;  // nothing disagrees: no evidence either way (p = 1, statistic 0)
  r.exactPValue = binomialTestHalf(aRightBWrong, discordant);
  // Edwards' continuity correction; the floor keeps a tie (n01 = n10) at statistic 0, p = 1.
  const double gap = std::max(0.0, std::fabs(double(aRightBWrong - aWrongBRight)) - 1.0);
  r.chiSquare = gap * gap / double(discordant);
  r.chiSquarePValue = chiSquareSurvival(r.chiSquare, 1.0);
  return r;
}

McNemarResult mcNemarFromPredictions(const Vector& yTrue, const Vector& predA, const Vector& predB) {
  const char* where = "mcNemarFromPredictions";
  if (yTrue.size() == 0) throw ShapeError(std::string(where) + ": the test set is empty");
  if (predA.size() != yTrue.size() || predB.size() != yTrue.size())
    throw ShapeError(std::string(where) + ": yTrue has " + std::to_string(yTrue.size()) + " labels, predA " +
                     std::to_string(predA.size()) + " and predB " + std::to_string(predB.size()) + "; all three must match");
  requireFinite(yTrue, where, "yTrue");
  requireFinite(predA, where, "predA");
  requireFinite(predB, where, "predB");
  int n01 = 0, n10 = 0, both = 0, neither = 0;
  for (Index i = 0; i < yTrue.size(); ++i) {
    const bool okA = predA(i) == yTrue(i), okB = predB(i) == yTrue(i);
    if (okA && okB) ++both;
    else if (okA) ++n01;
    else if (okB) ++n10;
    else ++neither;
  }
  McNemarResult r = mcNemarTest(n01, n10);
  r.bothRight = both;
  r.bothWrong = neither;
  return r;
}

PairedScores pairedCrossValScores(Model& a, std::uint32_t seedA, Model& b, std::uint32_t seedB, const Matrix& X,
                                  const Vector& y, int k, std::uint32_t foldSeed, int maxSteps) {
  const char* where = "pairedCrossValScores";
  requireTrainingCall(X, y, maxSteps, where);
  requireIntInRange(k, 2, double(X.rows()), where, "k");
  if (a.isClassifier() != b.isClassifier())
    throw InvalidArgument(std::string(where) + ": " + a.name() + " and " + b.name() +
                          " must both be classifiers or both regressors; their scores are not comparable");
  const std::vector<Fold> folds = a.isClassifier() ? stratifiedKFold(y, k, true, foldSeed)
                                                   : kFold(int(X.rows()), k, true, foldSeed);
  PairedScores out{Vector(k), Vector(k)};
  for (int f = 0; f < k; ++f) {
    const Fold& fold = folds[std::size_t(f)];
    const Matrix Xtrain = takeMatrixRows(X, fold.train), Xtest = takeMatrixRows(X, fold.test);
    const Vector ytrain = takeVectorRows(y, fold.train), ytest = takeVectorRows(y, fold.test);
    a.setData(Xtrain, ytrain);
    a.reset(seedA);
    a.fit(maxSteps);
    out.a(f) = a.score(Xtest, ytest);
    b.setData(Xtrain, ytrain);
    b.reset(seedB);
    b.fit(maxSteps);
    out.b(f) = b.score(Xtest, ytest);
  }
  return out;
}

}  // namespace dw

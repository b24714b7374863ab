#include "dw/learning_theory.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"
#include "dw/validation.hpp"

namespace dw {

double hoeffdingUnionBound(double n, double logClassSize, double delta) {
  const char* where = "hoeffdingUnionBound";
  requireInRange(n, 1, 1e12, where, "n");
  requireInRange(logClassSize, 0, 1e12, where, "logClassSize");
  requireInOpenClosed(delta, 0, 1, where, "delta");
  // Hoeffding: P(|gap(h)| > ε) ≤ 2 exp(−2nε²). Union over |H|: ≤ 2|H| exp(−2nε²) = δ.
  return std::sqrt((logClassSize + std::log(2.0 / delta)) / (2.0 * n));
}

double treeClassLogSize(int depth, int features, int thresholds) {
  const char* where = "treeClassLogSize";
  requireIntInRange(depth, 0, 30, where, "depth");
  requireIntInRange(features, 1, 10000, where, "features");
  requireIntInRange(thresholds, 1, 1000000, where, "thresholds");
  const double leaves = std::ldexp(1.0, depth);  // 2^depth
  return (leaves - 1.0) * std::log(static_cast<double>(features) * thresholds) + leaves * std::log(2.0);
}

namespace {
// Linear interpolation between order statistics (numpy's default percentile rule).
double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  double pos = q * static_cast<double>(v.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(pos));
  std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}
}  // namespace

GapStudy gapStudy(Model& model, const Matrix& X, const Vector& y, const std::vector<int>& sizes, int repeats,
                  double validationFraction, std::uint32_t seed, int maxSteps) {
  const char* where = "gapStudy";
  constexpr int kMaxRepeats = 200;
  requireIntInRange(repeats, 1, kMaxRepeats, where, "repeats");
  // The repeats and at most as many redraws use seeds seed … seed + 2·repeats − 1, so the seed
  // leaves room for twice the largest repeat count.
  requireIntInRange(double(seed), 0, 4294967295LL - 2 * kMaxRepeats, where, "seed");
  if (sizes.empty()) throw InvalidArgument(std::string(where) + ": sizes is empty");
  const auto m = static_cast<Index>(sizes.size());
  std::vector<std::vector<double>> gaps(sizes.size());
  GapStudy s;
  s.repeats = repeats;
  s.sizes.resize(m);
  s.trainError = Vector::Zero(m);
  s.testError = Vector::Zero(m);
  std::uint32_t next = seed;  // the next unused seed
  for (int r = 0; r < repeats; ++r) {
    CurvePoints c;
    for (;;) {
      const std::uint32_t drawn = next++;
      try {
        c = learningCurve(model, X, y, sizes, validationFraction, drawn, maxSteps);
        break;
      } catch (const SingleClassLabels& e) {
        // This resample dealt a training set one class only: draw the repeat again, within bounds.
        if (s.redrawn.size() == static_cast<std::size_t>(repeats))
          throw InvalidArgument(std::string(where) + ": " + std::to_string(repeats + 1) + " of the " +
                                std::to_string(drawn - seed + 1) + " resamples from seed " + std::to_string(seed) + " to " +
                                std::to_string(drawn) + " dealt a training set points of a single class, more than the " +
                                std::to_string(repeats) + " redraws repeats=" + std::to_string(repeats) +
                                " allows: the labels, or the smallest size, leave too few points of a second class (" + e.what() + ")");
        s.redrawn.push_back(drawn);
      }
    }
    s.sizes = c.at;
    s.trainError += c.trainError;
    s.testError += c.validationError;
    for (Index i = 0; i < m; ++i) gaps[static_cast<std::size_t>(i)].push_back(c.validationError(i) - c.trainError(i));
  }
  s.trainError /= repeats;
  s.testError /= repeats;
  s.gapMean = s.testError - s.trainError;
  s.gapLow.resize(m);
  s.gapHigh.resize(m);
  for (Index i = 0; i < m; ++i) {
    s.gapLow(i) = percentile(gaps[static_cast<std::size_t>(i)], 0.1);
    s.gapHigh(i) = percentile(gaps[static_cast<std::size_t>(i)], 0.9);
  }
  return s;
}

}  // namespace dw

// Learning theory made concrete for the lesson "When does fitting generalise?":
// the Hoeffding + union bound for a finite hypothesis class, the size of the class of
// depth-limited trees on a threshold grid, and a repeated learning-curve experiment that
// measures the train/test gap the bound speaks about.
#pragma once
#include <cstdint>
#include <vector>

#include "dw/model.hpp"
#include "dw/types.hpp"

namespace dw {

// With probability ≥ 1 − δ, every h in a finite class H satisfies
//   |test error(h) − train error(h)| ≤ √((ln|H| + ln(2/δ)) / (2n))
// (Hoeffding's inequality for one h, then a union bound over the |H| hypotheses).
double hoeffdingUnionBound(double n, double logClassSize, double delta);

// ln|H| for binary trees of the given depth on `features` features, each internal node choosing
// one of `thresholds` cut points per feature and each leaf one of 2 labels:
//   |H| ≤ (features · thresholds)^(2^depth − 1) · 2^(2^depth).
double treeClassLogSize(int depth, int features, int thresholds);

// learningCurve (validation.hpp) repeated with seeds seed, seed+1, …: per training size the mean
// train error, mean held-out error, and the mean, 10th and 90th percentile of the gap
// (held-out − train) over the repeats.
// A resample can deal a small training set points of one class only, which a classifier refuses
// (SingleClassLabels); that repeat is drawn again with the next unused seed, and its seed listed in
// `redrawn`. At most `repeats` redraws: one more refusal throws InvalidArgument (the labels, or the
// smallest size, leave too many resamples a single class). Any other error is thrown as it is.
struct GapStudy {
  Vector sizes, trainError, testError, gapMean, gapLow, gapHigh;
  int repeats = 0;
  std::vector<std::uint32_t> redrawn;  // seeds whose resample was drawn again, ascending
};
GapStudy gapStudy(Model& model, const Matrix& X, const Vector& y, const std::vector<int>& sizes, int repeats,
                  double validationFraction, std::uint32_t seed, int maxSteps);

}  // namespace dw

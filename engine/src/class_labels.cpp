#include "dw/class_labels.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

int classLabelCount(const Vector& y, int maxClasses, const char* where, const char* name) {
  int k = 0;
  for (Index i = 0; i < y.size(); ++i) {
    double v = y(i);
    if (!(v >= 0 && v <= maxClasses - 1 && v == std::floor(v)))
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "]=" + formatNumber(v) +
                            " is not a class label (a whole number from 0 to " + std::to_string(maxClasses - 1) + ")");
    k = std::max(k, static_cast<int>(v) + 1);
  }
  return k;
}

std::vector<int> classCounts(const Vector& y, int classes) {
  std::vector<int> counts(static_cast<std::size_t>(classes), 0);
  for (Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  return counts;
}

int requireClassLabels(const Vector& y, int maxClasses, const char* where, bool everyClassPresent) {
  int k = classLabelCount(y, maxClasses, where);
  std::vector<int> counts = classCounts(y, k);
  int present = 0, firstEmpty = -1;
  for (int c = 0; c < k; ++c) {
    present += counts[static_cast<std::size_t>(c)] > 0;
    if (firstEmpty < 0 && counts[static_cast<std::size_t>(c)] == 0) firstEmpty = c;
  }
  std::string missing = everyClassPresent && firstEmpty >= 0
                            ? "; class " + std::to_string(firstEmpty) + " has no points (labels must be 0…" +
                                  std::to_string(k - 1) + " with every class present)"
                            : "";
  if (present < 2)
    throw SingleClassLabels(std::string(where) + ": y holds " + std::to_string(present) + " class(es), a single class (label " +
                          std::to_string(std::max(k - 1, 0)) + ")" + missing + "; a classifier needs points of at least 2 classes");
  if (!missing.empty()) throw InvalidArgument(std::string(where) + ": " + missing.substr(2));
  return k;
}

double log1pExp(double z) {
  // log(1 + e^z) = max(z, 0) + log(1 + e^−|z|)
  return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)));
}

namespace {
// log Σ_c exp(row_c), shifted by the row maximum so exp never overflows.
double logSumExp(const Eigen::Ref<const Eigen::RowVectorXd>& row) {
  double m = row.maxCoeff();
  return m + std::log((row.array() - m).exp().sum());
}
}  // namespace

Matrix probabilitiesFromLogScores(Matrix scores) {
  for (Index r = 0; r < scores.rows(); ++r) {
    double norm = logSumExp(scores.row(r));
    scores.row(r) = (scores.row(r).array() - norm).exp().matrix();
  }
  return scores;
}

Vector mostLikelyClasses(const Matrix& scores) {
  Vector out(scores.rows());
  for (Index r = 0; r < scores.rows(); ++r) {
    Index best = 0;
    scores.row(r).maxCoeff(&best);
    out(r) = static_cast<double>(best);
  }
  return out;
}

double meanLogLossFromLogScores(const Matrix& scores, const Vector& y) {
  // −(1/n) Σ log p(y_i | x_i) = (1/n) Σ (logsumexp(s_i) − s_{i,y_i}).
  double total = 0;
  for (Index r = 0; r < scores.rows(); ++r) total += logSumExp(scores.row(r)) - scores(r, static_cast<Index>(y(r)));
  return total / static_cast<double>(scores.rows());
}

}  // namespace dw

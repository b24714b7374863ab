// The z-score detector and the contamination threshold shared by every detector.
#include <algorithm>
#include <cmath>
#include <string>

#include "dw/anomaly_detection.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

Matrix zScores(const Matrix& X) {
  const char* where = "zScores";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  requireFinite(X, where, "X");
  Matrix Z(X.rows(), X.cols());
  for (Index j = 0; j < X.cols(); ++j) {
    const double mean = X.col(j).mean();
    // Population standard deviation (divide by n), as a detector fitted on all the data.
    const double s = std::sqrt((X.col(j).array() - mean).square().mean());
    for (Index i = 0; i < X.rows(); ++i) Z(i, j) = s > 0 ? (X(i, j) - mean) / s : 0.0;
  }
  return Z;
}

Vector zScoreAnomaly(const Matrix& X) {
  return zScores(X).cwiseAbs().rowwise().maxCoeff();
}

Vector rollingZScores(const Vector& series, int window) {
  const char* where = "rollingZScores";
  requireFinite(series, where, "series");
  const int n = int(series.size());
  requireIntInRange(window, 2, std::max(2, n - 1), where, "window");
  if (n < window + 1)
    throw ShapeError(std::string(where) + ": a series of " + std::to_string(n) + " values is shorter than window + 1");
  Vector z = Vector::Zero(n);
  for (int t = window; t < n; ++t) {
    auto past = series.segment(t - window, window).array();
    const double mean = past.mean();
    const double s = std::sqrt((past - mean).square().mean());
    z(t) = s > 0 ? (series(t) - mean) / s : 0.0;
  }
  return z;
}

double contaminationThreshold(const Vector& scores, double contamination) {
  const char* where = "contaminationThreshold";
  requireInOpenClosed(contamination, 0, 0.5, where, "contamination");
  if (scores.size() == 0) throw ShapeError(std::string(where) + ": no scores");
  requireFinite(scores, where, "scores");
  std::vector<double> sorted(scores.data(), scores.data() + scores.size());
  std::sort(sorted.begin(), sorted.end());
  // numpy.percentile's linear rule: position q·(n − 1) between the two order statistics around it.
  const double pos = (1 - contamination) * double(sorted.size() - 1);
  const std::size_t lo = std::size_t(pos);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

Vector flagAbove(const Vector& scores, double threshold) {
  return (scores.array() > threshold).cast<double>();
}

}  // namespace dw

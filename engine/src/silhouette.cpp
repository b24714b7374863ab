#include "dw/silhouette.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

Vector silhouetteSamples(const Matrix& X, const Vector& labels, const char* where) {
  const Index n = X.rows();
  if (n == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  if (labels.size() != n)
    throw ShapeError(std::string(where) + ": X has " + std::to_string(n) + " rows but labels has " +
                     std::to_string(labels.size()) + " values");
  requireFinite(X, where, "X");
  // Encode labels as 0…m−1 in sorted order.
  std::map<long long, int> code;
  for (Index i = 0; i < n; ++i) {
    double l = labels(i);
    if (!std::isfinite(l) || l != std::floor(l) || std::fabs(l) > 1e9)
      throw InvalidArgument(std::string(where) + ": labels[" + std::to_string(i) + "]=" + formatNumber(l) +
                            " is not a whole number");
    code.emplace(static_cast<long long>(l), 0);
  }
  const int m = static_cast<int>(code.size());
  if (m < 2 || m > n - 1)
    throw InvalidArgument(std::string(where) + ": found " + std::to_string(m) + " distinct label(s) for " +
                          std::to_string(n) + " points; the silhouette needs 2 to n−1 clusters");
  int next = 0;
  for (auto& entry : code) entry.second = next++;
  std::vector<int> c(n);
  std::vector<double> size(m, 0.0);
  for (Index i = 0; i < n; ++i) {
    c[i] = code[static_cast<long long>(labels(i))];
    size[c[i]] += 1.0;
  }
  // sums(i, j) = Σ distance from point i to the points of cluster j.
  Matrix sums = Matrix::Zero(n, m);
  for (Index i = 0; i < n; ++i)
    for (Index j = i + 1; j < n; ++j) {
      double d = std::sqrt((X.row(i) - X.row(j)).squaredNorm());
      sums(i, c[j]) += d;
      sums(j, c[i]) += d;
    }
  Vector s(n);
  for (Index i = 0; i < n; ++i) {
    double own = size[c[i]];
    if (own <= 1.0) {
      s(i) = 0.0;  // a singleton cluster has no a(i): scikit-learn sets s(i) = 0
      continue;
    }
    double a = sums(i, c[i]) / (own - 1.0);
    double b = std::numeric_limits<double>::infinity();
    for (int j = 0; j < m; ++j)
      if (j != c[i]) b = std::min(b, sums(i, j) / size[j]);
    double denom = std::max(a, b);
    s(i) = denom > 0.0 ? (b - a) / denom : 0.0;
  }
  return s;
}

double silhouetteScore(const Matrix& X, const Vector& labels, const char* where) {
  return silhouetteSamples(X, labels, where).mean();
}

}  // namespace dw

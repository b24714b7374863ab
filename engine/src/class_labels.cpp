#include "dw/class_labels.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

int requireClassLabels(const Vector& y, int minClasses, int maxClasses, const char* where) {
  int k = 0;
  for (Index i = 0; i < y.size(); ++i) {
    double v = y(i);
    if (!(v >= 0 && v <= maxClasses - 1 && v == std::floor(v)))
      throw InvalidArgument(std::string(where) + ": y[" + std::to_string(i) + "]=" + formatNumber(v) +
                            " is not a class label (a whole number from 0 to " +
                            std::to_string(maxClasses - 1) + ")");
    k = std::max(k, static_cast<int>(v) + 1);
  }
  std::vector<int> counts(static_cast<std::size_t>(k), 0);
  for (Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  int present = 0;
  for (int c : counts) present += c > 0;
  if (present < minClasses)
    throw InvalidArgument(std::string(where) + ": y holds " + std::to_string(present) +
                          " class(es); needs points of at least " + std::to_string(minClasses) +
                          " classes");
  for (int c = 0; c < k; ++c)
    if (counts[static_cast<std::size_t>(c)] == 0)
      throw InvalidArgument(std::string(where) + ": class " + std::to_string(c) +
                            " has no points (labels must be 0…" + std::to_string(k - 1) +
                            " with every class present)");
  return k;
}

double log1pExp(double z) {
  // log(1 + e^z) = max(z, 0) + log(1 + e^−|z|)
  return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)));
}

}  // namespace dw

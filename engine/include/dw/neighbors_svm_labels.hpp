// Class-label checks shared by the neighbors/naive-Bayes/SVM family: labels arrive as doubles
// (JS numbers) and must be the whole numbers 0, 1, …, K−1.
#pragma once
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/types.hpp"
#include "dw/validate.hpp"

namespace dw {

// Largest label the family accepts; a widget never draws more than a handful of classes.
constexpr int kMaxClassLabels = 64;

// Returns K = (largest label) + 1 after checking every label is a whole number in [0, 64).
inline int classLabelCount(const Vector& y, const char* where) {
  int maxLabel = 0;
  for (Index i = 0; i < y.size(); ++i) {
    double v = y(i);
    if (!(v >= 0 && v < kMaxClassLabels) || v != std::floor(v))
      throw InvalidArgument(std::string(where) + ": y[" + std::to_string(i) + "]=" + formatNumber(v) +
                            " is not a class label (whole numbers 0 to " +
                            std::to_string(kMaxClassLabels - 1) + ")");
    maxLabel = std::max(maxLabel, static_cast<int>(v));
  }
  return maxLabel + 1;
}

// Points per class 0…K−1.
inline std::vector<int> classCounts(const Vector& y, int classes) {
  std::vector<int> counts(static_cast<std::size_t>(classes), 0);
  for (Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  return counts;
}

// Throws InvalidArgument unless at least two classes are present and none in 0…K−1 is empty.
inline void requireEveryClassPresent(const std::vector<int>& counts, const char* where) {
  if (counts.size() < 2)
    throw InvalidArgument(std::string(where) + ": the data has a single class (0); at least two classes are needed");
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (counts[c] == 0)
      throw InvalidArgument(std::string(where) + ": class " + std::to_string(c) +
                            " has no points; labels must be 0…" + std::to_string(counts.size() - 1) +
                            " with every class present");
}

}  // namespace dw

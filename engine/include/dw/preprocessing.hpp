// Preprocessing transformers with scikit-learn's semantics: learn from one matrix with fit(),
// apply to any with transform(). Only SimpleImputer accepts NaN (its job is to fill it); the
// others reject non-finite input. Calling transform() before fit() throws dw::StateError.
#pragma once
#include <vector>

#include "dw/types.hpp"

namespace dw {

// z = (x − mean) / std per column; std is the population standard deviation, 1 for a constant
// column (scikit-learn's StandardScaler).
class StandardScaler {
 public:
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix fitTransform(const Matrix& X) { fit(X); return transform(X); }
  Matrix inverseTransform(const Matrix& Z) const;
  const Vector& mean() const { return mean_; }
  const Vector& scale() const { return scale_; }
  bool fitted() const { return mean_.size() > 0; }

 private:
  Vector mean_, scale_;
};

// x' = lo + (x − min)·(hi − lo)/(max − min) per column; a constant column maps to lo
// (its range is treated as 1, as scikit-learn does). Values outside the fitted range map
// outside [lo, hi] (no clipping).
class MinMaxScaler {
 public:
  // Output range [lo, hi], lo < hi. Default [0, 1].
  void setFeatureRange(double lo, double hi);
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix fitTransform(const Matrix& X) { fit(X); return transform(X); }
  Matrix inverseTransform(const Matrix& Z) const;
  const Vector& dataMin() const { return dataMin_; }
  const Vector& dataMax() const { return dataMax_; }
  bool fitted() const { return dataMin_.size() > 0; }

 private:
  double lo_ = 0.0, hi_ = 1.0;
  Vector dataMin_, dataMax_, scale_, offset_;  // x' = x·scale + offset
};

// x' = (x − median) / (q_hi − q_lo) per column, the quantiles of the training column taken by
// linear interpolation between order statistics (numpy's default percentile, as scikit-learn's
// RobustScaler uses); default quantiles 25 and 75, so the scale is the interquartile range. A
// column whose range between the quantiles is 0 keeps scale 1. A few extreme values barely move
// the median or the quartiles, so the bulk of the data keeps its spread.
class RobustScaler {
 public:
  // Quantiles in percent, 0 ≤ lo < hi ≤ 100. Default (25, 75). Takes effect at the next fit().
  void setQuantileRange(double lo, double hi);
  void setCentering(bool on) { centering_ = on; }
  void setScaling(bool on) { scaling_ = on; }
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix fitTransform(const Matrix& X) { fit(X); return transform(X); }
  Matrix inverseTransform(const Matrix& Z) const;
  // Per column: the median (0 when centering is off) and the quantile range (1 when scaling is off).
  const Vector& center() const { return center_; }
  const Vector& scale() const { return scale_; }
  bool fitted() const { return center_.size() > 0; }

 private:
  double qLo_ = 25.0, qHi_ = 75.0;
  bool centering_ = true, scaling_ = true;
  Vector center_, scale_;
};

// Percentile q (0…100) of the values by linear interpolation between order statistics: the value
// at position (n − 1)·q/100 of the sorted list (numpy.percentile's default). values non-empty.
double percentileLinear(std::vector<double> values, double q);

// One 0/1 column per category of every input column (categories = the distinct values seen
// in fit, ascending), blocks in input-column order.
class OneHotEncoder {
 public:
  // false (default): an unseen category in transform() throws InvalidArgument.
  // true: it becomes a row of zeros in that column's block (handle_unknown="ignore").
  void setIgnoreUnknown(bool ignore) { ignoreUnknown_ = ignore; }
  bool ignoreUnknown() const { return ignoreUnknown_; }
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix fitTransform(const Matrix& X) { fit(X); return transform(X); }
  const std::vector<double>& categories(int column) const;
  int inputColumns() const { return int(categories_.size()); }
  int outputColumns() const;

 private:
  bool ignoreUnknown_ = false;
  std::vector<std::vector<double>> categories_;
};

// Fills NaN with each column's mean or median over its non-missing training values.
class SimpleImputer {
 public:
  enum class Strategy { Mean, Median };
  void setStrategy(Strategy s) { strategy_ = s; }
  Strategy strategy() const { return strategy_; }
  // NaN marks a missing value; ±Infinity is rejected. A column with no value at all throws.
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix fitTransform(const Matrix& X) { fit(X); return transform(X); }
  const Vector& statistics() const { return statistics_; }
  bool fitted() const { return statistics_.size() > 0; }

 private:
  Strategy strategy_ = Strategy::Mean;
  Vector statistics_;
};

}  // namespace dw

#include "dw/preprocessing.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

void requireFitInput(const Matrix& X, const char* where) {
  if (X.rows() == 0 || X.cols() == 0)
    throw ShapeError(std::string(where) + ": the data is empty (X is " + std::to_string(X.rows()) + "x" +
                     std::to_string(X.cols()) + ")");
  requireFinite(X, where, "X");
}

void requireTransformInput(const Matrix& X, Index cols, bool fitted, const char* where) {
  if (!fitted) throw StateError(std::string(where) + ": not fitted yet; call fit(X) first");
  requireColumns(X, cols, where);
  requireFinite(X, where, "X");
}

}  // namespace

// ---- StandardScaler ----
void StandardScaler::fit(const Matrix& X) {
  requireFitInput(X, "StandardScaler.fit");
  mean_ = X.colwise().mean().transpose();
  // Population standard deviation sqrt(mean((x − mean)²)), scikit-learn's scale_ (ddof = 0).
  scale_ = ((X.rowwise() - mean_.transpose()).array().square().colwise().mean()).sqrt().transpose();
  for (Index j = 0; j < scale_.size(); ++j)
    if (scale_(j) == 0.0) scale_(j) = 1.0;  // a constant column stays centred rather than 0/0
}

Matrix StandardScaler::transform(const Matrix& X) const {
  requireTransformInput(X, mean_.size(), fitted(), "StandardScaler.transform");
  return ((X.rowwise() - mean_.transpose()).array().rowwise() / scale_.transpose().array()).matrix();
}

Matrix StandardScaler::inverseTransform(const Matrix& Z) const {
  requireTransformInput(Z, mean_.size(), fitted(), "StandardScaler.inverseTransform");
  return ((Z.array().rowwise() * scale_.transpose().array()).rowwise() + mean_.transpose().array()).matrix();
}

// ---- MinMaxScaler ----
void MinMaxScaler::setFeatureRange(double lo, double hi) {
  const char* where = "MinMaxScaler.setFeatureRange";
  requireInRange(lo, -1e9, 1e9, where, "lo");
  requireInRange(hi, -1e9, 1e9, where, "hi");
  if (!(lo < hi))
    throw InvalidArgument(std::string(where) + ": lo=" + formatNumber(lo) + " must be below hi=" + formatNumber(hi));
  lo_ = lo;
  hi_ = hi;
  if (fitted()) {
    // Keep the learnt data range, recompute the map for the new output range.
    Vector lo0 = dataMin_, hi0 = dataMax_;
    Matrix both(2, lo0.size());
    both.row(0) = lo0.transpose();
    both.row(1) = hi0.transpose();
    fit(both);
  }
}

void MinMaxScaler::fit(const Matrix& X) {
  requireFitInput(X, "MinMaxScaler.fit");
  dataMin_ = X.colwise().minCoeff().transpose();
  dataMax_ = X.colwise().maxCoeff().transpose();
  Vector range = dataMax_ - dataMin_;
  for (Index j = 0; j < range.size(); ++j)
    if (range(j) == 0.0) range(j) = 1.0;  // scikit-learn's _handle_zeros_in_scale
  // x' = x·scale + offset with scale = (hi − lo)/range and offset = lo − min·scale.
  scale_ = (hi_ - lo_) / range.array();
  offset_ = (lo_ - dataMin_.array() * scale_.array()).matrix();
}

Matrix MinMaxScaler::transform(const Matrix& X) const {
  requireTransformInput(X, dataMin_.size(), fitted(), "MinMaxScaler.transform");
  return ((X.array().rowwise() * scale_.transpose().array()).rowwise() + offset_.transpose().array()).matrix();
}

Matrix MinMaxScaler::inverseTransform(const Matrix& Z) const {
  requireTransformInput(Z, dataMin_.size(), fitted(), "MinMaxScaler.inverseTransform");
  return ((Z.array().rowwise() - offset_.transpose().array()).rowwise() / scale_.transpose().array()).matrix();
}

// ---- RobustScaler ----
double percentileLinear(std::vector<double> values, double q) {
  const char* where = "percentileLinear";
  if (values.empty()) throw ShapeError(std::string(where) + ": no values");
  requireInRange(q, 0.0, 100.0, where, "q");
  std::sort(values.begin(), values.end());
  // Position (n − 1)·q/100 between order statistics; interpolate between its neighbours.
  const double pos = double(values.size() - 1) * q / 100.0;
  const std::size_t below = std::size_t(std::floor(pos));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double frac = pos - double(below);
  return values[below] + (values[above] - values[below]) * frac;
}

void RobustScaler::setQuantileRange(double lo, double hi) {
  const char* where = "RobustScaler.setQuantileRange";
  requireInRange(lo, 0.0, 100.0, where, "lo");
  requireInRange(hi, 0.0, 100.0, where, "hi");
  if (!(lo < hi))
    throw InvalidArgument(std::string(where) + ": lo=" + formatNumber(lo) + " must be below hi=" + formatNumber(hi));
  qLo_ = lo;
  qHi_ = hi;
}

void RobustScaler::fit(const Matrix& X) {
  requireFitInput(X, "RobustScaler.fit");
  Vector center = Vector::Zero(X.cols()), scale = Vector::Ones(X.cols());
  for (Index j = 0; j < X.cols(); ++j) {
    std::vector<double> column(static_cast<std::size_t>(X.rows()));
    for (Index i = 0; i < X.rows(); ++i) column[std::size_t(i)] = X(i, j);  // X is row-major
    if (centering_) center(j) = percentileLinear(column, 50.0);
    if (scaling_) {
      const double range = percentileLinear(column, qHi_) - percentileLinear(column, qLo_);
      scale(j) = range == 0.0 ? 1.0 : range;  // scikit-learn's _handle_zeros_in_scale
    }
  }
  center_ = center;
  scale_ = scale;
}

Matrix RobustScaler::transform(const Matrix& X) const {
  requireTransformInput(X, center_.size(), fitted(), "RobustScaler.transform");
  return ((X.rowwise() - center_.transpose()).array().rowwise() / scale_.transpose().array()).matrix();
}

Matrix RobustScaler::inverseTransform(const Matrix& Z) const {
  requireTransformInput(Z, center_.size(), fitted(), "RobustScaler.inverseTransform");
  return ((Z.array().rowwise() * scale_.transpose().array()).rowwise() + center_.transpose().array()).matrix();
}

// ---- OneHotEncoder ----
void OneHotEncoder::fit(const Matrix& X) {
  const char* where = "OneHotEncoder.fit";
  requireFitInput(X, where);
  std::vector<std::vector<double>> cats(static_cast<std::size_t>(X.cols()));
  for (Index j = 0; j < X.cols(); ++j) {
    auto& c = cats[std::size_t(j)];
    c.reserve(std::size_t(X.rows()));
    for (Index i = 0; i < X.rows(); ++i) c.push_back(X(i, j));
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    if (c.size() > 1000)
      throw InvalidArgument(std::string(where) + ": column " + std::to_string(j) + " has " +
                            std::to_string(c.size()) + " categories (at most 1000)");
  }
  categories_ = std::move(cats);
}

int OneHotEncoder::outputColumns() const {
  std::size_t total = 0;
  for (const auto& c : categories_) total += c.size();
  return int(total);
}

const std::vector<double>& OneHotEncoder::categories(int column) const {
  if (column < 0 || column >= inputColumns())
    throw InvalidArgument("OneHotEncoder.categories: column=" + std::to_string(column) + " is not one of the " +
                          std::to_string(inputColumns()) + " fitted columns");
  return categories_[std::size_t(column)];
}

Matrix OneHotEncoder::transform(const Matrix& X) const {
  const char* where = "OneHotEncoder.transform";
  requireTransformInput(X, Index(categories_.size()), !categories_.empty(), where);
  Matrix out = Matrix::Zero(X.rows(), outputColumns());
  Index offset = 0;
  for (Index j = 0; j < X.cols(); ++j) {
    const auto& c = categories_[std::size_t(j)];
    for (Index i = 0; i < X.rows(); ++i) {
      auto it = std::lower_bound(c.begin(), c.end(), X(i, j));
      if (it != c.end() && *it == X(i, j)) {
        out(i, offset + Index(it - c.begin())) = 1.0;
      } else if (!ignoreUnknown_) {
        throw InvalidArgument(std::string(where) + ": X[" + std::to_string(i) + "][" + std::to_string(j) +
                              "]=" + formatNumber(X(i, j)) + " is a category not seen in fit (column " +
                              std::to_string(j) + " has " + std::to_string(c.size()) +
                              "); setIgnoreUnknown(true) encodes it as all zeros");
      }
    }
    offset += Index(c.size());
  }
  return out;
}

// ---- SimpleImputer ----
namespace {
void requireFiniteOrNaN(const Matrix& X, const char* where) {
  for (Index i = 0; i < X.rows(); ++i)
    for (Index j = 0; j < X.cols(); ++j)
      if (std::isinf(X(i, j)))
        throw InvalidArgument(std::string(where) + ": X[" + std::to_string(i) + "][" + std::to_string(j) +
                              "]=" + formatNumber(X(i, j)) + " is infinite (only NaN marks a missing value)");
}
}  // namespace

void SimpleImputer::fit(const Matrix& X) {
  const char* where = "SimpleImputer.fit";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  requireFiniteOrNaN(X, where);
  Vector stats(X.cols());
  for (Index j = 0; j < X.cols(); ++j) {
    std::vector<double> present;
    for (Index i = 0; i < X.rows(); ++i)
      if (!std::isnan(X(i, j))) present.push_back(X(i, j));
    if (present.empty())
      throw InvalidArgument(std::string(where) + ": column " + std::to_string(j) +
                            " has no value at all (every entry is NaN)");
    double n = double(present.size());
    if (strategy_ == Strategy::Mean) {
      double sum = 0;
      for (double v : present) sum += v;
      stats(j) = sum / n;
    } else {
      // Median: the middle value, or the mean of the two middle values for an even count.
      std::sort(present.begin(), present.end());
      std::size_t m = present.size() / 2;
      stats(j) = present.size() % 2 ? present[m] : (present[m - 1] + present[m]) / 2.0;
    }
  }
  statistics_ = stats;
}

Matrix SimpleImputer::transform(const Matrix& X) const {
  const char* where = "SimpleImputer.transform";
  if (!fitted()) throw StateError(std::string(where) + ": not fitted yet; call fit(X) first");
  requireColumns(X, statistics_.size(), where);
  requireFiniteOrNaN(X, where);
  Matrix out = X;
  for (Index i = 0; i < X.rows(); ++i)
    for (Index j = 0; j < X.cols(); ++j)
      if (std::isnan(out(i, j))) out(i, j) = statistics_(j);
  return out;
}

}  // namespace dw

#include "dw/validate.hpp"

#include <cmath>
#include <cstdio>

namespace dw {

std::string formatNumber(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  // "%.6g" is what an ostream with precision(6) writes for a double (the standard defines the
  // stream's output by this printf conversion). snprintf instead of std::ostringstream keeps the
  // C++ locale and iostream machinery out of the WASM module: about 75 KiB of code, 26 KiB gzip.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

static std::string prefix(const char* where, const char* name, double v) {
  return std::string(where) + ": " + name + "=" + formatNumber(v);
}

void requireInRange(double v, double lo, double hi, const char* where, const char* name) {
  if (!std::isfinite(v)) throw InvalidArgument(prefix(where, name, v) + " is not a finite number");
  if (v < lo || v > hi)
    throw InvalidArgument(prefix(where, name, v) + " must be in [" + formatNumber(lo) + ", " +
                          formatNumber(hi) + "]");
}

void requireInOpenClosed(double v, double lo, double hi, const char* where, const char* name) {
  if (!std::isfinite(v)) throw InvalidArgument(prefix(where, name, v) + " is not a finite number");
  if (v <= lo || v > hi)
    throw InvalidArgument(prefix(where, name, v) + " must be in (" + formatNumber(lo) + ", " +
                          formatNumber(hi) + "]");
}

void requireIntInRange(double v, long long lo, long long hi, const char* where, const char* name) {
  requireInRange(v, double(lo), double(hi), where, name);
  if (v != std::floor(v)) throw InvalidArgument(prefix(where, name, v) + " must be a whole number");
}

void requireFinite(const Matrix& m, const char* where, const char* name) {
  for (Index i = 0; i < m.rows(); ++i)
    for (Index j = 0; j < m.cols(); ++j)
      if (!std::isfinite(m(i, j)))
        throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "][" +
                              std::to_string(j) + "]=" + formatNumber(m(i, j)) +
                              " is not a finite number");
}

void requireFinite(const Vector& v, const char* where, const char* name) {
  for (Index i = 0; i < v.size(); ++i)
    if (!std::isfinite(v(i)))
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) +
                            "]=" + formatNumber(v(i)) + " is not a finite number");
}

void requireSupervisedShape(const Matrix& X, const Vector& y, Index minRows, const char* where) {
  if (X.rows() == 0 || X.cols() == 0)
    throw ShapeError(std::string(where) + ": the data is empty (X is " + std::to_string(X.rows()) +
                     "x" + std::to_string(X.cols()) + ")");
  if (X.rows() != y.size())
    throw ShapeError(std::string(where) + ": X has " + std::to_string(X.rows()) +
                     " rows but y has " + std::to_string(y.size()) + " values");
  if (X.rows() < minRows)
    throw ShapeError(std::string(where) + ": needs at least " + std::to_string(minRows) +
                     " points, got " + std::to_string(X.rows()));
  requireFinite(X, where, "X");
  requireFinite(y, where, "y");
}

void requireColumns(const Matrix& X, Index cols, const char* where) {
  if (X.cols() != cols)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(cols) +
                     " feature column(s), got " + std::to_string(X.cols()));
}

void requireQuery(const Matrix& X, Index cols, const char* where) {
  requireColumns(X, cols, where);
  requireFinite(X, where, "X");
}

}  // namespace dw

// Checks made at the door of every public call. Each message names the call ("where")
// and the offending value so the learner sees e.g. "LinearRegression.setLearningRate:
// learningRate=-1 must be in (0, 100]".
#pragma once
#include <string>

#include "dw/errors.hpp"
#include "dw/types.hpp"

namespace dw {

std::string formatNumber(double v);

// Throws InvalidArgument unless v is finite and lo <= v <= hi.
void requireInRange(double v, double lo, double hi, const char* where, const char* name);
// Throws InvalidArgument unless v is finite and lo < v <= hi.
void requireInOpenClosed(double v, double lo, double hi, const char* where, const char* name);
// Throws InvalidArgument unless v is an integer in [lo, hi].
void requireIntInRange(double v, long long lo, long long hi, const char* where, const char* name);
// Throws InvalidArgument naming the first non-finite entry.
void requireFinite(const Matrix& m, const char* where, const char* name);
void requireFinite(const Vector& v, const char* where, const char* name);
// Throws ShapeError unless X has at least minRows rows, at least one column, and y matches.
void requireSupervisedShape(const Matrix& X, const Vector& y, Index minRows, const char* where);
// Throws ShapeError unless X has exactly `cols` columns.
void requireColumns(const Matrix& X, Index cols, const char* where);
// Query points for a model fitted on `cols` features: exactly `cols` columns, all finite.
void requireQuery(const Matrix& X, Index cols, const char* where);

}  // namespace dw

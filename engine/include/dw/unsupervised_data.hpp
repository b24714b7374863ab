// Input checks shared by the unsupervised models. They follow dw::Model's setData(X, y)
// signature, but y carries no targets: it may be empty (what the JS side usually passes) or
// have one value per row (labels a widget wants to colour by), and is otherwise ignored.
#pragma once
#include <string>

#include "dw/errors.hpp"
#include "dw/types.hpp"
#include "dw/validate.hpp"

namespace dw {

// Throws ShapeError for empty X, fewer than minRows rows, or a y that is neither empty nor one
// value per row; InvalidArgument for a non-finite entry of X.
inline void requireUnlabelledData(const Matrix& X, const Vector& y, Index minRows, const char* where) {
  if (X.rows() == 0 || X.cols() == 0)
    throw ShapeError(std::string(where) + ": the data is empty (X is " + std::to_string(X.rows()) + "x" +
                     std::to_string(X.cols()) + ")");
  if (y.size() != 0 && y.size() != X.rows())
    throw ShapeError(std::string(where) + ": y is ignored but must be empty or have one value per row; X has " +
                     std::to_string(X.rows()) + " rows but y has " + std::to_string(y.size()) + " values");
  if (X.rows() < minRows)
    throw ShapeError(std::string(where) + ": needs at least " + std::to_string(minRows) + " points, got " +
                     std::to_string(X.rows()));
  requireFinite(X, where, "X");
}

}  // namespace dw

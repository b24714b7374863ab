// Shared numeric types. Matrices are row-major so a JS Float64Array of n*d values
// (row after row) maps onto them without reordering.
#pragma once
#include <Eigen/Dense>
#include <cstdint>
#include <limits>

namespace dw {
using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;
using Index = Eigen::Index;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace dw

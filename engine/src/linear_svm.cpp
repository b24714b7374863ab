#include "dw/linear_svm.hpp"

#include <limits>
#include <string>

namespace dw {

LinearSVM::LinearSVM() : SupportVectorMachine(1) {
  SvmKernel linear;
  linear.type = SvmKernel::Type::Linear;
  useKernel(linear);
}

Vector LinearSVM::weights() const {
  requireData("LinearSVM.weights");
  // w = Σ α_i y_i x_i = Xᵀ (α ∘ y)
  return X_.transpose() * solver_.alpha().cwiseProduct(signs_);
}

double LinearSVM::marginWidth() const {
  double norm = weights().norm();
  return norm > 0 ? 2.0 / norm : std::numeric_limits<double>::infinity();
}

Vector LinearSVM::params() const {
  if (X_.rows() == 0) return Vector(0);
  Vector p(featureCount_ + 1);
  p << weights(), intercept();
  return p;
}

Vector LinearSVM::decisionValues(const Matrix& X) const {
  return (X * weights()).array() + intercept();
}

std::vector<std::string> LinearSVM::extraTraceColumns() const {
  std::vector<std::string> cols;
  for (Index j = 0; j < featureCount_; ++j) cols.push_back("w" + std::to_string(j));
  cols.push_back("margin");
  return cols;
}

void LinearSVM::appendExtraTrace(std::vector<double>& row) const {
  Vector w = weights();
  for (Index j = 0; j < w.size(); ++j) row.push_back(w(j));
  row.push_back(marginWidth());
}

}  // namespace dw

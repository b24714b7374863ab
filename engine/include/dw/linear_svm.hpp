// Soft-margin linear SVM: minimises ½‖w‖² + C Σ max(0, 1 − y_i (w·x_i + b)) by SMO on the dual
// with the linear kernel K(a, b) = a·b; one step() is one SMO pair update by default, so the
// separating line can be watched moving. w = Σ α_i y_i x_i is recovered from the dual.
#pragma once
#include "dw/support_vector_machine.hpp"

namespace dw {

class LinearSVM : public SupportVectorMachine {
 public:
  LinearSVM();
  const char* name() const override { return "LinearSVM"; }
  Vector params() const override;  // [w_0 … w_{d−1}, b]

  // w = Σ_i α_i y_i x_i (length d).
  Vector weights() const;
  // Width of the margin band between w·x + b = ±1: 2/‖w‖ (Infinity while w = 0).
  double marginWidth() const;

 protected:
  std::vector<std::string> extraTraceColumns() const override;
  void appendExtraTrace(std::vector<double>& row) const override;
  Vector decisionValues(const Matrix& X) const override;  // X w + b
};

}  // namespace dw

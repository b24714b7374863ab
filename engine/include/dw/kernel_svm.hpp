// Soft-margin SVM with a kernel (RBF, polynomial or linear), trained by SMO with libsvm's
// second-order working-set selection. One step() performs up to 50 pair updates by default
// (setPairsPerStep), so the boundary visibly evolves frame by frame; it converges when the KKT
// violation is below the tolerance (1e-3), as libsvm does.
#pragma once
#include <string>

#include "dw/support_vector_machine.hpp"

namespace dw {

class KernelSVM : public SupportVectorMachine {
 public:
  KernelSVM();
  const char* name() const override { return "KernelSVM"; }
  // [y_0 α_0 … y_{n−1} α_{n−1}, b]: the dual coefficient of every training point (0 for
  // non-support vectors) and the bias.
  Vector params() const override;

  void setKernel(const std::string& kernel);  // "rbf" (default) | "poly" | "linear"
  void setGamma(double gamma);                // γ in (0, 1e6]; default 1
  void setDegree(int degree);                 // polynomial degree 1…10; default 3
  void setCoef0(double coef0);                // polynomial offset in [−1e6, 1e6]; default 0
  std::string kernelName() const;
  double gamma() const { return kernel().gamma; }
  int degree() const { return kernel().degree; }
  double coef0() const { return kernel().coef0; }
};

}  // namespace dw

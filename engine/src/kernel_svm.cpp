#include "dw/kernel_svm.hpp"

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

KernelSVM::KernelSVM() : SupportVectorMachine(50) {}

void KernelSVM::setKernel(const std::string& name) {
  SvmKernel k = kernel();
  if (name == "rbf") k.type = SvmKernel::Type::Rbf;
  else if (name == "poly") k.type = SvmKernel::Type::Poly;
  else if (name == "linear") k.type = SvmKernel::Type::Linear;
  else throw InvalidArgument("KernelSVM.setKernel: kernel='" + name + "' must be 'rbf', 'poly' or 'linear'");
  useKernel(k);
}

std::string KernelSVM::kernelName() const {
  switch (kernel().type) {
    case SvmKernel::Type::Rbf: return "rbf";
    case SvmKernel::Type::Poly: return "poly";
    case SvmKernel::Type::Linear: return "linear";
  }
  return "rbf";
}

void KernelSVM::setGamma(double gamma) {
  requireInOpenClosed(gamma, 0.0, 1e6, "KernelSVM.setGamma", "gamma");
  SvmKernel k = kernel();
  k.gamma = gamma;
  useKernel(k);
}

void KernelSVM::setDegree(int degree) {
  requireIntInRange(degree, 1, 10, "KernelSVM.setDegree", "degree");
  SvmKernel k = kernel();
  k.degree = degree;
  useKernel(k);
}

void KernelSVM::setCoef0(double coef0) {
  requireInRange(coef0, -1e6, 1e6, "KernelSVM.setCoef0", "coef0");
  SvmKernel k = kernel();
  k.coef0 = coef0;
  useKernel(k);
}

Vector KernelSVM::params() const {
  if (X_.rows() == 0) return Vector(0);
  Vector p(X_.rows() + 1);
  p << solver_.alpha().cwiseProduct(signs_), intercept();
  return p;
}

}  // namespace dw

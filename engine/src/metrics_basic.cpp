#include "dw/metrics_basic.hpp"

namespace dw {

double meanSquaredError(const Vector& yTrue, const Vector& yPred) {
  return (yTrue - yPred).array().square().mean();
}

double meanAbsoluteError(const Vector& yTrue, const Vector& yPred) {
  return (yTrue - yPred).array().abs().mean();
}

double r2Score(const Vector& yTrue, const Vector& yPred) {
  double ssRes = (yTrue - yPred).squaredNorm();
  double ssTot = (yTrue.array() - yTrue.mean()).square().sum();
  if (ssTot == 0.0) return ssRes == 0.0 ? 1.0 : 0.0;
  return 1.0 - ssRes / ssTot;
}

double accuracy(const Vector& yTrue, const Vector& yPred) {
  Index hits = 0;
  for (Index i = 0; i < yTrue.size(); ++i) hits += yTrue(i) == yPred(i);
  return static_cast<double>(hits) / static_cast<double>(yTrue.size());
}

}  // namespace dw

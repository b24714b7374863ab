// Quantised TransferNets as models: the weight-quantised copy, its class probabilities (with the
// hidden activations quantised too when asked) and the decision maps of a 2-input network at full
// precision and quantised, for the quantisation lesson's 2-D view. Formulas in dw/quantise.hpp.
#include <cmath>

#include "dw/errors.hpp"
#include "dw/lora.hpp"
#include "dw/model.hpp"  // gridPoints
#include "dw/quantise.hpp"
#include "dw/validate.hpp"

namespace dw {

TransferNet quantisedCopy(const TransferNet& net, const QuantSpec& spec, const char* where) {
  requireIntInRange(spec.bits, 2, 16, where, "bits");
  TransferNet q = net;
  QuantisedMatrix W1 = quantiseMatrix(net.effectiveHiddenWeights(), spec.bits, spec.scheme, spec.perChannel, where);
  QuantisedMatrix W2 = quantiseMatrix(net.headWeights(), spec.bits, spec.scheme, spec.perChannel, where);
  q.startTransfer(net, TransferMode::Full, net.classes(), 1, 1.0, 0);  // drops the adapter (merged above)
  q.setHiddenWeights(W1.values, net.hiddenBiases());
  q.setHeadWeights(W2.values, net.headBiases());
  return q;
}

Matrix quantisedProbabilities(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, const Matrix& X,
                              const char* where) {
  requireIntInRange(spec.bits, 2, 16, where, "bits");
  if (spec.activationBits != 0) requireIntInRange(spec.activationBits, 2, 16, where, "activationBits");
  TransferNet q = quantisedCopy(net, spec, where);
  if (spec.activationBits == 0) return q.predictProba(X);
  // Activations: asymmetric over [0, max on the calibration data] (ReLU outputs are ≥ 0).
  if (calibration.rows() == 0) throw ShapeError(std::string(where) + ": the calibration data is empty");
  Matrix Hc = q.hiddenActivations(calibration);
  QuantParams pa = quantParamsForRange(0.0, Hc.maxCoeff(), spec.activationBits, QuantScheme::Asymmetric, where);
  Matrix H = q.hiddenActivations(X);
  Matrix W = q.headWeights();
  Vector b = q.headBiases();
  Matrix P(X.rows(), q.classes());
  for (Index n = 0; n < X.rows(); ++n) {
    Vector a = fakeQuantise(H.row(n).transpose(), pa);
    Vector z = W * a + b;
    // Softmax, shifted by the largest logit so no exponential overflows.
    Vector e = (z.array() - z.maxCoeff()).exp();
    P.row(n) = (e / e.sum()).transpose();
  }
  return P;
}

namespace {
Matrix gridFor(const TransferNet& net, double x0, double x1, double y0, double y1, int nx, int ny, const char* where) {
  if (net.inputs() != 2)
    throw ShapeError(std::string(where) + ": a decision map needs a network with 2 inputs; this one has " +
                     std::to_string(net.inputs()));
  return gridPoints(x0, x1, y0, y1, nx, ny, where);
}
// Row-major cells × classes, as Model::predictGrid lays them out.
Vector flatten(const Matrix& P) {
  Vector out(P.size());
  for (Index n = 0; n < P.rows(); ++n)
    for (Index c = 0; c < P.cols(); ++c) out(n * P.cols() + c) = P(n, c);
  return out;
}
}  // namespace

Vector transferProbabilityGrid(const TransferNet& net, double x0, double x1, double y0, double y1, int nx, int ny) {
  return flatten(net.predictProba(gridFor(net, x0, x1, y0, y1, nx, ny, "TransferNet.probabilityGrid")));
}

Vector quantisedProbabilityGrid(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, double x0,
                                double x1, double y0, double y1, int nx, int ny) {
  const char* where = "TransferNet.quantisedProbabilityGrid";
  return flatten(quantisedProbabilities(net, spec, calibration, gridFor(net, x0, x1, y0, y1, nx, ny, where), where));
}

}  // namespace dw

#include "dw/activations.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/two_lanes.hpp"

namespace dw {

Activation activationFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "relu") return Activation::ReLU;
  if (n == "leakyrelu") return Activation::LeakyReLU;
  if (n == "tanh") return Activation::Tanh;
  if (n == "sigmoid") return Activation::Sigmoid;
  if (n == "linear") return Activation::Linear;
  if (n == "gelu") return Activation::GELU;
  throw InvalidArgument(std::string(where) + ": activation='" + name +
                        "' is not one of relu, leaky-relu, tanh, sigmoid, linear, gelu");
}

const char* activationName(Activation a) {
  switch (a) {
    case Activation::ReLU: return "relu";
    case Activation::LeakyReLU: return "leaky-relu";
    case Activation::Tanh: return "tanh";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Linear: return "linear";
    case Activation::GELU: return "gelu";
  }
  return "unknown";
}

double sigmoid(double z) {
  // For z < 0 use e^z / (1 + e^z) so e^{−z} never overflows.
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

double softplus(double x) { return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x))); }

void applyActivation(Activation a, const Matrix& Z, Matrix& A) {
  A.resize(Z.rows(), Z.cols());
  switch (a) {
    case Activation::ReLU: A = Z.cwiseMax(0.0); break;
    case Activation::LeakyReLU: A = (Z.array() > 0).select(Z, kLeakySlope * Z); break;
    case Activation::Tanh:
      // Two-lane tanh (dw/two_lanes.hpp): the same bits natively and in WASM, two values at a
      // time, where Eigen's tanh calls libm per value (musl's in WASM: about 26 ns a value
      // against glibc's 15 ns natively; most of the gap of the MLP step).
      tanhArray(Z.data(), A.data(), static_cast<long>(Z.size()));
      break;
    case Activation::Sigmoid: A = Z.unaryExpr([](double z) { return sigmoid(z); }); break;
    case Activation::Linear: A = Z; break;
    case Activation::GELU:
      // Exact GELU (Hendrycks & Gimpel 2016): z Φ(z) = ½ z (1 + erf(z/√2)).
      A = Z.unaryExpr([](double z) { return 0.5 * z * (1.0 + std::erf(z * detmath::kInvSqrt2)); });
      break;
  }
}

void activationDerivative(Activation a, const Matrix& Z, const Matrix& A, Matrix& D) {
  D.resize(Z.rows(), Z.cols());
  switch (a) {
    case Activation::ReLU: D = (Z.array() > 0).cast<double>(); break;
    case Activation::LeakyReLU: D = (Z.array() > 0).select(Matrix::Ones(Z.rows(), Z.cols()), kLeakySlope); break;
    case Activation::Tanh: D = 1.0 - A.array().square(); break;            // tanh' = 1 − tanh²
    case Activation::Sigmoid: D = A.array() * (1.0 - A.array()); break;    // σ' = σ(1 − σ)
    case Activation::Linear: D.setOnes(); break;
    case Activation::GELU:
      // d/dz [z Φ(z)] = Φ(z) + z φ(z), φ the standard normal density.
      D = Z.unaryExpr([](double z) {
        return 0.5 * (1.0 + std::erf(z * detmath::kInvSqrt2)) + z * detmath::kInvSqrt2Pi * std::exp(-0.5 * z * z);
      });
      break;
  }
}

}  // namespace dw

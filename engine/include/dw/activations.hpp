// Neuron activation functions for the MLP, applied element-wise to a block of pre-activations
// Z (rows = points, columns = units), with the derivatives back-propagation needs.
#pragma once
#include <string>

#include "dw/types.hpp"

namespace dw {

enum class Activation { ReLU, LeakyReLU, Tanh, Sigmoid, Linear, GELU };

// "relu", "leaky-relu" (also "leakyrelu", "leaky_relu"), "tanh", "sigmoid", "linear", "gelu".
Activation activationFromName(const std::string& name, const char* where);
const char* activationName(Activation a);
// Slope of leaky ReLU for z < 0.
constexpr double kLeakySlope = 0.01;

// A = f(Z), element-wise. A may alias Z.
void applyActivation(Activation a, const Matrix& Z, Matrix& A);
// D = f'(Z) given Z and A = f(Z) (tanh and sigmoid use A; the others use Z).
void activationDerivative(Activation a, const Matrix& Z, const Matrix& A, Matrix& D);

// σ(z) = 1 / (1 + e^{−z}), computed without overflow for large |z|.
double sigmoid(double z);
// log(1 + eˣ) without overflow: max(x, 0) + log1p(e^−|x|).
double softplus(double x);

}  // namespace dw

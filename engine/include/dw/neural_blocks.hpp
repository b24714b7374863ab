// Small building blocks of neural networks for the neural playgrounds: activation curves
// (the MLP's own activations, applied to a list of inputs), softmax, a deep chain of one-unit
// layers that shows vanishing gradients, a 2-D convolution with max-pooling, and scaled
// dot-product attention with several heads. Pure functions: no state, no randomness.
#pragma once
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace dw {

// f(z) and f'(z) for every z, with the MLP's activation `name` (activations.hpp).
struct ActivationCurve {
  Vector value, derivative;
};
ActivationCurve activationCurve(const std::string& name, const Vector& z);

// softmax(z / T)_i = exp(z_i/T − max) / Σ_j exp(z_j/T − max); T > 0 is the temperature.
Vector softmax(const Vector& z, double temperature);

// A chain of `depth` one-unit layers a_l = f(w·a_{l−1} + b), a_0 = input. Back-propagation
// multiplies one factor w·f'(z_l) per layer, so ∂a_depth/∂a_l = Π_{m>l} w·f'(z_m).
struct GradientChain {
  Vector preActivation;   // z_1 … z_depth
  Vector activation;      // a_0 … a_depth
  Vector localFactor;     // w·f'(z_l), l = 1 … depth
  Vector gradient;        // ∂a_depth/∂a_l for l = 0 … depth (last entry 1)
};
GradientChain gradientChain(const std::string& name, int depth, double weight, double bias, double input);

// 2-D cross-correlation (what deep-learning libraries call convolution) of a height×width
// image with a k×k kernel (k odd), stride 1. padding "valid" (output shrinks by k−1) or
// "same" (zero padding keeps the size). out(r, c) = Σ_{i,j} kernel(i, j) · image(r+i−p, c+j−p).
Matrix convolve2d(const Matrix& image, const Matrix& kernel, const std::string& padding);

// Max-pooling with a size×size window and stride = size (partial windows at the edge dropped).
// argmax holds, per output cell, the flat index r·width + c of the winning input cell (the first
// one on ties).
struct Pooled {
  Matrix values;
  std::vector<int> argmax;
};
Pooled maxPool(const Matrix& input, int size);

// Scaled dot-product attention (Vaswani et al. 2017) for tokens X (n×d). Wq, Wk: d×(heads·dk),
// Wv: d×(heads·dv); head h uses columns h·dk … (h+1)·dk − 1. Per head:
// Q = X Wq_h, K = X Wk_h, V = X Wv_h, S = Q Kᵀ / √dk, A = row-softmax(S), O = A V.
// With `causal`, token i may attend only to tokens j ≤ i (S_ij = −∞ above the diagonal).
struct AttentionHead {
  Matrix Q, K, V, scores, weights, output;
};
std::vector<AttentionHead> attention(const Matrix& X, const Matrix& Wq, const Matrix& Wk, const Matrix& Wv,
                                     int heads, bool causal);

}  // namespace dw

// The layers of the convolutional network, each on one image stored as a flat CHW array.
// Loops are written out (not Eigen expressions) because the volumes are tiny (8×8 digits) and
// Eigen has no WebAssembly SIMD path: plain fused loops are what runs fastest in the browser.
#include <algorithm>
#include <cmath>
#include <string>

#include "dw/conv_net.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

int convOutputSize(int n, int kernel, int stride, int padding, const char* where) {
  requireIntInRange(n, 1, 1 << 20, where, "n");
  requireIntInRange(kernel, 1, 1 << 20, where, "kernel");
  requireIntInRange(stride, 1, 1 << 20, where, "stride");
  requireIntInRange(padding, 0, 1 << 20, where, "padding");
  if (kernel > n + 2 * padding)
    throw InvalidArgument(std::string(where) + ": a kernel of " + std::to_string(kernel) +
                          " does not fit in " + std::to_string(n) + " cells padded by " + std::to_string(padding) +
                          " on each side");
  return (n + 2 * padding - kernel) / stride + 1;
}

// ---------------------------------------------------------------- Conv2D

Conv2D::Conv2D(VolumeShape input, int filters, int kernel, int stride, int padding, const char* where)
    : in_(input), filters_(filters), kernel_(kernel), stride_(stride), padding_(padding) {
  requireIntInRange(input.channels, 1, 1024, where, "channels");
  requireIntInRange(filters, 1, 1024, where, "filters");
  out_ = {filters, convOutputSize(input.height, kernel, stride, padding, where),
          convOutputSize(input.width, kernel, stride, padding, where)};
}

void Conv2D::forward(const double* in, const double* params, double* out) const {
  const int C = in_.channels, H = in_.height, W = in_.width, k = kernel_;
  const double* bias = params + weightCount();
  for (int f = 0; f < filters_; ++f) {
    const double* wf = params + static_cast<std::size_t>(f) * C * k * k;
    for (int i = 0; i < out_.height; ++i) {
      for (int j = 0; j < out_.width; ++j) {
        // out[f,i,j] = b_f + Σ_c Σ_u Σ_v W[f,c,u,v] · in[c, i·s+u−p, j·s+v−p]; padding cells are 0,
        // so the sum simply skips them.
        double sum = bias[f];
        const int r0 = i * stride_ - padding_, c0 = j * stride_ - padding_;
        for (int c = 0; c < C; ++c) {
          const double* plane = in + static_cast<std::size_t>(c) * H * W;
          const double* wc = wf + static_cast<std::size_t>(c) * k * k;
          for (int u = 0; u < k; ++u) {
            const int r = r0 + u;
            if (r < 0 || r >= H) continue;
            for (int v = 0; v < k; ++v) {
              const int col = c0 + v;
              if (col < 0 || col >= W) continue;
              sum += wc[u * k + v] * plane[r * W + col];
            }
          }
        }
        out[(f * out_.height + i) * out_.width + j] = sum;
      }
    }
  }
}

void Conv2D::backward(const double* in, const double* params, const double* gradOut, double* gradParams,
                      double* gradIn) const {
  const int C = in_.channels, H = in_.height, W = in_.width, k = kernel_;
  if (gradIn) std::fill(gradIn, gradIn + in_.size(), 0.0);
  double* gradBias = gradParams + weightCount();
  for (int f = 0; f < filters_; ++f) {
    const double* wf = params + static_cast<std::size_t>(f) * C * k * k;
    double* gwf = gradParams + static_cast<std::size_t>(f) * C * k * k;
    for (int i = 0; i < out_.height; ++i) {
      for (int j = 0; j < out_.width; ++j) {
        // Each output depends linearly on its window: ∂out/∂W[f,c,u,v] = in[c, r, col],
        // ∂out/∂b_f = 1, ∂out/∂in[c, r, col] = W[f,c,u,v].
        const double g = gradOut[(f * out_.height + i) * out_.width + j];
        if (g == 0.0) continue;
        gradBias[f] += g;
        const int r0 = i * stride_ - padding_, c0 = j * stride_ - padding_;
        for (int c = 0; c < C; ++c) {
          const std::size_t planeOff = static_cast<std::size_t>(c) * H * W;
          const std::size_t wOff = static_cast<std::size_t>(c) * k * k;
          for (int u = 0; u < k; ++u) {
            const int r = r0 + u;
            if (r < 0 || r >= H) continue;
            for (int v = 0; v < k; ++v) {
              const int col = c0 + v;
              if (col < 0 || col >= W) continue;
              gwf[wOff + u * k + v] += g * in[planeOff + r * W + col];
              if (gradIn) gradIn[planeOff + r * W + col] += g * wf[wOff + u * k + v];
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------- MaxPool2D

MaxPool2D::MaxPool2D(VolumeShape input, int size, int stride, const char* where)
    : in_(input), size_(size), stride_(stride) {
  requireIntInRange(input.channels, 1, 1 << 20, where, "channels");
  if (size > input.height || size > input.width)
    throw InvalidArgument(std::string(where) + ": a pooling window of " + std::to_string(size) +
                          " is larger than the " + std::to_string(input.height) + "×" + std::to_string(input.width) +
                          " maps it pools");
  out_ = {input.channels, convOutputSize(input.height, size, stride, 0, where),
          convOutputSize(input.width, size, stride, 0, where)};
}

void MaxPool2D::forward(const double* in, double* out, int* argmax) const {
  const int H = in_.height, W = in_.width;
  for (int c = 0; c < in_.channels; ++c) {
    for (int i = 0; i < out_.height; ++i) {
      for (int j = 0; j < out_.width; ++j) {
        int best = (c * H + i * stride_) * W + j * stride_;
        for (int u = 0; u < size_; ++u)
          for (int v = 0; v < size_; ++v) {
            int at = (c * H + i * stride_ + u) * W + j * stride_ + v;
            if (in[at] > in[best]) best = at;  // strict: the first maximum wins ties
          }
        const int o = (c * out_.height + i) * out_.width + j;
        out[o] = in[best];
        argmax[o] = best;
      }
    }
  }
}

void MaxPool2D::backward(const double* gradOut, const int* argmax, double* gradIn) const {
  // The maximum passes its input through unchanged (derivative 1); the other cells of the window
  // do not affect the output (derivative 0).
  std::fill(gradIn, gradIn + in_.size(), 0.0);
  for (int o = 0; o < out_.size(); ++o) gradIn[argmax[o]] += gradOut[o];
}

// ---------------------------------------------------------------- ReLU

void reluForward(const double* in, double* out, int n) {
  for (int i = 0; i < n; ++i) out[i] = in[i] > 0.0 ? in[i] : 0.0;
}

void reluBackward(const double* in, const double* gradOut, double* gradIn, int n) {
  for (int i = 0; i < n; ++i) gradIn[i] = in[i] > 0.0 ? gradOut[i] : 0.0;
}

// ---------------------------------------------------------------- Dense

Dense::Dense(int inputs, int outputs, const char* where) : inputs_(inputs), outputs_(outputs) {
  requireIntInRange(inputs, 1, 1 << 20, where, "inputs");
  requireIntInRange(outputs, 1, 1 << 20, where, "outputs");
}

void Dense::forward(const double* in, const double* params, double* out) const {
  const double* bias = params + static_cast<std::size_t>(outputs_) * inputs_;
  for (int o = 0; o < outputs_; ++o) {
    const double* row = params + static_cast<std::size_t>(o) * inputs_;
    double sum = bias[o];
    for (int i = 0; i < inputs_; ++i) sum += row[i] * in[i];
    out[o] = sum;
  }
}

void Dense::backward(const double* in, const double* params, const double* gradOut, double* gradParams,
                     double* gradIn) const {
  // y = W x + b:  ∂L/∂W[o,i] = g_o x_i,  ∂L/∂b_o = g_o,  ∂L/∂x_i = Σ_o W[o,i] g_o.
  double* gradBias = gradParams + static_cast<std::size_t>(outputs_) * inputs_;
  if (gradIn) std::fill(gradIn, gradIn + inputs_, 0.0);
  for (int o = 0; o < outputs_; ++o) {
    const double g = gradOut[o];
    gradBias[o] += g;
    const double* row = params + static_cast<std::size_t>(o) * inputs_;
    double* gRow = gradParams + static_cast<std::size_t>(o) * inputs_;
    for (int i = 0; i < inputs_; ++i) gRow[i] += g * in[i];
    if (gradIn)
      for (int i = 0; i < inputs_; ++i) gradIn[i] += g * row[i];
  }
}

// ---------------------------------------------------------------- softmax cross-entropy

double softmaxCrossEntropy(const double* logits, int classes, int label, double* probs, double* gradLogits) {
  // p_k = e^{z_k − m} / Σ_j e^{z_j − m} with m = max z (shifting avoids overflow);
  // L = −log p_label = log Σ_j e^{z_j − m} − (z_label − m); ∂L/∂z_k = p_k − [k = label].
  double m = logits[0];
  for (int k = 1; k < classes; ++k) m = std::max(m, logits[k]);
  double total = 0.0;
  for (int k = 0; k < classes; ++k) {
    probs[k] = std::exp(logits[k] - m);
    total += probs[k];
  }
  for (int k = 0; k < classes; ++k) probs[k] /= total;
  if (gradLogits)
    for (int k = 0; k < classes; ++k) gradLogits[k] = probs[k] - (k == label ? 1.0 : 0.0);
  return std::log(total) - (logits[label] - m);
}

}  // namespace dw

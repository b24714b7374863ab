#include "dw/q_network.hpp"

#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

// ---------------------------------------------------------------- QNetwork
void QNetwork::init(const std::vector<int>& sizes, Rng& rng) {
  if (sizes.size() < 2 || sizes.size() > kMaxLayers + 1)
    throw InvalidArgument("QNetwork.init: needs an input layer, at most 3 more, and an output layer");
  for (int n : sizes)
    if (n < 1 || n > kMaxWidth) throw InvalidArgument("QNetwork.init: a layer must have 1 to 128 units");
  sizes_ = sizes;
  offsets_.clear();
  std::size_t total = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    offsets_.push_back(total);
    total += static_cast<std::size_t>(sizes[l]) * sizes[l + 1] + sizes[l + 1];
  }
  params_.assign(total, 0.0);
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    double limit = std::sqrt(6.0 / sizes[l]);
    std::size_t n = static_cast<std::size_t>(sizes[l]) * sizes[l + 1];
    for (std::size_t i = 0; i < n; ++i) params_[offsets_[l] + i] = rng.uniform(-limit, limit);
  }
}

std::size_t QNetwork::weightIndex(int layer, int to, int from) const {
  return offsets_[static_cast<std::size_t>(layer)] + static_cast<std::size_t>(to) * sizes_[layer] + from;
}
std::size_t QNetwork::biasIndex(int layer, int to) const {
  return offsets_[static_cast<std::size_t>(layer)] + static_cast<std::size_t>(sizes_[layer]) * sizes_[layer + 1] + to;
}

void QNetwork::forward(const double* x, double* out) const {
  double bufA[kMaxWidth], bufB[kMaxWidth];
  const double* in = x;
  int layers = static_cast<int>(sizes_.size()) - 1;
  for (int l = 0; l < layers; ++l) {
    int nin = sizes_[l], nout = sizes_[l + 1];
    bool last = l == layers - 1;
    double* dst = last ? out : (l % 2 == 0 ? bufA : bufB);
    const double* w = params_.data() + offsets_[l];
    const double* b = w + static_cast<std::size_t>(nin) * nout;
    for (int j = 0; j < nout; ++j) {
      double z = b[j];
      for (int i = 0; i < nin; ++i) z += w[j * nin + i] * in[i];
      dst[j] = (last || z > 0) ? z : 0.0;
    }
    in = dst;
  }
}

void QNetwork::accumulateGradient(const double* x, const double* dOut, std::vector<double>& grad) const {
  int layers = static_cast<int>(sizes_.size()) - 1;
  if (layers > kMaxLayers) throw InvalidArgument("QNetwork: too many layers");
  // Activations of every layer (a[0] = input); hidden layers are ReLU, the last is linear.
  double a[kMaxLayers + 1][kMaxWidth];
  for (int i = 0; i < sizes_[0]; ++i) a[0][i] = x[i];
  for (int l = 0; l < layers; ++l) {
    int nin = sizes_[l], nout = sizes_[l + 1];
    const double* w = params_.data() + offsets_[l];
    const double* b = w + static_cast<std::size_t>(nin) * nout;
    for (int j = 0; j < nout; ++j) {
      double z = b[j];
      for (int i = 0; i < nin; ++i) z += w[j * nin + i] * a[l][i];
      a[l + 1][j] = (l == layers - 1 || z > 0) ? z : 0.0;
    }
  }
  double delta[kMaxWidth], prev[kMaxWidth];
  for (int k = 0; k < sizes_.back(); ++k) delta[k] = dOut[k];
  for (int l = layers - 1; l >= 0; --l) {
    int nin = sizes_[l], nout = sizes_[l + 1];
    const double* w = params_.data() + offsets_[l];
    double* gw = grad.data() + offsets_[l];
    double* gb = gw + static_cast<std::size_t>(nin) * nout;
    for (int j = 0; j < nout; ++j) {
      if (delta[j] == 0.0) continue;  // adds nothing (and skips most of the output layer)
      gb[j] += delta[j];
      for (int i = 0; i < nin; ++i) gw[j * nin + i] += delta[j] * a[l][i];
    }
    if (l == 0) break;
    for (int i = 0; i < nin; ++i) prev[i] = 0.0;
    for (int j = 0; j < nout; ++j) {
      if (delta[j] == 0.0) continue;
      for (int i = 0; i < nin; ++i) prev[i] += w[j * nin + i] * delta[j];
    }
    // ReLU derivative at the previous layer: 1 where its output was positive, else 0.
    for (int i = 0; i < nin; ++i) delta[i] = a[l][i] > 0 ? prev[i] : 0.0;
  }
}

// ---------------------------------------------------------------- ReplayBuffer
ReplayBuffer::ReplayBuffer(int capacity) : capacity_(capacity) {
  requireIntInRange(capacity, 1, 100000, "ReplayBuffer", "capacity");
}

void ReplayBuffer::push(const Experience& e) {
  if (static_cast<int>(items_.size()) < capacity_) {
    items_.push_back(e);
  } else {
    items_[static_cast<std::size_t>(next_)] = e;
  }
  next_ = (next_ + 1) % capacity_;
}

const Experience& ReplayBuffer::oldest(int i) const {
  if (i < 0 || i >= size()) throw InvalidArgument("ReplayBuffer.oldest: index out of range");
  int start = size() < capacity_ ? 0 : next_;
  return items_[static_cast<std::size_t>((start + i) % capacity_)];
}

void ReplayBuffer::clear() {
  items_.clear();
  next_ = 0;
}

}  // namespace dw

// The pieces of deep Q-learning that are not the agent: a small dense ReLU network with its own
// backpropagation (checked by finite differences in tests/native/test_deep_q.cpp), one stored
// move (an experience), and the fixed-capacity replay buffer that holds them. dw/deep_q.hpp
// puts them together.
#pragma once
#include <array>
#include <cstddef>
#include <vector>

#include "dw/rng.hpp"

namespace dw {

// A dense ReLU network with a linear output layer; parameters in one flat vector, layer by layer
// (weights row-major out×in, then biases).
class QNetwork {
 public:
  static constexpr int kMaxLayers = 4;    // weight layers
  static constexpr int kMaxWidth = 128;   // units in any layer
  // sizes = {inputs, hidden..., outputs}; He-uniform weights (limit √(6/fan_in)), zero biases.
  void init(const std::vector<int>& sizes, Rng& rng);
  int inputs() const { return sizes_.empty() ? 0 : sizes_.front(); }
  int outputs() const { return sizes_.empty() ? 0 : sizes_.back(); }
  const std::vector<int>& sizes() const { return sizes_; }
  std::vector<double>& params() { return params_; }
  const std::vector<double>& params() const { return params_; }
  // Index in params() of weight (row `to`, column `from`) and of bias `to` of layer l (0-based).
  std::size_t weightIndex(int layer, int to, int from) const;
  std::size_t biasIndex(int layer, int to) const;

  // out[0..outputs) = Q(x, ·).
  void forward(const double* x, double* out) const;
  // grad += ∂(Σ_k dOut[k]·out[k]) / ∂θ at input x.
  void accumulateGradient(const double* x, const double* dOut, std::vector<double>& grad) const;

 private:
  std::vector<int> sizes_;
  std::vector<std::size_t> offsets_;  // start of each layer's weights in params_
  std::vector<double> params_;
};

struct Experience {
  std::array<double, 2> state{};
  int action = 0;
  double reward = 0.0;
  std::array<double, 2> next{};
  bool terminal = false;
};

// Fixed-capacity ring buffer: push() overwrites the oldest experience once full.
class ReplayBuffer {
 public:
  explicit ReplayBuffer(int capacity = 1);
  void push(const Experience& e);
  int size() const { return static_cast<int>(items_.size()); }
  int capacity() const { return capacity_; }
  // The i-th oldest experience still held (0 = oldest).
  const Experience& oldest(int i) const;
  const Experience& at(int slot) const { return items_[static_cast<std::size_t>(slot)]; }
  void clear();

 private:
  int capacity_;
  int next_ = 0;  // slot the next push writes
  std::vector<Experience> items_;
};

}  // namespace dw

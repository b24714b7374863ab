// Transfer learning for the fine-tuning lesson: a small classifier (input → ReLU hidden layer →
// softmax head) that is pretrained on one task and then adapted to a related one in four ways:
//
//   Scratch — a fresh network, every parameter trained on the new task only;
//   Head    — the pretrained hidden layer frozen, only a new head trained ("feature extraction");
//   Full    — every parameter trained, starting from the pretrained hidden layer and a new head;
//   Lora    — the pretrained hidden layer frozen, a trainable low-rank update added to its
//             weights (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models"),
//             and a new head trained.
//
// LoRA replaces the frozen weights W (h × d) by W + (α/r)·B·A with A (r × d) and B (h × r):
// r·(d + h) trainable numbers instead of h·d. B starts at zero, so the adapted network starts
// exactly where the pretrained one is; A starts random (N(0, 1/d)) so that B's gradient is not zero.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/optimizers.hpp"
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

// A dense layer with a frozen weight matrix and a low-rank adapter:
//   z = (W + s·B·A) x + b,  s = α / r.
// Works on one input at a time (flat arrays; W, A, B row-major) so tests can check its gradient
// and compute an output by hand.
class LoraDense {
 public:
  LoraDense() = default;
  // inputs d ≥ 1, outputs h ≥ 1, rank 1 ≤ r ≤ min(d, h), α > 0 and finite.
  LoraDense(int inputs, int outputs, int rank, double alpha, const char* where = "LoraDense");
  int inputs() const { return inputs_; }
  int outputs() const { return outputs_; }
  int rank() const { return rank_; }
  double alpha() const { return alpha_; }
  double scale() const { return alpha_ / rank_; }  // s = α / r
  // Trainable numbers of the adapter, r·d + h·r, against h·d for the full weight matrix.
  int adapterCount() const { return rank_ * (inputs_ + outputs_); }
  int weightCount() const { return inputs_ * outputs_; }
  // out = W x + b + s·B (A x).
  void forward(const double* x, const double* W, const double* b, const double* A, const double* B, double* out) const;
  // Back-propagation of g = dL/dz: ADDS dL/dA (r × d) and dL/dB (h × r) to gradA and gradB
  // (either may be null), WRITES dL/dx to gradX when not null. With u = A x:
  //   dL/dB[i, j] = s·g_i·u_j,  dL/du_j = s·Σ_i B[i, j] g_i,  dL/dA[j, k] = (dL/du_j)·x_k,
  //   dL/dx = Wᵀ g + Aᵀ (dL/du).
  void backward(const double* x, const double* W, const double* A, const double* B, const double* g, double* gradA,
                double* gradB, double* gradX) const;
  // The merged weights W + s·B·A (h × d, row-major): what a deployed LoRA model multiplies by.
  Matrix merged(const Matrix& W, const Matrix& A, const Matrix& B) const;

 private:
  int inputs_ = 0, outputs_ = 0, rank_ = 1;
  double alpha_ = 1.0;
};

// One LoRA layer's output for one input, for worked examples: (W + (α/r)·B·A) x + b with W h × d,
// b length h, A r × d, B h × r (h = W's rows, d = W's columns, r = A's rows), all finite.
Vector loraForward(const Vector& x, const Matrix& W, const Vector& b, const Matrix& A, const Matrix& B, double alpha,
                   const char* where = "loraForward");

enum class TransferMode { Scratch, Head, Full, Lora };
// "scratch", "head", "full", "lora" (case-insensitive); anything else throws InvalidArgument.
TransferMode transferModeFromName(const std::string& name, const char* where);
const char* transferModeName(TransferMode mode);

// Parameter counts of a TransferNet, split by part.
struct TransferCounts {
  int body = 0;       // hidden layer: h·d weights + h biases
  int head = 0;       // output layer: K·h weights + K biases
  int adapter = 0;    // LoRA: r·d + h·r (0 without an adapter)
  int trainable = 0;  // what the optimiser updates in the current mode
  int total = 0;      // body + head + adapter
};

class TransferNet {
 public:
  static constexpr int kMaxInputs = 4096;
  static constexpr int kMaxHidden = 256;
  static constexpr int kMaxClasses = 16;

  // d inputs, h hidden ReLU units, K classes (2–16). Parameters are initialised from seed 0 and
  // every parameter is trainable (mode Full, no adapter) — the set-up for pretraining.
  TransferNet(int inputs, int hidden, int classes);

  int inputs() const { return inputs_; }
  int hidden() const { return hidden_; }
  int classes() const { return classes_; }
  TransferMode mode() const { return mode_; }
  int rank() const { return rank_; }      // 0 without an adapter
  double alpha() const { return alpha_; }

  // Re-initialises every parameter from `seed` (He-normal hidden weights N(0, 2/d), head weights
  // N(0, 1/h), zero biases), drops any adapter, makes everything trainable and clears the
  // optimiser. Keeps the data.
  void reset(std::uint32_t seed);
  // Turns this network into the start of a transfer from `pretrained` (same d and h): a new head
  // for `classes` classes initialised from `seed`, and the hidden layer copied (Head, Full, Lora)
  // or freshly initialised (Scratch). Lora adds an adapter of rank 1 ≤ r ≤ min(d, h) with scale
  // α/r (α > 0); rank and alpha are ignored by the other modes. Drops the training data.
  void startTransfer(const TransferNet& pretrained, TransferMode mode, int classes, int rank, double alpha,
                     std::uint32_t seed);

  // Rows of X are inputs (d values); y holds labels 0…K−1. Validated; resets the mini-batch order.
  void setData(const Matrix& X, const Vector& y);
  int dataCount() const { return static_cast<int>(X_.rows()); }
  void setLearningRate(double eta) { optimizer_.setLearningRate(eta); }  // Adam; default 0.01
  double learningRate() const { return optimizer_.learningRate(); }
  // Inputs per mini-batch, 1–1024 (clamped to n). Default 32.
  void setBatchSize(int b);
  int batchSize() const { return batchSize_; }
  // One Adam update of the trainable parameters on the next mini-batch (the data is visited in a
  // shuffled order, reshuffled after each pass); returns that mini-batch's mean loss.
  double step();
  // `steps` updates; returns the mean training loss after them.
  double train(int steps);
  int steps() const { return steps_; }

  double loss(const Matrix& X, const Vector& y) const;   // mean cross-entropy
  double score(const Matrix& X, const Vector& y) const;  // accuracy
  Vector predict(const Matrix& X) const;                 // most probable class per row
  Matrix predictProba(const Matrix& X) const;
  double trainingLoss() const;

  TransferCounts counts() const;
  // The trainable numbers in the order the optimiser sees them (hidden W, b when trained; then
  // adapter A, B; then head W, b) and the mean loss on (X, y) with its gradient with respect to
  // them (for finite-difference checks).
  Vector trainableParams() const;
  void setTrainableParams(const Vector& theta);
  double lossAndGradient(const Matrix& X, const Vector& y, Vector* grad) const;

  // Parts, row-major: hidden weights W (h × d), hidden biases (h), the effective hidden weights
  // W + s·B·A (equal to W without an adapter), adapter A (r × d) and B (h × r), head (K × h, K).
  Matrix hiddenWeights() const { return W1_; }
  Vector hiddenBiases() const { return b1_; }
  Matrix effectiveHiddenWeights() const;
  Matrix adapterA() const { return A_; }
  Matrix adapterB() const { return B_; }
  Matrix headWeights() const { return W2_; }
  Vector headBiases() const { return b2_; }
  void setHiddenWeights(const Matrix& W, const Vector& b);
  void setHeadWeights(const Matrix& W, const Vector& b);
  void setAdapter(const Matrix& A, const Matrix& B);
  // Hidden-layer activations (n × h) of the rows of X.
  Matrix hiddenActivations(const Matrix& X) const;

 private:
  void forwardOne(const double* x, double* hiddenPre, double* hiddenOut, double* logits) const;
  void checkInputs(const Matrix& X, const char* where) const;
  std::vector<int> checkLabels(const Vector& y, Index rows, const char* where) const;
  void initialiseHead(Rng& rng);
  void initialiseBody(Rng& rng);
  bool bodyTrained() const { return mode_ == TransferMode::Scratch || mode_ == TransferMode::Full; }
  bool hasAdapter() const { return rank_ > 0; }
  void shuffle();

  int inputs_, hidden_, classes_;
  TransferMode mode_ = TransferMode::Full;
  int rank_ = 0;
  double alpha_ = 0.0;
  LoraDense adapter_;
  Matrix W1_, W2_, A_, B_;
  Vector b1_, b2_;

  Matrix X_;
  std::vector<int> labels_;
  std::vector<int> order_;
  std::size_t cursor_ = 0;
  int batchSize_ = 32;
  int steps_ = 0;
  Rng rng_{0};
  Optimizer optimizer_{OptimizerKind::Adam};
};

}  // namespace dw

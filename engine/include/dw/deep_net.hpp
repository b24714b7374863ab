// A deep fully connected classifier on 2-D points with the training tricks switchable one by one
// (the training-tricks lesson trains two of them side by side): weight initialisation, batch
// normalisation after every hidden linear layer, a learning-rate schedule and gradient clipping
// by the global norm (dw/training_tricks.hpp).
//
//   hidden layer l:  z = a·W + b;  u = BN(z) (when on, else u = z);  a' = φ(u)
//   output:          softmax over K classes, mean cross-entropy L = −(1/n) Σ log p_{i,yᵢ}
//
// Parameters, flat (params()): for each layer in order, W (inputs × units, row-major: the weight
// from input i to unit j at i·units + j), then b, then — for a hidden layer with batch
// normalisation — γ and β (one per unit). The running mean and variance of batch normalisation
// are state, not parameters.
// Everything random (the points, the weights, the mini-batch order) comes from reset(seed), so a
// seed gives the same run natively and in WASM. Self-contained like dw::Gan: it is not a Model
// subclass, and its gradient is checked by finite differences in test_training_tricks.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/activations.hpp"
#include "dw/model.hpp"  // Status, Trace
#include "dw/optimizers.hpp"
#include "dw/rng.hpp"
#include "dw/training_tricks.hpp"
#include "dw/types.hpp"

namespace dw {

// Per hidden layer, over the whole training set as a training step sees it (batch statistics).
struct LayerStatistics {
  std::vector<double> mean;          // mean activation a of the layer
  std::vector<double> deviation;     // standard deviation s of its activations
  std::vector<double> gradientNorm;  // ‖∂L/∂W‖ of the layer's weights (the last entry: the output layer)
};

class DeepNet {
 public:
  static constexpr int kMaxLayers = 12;
  static constexpr int kMaxWidth = 32;

  DeepNet();  // defaults (see docs/engine-api/training-tricks.md), already reset with seed 0

  // ---- settings that take effect at the next reset(seed) ----
  static std::vector<std::string> datasetNames();  // spiral, moons, circles, xor
  void setDataset(const std::string& name, int n, double noise);  // n in [8, 2000], noise in [0, 1]
  const std::string& dataset() const { return dataset_; }
  int pointCount() const { return n_; }
  double noise() const { return noise_; }
  void setShape(int layers, int width);  // hidden layers [1, 12], units per layer [1, 32]
  int layers() const { return layers_; }
  int width() const { return width_; }
  void setActivation(const std::string& name);  // relu, leaky-relu, tanh, sigmoid, linear, gelu
  const char* activation() const { return activationName(activation_); }
  void setInit(const std::string& name);  // small, large, xavier, he
  const char* init() const { return initKindName(init_); }
  void setBatchNorm(bool on);
  bool batchNorm() const { return batchNorm_; }

  // ---- settings that take effect at once ----
  void setOptimizer(const std::string& name);  // sgd, momentum, nesterov, rmsprop, adagrad, adam; state cleared
  const char* optimizer() const { return optimizerName(optimizer_.kind()); }
  // The schedule as a whole (η₀ included); its clock is the update count, which reset() zeroes.
  void setSchedule(const LearningRateSchedule& s);
  const LearningRateSchedule& schedule() const { return schedule_; }
  void setLearningRate(double eta);  // η₀ only
  // Clip every update's gradient to global norm ≤ maxNorm; 0 turns clipping off. [0, 1e6].
  void setClipNorm(double maxNorm);
  double clipNorm() const { return clipNorm_; }
  void setBatchSize(int m);  // [2, 2000]; a batch larger than n uses all n points
  int batchSize() const { return batch_; }
  void setTracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }

  // The data set, the weights, the running statistics, the optimiser state and the trace, all
  // from `seed`.
  void reset(std::uint32_t seed);
  std::uint32_t seed() const { return seed_; }
  // One update on the next mini-batch (a fresh permutation each epoch; a short last batch is
  // skipped). Returns the mini-batch loss before the update. Throws StateError once the
  // parameters are no longer finite (status "diverged").
  double step();
  int fit(int updates);  // [0, 10⁶]; stops early on divergence; returns updates taken
  int steps() const { return steps_; }
  Status status() const { return status_; }
  double currentRate() const { return schedule_.rate(steps_); }  // η of the next update
  double lastGradientNorm() const { return lastNorm_; }         // before clipping

  // ---- evaluation on the training set ----
  double loss() const;      // inference mode (running statistics), the loss the trace plots
  double accuracy() const;  // inference mode
  // Training mode over the whole set as one batch (batch statistics), and its exact gradient
  // with respect to params(); without batch normalisation the two modes agree.
  double batchLoss() const;
  Vector gradient() const;
  double lossOn(const Matrix& X, const Vector& y, bool training) const;
  Vector gradientOn(const Matrix& X, const Vector& y) const;
  LayerStatistics layerStatistics() const;

  Vector params() const { return theta_; }
  void setParams(const Vector& p);
  Index parameterCount() const { return theta_.size(); }
  const std::vector<Eigen::RowVectorXd>& runningMeans() const { return runMean_; }
  const std::vector<Eigen::RowVectorXd>& runningVariances() const { return runVar_; }

  const Matrix& points() const { return X_; }
  const Vector& labels() const { return y_; }
  int classCount() const { return classes_; }
  // Class probabilities (inference mode), one row per point.
  Matrix predictProba(const Matrix& X) const;
  // P(class 1) at the cell centres of an nx × ny grid (the engine's heat-map convention).
  Vector probabilityGrid(double x0, double x1, double y0, double y1, int nx, int ny) const;
  // One row per update (row 0 is the start): step, loss, accuracy, eta, grad_norm.
  const Trace& trace() const { return trace_; }

 private:
  struct Pass;  // a forward pass's intermediate values
  void build();
  int unitsIn(int l) const { return l == 0 ? 2 : width_; }
  int unitsOut(int l) const { return l == layers_ ? classes_ : width_; }
  bool normalised(int l) const { return batchNorm_ && l < layers_; }
  // Forward pass; training mode uses batch statistics (and, when `batchMean` is given, writes
  // them there); returns the softmax probabilities.
  Matrix forward(const Matrix& X, bool training, Pass* pass, std::vector<Eigen::RowVectorXd>* batchMean,
                 std::vector<Eigen::RowVectorXd>* batchVar) const;
  double crossEntropy(const Matrix& P, const Vector& y) const;
  double lossAndGradient(const Matrix& X, const Vector& y, Vector* grad, std::vector<Eigen::RowVectorXd>* batchMean,
                         std::vector<Eigen::RowVectorXd>* batchVar) const;
  void record();

  // Settings.
  std::string dataset_ = "spiral";
  int n_ = 200;
  double noise_ = 0.1;
  int layers_ = 4, width_ = 16;
  Activation activation_ = Activation::ReLU;
  InitKind init_ = InitKind::He;
  bool batchNorm_ = false;
  Optimizer optimizer_{OptimizerKind::Momentum};
  LearningRateSchedule schedule_;
  double clipNorm_ = 0.0;
  int batch_ = 20;
  bool tracing_ = true;

  // State.
  std::uint32_t seed_ = 0;
  Matrix X_;
  Vector y_;
  int classes_ = 2;
  std::vector<Index> offsets_;  // start of layer l's block in theta_
  Vector theta_;
  std::vector<Eigen::RowVectorXd> runMean_, runVar_;
  Rng rng_;
  std::vector<int> order_;
  std::size_t cursor_ = 0;
  int steps_ = 0;
  double lastNorm_ = 0.0;
  Status status_ = Status::Ready;
  Trace trace_;
  Vector grad_;
};

}  // namespace dw

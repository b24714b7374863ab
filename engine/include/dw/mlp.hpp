// A small multilayer perceptron for the neural-network playground: 0–6 hidden layers of 1–16
// units, per-layer activations, a sigmoid (binary), softmax (k classes) or linear (regression)
// output, cross-entropy or squared-error loss, mini-batch training with any dw::Optimizer,
// L1/L2 regularisation and inverted dropout. One step() is one mini-batch update.
// Optional input features (x1², sin x1, …) are computed inside the model from 2-D points, so
// predictGrid()/neuronGrid() work on the plane whatever features the network sees.
// The training tricks of dw/training_tricks.hpp are settings too: a learning-rate schedule on the
// step clock, gradient clipping by the global norm, the initialisation scale, and batch
// normalisation after every hidden layer's linear part (z = a·W + b; u = BN(z); a' = φ(u)).
// With batch normalisation each hidden layer's parameters are W, b, γ, β (in that order in
// params()); the running mean and variance used at prediction time are state, not parameters.
#pragma once
#include <string>
#include <vector>

#include "dw/activations.hpp"
#include "dw/feature_transform.hpp"
#include "dw/model.hpp"
#include "dw/optimizers.hpp"
#include "dw/rng.hpp"
#include "dw/training_tricks.hpp"

namespace dw {

enum class OutputKind { Auto, Sigmoid, Softmax, Linear };
enum class LossKind { Auto, CrossEntropy, MeanSquaredError };
enum class Regularization { None, L1, L2 };

OutputKind outputKindFromName(const std::string& name, const char* where);
const char* outputKindName(OutputKind k);
LossKind lossKindFromName(const std::string& name, const char* where);
const char* lossKindName(LossKind k);
Regularization regularizationFromName(const std::string& name, const char* where);

class Mlp : public SupervisedModel {
 public:
  static constexpr int kMaxHiddenLayers = 6;
  static constexpr int kMaxUnits = 16;
  static constexpr int kMaxClasses = 16;

  Mlp();
  const char* name() const override { return "MLP"; }

  // setData (SupervisedModel): labels 0/1 (sigmoid), 0…k−1 (softmax) or any values (linear);
  // with features, X has 2 columns.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy or R²
  Vector predict(const Matrix& X) const override;                 // labels or values
  bool isClassifier() const override;
  int classCount() const override;
  Matrix predictProba(const Matrix& X) const override;
  Vector params() const override { return theta_; }
  double trainingLoss() const override;  // data loss + regularisation penalty, full batch, no dropout

  // ---- architecture (changing it re-initialises the weights from seed()) ----
  void setLayers(const std::vector<int>& hiddenUnits);
  // hiddenLayer −1 sets every hidden layer (and the default for layers added later).
  void setActivation(int hiddenLayer, Activation a);
  void setOutput(OutputKind k);
  void setLoss(LossKind k);
  // Input features computed from 2-column data; an empty list means "use the columns as given".
  void setFeatures(const std::vector<Feature>& features);

  // ---- training settings (keep the weights) ----
  void setOptimizer(OptimizerKind k);  // clears the optimiser state
  // η₀, the schedule's base rate (the rate of every step under the constant schedule).
  void setLearningRate(double eta);
  double learningRate() const { return schedule_.base; }
  void setMomentum(double beta) { optimizer_.setMomentum(beta); }
  void setBetas(double beta1, double beta2) { optimizer_.setBetas(beta1, beta2); }
  void setDecay(double rho) { optimizer_.setDecay(rho); }
  void setEpsilon(double eps) { optimizer_.setEpsilon(eps); }
  const Optimizer& optimizer() const { return optimizer_; }
  // Points per mini-batch, 1…n (1…100000 before data). A batch larger than a later data set
  // is clamped to its n.
  void setBatchSize(int b);
  int batchSize() const { return batchSize_; }
  // Penalty rate·Σ|w| (L1) or rate·½Σw² (L2) on weights, not biases; rate in [0, 10].
  void setRegularization(Regularization kind, double rate);
  // Probability of zeroing a hidden unit during a training step, in [0, 0.9].
  void setDropout(double p);
  // Completed passes over the training data.
  int epoch() const { return epoch_; }

  // ---- training tricks (dw/training_tricks.hpp; keep the weights) ----
  // The learning-rate schedule, η₀ included (it replaces setLearningRate's value). Its clock is
  // steps(): step t updates with schedule().rate(t), so reset(), new data or any change that
  // restarts the trace restarts the schedule. A step whose scheduled rate is 0 leaves the weights.
  void setSchedule(const LearningRateSchedule& s);
  const LearningRateSchedule& schedule() const { return schedule_; }
  // The rate the next step will use.
  double currentRate() const { return schedule_.rate(steps_); }
  // Clip each step's gradient (penalty included) to global norm ≤ maxNorm; 0 turns clipping off.
  // maxNorm in [0, 1e6].
  void setClipNorm(double maxNorm);
  double clipNorm() const { return clipNorm_; }
  // The last step's gradient norm before clipping (0 before the first step), and whether it was clipped.
  double lastGradientNorm() const { return lastGradNorm_; }
  bool lastClipped() const { return lastClipped_; }
  // Initial weights: "auto" (He for ReLU, leaky ReLU and GELU layers, Xavier otherwise — the
  // default), or one of initKindFromName's: small, large, xavier, he. Re-initialises from seed().
  void setInit(const std::string& name);
  std::string init() const { return initAuto_ ? "auto" : initKindName(init_); }
  // Batch normalisation after every hidden layer's linear part. Changes the parameter layout and
  // re-initialises from seed() (γ = 1, β = 0, running mean 0, running variance 1).
  void setBatchNorm(bool on);
  bool batchNorm() const { return batchNorm_; }
  // Per hidden layer, the running mean and variance of z that prediction uses.
  const std::vector<Eigen::RowVectorXd>& runningMeans() const { return runMean_; }
  const std::vector<Eigen::RowVectorXd>& runningVariances() const { return runVar_; }
  // γ and β of every hidden layer, layer by layer (empty without batch normalisation).
  Vector batchNormScales() const;
  Vector batchNormShifts() const;
  // The full-batch loss in training mode (batch statistics over all training points, no
  // dropout), of which gradient() is the exact gradient; equals trainingLoss() without batch
  // normalisation.
  double batchModeLoss() const;

  // ---- inspection and editing ----
  // Units per layer: [inputs, hidden…, outputs]; empty until data (or importJson) fixes the
  // input and output counts.
  std::vector<int> layerSizes() const;
  const std::vector<int>& hiddenLayers() const { return hidden_; }
  const std::vector<Activation>& activations() const { return activations_; }
  OutputKind output() const { return outputResolved_; }
  LossKind lossKind() const { return lossResolved_; }
  // All weights layer by layer, each layer's (from × to) matrix row-major; all biases likewise.
  Vector weights() const;
  Vector biases() const;
  // Weight layer l connects layerSizes()[l] units to layerSizes()[l+1] units.
  double weight(int layer, int from, int to) const;
  void setWeight(int layer, int from, int to, double value);
  void setBias(int layer, int unit, double value);
  // The flat vector of params(): per layer its weights (row-major) then its biases.
  void setParams(const Vector& theta);
  // Gradient of loss() with respect to params() (full batch, no dropout); with batch
  // normalisation, of batchModeLoss().
  Vector gradient() const;
  double dataLoss() const;
  double penalty() const;
  // Every neuron's output over an nx×ny grid (cells ordered as predictGrid): layer by layer
  // (inputs, hidden layers, outputs), neuron by neuron, nx·ny values each. Needs 2-D data.
  Vector neuronGrid(double x0, double x1, double y0, double y1, int nx, int ny) const;

  // predictGrid's values (same layout) computed in float32 with vectorised activations: a
  // dedicated fast path for per-frame heat maps, within ~1e-6 of predictGrid.
  Eigen::VectorXf predictGridFloat32(double x0, double x1, double y0, double y1, int nx, int ny) const;
  // neuronGrid's values (same layout) from the same float32 pass, for per-frame thumbnails.
  Eigen::VectorXf neuronGridFloat32(double x0, double x1, double y0, double y1, int nx, int ny) const;

  std::string exportJson() const;
  void importJson(const std::string& json);

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;
  // With tracing off: the last mini-batch's data loss plus the penalty, which every step has
  // anyway (the full-data loss would cost a forward pass over all points per step).
  double stepLoss() const override;

 private:
  struct Evaluation {
    bool valid = false;
    double dataLoss = 0, penalty = 0, score = 0;
  };
  bool shapeKnown() const { return inputs_ > 0 && outputs_ > 0; }
  int layerCount() const { return static_cast<int>(hidden_.size()) + 1; }
  int unitsIn(int layer) const;
  int unitsOut(int layer) const;
  void rebuildShape(int inputs, int outputs);  // sizes offsets_ and theta_, re-initialises
  void architectureChanged();
  void paramsChanged() { eval_.valid = false; }
  OutputKind resolveOutput(OutputKind wanted, const Vector& y, const char* where, int& classes) const;
  LossKind resolveLoss(LossKind wanted, OutputKind output, const char* where) const;
  Matrix inputsOf(const Matrix& X, const char* where) const;  // features or validated columns
  void buildTargets();
  // Mean data loss on (X, T) and, when grad is given, its gradient plus the penalty's; the
  // network's outputs (probabilities or values) go to `outputs` when given.
  // Training mode (batch statistics; `training`) is what gradients use; the batch means and
  // variances go to batchMean/batchVar when given.
  double lossAndGradient(const Matrix& X, const Matrix& T, Vector* grad, Rng* dropout, Matrix* outputs = nullptr,
                         bool training = false, std::vector<Eigen::RowVectorXd>* batchMean = nullptr,
                         std::vector<Eigen::RowVectorXd>* batchVar = nullptr) const;
  // Forward pass of inputs through the network; the output layer's activations (probabilities
  // or values) end in `out`. `all`, when given, receives every layer's activations.
  void forward(const Matrix& Xin, Matrix& out, std::vector<Matrix>* all) const;
  void outputFunction(const Matrix& Z, Matrix& P) const;
  Matrix gridInputs(double x0, double x1, double y0, double y1, int nx, int ny, const char* where) const;
  const Evaluation& evaluate() const;
  // The float32 grid pass behind predictGridFloat32 (returns its values) and, when `neurons` is
  // given, neuronGridFloat32 (fills it and returns nothing).
  Eigen::VectorXf gridPassFloat32(double x0, double x1, double y0, double y1, int nx, int ny, const char* where,
                                  Eigen::VectorXf* neurons) const;
  void checkLayer(int layer, const char* where) const;
  bool normalised(int layer) const { return batchNorm_ && layer < layerCount() - 1; }
  // Start of hidden layer l's γ in theta_ (β follows); only when normalised(l).
  Index scaleOffset(int layer) const {
    return offsets_[static_cast<std::size_t>(layer)] + static_cast<Index>(unitsIn(layer) + 1) * unitsOut(layer);
  }

  // Architecture and settings.
  std::vector<int> hidden_{4, 2};
  std::vector<Activation> activations_{Activation::Tanh, Activation::Tanh};
  Activation defaultActivation_ = Activation::Tanh;
  OutputKind outputWanted_ = OutputKind::Auto, outputResolved_ = OutputKind::Sigmoid;
  LossKind lossWanted_ = LossKind::Auto, lossResolved_ = LossKind::CrossEntropy;
  std::vector<Feature> features_;
  Optimizer optimizer_;
  int batchSize_ = 10;
  Regularization regularization_ = Regularization::None;
  double regularizationRate_ = 0.0;
  double dropout_ = 0.0;
  LearningRateSchedule schedule_{ScheduleKind::Constant, 0.03, 0.5, 100, 0.0, 0};  // η₀ = the optimiser's default
  double clipNorm_ = 0.0;
  bool initAuto_ = true;
  InitKind init_ = InitKind::Xavier;
  bool batchNorm_ = false;

  // Shape and parameters.
  int inputs_ = 0, outputs_ = 0, classes_ = 0;
  std::vector<Index> offsets_;  // start of layer l's weights in theta_; biases follow them
  Vector theta_;

  // Data (X_ and y_, as given, are SupervisedModel's).
  Matrix Xin_;  // network inputs (after the feature transform)
  Matrix T_;    // targets per output unit: y, or one-hot labels for softmax

  // Training progress.
  Rng trainRng_;
  std::vector<int> order_;
  std::size_t cursor_ = 0;
  int epoch_ = 0;
  double lastBatchLoss_ = 0;
  Matrix batchX_, batchT_;  // the current mini-batch, reused so a step does not allocate them
  Vector grad_;
  double lastGradNorm_ = 0.0;
  bool lastClipped_ = false;
  std::vector<Eigen::RowVectorXd> runMean_, runVar_;  // per hidden layer, with batch normalisation
  mutable Evaluation eval_;
  // lossAndGradient's buffers, one set per layer so that a pass with as many rows as the last
  // allocates nothing: z (pre-activations; u = BN(z) with batch normalisation), the activations
  // after dropout, f′(u), the dropout mask, δ = ∂L/∂z (∂L/∂u before batch normalisation's
  // backward step) and the batch-normalisation cache; and the network's outputs.
  struct LayerScratch {
    Matrix z, a, deriv, mask, delta;
    BatchNormCache bn;
  };
  struct Scratch {
    std::vector<LayerScratch> layers;
    Matrix outputs;
  };
  mutable Scratch scratch_;
};

}  // namespace dw

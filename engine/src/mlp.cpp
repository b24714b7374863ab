// MLP: names, settings, data and parameter shapes. Training is in mlp_training.cpp; inspection,
// neuronGrid and JSON (de)serialisation in mlp_inspect.cpp.
#include "dw/mlp.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// Streams of the PCG generator: one for initial weights, one for shuffles and dropout masks.
constexpr std::uint64_t kInitStream = 0x1a2b3c4dULL, kTrainStream = 0x5e6f7081ULL;
}  // namespace

OutputKind outputKindFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "auto") return OutputKind::Auto;
  if (n == "sigmoid") return OutputKind::Sigmoid;
  if (n == "softmax") return OutputKind::Softmax;
  if (n == "linear") return OutputKind::Linear;
  throw InvalidArgument(std::string(where) + ": output='" + name + "' is not one of auto, sigmoid, softmax, linear");
}
const char* outputKindName(OutputKind k) {
  switch (k) {
    case OutputKind::Auto: return "auto";
    case OutputKind::Sigmoid: return "sigmoid";
    case OutputKind::Softmax: return "softmax";
    case OutputKind::Linear: return "linear";
  }
  return "unknown";
}
LossKind lossKindFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "auto") return LossKind::Auto;
  if (n == "crossentropy" || n == "logloss") return LossKind::CrossEntropy;
  if (n == "mse" || n == "squared" || n == "meansquarederror") return LossKind::MeanSquaredError;
  throw InvalidArgument(std::string(where) + ": loss='" + name + "' is not one of auto, cross-entropy, mse");
}
const char* lossKindName(LossKind k) {
  switch (k) {
    case LossKind::Auto: return "auto";
    case LossKind::CrossEntropy: return "cross-entropy";
    case LossKind::MeanSquaredError: return "mse";
  }
  return "unknown";
}
Regularization regularizationFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "none" || n.empty()) return Regularization::None;
  if (n == "l1") return Regularization::L1;
  if (n == "l2") return Regularization::L2;
  throw InvalidArgument(std::string(where) + ": regularization='" + name + "' is not one of none, l1, l2");
}

Mlp::Mlp() : trainRng_(0, kTrainStream) {}

// ---------------------------------------------------------------- architecture and settings

void Mlp::setLayers(const std::vector<int>& hiddenUnits) {
  const char* where = "MLP.setLayers";
  if (static_cast<int>(hiddenUnits.size()) > kMaxHiddenLayers)
    throw InvalidArgument(std::string(where) + ": " + std::to_string(hiddenUnits.size()) +
                          " hidden layers; at most " + std::to_string(kMaxHiddenLayers));
  for (std::size_t i = 0; i < hiddenUnits.size(); ++i)
    if (hiddenUnits[i] < 1 || hiddenUnits[i] > kMaxUnits)
      throw InvalidArgument(std::string(where) + ": layer " + std::to_string(i) + " has units=" +
                            std::to_string(hiddenUnits[i]) + "; each layer needs 1 to " + std::to_string(kMaxUnits));
  activations_.resize(hiddenUnits.size(), defaultActivation_);
  hidden_ = hiddenUnits;
  architectureChanged();
}

void Mlp::setActivation(int hiddenLayer, Activation a) {
  if (hiddenLayer == -1) {
    defaultActivation_ = a;
    std::fill(activations_.begin(), activations_.end(), a);
  } else {
    if (hiddenLayer < 0 || hiddenLayer >= static_cast<int>(hidden_.size()))
      throw InvalidArgument("MLP.setActivation: layer=" + std::to_string(hiddenLayer) + " is not a hidden layer (there are " +
                            std::to_string(hidden_.size()) + ")");
    activations_[static_cast<std::size_t>(hiddenLayer)] = a;
  }
  architectureChanged();
}

void Mlp::setOutput(OutputKind k) {
  const char* where = "MLP.setOutput";
  if (status_ == Status::Empty) {
    if (lossWanted_ == LossKind::CrossEntropy && k == OutputKind::Linear)
      throw InvalidArgument(std::string(where) + ": a linear output cannot use the cross-entropy loss; call setLoss('mse') first");
    outputWanted_ = k;
    return;
  }
  int classes = 0;
  OutputKind resolved = resolveOutput(k, y_, where, classes);
  LossKind loss = resolveLoss(lossWanted_, resolved, where);
  outputWanted_ = k;
  outputResolved_ = resolved;
  lossResolved_ = loss;
  classes_ = classes;
  buildTargets();
  architectureChanged();
}

void Mlp::setLoss(LossKind k) {
  const char* where = "MLP.setLoss";
  OutputKind out = status_ == Status::Empty ? outputWanted_ : outputResolved_;
  if (out != OutputKind::Auto) lossResolved_ = resolveLoss(k, out, where);
  lossWanted_ = k;
  paramsChanged();
  settingsChanged();
}

void Mlp::setFeatures(const std::vector<Feature>& features) {
  if (status_ != Status::Empty && !features.empty() && featureCount_ != 2)
    throw ShapeError("MLP.setFeatures: features are computed from 2-column data; the data has " +
                     std::to_string(featureCount_) + " columns");
  std::vector<Feature> previous = features_;
  features_ = features;
  if (status_ != Status::Empty) {
    try {
      Xin_ = inputsOf(X_, "MLP.setFeatures");
    } catch (...) {
      features_ = previous;
      throw;
    }
  }
  architectureChanged();
}

void Mlp::setOptimizer(OptimizerKind k) { optimizer_.setKind(k); }

void Mlp::setLearningRate(double eta) {
  optimizer_.setLearningRate(eta);  // validates η₀ ∈ (0, 10]
  schedule_.base = eta;
  schedule_.minimum = std::min(schedule_.minimum, eta);
}

void Mlp::setSchedule(const LearningRateSchedule& s) {
  s.validate("MLP.setSchedule");
  optimizer_.setLearningRate(s.base);
  schedule_ = s;
}

void Mlp::setClipNorm(double maxNorm) {
  requireInRange(maxNorm, 0.0, 1e6, "MLP.setClipNorm", "clipNorm");
  clipNorm_ = maxNorm;
}

void Mlp::setInit(const std::string& name) {
  const char* where = "MLP.setInit";
  if (lowerCase(name) == "auto") {
    initAuto_ = true;
  } else {
    init_ = initKindFromName(name, where);
    initAuto_ = false;
  }
  architectureChanged();
}

void Mlp::setBatchNorm(bool on) {
  batchNorm_ = on;
  architectureChanged();
}

Vector Mlp::batchNormScales() const {
  std::vector<double> out;
  for (int l = 0; l + 1 < layerCount() && shapeKnown(); ++l)
    if (normalised(l)) out.insert(out.end(), theta_.data() + scaleOffset(l), theta_.data() + scaleOffset(l) + unitsOut(l));
  return Eigen::Map<Vector>(out.data(), static_cast<Index>(out.size()));
}

Vector Mlp::batchNormShifts() const {
  std::vector<double> out;
  for (int l = 0; l + 1 < layerCount() && shapeKnown(); ++l)
    if (normalised(l)) {
      const double* beta = theta_.data() + scaleOffset(l) + unitsOut(l);
      out.insert(out.end(), beta, beta + unitsOut(l));
    }
  return Eigen::Map<Vector>(out.data(), static_cast<Index>(out.size()));
}

void Mlp::setBatchSize(int b) {
  const char* where = "MLP.setBatchSize";
  long long hi = status_ == Status::Empty ? 100000 : Xin_.rows();
  if (b < 1 || b > hi)
    throw InvalidArgument(std::string(where) + ": batchSize=" + std::to_string(b) +
                          (status_ == Status::Empty ? " must be from 1 to 100000"
                                                    : " must be from 1 to the " + std::to_string(hi) + " points"));
  batchSize_ = b;
}

void Mlp::setRegularization(Regularization kind, double rate) {
  requireInRange(rate, 0.0, 10.0, "MLP.setRegularization", "rate");
  regularization_ = kind;
  regularizationRate_ = kind == Regularization::None ? 0.0 : rate;
  paramsChanged();
}

void Mlp::setDropout(double p) {
  requireInRange(p, 0.0, 0.9, "MLP.setDropout", "dropout");
  dropout_ = p;
}

// ---------------------------------------------------------------- data and shape

OutputKind Mlp::resolveOutput(OutputKind wanted, const Vector& y, const char* where, int& classes) const {
  bool binary = true, integral = true;
  double maxLabel = 0;
  Index firstBad = -1;
  for (Index i = 0; i < y.size(); ++i) {
    double v = y(i);
    if (v != 0.0 && v != 1.0) binary = false;
    if (v < 0 || v != std::floor(v) || v >= kMaxClasses) {
      if (integral) firstBad = i;
      integral = false;
    }
    maxLabel = std::max(maxLabel, v);
  }
  classes = 0;
  if (wanted == OutputKind::Auto)
    wanted = binary ? OutputKind::Sigmoid : (integral && maxLabel >= 2) ? OutputKind::Softmax : OutputKind::Linear;
  if (wanted == OutputKind::Sigmoid) {
    if (!binary)
      throw InvalidArgument(std::string(where) + ": a sigmoid output needs labels 0 or 1; found y=" +
                            formatNumber(integral ? maxLabel : y(firstBad)) + " (use setOutput('softmax') or 'linear')");
    classes = 2;
  } else if (wanted == OutputKind::Softmax) {
    if (!integral)
      throw InvalidArgument(std::string(where) + ": a softmax output needs labels 0…" + std::to_string(kMaxClasses - 1) +
                            "; found y[" + std::to_string(firstBad) + "]=" + formatNumber(y(firstBad)));
    classes = static_cast<int>(maxLabel) + 1;
    if (classes < 2)
      throw InvalidArgument(std::string(where) + ": a softmax output needs at least 2 classes; every label is 0");
  }
  return wanted;
}

LossKind Mlp::resolveLoss(LossKind wanted, OutputKind output, const char* where) const {
  if (wanted == LossKind::Auto)
    return output == OutputKind::Linear ? LossKind::MeanSquaredError : LossKind::CrossEntropy;
  if (wanted == LossKind::CrossEntropy && output == OutputKind::Linear)
    throw InvalidArgument(std::string(where) + ": cross-entropy needs a sigmoid or softmax output, not a linear one "
                                               "(regression targets); use setLoss('mse')");
  return wanted;
}

Matrix Mlp::inputsOf(const Matrix& X, const char* where) const {
  if (!features_.empty()) return featureTransform(X, features_, where);
  requireFinite(X, where, "X");
  return X;
}

void Mlp::checkData(const Matrix& X, const Vector& y, const char* where) const {
  if (!features_.empty() && X.cols() != 2)
    throw ShapeError(std::string(where) + ": features are computed from 2-column data; X has " + std::to_string(X.cols()) + " columns");
  inputsOf(X, where);
  int classes = 0;
  resolveLoss(lossWanted_, resolveOutput(outputWanted_, y, where, classes), where);
}

void Mlp::dataChanged(Index) {
  const char* where = "MLP.setData";  // checkData has accepted the data: nothing below throws
  // The feature transform runs twice on new data, once in checkData (a transformed value can
  // overflow, and a refused data set must leave the model untouched) and once here. That costs one
  // pass over n × (at most seven) features when the data changes, never per step, so keeping the
  // checks free of side effects is worth it.
  Xin_ = inputsOf(X_, where);
  int classes = 0;
  OutputKind out = resolveOutput(outputWanted_, y_, where, classes);
  LossKind loss = resolveLoss(lossWanted_, out, where);
  outputResolved_ = out;
  lossResolved_ = loss;
  classes_ = classes;
  buildTargets();
  int outputs = out == OutputKind::Softmax ? classes : 1;
  if (inputs_ != Xin_.cols() || outputs_ != outputs || theta_.size() == 0) {
    rebuildShape(static_cast<int>(Xin_.cols()), outputs);
  } else {
    optimizer_.reset(theta_.size());
  }
  order_.clear();
  cursor_ = 0;
  epoch_ = 0;
  paramsChanged();
}

void Mlp::buildTargets() {
  if (outputResolved_ == OutputKind::Softmax) {
    // One-hot rows: t_ik = 1 when y_i = k.
    T_ = Matrix::Zero(y_.size(), classes_);
    for (Index i = 0; i < y_.size(); ++i) T_(i, static_cast<Index>(y_(i))) = 1.0;
  } else {
    T_ = y_;
  }
}

int Mlp::unitsIn(int layer) const { return layer == 0 ? inputs_ : hidden_[static_cast<std::size_t>(layer - 1)]; }
int Mlp::unitsOut(int layer) const {
  return layer == layerCount() - 1 ? outputs_ : hidden_[static_cast<std::size_t>(layer)];
}

void Mlp::rebuildShape(int inputs, int outputs) {
  inputs_ = inputs;
  outputs_ = outputs;
  offsets_.clear();
  Index total = 0;
  for (int l = 0; l < layerCount(); ++l) {
    offsets_.push_back(total);
    total += static_cast<Index>(unitsIn(l)) * unitsOut(l) + unitsOut(l);
    if (normalised(l)) total += 2 * static_cast<Index>(unitsOut(l));  // γ, β
  }
  theta_ = Vector::Zero(total);
  resetParams();
}

void Mlp::architectureChanged() {
  if (status_ == Status::Empty) {
    if (shapeKnown()) rebuildShape(features_.empty() ? inputs_ : static_cast<int>(features_.size()), outputs_);
    return;
  }
  int outputs = outputResolved_ == OutputKind::Softmax ? classes_ : 1;
  rebuildShape(static_cast<int>(Xin_.cols()), outputs);
  paramsChanged();
  restartTrace();
}

void Mlp::resetParams() {
  // Initial weights w ~ N(0, σ²) with σ² from initVariance (dw/training_tricks.hpp). "auto"
  // picks He et al. (2015), σ² = 2/fan_in, for the ReLU family and GELU, and Glorot & Bengio
  // (2010), σ² = 2/(fan_in + fan_out), otherwise. Biases start at 0; γ at 1 and β at 0.
  Rng init(seed_, kInitStream);
  runMean_.clear();
  runVar_.clear();
  for (int l = 0; l < layerCount() && shapeKnown(); ++l) {
    int in = unitsIn(l), out = unitsOut(l);
    Activation a = l < static_cast<int>(hidden_.size()) ? activations_[static_cast<std::size_t>(l)] : Activation::Linear;
    bool he = a == Activation::ReLU || a == Activation::LeakyReLU || a == Activation::GELU;
    InitKind kind = initAuto_ ? (he ? InitKind::He : InitKind::Xavier) : init_;
    double sd = std::sqrt(initVariance(kind, in, out));
    Index off = offsets_[static_cast<std::size_t>(l)];
    for (Index k = 0; k < static_cast<Index>(in) * out; ++k) theta_(off + k) = init.normal(0.0, sd);
    theta_.segment(off + static_cast<Index>(in) * out, out).setZero();
    if (normalised(l)) {
      theta_.segment(scaleOffset(l), out).setOnes();
      theta_.segment(scaleOffset(l) + out, out).setZero();
      runMean_.push_back(Eigen::RowVectorXd::Zero(out));
      runVar_.push_back(Eigen::RowVectorXd::Ones(out));
    }
  }
  lastGradNorm_ = 0.0;
  lastClipped_ = false;
  optimizer_.reset(theta_.size());
  trainRng_ = Rng(seed_, kTrainStream);
  order_.clear();
  cursor_ = 0;
  epoch_ = 0;
  paramsChanged();
}

}  // namespace dw

// ConvNet: conv → ReLU → max-pool → [dense → ReLU] → dense → softmax cross-entropy, trained by
// mini-batch gradient descent with a dw::Optimizer. Back-propagation chains the layers'
// backward() calls from conv_layers.cpp, one image at a time, summing the batch's gradients.
#include <algorithm>
#include <cmath>
#include <string>

#include "dw/conv_net.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr std::uint64_t kTrainStream = 0xc0417e7a11ULL;  // mini-batch order, apart from the init stream
}  // namespace

ConvNet::ConvNet() : trainRng_(0, kTrainStream) {
  rebuild();
}

// ---------------------------------------------------------------- architecture

void ConvNet::rebuild() {
  const char* where = "ConvNet";
  conv_ = Conv2D(input_, filters_, kernel_, stride_, padding_, where);
  pool_ = MaxPool2D(conv_.output(), poolSize_, poolSize_, where);
  const int pooled = pool_.output().size();
  const int classes = classes_;
  if (hidden_ > 0) {
    hiddenLayer_ = Dense(pooled, hidden_, where);
    outputLayer_ = Dense(hidden_, classes, where);
  } else {
    hiddenLayer_ = Dense();
    outputLayer_ = Dense(pooled, classes, where);
  }
  offHidden_ = conv_.paramCount();
  offOutput_ = offHidden_ + (hidden_ > 0 ? hiddenLayer_.paramCount() : 0);
  theta_.setZero(offOutput_ + outputLayer_.paramCount());
  grad_.setZero(theta_.size());
  Workspace& ws = ws_;
  ws.conv.assign(static_cast<std::size_t>(conv_.output().size()), 0.0);
  ws.relu = ws.gConv = ws.gRelu = ws.conv;
  ws.pooled.assign(static_cast<std::size_t>(pooled), 0.0);
  ws.gPooled = ws.pooled;
  ws.argmax.assign(static_cast<std::size_t>(pooled), 0);
  ws.hiddenPre.assign(static_cast<std::size_t>(std::max(hidden_, 0)), 0.0);
  ws.hidden = ws.gHiddenPre = ws.gHidden = ws.hiddenPre;
  ws.logits.assign(static_cast<std::size_t>(classes), 0.0);
  ws.probs = ws.gLogits = ws.logits;
  resetParams();
}

void ConvNet::architectureChanged() {
  rebuild();
  optimizer_.reset(theta_.size());
  if (status_ != Status::Empty) restartTrace();
}

void ConvNet::setInputShape(int channels, int height, int width) {
  const char* where = "ConvNet.setInputShape";
  requireIntInRange(channels, 1, kMaxChannels, where, "channels");
  requireIntInRange(height, 1, kMaxSide, where, "height");
  requireIntInRange(width, 1, kMaxSide, where, "width");
  VolumeShape old = input_;
  input_ = {channels, height, width};
  try {
    rebuild();
  } catch (...) {
    input_ = old;
    rebuild();
    throw;
  }
  if (input_.size() != old.size()) {
    // The stored images no longer have the right length: forget them.
    X_.resize(0, 0);
    y_.resize(0);
    labels_.clear();
    status_ = Status::Empty;
    featureCount_ = 0;
  }
  architectureChanged();
}

void ConvNet::setConv(int filters, int kernel, int stride, int padding) {
  const char* where = "ConvNet.setConv";
  requireIntInRange(filters, 1, kMaxFilters, where, "filters");
  requireIntInRange(kernel, 1, kMaxKernel, where, "kernel");
  requireIntInRange(stride, 1, kMaxStride, where, "stride");
  requireIntInRange(padding, 0, kernel - 1, where, "padding");
  // Check the shapes before changing anything, so a bad call leaves the network as it was.
  Conv2D trial(input_, filters, kernel, stride, padding, where);
  MaxPool2D(trial.output(), poolSize_, poolSize_, where);
  filters_ = filters;
  kernel_ = kernel;
  stride_ = stride;
  padding_ = padding;
  architectureChanged();
}

void ConvNet::setPool(int size) {
  const char* where = "ConvNet.setPool";
  requireIntInRange(size, 1, kMaxPool, where, "size");
  MaxPool2D(conv_.output(), size, size, where);
  poolSize_ = size;
  architectureChanged();
}

void ConvNet::setHidden(int units) {
  requireIntInRange(units, 0, kMaxHidden, "ConvNet.setHidden", "units");
  hidden_ = units;
  architectureChanged();
}

void ConvNet::setClasses(int classes) {
  const char* where = "ConvNet.setClasses";
  if (classes != 0) requireIntInRange(classes, 2, kMaxClasses, where, "classes");
  if (classes != 0 && !labels_.empty()) {
    int top = *std::max_element(labels_.begin(), labels_.end());
    if (top >= classes)
      throw InvalidArgument(std::string(where) + ": classes=" + std::to_string(classes) +
                            " but the training data has label " + std::to_string(top));
  }
  classesWanted_ = classes;
  if (classes != 0) classes_ = classes;
  else if (!labels_.empty()) classes_ = std::max(2, *std::max_element(labels_.begin(), labels_.end()) + 1);
  architectureChanged();
}

void ConvNet::setOptimizer(OptimizerKind k) {
  optimizer_.setKind(k);
  optimizer_.reset(theta_.size());
}

void ConvNet::setBatchSize(int b) {
  requireIntInRange(b, 1, 1024, "ConvNet.setBatchSize", "batchSize");
  batchSize_ = b;
}

void ConvNet::resetParams() {
  // He initialisation for layers followed by ReLU: w ~ N(0, 2/fan_in); the output layer (followed
  // by softmax) uses N(0, 1/fan_in). Biases start at 0. One seeded stream, layer after layer.
  Rng rng(seed_);
  theta_.setZero();
  const int fanConv = input_.channels * kernel_ * kernel_;
  const double sdConv = std::sqrt(2.0 / fanConv);
  for (int i = 0; i < conv_.weightCount(); ++i) theta_[i] = sdConv * rng.normal();
  if (hidden_ > 0) {
    const double sd = std::sqrt(2.0 / hiddenLayer_.inputs());
    for (int i = 0; i < hiddenLayer_.outputs() * hiddenLayer_.inputs(); ++i) theta_[offHidden_ + i] = sd * rng.normal();
  }
  const double sdOut = std::sqrt(1.0 / outputLayer_.inputs());
  for (int i = 0; i < outputLayer_.outputs() * outputLayer_.inputs(); ++i) theta_[offOutput_ + i] = sdOut * rng.normal();
  optimizer_.reset(theta_.size());
  trainRng_ = Rng(seed_, kTrainStream);
  order_.clear();
  cursor_ = 0;
  epoch_ = 0;
  lastBatchLoss_ = 0;
  lossValid_ = false;
}

std::vector<int> ConvNet::layerParamCounts() const {
  return {conv_.paramCount(), hidden_ > 0 ? hiddenLayer_.paramCount() : 0, outputLayer_.paramCount()};
}

// ---------------------------------------------------------------- data

void ConvNet::checkImages(const Matrix& X, const char* where) const {
  if (X.rows() < 1) throw ShapeError(std::string(where) + ": no images (X has 0 rows)");
  if (X.cols() != input_.size())
    throw ShapeError(std::string(where) + ": each image must have " + std::to_string(input_.size()) + " values (" +
                     std::to_string(input_.channels) + "×" + std::to_string(input_.height) + "×" +
                     std::to_string(input_.width) + "), got " + std::to_string(X.cols()));
  requireFinite(X, where, "X");
  if (X.cwiseAbs().maxCoeff() > 1e6)
    throw InvalidArgument(std::string(where) + ": pixel values must lie within ±1e6 (scale the images first)");
}

std::vector<int> ConvNet::checkLabels(const Vector& y, Index rows, const char* where, bool fixClasses) const {
  if (y.size() != rows)
    throw ShapeError(std::string(where) + ": " + std::to_string(rows) + " images but " + std::to_string(y.size()) +
                     " labels");
  const int limit = fixClasses ? (classesWanted_ ? classesWanted_ : kMaxClasses) : classes_;
  std::vector<int> labels(static_cast<std::size_t>(rows));
  for (Index i = 0; i < rows; ++i) {
    const double v = y[i];
    if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v >= limit)
      throw InvalidArgument(std::string(where) + ": y[" + std::to_string(i) + "]=" + formatNumber(v) +
                            " is not a class label 0…" + std::to_string(limit - 1));
    labels[static_cast<std::size_t>(i)] = static_cast<int>(v);
  }
  return labels;
}

void ConvNet::checkData(const Matrix& X, const Vector& y, const char* where) const {
  checkImages(X, where);
  checkLabels(y, X.rows(), where, true);
}

void ConvNet::dataChanged(Index) {
  labels_ = checkLabels(y_, X_.rows(), "ConvNet.setData", true);
  const int top = *std::max_element(labels_.begin(), labels_.end());
  const int classes = classesWanted_ ? classesWanted_ : std::max(2, top + 1);
  if (classes != classes_ || status_ == Status::Empty) {
    classes_ = classes;
    rebuild();
  } else {
    resetParams();
  }
  optimizer_.reset(theta_.size());
}

// ---------------------------------------------------------------- forward and backward

void ConvNet::forwardOne(const double* image, Workspace& ws) const {
  conv_.forward(image, theta_.data(), ws.conv.data());
  reluForward(ws.conv.data(), ws.relu.data(), static_cast<int>(ws.conv.size()));
  pool_.forward(ws.relu.data(), ws.pooled.data(), ws.argmax.data());
  const double* features = ws.pooled.data();
  if (hidden_ > 0) {
    hiddenLayer_.forward(features, theta_.data() + offHidden_, ws.hiddenPre.data());
    reluForward(ws.hiddenPre.data(), ws.hidden.data(), hidden_);
    features = ws.hidden.data();
  }
  outputLayer_.forward(features, theta_.data() + offOutput_, ws.logits.data());
}

double ConvNet::backwardOne(const double* image, int label, Workspace& ws, double* grad) const {
  forwardOne(image, ws);
  const double loss = softmaxCrossEntropy(ws.logits.data(), classes_, label, ws.probs.data(), ws.gLogits.data());
  // Chain rule backwards through the layers, each adding its parameters' gradient.
  if (hidden_ > 0) {
    outputLayer_.backward(ws.hidden.data(), theta_.data() + offOutput_, ws.gLogits.data(), grad + offOutput_,
                          ws.gHidden.data());
    reluBackward(ws.hiddenPre.data(), ws.gHidden.data(), ws.gHiddenPre.data(), hidden_);
    hiddenLayer_.backward(ws.pooled.data(), theta_.data() + offHidden_, ws.gHiddenPre.data(), grad + offHidden_,
                          ws.gPooled.data());
  } else {
    outputLayer_.backward(ws.pooled.data(), theta_.data() + offOutput_, ws.gLogits.data(), grad + offOutput_,
                          ws.gPooled.data());
  }
  pool_.backward(ws.gPooled.data(), ws.argmax.data(), ws.gRelu.data());
  reluBackward(ws.conv.data(), ws.gRelu.data(), ws.gConv.data(), static_cast<int>(ws.conv.size()));
  conv_.backward(image, theta_.data(), ws.gConv.data(), grad, nullptr);  // the image needs no gradient
  return loss;
}

double ConvNet::lossAndGradient(const Matrix& X, const Vector& y, Vector* grad) const {
  const char* where = "ConvNet.lossAndGradient";
  checkImages(X, where);
  std::vector<int> labels = checkLabels(y, X.rows(), where, false);
  if (grad) grad->setZero(theta_.size());
  double total = 0.0;
  for (Index i = 0; i < X.rows(); ++i) {
    const int label = labels[static_cast<std::size_t>(i)];
    if (grad) {
      total += backwardOne(X.row(i).data(), label, ws_, grad->data());
    } else {
      forwardOne(X.row(i).data(), ws_);
      total += softmaxCrossEntropy(ws_.logits.data(), classes_, label, ws_.probs.data(), nullptr);
    }
  }
  const double n = static_cast<double>(X.rows());
  if (grad) *grad /= n;
  return total / n;
}

Vector ConvNet::gradient() const {
  requireData("ConvNet.gradient");
  Vector g;
  Vector y(static_cast<Index>(labels_.size()));
  for (std::size_t i = 0; i < labels_.size(); ++i) y[static_cast<Index>(i)] = labels_[i];
  lossAndGradient(X_, y, &g);
  return g;
}

void ConvNet::doStep() {
  const int n = static_cast<int>(X_.rows());
  // Mini-batches walk through a fresh seeded permutation each epoch; the last batch of an epoch
  // may be smaller.
  if (order_.empty() || cursor_ >= static_cast<std::size_t>(n)) {
    order_ = trainRng_.permutation(n);
    cursor_ = 0;
  }
  const int b = std::min(batchSize_, n - static_cast<int>(cursor_));
  grad_.setZero(theta_.size());
  double total = 0.0;
  for (int i = 0; i < b; ++i) {
    const int row = order_[cursor_ + static_cast<std::size_t>(i)];
    total += backwardOne(X_.row(row).data(), labels_[static_cast<std::size_t>(row)], ws_, grad_.data());
  }
  grad_ /= b;  // the batch's mean loss has the mean gradient
  lastBatchLoss_ = total / b;
  cursor_ += static_cast<std::size_t>(b);
  if (cursor_ >= static_cast<std::size_t>(n)) ++epoch_;
  optimizer_.update(theta_, grad_);
  lossValid_ = false;
}

double ConvNet::trainingLoss() const {
  requireData("ConvNet.loss");
  if (!lossValid_) {
    double total = 0.0;
    for (Index i = 0; i < X_.rows(); ++i) {
      forwardOne(X_.row(i).data(), ws_);
      total += softmaxCrossEntropy(ws_.logits.data(), classes_, labels_[static_cast<std::size_t>(i)],
                                   ws_.probs.data(), nullptr);
    }
    lossCache_ = total / static_cast<double>(X_.rows());
    lossValid_ = true;
  }
  return lossCache_;
}

void ConvNet::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "epoch"});
  trace_.append({loss(), static_cast<double>(epoch_)});
}

// ---------------------------------------------------------------- prediction and inspection

Matrix ConvNet::predictProba(const Matrix& X) const {
  // Like every model: no predictions from weights that never saw data (the conformance suite).
  requireData("ConvNet.predictProba");
  checkImages(X, "ConvNet.predictProba");
  Matrix P(X.rows(), classes_);
  for (Index i = 0; i < X.rows(); ++i) {
    forwardOne(X.row(i).data(), ws_);
    softmaxCrossEntropy(ws_.logits.data(), classes_, 0, P.row(i).data(), nullptr);
  }
  return P;
}

Vector ConvNet::predict(const Matrix& X) const {
  Matrix P = predictProba(X);
  Vector labels(X.rows());
  for (Index i = 0; i < X.rows(); ++i) {
    Index best;
    P.row(i).maxCoeff(&best);  // the first most probable class on ties
    labels[i] = static_cast<double>(best);
  }
  return labels;
}

double ConvNet::score(const Matrix& X, const Vector& y) const {
  const char* where = "ConvNet.score";
  checkImages(X, where);
  std::vector<int> labels = checkLabels(y, X.rows(), where, false);
  Vector predicted = predict(X);
  Index right = 0;
  for (Index i = 0; i < X.rows(); ++i) right += predicted[i] == labels[static_cast<std::size_t>(i)];
  return static_cast<double>(right) / static_cast<double>(X.rows());
}

Vector ConvNet::filters() const {
  return theta_.head(conv_.weightCount());
}

Vector ConvNet::mapsOf(const Vector& image, bool pooled, const char* where) const {
  if (image.size() != input_.size())
    throw ShapeError(std::string(where) + ": the image must have " + std::to_string(input_.size()) + " values, got " +
                     std::to_string(image.size()));
  requireFinite(image, where, "image");
  forwardOne(image.data(), ws_);
  const std::vector<double>& maps = pooled ? ws_.pooled : ws_.relu;
  return Eigen::Map<const Vector>(maps.data(), static_cast<Index>(maps.size()));
}

Vector ConvNet::featureMaps(const Vector& image) const { return mapsOf(image, false, "ConvNet.featureMaps"); }
Vector ConvNet::pooledMaps(const Vector& image) const { return mapsOf(image, true, "ConvNet.pooledMaps"); }

void ConvNet::setParams(const Vector& theta) {
  const char* where = "ConvNet.setParams";
  if (theta.size() != theta_.size())
    throw ShapeError(std::string(where) + ": expected " + std::to_string(theta_.size()) + " parameters, got " +
                     std::to_string(theta.size()));
  requireFinite(theta, where, "params");
  theta_ = theta;
  lossValid_ = false;
  if (status_ != Status::Empty) restartTrace();
}

}  // namespace dw

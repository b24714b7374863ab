// LoRA adapter and the transfer-learning network: see dw/lora.hpp for the modes and the layout.
#include "dw/lora.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dw/conv_net.hpp"  // softmaxCrossEntropy
#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/validate.hpp"

namespace dw {

// ---------------------------------------------------------------- LoraDense

LoraDense::LoraDense(int inputs, int outputs, int rank, double alpha, const char* where)
    : inputs_(inputs), outputs_(outputs), rank_(rank), alpha_(alpha) {
  requireIntInRange(inputs, 1, 1 << 20, where, "inputs");
  requireIntInRange(outputs, 1, 1 << 20, where, "outputs");
  requireIntInRange(rank, 1, std::min(inputs, outputs), where, "rank");
  if (!std::isfinite(alpha) || alpha <= 0.0 || alpha > 1e6)
    throw InvalidArgument(std::string(where) + ": alpha=" + formatNumber(alpha) + " must be a number above 0 and at most 1e6");
}

void LoraDense::forward(const double* x, const double* W, const double* b, const double* A, const double* B,
                        double* out) const {
  // u = A x (r values), then out_i = b_i + Σ_k W[i,k] x_k + s·Σ_j B[i,j] u_j.
  const double s = scale();
  std::vector<double> u(static_cast<std::size_t>(rank_), 0.0);
  for (int j = 0; j < rank_; ++j) {
    const double* row = A + static_cast<std::size_t>(j) * inputs_;
    double sum = 0.0;
    for (int k = 0; k < inputs_; ++k) sum += row[k] * x[k];
    u[j] = sum;
  }
  for (int i = 0; i < outputs_; ++i) {
    const double* row = W + static_cast<std::size_t>(i) * inputs_;
    double sum = b ? b[i] : 0.0;
    for (int k = 0; k < inputs_; ++k) sum += row[k] * x[k];
    const double* bRow = B + static_cast<std::size_t>(i) * rank_;
    double low = 0.0;
    for (int j = 0; j < rank_; ++j) low += bRow[j] * u[j];
    out[i] = sum + s * low;
  }
}

void LoraDense::backward(const double* x, const double* W, const double* A, const double* B, const double* g,
                         double* gradA, double* gradB, double* gradX) const {
  const double s = scale();
  std::vector<double> u(static_cast<std::size_t>(rank_), 0.0), gu(static_cast<std::size_t>(rank_), 0.0);
  for (int j = 0; j < rank_; ++j) {
    const double* row = A + static_cast<std::size_t>(j) * inputs_;
    for (int k = 0; k < inputs_; ++k) u[j] += row[k] * x[k];
  }
  for (int i = 0; i < outputs_; ++i) {
    const double* bRow = B + static_cast<std::size_t>(i) * rank_;
    for (int j = 0; j < rank_; ++j) {
      if (gradB) gradB[static_cast<std::size_t>(i) * rank_ + j] += s * g[i] * u[j];  // dL/dB = s·g uᵀ
      gu[j] += s * bRow[j] * g[i];                                                  // dL/du = s·Bᵀ g
    }
  }
  if (gradA)
    for (int j = 0; j < rank_; ++j)
      for (int k = 0; k < inputs_; ++k) gradA[static_cast<std::size_t>(j) * inputs_ + k] += gu[j] * x[k];  // dL/dA = (dL/du) xᵀ
  if (gradX) {
    for (int k = 0; k < inputs_; ++k) {
      double sum = 0.0;
      for (int i = 0; i < outputs_; ++i) sum += W[static_cast<std::size_t>(i) * inputs_ + k] * g[i];
      for (int j = 0; j < rank_; ++j) sum += A[static_cast<std::size_t>(j) * inputs_ + k] * gu[j];
      gradX[k] = sum;
    }
  }
}

Vector loraForward(const Vector& x, const Matrix& W, const Vector& b, const Matrix& A, const Matrix& B, double alpha,
                   const char* where) {
  const int h = static_cast<int>(W.rows()), d = static_cast<int>(W.cols()), r = static_cast<int>(A.rows());
  LoraDense layer(d, h, r, alpha, where);  // checks the sizes and α
  if (x.size() != d) throw ShapeError(std::string(where) + ": x needs " + std::to_string(d) + " values");
  if (b.size() != h) throw ShapeError(std::string(where) + ": b needs " + std::to_string(h) + " values");
  if (A.cols() != d || B.rows() != h || B.cols() != r)
    throw ShapeError(std::string(where) + ": A must be " + std::to_string(r) + " × " + std::to_string(d) + " and B " +
                     std::to_string(h) + " × " + std::to_string(r));
  requireFinite(x, where, "x");
  requireFinite(W, where, "W");
  requireFinite(A, where, "A");
  requireFinite(B, where, "B");
  requireFinite(b, where, "b");
  Vector out(h);
  layer.forward(x.data(), W.data(), b.data(), A.data(), B.data(), out.data());
  return out;
}

Matrix LoraDense::merged(const Matrix& W, const Matrix& A, const Matrix& B) const {
  if (W.rows() != outputs_ || W.cols() != inputs_ || A.rows() != rank_ || A.cols() != inputs_ || B.rows() != outputs_ ||
      B.cols() != rank_)
    throw ShapeError("LoraDense.merged: W must be outputs × inputs, A rank × inputs and B outputs × rank");
  return W + scale() * (B * A);
}

// ---------------------------------------------------------------- modes

TransferMode transferModeFromName(const std::string& name, const char* where) {
  const std::string lower = lowerCase(name);
  if (lower == "scratch") return TransferMode::Scratch;
  if (lower == "head") return TransferMode::Head;
  if (lower == "full") return TransferMode::Full;
  if (lower == "lora") return TransferMode::Lora;
  throw InvalidArgument(std::string(where) + ": mode '" + name + "' is not one of scratch, head, full, lora");
}

const char* transferModeName(TransferMode mode) {
  switch (mode) {
    case TransferMode::Scratch: return "scratch";
    case TransferMode::Head: return "head";
    case TransferMode::Full: return "full";
    case TransferMode::Lora: return "lora";
  }
  return "full";
}

// ---------------------------------------------------------------- TransferNet

TransferNet::TransferNet(int inputs, int hidden, int classes) : inputs_(inputs), hidden_(hidden), classes_(classes) {
  const char* where = "TransferNet";
  requireIntInRange(inputs, 1, kMaxInputs, where, "inputs");
  requireIntInRange(hidden, 1, kMaxHidden, where, "hidden");
  requireIntInRange(classes, 2, kMaxClasses, where, "classes");
  optimizer_.setLearningRate(0.01);
  reset(0);
}

void TransferNet::initialiseBody(Rng& rng) {
  // He initialisation for ReLU units: N(0, 2/d).
  const double sd = std::sqrt(2.0 / inputs_);
  W1_.resize(hidden_, inputs_);
  for (Index i = 0; i < W1_.size(); ++i) W1_.data()[i] = rng.normal(0.0, sd);
  b1_ = Vector::Zero(hidden_);
}

void TransferNet::initialiseHead(Rng& rng) {
  const double sd = std::sqrt(1.0 / hidden_);
  W2_.resize(classes_, hidden_);
  for (Index i = 0; i < W2_.size(); ++i) W2_.data()[i] = rng.normal(0.0, sd);
  b2_ = Vector::Zero(classes_);
}

void TransferNet::reset(std::uint32_t seed) {
  Rng rng(seed);
  initialiseBody(rng);
  initialiseHead(rng);
  mode_ = TransferMode::Full;
  rank_ = 0;
  alpha_ = 0.0;
  A_.resize(0, inputs_);
  B_.resize(hidden_, 0);
  optimizer_.reset(0);
  rng_ = Rng(seed, 0x9e3779b97f4a7c15ULL);
  steps_ = 0;
  shuffle();
}

void TransferNet::startTransfer(const TransferNet& pretrained, TransferMode mode, int classes, int rank, double alpha,
                                std::uint32_t seed) {
  const char* where = "TransferNet.startTransfer";
  if (pretrained.inputs_ != inputs_ || pretrained.hidden_ != hidden_)
    throw ShapeError(std::string(where) + ": the pretrained network has " + std::to_string(pretrained.inputs_) +
                     " inputs and " + std::to_string(pretrained.hidden_) + " hidden units, this one " +
                     std::to_string(inputs_) + " and " + std::to_string(hidden_));
  requireIntInRange(classes, 2, kMaxClasses, where, "classes");
  if (mode == TransferMode::Lora) adapter_ = LoraDense(inputs_, hidden_, rank, alpha, where);
  // Copy first: `pretrained` may be this very network.
  Matrix W1 = pretrained.effectiveHiddenWeights();
  Vector b1 = pretrained.b1_;
  classes_ = classes;
  Rng rng(seed);
  if (mode == TransferMode::Scratch) {
    initialiseBody(rng);
  } else {
    W1_ = W1;
    b1_ = b1;
  }
  initialiseHead(rng);
  mode_ = mode;
  if (mode == TransferMode::Lora) {
    rank_ = rank;
    alpha_ = alpha;
    // A ~ N(0, 1/d), B = 0: the adapted layer starts equal to the pretrained one.
    const double sd = std::sqrt(1.0 / inputs_);
    A_.resize(rank, inputs_);
    for (Index i = 0; i < A_.size(); ++i) A_.data()[i] = rng.normal(0.0, sd);
    B_ = Matrix::Zero(hidden_, rank);
  } else {
    rank_ = 0;
    alpha_ = 0.0;
    A_.resize(0, inputs_);
    B_.resize(hidden_, 0);
  }
  X_.resize(0, inputs_);
  labels_.clear();
  optimizer_.reset(0);
  rng_ = Rng(seed, 0x9e3779b97f4a7c15ULL);
  steps_ = 0;
  shuffle();
}

void TransferNet::checkInputs(const Matrix& X, const char* where) const {
  if (X.cols() != inputs_)
    throw ShapeError(std::string(where) + ": each input needs " + std::to_string(inputs_) + " values, got " +
                     std::to_string(X.cols()));
  requireFinite(X, where, "X");
}

std::vector<int> TransferNet::checkLabels(const Vector& y, Index rows, const char* where) const {
  if (y.size() != rows)
    throw ShapeError(std::string(where) + ": " + std::to_string(rows) + " inputs but " + std::to_string(y.size()) +
                     " labels");
  std::vector<int> labels(static_cast<std::size_t>(rows));
  for (Index i = 0; i < rows; ++i) {
    double v = y[i];
    if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v >= classes_)
      throw InvalidArgument(std::string(where) + ": label " + formatNumber(v) + " at row " + std::to_string(i) +
                            " is not a whole number from 0 to " + std::to_string(classes_ - 1));
    labels[static_cast<std::size_t>(i)] = static_cast<int>(v);
  }
  return labels;
}

void TransferNet::setData(const Matrix& X, const Vector& y) {
  const char* where = "TransferNet.setData";
  if (X.rows() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  checkInputs(X, where);
  labels_ = checkLabels(y, X.rows(), where);
  X_ = X;
  cursor_ = 0;
  shuffle();
}

void TransferNet::setBatchSize(int b) {
  requireIntInRange(b, 1, 1024, "TransferNet.setBatchSize", "batchSize");
  batchSize_ = b;
}

void TransferNet::shuffle() {
  order_ = rng_.permutation(static_cast<int>(X_.rows()));
  cursor_ = 0;
}

void TransferNet::forwardOne(const double* x, double* hiddenPre, double* hiddenOut, double* logits) const {
  if (hasAdapter()) {
    adapter_.forward(x, W1_.data(), b1_.data(), A_.data(), B_.data(), hiddenPre);
  } else {
    for (int i = 0; i < hidden_; ++i) {
      double sum = b1_[i];
      const double* row = W1_.data() + static_cast<std::size_t>(i) * inputs_;
      for (int k = 0; k < inputs_; ++k) sum += row[k] * x[k];
      hiddenPre[i] = sum;
    }
  }
  for (int i = 0; i < hidden_; ++i) hiddenOut[i] = hiddenPre[i] > 0.0 ? hiddenPre[i] : 0.0;
  for (int c = 0; c < classes_; ++c) {
    double sum = b2_[c];
    const double* row = W2_.data() + static_cast<std::size_t>(c) * hidden_;
    for (int i = 0; i < hidden_; ++i) sum += row[i] * hiddenOut[i];
    logits[c] = sum;
  }
}

TransferCounts TransferNet::counts() const {
  TransferCounts c;
  c.body = hidden_ * inputs_ + hidden_;
  c.head = classes_ * hidden_ + classes_;
  c.adapter = hasAdapter() ? rank_ * (inputs_ + hidden_) : 0;
  c.total = c.body + c.head + c.adapter;
  c.trainable = c.head + c.adapter + (bodyTrained() ? c.body : 0);
  return c;
}

// Trainable layout: [W1, b1] when the body is trained, then [A, B] with an adapter, then [W2, b2].
Vector TransferNet::trainableParams() const {
  Vector theta(counts().trainable);
  Index at = 0;
  auto put = [&](const double* p, Index n) {
    std::copy(p, p + n, theta.data() + at);
    at += n;
  };
  if (bodyTrained()) {
    put(W1_.data(), W1_.size());
    put(b1_.data(), b1_.size());
  }
  if (hasAdapter()) {
    put(A_.data(), A_.size());
    put(B_.data(), B_.size());
  }
  put(W2_.data(), W2_.size());
  put(b2_.data(), b2_.size());
  return theta;
}

void TransferNet::setTrainableParams(const Vector& theta) {
  const char* where = "TransferNet.setTrainableParams";
  if (theta.size() != counts().trainable)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(counts().trainable) + " numbers, got " +
                     std::to_string(theta.size()));
  requireFinite(theta, where, "params");
  Index at = 0;
  auto take = [&](double* p, Index n) {
    std::copy(theta.data() + at, theta.data() + at + n, p);
    at += n;
  };
  if (bodyTrained()) {
    take(W1_.data(), W1_.size());
    take(b1_.data(), b1_.size());
  }
  if (hasAdapter()) {
    take(A_.data(), A_.size());
    take(B_.data(), B_.size());
  }
  take(W2_.data(), W2_.size());
  take(b2_.data(), b2_.size());
}

double TransferNet::lossAndGradient(const Matrix& X, const Vector& y, Vector* grad) const {
  const char* where = "TransferNet.lossAndGradient";
  if (X.rows() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  checkInputs(X, where);
  std::vector<int> labels = checkLabels(y, X.rows(), where);
  const std::size_t h = static_cast<std::size_t>(hidden_), K = static_cast<std::size_t>(classes_);
  std::vector<double> pre(h), out(h), logits(K), probs(K), gLogits(K), gHidden(h);
  Matrix gW1 = Matrix::Zero(W1_.rows(), W1_.cols()), gW2 = Matrix::Zero(W2_.rows(), W2_.cols());
  Matrix gA = Matrix::Zero(A_.rows(), A_.cols()), gB = Matrix::Zero(B_.rows(), B_.cols());
  Vector gb1 = Vector::Zero(hidden_), gb2 = Vector::Zero(classes_);
  double total = 0.0;
  for (Index n = 0; n < X.rows(); ++n) {
    const double* x = X.row(n).data();
    forwardOne(x, pre.data(), out.data(), logits.data());
    total += softmaxCrossEntropy(logits.data(), classes_, labels[static_cast<std::size_t>(n)], probs.data(), gLogits.data());
    if (!grad) continue;
    // Head: z2 = W2 a + b2 → dW2 = g aᵀ, db2 = g, da = W2ᵀ g; ReLU: dz1 = da · [z1 > 0].
    for (std::size_t c = 0; c < K; ++c) {
      gb2[static_cast<Index>(c)] += gLogits[c];
      for (std::size_t i = 0; i < h; ++i) gW2(static_cast<Index>(c), static_cast<Index>(i)) += gLogits[c] * out[i];
    }
    for (std::size_t i = 0; i < h; ++i) {
      double s = 0.0;
      for (std::size_t c = 0; c < K; ++c) s += W2_(static_cast<Index>(c), static_cast<Index>(i)) * gLogits[c];
      gHidden[i] = pre[i] > 0.0 ? s : 0.0;
    }
    if (bodyTrained()) {
      for (std::size_t i = 0; i < h; ++i) {
        gb1[static_cast<Index>(i)] += gHidden[i];
        for (int k = 0; k < inputs_; ++k) gW1(static_cast<Index>(i), k) += gHidden[i] * x[k];
      }
    }
    if (hasAdapter()) adapter_.backward(x, W1_.data(), A_.data(), B_.data(), gHidden.data(), gA.data(), gB.data(), nullptr);
  }
  const double inv = 1.0 / static_cast<double>(X.rows());
  if (grad) {
    grad->resize(counts().trainable);
    Index at = 0;
    auto put = [&](const double* p, Index n) {
      for (Index i = 0; i < n; ++i) (*grad)[at + i] = p[i] * inv;
      at += n;
    };
    if (bodyTrained()) {
      put(gW1.data(), gW1.size());
      put(gb1.data(), gb1.size());
    }
    if (hasAdapter()) {
      put(gA.data(), gA.size());
      put(gB.data(), gB.size());
    }
    put(gW2.data(), gW2.size());
    put(gb2.data(), gb2.size());
  }
  return total * inv;
}

double TransferNet::step() {
  if (X_.rows() == 0) throw StateError("TransferNet.step: no training data yet (call setData first)");
  const Index n = X_.rows();
  const Index b = std::min<Index>(batchSize_, n);
  Matrix Xb(b, inputs_);
  Vector yb(b);
  for (Index i = 0; i < b; ++i) {
    if (cursor_ >= order_.size()) shuffle();
    int row = order_[cursor_++];
    Xb.row(i) = X_.row(row);
    yb[i] = labels_[static_cast<std::size_t>(row)];
  }
  Vector g;
  double batchLoss = lossAndGradient(Xb, yb, &g);
  Vector theta = trainableParams();
  optimizer_.update(theta, g);
  if (!theta.allFinite()) throw StateError("TransferNet.step: the parameters diverged (lower the learning rate)");
  setTrainableParams(theta);
  ++steps_;
  return batchLoss;
}

double TransferNet::train(int steps) {
  requireIntInRange(steps, 0, 1000000, "TransferNet.train", "steps");
  for (int i = 0; i < steps; ++i) step();
  return trainingLoss();
}

double TransferNet::trainingLoss() const {
  if (X_.rows() == 0) throw StateError("TransferNet.loss: no training data yet (call setData first)");
  Vector y(X_.rows());
  for (Index i = 0; i < X_.rows(); ++i) y[i] = labels_[static_cast<std::size_t>(i)];
  return lossAndGradient(X_, y, nullptr);
}

double TransferNet::loss(const Matrix& X, const Vector& y) const { return lossAndGradient(X, y, nullptr); }

Matrix TransferNet::predictProba(const Matrix& X) const {
  checkInputs(X, "TransferNet.predictProba");
  const std::size_t h = static_cast<std::size_t>(hidden_), K = static_cast<std::size_t>(classes_);
  std::vector<double> pre(h), out(h), logits(K), probs(K);
  Matrix P(X.rows(), classes_);
  for (Index n = 0; n < X.rows(); ++n) {
    forwardOne(X.row(n).data(), pre.data(), out.data(), logits.data());
    softmaxCrossEntropy(logits.data(), classes_, 0, probs.data(), nullptr);
    for (int c = 0; c < classes_; ++c) P(n, c) = probs[static_cast<std::size_t>(c)];
  }
  return P;
}

Vector TransferNet::predict(const Matrix& X) const {
  checkInputs(X, "TransferNet.predict");
  const std::size_t h = static_cast<std::size_t>(hidden_), K = static_cast<std::size_t>(classes_);
  std::vector<double> pre(h), out(h), logits(K);
  Vector labels(X.rows());
  for (Index n = 0; n < X.rows(); ++n) {
    forwardOne(X.row(n).data(), pre.data(), out.data(), logits.data());
    labels[n] = static_cast<double>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  }
  return labels;
}

double TransferNet::score(const Matrix& X, const Vector& y) const {
  const char* where = "TransferNet.score";
  if (X.rows() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  checkInputs(X, where);
  std::vector<int> labels = checkLabels(y, X.rows(), where);
  Vector p = predict(X);
  int right = 0;
  for (Index i = 0; i < X.rows(); ++i) right += static_cast<int>(p[i]) == labels[static_cast<std::size_t>(i)] ? 1 : 0;
  return static_cast<double>(right) / static_cast<double>(X.rows());
}

Matrix TransferNet::effectiveHiddenWeights() const {
  return hasAdapter() ? adapter_.merged(W1_, A_, B_) : W1_;
}

Matrix TransferNet::hiddenActivations(const Matrix& X) const {
  checkInputs(X, "TransferNet.hiddenActivations");
  const std::size_t h = static_cast<std::size_t>(hidden_), K = static_cast<std::size_t>(classes_);
  std::vector<double> pre(h), out(h), logits(K);
  Matrix H(X.rows(), hidden_);
  for (Index n = 0; n < X.rows(); ++n) {
    forwardOne(X.row(n).data(), pre.data(), out.data(), logits.data());
    for (int i = 0; i < hidden_; ++i) H(n, i) = out[static_cast<std::size_t>(i)];
  }
  return H;
}

void TransferNet::setHiddenWeights(const Matrix& W, const Vector& b) {
  const char* where = "TransferNet.setHiddenWeights";
  if (W.rows() != hidden_ || W.cols() != inputs_ || b.size() != hidden_)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(hidden_) + " × " + std::to_string(inputs_) +
                     " weights and " + std::to_string(hidden_) + " biases");
  requireFinite(W, where, "W");
  requireFinite(b, where, "b");
  W1_ = W;
  b1_ = b;
}

void TransferNet::setHeadWeights(const Matrix& W, const Vector& b) {
  const char* where = "TransferNet.setHeadWeights";
  if (W.rows() != classes_ || W.cols() != hidden_ || b.size() != classes_)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(classes_) + " × " + std::to_string(hidden_) +
                     " weights and " + std::to_string(classes_) + " biases");
  requireFinite(W, where, "W");
  requireFinite(b, where, "b");
  W2_ = W;
  b2_ = b;
}

void TransferNet::setAdapter(const Matrix& A, const Matrix& B) {
  const char* where = "TransferNet.setAdapter";
  if (!hasAdapter()) throw StateError(std::string(where) + ": this network has no adapter (start a 'lora' transfer)");
  if (A.rows() != rank_ || A.cols() != inputs_ || B.rows() != hidden_ || B.cols() != rank_)
    throw ShapeError(std::string(where) + ": expected A of " + std::to_string(rank_) + " × " + std::to_string(inputs_) +
                     " and B of " + std::to_string(hidden_) + " × " + std::to_string(rank_));
  requireFinite(A, where, "A");
  requireFinite(B, where, "B");
  A_ = A;
  B_ = B;
}

}  // namespace dw

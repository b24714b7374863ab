// MLP: forward and backward passes, training steps and prediction.
#include <algorithm>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/mlp.hpp"
#include "dw/two_lanes.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr Index kChunkRows = 2048;  // forward passes over big inputs run in cache-sized blocks

// The dense layers' products, written out for the small shapes of this network (1–16 units,
// mini-batches of a few points): Eigen's general product pays for packing and blocking that
// pays off only for large matrices, and in WASM it has no SIMD path. All matrices are
// row-major. The sums run along contiguous rows, two units per V2 (SSE2 natively, f64x2 in
// WASM); each lane sums in the scalar order, so native and WASM round alike.

// Z = A·W + b for A (rows × in), W (in × out), Z (rows × out): z_ij = (Σ_k a_ik w_kj) + b_j,
// k in order.
void denseForward(const double* A, Index rows, int in, const double* W, const double* b, int out, double* Z) {
  for (Index i = 0; i < rows; ++i) {
    const double* a = A + i * in;
    double* z = Z + i * out;
    int j = 0;
    for (; j + 2 <= out; j += 2) {
      V2 sum = a[0] * load2(W + j);
      for (int k = 1; k < in; ++k) sum += a[k] * load2(W + k * out + j);
      store2(z + j, sum + load2(b + j));
    }
    for (; j < out; ++j) {
      double sum = a[0] * W[j];
      for (int k = 1; k < in; ++k) sum += a[k] * W[k * out + j];
      z[j] = sum + b[j];
    }
  }
}

// ∂L/∂W = Aᵀ·Δ (in × out) and ∂L/∂b = Σ_rows Δ, for A (rows × in) and Δ (rows × out), summed
// over the rows in order.
void denseGradient(const double* A, const double* D, Index rows, int in, int out, double* gW, double* gb) {
  std::fill(gW, gW + static_cast<Index>(in) * out, 0.0);
  std::fill(gb, gb + out, 0.0);
  for (Index i = 0; i < rows; ++i) {
    const double* a = A + i * in;
    const double* d = D + i * out;
    for (int k = 0; k < in; ++k) {
      double* g = gW + k * out;
      int j = 0;
      for (; j + 2 <= out; j += 2) store2(g + j, load2(g + j) + a[k] * load2(d + j));
      for (; j < out; ++j) g[j] += a[k] * d[j];
    }
    int j = 0;
    for (; j + 2 <= out; j += 2) store2(gb + j, load2(gb + j) + load2(d + j));
    for (; j < out; ++j) gb[j] += d[j];
  }
}

// Δ′ = ((Δ·Wᵀ) ⊙ mask) ⊙ f′ for Δ (rows × out), W (in × out) and Δ′, mask, f′ (rows × in); mask
// may be null (no dropout). Each (Δ·Wᵀ)_ik is a dot product of two contiguous rows, taken in two
// lanes (even and odd j) that are added at the end.
void denseBackward(const double* D, Index rows, int out, const double* W, int in, const double* mask,
                   const double* deriv, double* Dprev) {
  for (Index i = 0; i < rows; ++i) {
    const double* d = D + i * out;
    for (int k = 0; k < in; ++k) {
      const double* w = W + k * out;
      V2 lanes = {0.0, 0.0};
      int j = 0;
      for (; j + 2 <= out; j += 2) lanes += load2(d + j) * load2(w + j);
      double sum = lanes[0] + lanes[1];
      for (; j < out; ++j) sum += d[j] * w[j];
      const Index ik = i * in + k;
      if (mask) sum *= mask[ik];
      Dprev[ik] = sum * deriv[ik];
    }
  }
}
}  // namespace

// ---------------------------------------------------------------- forward and backward

void Mlp::outputFunction(const Matrix& Z, Matrix& P) const {
  switch (outputResolved_) {
    case OutputKind::Softmax:
      // p_k = e^{z_k − max z} / Σ_j e^{z_j − max z}: shifting by the row maximum avoids overflow.
      P = (Z.colwise() - Z.rowwise().maxCoeff()).array().exp();
      P.array().colwise() /= P.rowwise().sum().array();
      break;
    case OutputKind::Linear: P = Z; break;
    default: P = Z.unaryExpr([](double z) { return sigmoid(z); }); break;
  }
}

void Mlp::forward(const Matrix& Xin, Matrix& out, std::vector<Matrix>* all) const {
  out.resize(Xin.rows(), outputs_);
  if (all) {
    all->assign(static_cast<std::size_t>(layerCount()) + 1, Matrix());
    (*all)[0] = Xin;
  }
  // Blocks of rows keep the per-layer buffers small and in cache; each buffer is allocated
  // once per block, never per point.
  Matrix A, Z;
  for (Index start = 0; start < Xin.rows(); start += kChunkRows) {
    Index rows = std::min(kChunkRows, Xin.rows() - start);
    A = Xin.middleRows(start, rows);
    for (int l = 0; l < layerCount(); ++l) {
      int in = unitsIn(l), units = unitsOut(l);
      Index off = offsets_[static_cast<std::size_t>(l)];
      Z.resize(rows, units);  // z = a·W + b, one row per point, as in training
      denseForward(A.data(), rows, in, theta_.data() + off, theta_.data() + off + static_cast<Index>(in) * units,
                   units, Z.data());
      if (normalised(l)) {
        // Prediction normalises with the running statistics: u = γ (z − μ_run)/√(σ²_run + ε) + β.
        const Eigen::RowVectorXd gamma = theta_.segment(scaleOffset(l), units).transpose(),
                                 beta = theta_.segment(scaleOffset(l) + units, units).transpose();
        Matrix U;
        batchNormInfer(Z, gamma, beta, runMean_[static_cast<std::size_t>(l)], runVar_[static_cast<std::size_t>(l)], U);
        Z.swap(U);
      }
      if (l + 1 < layerCount()) applyActivation(activations_[static_cast<std::size_t>(l)], Z, A);
      else outputFunction(Z, A);
      if (all) {
        Matrix& dst = (*all)[static_cast<std::size_t>(l) + 1];
        if (dst.rows() != Xin.rows()) dst.resize(Xin.rows(), units);
        dst.middleRows(start, rows) = A;
      }
    }
    out.middleRows(start, rows) = A;
  }
}

double Mlp::lossAndGradient(const Matrix& X, const Matrix& T, Vector* grad, Rng* dropout, Matrix* outputs,
                            bool training, std::vector<Eigen::RowVectorXd>* batchMean,
                            std::vector<Eigen::RowVectorXd>* batchVar) const {
  const int L = layerCount();
  const Index rows = X.rows();
  const double n = static_cast<double>(rows);
  // Forward pass keeping what back-propagation needs: each layer's input (after dropout; the
  // first is X itself), the activation derivative f'(u) of each hidden layer and, with batch
  // normalisation, its cache.
  std::vector<LayerScratch>& layers = scratch_.layers;
  layers.resize(static_cast<std::size_t>(L));
  if (batchMean) batchMean->assign(runMean_.size(), Eigen::RowVectorXd());
  if (batchVar) batchVar->assign(runVar_.size(), Eigen::RowVectorXd());
  auto layerInput = [&](int l) -> const Matrix& { return l == 0 ? X : layers[static_cast<std::size_t>(l) - 1].a; };
  for (int l = 0; l < L; ++l) {
    std::size_t ul = static_cast<std::size_t>(l);
    LayerScratch& layer = layers[ul];
    int in = unitsIn(l), units = unitsOut(l);
    Index off = offsets_[ul];
    Matrix& Z = layer.z;
    Z.resize(rows, units);
    denseForward(layerInput(l).data(), rows, in, theta_.data() + off, theta_.data() + off + static_cast<Index>(in) * units,
                 units, Z.data());
    if (l == L - 1) break;
    if (normalised(l)) {
      const Eigen::RowVectorXd gamma = theta_.segment(scaleOffset(l), units).transpose(),
                               beta = theta_.segment(scaleOffset(l) + units, units).transpose();
      Matrix U;
      if (training) {
        Eigen::RowVectorXd mean, var;
        batchNormTrain(Z, gamma, beta, U, mean, var, grad ? &layer.bn : nullptr);
        if (batchMean) (*batchMean)[ul] = mean;
        if (batchVar) (*batchVar)[ul] = var;
      } else {
        batchNormInfer(Z, gamma, beta, runMean_[ul], runVar_[ul], U);
      }
      Z.swap(U);  // the activation's input is u = BN(z)
    }
    Matrix& A = layer.a;
    applyActivation(activations_[ul], Z, A);
    if (grad) activationDerivative(activations_[ul], Z, A, layer.deriv);
    if (dropout && dropout_ > 0) {
      // Inverted dropout (Srivastava et al. 2014, scaled at training time): keep a unit with
      // probability q = 1 − p and divide by q, so the expected activation is unchanged and
      // prediction needs no rescaling.
      const double q = 1.0 - dropout_;
      layer.mask.resize(A.rows(), A.cols());
      for (Index i = 0; i < layer.mask.size(); ++i) layer.mask.data()[i] = dropout->uniform() < q ? 1.0 / q : 0.0;
      A.array() *= layer.mask.array();
    } else {
      layer.mask.resize(0, 0);
    }
  }
  const Matrix& Z = layers.back().z;  // the output layer's pre-activations
  Matrix& P = scratch_.outputs;
  outputFunction(Z, P);
  double loss = 0;
  Matrix& delta = layers.back().delta;  // ∂L/∂Z of the output layer
  if (lossResolved_ == LossKind::CrossEntropy && outputResolved_ == OutputKind::Sigmoid) {
    // Binary cross-entropy from the logit z: −[t log σ(z) + (1−t) log(1−σ(z))]
    // = softplus(z) − t z, with softplus(z) = max(z, 0) + log(1 + e^{−|z|}) (no overflow).
    for (Index i = 0; i < Z.rows(); ++i) {
      double z = Z(i, 0);
      loss += std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z))) - T(i, 0) * z;
    }
    if (grad) delta = (P - T) / n;  // ∂BCE/∂z = σ(z) − t
  } else if (lossResolved_ == LossKind::CrossEntropy) {
    // Softmax cross-entropy: −Σ_k t_k log p_k = logsumexp(z) − Σ_k t_k z_k (Σ_k t_k = 1).
    for (Index i = 0; i < Z.rows(); ++i) {
      double m = Z.row(i).maxCoeff();
      double lse = m + std::log((Z.row(i).array() - m).exp().sum());
      loss += lse - Z.row(i).dot(T.row(i));
    }
    if (grad) delta = (P - T) / n;  // ∂CE/∂z_k = p_k − t_k
  } else {
    // Squared error summed over output units, averaged over points: (1/n) Σ_i Σ_k (p_ik − t_ik)².
    loss = (P - T).squaredNorm();
    if (grad) {
      Matrix G = 2.0 * (P - T) / n;  // ∂L/∂p
      if (outputResolved_ == OutputKind::Linear) delta = G;
      else if (outputResolved_ == OutputKind::Sigmoid) delta = G.array() * P.array() * (1.0 - P.array());  // σ' = p(1−p)
      else  // softmax Jacobian ∂p_j/∂z_k = p_j(δ_jk − p_k) ⇒ ∂L/∂z_k = p_k (g_k − Σ_j p_j g_j)
        delta = P.array() * (G.colwise() - (P.array() * G.array()).rowwise().sum().matrix()).array();
    }
  }
  loss /= n;
  if (outputs) *outputs = P;
  if (!grad) return loss;

  // Back-propagation: ∂L/∂W_l = input_lᵀ δ_l, ∂L/∂b_l = Σ_rows δ_l,
  // δ_{l−1} = (δ_l W_lᵀ) ⊙ mask ⊙ f'(z_{l−1}).
  grad->resize(theta_.size());
  for (int l = L - 1; l >= 0; --l) {
    std::size_t ul = static_cast<std::size_t>(l);
    int in = unitsIn(l), units = unitsOut(l);
    Index off = offsets_[ul];
    const Matrix& D = layers[ul].delta;
    denseGradient(layerInput(l).data(), D.data(), rows, in, units, grad->data() + off,
                  grad->data() + off + static_cast<Index>(in) * units);
    if (l == 0) break;
    LayerScratch& below = layers[ul - 1];
    below.delta.resize(rows, in);  // ∂L/∂u of layer l−1
    denseBackward(D.data(), rows, units, theta_.data() + off, in, below.mask.size() ? below.mask.data() : nullptr,
                  below.deriv.data(), below.delta.data());
    if (normalised(l - 1)) {
      // Through batch normalisation (training mode): ∂L/∂z, ∂L/∂γ, ∂L/∂β.
      const int units0 = unitsOut(l - 1);
      const Eigen::RowVectorXd gamma = theta_.segment(scaleOffset(l - 1), units0).transpose();
      Eigen::RowVectorXd dGamma, dBeta;
      below.delta = batchNormBackward(below.delta, gamma, below.bn, dGamma, dBeta);
      grad->segment(scaleOffset(l - 1), units0) = dGamma.transpose();
      grad->segment(scaleOffset(l - 1) + units0, units0) = dBeta.transpose();
    }
  }
  // Penalty gradient on weights only: L2 rate·½Σw² → rate·w;  L1 rate·Σ|w| → rate·sign(w).
  if (regularization_ != Regularization::None && regularizationRate_ > 0) {
    for (int l = 0; l < L; ++l) {
      Index off = offsets_[static_cast<std::size_t>(l)], count = static_cast<Index>(unitsIn(l)) * unitsOut(l);
      auto w = theta_.segment(off, count).array();
      if (regularization_ == Regularization::L2) grad->segment(off, count).array() += regularizationRate_ * w;
      else grad->segment(off, count).array() += regularizationRate_ * w.sign();
    }
  }
  return loss;
}

double Mlp::penalty() const {
  if (regularization_ == Regularization::None || regularizationRate_ == 0 || !shapeKnown()) return 0.0;
  double sum = 0;
  for (int l = 0; l < layerCount(); ++l) {
    auto w = theta_.segment(offsets_[static_cast<std::size_t>(l)], static_cast<Index>(unitsIn(l)) * unitsOut(l));
    sum += regularization_ == Regularization::L2 ? 0.5 * w.squaredNorm() : w.lpNorm<1>();
  }
  return regularizationRate_ * sum;
}

const Mlp::Evaluation& Mlp::evaluate() const {
  if (eval_.valid) return eval_;
  // One full-batch forward pass gives the loss and the training score; cached until the
  // parameters change, since step() and the trace both ask for them.
  Matrix P;
  eval_.dataLoss = lossAndGradient(Xin_, T_, nullptr, nullptr, &P);
  eval_.penalty = penalty();
  if (outputResolved_ == OutputKind::Linear) {
    eval_.score = r2Score(y_, P.col(0));
  } else {
    Index correct = 0;
    for (Index i = 0; i < P.rows(); ++i) {
      Index label;
      if (outputResolved_ == OutputKind::Sigmoid) label = P(i, 0) >= 0.5 ? 1 : 0;
      else P.row(i).maxCoeff(&label);
      if (static_cast<double>(label) == y_(i)) ++correct;
    }
    eval_.score = static_cast<double>(correct) / static_cast<double>(P.rows());
  }
  eval_.valid = true;
  return eval_;
}

double Mlp::trainingLoss() const {
  requireData("MLP.loss");
  const Evaluation& e = evaluate();
  return e.dataLoss + e.penalty;
}
double Mlp::dataLoss() const {
  requireData("MLP.dataLoss");
  return evaluate().dataLoss;
}

Vector Mlp::gradient() const {
  requireData("MLP.gradient");
  Vector g;
  lossAndGradient(Xin_, T_, &g, nullptr, nullptr, true);
  return g;
}

double Mlp::batchModeLoss() const {
  requireData("MLP.batchModeLoss");
  return lossAndGradient(Xin_, T_, nullptr, nullptr, nullptr, true) + penalty();
}

void Mlp::doStep() {
  const Index n = Xin_.rows();
  // Mini-batches walk through a fresh seeded permutation each epoch; the last batch of an
  // epoch may be smaller.
  if (order_.empty() || cursor_ >= static_cast<std::size_t>(n)) {
    order_ = trainRng_.permutation(static_cast<int>(n));
    cursor_ = 0;
  }
  Index b = std::min<Index>(batchSize_, n - static_cast<Index>(cursor_));
  std::vector<Eigen::RowVectorXd> mean, var;
  if (b == n) {
    lastBatchLoss_ = lossAndGradient(Xin_, T_, &grad_, &trainRng_, nullptr, true, &mean, &var);
  } else {
    batchX_.resize(b, Xin_.cols());
    batchT_.resize(b, T_.cols());
    for (Index i = 0; i < b; ++i) {
      Index row = order_[cursor_ + static_cast<std::size_t>(i)];
      batchX_.row(i) = Xin_.row(row);
      batchT_.row(i) = T_.row(row);
    }
    lastBatchLoss_ = lossAndGradient(batchX_, batchT_, &grad_, &trainRng_, nullptr, true, &mean, &var);
  }
  cursor_ += static_cast<std::size_t>(b);
  if (cursor_ >= static_cast<std::size_t>(n)) ++epoch_;
  // Clipping by the global norm, then the scheduled rate of this step (t = steps_, counted
  // before the step); a rate of 0 (a cosine schedule past its period with η_min = 0) skips it.
  lastGradNorm_ = clipNorm_ > 0 ? clipByGlobalNorm(grad_, clipNorm_) : globalNorm(grad_);
  lastClipped_ = clipNorm_ > 0 && lastGradNorm_ > clipNorm_;
  const double eta = schedule_.rate(steps_);
  if (eta > 0) {
    optimizer_.setLearningRate(eta);
    optimizer_.update(theta_, grad_);
  }
  // Running statistics r ← (1 − α) r + α · (batch value) for prediction.
  for (std::size_t l = 0; l < runMean_.size(); ++l) {
    runMean_[l] = (1.0 - kBatchNormMomentum) * runMean_[l] + kBatchNormMomentum * mean[l];
    runVar_[l] = (1.0 - kBatchNormMomentum) * runVar_[l] + kBatchNormMomentum * var[l];
  }
  paramsChanged();
}

double Mlp::stepLoss() const { return lastBatchLoss_ + penalty(); }

void Mlp::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "data_loss", "score", "epoch"});
  const Evaluation& e = evaluate();
  trace_.append({e.dataLoss + e.penalty, e.dataLoss, e.score, static_cast<double>(epoch_)});
}

// ---------------------------------------------------------------- prediction

bool Mlp::isClassifier() const {
  OutputKind k = status_ == Status::Empty ? outputWanted_ : outputResolved_;
  return k == OutputKind::Sigmoid || k == OutputKind::Softmax;
}
int Mlp::classCount() const { return status_ == Status::Empty ? 0 : classes_; }

Matrix Mlp::predictProba(const Matrix& X) const {
  const char* where = "MLP.predictProba";
  requireData(where);
  if (!isClassifier()) throw StateError("MLP.predictProba: the output is linear (regression); use predict()");
  requireColumns(X, featureCount_, where);
  Matrix P;
  forward(inputsOf(X, where), P, nullptr);
  if (outputResolved_ == OutputKind::Softmax) return P;
  if (P.rows() == 0) return Matrix(0, 2);  // an empty matrix's columns have no storage to point at
  Matrix two(P.rows(), 2);
  two.col(0) = 1.0 - P.col(0).array();
  two.col(1) = P.col(0);
  return two;
}

Vector Mlp::predict(const Matrix& X) const {
  const char* where = "MLP.predict";
  requireData(where);
  requireColumns(X, featureCount_, where);
  Matrix P;
  forward(inputsOf(X, where), P, nullptr);
  if (outputResolved_ == OutputKind::Linear) return P.col(0);
  Vector labels(P.rows());
  for (Index i = 0; i < P.rows(); ++i) {
    Index k;
    if (outputResolved_ == OutputKind::Sigmoid) k = P(i, 0) >= 0.5 ? 1 : 0;
    else P.row(i).maxCoeff(&k);
    labels(i) = static_cast<double>(k);
  }
  return labels;
}

double Mlp::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "MLP.score");
  Vector p = predict(X);
  return isClassifier() ? accuracy(y, p) : r2Score(y, p);
}


}  // namespace dw

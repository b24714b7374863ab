#include "dw/tsne.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/unsupervised_data.hpp"
#include "dw/validate.hpp"

namespace dw {
namespace {
constexpr double kMachineEpsilon = std::numeric_limits<double>::epsilon();  // floor for P and Q
constexpr double kMinGain = 0.01;
constexpr double kMinGradNorm = 1e-7;

void requirePerplexityBelow(double perplexity, Index n, const char* where) {
  if (perplexity >= static_cast<double>(n))
    throw InvalidArgument(std::string(where) + ": perplexity=" + formatNumber(perplexity) +
                          " must be less than the number of points (" + std::to_string(n) + ")");
}
}  // namespace

void TSNE::setData(const Matrix& X, const Vector& y) {
  const char* where = "TSNE.setData";
  requireUnlabelledData(X, y, 3, where);
  if (X.rows() > kMaxPoints)
    throw ShapeError(std::string(where) + ": exact t-SNE is limited to " + std::to_string(kMaxPoints) +
                     " points, got " + std::to_string(X.rows()));
  requirePerplexityBelow(perplexity_, X.rows(), where);
  X_ = X;
  featureCount_ = X.cols();
  computeAffinities();
  resetParams();
  restartTrace();
}

// Conditional affinities p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²), with β_i found by bisection so the
// row's entropy H_i = −Σ_j p_{j|i} ln p_{j|i} equals ln(perplexity) (scikit-learn's
// _binary_search_perplexity); then the joint P_ij = (p_{j|i} + p_{i|j}) / 2n.
void TSNE::computeAffinities() {
  const Index n = X_.rows();
  Matrix D(n, n);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) D(i, j) = (X_.row(i) - X_.row(j)).squaredNorm();
  const double target = std::log(perplexity_);
  Matrix conditional = Matrix::Zero(n, n);
  rowPerplexity_.resize(n);
  Vector p(n);
  for (Index i = 0; i < n; ++i) {
    // Shift by the smallest distance so exp() cannot underflow for every j; it cancels out.
    double dMin = std::numeric_limits<double>::infinity();
    for (Index j = 0; j < n; ++j)
      if (j != i) dMin = std::min(dMin, D(i, j));
    double beta = 1.0, betaLo = 0.0, betaHi = std::numeric_limits<double>::infinity();
    double entropy = 0.0;
    for (int iter = 0; iter < 200; ++iter) {
      double sum = 0.0, weighted = 0.0;
      for (Index j = 0; j < n; ++j) {
        p(j) = j == i ? 0.0 : std::exp(-(D(i, j) - dMin) * beta);
        sum += p(j);
      }
      p /= sum;
      for (Index j = 0; j < n; ++j) weighted += (D(i, j) - dMin) * p(j);
      // H = ln Σ_j e^{−β d_j} + β Σ_j d_j p_j for the normalised p (d_j shifted distances).
      entropy = std::log(sum) + beta * weighted;
      double diff = entropy - target;
      if (std::fabs(diff) <= 1e-6) break;  // perplexity then within 1e-6 relative
      if (diff > 0) {  // too flat: sharpen
        betaLo = beta;
        beta = std::isinf(betaHi) ? beta * 2.0 : 0.5 * (beta + betaHi);
      } else {
        betaHi = beta;
        beta = 0.5 * (beta + betaLo);
      }
    }
    conditional.row(i) = p.transpose();
    rowPerplexity_(i) = std::exp(entropy);
  }
  Matrix joint = conditional + conditional.transpose();
  P_ = joint / std::max(joint.sum(), kMachineEpsilon);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) P_(i, j) = i == j ? 0.0 : std::max(P_(i, j), kMachineEpsilon);
}

void TSNE::resetParams() {
  const Index n = X_.rows();
  Rng rng(seed_);
  Y_.resize(n, 2);
  for (Index i = 0; i < n; ++i)
    for (Index c = 0; c < 2; ++c) Y_(i, c) = 1e-4 * rng.normal();  // scikit-learn's random init
  update_ = Matrix::Zero(n, 2);
  gains_ = Matrix::Ones(n, 2);
  lastGradNorm_ = 0.0;
  lossValid_ = false;
}

void TSNE::setPerplexity(double perplexity) {
  const char* where = "TSNE.setPerplexity";
  requireInRange(perplexity, 2.0, 100.0, where, "perplexity");
  if (status_ != Status::Empty) requirePerplexityBelow(perplexity, X_.rows(), where);
  perplexity_ = perplexity;
  if (status_ != Status::Empty) {
    computeAffinities();
    resetParams();
    restartTrace();
  }
}

void TSNE::setLearningRate(double learningRate) {
  requireInOpenClosed(learningRate, 0.0, 10000.0, "TSNE.setLearningRate", "learningRate");
  learningRate_ = learningRate;
}

void TSNE::setExaggeration(double exaggeration) {
  requireInRange(exaggeration, 1.0, 100.0, "TSNE.setExaggeration", "exaggeration");
  exaggeration_ = exaggeration;
}

void TSNE::setMaxIterations(int maxIterations) {
  requireIntInRange(maxIterations, 1, 100000, "TSNE.setMaxIterations", "maxIterations");
  maxIterations_ = maxIterations;
  if (status_ == Status::Converged && steps_ < maxIterations_) status_ = Status::Ready;
}

void TSNE::setEmbedding(const Matrix& Y) {
  const char* where = "TSNE.setEmbedding";
  requireData(where);
  if (Y.rows() != X_.rows() || Y.cols() != 2)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(X_.rows()) + "x2 coordinates, got " +
                     std::to_string(Y.rows()) + "x" + std::to_string(Y.cols()));
  requireFinite(Y, where, "Y");
  Y_ = Y;
  update_.setZero();
  gains_.setOnes();
  lossValid_ = false;
  restartTrace();
}

// Student-t affinities w_ij = 1 / (1 + ‖y_i − y_j‖²), Q_ij = w_ij / Σ_{k≠l} w_kl.
// KL(αP‖Q) = Σ_{i≠j} αP_ij ln(αP_ij / Q_ij) and ∂KL/∂y_i = 4 Σ_j (αP_ij − Q_ij) w_ij (y_i − y_j)
// (van der Maaten & Hinton 2008, eq. 5; scikit-learn's _kl_divergence with 1 degree of freedom).
double TSNE::klAndGradient(const Matrix& Y, double alpha, Matrix* grad) const {
  // Plain loops over the pairs i < j (both matrices are symmetric): this runs every animation
  // frame, and per-pair Eigen row expressions on 2-vectors cost several times more.
  const Index n = Y.rows();
  const double* y = Y.data();   // row-major n × 2
  const double* P = P_.data();  // row-major n × n
  pairWeights_.resize(static_cast<std::size_t>(n * (n - 1) / 2));
  double total = 0.0;
  std::size_t k = 0;
  for (Index i = 0; i < n; ++i)
    for (Index j = i + 1; j < n; ++j, ++k) {
      double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
      double w = 1.0 / (1.0 + dx * dx + dy * dy);
      pairWeights_[k] = w;
      total += 2.0 * w;
    }
  double kl = 0.0;
  if (grad) grad->setZero(n, 2);
  double* g = grad ? grad->data() : nullptr;
  k = 0;
  for (Index i = 0; i < n; ++i)
    for (Index j = i + 1; j < n; ++j, ++k) {
      double w = pairWeights_[k];
      double q = std::max(w / total, kMachineEpsilon);
      double p = alpha * P[i * n + j];
      kl += 2.0 * p * std::log(std::max(p, kMachineEpsilon) / q);  // the (i,j) and (j,i) terms
      if (g) {
        double f = 4.0 * (p - q) * w;
        double fx = f * (y[2 * i] - y[2 * j]), fy = f * (y[2 * i + 1] - y[2 * j + 1]);
        g[2 * i] += fx;
        g[2 * i + 1] += fy;
        g[2 * j] -= fx;
        g[2 * j + 1] -= fy;
      }
    }
  return kl;
}

Matrix TSNE::gradient() const {
  requireData("TSNE.gradient");
  Matrix g;
  klAndGradient(Y_, 1.0, &g);
  return g;
}

void TSNE::doStep() {
  // scikit-learn runs two gradient-descent phases: 250 steps with P exaggerated and momentum
  // 0.5, then the rest with momentum 0.8; each phase starts with zero velocity and unit gains.
  const bool early = steps_ < kExaggerationSteps;
  if (steps_ == kExaggerationSteps) {
    update_.setZero();
    gains_.setOnes();
  }
  const double alpha = early ? exaggeration_ : 1.0;
  const double momentum = early ? 0.5 : kLateMomentum;
  Matrix grad;
  klAndGradient(Y_, alpha, &grad);
  // Gains (Jacobs 1988): grow a coordinate's step by 0.2 while the gradient keeps pointing
  // against the last update, shrink it ×0.8 when it flips; never below 0.01.
  for (Index i = 0; i < Y_.rows(); ++i)
    for (Index c = 0; c < 2; ++c) {
      double& g = gains_(i, c);
      g = update_(i, c) * grad(i, c) < 0.0 ? g + 0.2 : g * 0.8;
      g = std::max(g, kMinGain);
      grad(i, c) *= g;
    }
  update_ = momentum * update_ - learningRate_ * grad;
  Y_ += update_;
  lossValid_ = false;
  lastGradNorm_ = grad.norm();
  if (steps_ + 1 >= maxIterations_ || (!early && lastGradNorm_ <= kMinGradNorm)) status_ = Status::Converged;
}

double TSNE::trainingLoss() const {
  if (X_.rows() == 0) return 0.0;
  if (!lossValid_) {
    cachedLoss_ = klAndGradient(Y_, 1.0, nullptr);
    lossValid_ = true;
  }
  return cachedLoss_;
}

Vector TSNE::params() const { return Eigen::Map<const Vector>(Y_.data(), Y_.size()); }

Vector TSNE::predict(const Matrix& X) const {
  const char* where = "TSNE.predict";
  requireData(where);
  requireQuery(X, featureCount_, where);
  if (X.rows() != X_.rows() || X != X_)
    throw InvalidArgument(std::string(where) +
                          ": t-SNE has no mapping for new points; pass the training data or read embedding()");
  return params();
}

double TSNE::score(const Matrix& X, const Vector& y) const {
  const char* where = "TSNE.score";
  requireData(where);
  requireUnlabelledData(X, y, 1, where);
  requireColumns(X, featureCount_, where);
  return -loss();
}

void TSNE::recordTrace() {
  if (trace_.rows() == 0) trace_.setColumns({"loss", "gradNorm", "exaggeration", "momentum"});
  const bool early = steps_ < kExaggerationSteps;  // the phase the next step will use
  trace_.append({loss(), lastGradNorm_, early ? exaggeration_ : 1.0, early ? 0.5 : kLateMomentum});
}

}  // namespace dw

#include "dw/linear_regression.hpp"

#include <cmath>
#include <vector>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/two_lanes.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
struct ResidualSums {
  double squares = 0, timesX = 0, sum = 0;  // Σ e², Σ e·x, Σ e
};

// One pass over the data of a one-feature model: e_i = x_i·w + (b − y_i), accumulating Σe², Σe·x
// and Σe in four lanes (two vectors), so the loop runs at the speed of the loads, not of one
// long chain of dependent additions. Each e_i is rounded exactly as X·w + (b − y) is.
ResidualSums residualSums1(const double* x, const double* y, Index n, double w, double b) {
  const V2 vw = {w, w}, vb = {b, b};
  V2 sq0 = {0, 0}, sq1 = sq0, ex0 = sq0, ex1 = sq0, e0 = sq0, e1 = sq0;
  Index i = 0;
  for (; i + 4 <= n; i += 4) {
    const V2 xa = load2(x + i), xb = load2(x + i + 2);
    const V2 ea = xa * vw + (vb - load2(y + i));
    const V2 eb = xb * vw + (vb - load2(y + i + 2));
    sq0 += ea * ea;
    sq1 += eb * eb;
    ex0 += ea * xa;
    ex1 += eb * xb;
    e0 += ea;
    e1 += eb;
  }
  const V2 sq = sq0 + sq1, ex = ex0 + ex1, e = e0 + e1;
  ResidualSums s{sq[0] + sq[1], ex[0] + ex[1], e[0] + e[1]};
  for (; i < n; ++i) {
    const double r = x[i] * w + (b - y[i]);
    s.squares += r * r;
    s.timesX += r * x[i];
    s.sum += r;
  }
  return s;
}

// One pass over the rows of a d-feature model (row-major X, d ≥ 2): e_i = b − y_i, then
// e_i += x_ij·w_j for j = 0 … d−1 in order (so each e_i is rounded as the column-by-column
// X·w + (b − y) was), accumulating Σe², Σe and Σe·x_j (into g) as it goes. Two rows at a time
// in two-lane vectors, so the sums run in two independent chains.
ResidualSums residualSumsRows(const double* X, const double* y, Index n, Index d, const double* w, double b,
                              double* g) {
  std::vector<double> acc(static_cast<std::size_t>(2 * d), 0.0);  // Σe·x_j, two lanes per j
  V2 sq = {0, 0}, sum = {0, 0};
  const V2 vb = {b, b};
  Index i = 0;
  for (; i + 2 <= n; i += 2) {
    const double* r0 = X + i * d;
    const double* r1 = r0 + d;
    V2 e = vb - load2(y + i);
    for (Index j = 0; j < d; ++j) e = V2{r0[j], r1[j]} * V2{w[j], w[j]} + e;
    sq += e * e;
    sum += e;
    for (Index j = 0; j < d; ++j) store2(&acc[static_cast<std::size_t>(2 * j)], load2(&acc[static_cast<std::size_t>(2 * j)]) + e * V2{r0[j], r1[j]});
  }
  ResidualSums s{sq[0] + sq[1], 0.0, sum[0] + sum[1]};
  for (Index j = 0; j < d; ++j) g[j] = acc[static_cast<std::size_t>(2 * j)] + acc[static_cast<std::size_t>(2 * j + 1)];
  for (; i < n; ++i) {
    const double* r = X + i * d;
    double e = b - y[i];
    for (Index j = 0; j < d; ++j) e = r[j] * w[j] + e;
    s.squares += e * e;
    s.sum += e;
    for (Index j = 0; j < d; ++j) g[j] += e * r[j];
  }
  return s;
}
}  // namespace

void LinearRegression::dataChanged(Index previousWidth) {
  if (previousWidth != featureCount_) resetParams();
  refresh();
}

void LinearRegression::resetParams() {
  // Gradient descent on a convex loss needs no random start: zeros make runs comparable.
  w_ = Vector::Zero(featureCount_);
  b_ = 0.0;
  if (X_.rows() > 0) refresh();
}

void LinearRegression::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 100.0, "LinearRegression.setLearningRate", "learningRate");
  learningRate_ = eta;
  resumeIfConverged();
}

void LinearRegression::setTolerance(double tol) {
  requireInRange(tol, 0.0, 1.0, "LinearRegression.setTolerance", "tolerance");
  tolerance_ = tol;
}

void LinearRegression::setInterceptFrozen(bool frozen) {
  interceptFrozen_ = frozen;
  if (X_.rows() > 0) refresh();
  resumeIfConverged();
}

void LinearRegression::setParams(const Vector& p) {
  const char* where = "LinearRegression.setParams";
  requireData(where);
  if (p.size() != featureCount_ + 1)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(featureCount_ + 1) +
                     " values [w…, b], got " + std::to_string(p.size()));
  requireFinite(p, where, "params");
  for (Index i = 0; i < p.size(); ++i) requireInRange(p(i), -1e6, 1e6, where, "param");
  w_ = p.head(featureCount_);
  b_ = p(featureCount_);
  refresh();
  restartTrace();
}

Vector LinearRegression::params() const {
  Vector p(w_.size() + 1);
  p << w_, b_;
  return p;
}

Vector LinearRegression::predict(const Matrix& X) const {
  requireData("LinearRegression.predict");
  requireColumns(X, featureCount_, "LinearRegression.predict");
  requireFinite(X, "LinearRegression.predict", "X");
  return (X * w_).array() + b_;
}

double LinearRegression::mse(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "LinearRegression.mse");
  return meanSquaredError(y, predict(X));
}

double LinearRegression::trainingLoss() const { return loss_; }

double LinearRegression::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "LinearRegression.score");
  return r2Score(y, predict(X));
}

Vector LinearRegression::gradient() const { return gradient_; }

void LinearRegression::refresh() {
  // L = (1/n) Σ (x_i·w + b − y_i)²  ⇒  ∂L/∂w = (2/n) Xᵀe,  ∂L/∂b = (2/n) Σ e_i.
  const Index n = X_.rows();
  const double nd = static_cast<double>(n);
  gradient_.resize(featureCount_ + 1);
  ResidualSums s;
  if (featureCount_ == 1) {
    // The common case (every lesson's line): one fused pass, no residual vector written.
    s = residualSums1(X_.data(), y_.data(), n, w_(0), b_);
    gradient_(0) = (2.0 / nd) * s.timesX;
  } else {
    s = residualSumsRows(X_.data(), y_.data(), n, featureCount_, w_.data(), b_, gradient_.data());
    for (Index j = 0; j < featureCount_; ++j) gradient_(j) *= 2.0 / nd;
  }
  loss_ = s.squares / nd;
  gradient_(featureCount_) = interceptFrozen_ ? 0.0 : 2.0 * s.sum / nd;
}

void LinearRegression::doStep() {
  w_ -= learningRate_ * gradient_.head(featureCount_);
  b_ -= learningRate_ * gradient_(featureCount_);
  refresh();
  if (gradient_.lpNorm<Eigen::Infinity>() < tolerance_) status_ = Status::Converged;
}

void LinearRegression::recordTrace() {
  if (trace_.columns().empty() || trace_.columns().size() != std::size_t(2 * featureCount_ + 3)) {
    std::vector<std::string> cols{"loss"};
    for (Index j = 0; j < featureCount_; ++j) cols.push_back("w" + std::to_string(j));
    cols.push_back("b");
    for (Index j = 0; j < featureCount_; ++j) cols.push_back("grad_w" + std::to_string(j));
    cols.push_back("grad_b");
    trace_.setColumns(cols);
  }
  const Vector& g = gradient_;
  std::vector<double> row{loss_};
  for (Index j = 0; j < featureCount_; ++j) row.push_back(w_(j));
  row.push_back(b_);
  for (Index j = 0; j <= featureCount_; ++j) row.push_back(g(j));
  trace_.append(row);
}

Vector LinearRegression::closedForm() const {
  requireData("LinearRegression.closedForm");
  // Augment with a column of ones for b; complete orthogonal decomposition gives the
  // minimum-norm least-squares solution even when X is rank-deficient (one point, say).
  Matrix A(X_.rows(), featureCount_ + 1);
  A << X_, Matrix::Ones(X_.rows(), 1);
  if (interceptFrozen_) {
    Vector w = X_.completeOrthogonalDecomposition().solve(y_ - Vector::Constant(y_.size(), b_));
    Vector p(featureCount_ + 1);
    p << w, b_;
    return p;
  }
  return A.completeOrthogonalDecomposition().solve(y_);
}

}  // namespace dw

#include "dw/linear_regression.hpp"

#include <cmath>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void LinearRegression::setData(const Matrix& X, const Vector& y) {
  requireSupervisedShape(X, y, 1, "LinearRegression.setData");
  bool sameWidth = X.cols() == featureCount_;
  X_ = X;
  y_ = y;
  featureCount_ = X.cols();
  if (!sameWidth) resetParams();
  refresh();
  restartTrace();
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
  if (status_ == Status::Converged) status_ = Status::Ready;
}

void LinearRegression::setTolerance(double tol) {
  requireInRange(tol, 0.0, 1.0, "LinearRegression.setTolerance", "tolerance");
  tolerance_ = tol;
}

void LinearRegression::setInterceptFrozen(bool frozen) {
  interceptFrozen_ = frozen;
  if (X_.rows() > 0) refresh();
  if (status_ == Status::Converged) status_ = Status::Ready;
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
  residual_.noalias() = X_ * w_;
  residual_.array() += b_ - y_.array();
  double n = static_cast<double>(X_.rows());
  loss_ = residual_.squaredNorm() / n;
  gradient_.resize(featureCount_ + 1);
  gradient_.head(featureCount_).noalias() = (2.0 / n) * (X_.transpose() * residual_);
  gradient_(featureCount_) = interceptFrozen_ ? 0.0 : 2.0 * residual_.sum() / n;
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

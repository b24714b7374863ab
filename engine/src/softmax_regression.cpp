#include "dw/softmax_regression.hpp"

#include <cmath>
#include <string>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
}

void SoftmaxRegression::checkData(const Matrix&, const Vector& y, const char* where) const {
  requireClassLabels(y, kMaxClasses, where);
}

void SoftmaxRegression::dataChanged(Index previousWidth) {
  int k = classLabelCount(y_, kMaxClasses, "SoftmaxRegression.setData");
  bool sameShape = featureCount_ == previousWidth && k == classes_;
  classes_ = k;
  if (!sameShape) resetParams();
}

void SoftmaxRegression::resetParams() {
  // Convex loss: start from zeros (uniform probabilities), so runs are comparable.
  W_ = Matrix::Zero(featureCount_, classes_);
  b_ = Vector::Zero(classes_);
}

void SoftmaxRegression::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 100.0, "SoftmaxRegression.setLearningRate", "learningRate");
  learningRate_ = eta;
  resumeIfConverged();
}

void SoftmaxRegression::setTolerance(double tol) {
  requireInRange(tol, 0.0, 1.0, "SoftmaxRegression.setTolerance", "tolerance");
  tolerance_ = tol;
  resumeIfConverged();
}

void SoftmaxRegression::setL2(double lambda) {
  requireInRange(lambda, 0.0, 1e6, "SoftmaxRegression.setL2", "lambda");
  lambda_ = lambda;
  settingsChanged();
}

void SoftmaxRegression::setParams(const Vector& p) {
  const char* where = "SoftmaxRegression.setParams";
  requireData(where);
  Index expected = (featureCount_ + 1) * classes_;
  if (p.size() != expected)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(expected) +
                     " values (W row-major, then b), got " + std::to_string(p.size()));
  for (Index i = 0; i < p.size(); ++i) requireInRange(p(i), -1e6, 1e6, where, "param");
  W_ = Eigen::Map<const Matrix>(p.data(), featureCount_, classes_);
  b_ = p.tail(classes_);
  restartTrace();
}

Vector SoftmaxRegression::params() const {
  Vector p((featureCount_ + 1) * classes_);
  p.head(W_.size()) = Eigen::Map<const Vector>(W_.data(), W_.size());  // W_ is row-major
  p.tail(classes_) = b_;
  return p;
}

Matrix SoftmaxRegression::decisionFunction(const Matrix& X) const {
  const char* where = "SoftmaxRegression.decisionFunction";
  requireData(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  return (X * W_).rowwise() + b_.transpose();
}

Matrix SoftmaxRegression::probabilities(const Matrix& X) const {
  // softmax(z)_c = e^{z_c − max z} / Σ_j e^{z_j − max z}: subtracting the row maximum keeps
  // every exponent ≤ 0, so nothing overflows.
  Matrix Z = (X * W_).rowwise() + b_.transpose();
  for (Index i = 0; i < Z.rows(); ++i) {
    Z.row(i).array() = (Z.row(i).array() - Z.row(i).maxCoeff()).exp();
    Z.row(i) /= Z.row(i).sum();
  }
  return Z;
}

Matrix SoftmaxRegression::predictProba(const Matrix& X) const {
  const char* where = "SoftmaxRegression.predictProba";
  requireData(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  return probabilities(X);
}

Vector SoftmaxRegression::predict(const Matrix& X) const {
  Matrix P = predictProba(X);
  Vector labels(P.rows());
  for (Index i = 0; i < P.rows(); ++i) {
    Index best = 0;
    P.row(i).maxCoeff(&best);  // ties go to the lowest class, as argmax does
    labels(i) = static_cast<double>(best);
  }
  return labels;
}

double SoftmaxRegression::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "SoftmaxRegression.score");
  return accuracy(y, predict(X));
}

double SoftmaxRegression::trainingLoss() const {
  // Cross-entropy −log p(y_i|x_i) = logsumexp(z_i) − z_{i,y_i}, computed in log space so a
  // confidently wrong point gives a large finite loss rather than log(0).
  Matrix Z = (X_ * W_).rowwise() + b_.transpose();
  double total = 0.0;
  for (Index i = 0; i < Z.rows(); ++i) {
    double m = Z.row(i).maxCoeff();
    double lse = m + std::log((Z.row(i).array() - m).exp().sum());
    total += lse - Z(i, static_cast<Index>(y_(i)));
  }
  return total / static_cast<double>(Z.rows()) + 0.5 * lambda_ * W_.squaredNorm();
}

Vector SoftmaxRegression::gradient() const {
  requireData("SoftmaxRegression.gradient");
  // Gradient of the cross-entropy wrt the logits is P − Y (Y one-hot), so
  // ∂L/∂W = Xᵀ(P − Y)/n + λW and ∂L/∂b = column means of (P − Y).
  Matrix E = probabilities(X_);
  for (Index i = 0; i < E.rows(); ++i) E(i, static_cast<Index>(y_(i))) -= 1.0;
  double n = static_cast<double>(X_.rows());
  Matrix gW = X_.transpose() * E / n + lambda_ * W_;
  Vector g((featureCount_ + 1) * classes_);
  g.head(gW.size()) = Eigen::Map<const Vector>(gW.data(), gW.size());
  g.tail(classes_) = E.colwise().sum().transpose() / n;
  return g;
}

void SoftmaxRegression::doStep() {
  Vector g = gradient();
  W_ -= learningRate_ * Eigen::Map<const Matrix>(g.data(), featureCount_, classes_);
  b_ -= learningRate_ * g.tail(classes_);
  if (gradient().lpNorm<Eigen::Infinity>() < tolerance_) status_ = Status::Converged;
}

void SoftmaxRegression::recordTrace() {
  // Columns: loss, gradNorm, accuracy, then every parameter (w<feature>_<class>…, b<class>…)
  // in the layout of params(), so a widget can redraw the decision regions of any step.
  if (trace_.rows() == 0) {  // restartTrace() just cleared it: the shape may have changed
    std::vector<std::string> cols{"loss", "gradNorm", "accuracy"};
    for (Index j = 0; j < featureCount_; ++j)
      for (int c = 0; c < classes_; ++c) cols.push_back("w" + std::to_string(j) + "_" + std::to_string(c));
    for (int c = 0; c < classes_; ++c) cols.push_back("b" + std::to_string(c));
    trace_.setColumns(cols);
  }
  std::vector<double> row{loss(), gradient().norm(), accuracy(y_, predict(X_))};
  Vector p = params();
  row.insert(row.end(), p.data(), p.data() + p.size());
  trace_.append(row);
}

}  // namespace dw

#include "dw/logistic_regression.hpp"

#include <cmath>
#include <string>

#include "dw/activations.hpp"
#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void LogisticRegression::checkData(const Matrix&, const Vector& y, const char* where) const {
  // Binary only: more than two classes belong to SoftmaxRegression.
  requireClassLabels(y, 2, where);
}

void LogisticRegression::resetParams() {
  // The loss is convex, so a zero start loses nothing and makes runs comparable.
  w_ = Vector::Zero(featureCount_);
  b_ = 0.0;
}

void LogisticRegression::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 100.0, "LogisticRegression.setLearningRate", "learningRate");
  learningRate_ = eta;
  resumeIfConverged();
}

void LogisticRegression::setTolerance(double tol) {
  requireInRange(tol, 0.0, 1.0, "LogisticRegression.setTolerance", "tolerance");
  tolerance_ = tol;
  resumeIfConverged();
}

void LogisticRegression::setL2(double lambda) {
  requireInRange(lambda, 0.0, 1e6, "LogisticRegression.setL2", "lambda");
  lambda_ = lambda;
  // The optimum moved: restart the trace so its loss column stays one objective.
  settingsChanged();
}

void LogisticRegression::setThreshold(double threshold) {
  requireInRange(threshold, 0.0, 1.0, "LogisticRegression.setThreshold", "threshold");
  threshold_ = threshold;
}

void LogisticRegression::setParams(const Vector& p) {
  const char* where = "LogisticRegression.setParams";
  requireData(where);
  if (p.size() != featureCount_ + 1)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(featureCount_ + 1) +
                     " values [w…, b], got " + std::to_string(p.size()));
  for (Index i = 0; i < p.size(); ++i) requireInRange(p(i), -1e6, 1e6, where, "param");
  w_ = p.head(featureCount_);
  b_ = p(featureCount_);
  restartTrace();
}

Vector LogisticRegression::params() const {
  Vector p(w_.size() + 1);
  p << w_, b_;
  return p;
}

Vector LogisticRegression::decisionFunction(const Matrix& X) const {
  const char* where = "LogisticRegression.decisionFunction";
  requireData(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  return (X * w_).array() + b_;
}

Matrix LogisticRegression::predictProba(const Matrix& X) const {
  Vector z = decisionFunction(X);
  Matrix P(z.size(), 2);
  for (Index i = 0; i < z.size(); ++i) {
    P(i, 1) = sigmoid(z(i));
    P(i, 0) = sigmoid(-z(i));  // 1 − σ(z) without cancellation
  }
  return P;
}

Vector LogisticRegression::predict(const Matrix& X) const {
  Matrix P = predictProba(X);
  if (P.rows() == 0) return Vector(0);  // an empty matrix's columns have no storage to point at
  return (P.col(1).array() >= threshold_).cast<double>();
}

double LogisticRegression::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "LogisticRegression.score");
  return accuracy(y, predict(X));
}

double LogisticRegression::trainingLoss() const {
  // BCE of a logit z with label y: log(1 + e^z) − y·z  (= −y log σ(z) − (1−y) log(1−σ(z))).
  Vector z = (X_ * w_).array() + b_;
  double total = 0.0;
  for (Index i = 0; i < z.size(); ++i) total += log1pExp(z(i)) - y_(i) * z(i);
  return total / static_cast<double>(z.size()) + 0.5 * lambda_ * w_.squaredNorm();
}

Vector LogisticRegression::gradient() const {
  requireData("LogisticRegression.gradient");
  // Gradient of the BCE wrt the logits is p − y, so ∂L/∂w = Xᵀ(p − y)/n + λw and
  // ∂L/∂b = mean(p − y).
  Vector z = (X_ * w_).array() + b_;
  Vector e(z.size());
  for (Index i = 0; i < z.size(); ++i) e(i) = sigmoid(z(i)) - y_(i);
  double n = static_cast<double>(X_.rows());
  Vector g(featureCount_ + 1);
  g.head(featureCount_) = X_.transpose() * e / n + lambda_ * w_;
  g(featureCount_) = e.sum() / n;
  return g;
}

void LogisticRegression::doStep() {
  Vector g = gradient();
  w_ -= learningRate_ * g.head(featureCount_);
  b_ -= learningRate_ * g(featureCount_);
  if (gradient().lpNorm<Eigen::Infinity>() < tolerance_) status_ = Status::Converged;
}

void LogisticRegression::recordTrace() {
  if (trace_.rows() == 0) {  // restartTrace() just cleared it: the width may have changed
    std::vector<std::string> cols{"loss"};
    for (Index j = 0; j < featureCount_; ++j) cols.push_back("w" + std::to_string(j));
    cols.push_back("b");
    cols.push_back("gradNorm");
    cols.push_back("accuracy");
    trace_.setColumns(cols);
  }
  std::vector<double> row{loss()};
  for (Index j = 0; j < featureCount_; ++j) row.push_back(w_(j));
  row.push_back(b_);
  row.push_back(gradient().norm());
  row.push_back(accuracy(y_, predict(X_)));
  trace_.append(row);
}

}  // namespace dw

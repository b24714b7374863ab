#include "dw/perceptron.hpp"

#include <numeric>
#include <string>
#include <vector>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void Perceptron::checkData(const Matrix&, const Vector& y, const char* where) const {
  requireClassLabels(y, 2, where);
}

void Perceptron::dataChanged(Index previousWidth) {
  t_ = 2.0 * y_.array() - 1.0;  // 0/1 → −1/+1
  if (previousWidth != featureCount_) resetParams();
  rng_ = Rng(seed_);  // a new data set starts the shuffling sequence afresh
}

void Perceptron::resetParams() {
  // Rosenblatt's rule starts from zero (as scikit-learn does); the seed only drives shuffling.
  w_ = Vector::Zero(featureCount_);
  b_ = 0.0;
  rng_ = Rng(seed_);
  lastMistakes_ = -1;
}

void Perceptron::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 100.0, "Perceptron.setLearningRate", "learningRate");
  learningRate_ = eta;
}

void Perceptron::setShuffle(bool shuffle) { shuffle_ = shuffle; }

void Perceptron::setParams(const Vector& p) {
  const char* where = "Perceptron.setParams";
  requireData(where);
  if (p.size() != featureCount_ + 1)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(featureCount_ + 1) +
                     " values [w…, b], got " + std::to_string(p.size()));
  for (Index i = 0; i < p.size(); ++i) requireInRange(p(i), -1e6, 1e6, where, "param");
  w_ = p.head(featureCount_);
  b_ = p(featureCount_);
  lastMistakes_ = -1;
  restartTrace();
}

Vector Perceptron::params() const {
  Vector p(w_.size() + 1);
  p << w_, b_;
  return p;
}

Vector Perceptron::decisionFunction(const Matrix& X) const {
  const char* where = "Perceptron.decisionFunction";
  requireData(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  return (X * w_).array() + b_;
}

Vector Perceptron::predict(const Matrix& X) const {
  return (decisionFunction(X).array() > 0.0).cast<double>();
}

Matrix Perceptron::predictProba(const Matrix& X) const {
  Vector label = predict(X);
  if (label.size() == 0) return Matrix(0, 2);  // an empty matrix's columns have no storage to point at
  Matrix P(label.size(), 2);
  P.col(0) = 1.0 - label.array();
  P.col(1) = label;
  return P;
}

double Perceptron::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "Perceptron.score");
  return accuracy(y, predict(X));
}

double Perceptron::trainingLoss() const {
  // Perceptron criterion: Σ max(0, −t_i f(x_i)) / n, zero exactly when no point is on the
  // wrong side (points on the boundary cost 0 but still count as mistakes for the rule).
  Vector margin = t_.array() * ((X_ * w_).array() + b_);
  return (-margin.array()).max(0.0).mean();
}

int Perceptron::trainingErrors() const {
  if (status_ == Status::Empty) return 0;
  Vector margin = t_.array() * ((X_ * w_).array() + b_);
  return static_cast<int>((margin.array() <= 0.0).count());
}

void Perceptron::doStep() {
  const int n = static_cast<int>(X_.rows());
  std::vector<int> order;
  if (shuffle_) {
    order = rng_.permutation(n);
  } else {
    order.resize(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
  }
  int mistakes = 0;
  for (int i : order) {
    // Rosenblatt's rule: on a mistake t·f(x) ≤ 0, move the boundary towards the point:
    // w ← w + η t x,  b ← b + η t.
    double f = X_.row(i).dot(w_) + b_;
    if (t_(i) * f <= 0.0) {
      w_ += learningRate_ * t_(i) * X_.row(i).transpose();
      b_ += learningRate_ * t_(i);
      ++mistakes;
    }
  }
  lastMistakes_ = mistakes;
  if (mistakes == 0) status_ = Status::Converged;
}

void Perceptron::recordTrace() {
  if (trace_.rows() == 0) {  // restartTrace() just cleared it: the width may have changed
    std::vector<std::string> cols{"mistakes", "errors", "loss"};
    for (Index j = 0; j < featureCount_; ++j) cols.push_back("w" + std::to_string(j));
    cols.push_back("b");
    trace_.setColumns(cols);
  }
  std::vector<double> row{static_cast<double>(lastMistakes_), static_cast<double>(trainingErrors()), loss()};
  for (Index j = 0; j < featureCount_; ++j) row.push_back(w_(j));
  row.push_back(b_);
  trace_.append(row);
}

}  // namespace dw

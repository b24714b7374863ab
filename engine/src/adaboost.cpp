#include "dw/adaboost.hpp"

#include <cmath>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void AdaBoost::checkData(const Matrix&, const Vector& y, const char* where) const {
  requireClassLabels(y, 2, where);  // binary: labels 0 and 1, both present
}

void AdaBoost::dataChanged(Index) {
  orders_ = presortColumns(X_);
  restartBoosting();
}

void AdaBoost::restartBoosting() {
  stumps_.clear();
  alphas_.clear();
  errors_.clear();
  trainErrors_.clear();
  bounds_.clear();
  stopReason_ = "";
  const Index n = X_.rows();
  weights_ = Vector::Constant(n, n ? 1.0 / n : 0.0);
  F_ = Vector::Zero(n);
  weightHistory_.assign(weights_.data(), weights_.data() + n);
}

void AdaBoost::resetParams() { restartBoosting(); }

void AdaBoost::setEstimatorCount(int count) {
  requireIntInRange(count, 1, 5000, "AdaBoost.setEstimatorCount", "nEstimators");
  targetRounds_ = static_cast<int>(count);
  if (status_ == Status::Empty || *stopReason_) return;
  if (rounds() >= targetRounds_) status_ = Status::Converged;
  else resumeIfConverged();
}

void AdaBoost::setLearningRate(double rate) {
  requireInOpenClosed(rate, 0.0, 10.0, "AdaBoost.setLearningRate", "learningRate");
  learningRate_ = rate;
  settingsChanged();
}

void AdaBoost::doStep() {
  if (*stopReason_) return;  // stopped early: nothing more to learn
  const Index n = X_.rows();
  TreeSettings s;
  s.maxDepth = 1;
  CartTree tree;
  tree.start(X_, y_, weights_, orders_, s, 0);
  tree.splitBest();
  Stump stump;
  const TreeNode& root = tree.nodes()[0];
  stump.feature = root.feature;
  stump.threshold = root.feature < 0 ? 0.0 : root.threshold;
  stump.leftClass = tree.majorityClass(root.feature < 0 ? 0 : root.left);
  stump.rightClass = root.feature < 0 ? stump.leftClass : tree.majorityClass(root.right);
  std::vector<char> wrong(static_cast<std::size_t>(n));
  double error = 0.0;
  for (Index i = 0; i < n; ++i) {
    wrong[static_cast<std::size_t>(i)] = stump.predict(X_.row(i).data()) != y_(i);
    if (wrong[static_cast<std::size_t>(i)]) error += weights_(i);
  }
  error /= weights_.sum();
  double alpha;
  if (error <= 0) {
    alpha = 1.0;  // scikit-learn keeps a perfect stump with weight 1 and stops
    stopReason_ = "perfect";
  } else if (error >= 0.5) {
    stopReason_ = "no better than chance";  // SAMME needs ε < 1 − 1/K; the stump is dropped
    status_ = Status::Converged;
    return;
  } else {
    alpha = learningRate_ * std::log((1.0 - error) / error);  // SAMME with K = 2: log(K−1) = 0
    // w_i ← w_i · e^{α·[h(x_i) ≠ y_i]}, then normalise to sum 1.
    for (Index i = 0; i < n; ++i)
      if (wrong[static_cast<std::size_t>(i)]) weights_(i) *= std::exp(alpha);
    weights_ /= weights_.sum();
  }
  for (Index i = 0; i < n; ++i) F_(i) += alpha * (stump.predict(X_.row(i).data()) == 1 ? 1.0 : -1.0);
  stumps_.push_back(stump);
  alphas_.push_back(alpha);
  errors_.push_back(error);
  double previous = bounds_.empty() ? 1.0 : bounds_.back();
  bounds_.push_back(previous * 2.0 * std::sqrt(error * (1.0 - error)));  // Z_m for classic AdaBoost
  int mistakes = 0;
  for (Index i = 0; i < n; ++i) mistakes += (F_(i) > 0 ? 1.0 : 0.0) != y_(i);
  trainErrors_.push_back(double(mistakes) / n);
  weightHistory_.insert(weightHistory_.end(), weights_.data(), weights_.data() + n);
  if (*stopReason_ || rounds() >= targetRounds_) status_ = Status::Converged;
}

Vector AdaBoost::decisionFunction(const Matrix& X) const {
  requireData("AdaBoost.decisionFunction");
  requireQuery(X, featureCount_, "AdaBoost.decisionFunction");
  Vector d = Vector::Zero(X.rows());
  double total = 0.0;
  for (std::size_t m = 0; m < stumps_.size(); ++m) {
    total += alphas_[m];
    for (Index i = 0; i < X.rows(); ++i) d(i) += alphas_[m] * (stumps_[m].predict(X.row(i).data()) == 1 ? 1.0 : -1.0);
  }
  return total > 0 ? Vector(d / total) : d;
}

Vector AdaBoost::predict(const Matrix& X) const {
  return decisionFunction(X).unaryExpr([](double d) { return d > 0 ? 1.0 : 0.0; });
}

Matrix AdaBoost::predictProba(const Matrix& X) const {
  Vector d = decisionFunction(X);
  Matrix out(X.rows(), 2);
  for (Index i = 0; i < X.rows(); ++i) {
    // softmax([−d/2, d/2]) = [σ(−d), σ(d)]
    out(i, 1) = 1.0 / (1.0 + std::exp(-d(i)));
    out(i, 0) = 1.0 - out(i, 1);
  }
  return out;
}

double AdaBoost::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "AdaBoost.score");
  return accuracy(y, predict(X));
}

double AdaBoost::trainingLoss() const {
  double s = 0.0;
  for (Index i = 0; i < y_.size(); ++i) s += std::exp(-(2.0 * y_(i) - 1.0) * 0.5 * F_(i));
  return y_.size() ? s / static_cast<double>(y_.size()) : 0.0;
}

Vector AdaBoost::params() const {
  return Eigen::Map<const Vector>(alphas_.data(), static_cast<Index>(alphas_.size()));
}

void AdaBoost::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "rounds", "trainError", "bound", "alpha", "error"});
  bool any = !alphas_.empty();
  double trainError = any ? trainErrors_.back() : 1.0 - accuracy(y_, Vector::Zero(y_.size()));
  trace_.append({loss(), double(rounds()), trainError, any ? bounds_.back() : 1.0, any ? alphas_.back() : 0.0,
                 any ? errors_.back() : 0.0});
}

}  // namespace dw

#include "dw/gradient_boosting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/activations.hpp"
#include "dw/class_labels.hpp"
#include "dw/decision_tree.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {


void GradientBoosting::checkData(const Matrix&, const Vector& y, const char* where) const {
  if (logLoss_ && requireClassLabels(y, 2, where) != 2)
    throw InvalidArgument(std::string(where) + ": log_loss needs labels 0 and 1");
}

void GradientBoosting::dataChanged(Index) {
  orders_ = presortColumns(X_);
  restartBoosting();
}

void GradientBoosting::restartBoosting() {
  trees_.clear();
  if (X_.rows() == 0) return;
  if (logLoss_) {
    // scikit-learn's prior: log-odds of the class-1 fraction, clipped by float32 epsilon.
    const double eps = 1.1920928955078125e-07;
    double p = std::clamp(y_.mean(), eps, 1.0 - eps);
    init_ = std::log(p / (1.0 - p));
  } else {
    init_ = y_.mean();
  }
  F_ = Vector::Constant(X_.rows(), init_);
}

void GradientBoosting::resetParams() { restartBoosting(); }

void GradientBoosting::setLoss(const std::string& loss) {
  const char* where = "GradientBoosting.setLoss";
  if (loss != "squared_error" && loss != "log_loss")
    throw InvalidArgument(std::string(where) + ": loss='" + loss + "' is not 'squared_error' or 'log_loss'");
  bool wantLog = loss == "log_loss";
  if (wantLog && status_ != Status::Empty && requireClassLabels(y_, 2, where) != 2)
    throw InvalidArgument(std::string(where) + ": log_loss needs labels 0 and 1");
  logLoss_ = wantLog;
  settingsChanged();
}

void GradientBoosting::setEstimatorCount(int count) {
  requireIntInRange(count, 1, 5000, "GradientBoosting.setEstimatorCount", "nEstimators");
  targetRounds_ = static_cast<int>(count);
  if (status_ == Status::Empty) return;
  if (rounds() >= targetRounds_) status_ = Status::Converged;
  else resumeIfConverged();
}

void GradientBoosting::setLearningRate(double rate) {
  requireInOpenClosed(rate, 0.0, 10.0, "GradientBoosting.setLearningRate", "learningRate");
  learningRate_ = rate;
  settingsChanged();
}

void GradientBoosting::setMaxDepth(int depth) {
  requireIntInRange(depth, 1, 32, "GradientBoosting.setMaxDepth", "maxDepth");
  maxDepth_ = static_cast<int>(depth);
  settingsChanged();
}

void GradientBoosting::setMinSamplesLeaf(int count) {
  requireIntInRange(count, 1, 1'000'000, "GradientBoosting.setMinSamplesLeaf", "minSamplesLeaf");
  minSamplesLeaf_ = static_cast<int>(count);
  settingsChanged();
}

Vector GradientBoosting::negativeGradient(const Vector& y, const Vector& F, bool logLoss) {
  // Squared loss ½(y − F)²: −∂/∂F = y − F.  Log loss log(1+e^F) − yF: −∂/∂F = y − σ(F).
  if (!logLoss) return y - F;
  return y - F.unaryExpr([](double f) { return sigmoid(f); });
}

double GradientBoosting::totalLoss(const Vector& y, const Vector& F, bool logLoss) {
  if (!logLoss) return 0.5 * (y - F).squaredNorm();
  double s = 0.0;
  for (Index i = 0; i < y.size(); ++i) s += softplus(F(i)) - y(i) * F(i);
  return s;
}

void GradientBoosting::doStep() {
  const Index n = X_.rows();
  Vector residual = negativeGradient(y_, F_, logLoss_);
  TreeSettings s;
  s.criterion = SplitCriterion::SquaredError;
  s.maxDepth = maxDepth_;
  s.minSamplesLeaf = minSamplesLeaf_;
  s.friedmanScore = true;
  CartTree tree;
  tree.start(X_, residual, Vector::Ones(n), orders_, s, 0);
  tree.growFully();
  tree.finishGrowth();
  std::vector<int> leaf(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) leaf[static_cast<std::size_t>(i)] = tree.leafOf(X_.row(i).data());
  if (logLoss_) {
    // Newton step per leaf (Friedman 2001, algorithm 5; scikit-learn's BinomialDeviance):
    // γ = Σ r_i / Σ (y_i − r_i)(1 − y_i + r_i), where y − r = p, so the denominator is Σ p(1 − p).
    std::vector<double> num(static_cast<std::size_t>(tree.nodeCount()), 0.0), den(num);
    for (Index i = 0; i < n; ++i) {
      auto k = static_cast<std::size_t>(leaf[static_cast<std::size_t>(i)]);
      num[k] += residual(i);
      den[k] += (y_(i) - residual(i)) * (1.0 - y_(i) + residual(i));
    }
    for (int k = 0; k < tree.nodeCount(); ++k)
      if (tree.nodes()[static_cast<std::size_t>(k)].feature < 0)
        tree.setValue(k, std::fabs(den[static_cast<std::size_t>(k)]) < 1e-150 ? 0.0 : num[static_cast<std::size_t>(k)] / den[static_cast<std::size_t>(k)]);
  }
  for (Index i = 0; i < n; ++i) F_(i) += learningRate_ * *tree.value(leaf[static_cast<std::size_t>(i)]);
  trees_.push_back(std::move(tree));
  if (rounds() >= targetRounds_) status_ = Status::Converged;
}

std::vector<double> GradientBoosting::treeRegions(int i, double x0, double x1, double y0, double y1) const {
  const char* where = "GradientBoosting.treeRegions";
  const CartTree& t = tree(i);
  if (featureCount_ != 2) throw ShapeError(std::string(where) + ": needs a model trained on 2 features");
  return dw::treeRegions(t, isClassifier(), x0, x1, y0, y1, where);
}

const CartTree& GradientBoosting::tree(int i) const {
  if (i < 0 || i >= rounds())
    throw InvalidArgument("GradientBoosting.tree: index=" + std::to_string(i) + " is not one of the " +
                          std::to_string(rounds()) + " rounds");
  return trees_[static_cast<std::size_t>(i)];
}

Vector GradientBoosting::decisionFunction(const Matrix& X) const {
  requireData("GradientBoosting.decisionFunction");
  requireQuery(X, featureCount_, "GradientBoosting.decisionFunction");
  Vector F = Vector::Constant(X.rows(), init_);
  for (const CartTree& t : trees_)
    for (Index i = 0; i < X.rows(); ++i) F(i) += learningRate_ * *t.value(t.leafOf(X.row(i).data()));
  return F;
}

Matrix GradientBoosting::stagedPredict(const Matrix& X) const {
  requireData("GradientBoosting.stagedPredict");
  requireQuery(X, featureCount_, "GradientBoosting.stagedPredict");
  Matrix out(rounds(), X.rows());
  Vector F = Vector::Constant(X.rows(), init_);
  for (int r = 0; r < rounds(); ++r) {
    const CartTree& t = trees_[static_cast<std::size_t>(r)];
    for (Index i = 0; i < X.rows(); ++i) {
      F(i) += learningRate_ * *t.value(t.leafOf(X.row(i).data()));
      out(r, i) = logLoss_ ? (F(i) > 0 ? 1.0 : 0.0) : F(i);
    }
  }
  return out;
}

Vector GradientBoosting::predict(const Matrix& X) const {
  Vector F = decisionFunction(X);
  if (!logLoss_) return F;
  return F.unaryExpr([](double f) { return f > 0 ? 1.0 : 0.0; });  // p > ½ ⇔ F > 0
}

Matrix GradientBoosting::predictProba(const Matrix& X) const {
  if (!logLoss_) return Model::predictProba(X);
  Vector F = decisionFunction(X);
  Matrix out(X.rows(), 2);
  for (Index i = 0; i < X.rows(); ++i) {
    out(i, 1) = sigmoid(F(i));
    out(i, 0) = 1.0 - out(i, 1);
  }
  return out;
}

double GradientBoosting::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "GradientBoosting.score");
  Vector p = predict(X);
  return logLoss_ ? accuracy(y, p) : r2Score(y, p);
}

double GradientBoosting::trainingLoss() const {
  double total = totalLoss(y_, F_, logLoss_) / static_cast<double>(y_.size());
  return logLoss_ ? total : 2.0 * total;  // squared: report the MSE, as scikit-learn's train_score_
}

Vector GradientBoosting::params() const {
  Vector p(2);
  p << init_, double(rounds());
  return p;
}

void GradientBoosting::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "rounds", "trainScore"});
  Vector p = logLoss_ ? F_.unaryExpr([](double f) { return f > 0 ? 1.0 : 0.0; }) : F_;
  trace_.append({loss(), double(rounds()), logLoss_ ? accuracy(y_, p) : r2Score(y_, p)});
}

}  // namespace dw

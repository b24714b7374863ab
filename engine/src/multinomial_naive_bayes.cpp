#include "dw/multinomial_naive_bayes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void MultinomialNaiveBayes::requireCountRows(const Matrix& X, const char* where) const {
  requireFinite(X, where, "X");
  if (X.size() > 0 && X.minCoeff() < 0)
    throw InvalidArgument(std::string(where) + ": X holds word counts, which must be ≥ 0 (found " +
                          formatNumber(X.minCoeff()) + ")");
}

void MultinomialNaiveBayes::checkData(const Matrix& X, const Vector& y, const char* where) const {
  requireCountRows(X, where);
  requireClassLabels(y, kMaxClassLabels, where);
}

void MultinomialNaiveBayes::dataChanged(Index) {
  classes_ = classLabelCount(y_, kMaxClassLabels, "MultinomialNaiveBayes.setData");
  resetParams();
}

void MultinomialNaiveBayes::resetParams() {
  fitted_ = false;
  classLogPrior_.resize(0);
  featureLogProb_.resize(0, 0);
  featureCounts_.resize(0, 0);
}

void MultinomialNaiveBayes::setAlpha(double alpha) {
  requireInRange(alpha, 0.0, 1e6, "MultinomialNaiveBayes.setAlpha", "alpha");
  alpha_ = alpha;
  settingsChanged();
}

void MultinomialNaiveBayes::setFitPrior(bool fit) {
  fitPrior_ = fit;
  settingsChanged();
}

void MultinomialNaiveBayes::doStep() {
  const Index n = X_.rows(), v = X_.cols();
  const auto counts = classCounts(y_, classes_);
  featureCounts_ = Matrix::Zero(classes_, v);
  for (Index i = 0; i < n; ++i) featureCounts_.row(static_cast<Index>(y_(i))) += X_.row(i);
  // θ_cj = (N_cj + α) / (N_c + α V): word j's share of class c's words, every word given α extra
  // pretend occurrences so an unseen word does not get probability 0 (which would veto the class).
  const double a = std::max(alpha_, kMinEffectiveAlpha);
  Matrix smoothed = featureCounts_.array() + a;
  featureLogProb_ = smoothed.array().log().colwise() - smoothed.rowwise().sum().array().log();
  classLogPrior_.resize(classes_);
  for (int c = 0; c < classes_; ++c)
    classLogPrior_(c) = fitPrior_ ? std::log(static_cast<double>(counts[static_cast<std::size_t>(c)]) / static_cast<double>(n))
                                  : -std::log(static_cast<double>(classes_));
  fitted_ = true;
  status_ = Status::Converged;
}

void MultinomialNaiveBayes::requireFitted(const char* where) const {
  if (!fitted_)
    throw StateError(std::string(where) + (status_ == Status::Empty
                                               ? ": the model is not fitted yet; call setData(X, y), then step() or fit()"
                                               : ": the model is not fitted yet; call step() or fit() first"));
}

void MultinomialNaiveBayes::requireClass(int c, const char* where, const char* name) const {
  if (c < 0 || c >= classes_)
    throw InvalidArgument(std::string(where) + ": " + name + "=" + std::to_string(c) + " is not a class (0 to " +
                          std::to_string(classes_ - 1) + ")");
}

Matrix MultinomialNaiveBayes::jointLogLikelihood(const Matrix& X) const {
  const char* where = "MultinomialNaiveBayes.jointLogLikelihood";
  requireFitted(where);
  requireColumns(X, featureCount_, where);
  requireCountRows(X, where);
  // log p(c) + log p(x | c) up to the multinomial coefficient (the same for every class):
  // log p(c) + Σ_j x_j log θ_cj.
  Matrix jll = X * featureLogProb_.transpose();
  jll.rowwise() += classLogPrior_.transpose();
  return jll;
}

Matrix MultinomialNaiveBayes::predictProba(const Matrix& X) const {
  return probabilitiesFromLogScores(jointLogLikelihood(X));
}

Vector MultinomialNaiveBayes::predict(const Matrix& X) const { return mostLikelyClasses(jointLogLikelihood(X)); }

double MultinomialNaiveBayes::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "MultinomialNaiveBayes.score");
  return accuracy(y, predict(X));
}

double MultinomialNaiveBayes::trainingLoss() const {
  if (!fitted_) return std::numeric_limits<double>::quiet_NaN();
  return meanLogLossFromLogScores(jointLogLikelihood(X_), y_);
}

Vector MultinomialNaiveBayes::params() const {
  if (!fitted_) return Vector(0);
  Vector p(classLogPrior_.size() + featureLogProb_.size());
  p << classLogPrior_, Eigen::Map<const Vector>(featureLogProb_.data(), featureLogProb_.size());
  return p;
}

Vector MultinomialNaiveBayes::featureLogRatio(int positive, int negative) const {
  const char* where = "MultinomialNaiveBayes.featureLogRatio";
  requireFitted(where);
  requireClass(positive, where, "positive");
  requireClass(negative, where, "negative");
  return (featureLogProb_.row(positive) - featureLogProb_.row(negative)).transpose();
}

Vector MultinomialNaiveBayes::logOddsContributions(const Vector& x, int positive, int negative) const {
  const char* where = "MultinomialNaiveBayes.logOddsContributions";
  requireFitted(where);
  requireClass(positive, where, "positive");
  requireClass(negative, where, "negative");
  if (x.size() != featureCount_)
    throw ShapeError(std::string(where) + ": x has " + std::to_string(x.size()) + " counts; the model has " +
                     std::to_string(featureCount_) + " features");
  requireCountRows(x.transpose(), where);
  // log p(pos|x) − log p(neg|x) = [log p(pos) − log p(neg)] + Σ_j x_j (log θ_pos,j − log θ_neg,j):
  // the evidence splits into a prior term and one term per word.
  Vector out(featureCount_ + 1);
  out(0) = classLogPrior_(positive) - classLogPrior_(negative);
  out.tail(featureCount_) = x.cwiseProduct((featureLogProb_.row(positive) - featureLogProb_.row(negative)).transpose());
  return out;
}

void MultinomialNaiveBayes::recordTrace() {
  if (trace_.columns().size() != static_cast<std::size_t>(classes_ + 2)) {
    std::vector<std::string> cols{"loss", "accuracy"};
    for (int c = 0; c < classes_; ++c) cols.push_back("logPrior" + std::to_string(c));
    trace_.setColumns(cols);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> row{loss(), fitted_ ? accuracy(y_, predict(X_)) : nan};
  for (int c = 0; c < classes_; ++c) row.push_back(fitted_ ? classLogPrior_(c) : nan);
  trace_.append(row);
}

}  // namespace dw

#include "dw/gaussian_naive_bayes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr double kVarianceFloor = 1e-12;
}  // namespace

void GaussianNaiveBayes::checkData(const Matrix&, const Vector& y, const char* where) const {
  requireClassLabels(y, kMaxClassLabels, where);
}

void GaussianNaiveBayes::dataChanged(Index) {
  classes_ = classLabelCount(y_, kMaxClassLabels, "GaussianNaiveBayes.setData");
  resetParams();
}

void GaussianNaiveBayes::resetParams() {
  fitted_ = false;
  priors_.resize(0);
  means_.resize(0, 0);
  vars_.resize(0, 0);
}

void GaussianNaiveBayes::setVarSmoothing(double portion) {
  requireInRange(portion, 0.0, 1.0, "GaussianNaiveBayes.setVarSmoothing", "varSmoothing");
  varSmoothing_ = portion;
  settingsChanged();
}

void GaussianNaiveBayes::doStep() {
  const Index n = X_.rows(), d = X_.cols();
  const auto counts = classCounts(y_, classes_);
  // ε = var_smoothing × max_j Var(X_j) over all points (population variance), added to every
  // per-class variance so that a constant feature within a class does not divide by zero.
  Eigen::RowVectorXd overallMean = X_.colwise().mean();
  double maxVariance = (X_.rowwise() - overallMean).array().square().colwise().mean().maxCoeff();
  double epsilon = varSmoothing_ * maxVariance;

  priors_.resize(classes_);
  means_ = Matrix::Zero(classes_, d);
  vars_ = Matrix::Zero(classes_, d);
  // Prior p(c) = n_c / n; mean μ_c = (1/n_c) Σ_{i∈c} x_i; variance σ²_c = (1/n_c) Σ (x_i − μ_c)² + ε.
  for (Index i = 0; i < n; ++i) means_.row(static_cast<Index>(y_(i))) += X_.row(i);
  for (int c = 0; c < classes_; ++c) {
    priors_(c) = static_cast<double>(counts[static_cast<std::size_t>(c)]) / static_cast<double>(n);
    means_.row(c) /= static_cast<double>(counts[static_cast<std::size_t>(c)]);
  }
  for (Index i = 0; i < n; ++i) {
    Index c = static_cast<Index>(y_(i));
    vars_.row(c) += (X_.row(i) - means_.row(c)).array().square().matrix();
  }
  // Variances are floored at 1e-12 so that σ² = 0 (varSmoothing 0, or every feature constant,
  // where scikit-learn would produce NaN) still gives finite densities.
  for (int c = 0; c < classes_; ++c)
    vars_.row(c) = (vars_.row(c).array() / counts[static_cast<std::size_t>(c)] + epsilon).max(kVarianceFloor).matrix();
  fitted_ = true;
  status_ = Status::Converged;
}

void GaussianNaiveBayes::requireFitted(const char* where) const {
  if (!fitted_)
    throw StateError(std::string(where) + (status_ == Status::Empty
                                               ? ": the model is not fitted yet; call setData(X, y), then step() or fit()"
                                               : ": the model is not fitted yet; call step() or fit() first"));
}

Matrix GaussianNaiveBayes::jointLogLikelihood(const Matrix& X) const {
  const char* where = "GaussianNaiveBayes.jointLogLikelihood";
  requireFitted(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  const double twoPi = 2.0 * 3.14159265358979323846;
  // No points: nothing to compute (and columns of an empty matrix have no storage to point at).
  if (X.rows() == 0) return Matrix(0, classes_);
  Matrix jll(X.rows(), classes_);
  for (int c = 0; c < classes_; ++c) {
    // log p(c) − ½ Σ_j log(2π σ²_cj) − ½ Σ_j (x_j − μ_cj)² / σ²_cj
    double constant = std::log(priors_(c)) - 0.5 * (twoPi * vars_.row(c).array()).log().sum();
    Eigen::RowVectorXd invVar = vars_.row(c).cwiseInverse();
    jll.col(c) = (constant - 0.5 * ((X.rowwise() - means_.row(c)).array().square().rowwise() *
                                    invVar.array()).rowwise().sum())
                     .matrix();
  }
  return jll;
}

Matrix GaussianNaiveBayes::predictProba(const Matrix& X) const {
  return probabilitiesFromLogScores(jointLogLikelihood(X));
}

Vector GaussianNaiveBayes::predict(const Matrix& X) const { return mostLikelyClasses(jointLogLikelihood(X)); }

double GaussianNaiveBayes::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "GaussianNaiveBayes.score");
  return accuracy(y, predict(X));
}

double GaussianNaiveBayes::trainingLoss() const {
  if (!fitted_) return std::numeric_limits<double>::quiet_NaN();
  return meanLogLossFromLogScores(jointLogLikelihood(X_), y_);
}

Vector GaussianNaiveBayes::params() const {
  if (!fitted_) return Vector(0);
  Vector p(priors_.size() + means_.size() + vars_.size());
  p << priors_, Eigen::Map<const Vector>(means_.data(), means_.size()),
      Eigen::Map<const Vector>(vars_.data(), vars_.size());
  return p;
}

void GaussianNaiveBayes::recordTrace() {
  if (trace_.columns().size() != static_cast<std::size_t>(classes_ + 2)) {
    std::vector<std::string> cols{"loss", "accuracy"};
    for (int c = 0; c < classes_; ++c) cols.push_back("prior" + std::to_string(c));
    trace_.setColumns(cols);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> row{loss(), fitted_ ? accuracy(y_, predict(X_)) : nan};
  for (int c = 0; c < classes_; ++c) row.push_back(fitted_ ? priors_(c) : nan);
  trace_.append(row);
}

}  // namespace dw

#include "dw/random_forest_regressor.hpp"

#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void RandomForestRegressor::dataChanged(Index) {
  orders_ = presortColumns(X_);
  restartForest();
}

void RandomForestRegressor::restartForest() {
  rng_ = Rng(seed_, 0xf0e6ULL);
  trees_.clear();
  trainSum_ = Vector::Zero(X_.rows());
  oobSum_ = Vector::Zero(X_.rows());
  oobCount_.assign(static_cast<std::size_t>(X_.rows()), 0);
}

void RandomForestRegressor::resetParams() { restartForest(); }

void RandomForestRegressor::setTreeCount(int count) {
  requireIntInRange(count, 1, 1000, "RandomForestRegressor.setTreeCount", "nTrees");
  targetTrees_ = count;
  if (status_ == Status::Empty) return;
  if (treeCount() >= targetTrees_) status_ = Status::Converged;
  else resumeIfConverged();
}

void RandomForestRegressor::setMaxDepth(int depth) {
  requireIntInRange(depth, 1, kUnlimitedDepth, "RandomForestRegressor.setMaxDepth", "maxDepth");
  settings_.maxDepth = depth;
  settingsChanged();
}

void RandomForestRegressor::setMinSamplesLeaf(int count) {
  requireIntInRange(count, 1, 1'000'000, "RandomForestRegressor.setMinSamplesLeaf", "minSamplesLeaf");
  settings_.minSamplesLeaf = count;
  settingsChanged();
}

void RandomForestRegressor::setMaxFeatures(int count) {
  const char* where = "RandomForestRegressor.setMaxFeatures";
  requireIntInRange(count, 0, 4096, where, "maxFeatures");
  if (status_ != Status::Empty && count > featureCount_)
    throw InvalidArgument(std::string(where) + ": maxFeatures=" + formatNumber(count) + " exceeds the " +
                          std::to_string(featureCount_) + " features");
  settings_.maxFeatures = count;
  settingsChanged();
}

void RandomForestRegressor::doStep() {
  const Index n = X_.rows();
  TreeSettings s = settings_;
  s.criterion = SplitCriterion::SquaredError;
  BaggedTree grown = growBootstrapTree(X_, y_, orders_, s, rng_);
  const CartTree& tree = grown.tree;
  for (Index i = 0; i < n; ++i) {
    double v = *tree.value(tree.leafOf(X_.row(i).data()));
    trainSum_(i) += v;
    if (grown.inBag[static_cast<std::size_t>(i)] == 0) {
      oobSum_(i) += v;
      ++oobCount_[static_cast<std::size_t>(i)];
    }
  }
  trees_.push_back(std::move(grown.tree));
  if (treeCount() >= targetTrees_) status_ = Status::Converged;
}

const CartTree& RandomForestRegressor::tree(int i) const {
  if (i < 0 || i >= treeCount())
    throw InvalidArgument("RandomForestRegressor.tree: index=" + std::to_string(i) + " is not one of the " +
                          std::to_string(treeCount()) + " trees");
  return trees_[static_cast<std::size_t>(i)];
}

Vector RandomForestRegressor::predict(const Matrix& X) const {
  requireData("RandomForestRegressor.predict");
  requireQuery(X, featureCount_, "RandomForestRegressor.predict");
  if (trees_.empty()) return Vector::Constant(X.rows(), y_.mean());
  Vector out = Vector::Zero(X.rows());
  for (const CartTree& t : trees_)
    for (Index i = 0; i < X.rows(); ++i) out(i) += *t.value(t.leafOf(X.row(i).data()));
  return out / static_cast<double>(trees_.size());
}

double RandomForestRegressor::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "RandomForestRegressor.score");
  return r2Score(y, predict(X));
}

double RandomForestRegressor::trainingLoss() const {
  Vector fit = trees_.empty() ? Vector::Constant(y_.size(), y_.mean())
                              : Vector(trainSum_ / static_cast<double>(trees_.size()));
  return (fit - y_).squaredNorm() / static_cast<double>(y_.size());
}

double RandomForestRegressor::oobScore() const {
  requireData("RandomForestRegressor.oobScore");
  const Index n = y_.size();
  Vector pred(n);
  for (Index i = 0; i < n; ++i) {
    int c = oobCount_[static_cast<std::size_t>(i)];
    if (c == 0) return std::numeric_limits<double>::quiet_NaN();
    pred(i) = oobSum_(i) / c;
  }
  return r2Score(y_, pred);
}

Vector RandomForestRegressor::featureImportances() const {
  Vector imp = Vector::Zero(featureCount_);
  for (const CartTree& t : trees_) imp += t.featureImportances();
  return trees_.empty() ? imp : Vector(imp / static_cast<double>(trees_.size()));
}

void RandomForestRegressor::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "trees"});
  trace_.append({loss(), double(treeCount())});
}

}  // namespace dw

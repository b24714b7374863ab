#include "dw/random_forest.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/class_labels.hpp"
#include "dw/decision_tree.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

Vector argmaxRows(const Matrix& m) {
  Vector out(m.rows());
  for (Index i = 0; i < m.rows(); ++i) {
    Index k;
    m.row(i).maxCoeff(&k);  // first maximum on ties, like numpy's argmax
    out(i) = static_cast<double>(k);
  }
  return out;
}
}  // namespace

void RandomForest::checkData(const Matrix&, const Vector& y, const char* where) const {
  requireClassLabels(y, kMaxClasses, where, /*everyClassPresent=*/false);
}

void RandomForest::dataChanged(Index) {
  classes_ = classLabelCount(y_, kMaxClasses, "RandomForest.setData");
  orders_ = presortColumns(X_);  // once per data set; each tree filters it to its bootstrap rows
  restartForest();
}

void RandomForest::restartForest() {
  rng_ = Rng(seed_, 0xf0e5ULL);
  trees_.clear();
  inBag_.clear();
  trainProbaSum_ = Matrix::Zero(X_.rows(), classes_);
  oobProbaSum_ = Matrix::Zero(X_.rows(), classes_);
  oobCount_.assign(static_cast<std::size_t>(X_.rows()), 0);
}

void RandomForest::resetParams() { restartForest(); }

void RandomForest::setTreeCount(int count) {
  requireIntInRange(count, 1, 1000, "RandomForest.setTreeCount", "nTrees");
  targetTrees_ = static_cast<int>(count);
  if (status_ == Status::Empty) return;
  if (treeCount() >= targetTrees_) status_ = Status::Converged;
  else resumeIfConverged();
}

void RandomForest::setMaxDepth(int depth) {
  requireIntInRange(depth, 1, kUnlimitedDepth, "RandomForest.setMaxDepth", "maxDepth");
  settings_.maxDepth = static_cast<int>(depth);
  settingsChanged();
}

void RandomForest::setMinSamplesLeaf(int count) {
  requireIntInRange(count, 1, 1'000'000, "RandomForest.setMinSamplesLeaf", "minSamplesLeaf");
  settings_.minSamplesLeaf = static_cast<int>(count);
  settingsChanged();
}

void RandomForest::setCriterion(const std::string& criterion) {
  SplitCriterion c = parseCriterion(criterion, "RandomForest.setCriterion");
  if (c == SplitCriterion::SquaredError)
    throw InvalidArgument("RandomForest.setCriterion: criterion='" + criterion +
                          "' is for regression; a forest classifier takes 'gini' or 'entropy'");
  settings_.criterion = c;
  settingsChanged();
}

void RandomForest::setMaxFeatures(int count) {
  const char* where = "RandomForest.setMaxFeatures";
  requireIntInRange(count, 1, 4096, where, "maxFeatures");
  if (status_ != Status::Empty && count > featureCount_)
    throw InvalidArgument(std::string(where) + ": maxFeatures=" + formatNumber(count) + " exceeds the " +
                          std::to_string(featureCount_) + " features");
  maxFeaturesRule_ = "count";
  maxFeaturesCount_ = static_cast<int>(count);
  settingsChanged();
}

void RandomForest::setMaxFeaturesRule(const std::string& rule) {
  if (rule != "sqrt" && rule != "log2" && rule != "all")
    throw InvalidArgument("RandomForest.setMaxFeaturesRule: rule='" + rule + "' is not one of 'sqrt', 'log2', 'all'");
  maxFeaturesRule_ = rule;
  settingsChanged();
}

int RandomForest::resolvedMaxFeatures() const {
  int d = static_cast<int>(featureCount_);
  // scikit-learn: max(1, int(sqrt(d))) and max(1, int(log2(d))); a number larger than a newer
  // data set's d means all features.
  if (maxFeaturesRule_ == "sqrt") return std::max(1, static_cast<int>(std::sqrt(double(d))));
  if (maxFeaturesRule_ == "log2") return std::max(1, static_cast<int>(std::log2(double(std::max(d, 1)))));
  if (maxFeaturesRule_ == "count") return std::min(maxFeaturesCount_, d);
  return d;
}

void RandomForest::doStep() {
  const Index n = X_.rows();
  TreeSettings s = settings_;
  s.classes = classes_;
  s.maxFeatures = resolvedMaxFeatures();
  BaggedTree grown = growBootstrapTree(X_, y_, orders_, s, rng_);
  const CartTree& tree = grown.tree;
  for (Index i = 0; i < n; ++i) {
    const double* v = tree.value(tree.leafOf(X_.row(i).data()));
    Eigen::Map<const Eigen::RowVectorXd> proba(v, classes_);
    trainProbaSum_.row(i) += proba;
    if (grown.inBag[static_cast<std::size_t>(i)] == 0) {
      oobProbaSum_.row(i) += proba;
      ++oobCount_[static_cast<std::size_t>(i)];
    }
  }
  trees_.push_back(std::move(grown.tree));
  inBag_.push_back(std::move(grown.inBag));
  if (treeCount() >= targetTrees_) status_ = Status::Converged;
}

std::vector<double> RandomForest::treeRegions(int i, double x0, double x1, double y0, double y1) const {
  const char* where = "RandomForest.treeRegions";
  const CartTree& t = tree(i);
  if (featureCount_ != 2) throw ShapeError(std::string(where) + ": needs a model trained on 2 features");
  return dw::treeRegions(t, isClassifier(), x0, x1, y0, y1, where);
}

const CartTree& RandomForest::tree(int i) const {
  if (i < 0 || i >= treeCount())
    throw InvalidArgument("RandomForest.tree: index=" + std::to_string(i) + " is not one of the " +
                          std::to_string(treeCount()) + " trees");
  return trees_[static_cast<std::size_t>(i)];
}

const std::vector<int>& RandomForest::inBagCounts(int i) const {
  tree(i);  // validates i
  return inBag_[static_cast<std::size_t>(i)];
}

Matrix RandomForest::predictProba(const Matrix& X) const {
  requireData("RandomForest.predictProba");
  requireQuery(X, featureCount_, "RandomForest.predictProba");
  if (trees_.empty()) return Matrix::Constant(X.rows(), classes_, 1.0 / classes_);
  Matrix out = Matrix::Zero(X.rows(), classes_);
  for (const CartTree& t : trees_)
    for (Index i = 0; i < X.rows(); ++i) {
      const double* v = t.value(t.leafOf(X.row(i).data()));
      for (int k = 0; k < classes_; ++k) out(i, k) += v[k];
    }
  return out / static_cast<double>(trees_.size());
}

Matrix RandomForest::voteFractions(const Matrix& X) const {
  requireData("RandomForest.voteFractions");
  requireQuery(X, featureCount_, "RandomForest.voteFractions");
  Matrix out = Matrix::Zero(X.rows(), classes_);
  if (trees_.empty()) return out;
  for (const CartTree& t : trees_)
    for (Index i = 0; i < X.rows(); ++i) out(i, t.majorityClass(t.leafOf(X.row(i).data()))) += 1.0;
  return out / static_cast<double>(trees_.size());
}

Vector RandomForest::predict(const Matrix& X) const { return argmaxRows(predictProba(X)); }

double RandomForest::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "RandomForest.score");
  return accuracy(y, predict(X));
}

double RandomForest::trainingLoss() const {
  if (trees_.empty()) return 1.0 - accuracy(y_, Vector::Zero(y_.size()));  // all tied: class 0
  return 1.0 - accuracy(y_, argmaxRows(trainProbaSum_));
}

Matrix RandomForest::oobDecision() const {
  requireData("RandomForest.oobDecision");
  Matrix out = oobProbaSum_;
  for (Index i = 0; i < out.rows(); ++i)
    if (oobCount_[static_cast<std::size_t>(i)] > 0) out.row(i) /= oobCount_[static_cast<std::size_t>(i)];
  return out;
}

double RandomForest::oobScore() const {
  if (status_ == Status::Empty) return std::numeric_limits<double>::quiet_NaN();
  int counted = 0, correct = 0;
  for (Index i = 0; i < X_.rows(); ++i) {
    if (oobCount_[static_cast<std::size_t>(i)] == 0) continue;
    Index k;
    oobProbaSum_.row(i).maxCoeff(&k);
    ++counted;
    correct += static_cast<double>(k) == y_(i);
  }
  return counted ? double(correct) / counted : std::numeric_limits<double>::quiet_NaN();
}

Vector RandomForest::featureImportances() const {
  Vector imp = Vector::Zero(featureCount_);
  for (const CartTree& t : trees_) imp += t.featureImportances();
  return trees_.empty() ? imp : Vector(imp / static_cast<double>(trees_.size()));
}

void RandomForest::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "trees", "trainAccuracy", "oobScore"});
  double l = loss();
  trace_.append({l, double(treeCount()), 1.0 - l, oobScore()});
}

}  // namespace dw

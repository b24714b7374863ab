#include "dw/decision_tree.hpp"

#include <algorithm>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
}

void DecisionTree::checkData(const Matrix&, const Vector& y, const char* where) const {
  if (isClassifier()) requireClassLabels(y, kMaxClasses, where, /*everyClassPresent=*/false);
}

void DecisionTree::dataChanged(Index) {
  target_ = y_;
  classes_ = isClassifier() ? classLabelCount(y_, kMaxClasses, "DecisionTree.setData") : 0;
  orders_ = presortColumns(X_);  // sorted once per data set; every restart reuses them
  restartGrowth();
}

void DecisionTree::restartGrowth() {
  if (X_.rows() == 0) return;
  TreeSettings s = settings_;
  s.classes = std::max(classes_, 1);
  tree_.start(X_, target_, Vector::Ones(X_.rows()), orders_, s, seed_);
}

void DecisionTree::resetParams() { restartGrowth(); }

void DecisionTree::setCriterion(const std::string& criterion) {
  const char* where = "DecisionTree.setCriterion";
  SplitCriterion c = parseCriterion(criterion, where);
  int classes = classes_;
  if (status_ != Status::Empty && c != SplitCriterion::SquaredError)
    classes = requireClassLabels(y_, kMaxClasses, where, /*everyClassPresent=*/false);  // the current y must be labels
  settings_.criterion = c;
  classes_ = c == SplitCriterion::SquaredError ? 0 : classes;
  settingsChanged();
}

void DecisionTree::setMaxDepth(int depth) {
  requireIntInRange(depth, 1, kUnlimitedDepth, "DecisionTree.setMaxDepth", "maxDepth");
  settings_.maxDepth = static_cast<int>(depth);
  settingsChanged();
}

void DecisionTree::setMinSamplesLeaf(int count) {
  requireIntInRange(count, 1, 1'000'000, "DecisionTree.setMinSamplesLeaf", "minSamplesLeaf");
  settings_.minSamplesLeaf = static_cast<int>(count);
  settingsChanged();
}

void DecisionTree::setMaxFeatures(int count) {
  const char* where = "DecisionTree.setMaxFeatures";
  requireIntInRange(count, 0, 4096, where, "maxFeatures");
  if (status_ != Status::Empty && count > featureCount_)
    throw InvalidArgument(std::string(where) + ": maxFeatures=" + formatNumber(count) + " exceeds the " +
                          std::to_string(featureCount_) + " features");
  settings_.maxFeatures = static_cast<int>(count);
  settingsChanged();
}

void DecisionTree::doStep() {
  // Nothing left to split is convergence; so is the split that closes the last open leaf.
  if (!tree_.splitBest() || !tree_.canGrow()) status_ = Status::Converged;
}

double DecisionTree::trainingLoss() const { return tree_.leafImpurity(); }

Vector DecisionTree::predict(const Matrix& X) const {
  requireData("DecisionTree.predict");
  requireQuery(X, featureCount_, "DecisionTree.predict");
  Vector out(X.rows());
  for (Index i = 0; i < X.rows(); ++i) {
    int leaf = tree_.leafOf(X.row(i).data());
    out(i) = isClassifier() ? tree_.majorityClass(leaf) : *tree_.value(leaf);
  }
  return out;
}

Matrix DecisionTree::predictProba(const Matrix& X) const {
  if (!isClassifier()) return Model::predictProba(X);
  requireData("DecisionTree.predictProba");
  requireQuery(X, featureCount_, "DecisionTree.predictProba");
  Matrix out(X.rows(), classes_);
  for (Index i = 0; i < X.rows(); ++i) {
    const double* v = tree_.value(tree_.leafOf(X.row(i).data()));
    for (int k = 0; k < classes_; ++k) out(i, k) = v[k];
  }
  return out;
}

double DecisionTree::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "DecisionTree.score");
  Vector p = predict(X);
  return isClassifier() ? accuracy(y, p) : r2Score(y, p);
}

Vector DecisionTree::params() const {
  std::vector<double> t = nodeTable();
  return Eigen::Map<const Vector>(t.data(), static_cast<Index>(t.size()));
}

std::vector<double> DecisionTree::nodeTable() const {
  requireData("DecisionTree.nodes");
  return treeNodeTable(tree_, isClassifier());
}

std::vector<double> DecisionTree::regions(double x0, double x1, double y0, double y1) const {
  requireData("DecisionTree.regions");
  if (featureCount_ != 2) throw ShapeError("DecisionTree.regions: needs a tree trained on 2 features");
  return treeRegions(tree_, isClassifier(), x0, x1, y0, y1, "DecisionTree.regions");
}

void DecisionTree::recordTrace() {
  if (trace_.columns().empty())
    trace_.setColumns({"loss", "leaves", "depth", "trainScore", "splitFeature", "splitThreshold", "splitGain"});
  bool split = steps_ > 0 && tree_.lastSplitNode() >= 0 && tree_.nodeCount() > 1;
  const TreeNode* n = split ? &tree_.nodes()[static_cast<std::size_t>(tree_.lastSplitNode())] : nullptr;
  // A classifier's training accuracy without predicting every row again: each training row lands
  // in the leaf whose segment holds it, so the hits are the leaves' majority-class counts, kept by
  // the tree at every split (unit weights: exact integers, the same number accuracy() gives).
  const double trainScore =
      isClassifier() ? tree_.trainingHits() / static_cast<double>(X_.rows()) : score(X_, y_);
  trace_.append({loss(), double(tree_.leafCount()), double(tree_.depth()), trainScore,
                 n ? double(n->feature) : -1.0, n ? n->threshold : 0.0, n ? tree_.lastSplitGain() : 0.0});
}

std::vector<double> treeNodeTable(const CartTree& tree, bool classifier) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(tree.nodeCount()) * 7);
  for (int i = 0; i < tree.nodeCount(); ++i) {
    const TreeNode& n = tree.nodes()[static_cast<std::size_t>(i)];
    double value = classifier ? tree.majorityClass(i) : *tree.value(i);
    out.insert(out.end(), {double(n.feature), n.feature < 0 ? 0.0 : n.threshold, double(n.left), double(n.right),
                           value, n.impurity, double(n.samples)});
  }
  return out;
}

std::vector<double> treeRegions(const CartTree& tree, bool classifier, double x0, double x1, double y0,
                                double y1, const char* where) {
  for (double v : {x0, x1, y0, y1}) requireInRange(v, -1e9, 1e9, where, "bound");
  if (!(x0 < x1 && y0 < y1))
    throw InvalidArgument(std::string(where) + ": the box [" + formatNumber(x0) + ", " + formatNumber(x1) +
                          "]×[" + formatNumber(y0) + ", " + formatNumber(y1) + "] is empty");
  struct Item { int node; double box[4]; };
  std::vector<Item> stack{{0, {x0, x1, y0, y1}}};
  std::vector<double> out;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const TreeNode& n = tree.nodes()[static_cast<std::size_t>(it.node)];
    if (n.feature < 0) {
      if (it.box[0] < it.box[1] && it.box[2] < it.box[3]) {
        const double* v = tree.value(it.node);
        int cls = tree.majorityClass(it.node);
        out.insert(out.end(), {it.box[0], it.box[1], it.box[2], it.box[3], classifier ? double(cls) : v[0],
                               classifier ? v[cls] : n.impurity, double(n.samples)});
      }
      continue;
    }
    // x[feature] <= threshold goes left: the left child's box ends at the threshold.
    Item right = it, left = it;
    int lo = 2 * n.feature, hi = lo + 1;
    left.node = n.left;
    left.box[hi] = std::min(left.box[hi], n.threshold);
    right.node = n.right;
    right.box[lo] = std::max(right.box[lo], n.threshold);
    stack.push_back(right);
    stack.push_back(left);  // popped first: leaves come out left to right
  }
  return out;
}

}  // namespace dw

// A CART decision tree as a Model: a classifier (Gini or entropy) or, with the squared-error
// criterion, a regressor. One step() is one split, best-first, so a widget can watch the tree
// grow; fit(many) grows it until no leaf can be split (then the status is "converged").
#pragma once
#include <string>

#include "dw/cart_tree.hpp"
#include "dw/model.hpp"

namespace dw {

class DecisionTree : public SupervisedModel {
 public:
  static constexpr int kMaxClasses = 64;
  DecisionTree() : SupervisedModel(1, kMaxTreeRows) {}
  const char* name() const override { return "DecisionTree"; }

  // X: rows are points; y: class labels 0…k−1 (k ≤ 64, at least two classes) for Gini/entropy,
  // any finite values for squared_error.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy, or R² when regressing
  Vector predict(const Matrix& X) const override;                  // class labels, or values
  bool isClassifier() const override { return settings_.criterion != SplitCriterion::SquaredError; }
  int classCount() const override { return isClassifier() ? classes_ : 0; }
  Matrix predictProba(const Matrix& X) const override;  // leaf class proportions
  Vector params() const override;  // the node list, 7 numbers per node (see nodeTable)
  double trainingLoss() const override;    // weighted leaf impurity on the training data

  // Hyper-parameters. Each change restarts growth from the root (data kept).
  void setCriterion(const std::string& criterion);  // "gini" (default), "entropy", "squared_error"
  void setMaxDepth(int depth);                     // 1 … 1e6, default 1e6 (unlimited)
  void setMinSamplesLeaf(int count);               // 1 … 1e6, default 1
  void setMaxFeatures(int count);                  // features tried per split; 0 = all (default)
  std::string criterion() const { return criterionName(settings_.criterion); }
  int maxDepth() const { return settings_.maxDepth; }
  int minSamplesLeaf() const { return settings_.minSamplesLeaf; }
  int maxFeatures() const { return settings_.maxFeatures; }

  const CartTree& tree() const { return tree_; }
  int depth() const { return tree_.depth(); }
  int leafCount() const { return tree_.leafCount(); }
  int nodeCount() const { return tree_.nodeCount(); }
  Vector featureImportances() const {
    requireData("DecisionTree.featureImportances");
    return tree_.featureImportances();
  }
  // Per node: [feature, threshold, left, right, value, impurity, samples]; leaves have feature,
  // left and right −1 and threshold 0; value is the majority class (classifier) or mean (regressor).
  std::vector<double> nodeTable() const;
  // Leaf boxes of a 2-feature tree clipped to [x0,x1]×[y0,y1]: per leaf with a non-empty box
  // [xmin, xmax, ymin, ymax, class, purity, samples] (regressor: mean and variance for class, purity).
  std::vector<double> regions(double x0, double x1, double y0, double y1) const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartGrowth();
  void restartLearning() override { restartGrowth(); }
  Vector target_;
  ColumnOrders orders_;
  TreeSettings settings_;
  CartTree tree_;
  int classes_ = 0;
};

// Shared by the tree family: the node table and 2-D leaf boxes of any CartTree.
std::vector<double> treeNodeTable(const CartTree& tree, bool classifier);
std::vector<double> treeRegions(const CartTree& tree, bool classifier, double x0, double x1, double y0,
                                double y1, const char* where);

}  // namespace dw

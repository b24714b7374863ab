// Random forest (Breiman 2001): bagged CART classifiers, each grown fully on a bootstrap sample
// with a random subset of features tried at every split. One step() adds one tree; fit() adds
// trees until the target count. Probabilities are the mean of the trees' leaf proportions
// (scikit-learn's soft vote); the out-of-bag score uses, for each training point, only the
// trees whose bootstrap sample left it out.
#pragma once
#include <string>
#include <vector>

#include "dw/cart_tree.hpp"
#include "dw/model.hpp"
#include "dw/rng.hpp"

namespace dw {

class RandomForest : public SupervisedModel {
 public:
  static constexpr int kMaxClasses = 64;
  RandomForest() : SupervisedModel(1, kMaxTreeRows) {}
  const char* name() const override { return "RandomForest"; }

  // setData (SupervisedModel): y: labels 0…k−1, k ≤ 64, ≥ 2 classes
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;
  bool isClassifier() const override { return true; }
  int classCount() const override { return classes_; }
  // Mean of the trees' class proportions; uniform 1/k before the first tree.
  Matrix predictProba(const Matrix& X) const override;
  Vector params() const override { return featureImportances(); }
  double trainingLoss() const override;  // training error rate of the forest (1 − training accuracy)

  // Target number of trees for fit(), 1 … 1000, default 100. Does not discard grown trees.
  void setTreeCount(int count);
  // Changing any of these discards the trees grown so far.
  void setMaxDepth(int depth);        // 1 … 1e6, default unlimited
  void setMinSamplesLeaf(int count);  // 1 … 1e6, default 1
  void setCriterion(const std::string& criterion);  // "gini" (default) or "entropy"
  void setMaxFeatures(int count);     // a fixed number 1 … d of features per split
  void setMaxFeaturesRule(const std::string& rule);  // "sqrt" (default), "log2" or "all"
  int targetTreeCount() const { return targetTrees_; }
  // Features tried per split for the current data: the rule or number resolved against d.
  int resolvedMaxFeatures() const;

  int treeCount() const { return static_cast<int>(trees_.size()); }
  const CartTree& tree(int i) const;
  // Leaf rectangles of tree i over [x0,x1]×[y0,y1] (models of 2 features; see treeRegions).
  std::vector<double> treeRegions(int i, double x0, double x1, double y0, double y1) const;
  // How many times each training point was drawn into tree i's bootstrap sample (0 = out of bag).
  const std::vector<int>& inBagCounts(int i) const;
  // Accuracy of the out-of-bag vote over the points that were out of bag at least once;
  // NaN while no point has been.
  double oobScore() const;
  // Per training point, the mean class proportions of its out-of-bag trees (zeros if none yet).
  Matrix oobDecision() const;
  // Fraction of trees whose majority class is each class (hard votes), n × k.
  Matrix voteFractions(const Matrix& X) const;
  // Mean over trees of each tree's normalised impurity decrease (scikit-learn's definition).
  Vector featureImportances() const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartForest();
  void restartLearning() override { restartForest(); }
  ColumnOrders orders_;
  TreeSettings settings_;
  std::string maxFeaturesRule_ = "sqrt";  // or "count"
  int maxFeaturesCount_ = 0;
  int targetTrees_ = 100;
  int classes_ = 0;
  Rng rng_;
  std::vector<CartTree> trees_;
  std::vector<std::vector<int>> inBag_;
  Matrix trainProbaSum_, oobProbaSum_;
  std::vector<int> oobCount_;
};

}  // namespace dw

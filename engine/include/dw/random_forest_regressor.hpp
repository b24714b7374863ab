// Random forest regression (Breiman 2001): bagged CART regression trees (squared error), each
// grown on a bootstrap sample with maxFeatures features tried at every split; the prediction is
// the mean of the trees' leaf means. One step() adds one tree. scikit-learn's
// RandomForestRegressor defaults: all features per split (max_features=1.0), full depth.
#pragma once
#include <string>
#include <vector>

#include "dw/cart_tree.hpp"
#include "dw/model.hpp"
#include "dw/rng.hpp"

namespace dw {

class RandomForestRegressor : public SupervisedModel {
 public:
  RandomForestRegressor() : SupervisedModel(1, kMaxTreeRows) {}
  const char* name() const override { return "RandomForestRegressor"; }

  // setData (SupervisedModel): any finite y
  double score(const Matrix& X, const Vector& y) const override;  // R²
  Vector predict(const Matrix& X) const override;  // mean of the trees; mean of y before the first
  Vector params() const override { return featureImportances(); }
  double trainingLoss() const override;  // training MSE of the forest

  void setTreeCount(int count);       // 1 … 1000, default 100; does not discard grown trees
  void setMaxDepth(int depth);        // 1 … 1e6, default unlimited (discards the trees)
  void setMinSamplesLeaf(int count);  // 1 … 1e6, default 1 (discards the trees)
  void setMaxFeatures(int count);     // 1 … d features per split; 0 = all (default; discards the trees)
  int targetTreeCount() const { return targetTrees_; }
  int treeCount() const { return static_cast<int>(trees_.size()); }
  const CartTree& tree(int i) const;
  // Out-of-bag R²: each training point predicted by the trees that did not see it; NaN while
  // some point has not yet been out of bag.
  double oobScore() const;
  // Mean over trees of each tree's normalised impurity (variance) decrease, as scikit-learn.
  Vector featureImportances() const;

 protected:
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartForest();
  void restartLearning() override { restartForest(); }
  ColumnOrders orders_;
  TreeSettings settings_;
  int targetTrees_ = 100;
  Rng rng_;
  std::vector<CartTree> trees_;
  Vector trainSum_, oobSum_;
  std::vector<int> oobCount_;
};

}  // namespace dw

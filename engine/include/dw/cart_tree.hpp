// CART trees (Breiman, Friedman, Olshen & Stone 1984), the building block shared by
// DecisionTree, RandomForest, GradientBoosting and AdaBoost. Not a Model itself: the models
// own one or many of these and decide what the targets and sample weights are.
//
// Growth is best-first: every open leaf knows its best split, and splitBest() splits the leaf
// whose split removes the most weighted impurity, so a widget can animate growth one split at a
// time. Split search follows scikit-learn's BestSplitter: thresholds are midpoints between
// consecutive distinct sorted values, values closer than 1e-7 count as equal, a split is taken
// even when it removes no impurity (XOR needs those), pure nodes (impurity ≤ 2.2e-16) stay
// leaves. Features are sorted once per data set (presortColumns) and every split partitions
// those orders stably, so a split costs O(n·d) with no sorting.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

enum class SplitCriterion { Gini, Entropy, SquaredError };
const char* criterionName(SplitCriterion c);
// Parses "gini", "entropy", "squared_error" (also "mse"); throws InvalidArgument naming `where`.
SplitCriterion parseCriterion(const std::string& text, const char* where);

// "Unlimited" depth: deeper than any tree n ≤ 10^6 points can make.
constexpr int kUnlimitedDepth = 1'000'000;

struct TreeSettings {
  SplitCriterion criterion = SplitCriterion::Gini;
  int classes = 2;  // classification criteria only: labels are 0 … classes−1
  int maxDepth = kUnlimitedDepth;
  int minSamplesLeaf = 1;
  int maxFeatures = 0;  // features examined per split; 0 or ≥ d means all, in index order
  // Squared error only: rank splits by Friedman's improvement w_L·w_R·(ȳ_L − ȳ_R)² (as
  // scikit-learn's gradient boosting). Same best split in exact arithmetic; near-ties round alike.
  bool friedmanScore = false;
};

struct TreeNode {
  int feature = -1;  // −1 for a leaf
  double threshold = 0.0;  // go left when x[feature] <= threshold
  int left = -1, right = -1, parent = -1, depth = 0;
  double impurity = 0.0;  // Gini, entropy (bits) or variance of the node's training targets
  int samples = 0;        // training rows reaching the node (rows with positive weight)
  double weight = 0.0;    // their total sample weight
};

// For each column of X, the row indices sorted by that column (stable), computed once per data set.
using ColumnOrders = std::vector<std::vector<int>>;
ColumnOrders presortColumns(const Matrix& X);

class CartTree {
 public:
  // Starts a tree (root only) on the rows of X with weight > 0. `target` is the class index
  // (classification) or the value (regression); `orders` = presortColumns(X). X must stay
  // alive and unchanged while the tree grows; after growth only predictions are needed.
  void start(const Matrix& X, const Vector& target, const Vector& weight, const ColumnOrders& orders,
             const TreeSettings& settings, std::uint64_t seed);
  // Splits the open leaf with the largest weighted impurity decrease (ties: lowest node id).
  // Returns false, changing nothing, when no leaf can be split.
  bool splitBest();
  void growFully() { while (splitBest()) {} }
  bool canGrow() const;
  // Frees the growth buffers (sorted orders); the tree can no longer grow but still predicts.
  void finishGrowth();

  const std::vector<TreeNode>& nodes() const { return nodes_; }
  int nodeCount() const { return static_cast<int>(nodes_.size()); }
  int leafCount() const { return leafCount_; }
  int depth() const { return depth_; }
  // Per node: class proportions (classes values) or the mean target (1 value).
  int valueWidth() const { return width_; }
  const double* value(int node) const { return &values_[static_cast<std::size_t>(node) * width_]; }
  // Regression trees only: overwrite a leaf's value (gradient boosting's Newton step).
  void setValue(int node, double v) { values_[static_cast<std::size_t>(node) * width_] = v; }
  // Class with the largest proportion at a node (first one on ties, like numpy's argmax).
  int majorityClass(int node) const;
  // Index of the leaf that a point (d contiguous values) falls into.
  int leafOf(const double* x) const;
  // Total impurity decrease per feature, Σ (w·i − w_L·i_L − w_R·i_R), unnormalised.
  const std::vector<double>& impurityDecrease() const { return decrease_; }
  // The same normalised to sum 1 (all zeros for a tree without splits), as scikit-learn.
  Vector featureImportances() const;
  // Σ over leaves of (leaf weight / total weight) × leaf impurity: the tree's training impurity.
  double leafImpurity() const;
  // Classification: Σ over leaves of the weight of the leaf's most frequent class, i.e. the
  // weighted count of training rows that predicting each leaf's majority class gets right (with
  // unit weights, accuracy on the training data × n). Kept up to date at every split, O(1).
  double trainingHits() const { return hits_; }
  // The last split made: node id and its impurity decrease weighted by node weight / total weight.
  int lastSplitNode() const { return lastSplit_; }
  double lastSplitGain() const { return lastGain_; }

 private:
  struct Candidate {
    bool valid = false;
    int feature = -1;
    double threshold = 0.0;
    double gain = 0.0;  // w·i − (w_L·i_L + w_R·i_R)
  };
  struct Stats {
    double weight = 0.0;
    int samples = 0;
    double impurity = 0.0;
    double topWeight = 0.0;  // classification: weight of the most frequent class (first on ties)
  };
  // The stats of rows[0 … count); writes the node's value (width_ numbers) to `value`.
  Stats statsOf(const int* rows, int count, double* value) const;
  double impurityOf(const double* classWeights, double weight, double sum, double sumSq) const;
  int addNode(int parent, int depth, int begin, int end);
  void findBestSplit(int node);
  bool splittable(int node) const;

  const Matrix* X_ = nullptr;
  Vector target_, weight_;
  // Classification: each row's class index, converted from target_ once (a double-to-integer
  // conversion per row visited was a guarded, branchy sequence in WASM, inside the split scan).
  std::vector<int> classOf_;
  TreeSettings settings_;
  Rng rng_;
  int width_ = 1;
  std::vector<TreeNode> nodes_;
  std::vector<double> values_;
  std::vector<int> begin_, end_;      // each node's segment of the sorted orders (while growing)
  std::vector<Candidate> candidate_;  // each open leaf's best split
  ColumnOrders sorted_;               // per feature, rows arranged so every leaf is a sorted segment
  std::vector<int> scratch_;
  std::vector<char> goesLeft_;
  std::vector<double> decrease_;
  std::vector<double> leftWeights_;
  // Growth scratch reused by every node, so a split allocates nothing: class totals, right-side
  // class weights, a child's value, the feature visiting order.
  std::vector<double> totalScratch_, rightScratch_, valueScratch_;
  std::vector<int> featureOrder_;
  int openCount_ = 0;               // leaves with a valid candidate split (canGrow() in O(1))
  std::vector<double> topWeight_;  // per node: Stats::topWeight
  double hits_ = 0.0;              // trainingHits()
  double totalWeight_ = 0.0;
  int leafCount_ = 0, depth_ = 0, lastSplit_ = -1;
  double lastGain_ = 0.0;
};

// One tree of a bagged forest: grown fully on a bootstrap sample of the n training rows (n draws
// with replacement from rng; each drawn row weighted by how often it was drawn), its own split RNG
// seeded from the next two draws. `inBag[i]` is row i's draw count (0: out of bag). The forest
// classifier and regressor grow their trees here so that both draw in the same order.
struct BaggedTree {
  CartTree tree;
  std::vector<int> inBag;
};
BaggedTree growBootstrapTree(const Matrix& X, const Vector& target, const ColumnOrders& orders,
                             const TreeSettings& settings, Rng& rng);

// Most training points the tree family accepts (SupervisedModel's maxRows for every tree model).
constexpr Index kMaxTreeRows = 100000;

}  // namespace dw

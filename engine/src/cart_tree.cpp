#include "dw/cart_tree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// scikit-learn's tolerances (sklearn/tree/_splitter.pyx, _tree.pyx): feature values closer than
// FEATURE_THRESHOLD are one value; a node whose impurity is at most EPSILON is pure.
constexpr double kFeatureThreshold = 1e-7;
constexpr double kPureImpurity = std::numeric_limits<double>::epsilon();
}  // namespace

const char* criterionName(SplitCriterion c) {
  switch (c) {
    case SplitCriterion::Gini: return "gini";
    case SplitCriterion::Entropy: return "entropy";
    case SplitCriterion::SquaredError: return "squared_error";
  }
  return "unknown";
}

SplitCriterion parseCriterion(const std::string& text, const char* where) {
  if (text == "gini") return SplitCriterion::Gini;
  if (text == "entropy") return SplitCriterion::Entropy;
  if (text == "squared_error" || text == "mse") return SplitCriterion::SquaredError;
  throw InvalidArgument(std::string(where) + ": criterion='" + text +
                        "' is not one of 'gini', 'entropy', 'squared_error'");
}

ColumnOrders presortColumns(const Matrix& X) {
  ColumnOrders orders(static_cast<std::size_t>(X.cols()));
  for (Index f = 0; f < X.cols(); ++f) {
    auto& order = orders[static_cast<std::size_t>(f)];
    order.resize(static_cast<std::size_t>(X.rows()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return X(a, f) < X(b, f); });
  }
  return orders;
}

void CartTree::start(const Matrix& X, const Vector& target, const Vector& weight, const ColumnOrders& orders,
                     const TreeSettings& settings, std::uint64_t seed) {
  X_ = &X;
  target_ = target;
  weight_ = weight;
  settings_ = settings;
  rng_ = Rng(seed, 0x7ee5ULL);
  width_ = settings.criterion == SplitCriterion::SquaredError ? 1 : settings.classes;
  classOf_.clear();
  if (settings.criterion != SplitCriterion::SquaredError)
    for (Index r = 0; r < target.size(); ++r) classOf_.push_back(static_cast<int>(target(r)));
  leftWeights_.assign(static_cast<std::size_t>(width_), 0.0);
  totalScratch_.assign(static_cast<std::size_t>(width_), 0.0);
  rightScratch_.assign(static_cast<std::size_t>(width_), 0.0);
  valueScratch_.assign(static_cast<std::size_t>(width_), 0.0);
  featureOrder_.resize(orders.size());
  openCount_ = 0;
  sorted_.assign(orders.size(), {});
  for (std::size_t f = 0; f < orders.size(); ++f)
    for (int r : orders[f])
      if (weight_(r) > 0) sorted_[f].push_back(r);
  int count = sorted_.empty() ? 0 : static_cast<int>(sorted_[0].size());
  if (count == 0) throw StateError("CartTree.start: no rows with positive weight");
  scratch_.resize(static_cast<std::size_t>(count));
  goesLeft_.assign(static_cast<std::size_t>(X.rows()), 0);
  decrease_.assign(orders.size(), 0.0);
  nodes_.clear();
  values_.clear();
  begin_.clear();
  end_.clear();
  candidate_.clear();
  topWeight_.clear();
  leafCount_ = 1;
  depth_ = 0;
  lastSplit_ = -1;
  lastGain_ = 0.0;
  totalWeight_ = 0.0;
  addNode(-1, 0, 0, count);
  totalWeight_ = nodes_[0].weight;
  hits_ = topWeight_[0];
}

double CartTree::impurityOf(const double* classWeights, double weight, double sum, double sumSq) const {
  switch (settings_.criterion) {
    case SplitCriterion::Gini: {  // 1 − Σ p_k²
      double sq = 0.0;
      for (int k = 0; k < width_; ++k) sq += classWeights[k] * classWeights[k];
      return 1.0 - sq / (weight * weight);
    }
    case SplitCriterion::Entropy: {  // −Σ p_k log2 p_k, in bits as scikit-learn
      double h = 0.0;
      for (int k = 0; k < width_; ++k)
        if (classWeights[k] > 0) {
          double p = classWeights[k] / weight;
          h -= p * std::log2(p);
        }
      return h;
    }
    case SplitCriterion::SquaredError:  // variance = E[y²] − E[y]²
      return sumSq / weight - (sum / weight) * (sum / weight);
  }
  return 0.0;
}

CartTree::Stats CartTree::statsOf(const int* rows, int count, double* value) const {
  Stats s;
  s.samples = count;
  std::fill(value, value + width_, 0.0);
  const double* weight = weight_.data();
  const double* target = target_.data();
  if (settings_.criterion != SplitCriterion::SquaredError) {
    const int* classOf = classOf_.data();
    for (int i = 0; i < count; ++i) {
      const double w = weight[rows[i]];
      s.weight += w;
      value[classOf[rows[i]]] += w;
    }
    s.impurity = impurityOf(value, s.weight, 0.0, 0.0);
    s.topWeight = *std::max_element(value, value + width_);
    for (int k = 0; k < width_; ++k) value[k] /= s.weight;  // class proportions
    return s;
  }
  double sum = 0.0, sumSq = 0.0;
  for (int i = 0; i < count; ++i) {
    const double w = weight[rows[i]], t = target[rows[i]];
    s.weight += w;
    sum += w * t;
    sumSq += w * t * t;
  }
  s.impurity = impurityOf(value, s.weight, sum, sumSq);
  value[0] = sum / s.weight;  // mean target
  return s;
}

bool CartTree::splittable(int node) const {
  const TreeNode& n = nodes_[static_cast<std::size_t>(node)];
  // scikit-learn's leaf rule with min_samples_split = 2.
  return n.depth < settings_.maxDepth && n.samples >= 2 && n.samples >= 2 * settings_.minSamplesLeaf &&
         n.impurity > kPureImpurity;
}

int CartTree::addNode(int parent, int depth, int begin, int end) {
  const std::size_t at = values_.size();
  values_.resize(at + static_cast<std::size_t>(width_));
  Stats s = statsOf(&sorted_[0][static_cast<std::size_t>(begin)], end - begin, &values_[at]);
  TreeNode n;
  n.parent = parent;
  n.depth = depth;
  n.impurity = s.impurity;
  n.samples = s.samples;
  n.weight = s.weight;
  int id = static_cast<int>(nodes_.size());
  nodes_.push_back(n);
  begin_.push_back(begin);
  end_.push_back(end);
  candidate_.emplace_back();
  topWeight_.push_back(s.topWeight);
  if (splittable(id)) findBestSplit(id);
  return id;
}

void CartTree::findBestSplit(int node) {
  const Matrix& X = *X_;
  const int b = begin_[static_cast<std::size_t>(node)], count = end_[static_cast<std::size_t>(node)] - b;
  const int d = static_cast<int>(sorted_.size());
  const bool classes = settings_.criterion != SplitCriterion::SquaredError;
  const TreeNode& n = nodes_[static_cast<std::size_t>(node)];
  const double W = n.weight;
  const double* weight = weight_.data();
  const double* target = target_.data();
  const int* classOf = classOf_.data();
  double* total = totalScratch_.data();
  std::fill(total, total + width_, 0.0);
  double sumTotal = 0.0;
  for (int i = 0; i < count; ++i) {
    int r = sorted_[0][static_cast<std::size_t>(b + i)];
    if (classes) total[classOf[r]] += weight[r];
    sumTotal += weight[r] * target[r];
  }
  std::vector<int>& order = featureOrder_;
  std::iota(order.begin(), order.end(), 0);
  const bool limited = settings_.maxFeatures > 0 && settings_.maxFeatures < d;
  Candidate best;
  int bestLeftCount = 0;
  double bestScore = -std::numeric_limits<double>::infinity();
  double* right = rightScratch_.data();
  double* left = leftWeights_.data();
  const bool gini = settings_.criterion == SplitCriterion::Gini;
  const double* xData = X.data();
  const Index xStride = X.cols();
  int visited = 0;
  for (int k = 0; k < d; ++k) {
    // Random subsets draw features without replacement (a lazy Fisher–Yates shuffle) and, like
    // scikit-learn, keep drawing past maxFeatures until some valid split has been found.
    if (limited) {
      if (visited >= settings_.maxFeatures && best.valid) break;
      std::swap(order[static_cast<std::size_t>(k)], order[k + rng_.below(static_cast<std::uint32_t>(d - k))]);
    }
    const int f = order[static_cast<std::size_t>(k)];
    const int* rows = &sorted_[static_cast<std::size_t>(f)][static_cast<std::size_t>(b)];
    const double* xf = xData + f;  // X(r, f) = xf[r·stride]
    if (xf[rows[count - 1] * xStride] <= xf[rows[0] * xStride] + kFeatureThreshold) continue;  // constant here
    ++visited;
    std::fill(left, left + width_, 0.0);
    double wl = 0.0, sumLeft = 0.0;
    double xNext = xf[rows[0] * xStride];
    for (int p = 1; p < count; ++p) {
      const int r = rows[p - 1];
      const double w = weight[r];
      wl += w;
      if (classes) left[classOf[r]] += w;
      else sumLeft += w * target[r];
      const double xPrev = xNext;
      xNext = xf[rows[p] * xStride];
      if (xNext <= xPrev + kFeatureThreshold) continue;
      if (p < settings_.minSamplesLeaf || count - p < settings_.minSamplesLeaf) continue;
      const double wr = W - wl;
      double score;
      if (gini) {  // as impurityOf's 1 − Σ p_k², written out so the loop has no call
        double sqL = 0.0, sqR = 0.0;
        for (int c = 0; c < width_; ++c) {
          const double rc = total[c] - left[c];
          sqL += left[c] * left[c];
          sqR += rc * rc;
        }
        score = -(wl * (1.0 - sqL / (wl * wl)) + wr * (1.0 - sqR / (wr * wr)));
      } else if (classes) {  // minimise the weighted child impurity w_L·i_L + w_R·i_R
        for (int c = 0; c < width_; ++c) right[c] = total[c] - left[c];
        score = -(wl * impurityOf(left, wl, 0, 0) + wr * impurityOf(right, wr, 0, 0));
      } else {  // w_L·var_L + w_R·var_R = Σwy² − (S_L²/w_L + S_R²/w_R): maximise the bracket
        const double sumRight = sumTotal - sumLeft;
        if (settings_.friedmanScore) {  // (w_R·S_L − w_L·S_R)² / (w_L·w_R)
          const double diff = wr * sumLeft - wl * sumRight;
          score = diff * diff / (wl * wr);
        } else {
          score = sumLeft * sumLeft / wl + sumRight * sumRight / wr;
        }
      }
      if (score > bestScore) {  // strict: the first of equal splits wins
        bestScore = score;
        double mid = xPrev / 2.0 + xNext / 2.0;  // scikit-learn's midpoint, guarded against rounding up
        if (mid == xNext || !std::isfinite(mid)) mid = xPrev;
        best.valid = true;
        best.feature = f;
        best.threshold = mid;
        bestLeftCount = p;
      }
    }
  }
  if (best.valid) {
    const int* rows = &sorted_[static_cast<std::size_t>(best.feature)][static_cast<std::size_t>(b)];
    Stats l = statsOf(rows, bestLeftCount, valueScratch_.data());
    Stats r = statsOf(rows + bestLeftCount, count - bestLeftCount, valueScratch_.data());
    best.gain = W * n.impurity - (l.weight * l.impurity + r.weight * r.impurity);
    ++openCount_;
  }
  candidate_[static_cast<std::size_t>(node)] = best;
}

bool CartTree::canGrow() const { return openCount_ > 0; }

bool CartTree::splitBest() {
  int chosen = -1;
  double bestGain = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < candidate_.size(); ++i)
    if (candidate_[i].valid && nodes_[i].feature < 0 && candidate_[i].gain > bestGain) {
      bestGain = candidate_[i].gain;
      chosen = static_cast<int>(i);
    }
  if (chosen < 0) return false;
  const Matrix& X = *X_;
  const Candidate c = candidate_[static_cast<std::size_t>(chosen)];
  candidate_[static_cast<std::size_t>(chosen)].valid = false;
  --openCount_;
  const int b = begin_[static_cast<std::size_t>(chosen)], e = end_[static_cast<std::size_t>(chosen)];
  for (int i = b; i < e; ++i) {
    int r = sorted_[0][static_cast<std::size_t>(i)];
    goesLeft_[static_cast<std::size_t>(r)] = X(r, c.feature) <= c.threshold;
  }
  // Stable partition of every feature's segment keeps both halves sorted.
  int leftCount = 0;
  for (auto& order : sorted_) {
    int l = 0, r = e - b;
    for (int i = b; i < e; ++i) {
      int row = order[static_cast<std::size_t>(i)];
      if (goesLeft_[static_cast<std::size_t>(row)]) order[static_cast<std::size_t>(b + l++)] = row;
      else scratch_[static_cast<std::size_t>(--r)] = row;
    }
    for (int i = e - b - 1, o = b + l; i >= l; --i) order[static_cast<std::size_t>(o++)] = scratch_[static_cast<std::size_t>(i)];
    leftCount = l;
  }
  const int depth = nodes_[static_cast<std::size_t>(chosen)].depth + 1;
  int left = addNode(chosen, depth, b, b + leftCount);
  int right = addNode(chosen, depth, b + leftCount, e);
  TreeNode& n = nodes_[static_cast<std::size_t>(chosen)];
  n.feature = c.feature;
  n.threshold = c.threshold;
  n.left = left;
  n.right = right;
  const TreeNode &L = nodes_[static_cast<std::size_t>(left)], &R = nodes_[static_cast<std::size_t>(right)];
  double gain = n.weight * n.impurity - L.weight * L.impurity - R.weight * R.impurity;
  decrease_[static_cast<std::size_t>(c.feature)] += gain;
  ++leafCount_;
  depth_ = std::max(depth_, depth);
  lastSplit_ = chosen;
  lastGain_ = gain / totalWeight_;
  hits_ += topWeight_[static_cast<std::size_t>(left)] + topWeight_[static_cast<std::size_t>(right)] -
           topWeight_[static_cast<std::size_t>(chosen)];
  return true;
}

void CartTree::finishGrowth() {
  for (auto& c : candidate_) c.valid = false;
  openCount_ = 0;
  ColumnOrders().swap(sorted_);
  std::vector<int>().swap(scratch_);
  std::vector<char>().swap(goesLeft_);
  std::vector<int>().swap(begin_);
  std::vector<int>().swap(end_);
  target_.resize(0);
  weight_.resize(0);
  X_ = nullptr;
}

int CartTree::majorityClass(int node) const {
  const double* v = value(node);
  return static_cast<int>(std::max_element(v, v + width_) - v);
}

int CartTree::leafOf(const double* x) const {
  int node = 0;
  while (nodes_[static_cast<std::size_t>(node)].feature >= 0) {
    const TreeNode& n = nodes_[static_cast<std::size_t>(node)];
    node = x[n.feature] <= n.threshold ? n.left : n.right;
  }
  return node;
}

Vector CartTree::featureImportances() const {
  Vector imp = Eigen::Map<const Vector>(decrease_.data(), static_cast<Index>(decrease_.size()));
  double total = imp.sum();
  if (total > 0) imp /= total;
  else imp.setZero();
  return imp;
}

double CartTree::leafImpurity() const {
  double s = 0.0;
  for (const TreeNode& n : nodes_)
    if (n.feature < 0) s += n.weight * n.impurity;
  return s / totalWeight_;
}

BaggedTree growBootstrapTree(const Matrix& X, const Vector& target, const ColumnOrders& orders,
                             const TreeSettings& settings, Rng& rng) {
  const Index n = X.rows();
  BaggedTree out;
  out.inBag.assign(static_cast<std::size_t>(n), 0);
  for (Index i = 0; i < n; ++i) ++out.inBag[rng.below(static_cast<std::uint32_t>(n))];
  Vector weight(n);
  for (Index i = 0; i < n; ++i) weight(i) = out.inBag[static_cast<std::size_t>(i)];
  const std::uint64_t treeSeed = (std::uint64_t(rng.nextU32()) << 32) | rng.nextU32();
  out.tree.start(X, target, weight, orders, settings, treeSeed);
  out.tree.growFully();
  out.tree.finishGrowth();
  return out;
}

}  // namespace dw

#include "dw/feature_importance.hpp"

#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/gradient_boosting.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

PermutationImportance permutationImportance(const Model& model, const Matrix& X, const Vector& y, int repeats,
                                            std::uint32_t seed) {
  const char* where = "permutationImportance";
  if (model.status() == Status::Empty)
    throw StateError(std::string(where) + ": the model has no training data yet; fit it first");
  requireIntInRange(repeats, 1, 1000, where, "repeats");
  requireSupervisedShape(X, y, 2, where);
  requireQuery(X, model.featureCount(), where);
  requireFinite(y, where, "y");
  const Index n = X.rows(), d = X.cols();
  PermutationImportance out;
  out.baseline = model.score(X, y);
  out.mean = Vector::Zero(d);
  out.std = Vector::Zero(d);
  out.drops = Matrix::Zero(d, repeats);
  Rng rng(seed, 0x9e3779b9ULL);
  Matrix shuffled = X;
  for (Index j = 0; j < d; ++j) {
    for (int r = 0; r < repeats; ++r) {
      std::vector<int> order = rng.permutation(static_cast<int>(n));
      for (Index i = 0; i < n; ++i) shuffled(i, j) = X(order[static_cast<std::size_t>(i)], j);
      out.drops(j, r) = out.baseline - model.score(shuffled, y);
    }
    shuffled.col(j) = X.col(j);
    out.mean(j) = out.drops.row(j).mean();
    out.std(j) = std::sqrt((out.drops.row(j).array() - out.mean(j)).square().mean());
  }
  return out;
}

// scikit-learn's GradientBoostingRegressor.feature_importances_: each tree's unnormalised
// impurity decrease, averaged over the trees that split at all, then normalised to sum 1.
Vector GradientBoosting::featureImportances() const {
  requireData("GradientBoosting.featureImportances");
  Vector total = Vector::Zero(featureCount_);
  int used = 0;
  for (const CartTree& t : trees_) {
    if (t.nodeCount() <= 1) continue;
    const std::vector<double>& dec = t.impurityDecrease();
    for (Index j = 0; j < featureCount_; ++j) total(j) += dec[static_cast<std::size_t>(j)];
    ++used;
  }
  double sum = total.sum();
  if (used == 0 || !(sum > 0)) return Vector::Zero(featureCount_);
  return total / sum;
}

}  // namespace dw

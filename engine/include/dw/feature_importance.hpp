// Feature importance for any fitted model.
//
// Permutation importance (Breiman 2001; scikit-learn's permutation_importance): the drop in the
// model's score() (R² for regressors, accuracy for classifiers) when one column of the
// evaluation data is shuffled, breaking its link to y while keeping its distribution. Repeated
// with `repeats` seeded shuffles per feature; the mean and the (population) standard deviation
// of the drops are reported. A feature the model ignores scores exactly 0.
//
// Impurity importance of the tree ensembles lives on the models (DecisionTree,
// RandomForest, RandomForestRegressor and GradientBoosting::featureImportances): the
// normalised total impurity decrease of the splits on each feature, measured on the training
// data — which is why it can credit a feature the model merely overfits with.
#pragma once
#include <cstdint>

#include "dw/model.hpp"

namespace dw {

struct PermutationImportance {
  double baseline = 0.0;  // score on the unshuffled data
  Vector mean;            // per feature: mean of baseline − shuffled score
  Vector std;             // per feature: population standard deviation of those drops
  Matrix drops;           // d × repeats, each drop
};

// `model` must be fitted on X's column count; X, y the evaluation data (≥ 2 rows);
// repeats 1 … 1000. The shuffles come from dw::Rng(seed), feature by feature, repeat by repeat.
PermutationImportance permutationImportance(const Model& model, const Matrix& X, const Vector& y, int repeats,
                                            std::uint32_t seed);

}  // namespace dw

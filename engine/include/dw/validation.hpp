// Model validation: seeded splits, k-fold index sets, cross-validation scores, learning curves
// and validation curves for ANY dw::Model. One model instance is reused for every fit — each
// fold/size/value calls setData(train), reset(seed), fit(maxSteps) — so no cloning is needed;
// afterwards the model holds the data of the last fit it was given (documented in the docs).
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/model.hpp"

namespace dw {

// Like trainValidationTestSplit (datasets.hpp) but each class keeps its share in every part:
// class c with n_c points gives round(testFraction·n_c) to test and round(validationFraction·n_c)
// to validation (fewer when that would leave class c nothing to train on). Labels: whole numbers ≥ 0.
SplitIndices stratifiedTrainValidationTestSplit(const Vector& labels, double validationFraction,
                                                double testFraction, std::uint32_t seed);

// One fold of k-fold cross-validation: both index lists ascending.
struct Fold {
  std::vector<int> train, test;
};
// scikit-learn KFold: the (optionally shuffled) indices 0…n−1 are cut into k consecutive test
// folds, the first n mod k of size ⌊n/k⌋+1 and the rest ⌊n/k⌋; every index is tested exactly
// once. shuffle=false gives exactly scikit-learn's folds; with shuffle the permutation comes
// from dw::Rng(seed), so it differs from numpy's but keeps the same sizes.
std::vector<Fold> kFold(int n, int k, bool shuffle, std::uint32_t seed);
// scikit-learn StratifiedKFold (1.2 algorithm): labels sorted, dealt round-robin to k folds to
// decide how many of each class each fold tests, then each class's points take their folds in
// index order (shuffle=false, identical to scikit-learn) or in a dw::Rng-shuffled order.
// Needs k ≤ n and k ≤ the size of the largest class.
std::vector<Fold> stratifiedKFold(const Vector& labels, int k, bool shuffle, std::uint32_t seed);

// Error used for validation: MSE for regressors, 1 − accuracy for classifiers.
double validationError(const Model& model, const Matrix& X, const Vector& y);

// k-fold cross-validation of `model`: for each fold setData(train rows), reset(seed),
// fit(maxSteps), score(test rows). Folds are shuffled with `seed`; stratified by label when
// model.isClassifier(). Returns the k scores (R² or accuracy, the model's own score()).
Vector crossValScore(Model& model, const Matrix& X, const Vector& y, int k, std::uint32_t seed,
                     int maxSteps);

// Train and validation error against a swept quantity (training size or hyper-parameter).
struct CurvePoints {
  Vector at;               // the training sizes or hyper-parameter values
  Vector trainLoss;        // model.loss() after fitting (the model's own training objective)
  Vector trainError;       // validationError() on the training rows actually used
  Vector validationError;  // validationError() on the held-out rows
};

// Holds out validationFraction of the rows (seeded; stratified for classifiers), shuffles the
// rest once, and for each n in `sizes` trains on the first n of them.
CurvePoints learningCurve(Model& model, const Matrix& X, const Vector& y, const std::vector<int>& sizes,
                          double validationFraction, std::uint32_t seed, int maxSteps);

// Applies a hyper-parameter value to a model (e.g. [](Model& m, double v){ knn.setK(v); }).
using ApplyValue = std::function<void(Model&, double)>;
// Same hold-out split as learningCurve, all training rows; for each value: setData(train),
// apply(model, value), reset(seed), fit(maxSteps), then the errors.
CurvePoints validationCurve(Model& model, const Matrix& X, const Vector& y, const std::vector<double>& values,
                            const ApplyValue& apply, double validationFraction, std::uint32_t seed,
                            int maxSteps);

// Shared door check: X/y shape and the k/maxSteps ranges, naming `where`.
void requireTrainingCall(const Matrix& X, const Vector& y, int maxSteps, const char* where);
// Rows of X/y at `rows`.
Matrix takeMatrixRows(const Matrix& X, const std::vector<int>& rows);
Vector takeVectorRows(const Vector& y, const std::vector<int>& rows);

}  // namespace dw

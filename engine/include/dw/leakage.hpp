// A small preprocessing Pipeline and the data-leakage lesson built on it.
// The pipeline runs, in order: SimpleImputer (optional) → keep the `selectFeatures` columns most
// correlated with y (optional) → StandardScaler / MinMaxScaler (optional). Fitted on the training
// rows only it is honest; fitted on ALL rows before splitting ("leaky") it has seen the
// validation rows — their means, ranges and, worst, their targets through feature selection.
#pragma once
#include <cstdint>
#include <vector>

#include "dw/model.hpp"
#include "dw/preprocessing.hpp"

namespace dw {

enum class Scaling { None, Standard, MinMax };

struct PipelineOptions {
  bool impute = false;
  SimpleImputer::Strategy imputeStrategy = SimpleImputer::Strategy::Mean;
  int selectFeatures = 0;  // 0 keeps every column; otherwise the k with the largest |Pearson r| with y
  Scaling scaling = Scaling::Standard;
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options = {}) : options_(options) {}
  // Learns every step from (X, y); y is used only by feature selection.
  void fit(const Matrix& X, const Vector& y);
  Matrix transform(const Matrix& X) const;
  const std::vector<int>& selectedColumns() const { return selected_; }
  bool fitted() const { return fitted_; }

 private:
  PipelineOptions options_;
  SimpleImputer imputer_;
  StandardScaler standard_;
  MinMaxScaler minMax_;
  std::vector<int> selected_;
  Index inputColumns_ = 0;
  bool fitted_ = false;
};

// Indices of the k columns with the largest |Pearson correlation| with y, ascending; ties keep
// the lower index. A constant column has correlation 0.
std::vector<int> selectByCorrelation(const Matrix& X, const Vector& y, int k);

// k-fold cross-validation (seeded, shuffled; stratified for classifiers) of pipeline + model.
// leaky=false fits the pipeline inside each fold on its training rows; leaky=true fits it once
// on all rows before the folds are cut. Returns the model's score() per fold.
Vector pipelineCrossValScore(Model& model, const Matrix& X, const Vector& y, const PipelineOptions& options,
                             int k, std::uint32_t seed, int maxSteps, bool leaky);

// The lesson: pure-noise data (features and target independent N(0,1); for a classifier, labels
// alternate 0/1), so no model can truly beat chance. Selecting the `select` best-correlated of
// `features` columns on ALL rows then cross-validating reports a convincing score anyway; doing
// the selection inside each fold reports chance. Chance is R² ≤ 0 (regressors) or 0.5 accuracy.
struct LeakageResult {
  Vector rightScores, leakyScores;  // per fold
  double rightMean = 0, leakyMean = 0, chance = 0;
};
LeakageResult leakageDemo(Model& model, int samples, int features, int select, int k, std::uint32_t seed,
                          int maxSteps);

}  // namespace dw

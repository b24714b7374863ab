#include "dw/leakage.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"
#include "dw/validation.hpp"

namespace dw {

std::vector<int> selectByCorrelation(const Matrix& X, const Vector& y, int k) {
  const char* where = "selectByCorrelation";
  requireIntInRange(k, 1, double(X.cols()), where, "k");
  // r_j = Σ (x_ij − x̄_j)(y_i − ȳ) / sqrt(Σ (x_ij − x̄_j)² · Σ (y_i − ȳ)²)
  Matrix Xc = X.rowwise() - X.colwise().mean();
  Vector yc = y.array() - y.mean();
  Vector cov = Xc.transpose() * yc;
  Vector xNorm = Xc.colwise().norm().transpose();
  double yNorm = yc.norm();
  std::vector<double> score(static_cast<std::size_t>(X.cols()));
  for (Index j = 0; j < X.cols(); ++j)
    score[std::size_t(j)] = (xNorm(j) == 0 || yNorm == 0) ? 0.0 : std::fabs(cov(j)) / (xNorm(j) * yNorm);
  std::vector<int> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return score[std::size_t(a)] > score[std::size_t(b)]; });
  order.resize(std::size_t(k));
  std::sort(order.begin(), order.end());
  return order;
}

void Pipeline::fit(const Matrix& X, const Vector& y) {
  const char* where = "Pipeline.fit";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  if (X.rows() != y.size())
    throw ShapeError(std::string(where) + ": X has " + std::to_string(X.rows()) + " rows but y has " +
                     std::to_string(y.size()) + " values");
  requireFinite(y, where, "y");
  Matrix Z = X;
  if (options_.impute) {
    imputer_.setStrategy(options_.imputeStrategy);
    imputer_.fit(Z);
    Z = imputer_.transform(Z);
  } else {
    requireFinite(Z, where, "X");  // NaN is allowed only where an imputer fills it
  }
  selected_.clear();
  if (options_.selectFeatures > 0) {
    selected_ = selectByCorrelation(Z, y, options_.selectFeatures);
    Z = takeMatrixRows(Z.transpose(), selected_).transpose();
  }
  if (options_.scaling == Scaling::Standard) standard_.fit(Z);
  if (options_.scaling == Scaling::MinMax) minMax_.fit(Z);
  inputColumns_ = X.cols();
  fitted_ = true;
}

Matrix Pipeline::transform(const Matrix& X) const {
  const char* where = "Pipeline.transform";
  if (!fitted_) throw StateError(std::string(where) + ": not fitted yet; call fit(X, y) first");
  requireColumns(X, inputColumns_, where);
  Matrix Z = options_.impute ? imputer_.transform(X) : X;
  if (!options_.impute) requireFinite(Z, where, "X");
  if (!selected_.empty()) Z = takeMatrixRows(Z.transpose(), selected_).transpose();
  if (options_.scaling == Scaling::Standard) Z = standard_.transform(Z);
  if (options_.scaling == Scaling::MinMax) Z = minMax_.transform(Z);
  return Z;
}

Vector pipelineCrossValScore(Model& model, const Matrix& X, const Vector& y, const PipelineOptions& options,
                             int k, std::uint32_t seed, int maxSteps, bool leaky) {
  const char* where = "pipelineCrossValScore";
  if (X.rows() != y.size() || X.rows() < 2 || X.cols() == 0)
    throw ShapeError(std::string(where) + ": X (" + std::to_string(X.rows()) + " rows) and y (" +
                     std::to_string(y.size()) + " values) must match, with at least 2 rows");
  requireFinite(y, where, "y");
  requireIntInRange(maxSteps, 0, 10'000'000, where, "maxSteps");
  requireIntInRange(k, 2, double(X.rows()), where, "k");
  requireIntInRange(options.selectFeatures, 0, double(X.cols()), where, "selectFeatures");
  std::vector<Fold> folds = model.isClassifier() ? stratifiedKFold(y, k, true, seed)
                                                 : kFold(int(X.rows()), k, true, seed);
  Pipeline everything(options);
  Matrix Xall;
  if (leaky) {
    everything.fit(X, y);  // the mistake: the validation rows shape the preprocessing
    Xall = everything.transform(X);
  }
  Vector scores(k);
  for (int f = 0; f < k; ++f) {
    const Fold& fold = folds[std::size_t(f)];
    Matrix Xtr = takeMatrixRows(X, fold.train), Xte = takeMatrixRows(X, fold.test);
    Vector ytr = takeVectorRows(y, fold.train), yte = takeVectorRows(y, fold.test);
    if (leaky) {
      Xtr = takeMatrixRows(Xall, fold.train);
      Xte = takeMatrixRows(Xall, fold.test);
    } else {
      Pipeline inFold(options);
      inFold.fit(Xtr, ytr);  // the right way: only the training rows are seen
      Xtr = inFold.transform(Xtr);
      Xte = inFold.transform(Xte);
    }
    model.setData(Xtr, ytr);
    model.reset(seed);
    model.fit(maxSteps);
    scores(f) = model.score(Xte, yte);
  }
  return scores;
}

LeakageResult leakageDemo(Model& model, int samples, int features, int select, int k, std::uint32_t seed,
                          int maxSteps) {
  const char* where = "leakageDemo";
  requireIntInRange(samples, 10, 5000, where, "samples");
  requireIntInRange(features, 1, 5000, where, "features");
  requireIntInRange(select, 1, features, where, "select");
  requireIntInRange(k, 2, samples / 2, where, "k");
  if (double(samples) * features > 5e6)
    throw InvalidArgument(std::string(where) + ": samples × features must stay below 5 000 000");
  Rng rng(seed);
  Matrix X(samples, features);
  for (Index i = 0; i < X.rows(); ++i)
    for (Index j = 0; j < X.cols(); ++j) X(i, j) = rng.normal();
  Vector y(samples);
  bool classifier = model.isClassifier();
  for (Index i = 0; i < samples; ++i) y(i) = classifier ? double(i % 2) : rng.normal();
  PipelineOptions options;
  options.selectFeatures = select;
  options.scaling = Scaling::Standard;
  LeakageResult r;
  r.rightScores = pipelineCrossValScore(model, X, y, options, k, seed, maxSteps, false);
  r.leakyScores = pipelineCrossValScore(model, X, y, options, k, seed, maxSteps, true);
  r.rightMean = r.rightScores.mean();
  r.leakyMean = r.leakyScores.mean();
  r.chance = classifier ? 0.5 : 0.0;
  return r;
}

}  // namespace dw

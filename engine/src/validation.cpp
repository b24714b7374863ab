#include "dw/validation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

constexpr int kMaxRows = 100000;

// Classes numbered by first appearance (scikit-learn's StratifiedKFold encoding).
std::vector<int> encodeByFirstAppearance(const Vector& labels, int& classes) {
  std::vector<double> seen;
  std::vector<int> code(static_cast<std::size_t>(labels.size()));
  for (Index i = 0; i < labels.size(); ++i) {
    auto it = std::find(seen.begin(), seen.end(), labels(i));
    if (it == seen.end()) {
      if (seen.size() >= 1000) throw InvalidArgument("stratify: more than 1000 distinct labels");
      seen.push_back(labels(i));
      it = seen.end() - 1;
    }
    code[std::size_t(i)] = int(it - seen.begin());
  }
  classes = int(seen.size());
  return code;
}

std::vector<int> complementOf(const std::vector<int>& taken, int n) {
  std::vector<char> used(std::size_t(n), 0);
  for (int i : taken) used[std::size_t(i)] = 1;
  std::vector<int> rest;
  for (int i = 0; i < n; ++i)
    if (!used[std::size_t(i)]) rest.push_back(i);
  return rest;
}

}  // namespace

void requireTrainingCall(const Matrix& X, const Vector& y, int maxSteps, const char* where) {
  requireSupervisedShape(X, y, 2, where);
  if (X.rows() > kMaxRows) throw ShapeError(std::string(where) + ": at most 100000 rows");
  requireIntInRange(maxSteps, 0, 10'000'000, where, "maxSteps");
}

Matrix takeMatrixRows(const Matrix& X, const std::vector<int>& rows) {
  Matrix out(static_cast<Index>(rows.size()), X.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(Index(i)) = X.row(rows[i]);
  return out;
}

Vector takeVectorRows(const Vector& y, const std::vector<int>& rows) {
  Vector out(static_cast<Index>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) out(Index(i)) = y(rows[i]);
  return out;
}

SplitIndices stratifiedTrainValidationTestSplit(const Vector& labels, double validationFraction,
                                                double testFraction, std::uint32_t seed) {
  const char* where = "stratifiedTrainValidationTestSplit";
  if (labels.size() == 0) throw ShapeError(std::string(where) + ": labels is empty");
  if (labels.size() > kMaxRows) throw ShapeError(std::string(where) + ": at most 100000 labels");
  requireFinite(labels, where, "labels");
  requireInRange(validationFraction, 0.0, 0.9, where, "validationFraction");
  requireInRange(testFraction, 0.0, 0.9, where, "testFraction");
  if (validationFraction + testFraction >= 1.0)
    throw InvalidArgument(std::string(where) + ": validationFraction + testFraction must be below 1");
  int classes = 0;
  std::vector<int> code = encodeByFirstAppearance(labels, classes);
  Rng rng(seed);
  SplitIndices s;
  for (int c = 0; c < classes; ++c) {
    std::vector<int> members;
    for (std::size_t i = 0; i < code.size(); ++i)
      if (code[i] == c) members.push_back(int(i));
    std::vector<int> order = rng.permutation(int(members.size()));
    int nc = int(members.size());
    int nTest = int(std::lround(testFraction * nc));
    int nVal = int(std::lround(validationFraction * nc));
    // Keep at least one point of every class for training: take it back from validation first.
    while (nTest + nVal >= nc && nVal > 0) --nVal;
    while (nTest + nVal >= nc && nTest > 0) --nTest;
    for (int k = 0; k < nc; ++k) {
      int row = members[std::size_t(order[std::size_t(k)])];
      (k < nTest ? s.test : k < nTest + nVal ? s.validation : s.train).push_back(row);
    }
  }
  for (auto* part : {&s.train, &s.validation, &s.test}) std::sort(part->begin(), part->end());
  return s;
}

std::vector<Fold> kFold(int n, int k, bool shuffle, std::uint32_t seed) {
  const char* where = "kFold";
  requireIntInRange(n, 2, kMaxRows, where, "n");
  requireIntInRange(k, 2, n, where, "k");
  std::vector<int> order;
  if (shuffle) {
    Rng rng(seed);
    order = rng.permutation(n);
  } else {
    for (int i = 0; i < n; ++i) order.push_back(i);
  }
  std::vector<Fold> folds(static_cast<std::size_t>(k));
  int start = 0;
  for (int f = 0; f < k; ++f) {
    int size = n / k + (f < n % k ? 1 : 0);  // the first n mod k folds take one extra
    Fold& fold = folds[std::size_t(f)];
    fold.test.assign(order.begin() + start, order.begin() + start + size);
    std::sort(fold.test.begin(), fold.test.end());
    fold.train = complementOf(fold.test, n);
    start += size;
  }
  return folds;
}

std::vector<Fold> stratifiedKFold(const Vector& labels, int k, bool shuffle, std::uint32_t seed) {
  const char* where = "stratifiedKFold";
  int n = int(labels.size());
  if (n > kMaxRows) throw ShapeError(std::string(where) + ": at most 100000 labels");
  requireFinite(labels, where, "labels");
  requireIntInRange(n, 2, kMaxRows, where, "labels.length");
  requireIntInRange(k, 2, n, where, "k");
  int classes = 0;
  std::vector<int> code = encodeByFirstAppearance(labels, classes);
  std::vector<int> counts(std::size_t(classes), 0);
  for (int c : code) ++counts[std::size_t(c)];
  int largest = *std::max_element(counts.begin(), counts.end());
  if (k > largest)
    throw InvalidArgument(std::string(where) + ": k=" + std::to_string(k) +
                          " exceeds the size of every class (largest has " + std::to_string(largest) + ")");
  // allocation[f][c] = how many of class c fold f tests: deal the sorted labels round-robin.
  std::vector<int> sorted = code;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::vector<int>> allocation(std::size_t(k), std::vector<int>(std::size_t(classes), 0));
  for (int i = 0; i < n; ++i) ++allocation[std::size_t(i % k)][std::size_t(sorted[std::size_t(i)])];
  std::vector<int> testFold(std::size_t(n), 0);
  Rng rng(seed);
  for (int c = 0; c < classes; ++c) {
    std::vector<int> foldsForClass;  // fold numbers, repeated by allocation, ascending
    for (int f = 0; f < k; ++f)
      for (int r = 0; r < allocation[std::size_t(f)][std::size_t(c)]; ++r) foldsForClass.push_back(f);
    if (shuffle) {
      std::vector<int> p = rng.permutation(int(foldsForClass.size()));
      std::vector<int> shuffled(foldsForClass.size());
      for (std::size_t i = 0; i < p.size(); ++i) shuffled[i] = foldsForClass[std::size_t(p[i])];
      foldsForClass.swap(shuffled);
    }
    std::size_t next = 0;
    for (int i = 0; i < n; ++i)
      if (code[std::size_t(i)] == c) testFold[std::size_t(i)] = foldsForClass[next++];
  }
  std::vector<Fold> folds(static_cast<std::size_t>(k));
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < k; ++f) (testFold[std::size_t(i)] == f ? folds[std::size_t(f)].test : folds[std::size_t(f)].train).push_back(i);
  return folds;
}

double validationError(const Model& model, const Matrix& X, const Vector& y) {
  if (model.isClassifier()) return 1.0 - model.score(X, y);  // score() is accuracy
  return meanSquaredError(y, model.predict(X));
}

Vector crossValScore(Model& model, const Matrix& X, const Vector& y, int k, std::uint32_t seed,
                     int maxSteps) {
  const char* where = "crossValScore";
  requireTrainingCall(X, y, maxSteps, where);
  requireIntInRange(k, 2, double(X.rows()), where, "k");
  std::vector<Fold> folds = model.isClassifier() ? stratifiedKFold(y, k, true, seed)
                                                 : kFold(int(X.rows()), k, true, seed);
  Vector scores(k);
  for (int f = 0; f < k; ++f) {
    const Fold& fold = folds[std::size_t(f)];
    model.setData(takeMatrixRows(X, fold.train), takeVectorRows(y, fold.train));
    model.reset(seed);
    model.fit(maxSteps);
    scores(f) = model.score(takeMatrixRows(X, fold.test), takeVectorRows(y, fold.test));
  }
  return scores;
}

namespace {

struct HoldOut {
  Matrix Xtrain, Xval;
  Vector ytrain, yval;
};

// Validation rows held out (stratified for classifiers), training rows in a seeded random order.
HoldOut holdOut(const Model& model, const Matrix& X, const Vector& y, double validationFraction,
                std::uint32_t seed, const char* where) {
  requireInRange(validationFraction, 0.05, 0.9, where, "validationFraction");
  SplitIndices s = model.isClassifier()
                       ? stratifiedTrainValidationTestSplit(y, validationFraction, 0.0, seed)
                       : trainValidationTestSplit(int(X.rows()), validationFraction, 0.0, seed);
  if (s.validation.empty())
    throw ShapeError(std::string(where) + ": too few points to hold any out for validation");
  Rng rng(seed ^ 0x9e3779b9u);
  std::vector<int> p = rng.permutation(int(s.train.size()));
  std::vector<int> trainOrder;
  for (int i : p) trainOrder.push_back(s.train[std::size_t(i)]);
  return HoldOut{takeMatrixRows(X, trainOrder), takeMatrixRows(X, s.validation),
                 takeVectorRows(y, trainOrder), takeVectorRows(y, s.validation)};
}

void recordErrors(const Model& model, const Matrix& Xtr, const Vector& ytr, const HoldOut& h,
                  CurvePoints& out, Index i) {
  out.trainLoss(i) = model.loss();
  out.trainError(i) = validationError(model, Xtr, ytr);
  out.validationError(i) = validationError(model, h.Xval, h.yval);
}

CurvePoints allocateCurve(std::size_t n) {
  Index m = Index(n);
  return CurvePoints{Vector(m), Vector(m), Vector(m), Vector(m)};
}

}  // namespace

CurvePoints learningCurve(Model& model, const Matrix& X, const Vector& y, const std::vector<int>& sizes,
                          double validationFraction, std::uint32_t seed, int maxSteps) {
  const char* where = "learningCurve";
  requireTrainingCall(X, y, maxSteps, where);
  if (sizes.empty() || sizes.size() > 1000) throw ShapeError(std::string(where) + ": give 1 to 1000 sizes");
  HoldOut h = holdOut(model, X, y, validationFraction, seed, where);
  for (int n : sizes) requireIntInRange(n, 1, double(h.Xtrain.rows()), where, "size");
  CurvePoints out = allocateCurve(sizes.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    Index n = sizes[i];
    Matrix Xn = h.Xtrain.topRows(n);
    Vector yn = h.ytrain.head(n);
    model.setData(Xn, yn);
    model.reset(seed);
    model.fit(maxSteps);
    out.at(Index(i)) = double(n);
    recordErrors(model, Xn, yn, h, out, Index(i));
  }
  return out;
}

CurvePoints validationCurve(Model& model, const Matrix& X, const Vector& y, const std::vector<double>& values,
                            const ApplyValue& apply, double validationFraction, std::uint32_t seed,
                            int maxSteps) {
  const char* where = "validationCurve";
  requireTrainingCall(X, y, maxSteps, where);
  if (values.empty() || values.size() > 1000) throw ShapeError(std::string(where) + ": give 1 to 1000 values");
  for (double v : values)
    if (!std::isfinite(v)) throw InvalidArgument(std::string(where) + ": value=" + formatNumber(v) + " is not a finite number");
  if (!apply) throw InvalidArgument(std::string(where) + ": no function to apply the values was given");
  HoldOut h = holdOut(model, X, y, validationFraction, seed, where);
  CurvePoints out = allocateCurve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    model.setData(h.Xtrain, h.ytrain);  // first, so a setter can check the value against the data
    apply(model, values[i]);
    model.reset(seed);
    model.fit(maxSteps);
    out.at(Index(i)) = values[i];
    recordErrors(model, h.Xtrain, h.ytrain, h, out, Index(i));
  }
  return out;
}

}  // namespace dw

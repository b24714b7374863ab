#include "dw/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "dw/class_labels.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

void requireSameLength(const Vector& a, const Vector& b, const char* where, const char* nameA,
                       const char* nameB) {
  if (a.size() == 0) throw ShapeError(std::string(where) + ": " + nameA + " is empty");
  if (a.size() != b.size())
    throw ShapeError(std::string(where) + ": " + nameA + " has " + std::to_string(a.size()) +
                     " values but " + nameB + " has " + std::to_string(b.size()));
  requireFinite(a, where, nameA);
  requireFinite(b, where, nameB);
}

void requireBinaryLabels(const Vector& y, const char* where, const char* name) {
  for (Index i = 0; i < y.size(); ++i)
    if (y(i) != 0.0 && y(i) != 1.0)
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "]=" +
                            formatNumber(y(i)) + " is not a binary label (0 or 1)");
}

double mseMetric(const Vector& yTrue, const Vector& yPred) {
  requireSameLength(yTrue, yPred, "meanSquaredError", "yTrue", "yPred");
  return meanSquaredError(yTrue, yPred);
}
double maeMetric(const Vector& yTrue, const Vector& yPred) {
  requireSameLength(yTrue, yPred, "meanAbsoluteError", "yTrue", "yPred");
  return meanAbsoluteError(yTrue, yPred);
}
double r2Metric(const Vector& yTrue, const Vector& yPred) {
  requireSameLength(yTrue, yPred, "r2Score", "yTrue", "yPred");
  return r2Score(yTrue, yPred);
}
double accuracyMetric(const Vector& yTrue, const Vector& yPred) {
  requireSameLength(yTrue, yPred, "accuracy", "yTrue", "yPred");
  return accuracy(yTrue, yPred);
}

BinaryConfusion confusionAtThreshold(const Vector& yTrue, const Vector& scores, double threshold) {
  const char* where = "confusionAtThreshold";
  requireSameLength(yTrue, scores, where, "yTrue", "scores");
  requireBinaryLabels(yTrue, where, "yTrue");
  if (std::isnan(threshold)) throw InvalidArgument(std::string(where) + ": threshold=NaN is not a number");
  BinaryConfusion c;
  for (Index i = 0; i < yTrue.size(); ++i) {
    bool predicted = scores(i) >= threshold, actual = yTrue(i) == 1.0;
    if (predicted) (actual ? c.tp : c.fp) += 1;
    else (actual ? c.fn : c.tn) += 1;
  }
  return c;
}

BinaryConfusion binaryConfusion(const Vector& yTrue, const Vector& yPred, const char* where) {
  requireSameLength(yTrue, yPred, where, "yTrue", "yPred");
  requireBinaryLabels(yTrue, where, "yTrue");
  requireBinaryLabels(yPred, where, "yPred");
  return confusionAtThreshold(yTrue, yPred, 0.5);
}

Matrix confusionMatrix(const Vector& yTrue, const Vector& yPred, int classes) {
  const char* where = "confusionMatrix";
  requireIntInRange(classes, 1, 1000, where, "classes");
  requireSameLength(yTrue, yPred, where, "yTrue", "yPred");
  classLabelCount(yTrue, classes, where, "yTrue");
  classLabelCount(yPred, classes, where, "yPred");
  Matrix cm = Matrix::Zero(classes, classes);
  for (Index i = 0; i < yTrue.size(); ++i) cm(Index(yTrue(i)), Index(yPred(i))) += 1;
  return cm;
}

namespace {
double ratioOrZero(double num, double den) { return den == 0 ? 0.0 : num / den; }
}  // namespace

double precisionOf(const BinaryConfusion& c) { return ratioOrZero(c.tp, c.tp + c.fp); }
double recallOf(const BinaryConfusion& c) { return ratioOrZero(c.tp, c.tp + c.fn); }
double specificityOf(const BinaryConfusion& c) { return ratioOrZero(c.tn, c.tn + c.fp); }
// F1 = 2PR/(P+R) = 2tp/(2tp+fp+fn); the second form is 0/0 only when tp=fp=fn=0.
double f1Of(const BinaryConfusion& c) { return ratioOrZero(2 * c.tp, 2 * c.tp + c.fp + c.fn); }

double precisionScore(const Vector& t, const Vector& p) { return precisionOf(binaryConfusion(t, p, "precision")); }
double recallScore(const Vector& t, const Vector& p) { return recallOf(binaryConfusion(t, p, "recall")); }
double specificityScore(const Vector& t, const Vector& p) { return specificityOf(binaryConfusion(t, p, "specificity")); }
double f1Score(const Vector& t, const Vector& p) { return f1Of(binaryConfusion(t, p, "f1Score")); }

double logLoss(const Vector& yTrue, const Vector& pPositive, double eps) {
  const char* where = "logLoss";
  requireSameLength(yTrue, pPositive, where, "yTrue", "p");
  requireBinaryLabels(yTrue, where, "yTrue");
  requireInOpenClosed(eps, 0.0, 0.25, where, "eps");
  requireInRange(pPositive.minCoeff(), 0.0, 1.0, where, "min(p)");
  requireInRange(pPositive.maxCoeff(), 0.0, 1.0, where, "max(p)");
  double sum = 0;
  for (Index i = 0; i < yTrue.size(); ++i) {
    double p = std::clamp(pPositive(i), eps, 1.0 - eps);
    sum += yTrue(i) == 1.0 ? std::log(p) : std::log(1.0 - p);
  }
  return -sum / double(yTrue.size());
}

double logLossMulticlass(const Vector& yTrue, const Matrix& proba, double eps) {
  const char* where = "logLossMulticlass";
  if (yTrue.size() == 0) throw ShapeError(std::string(where) + ": yTrue is empty");
  if (proba.rows() != yTrue.size() || proba.cols() < 2)
    throw ShapeError(std::string(where) + ": proba must have one row per label (" +
                     std::to_string(yTrue.size()) + ") and at least 2 columns, got " +
                     std::to_string(proba.rows()) + "x" + std::to_string(proba.cols()));
  requireFinite(yTrue, where, "yTrue");
  requireFinite(proba, where, "proba");
  requireInOpenClosed(eps, 0.0, 0.25, where, "eps");
  classLabelCount(yTrue, int(proba.cols()), where, "yTrue");
  if (proba.minCoeff() < 0) throw InvalidArgument(std::string(where) + ": probabilities must not be negative");
  double sum = 0;
  for (Index i = 0; i < yTrue.size(); ++i) {
    // Clip each probability, then renormalise the row (scikit-learn's log_loss).
    Eigen::RowVectorXd row = proba.row(i).array().max(eps).min(1.0 - eps).matrix();
    sum += std::log(row(Index(yTrue(i))) / row.sum());
  }
  return -sum / double(yTrue.size());
}

namespace {

// Cumulative counts at each distinct score, strictest first: entry j counts the points whose
// score is >= thresholds[j] (scikit-learn's _binary_clf_curve).
struct BinaryCurve {
  std::vector<double> tps, fps, thresholds;
};

BinaryCurve binaryCurve(const Vector& yTrue, const Vector& scores, const char* where) {
  requireSameLength(yTrue, scores, where, "yTrue", "scores");
  requireBinaryLabels(yTrue, where, "yTrue");
  std::vector<Index> order(static_cast<std::size_t>(yTrue.size()));
  std::iota(order.begin(), order.end(), Index(0));
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return scores(a) > scores(b); });
  BinaryCurve c;
  double tp = 0, fp = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    (yTrue(order[k]) == 1.0 ? tp : fp) += 1;
    // Close a point only after the last of a run of tied scores: ties move together.
    bool lastOfTie = k + 1 == order.size() || scores(order[k + 1]) != scores(order[k]);
    if (lastOfTie) {
      c.tps.push_back(tp);
      c.fps.push_back(fp);
      c.thresholds.push_back(scores(order[k]));
    }
  }
  return c;
}

}  // namespace

RocCurve rocCurve(const Vector& yTrue, const Vector& scores) {
  const char* where = "rocCurve";
  BinaryCurve c = binaryCurve(yTrue, scores, where);
  double positives = c.tps.back(), negatives = c.fps.back();
  if (positives == 0 || negatives == 0)
    throw InvalidArgument(std::string(where) + ": yTrue holds only " +
                          (positives == 0 ? "negatives (0)" : "positives (1)") +
                          "; a ROC curve needs both classes");
  std::size_t m = c.tps.size();
  RocCurve r{Vector(Index(m + 1)), Vector(Index(m + 1)), Vector(Index(m + 1))};
  r.fpr(0) = 0;
  r.tpr(0) = 0;
  r.thresholds(0) = std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < m; ++j) {
    r.fpr(Index(j + 1)) = c.fps[j] / negatives;
    r.tpr(Index(j + 1)) = c.tps[j] / positives;
    r.thresholds(Index(j + 1)) = c.thresholds[j];
  }
  return r;
}

double trapezoidArea(const Vector& x, const Vector& y) {
  requireSameLength(x, y, "trapezoidArea", "x", "y");
  double area = 0;
  for (Index i = 1; i < x.size(); ++i) area += (x(i) - x(i - 1)) * (y(i) + y(i - 1)) / 2.0;
  return std::fabs(area);
}

double rocAuc(const Vector& yTrue, const Vector& scores) {
  RocCurve r = rocCurve(yTrue, scores);
  return trapezoidArea(r.fpr, r.tpr);
}

double mannWhitneyAuc(const Vector& yTrue, const Vector& scores) {
  const char* where = "mannWhitneyAuc";
  requireSameLength(yTrue, scores, where, "yTrue", "scores");
  requireBinaryLabels(yTrue, where, "yTrue");
  // U = R₊ − n₊(n₊+1)/2 with R₊ the sum of the positives' mid-ranks (ties share the average
  // rank, which is what counts a tied pair as ½); AUC = U / (n₊ n₋).
  Index n = scores.size();
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index(0));
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return scores(a) < scores(b); });
  double rankSumPositive = 0, positives = yTrue.sum(), negatives = double(n) - positives;
  if (positives == 0 || negatives == 0)
    throw InvalidArgument(std::string(where) + ": yTrue holds only one class; the statistic needs both");
  for (Index start = 0; start < n;) {
    Index end = start;
    while (end + 1 < n && scores(order[end + 1]) == scores(order[start])) ++end;
    double midRank = (double(start + 1) + double(end + 1)) / 2.0;  // ranks are 1-based
    for (Index k = start; k <= end; ++k)
      if (yTrue(order[k]) == 1.0) rankSumPositive += midRank;
    start = end + 1;
  }
  return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * negatives);
}

PrecisionRecallCurve precisionRecallCurve(const Vector& yTrue, const Vector& scores) {
  const char* where = "precisionRecallCurve";
  BinaryCurve c = binaryCurve(yTrue, scores, where);
  double positives = c.tps.back();
  if (positives == 0)
    throw InvalidArgument(std::string(where) + ": yTrue holds no positives (1); recall is undefined");
  std::size_t m = c.tps.size();
  PrecisionRecallCurve r{Vector(Index(m + 1)), Vector(Index(m + 1)), Vector(Index(m))};
  // Reversed so thresholds increase and recall decreases, as scikit-learn returns them.
  for (std::size_t j = 0; j < m; ++j) {
    std::size_t src = m - 1 - j;
    r.precision(Index(j)) = c.tps[src] / (c.tps[src] + c.fps[src]);  // never 0/0: a threshold admits ≥ 1 point
    r.recall(Index(j)) = c.tps[src] / positives;
    r.thresholds(Index(j)) = c.thresholds[src];
  }
  r.precision(Index(m)) = 1.0;
  r.recall(Index(m)) = 0.0;
  return r;
}

double averagePrecision(const Vector& yTrue, const Vector& scores) {
  PrecisionRecallCurve c = precisionRecallCurve(yTrue, scores);
  // AP = −Σᵢ (recall[i+1] − recall[i]) · precision[i]  (recall decreases along the arrays).
  double ap = 0;
  for (Index i = 0; i + 1 < c.recall.size(); ++i) ap -= (c.recall(i + 1) - c.recall(i)) * c.precision(i);
  return ap;
}

}  // namespace dw

// A tiny classifier used only by the evaluation tests, so cross-validation, curves and the
// leakage demo can be exercised on the classifier path without depending on another family.
// Nearest centroid: predicts the class whose training mean is closest (Euclidean).
#pragma once
#include <string>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/model.hpp"
#include "dw/validate.hpp"

namespace evaltest {

class NearestCentroid : public dw::Model {
 public:
  const char* name() const override { return "NearestCentroid"; }
  void setData(const dw::Matrix& X, const dw::Vector& y) override {
    dw::requireSupervisedShape(X, y, 1, "NearestCentroid.setData");
    X_ = X;
    y_ = y;
    featureCount_ = X.cols();
    restartTrace();
  }
  bool isClassifier() const override { return true; }
  int classCount() const override { return 2; }
  double score(const dw::Matrix& X, const dw::Vector& y) const override { return dw::accuracy(y, predict(X)); }
  dw::Vector predict(const dw::Matrix& X) const override {
    dw::Vector out(X.rows());
    for (dw::Index i = 0; i < X.rows(); ++i)
      out(i) = (X.row(i).transpose() - c1_).squaredNorm() < (X.row(i).transpose() - c0_).squaredNorm() ? 1.0 : 0.0;
    return out;
  }
  dw::Vector params() const override {
    dw::Vector p(2 * c0_.size());
    p << c0_, c1_;
    return p;
  }
  double trainingLoss() const override { return 1.0 - score(X_, y_); }
  int shrinkCalls = 0;
  double shrink = 0.0;  // a fake hyper-parameter for validation-curve tests

 protected:
  void resetParams() override {
    c0_ = dw::Vector::Zero(featureCount_);
    c1_ = dw::Vector::Zero(featureCount_);
  }
  void doStep() override {
    dw::Vector s0 = dw::Vector::Zero(featureCount_), s1 = s0;
    double n0 = 0, n1 = 0;
    for (dw::Index i = 0; i < X_.rows(); ++i) {
      if (y_(i) == 1) { s1 += X_.row(i).transpose(); n1 += 1; } else { s0 += X_.row(i).transpose(); n0 += 1; }
    }
    c0_ = n0 ? dw::Vector(s0 / n0) : s0;
    c1_ = n1 ? dw::Vector(s1 / n1) : s1;
    c0_ *= 1.0 - shrink;
    c1_ *= 1.0 - shrink;
    status_ = dw::Status::Converged;
  }
  void recordTrace() override {
    if (trace_.columns().empty()) trace_.setColumns({"loss"});
    trace_.append({X_.rows() ? loss() : 0.0});
  }

 private:
  dw::Matrix X_;
  dw::Vector y_, c0_, c1_;
};

}  // namespace evaltest

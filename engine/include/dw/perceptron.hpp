// Rosenblatt's perceptron for two classes. Labels 0/1 are used as t = −1/+1; one step() is one
// epoch: for each point in turn, if t·(x·w + b) ≤ 0 (a mistake, including the undecided 0),
// w += η·t·x and b += η·t. Learning is finished (converged) after an epoch with no mistakes,
// which happens in finitely many epochs exactly when the data are linearly separable.
// With shuffle off this is scikit-learn's Perceptron(shuffle=False, eta0=η, alpha=0).
#pragma once
#include "dw/model.hpp"
#include "dw/rng.hpp"

namespace dw {

class Perceptron : public SupervisedModel {
 public:
  const char* name() const override { return "Perceptron"; }

  // setData (SupervisedModel): labels exactly 0/1, both present.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;  // 1 where x·w + b > 0, else 0
  bool isClassifier() const override { return true; }
  int classCount() const override { return 2; }
  // The perceptron has no probabilities: rows are one-hot (1 for the predicted class), which
  // is what a heat map of its decision regions needs.
  Matrix predictProba(const Matrix& X) const override;
  Vector params() const override;  // [w_0 … w_{d-1}, b]
  // Perceptron criterion: mean over points of max(0, −t·(x·w + b)).
  double trainingLoss() const override;

  Vector decisionFunction(const Matrix& X) const;  // x·w + b per row
  void setLearningRate(double eta);                // (0, 100], default 1
  double learningRate() const { return learningRate_; }
  // Visit the points in a fresh random order each epoch (drawn from the model's seed). Off by
  // default (points in their given order).
  void setShuffle(bool shuffle);
  bool shuffle() const { return shuffle_; }
  void setParams(const Vector& p);  // starting [w…, b]; restarts the trace
  // Mistakes (updates) made during the last epoch; −1 before the first.
  int lastEpochMistakes() const { return lastMistakes_; }
  // Training points currently misclassified (t·(x·w + b) ≤ 0).
  int trainingErrors() const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  Vector t_;  // labels y_ as −1/+1
  Vector w_;
  double b_ = 0.0;
  double learningRate_ = 1.0;
  bool shuffle_ = false;
  int lastMistakes_ = -1;
  Rng rng_;
};

}  // namespace dw

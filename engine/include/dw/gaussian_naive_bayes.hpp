// Gaussian naive Bayes: each class is modelled as an axis-aligned Gaussian (features independent
// given the class), and Bayes' rule turns the class-conditional densities into probabilities.
// Fitting is closed form, done by the first step(), which converges.
#pragma once
#include "dw/model.hpp"

namespace dw {

class GaussianNaiveBayes : public SupervisedModel {
 public:
  const char* name() const override { return "GaussianNaiveBayes"; }

  // y holds class labels 0…K−1 with K ≥ 2 and every class present.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;
  // [priors (K), means (K×d row-major), variances (K×d row-major)]; empty before the first step.
  Vector params() const override;
  // Mean negative log-likelihood of the training labels (log loss); NaN before the first step.
  double trainingLoss() const override;

  bool isClassifier() const override { return true; }
  int classCount() const override { return classes_; }
  Matrix predictProba(const Matrix& X) const override;
  // Per-class log p(c) + log p(x | c) (scikit-learn's joint log-likelihood), n × K.
  Matrix jointLogLikelihood(const Matrix& X) const;

  // The portion of the largest feature variance added to every variance (default 1e-9, as
  // scikit-learn's var_smoothing), in [0, 1].
  void setVarSmoothing(double portion);
  double varSmoothing() const { return varSmoothing_; }

  bool fitted() const { return fitted_; }
  // The fitted statistics (StateError before the model is fitted).
  const Vector& priors() const { requireFitted("GaussianNaiveBayes.priors"); return priors_; }    // K
  const Matrix& means() const { requireFitted("GaussianNaiveBayes.means"); return means_; }      // K × d
  const Matrix& variances() const { requireFitted("GaussianNaiveBayes.variances"); return vars_; }  // K × d, smoothing included

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  // A changed setting discards what was learnt (see Model::settingsChanged).
  void restartLearning() override { resetParams(); }
  void doStep() override;
  void recordTrace() override;

 private:
  void requireFitted(const char* where) const;

  int classes_ = 0;
  double varSmoothing_ = 1e-9;
  bool fitted_ = false;
  Vector priors_;
  Matrix means_;
  Matrix vars_;
};

}  // namespace dw

// Multinomial naive Bayes: the classic bag-of-words text classifier (the spam filter). Each class
// c is a bag of words with word probabilities θ_c (Laplace/Lidstone smoothed counts), words are
// assumed independent given the class, and Bayes' rule gives p(c | document). Features are
// non-negative counts (one column per vocabulary id). Fitting is closed form: the first step()
// counts and converges. Matches scikit-learn's MultinomialNB (class_log_prior_,
// feature_log_prob_, predict_proba).
#pragma once
#include "dw/model.hpp"

namespace dw {

class MultinomialNaiveBayes : public SupervisedModel {
 public:
  // scikit-learn replaces a smoothing below 1e-10 by 1e-10 (so log θ stays finite); so do we.
  static constexpr double kMinEffectiveAlpha = 1e-10;

  const char* name() const override { return "MultinomialNaiveBayes"; }

  // X: n × V non-negative finite counts; y: labels 0…K−1, K ≥ 2, every class present.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;
  // [class log-priors (K), feature log-probabilities (K × V row-major)]; empty before the first step.
  Vector params() const override;
  // Mean negative log-likelihood of the training labels (log loss); NaN before the first step.
  double trainingLoss() const override;

  bool isClassifier() const override { return true; }
  int classCount() const override { return classes_; }
  Matrix predictProba(const Matrix& X) const override;
  // log p(c) + Σ_j x_j log θ_cj per row and class (scikit-learn's joint log-likelihood), n × K.
  Matrix jointLogLikelihood(const Matrix& X) const;

  // Additive (Lidstone) smoothing α in [0, 1e6], default 1 (Laplace). α < 1e-10 acts as 1e-10.
  void setAlpha(double alpha);
  double alpha() const { return alpha_; }
  // true (default): priors from class frequencies; false: uniform priors 1/K.
  void setFitPrior(bool fit);
  bool fitPrior() const { return fitPrior_; }

  bool fitted() const { return fitted_; }
  // The fitted statistics (StateError before the model is fitted).
  const Vector& classLogPrior() const { requireFitted("MultinomialNaiveBayes.classLogPrior"); return classLogPrior_; }  // K
  const Matrix& featureLogProb() const { requireFitted("MultinomialNaiveBayes.featureLogProb"); return featureLogProb_; }  // K × V: log θ_cj
  const Matrix& featureCounts() const { requireFitted("MultinomialNaiveBayes.featureCounts"); return featureCounts_; }  // K × V

  // log θ_positive,j − log θ_negative,j for every feature j: how many nats of evidence for
  // `positive` over `negative` one occurrence of word j adds (the "spamminess" of a word).
  Vector featureLogRatio(int positive, int negative) const;
  // For one document x (V counts): [prior log-odds, x_1·ratio_1, …, x_V·ratio_V] for positive vs
  // negative; their sum is the log-odds log p(positive | x) − log p(negative | x).
  Vector logOddsContributions(const Vector& x, int positive, int negative) const;

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
  void requireClass(int c, const char* where, const char* name) const;
  void requireCountRows(const Matrix& X, const char* where) const;

  int classes_ = 0;
  double alpha_ = 1.0;
  bool fitPrior_ = true;
  bool fitted_ = false;
  Vector classLogPrior_;
  Matrix featureLogProb_;
  Matrix featureCounts_;
};

}  // namespace dw

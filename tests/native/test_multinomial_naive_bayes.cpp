#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/multinomial_naive_bayes.hpp"
#include "dw/text_features.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::MultinomialNaiveBayes;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
double maxDiff(const Matrix& a, const Matrix& b) {
  REQUIRE(a.rows() == b.rows());
  REQUIRE(a.cols() == b.cols());
  return (a - b).cwiseAbs().maxCoeff();
}

void checkAgainst(const char* name) {
  INFO(name);
  fixture::Json f = fixture::load(name);
  MultinomialNaiveBayes m;
  m.setAlpha(f["alpha"].num());
  m.setFitPrior(f["fit_prior"].num() != 0);
  m.setData(f["X"].matrix(), f["y"].vector());
  m.step();
  CHECK(m.status() == dw::Status::Converged);
  CHECK(maxDiff(m.classLogPrior().transpose(), f["class_log_prior"].vector().transpose()) < 1e-10);
  CHECK(maxDiff(m.featureLogProb(), f["feature_log_prob"].matrix()) < 1e-10);
  CHECK(maxDiff(m.featureCounts(), f["feature_count"].matrix()) == 0);
  Matrix Q = f["queries"].matrix();
  CHECK(maxDiff(m.predictProba(Q), f["proba"].matrix()) < 1e-10);
  CHECK(m.predict(Q) == f["predict"].vector());
  CHECK(m.score(f["X"].matrix(), f["y"].vector()) == Approx(f["train_score"].num()));
  CHECK(m.loss() == Approx(f["train_log_loss"].num()).epsilon(1e-12));
}
}  // namespace

TEST_CASE("multinomial naive Bayes matches scikit-learn's MultinomialNB", "[mnb][sklearn]") {
  checkAgainst("text_mnb_poisson_alpha1");
  checkAgainst("text_mnb_poisson_alpha05_uniform");
  checkAgainst("text_mnb_spam");
}

TEST_CASE("multinomial naive Bayes on the engine's own bag of words equals scikit-learn's", "[mnb][sklearn]") {
  fixture::Json f = fixture::load("text_mnb_spam");
  std::vector<std::string> texts, queries, names;
  for (std::size_t i = 0; i < f["texts"].size(); ++i) texts.push_back(f["texts"][i].text);
  for (std::size_t i = 0; i < f["query_texts"].size(); ++i) queries.push_back(f["query_texts"][i].text);
  dw::Vocabulary v;
  v.build(texts);
  // The engine's columns are a permutation of scikit-learn's plus the <unk> column, which is all
  // zeros on the training texts; with α smoothing that column still takes α/(N_c + αV) of the
  // mass, so drop it to compare like with like.
  Matrix X = dw::bagOfWords(texts, v).rightCols(v.size() - 1);
  Matrix Q = dw::bagOfWords(queries, v).rightCols(v.size() - 1);
  MultinomialNaiveBayes m;
  m.setData(X, f["y"].vector());
  m.fit(1);
  CHECK(maxDiff(m.predictProba(Q), f["proba"].matrix()) < 1e-10);
}

TEST_CASE("multinomial naive Bayes by hand", "[mnb]") {
  // Two words; class 0 documents use word 0, class 1 word 1. α = 1.
  Matrix X(3, 2);
  X << 2, 0, 1, 1, 0, 3;
  Vector y(3);
  y << 0, 0, 1;
  MultinomialNaiveBayes m;
  m.setData(X, y);
  CHECK_THROWS_WITH(m.predict(X), Contains("not fitted yet"));
  CHECK(std::isnan(m.loss()));
  CHECK(m.params().size() == 0);
  m.step();
  // Class 0 counts (3, 1) → θ = (4/6, 2/6); class 1 counts (0, 3) → θ = (1/5, 4/5).
  CHECK(m.classLogPrior()(0) == Approx(std::log(2.0 / 3.0)));
  CHECK(std::exp(m.featureLogProb()(0, 0)) == Approx(4.0 / 6.0));
  CHECK(std::exp(m.featureLogProb()(1, 1)) == Approx(4.0 / 5.0));
  Vector ratio = m.featureLogRatio(1, 0);
  CHECK(ratio(1) == Approx(std::log((4.0 / 5.0) / (2.0 / 6.0))));
  // One document "word1 word1": log-odds = log(1/2) + 2 log(0.8 / (1/3)).
  Vector x(2);
  x << 0, 2;
  Vector parts = m.logOddsContributions(x, 1, 0);
  CHECK(parts(0) == Approx(std::log(0.5)));
  CHECK(parts(1) == 0);
  CHECK(parts(2) == Approx(2 * std::log(2.4)));
  double odds = std::exp(parts.sum());
  CHECK(m.predictProba(x.transpose())(0, 1) == Approx(odds / (1 + odds)));
  CHECK(m.params().size() == 2 + 4);
  CHECK(m.trace().rows() == 2);
  CHECK(m.trace().at(1, "accuracy") == 1.0);

  // α changes invalidate the fit; α = 0 behaves as 1e-10 and stays finite.
  m.setAlpha(0);
  CHECK_FALSE(m.fitted());
  m.step();
  CHECK(std::isfinite(m.featureLogProb()(1, 0)));
  CHECK(m.featureLogProb()(1, 0) < -20);
  Matrix p = m.predictProba(X);
  CHECK(p.allFinite());
  CHECK(std::isfinite(m.loss()));

  m.setFitPrior(false);
  m.step();
  CHECK(m.classLogPrior()(0) == Approx(std::log(0.5)));
}

TEST_CASE("multinomial naive Bayes rejects bad input and keeps working", "[mnb]") {
  MultinomialNaiveBayes m;
  Matrix X(2, 2);
  X << 1, 0, 0, 1;
  Vector y(2);
  y << 0, 1;
  CHECK_THROWS_WITH(m.setAlpha(-0.5), Contains("alpha=-0.5"));
  CHECK_THROWS_AS(m.setAlpha(std::numeric_limits<double>::quiet_NaN()), dw::InvalidArgument);
  Matrix neg = X;
  neg(0, 0) = -1;
  CHECK_THROWS_WITH(m.setData(neg, y), Contains("must be ≥ 0"));
  Matrix nan = X;
  nan(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(m.setData(nan, y), dw::InvalidArgument);
  Vector one(2);
  one << 0, 0;
  CHECK_THROWS_WITH(m.setData(X, one), Contains("single class"));
  CHECK_THROWS_AS(m.setData(X, Vector::Zero(3)), dw::ShapeError);
  CHECK(m.status() == dw::Status::Empty);
  m.setData(X, y);
  m.fit(5);
  CHECK(m.score(X, y) == 1.0);
  CHECK_THROWS_AS(m.predict(Matrix::Ones(1, 3)), dw::ShapeError);
  CHECK_THROWS_AS(m.predict(-Matrix::Ones(1, 2)), dw::InvalidArgument);
  CHECK_THROWS_WITH(m.featureLogRatio(2, 0), Contains("positive=2 is not a class"));
  CHECK_THROWS_AS(m.logOddsContributions(Vector::Ones(3), 1, 0), dw::ShapeError);
  // Same data, same model: closed form, nothing random.
  MultinomialNaiveBayes twin;
  twin.setData(X, y);
  twin.reset(99);
  twin.step();
  CHECK(twin.params() == m.params());
}

// Bayesian search: seeded random starts, then argmax of expected improvement over a grid of
// candidates under a Gaussian-process surrogate (dw/bayes_search.hpp).
#include "dw/bayes_search.hpp"

#include <limits>

#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

BayesSearch::BayesSearch() {
  gp_.setNoise(1e-4);
  reset(0);
}

void BayesSearch::setInitialTrials(int n) {
  requireIntInRange(n, 1, 50, "BayesSearch.setInitialTrials", "n");
  initialTrials_ = n;
  reset(seed_);
}

void BayesSearch::setCandidatesPerAxis(int m) {
  requireIntInRange(m, 2, 200, "BayesSearch.setCandidatesPerAxis", "m");
  candidates_ = m;
}

void BayesSearch::setXi(double xi) {
  requireInRange(xi, 0, 10, "BayesSearch.setXi", "xi");
  xi_ = xi;
}

void BayesSearch::setKernel(const std::string& name) {
  if (name != "rbf" && name != "matern52")
    throw InvalidArgument("BayesSearch.setKernel: kernel \"" + name + "\" is not one of rbf, matern52");
  gp_.setKernel(name);
}

void BayesSearch::setLengthScale(double ell) {
  if (ell != 0) requireInOpenClosed(ell, 0, 100, "BayesSearch.setLengthScale", "lengthScale");
  lengthScale_ = ell;
}

void BayesSearch::setNoise(double noise) {
  requireInRange(noise, 0, 10, "BayesSearch.setNoise", "noise");
  gp_.setNoise(noise);
}

void BayesSearch::reset(std::uint32_t seed) {
  seed_ = seed;
  Rng rng(seed);
  starts_.resize(initialTrials_, 2);
  for (int i = 0; i < initialTrials_; ++i) {
    starts_(i, 0) = rng.uniform();
    starts_(i, 1) = rng.uniform();
  }
  points_.resize(0, 2);
  scores_.resize(0);
}

void BayesSearch::tell(double u, double v, double score) {
  const char* where = "BayesSearch.tell";
  requireInRange(u, 0, 1, where, "u");
  requireInRange(v, 0, 1, where, "v");
  requireInRange(score, -1e300, 1e300, where, "score");
  const Index n = points_.rows();
  points_.conservativeResize(n + 1, 2);
  points_(n, 0) = u;
  points_(n, 1) = v;
  scores_.conservativeResize(n + 1);
  scores_(n) = score;
}

double BayesSearch::best() const {
  if (scores_.size() == 0) throw StateError("BayesSearch.best: no scores told yet");
  return scores_.maxCoeff();
}

double BayesSearch::fitSurrogate(GaussianProcess& gp) const {
  if (lengthScale_ > 0) {
    gp.setLengthScale(lengthScale_);
    gp.fit(points_, scores_);
    return lengthScale_;
  }
  // ℓ by type-II maximum likelihood over a small fixed grid (no gradient search: a handful of
  // Cholesky factors of at most a few dozen rows, and the same answer everywhere).
  double bestEll = kLengthScales[0];
  double bestLml = -std::numeric_limits<double>::infinity();
  for (double ell : kLengthScales) {
    gp.setLengthScale(ell);
    gp.fit(points_, scores_);
    double lml = gp.logMarginalLikelihood();
    if (lml > bestLml) {
      bestLml = lml;
      bestEll = ell;
    }
  }
  gp.setLengthScale(bestEll);
  gp.fit(points_, scores_);
  return bestEll;
}

BayesProposal BayesSearch::next() const {
  BayesProposal p;
  const Index told = points_.rows();
  if (told < initialTrials_) {
    p.u = starts_(told, 0);
    p.v = starts_(told, 1);
    return p;
  }
  GaussianProcess gp = gp_;
  p.lengthScale = fitSurrogate(gp);
  const int m = candidates_;
  Matrix Q(static_cast<Index>(m) * m, 2);
  for (int j = 0; j < m; ++j)
    for (int i = 0; i < m; ++i) {
      Q(j * m + i, 0) = (i + 0.5) / m;
      Q(j * m + i, 1) = (j + 0.5) / m;
    }
  GpPrediction post = gp.predict(Q);
  const double incumbent = scores_.maxCoeff();
  Index arg = 0;
  double bestEi = -1;
  for (Index c = 0; c < Q.rows(); ++c) {
    double ei = expectedImprovement(post.mean(c), post.std(c), incumbent, xi_);
    if (ei > bestEi) {
      bestEi = ei;
      arg = c;
    }
  }
  p.initial = false;
  p.u = Q(arg, 0);
  p.v = Q(arg, 1);
  p.mean = post.mean(arg);
  p.std = post.std(arg);
  p.ei = bestEi;
  return p;
}

BayesSurface BayesSearch::surface(int n) const {
  requireIntInRange(n, 1, 200, "BayesSearch.surface", "n");
  if (scores_.size() == 0) throw StateError("BayesSearch.surface: no scores told yet");
  GaussianProcess gp = gp_;
  BayesSurface s;
  s.n = n;
  s.lengthScale = fitSurrogate(gp);
  Matrix Q(static_cast<Index>(n) * n, 2);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      Q(j * n + i, 0) = (i + 0.5) / n;
      Q(j * n + i, 1) = (j + 0.5) / n;
    }
  GpPrediction post = gp.predict(Q);
  s.mean = post.mean;
  s.std = post.std;
  s.ei.resize(Q.rows());
  const double incumbent = scores_.maxCoeff();
  for (Index c = 0; c < Q.rows(); ++c) s.ei(c) = expectedImprovement(post.mean(c), post.std(c), incumbent, xi_);
  return s;
}

GpPrediction BayesSearch::predict(const Matrix& Q) const {
  if (scores_.size() == 0) throw StateError("BayesSearch.predict: no scores told yet");
  requireQuery(Q, 2, "BayesSearch.predict");
  GaussianProcess gp = gp_;
  fitSurrogate(gp);
  return gp.predict(Q);
}

}  // namespace dw

// Bayesian hyper-parameter search over the unit square (two hyper-parameters, each already
// log-scaled and normalised to [0, 1] by the caller). The first `initialTrials` trials are
// seeded uniform draws; every later trial is the candidate with the largest expected improvement
// (dw/gaussian_process.hpp) under a Gaussian process fitted to all scores told so far. Candidates
// are the cell centres of an m × m grid, ((i + ½)/m, (j + ½)/m), u fastest; ties go to the first
// in that order, so a seed fixes every proposal. The score is MAXIMISED.
//
// Length scale: fixed when setLengthScale(ℓ > 0); with ℓ = 0 (the default) each fit picks the ℓ
// in kLengthScales with the largest log marginal likelihood (first on ties).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dw/gaussian_process.hpp"
#include "dw/types.hpp"

namespace dw {

struct BayesProposal {
  double u = 0, v = 0;       // where to try next, in [0, 1]²
  bool initial = true;       // a seeded random start rather than an EI choice
  double mean = 0, std = 0;  // GP posterior there (0, 0 for an initial trial)
  double ei = 0;             // its expected improvement (0 for an initial trial)
  double lengthScale = 0;    // ℓ of the GP behind it (0 for an initial trial)
};

// The GP's view of the square on an n × n grid of cell centres (u fastest, v upward), each in the
// units of the scores, plus the ℓ used.
struct BayesSurface {
  int n = 0;
  Vector mean, std, ei;
  double lengthScale = 0;
};

class BayesSearch {
 public:
  static constexpr std::array<double, 7> kLengthScales{0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8};

  // 4 initial trials, a 41 × 41 candidate grid, ξ = 0.01, Matérn 5/2, ℓ chosen by likelihood,
  // noise 1e-4, seed 0.
  BayesSearch();
  const char* name() const { return "BayesSearch"; }

  void setInitialTrials(int n);        // [1, 50]; resets with the current seed
  void setCandidatesPerAxis(int m);    // [2, 200]
  void setXi(double xi);               // [0, 10]
  void setKernel(const std::string& name);  // "rbf" | "matern52"
  void setLengthScale(double ell);     // 0 (choose by likelihood) or (0, 100]
  void setNoise(double noise);         // [0, 10], on the normalised scores
  int initialTrials() const { return initialTrials_; }
  int candidatesPerAxis() const { return candidates_; }
  double xi() const { return xi_; }
  std::string kernel() const { return gp_.kernel(); }
  double lengthScaleSetting() const { return lengthScale_; }
  double noise() const { return gp_.noise(); }

  // Forgets every score and draws the initial points from the seed.
  void reset(std::uint32_t seed);
  // The next trial to run (does not change the state; call tell() with its score).
  BayesProposal next() const;
  // Records the score (finite) at (u, v) in [0, 1]².
  void tell(double u, double v, double score);

  int trials() const { return static_cast<int>(scores_.size()); }
  // Best score so far (StateError before any tell()).
  double best() const;
  const Matrix& points() const { return points_; }
  const Vector& scores() const { return scores_; }

  // Mean, sd and EI on an n × n grid (n in [1, 200]); StateError before any tell().
  BayesSurface surface(int n) const;
  // The fitted GP's posterior at rows of Q (2 columns, in [0, 1]²); StateError before any tell().
  GpPrediction predict(const Matrix& Q) const;

 private:
  // Fits gp_ to the scores, choosing ℓ when lengthScale_ = 0; returns the ℓ used.
  double fitSurrogate(GaussianProcess& gp) const;

  int initialTrials_ = 4;
  int candidates_ = 41;
  double xi_ = 0.01;
  double lengthScale_ = 0;
  std::uint32_t seed_ = 0;
  GaussianProcess gp_;  // holds the kernel and noise settings
  Matrix starts_;       // initialTrials × 2
  Matrix points_;       // trials × 2
  Vector scores_;
};

}  // namespace dw

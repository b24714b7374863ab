// Checks shared by the linear_models tests: a central finite-difference gradient check and a
// determinism / step-fit-score consistency check, written once for every model with
// setParams/gradient (or just the Model interface).
#pragma once
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/model.hpp"

namespace linear_models_checks {

// Compares model.gradient() with (L(p + h e_k) − L(p − h e_k)) / 2h for every coordinate.
template <class M>
void checkGradientByFiniteDifferences(M& model, const dw::Vector& at, double h = 1e-6) {
  model.setParams(at);
  dw::Vector g = model.gradient();
  REQUIRE(g.size() == at.size());
  for (dw::Index k = 0; k < at.size(); ++k) {
    dw::Vector up = at, down = at;
    up(k) += h;
    down(k) -= h;
    model.setParams(up);
    double lu = model.loss();
    model.setParams(down);
    double ld = model.loss();
    INFO("coordinate " << k);
    CHECK(g(k) == Approx((lu - ld) / (2 * h)).epsilon(1e-5).margin(1e-7));
  }
  model.setParams(at);
}

// Two models built by `make` and reset with the same seed reach identical parameters; step()
// returns loss(); fit() stops at a converged status or the step budget; the trace has one row
// per step plus the starting row; score() is finite.
template <class Make>
void checkDeterminismAndConsistency(Make make, const dw::Matrix& X, const dw::Vector& y, int steps) {
  auto a = make();
  auto b = make();
  a.setData(X, y);
  b.setData(X, y);
  a.reset(42);
  b.reset(42);
  for (int i = 0; i < steps; ++i) {
    double l = a.step();
    CHECK(l == a.loss());
    b.step();
  }
  CHECK(a.params() == b.params());
  CHECK(a.trace().rows() == static_cast<std::size_t>(steps + 1));
  CHECK(a.trace().values() == b.trace().values());
  int taken = a.fit(50);
  CHECK(taken <= 50);
  CHECK((a.status() == dw::Status::Converged || a.steps() == steps + 50));
  CHECK(std::isfinite(a.score(X, y)));
}

}  // namespace linear_models_checks

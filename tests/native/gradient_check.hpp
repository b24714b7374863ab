// Central differences (L(θ + h e_k) − L(θ − h e_k)) / 2h for every parameter of a model, compared
// with its analytic back-propagated gradient: one checker for the models that expose params(),
// setParams() and gradient(). `loss(m)` is the loss the gradient belongs to.
#pragma once
#include <catch2/catch.hpp>

#include "dw/types.hpp"

template <class Model, class Loss>
void checkCentralDifferences(Model& m, Loss loss, double relative, double absolute) {
  const dw::Vector theta = m.params();
  const dw::Vector g = m.gradient();
  REQUIRE(g.size() == theta.size());
  const double h = 1e-5;
  for (dw::Index k = 0; k < theta.size(); ++k) {
    dw::Vector up = theta, down = theta;
    up(k) += h;
    down(k) -= h;
    m.setParams(up);
    const double lu = loss(m);
    m.setParams(down);
    const double ld = loss(m);
    INFO("parameter " << k);
    CHECK(g(k) == Approx((lu - ld) / (2 * h)).epsilon(relative).margin(absolute));
  }
  m.setParams(theta);
}

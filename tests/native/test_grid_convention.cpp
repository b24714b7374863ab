// The heat-map convention (gridAxes in dw/model.hpp): every grid call samples cell centres, so a
// picture of nx × ny pixels stretched over the rectangle that was asked for shows a known
// boundary in the pixel that contains it.
#include <catch2/catch.hpp>

#include "dw/logistic_regression.hpp"
#include "dw/model.hpp"
#include "dw/optimizer_surface.hpp"

using dw::Index;
using dw::Matrix;
using dw::Vector;

TEST_CASE("grid axes are the cell centres", "[grid]") {
  dw::GridAxes a = dw::gridAxes(0, 4, -1, 1, 4, 2, "test");
  CHECK(a.xs(0) == 0.5);
  CHECK(a.xs(3) == 3.5);
  CHECK(a.ys(0) == -0.5);
  CHECK(a.ys(1) == 0.5);
  dw::GridAxes one = dw::gridAxes(2, 3, 5, 7, 1, 1, "test");
  CHECK(one.xs(0) == 2.5);  // a single cell is sampled at the middle, not at an edge
  CHECK(one.ys(0) == 6.0);
  Matrix p = dw::gridPoints(0, 4, -1, 1, 4, 2, "test");
  CHECK(p(5, 0) == 1.5);  // row 1, column 1
  CHECK(p(5, 1) == 0.5);
}

TEST_CASE("a known boundary lands in the pixel that contains it", "[grid]") {
  // p(class 1) = σ(10·(x − 1.4)): the boundary x = 1.4 lies in pixel 1 of 4 over [0, 4]
  // (pixel 1 covers [1, 2]), left of that pixel's centre 1.5, so pixel 1 is already class 1
  // and pixel 0 is class 0. Edge sampling (x = 0, 4/3, 8/3, 4) would paint pixel 1 as class 0:
  // the half-cell shift this convention removes.
  Matrix X(4, 2);
  X << 0, 0, 1, 1, 2, 0, 3, 1;
  Vector y(4);
  y << 0, 0, 1, 1;
  dw::LogisticRegression m;
  m.setData(X, y);
  Vector theta(3);
  theta << 10, 0, -14;  // w = (10, 0), b = −14
  m.setParams(theta);
  Vector g = m.predictGrid(0, 4, 0, 1, 4, 1);  // [p0, p1] per pixel
  REQUIRE(g.size() == 8);
  CHECK(g(1) < 0.5);  // pixel 0: [0, 1]
  CHECK(g(3) > 0.5);  // pixel 1: [1, 2], holds the boundary at 1.4 < 1.5
  CHECK(g(5) > 0.5);
  CHECK(g(7) > 0.5);
  // The same along y (a horizontal boundary y = 2.6 over [0, 4] in 4 rows: row 2 covers [2, 3],
  // its centre 2.5 is below the boundary, so row 2 is class 0 and row 3 class 1).
  theta << 0, 10, -26;
  m.setParams(theta);
  Vector h = m.predictGrid(0, 1, 0, 4, 1, 4);
  CHECK(h(2 * 2 + 1) < 0.5);
  CHECK(h(2 * 3 + 1) > 0.5);
  // Every pixel's value is the model's prediction at that pixel's centre.
  Vector many = m.predictGrid(-1, 3, 0, 4, 9, 7);
  Matrix centres = dw::gridPoints(-1, 3, 0, 4, 9, 7, "test");
  Matrix P = m.predictProba(centres);
  for (Index k = 0; k < centres.rows(); ++k) CHECK(many(2 * k + 1) == P(k, 1));
}

TEST_CASE("the optimiser surface grid samples the same centres", "[grid]") {
  dw::OptimizerSurface s;
  Vector g = s.grid(-1, 1, -1, 1, 5, 3);
  dw::GridAxes a = dw::gridAxes(-1, 1, -1, 1, 5, 3, "test");
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 5; ++i) CHECK(g(j * 5 + i) == s.value(a.xs(i), a.ys(j)));
}

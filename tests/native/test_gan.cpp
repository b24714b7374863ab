// The GAN on 2-D points (dw/gan.hpp): gradients of both losses by central differences, a
// one-neuron pair of nets worked by hand, determinism, bad input, and training on one Gaussian.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/gan.hpp"

using dw::Gan;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {

Matrix uniformNoise(int rows, int cols, std::uint32_t seed) {
  dw::Rng rng(seed);
  Matrix Z(rows, cols);
  for (dw::Index i = 0; i < Z.rows(); ++i)
    for (dw::Index j = 0; j < Z.cols(); ++j) Z(i, j) = rng.uniform(-1.0, 1.0);
  return Z;
}

// Central differences (L(θ + h e_k) − L(θ − h e_k)) / 2h against the back-propagated gradient,
// for every parameter of the discriminator (L_D) and of the generator (L_G).
void checkGradients(Gan& gan) {
  Matrix real = gan.realPoints().topRows(24);
  Matrix noise = uniformNoise(20, gan.noiseDimension(), 7);
  const double h = 1e-5;

  Vector thetaD = gan.discriminatorParams();
  Vector gD = gan.discriminatorGradient(real, noise);
  REQUIRE(gD.size() == thetaD.size());
  for (dw::Index k = 0; k < thetaD.size(); ++k) {
    Vector up = thetaD, down = thetaD;
    up(k) += h;
    down(k) -= h;
    gan.setDiscriminatorParams(up);
    double lUp = gan.discriminatorLossOn(real, noise);
    gan.setDiscriminatorParams(down);
    double lDown = gan.discriminatorLossOn(real, noise);
    INFO("discriminator parameter " << k);
    CHECK(gD(k) == Approx((lUp - lDown) / (2 * h)).margin(1e-7).epsilon(1e-5));
  }
  gan.setDiscriminatorParams(thetaD);

  Vector thetaG = gan.generatorParams();
  Vector gG = gan.generatorGradient(noise);
  REQUIRE(gG.size() == thetaG.size());
  for (dw::Index k = 0; k < thetaG.size(); ++k) {
    Vector up = thetaG, down = thetaG;
    up(k) += h;
    down(k) -= h;
    gan.setGeneratorParams(up);
    double lUp = gan.generatorLossOn(noise);
    gan.setGeneratorParams(down);
    double lDown = gan.generatorLossOn(noise);
    INFO("generator parameter " << k);
    CHECK(gG(k) == Approx((lUp - lDown) / (2 * h)).margin(1e-7).epsilon(1e-5));
  }
  gan.setGeneratorParams(thetaG);

  // The flow field is −∂ℓ/∂x with ℓ(x) = −log D(x): compare with differences of −log D.
  Matrix points = gan.generatedPoints().topRows(10);
  Matrix flow = gan.generatorFlow(points);
  for (dw::Index i = 0; i < points.rows(); ++i)
    for (int c = 0; c < 2; ++c) {
      Matrix up = points.row(i), down = points.row(i);
      up(0, c) += h;
      down(0, c) -= h;
      double lUp = -std::log(gan.discriminate(up)(0));
      double lDown = -std::log(gan.discriminate(down)(0));
      CHECK(flow(i, c) == Approx(-(lUp - lDown) / (2 * h)).margin(1e-7).epsilon(1e-5));
    }
}

}  // namespace

TEST_CASE("Gan: gradients of both losses match finite differences", "[gan]") {
  SECTION("default shapes, after some training") {
    Gan gan;
    gan.setTracing(false);
    gan.fit(30);
    checkGradients(gan);
  }
  SECTION("one-dimensional noise, one narrow hidden layer, SGD") {
    Gan gan;
    gan.setNoiseDimension(1);
    gan.setGeneratorShape(1, 3);
    gan.setDiscriminatorShape(3, 5);
    gan.setOptimizer("sgd");
    gan.setTarget("moons");
    gan.reset(4);
    gan.fit(20);
    checkGradients(gan);
  }
  SECTION("no hidden layers at all") {
    Gan gan;
    gan.setGeneratorShape(0, 1);
    gan.setDiscriminatorShape(0, 1);
    gan.reset(2);
    checkGradients(gan);
  }
}

// One neuron each: G(z) = (w₁z + b₁, w₂z + b₂), D(x, y) = σ(u₁x + u₂y + c).
// With w = (2, 1), b = (0, 0.5), u = (1, −1), c = 0.5, the fake from z = 0.5 is (1, 1) and the
// real point is (0, 0); both get the logit a = 0.5, so D = σ(0.5) = 0.6224593312 for both.
TEST_CASE("Gan: a one-neuron generator and discriminator by hand", "[gan]") {
  Gan gan;
  gan.setNoiseDimension(1);
  gan.setGeneratorShape(0, 1);
  gan.setDiscriminatorShape(0, 1);
  gan.reset(0);
  REQUIRE(gan.generatorParams().size() == 4);      // W (1×2), b (2)
  REQUIRE(gan.discriminatorParams().size() == 3);  // W (2×1), c
  Vector g(4), d(3);
  g << 2, 1, 0, 0.5;
  d << 1, -1, 0.5;
  gan.setGeneratorParams(g);
  gan.setDiscriminatorParams(d);
  Matrix z(1, 1);
  z << 0.5;
  Matrix real(1, 2);
  real << 0, 0;
  Matrix fake = gan.generate(z);
  CHECK(fake(0, 0) == Approx(1.0));
  CHECK(fake(0, 1) == Approx(1.0));
  const double D = 0.6224593312018546;  // σ(0.5)
  CHECK(gan.discriminate(real)(0) == Approx(D).epsilon(1e-12));
  // L_D = −log D(real) − log(1 − D(fake)) = 0.474076984 + 0.974076984
  CHECK(gan.discriminatorLossOn(real, z) == Approx(1.4481539680).epsilon(1e-9));
  // L_G = −log D(fake)
  CHECK(gan.generatorLossOn(z) == Approx(0.4740769841).epsilon(1e-9));
  // ∂L_D/∂(u₁, u₂, c) = (σ(a) − 1)·(0, 0, 1) + σ(a)·(1, 1, 1)
  Vector gD = gan.discriminatorGradient(real, z);
  CHECK(gD(0) == Approx(D));
  CHECK(gD(1) == Approx(D));
  CHECK(gD(2) == Approx(2 * D - 1));
  // ∂L_G/∂(w₁, w₂, b₁, b₂) = (σ(a) − 1)·(u₁z, u₂z, u₁, u₂)
  Vector gG = gan.generatorGradient(z);
  CHECK(gG(0) == Approx((D - 1) * 0.5));
  CHECK(gG(1) == Approx(-(D - 1) * 0.5));
  CHECK(gG(2) == Approx(D - 1));
  CHECK(gG(3) == Approx(-(D - 1)));
  // The push on the fake: (1 − D)·(u₁, u₂) = (0.3775, −0.3775)
  Matrix flow = gan.generatorFlow(fake);
  CHECK(flow(0, 0) == Approx(1 - D));
  CHECK(flow(0, 1) == Approx(-(1 - D)));
  // The heat map samples cell centres: a 2 × 1 grid over [−1, 1] × [0, 2] at (−0.5, 1), (0.5, 1).
  Vector grid = gan.discriminatorGrid(-1, 1, 0, 2, 2, 1);
  CHECK(grid(0) == Approx(1.0 / (1.0 + std::exp(-(-0.5 - 1 + 0.5)))));
  CHECK(grid(1) == Approx(1.0 / (1.0 + std::exp(-(0.5 - 1 + 0.5)))));
}

TEST_CASE("Gan: the same seed gives the same run", "[gan]") {
  auto run = [](std::uint32_t seed) {
    Gan gan;
    gan.setTarget("ring");
    gan.reset(seed);
    gan.fit(40);
    return std::make_pair(gan.generatorParams(), gan.discriminatorParams());
  };
  auto a = run(11), b = run(11), c = run(12);
  CHECK(a.first == b.first);
  CHECK(a.second == b.second);
  CHECK(a.first != c.first);
  Gan x, y;
  x.reset(5);
  y.reset(5);
  CHECK(x.realPoints() == y.realPoints());
  CHECK(x.generatedPoints() == y.generatedPoints());
  CHECK(x.trace().rows() == 1);
  x.fit(3);
  CHECK(x.trace().rows() == 4);
  CHECK(x.steps() == 3);
}

TEST_CASE("Gan: bad settings and bad input are refused in words", "[gan]") {
  Gan gan;
  CHECK_THROWS_AS(gan.setTarget("spiral"), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.setTarget("spiral"), Contains("target='spiral' is not a target"));
  CHECK_THROWS_AS(gan.setLearningRates(-1, 0.1), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.setLearningRates(-1, 0.1), Contains("generator=-1 must be in (0, 10]"));
  CHECK_THROWS_AS(gan.setLearningRates(0.1, std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.setLearningRates(0.1, std::nan("")), Contains("not a finite number"));
  CHECK_THROWS_AS(gan.setDiscriminatorSteps(0), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setGeneratorSteps(51), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setNoiseDimension(3), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setGeneratorShape(5, 8), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setDiscriminatorShape(2, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setBatchSize(0), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setRealCount(3), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setOptimizer("rmsprop"), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.setOptimizer("rmsprop"), Contains("use sgd or adam"));
  CHECK_THROWS_AS(gan.generate(Matrix::Zero(3, 1)), dw::ShapeError);
  CHECK_THROWS_WITH(gan.generate(Matrix::Zero(3, 1)), Contains("noise needs 2 column(s)"));
  CHECK_THROWS_AS(gan.generate(Matrix::Zero(0, 2)), dw::ShapeError);
  Matrix bad = Matrix::Zero(2, 2);
  bad(1, 0) = std::nan("");
  CHECK_THROWS_AS(gan.discriminate(bad), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.discriminate(bad), Contains("points[1][0]=NaN"));
  CHECK_THROWS_AS(gan.discriminate(Matrix::Zero(2, 3)), dw::ShapeError);
  CHECK_THROWS_AS(gan.discriminatorGrid(1, 0, 0, 1, 10, 10), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.discriminatorGrid(0, 1, 0, 1, 0, 10), dw::InvalidArgument);
  CHECK_THROWS_AS(gan.setGeneratorParams(Vector::Zero(3)), dw::ShapeError);
  CHECK_THROWS_AS(gan.fit(-1), dw::InvalidArgument);
  // After every refusal the object still works and kept its settings.
  CHECK(gan.target() == "ring");
  CHECK(gan.generatorLearningRate() == 0.01);
  CHECK_NOTHROW(gan.step());

  // Absurd weights make the losses infinite: a one-neuron discriminator with every weight 10³⁰⁸
  // overflows on the ring's lower-left points (a = 10³⁰⁸·(x + y + 1) → −∞), so the run is marked
  // diverged and step() says so.
  gan.setDiscriminatorShape(0, 1);
  gan.reset(0);
  gan.setDiscriminatorParams(Vector::Constant(3, 1e308));
  CHECK_FALSE(std::isfinite(gan.discriminatorLoss()));
  gan.step();
  CHECK(gan.status() == dw::Status::Diverged);
  CHECK_THROWS_AS(gan.step(), dw::StateError);
  CHECK_THROWS_WITH(gan.step(), Contains("no longer finite"));
  gan.reset(1);
  CHECK_NOTHROW(gan.step());
}

TEST_CASE("Gan: coverage counts the modes the fakes reach", "[gan]") {
  Gan gan;  // ring of 8
  const Matrix& real = gan.realPoints();
  // Fakes exactly on the real points of modes 0 and 3 only.
  Matrix fakes(40, 2);
  int filled = 0;
  for (dw::Index i = 0; i < real.rows() && filled < 40; ++i) {
    int c = gan.realComponents()[static_cast<std::size_t>(i)];
    if (c == 0 || c == 3) fakes.row(filled++) = real.row(i);
  }
  auto cov = gan.coverageOf(fakes);
  CHECK(cov.modes == 8);
  CHECK(cov.covered == 2);
  CHECK(cov.onData == 1.0);
  CHECK(cov.shares[0] == Approx(0.5));
  // A fake far from every real point counts for nothing.
  Matrix far = Matrix::Constant(5, 2, 0.0);
  CHECK(gan.coverageOf(far).onData == 0.0);
  CHECK(gan.coverageOf(far).covered == 0);
}

// Training on one Gaussian (mean (0.5, 0.5), s = 0.3) with plain SGD, η = 0.05: the game does not
// settle, it circles the equilibrium, so mean and spread are averaged over rounds 2000–4000.
TEST_CASE("Gan: on one Gaussian the fakes' mean and spread approach the target's", "[gan]") {
  Gan gan;
  gan.setTarget("gaussian");
  gan.setOptimizer("sgd");
  gan.setLearningRates(0.05, 0.05);
  gan.setTracing(false);
  gan.reset(0);
  auto moments = [&] {
    Matrix P = gan.generatedPoints();
    Eigen::RowVector2d mean = P.colwise().mean();
    Eigen::RowVector2d sd = ((P.rowwise() - mean).array().square().colwise().mean()).sqrt();
    return std::make_pair(mean, sd);
  };
  double startError = (moments().first - Eigen::RowVector2d(0.5, 0.5)).norm();
  gan.fit(2000);
  Eigen::RowVector2d meanSum(0, 0), sdSum(0, 0);
  double dNearData = 0;
  int samples = 0;
  for (int r = 0; r < 100; ++r) {
    gan.fit(20);
    auto [mean, sd] = moments();
    meanSum += mean;
    sdSum += sd;
    dNearData += gan.discriminate(gan.realPoints()).mean();
    ++samples;
  }
  Eigen::RowVector2d mean = meanSum / samples, sd = sdSum / samples;
  CHECK(startError > 0.6);
  CHECK((mean - Eigen::RowVector2d(0.5, 0.5)).norm() < 0.08);
  CHECK(std::abs(sd(0) - 0.3) < 0.1);
  CHECK(std::abs(sd(1) - 0.3) < 0.1);
  // At the equilibrium D cannot tell real from fake: about ½ on the data.
  CHECK(std::abs(dNearData / samples - 0.5) < 0.02);
}

TEST_CASE("Gan: own real points replace the target at the next reset, one mode, checked in words", "[gan]") {
  Matrix own(20, 2);
  for (int i = 0; i < 20; ++i) {
    own(i, 0) = -1.0 + 0.1 * i;
    own(i, 1) = 0.5 * own(i, 0);
  }
  Gan gan;
  gan.setRealPoints(own);
  CHECK(gan.target() == "custom");
  gan.reset(3);
  CHECK(gan.realPoints() == own);
  CHECK(gan.realCount() == 400);  // the named targets' count is kept
  CHECK(gan.modeCount() == 1);
  CHECK(gan.evaluationNoise().rows() == 20);
  // Coverage by hand: the real points themselves are all on the data; a far point is not.
  auto on = gan.coverageOf(own);
  CHECK(on.onData == 1.0);
  CHECK(on.covered == 1);
  Matrix far = Matrix::Constant(4, 2, 1.9);
  CHECK(gan.coverageOf(far).onData == 0.0);
  gan.fit(5);
  CHECK(gan.steps() == 5);
  // Same points and seed, same run.
  Gan again;
  again.setRealPoints(own);
  again.reset(3);
  again.fit(5);
  CHECK(again.generatorParams() == gan.generatorParams());
  // A named target again.
  gan.setTarget("ring");
  gan.reset(3);
  CHECK(gan.modeCount() == 8);
  CHECK(gan.realPoints().rows() == 400);

  CHECK_THROWS_AS(gan.setRealPoints(Matrix::Zero(3, 2)), dw::InvalidArgument);
  CHECK_THROWS_WITH(gan.setRealPoints(Matrix::Zero(3, 2)), Contains("16 to 2000 points are needed, got 3"));
  CHECK_THROWS_AS(gan.setRealPoints(Matrix::Zero(20, 3)), dw::ShapeError);
  Matrix bad = own;
  bad(4, 1) = std::nan("");
  CHECK_THROWS_WITH(gan.setRealPoints(bad), Contains("not a finite number"));
  bad(4, 1) = 500.0;
  CHECK_THROWS_WITH(gan.setRealPoints(bad), Contains("every coordinate must lie in [-100, 100]"));
  CHECK(gan.target() == "ring");  // refused points change nothing
}

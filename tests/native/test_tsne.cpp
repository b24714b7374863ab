#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/tsne.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::TSNE;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// Fraction of points whose k nearest embedded neighbours share their label.
double knnPurity(const Matrix& Y, const Vector& labels, int k) {
  const dw::Index n = Y.rows();
  double agree = 0;
  for (dw::Index i = 0; i < n; ++i) {
    std::vector<std::pair<double, dw::Index>> d;
    for (dw::Index j = 0; j < n; ++j)
      if (j != i) d.emplace_back((Y.row(i) - Y.row(j)).squaredNorm(), j);
    std::partial_sort(d.begin(), d.begin() + k, d.end());
    for (int t = 0; t < k; ++t) agree += labels(d[t].second) == labels(i);
  }
  return agree / double(n * k);
}
}  // namespace

TEST_CASE("t-SNE affinities and KL gradient match scikit-learn", "[tsne][sklearn]") {
  auto f = fixture::load("unsupervised_tsne");
  TSNE m;
  m.setPerplexity(f["perplexity"].num());
  m.setData(f["X"].matrix(), Vector());
  // scikit-learn runs its perplexity search in float32, so agreement is to ~1e-6 relative.
  Matrix P = m.jointProbabilities(), Pexp = f["P"].matrix();
  CHECK(((P - Pexp).cwiseAbs().array() / (Pexp.array() + 1e-12)).maxCoeff() < 1e-3);
  CHECK((P - Pexp).cwiseAbs().maxCoeff() < 1e-6);
  CHECK(P.sum() == Approx(1.0).epsilon(1e-12));
  for (dw::Index i = 0; i < m.rowPerplexities().size(); ++i)
    CHECK(std::fabs(m.rowPerplexities()(i) - f["perplexity"].num()) < 1e-3);
  m.setEmbedding(f["Y"].matrix());
  CHECK(m.loss() == Approx(f["kl"].num()).epsilon(1e-5));
  Matrix g = m.gradient(), gexp = f["grad"].matrix();
  CHECK((g - gexp).cwiseAbs().maxCoeff() < 1e-5 * gexp.cwiseAbs().maxCoeff());
}

TEST_CASE("t-SNE gradient matches central finite differences", "[tsne][gradient]") {
  dw::Dataset d = dw::makeBlobs(25, 2, 0.5, 4);
  TSNE m;
  m.setPerplexity(5);
  m.setData(d.X, Vector());
  Matrix Y(25, 2);
  dw::Rng rng(3);
  for (dw::Index i = 0; i < 25; ++i) Y.row(i) << rng.normal(), rng.normal();
  m.setEmbedding(Y);
  Matrix g = m.gradient();
  const double h = 1e-6;
  for (dw::Index i : {0, 7, 24})
    for (int c = 0; c < 2; ++c) {
      Matrix up = Y, down = Y;
      up(i, c) += h;
      down(i, c) -= h;
      m.setEmbedding(up);
      double lu = m.loss();
      m.setEmbedding(down);
      double ld = m.loss();
      CHECK(g(i, c) == Approx((lu - ld) / (2 * h)).epsilon(1e-5).margin(1e-8));
    }
}

TEST_CASE("t-SNE separates three blobs and its KL falls", "[tsne]") {
  dw::Dataset d = dw::makeBlobs(150, 3, 0.3, 8);
  TSNE m;
  m.setData(d.X, d.y);
  for (dw::Index i = 0; i < m.rowPerplexities().size(); ++i)
    CHECK(std::fabs(m.rowPerplexities()(i) - 30.0) < 1e-3);
  double start = m.loss();
  m.setMaxIterations(500);
  CHECK(m.fit(100000) == 500);
  CHECK(m.status() == dw::Status::Converged);
  const auto& t = m.trace();
  CHECK(t.rows() == 501);
  CHECK(t.at(500, "loss") < 0.5 * start);
  CHECK(t.at(500, "loss") < t.at(260, "loss"));  // still improving after the exaggeration phase
  CHECK(t.at(0, "exaggeration") == 12.0);
  CHECK(t.at(300, "momentum") == 0.8);
  CHECK(knnPurity(m.embedding(), d.y, 10) >= 0.95);
  CHECK(m.score(d.X, Vector()) == Approx(-m.loss()));
  CHECK(m.predict(d.X).size() == 300);
}

TEST_CASE("t-SNE is deterministic for a seed", "[tsne][determinism]") {
  dw::Dataset d = dw::makeBlobs(40, 2, 0.5, 1);
  auto run = [&](std::uint32_t seed) {
    TSNE m;
    m.setPerplexity(10);
    m.setData(d.X, Vector());
    m.reset(seed);
    for (int s = 0; s < 30; ++s) m.step();
    return m.params();
  };
  CHECK(run(3) == run(3));
  CHECK(run(3) != run(4));
}

TEST_CASE("t-SNE rejects bad input", "[tsne][errors]") {
  TSNE m;
  CHECK_THROWS_AS(m.setPerplexity(1), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setExaggeration(0.5), dw::InvalidArgument);
  CHECK_THROWS_AS(m.step(), dw::StateError);
  dw::Dataset small = dw::makeBlobs(20, 2, 0.5, 1);
  CHECK_THROWS_WITH(m.setData(small.X, Vector()), Contains("perplexity=30 must be less than the number of points (20)"));
  dw::Dataset big = dw::makeBlobs(501, 2, 0.5, 1);
  CHECK_THROWS_WITH(m.setData(big.X, Vector()), Contains("limited to 500 points"));
  m.setPerplexity(5);
  m.setData(small.X, Vector());
  CHECK_THROWS_AS(m.setPerplexity(25), dw::InvalidArgument);
  CHECK_THROWS_AS(m.predict(small.X.topRows(3)), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setEmbedding(Matrix::Zero(3, 2)), dw::ShapeError);
  Matrix bad = small.X;
  bad(2, 1) = std::nan("");
  CHECK_THROWS_AS(m.setData(bad, Vector()), dw::InvalidArgument);
  CHECK(std::isfinite(m.step()));
}

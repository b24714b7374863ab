// The MLP against scikit-learn (tests/fixtures/generators/mlp.py): from the same initial weights,
// five full-batch steps give the same loss before each step, the same weights after each, and
// the same predictions, for a tanh classifier with L2 (plain SGD), a ReLU softmax classifier
// (Nesterov momentum) and a sigmoid regressor (Adam).
#include <catch2/catch.hpp>

#include "dw/mlp.hpp"
#include "fixture.hpp"

using dw::Mlp;
using dw::Vector;

namespace {
std::vector<int> intsOf(const fixture::Json& j) {
  std::vector<int> out;
  for (double v : j.numbers()) out.push_back(static_cast<int>(v));
  return out;
}

// A network configured as the fixture says, trained on its data, starting from its weights.
void configure(Mlp& m, const fixture::Json& f) {
  m.setLayers(intsOf(f["hidden"]));
  m.setActivation(-1, dw::activationFromName(f["activation"].text, "test"));
  m.setOptimizer(dw::optimizerKindFromName(f["optimizer"].text, "test"));
  m.setLearningRate(f["learning_rate"].num());
  if (f.has("momentum")) m.setMomentum(f["momentum"].num());
  if (f.has("epsilon")) m.setEpsilon(f["epsilon"].num());
  m.setBatchSize(static_cast<int>(f["y"].size()));
  m.setRegularization(dw::Regularization::L2, f["l2"].num());
}

void checkParams(const Vector& ours, const Vector& theirs, double tol) {
  REQUIRE(ours.size() == theirs.size());
  CHECK((ours - theirs).cwiseAbs().maxCoeff() < tol);
}
}  // namespace

TEST_CASE("MLP classifiers step exactly as scikit-learn's MLPClassifier", "[mlp][sklearn]") {
  for (const char* name : {"mlp_binary_tanh_sgd", "mlp_softmax_relu_nesterov"}) {
    INFO(name);
    auto f = fixture::load(name);
    Mlp m;
    configure(m, f);
    m.setData(f["X"].matrix(), f["y"].vector());
    m.setParams(f["initial"].vector());
    for (std::size_t s = 0; s < f["params"].size(); ++s) {
      INFO("step " << s + 1);
      CHECK(m.loss() == Approx(f["losses"][s].num()).epsilon(1e-10));
      m.step();
      checkParams(m.params(), f["params"][s].vector(), 1e-10);
    }
    dw::Matrix proba = m.predictProba(f["X"].matrix());
    dw::Matrix expected = f["proba"].matrix();
    REQUIRE(proba.rows() == expected.rows());
    REQUIRE(proba.cols() == expected.cols());
    CHECK((proba - expected).cwiseAbs().maxCoeff() < 1e-10);
  }
}

TEST_CASE("MLP regression with Adam steps as scikit-learn's MLPRegressor", "[mlp][sklearn]") {
  auto f = fixture::load("mlp_regression_sigmoid_adam");
  Mlp m;
  configure(m, f);
  m.setOutput(dw::OutputKind::Linear);
  m.setData(f["X"].matrix(), f["y"].vector());
  m.setParams(f["initial"].vector());
  for (std::size_t s = 0; s < f["params"].size(); ++s) {
    INFO("step " << s + 1);
    // sklearn reports ½·MSE; the engine the MSE itself.
    CHECK(m.loss() == Approx(2 * f["half_mse_losses"][s].num()).epsilon(1e-10));
    m.step();
    // Adam divides by √v̂, which magnifies rounding in weights whose gradient is nearly 0 (and
    // the two libraries place ε differently), so weights agree to 1e-7 rather than 1e-10.
    checkParams(m.params(), f["params"][s].vector(), 1e-7);
  }
  Vector pred = m.predict(f["X"].matrix());
  CHECK((pred - f["predict"].vector()).cwiseAbs().maxCoeff() < 1e-9);
}

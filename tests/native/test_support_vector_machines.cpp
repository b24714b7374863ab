#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "dw/errors.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/linear_svm.hpp"
#include "fixture.hpp"

using dw::KernelSVM;
using dw::LinearSVM;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
void configure(KernelSVM& m, const fixture::Json& f) {
  m.setKernel(f["kernel"].text);
  m.setGamma(f["gamma"].num());
  m.setDegree(static_cast<int>(f["degree"].num()));
  m.setCoef0(f["coef0"].num());
}

template <class Svm>
void trainOn(Svm& m, const fixture::Json& f) {
  m.setC(f["C"].num());
  m.setData(f["X"].matrix(), f["y"].vector());
  m.fit(1'000'000);
  REQUIRE(m.status() == dw::Status::Converged);
}


// Support vectors whose α is clearly away from 0: the ones both solvers must agree on (an α within
// the KKT tolerance of 0 may be a support vector for one solver and not the other).
std::set<int> clearSupport(const std::vector<int>& sv, const Vector& coef, double threshold) {
  std::set<int> out;
  for (std::size_t s = 0; s < sv.size(); ++s)
    if (std::fabs(coef(static_cast<dw::Index>(s))) > threshold) out.insert(sv[s]);
  return out;
}
}  // namespace

TEST_CASE("LinearSVM matches scikit-learn's SVC(kernel='linear')", "[svm][linear_svm][sklearn]") {
  for (const char* name : {"svm_linear_separable_hard", "svm_linear_separable_c1", "svm_linear_overlap_c05",
                           "svm_linear_overlap_c10"}) {
    INFO(name);
    fixture::Json f = fixture::load(name);
    LinearSVM m;
    trainOn(m, f);
    Vector w = m.weights(), wRef = f["coef"].vector();
    double scale = std::max(1.0, wRef.norm());
    INFO("w = " << w.transpose() << " ref " << wRef.transpose() << "; b = " << m.bias() << " ref "
                << f["intercept"].num() << "; pairs " << m.pairUpdates() << " vs libsvm " << f["n_iter"].num());
    CHECK(fixture::maxAbsDifference(w, wRef) < 1e-3 * scale);
    CHECK(m.bias() == Approx(f["intercept"].num()).margin(1e-3 * scale));
    CHECK(m.marginWidth() == Approx(2.0 / wRef.norm()).epsilon(1e-3));
    Vector dRef = f["decision_train"].vector();
    CHECK(fixture::maxAbsDifference(m.decisionFunction(f["X"].matrix()), dRef) < 2e-3 * scale);
    CHECK(fixture::maxAbsDifference(m.decisionFunction(f["queries"].matrix()), f["decision_queries"].vector()) < 2e-3 * scale);
    CHECK(m.predict(f["X"].matrix()) == f["predict_train"].vector());
    // Support vectors: the same set, allowing α within the tolerance of zero to differ.
    std::vector<int> sv = m.supportVectors();
    std::vector<double> refSv = f["support"].numbers();
    Vector refCoef = f["dual_coef"].vector();
    std::vector<int> refIdx(refSv.begin(), refSv.end());
    double alphaScale = 1e-3 * std::max(1.0, f["C"].num() > 1e3 ? refCoef.cwiseAbs().maxCoeff() : f["C"].num());
    CHECK(clearSupport(sv, m.dualCoefficients(), alphaScale) == clearSupport(refIdx, refCoef, alphaScale));
    // Where both solvers chose the same support vectors, the coefficients y_i α_i agree too
    // (sign included: positive for class 1, as scikit-learn's dual_coef_).
    if (sv == refIdx) CHECK(fixture::maxAbsDifference(m.dualCoefficients(), refCoef) < 1e-3 * std::max(1.0, refCoef.cwiseAbs().maxCoeff()));
  }
}

TEST_CASE("KernelSVM matches scikit-learn's SVC(kernel='rbf'|'poly')", "[svm][kernel_svm][sklearn]") {
  for (const char* name : {"svm_rbf_circles", "svm_rbf_moons", "svm_poly_moons"}) {
    INFO(name);
    fixture::Json f = fixture::load(name);
    KernelSVM m;
    configure(m, f);
    trainOn(m, f);
    INFO("b = " << m.bias() << " ref " << f["intercept"].num() << "; pairs " << m.pairUpdates() << " vs libsvm "
                << f["n_iter"].num());
    CHECK(m.bias() == Approx(f["intercept"].num()).margin(1e-2));
    CHECK(fixture::maxAbsDifference(m.decisionFunction(f["X"].matrix()), f["decision_train"].vector()) < 1e-2);
    CHECK(fixture::maxAbsDifference(m.decisionFunction(f["queries"].matrix()), f["decision_queries"].vector()) < 1e-2);
    CHECK(m.predict(f["X"].matrix()) == f["predict_train"].vector());
    CHECK(m.score(f["X"].matrix(), f["y"].vector()) == Approx(f["train_score"].num()));
    std::vector<double> refSv = f["support"].numbers();
    std::vector<int> refIdx(refSv.begin(), refSv.end());
    double threshold = 1e-2 * f["C"].num();
    CHECK(clearSupport(m.supportVectors(), m.dualCoefficients(), threshold) ==
          clearSupport(refIdx, f["dual_coef"].vector(), threshold));
  }
}

TEST_CASE("LinearSVM by hand: two points at x = ±1", "[svm][linear_svm]") {
  Matrix X(2, 1);
  X << -1, 1;
  Vector y(2);
  y << 0, 1;
  LinearSVM m;
  m.setC(1e6);  // hard-margin limit: w = 1, b = 0, margin 2, α = ½ each (w = Σ α_i y_i x_i)
  m.setData(X, y);
  CHECK(m.step() == Approx(0.5));  // one SMO pair solves a 2-point problem: primal ½‖w‖² = ½
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.weights()(0) == Approx(1.0));
  CHECK(m.bias() == Approx(0.0).margin(1e-12));
  CHECK(m.marginWidth() == Approx(2.0));
  CHECK(m.dualCoefficients()(0) == Approx(-0.5));
  CHECK(m.dualCoefficients()(1) == Approx(0.5));
  CHECK(m.supportVectors() == std::vector<int>{0, 1});
  // A small C caps α at C: w = 2C, and the margin widens to 1/C.
  m.setC(0.25);
  CHECK(m.status() == dw::Status::Ready);
  m.fit(100);
  CHECK(m.weights()(0) == Approx(0.5));
  CHECK(m.marginWidth() == Approx(4.0));
  // Primal ½·0.25 + 0.25·(2 × hinge 0.5) = 0.375 equals the dual 0.5 − 0.125 at the optimum.
  CHECK(m.loss() == Approx(0.375));
  CHECK(m.dualObjective() == Approx(0.375));
  // σ(f) probabilities: ½ on the boundary, symmetric around it.
  Matrix q(3, 1);
  q << 0, 2, -2;
  Matrix p = m.predictProba(q);
  CHECK(p(0, 1) == Approx(0.5));
  CHECK(p(1, 1) == Approx(1.0 / (1.0 + std::exp(-1.0))));
  CHECK(p(1, 1) + p(2, 1) == Approx(1.0));
  CHECK(m.params().size() == 2);
}

TEST_CASE("SVM conformance: trace, duality, determinism, gradient", "[svm][conformance]") {
  fixture::Json f = fixture::load("svm_linear_overlap_c10");
  LinearSVM a, b;
  a.setData(f["X"].matrix(), f["y"].vector());
  b.setData(f["X"].matrix(), f["y"].vector());
  a.setC(10);
  b.setC(10);
  a.reset(5);
  b.reset(77);
  int steps = a.fit(100000);
  b.fit(100000);
  CHECK(a.params() == b.params());
  // One step is one pair update for LinearSVM; the trace has one row per step plus row 0.
  CHECK(a.pairUpdates() == steps);
  const auto& t = a.trace();
  REQUIRE(t.rows() == static_cast<std::size_t>(steps) + 1);
  CHECK(t.at(0, "dual") == 0.0);
  for (std::size_t r = 1; r < t.rows(); ++r) {
    // Each SMO update is an exact line search on the dual, so the dual never decreases, and
    // weak duality keeps it below the primal.
    CHECK(t.at(r, "dual") >= t.at(r - 1, "dual") - 1e-9);
    CHECK(t.at(r, "dual") <= t.at(r, "loss") + 1e-9);
  }
  CHECK(t.at(t.rows() - 1, "violation") < 1e-3);
  // At the optimum the duality gap is small relative to the objective.
  CHECK(a.loss() - a.dualObjective() < 1e-2 * a.loss());
  CHECK(t.at(t.rows() - 1, "margin") == Approx(a.marginWidth()));
  CHECK(t.at(t.rows() - 1, "w0") == Approx(a.weights()(0)));

  // KernelSVM: 50 pair updates per step by default.
  fixture::Json g = fixture::load("svm_rbf_moons");
  KernelSVM k;
  configure(k, g);
  k.setC(g["C"].num());
  k.setData(g["X"].matrix(), g["y"].vector());
  k.step();
  CHECK(k.pairUpdates() == 50);
  // The solver's gradient G = Qα − 1 checked against central differences of the dual
  // f(α) = ½ αᵀQα − Σα evaluated from scratch with the kernel.
  Matrix X = g["X"].matrix();
  Vector s = -(2.0 * g["y"].vector().array() - 1.0).matrix();  // the solver's orientation
  dw::SvmKernel kern;
  kern.type = dw::SvmKernel::Type::Rbf;
  kern.gamma = g["gamma"].num();
  Matrix Q = s.asDiagonal() * kern.cross(X, X) * s.asDiagonal();
  Vector alpha = k.alpha();
  auto dual = [&](const Vector& al) { return 0.5 * al.dot(Q * al) - al.sum(); };
  Vector G = Q * alpha - Vector::Ones(alpha.size());
  const double h = 1e-6;
  for (dw::Index i : {0, 7, 33}) {
    Vector up = alpha, down = alpha;
    up(i) += h;
    down(i) -= h;
    CHECK(G(i) == Approx((dual(up) - dual(down)) / (2 * h)).margin(1e-7));
  }
  // A copy carries on independently and identically (nothing points into the original).
  KernelSVM copy = k;
  k.fit(100000);
  copy.fit(100000);
  CHECK(copy.params() == k.params());
  KernelSVM fresh;
  configure(fresh, g);
  fresh.setC(g["C"].num());
  fresh.setData(g["X"].matrix(), g["y"].vector());
  fresh.reset(2024);
  fresh.fit(100000);
  CHECK(fresh.params() == k.params());
  alpha = k.alpha();
  // The α the solver holds reproduce, through decisionFunction, its own training margins.
  Vector fTrain = k.decisionFunction(X);
  CHECK(k.loss() == Approx(0.5 * alpha.dot(Q * alpha) +
                           g["C"].num() * (1.0 - (2.0 * g["y"].vector().array() - 1.0) * fTrain.array()).max(0.0).sum()));
}

TEST_CASE("KernelSVM on 1200 points (kernel rows computed on demand) satisfies KKT", "[svm][kernel_svm]") {
  // Two noisy rings generated here; above KernelMatrix::kFullCacheLimit points, so the solver
  // reads kernel rows computed on the fly instead of a stored matrix.
  const int n = 1200;
  Matrix X(n, 2);
  Vector y(n);
  for (int i = 0; i < n; ++i) {
    double angle = 0.7 * i, radius = (i % 2 ? 0.5 : 1.0) + 0.15 * std::sin(13.0 * i);
    X(i, 0) = radius * std::cos(angle);
    X(i, 1) = radius * std::sin(angle);
    y(i) = i % 2;
  }
  KernelSVM m;
  m.setGamma(2.0);
  m.setData(X, y);
  m.fit(100000);
  REQUIRE(m.status() == dw::Status::Converged);
  // KKT (Chang & Lin §4.1) with the decision function evaluated independently:
  // α = 0 ⇒ y f ≥ 1, 0 < α < C ⇒ y f = 1, α = C ⇒ y f ≤ 1, up to the tolerance.
  Vector f = m.decisionFunction(X);
  const double tol = 2e-3;
  for (int i = 0; i < n; ++i) {
    double margin = (2 * y(i) - 1) * f(i), a = m.alpha()(i);
    if (a <= 0) CHECK(margin >= 1 - tol);
    else if (a >= m.C()) CHECK(margin <= 1 + tol);
    else CHECK(margin == Approx(1.0).margin(tol));
  }
  CHECK(m.score(X, y) > 0.95);
}

TEST_CASE("SVMs reject bad input with clear messages and keep working", "[svm][errors]") {
  KernelSVM m;
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_AS(m.bias(), dw::StateError);
  CHECK_THROWS_WITH(m.setC(0), Contains("KernelSVM.setC: C=0 must be in (0"));
  CHECK_THROWS_AS(m.setC(-1), dw::InvalidArgument);
  CHECK_THROWS_WITH(m.setGamma(0), Contains("gamma=0"));
  CHECK_THROWS_AS(m.setGamma(-2), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setGamma(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_WITH(m.setDegree(0), Contains("degree=0"));
  CHECK_THROWS_WITH(m.setKernel("sigmoid"), Contains("kernel='sigmoid'"));
  CHECK_THROWS_AS(m.setTolerance(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setPairsPerStep(0), dw::InvalidArgument);
  Matrix X(4, 2);
  X << 0, 0, 1, 0, 0, 1, 1, 1;
  Vector y(4);
  y << 1, 1, 1, 1;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("class 0 has no points"));
  y << 0, 0, 0, 0;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("single class"));
  y << 0, 1, 2, 1;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("labels must be 0 or 1"));
  y << 0, 1, 0.5, 1;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("y[2]=0.5"));
  y << 0, 1, 1, 0;
  X(3, 1) = std::nan("");
  CHECK_THROWS_WITH(m.setData(X, y), Contains("X[3][1]=NaN"));
  X(3, 1) = 1;
  m.setData(X, y);  // XOR: needs a non-linear kernel
  CHECK_THROWS_WITH(m.decisionFunction(Matrix(2, 3)), Contains("expected 2 feature column(s), got 3"));
  CHECK_THROWS_AS(m.predict(Matrix(1, 1)), dw::ShapeError);
  m.setKernel("poly");
  m.setDegree(2);
  m.setCoef0(1);
  m.setC(100);
  m.fit(1000);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.score(X, y) == 1.0);
  CHECK(m.kernelName() == "poly");
  LinearSVM lin;
  CHECK_THROWS_WITH(lin.setC(-3), Contains("LinearSVM.setC: C=-3"));
  CHECK_THROWS_AS(lin.weights(), dw::StateError);
  // Grid heat map: two values per cell, P(class 1) above ½ where the decision is positive.
  lin.setData(X, y);
  lin.fit(1000);
  CHECK(lin.predictGrid(-1, 2, -1, 2, 5, 5).size() == 50);
}

#include "dw/polynomial_regression.hpp"

#include <cmath>
#include <string>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr int kMaxDegree = 15;
constexpr int kMaxLassoSweeps = 200000;

// Soft-thresholding S(v, t) = sign(v)·max(|v| − t, 0): the proximal map of t·|·|.
double softThreshold(double v, double t) {
  if (v > t) return v - t;
  if (v < -t) return v + t;
  return 0.0;
}
}  // namespace

void PolynomialRegression::checkData(const Matrix& X, const Vector&, const char* where) const {
  requireColumns(X, 1, where);
}

void PolynomialRegression::dataChanged(Index) {
  lo_ = X_.col(0).minCoeff();
  hi_ = X_.col(0).maxCoeff();
  Phi_ = basis(X_);
  if (c_.size() != degree_ + 1) resetParams();
}

void PolynomialRegression::restartLearning() {
  if (Phi_.cols() != degree_ + 1) Phi_ = basis(X_);
}

void PolynomialRegression::resetParams() { c_ = Vector::Zero(degree_ + 1); }

Matrix PolynomialRegression::basis(const Matrix& X) const {
  // z = 2(x − lo)/(hi − lo) − 1 maps the training range onto [−1, 1]; a single distinct x
  // maps to z = 0. Columns are z⁰ … z^d, built by repeated multiplication.
  double scale = hi_ > lo_ ? 2.0 / (hi_ - lo_) : 0.0;
  Matrix Phi(X.rows(), degree_ + 1);
  for (Index i = 0; i < X.rows(); ++i) {
    double z = hi_ > lo_ ? scale * (X(i, 0) - lo_) - 1.0 : 0.0;
    double power = 1.0;
    for (int j = 0; j <= degree_; ++j) {
      Phi(i, j) = power;
      power *= z;
    }
  }
  return Phi;
}

Matrix PolynomialRegression::features(const Matrix& X) const {
  const char* where = "PolynomialRegression.features";
  requireData(where);
  requireColumns(X, 1, where);
  requireFinite(X, where, "X");
  return basis(X);
}

void PolynomialRegression::setDegree(int degree) {
  requireIntInRange(degree, 1, kMaxDegree, "PolynomialRegression.setDegree", "degree");
  degree_ = degree;
  resetParams();
  settingsChanged();
}

void PolynomialRegression::setPenalty(const std::string& penalty) {
  if (penalty != "none" && penalty != "l2" && penalty != "l1")
    throw InvalidArgument("PolynomialRegression.setPenalty: penalty='" + penalty +
                          "' must be \"none\", \"l2\" or \"l1\"");
  penalty_ = penalty;
  settingsChanged();
}

void PolynomialRegression::setLambda(double lambda) {
  requireInRange(lambda, 0.0, 1e6, "PolynomialRegression.setLambda", "lambda");
  lambda_ = lambda;
  settingsChanged();
}

void PolynomialRegression::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 100.0, "PolynomialRegression.setLearningRate", "learningRate");
  learningRate_ = eta;
  resumeIfConverged();
}

void PolynomialRegression::setTolerance(double tol) {
  requireInRange(tol, 0.0, 1.0, "PolynomialRegression.setTolerance", "tolerance");
  tolerance_ = tol;
  resumeIfConverged();
}

void PolynomialRegression::setParams(const Vector& c) {
  const char* where = "PolynomialRegression.setParams";
  requireData(where);
  if (c.size() != degree_ + 1)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(degree_ + 1) +
                     " coefficients for degree " + std::to_string(degree_) + ", got " +
                     std::to_string(c.size()));
  for (Index i = 0; i < c.size(); ++i) requireInRange(c(i), -1e9, 1e9, where, "coefficient");
  c_ = c;
  restartTrace();
}

Vector PolynomialRegression::curve(double x0, double x1, int count) const {
  const char* where = "PolynomialRegression.curve";
  requireData(where);
  requireInRange(x0, -1e9, 1e9, where, "x0");
  requireInRange(x1, -1e9, 1e9, where, "x1");
  requireIntInRange(count, 2, 10000, where, "count");
  Matrix x(count, 1);
  for (int i = 0; i < count; ++i) x(i, 0) = x0 + (x1 - x0) * i / (count - 1);
  return basis(x) * c_;
}

Vector PolynomialRegression::params() const { return c_; }

Vector PolynomialRegression::predict(const Matrix& X) const { return features(X) * c_; }

double PolynomialRegression::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "PolynomialRegression.score");
  return r2Score(y, predict(X));
}

double PolynomialRegression::trainingLoss() const {
  double mse = (Phi_ * c_ - y_).squaredNorm() / static_cast<double>(y_.size());
  auto w = c_.tail(degree_);
  if (penalty_ == "l2") return mse + lambda_ * w.squaredNorm();
  if (penalty_ == "l1") return mse + lambda_ * w.lpNorm<1>();
  return mse;
}

Vector PolynomialRegression::gradient() const {
  requireData("PolynomialRegression.gradient");
  // ∂MSE/∂c = (2/n) Φᵀ(Φc − y); the ridge term λ‖w‖² adds 2λw (not on c₀).
  Vector g = (2.0 / static_cast<double>(y_.size())) * (Phi_.transpose() * (Phi_ * c_ - y_));
  if (penalty_ == "l2") g.tail(degree_) += 2.0 * lambda_ * c_.tail(degree_);
  return g;
}

void PolynomialRegression::doStep() {
  if (exactSolver_) {
    // One step is the whole closed-form fit, so fit()/crossValScore/learningCurve get the
    // exact optimum instead of a gradient-descent run.
    int sweeps = 0;
    c_ = closedForm(sweeps);
    status_ = Status::Converged;
    return;
  }
  Vector next = c_ - learningRate_ * gradient();
  // Proximal gradient (ISTA) for the non-smooth λ‖w‖₁: after the gradient step on the MSE,
  // shrink each w_j towards zero by η·λ.
  if (penalty_ == "l1")
    for (int j = 1; j <= degree_; ++j) next(j) = softThreshold(next(j), learningRate_ * lambda_);
  double moved = (next - c_).lpNorm<Eigen::Infinity>() / learningRate_;
  c_ = next;
  if (moved < tolerance_) status_ = Status::Converged;
}

Vector PolynomialRegression::solveLasso(int& sweeps) const {
  // Cyclic coordinate descent on MSE + λ‖w‖₁. With the partial residual r (c_j's own term
  // added back), the exact minimiser over c_j is S(φ_jᵀr/n, λ/2) / (φ_jᵀφ_j/n); the intercept
  // is unpenalised, so its update is the plain least-squares one.
  double n = static_cast<double>(y_.size());
  Vector colNorm = Phi_.colwise().squaredNorm().transpose() / n;
  Vector c = Vector::Zero(degree_ + 1);
  Vector r = y_;
  for (sweeps = 1; sweeps <= kMaxLassoSweeps; ++sweeps) {
    double maxChange = 0.0;
    for (int j = 0; j <= degree_; ++j) {
      if (colNorm(j) == 0.0) continue;  // a constant-zero column (one distinct x) stays at 0
      double rho = Phi_.col(j).dot(r) / n + colNorm(j) * c(j);
      double next = j == 0 ? rho / colNorm(j) : softThreshold(rho, lambda_ / 2) / colNorm(j);
      if (next != c(j)) {
        r -= (next - c(j)) * Phi_.col(j);
        maxChange = std::max(maxChange, std::fabs(next - c(j)));
        c(j) = next;
      }
    }
    if (maxChange <= 1e-13 * (1.0 + c.lpNorm<Eigen::Infinity>())) break;
  }
  return c;
}

Vector PolynomialRegression::closedForm(int& sweeps) const {
  sweeps = 0;
  if (penalty_ == "l1" && lambda_ > 0) return solveLasso(sweeps);
  if (penalty_ == "l2" && lambda_ > 0) {
    // min ‖y − Φc‖² + nλ‖w‖² is the least-squares problem of the stacked system
    // [Φ; √(nλ)·D] c = [y; 0] with D = [0 | I] (skips c₀). Solving it by QR avoids forming
    // ΦᵀΦ, whose condition number is the square of Φ's.
    Index n = y_.size();
    Matrix A = Matrix::Zero(n + degree_, degree_ + 1);
    A.topRows(n) = Phi_;
    double root = std::sqrt(static_cast<double>(n) * lambda_);
    for (int j = 1; j <= degree_; ++j) A(n + j - 1, j) = root;
    Vector rhs = Vector::Zero(n + degree_);
    rhs.head(n) = y_;
    return A.colPivHouseholderQr().solve(rhs);
  }
  // Orthogonal decomposition: the minimum-norm least-squares solution, also when there are
  // fewer points than coefficients (degree 15 through 12 points).
  return Phi_.completeOrthogonalDecomposition().solve(y_);
}

int PolynomialRegression::solve() {
  requireData("PolynomialRegression.solve");
  int sweeps = 0;
  c_ = closedForm(sweeps);
  restartTrace();
  status_ = Status::Converged;
  return sweeps;
}

void PolynomialRegression::setSolver(const std::string& solver) {
  if (solver != "gradient" && solver != "exact")
    throw InvalidArgument("PolynomialRegression.setSolver: solver='" + solver + "' must be \"gradient\" or \"exact\"");
  exactSolver_ = solver == "exact";
  resumeIfConverged();
}

void PolynomialRegression::recordTrace() {
  if (trace_.rows() == 0) {  // restartTrace() just cleared it: the degree may have changed
    std::vector<std::string> cols{"loss", "mse", "gradNorm"};
    for (int j = 0; j <= degree_; ++j) cols.push_back("c" + std::to_string(j));
    trace_.setColumns(cols);
  }
  std::vector<double> row{loss(), (Phi_ * c_ - y_).squaredNorm() / static_cast<double>(y_.size()),
                          gradient().norm()};
  row.insert(row.end(), c_.data(), c_.data() + c_.size());
  trace_.append(row);
}

SinExperimentResult sinExperiment(const std::vector<int>& degrees, double noise, std::uint32_t seed) {
  const char* where = "sinExperiment";
  if (degrees.empty() || degrees.size() > 64)
    throw ShapeError(std::string(where) + ": give from 1 to 64 degrees, got " + std::to_string(degrees.size()));
  for (int d : degrees) requireIntInRange(d, 1, kMaxDegree, where, "degree");
  requireInRange(noise, 0.0, 10.0, where, "noise");
  Dataset train = makeNoisySin(12, noise, seed);
  Dataset test = makeNoisySin(200, 0.0, seed);
  SinExperimentResult out;
  PolynomialRegression model;
  model.setData(train.X, train.y);
  for (int d : degrees) {
    model.setDegree(d);
    model.solve();
    out.degrees.push_back(d);
    out.trainMse.push_back(meanSquaredError(train.y, model.predict(train.X)));
    out.testMse.push_back(meanSquaredError(test.y, model.predict(test.X)));
  }
  return out;
}

}  // namespace dw

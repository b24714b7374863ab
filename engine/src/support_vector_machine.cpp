#include "dw/support_vector_machine.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/class_labels.hpp"
#include "dw/validate.hpp"

namespace dw {

void SupportVectorMachine::checkData(const Matrix&, const Vector& y, const char* where) const {
  int classes = classLabelCount(y, kMaxClassLabels, where);
  if (classes > 2)
    throw InvalidArgument(std::string(where) + ": labels must be 0 or 1 (a binary classifier), found " +
                          std::to_string(classes - 1));
  requireClassLabels(y, 2, where);
}

void SupportVectorMachine::dataChanged(Index) {
  signs_ = (2.0 * y_.array() - 1.0).matrix();  // label 1 → +1, label 0 → −1
  // libsvm (and so scikit-learn) solves with the first class, label 0, as +1 and flips the sign
  // afterwards. The dual is symmetric under y → −y, but the working-set choices are not, so the
  // same internal orientation makes our iterates follow libsvm's.
  solverSigns_ = -signs_;
  kernelMatrix_.build(X_, kernel_);
  restartLearning();
}

void SupportVectorMachine::restartLearning() {
  if (X_.rows() > 0) solver_.start(solverSigns_, C_, tolerance_);
}

void SupportVectorMachine::resetParams() {
  // The dual starts at α = 0 whatever the seed: SMO needs no randomness.
  restartLearning();
}

void SupportVectorMachine::useKernel(const SvmKernel& kernel) {
  kernel_ = kernel;
  if (status_ != Status::Empty) kernelMatrix_.build(X_, kernel_);
  settingsChanged();
}

void SupportVectorMachine::setC(double C) {
  requireInOpenClosed(C, 0.0, 1e12, (std::string(name()) + ".setC").c_str(), "C");
  C_ = C;
  settingsChanged();
}

void SupportVectorMachine::setTolerance(double tolerance) {
  requireInOpenClosed(tolerance, 0.0, 1.0, (std::string(name()) + ".setTolerance").c_str(), "tolerance");
  tolerance_ = tolerance;
  settingsChanged();
}

void SupportVectorMachine::setPairsPerStep(int pairs) {
  requireIntInRange(pairs, 1, 1'000'000, (std::string(name()) + ".setPairsPerStep").c_str(), "pairs");
  pairsPerStep_ = pairs;
}

void SupportVectorMachine::doStep() {
  solver_.iterate(pairsPerStep_, kernelMatrix_);
  if (solver_.converged()) status_ = Status::Converged;
}

double SupportVectorMachine::bias() const {
  requireData((std::string(name()) + ".bias").c_str());
  return intercept();
}

std::vector<int> SupportVectorMachine::supportVectors() const {
  requireData((std::string(name()) + ".supportVectors").c_str());
  std::vector<int> out;
  for (Index i = 0; i < solver_.alpha().size(); ++i)
    if (solver_.alpha()(i) > 0) out.push_back(static_cast<int>(i));
  return out;
}

Vector SupportVectorMachine::dualCoefficients() const {
  std::vector<int> sv = supportVectors();
  Vector out(static_cast<Index>(sv.size()));
  for (std::size_t s = 0; s < sv.size(); ++s) out(static_cast<Index>(s)) = signs_(sv[s]) * solver_.alpha()(sv[s]);
  return out;
}

void SupportVectorMachine::validateInput(const Matrix& X, const char* call) const {
  std::string where = std::string(name()) + "." + call;
  requireData(where.c_str());
  requireColumns(X, featureCount_, where.c_str());
  requireFinite(X, where.c_str(), "X");
}

Vector SupportVectorMachine::decisionValues(const Matrix& X) const {
  // f(x) = Σ_{s ∈ SV} (y_s α_s) K(x_s, x) + b: only support vectors contribute.
  std::vector<int> sv = supportVectors();
  Matrix svX(static_cast<Index>(sv.size()), featureCount_);
  for (std::size_t s = 0; s < sv.size(); ++s) svX.row(static_cast<Index>(s)) = X_.row(sv[s]);
  Vector f = Vector::Constant(X.rows(), intercept());
  if (sv.empty()) return f;
  Vector coef = dualCoefficients();
  // Blocks of rows keep the kernel block small (a 200×200 heat-map grid against 100 support
  // vectors would otherwise be a 32 MB temporary).
  const Index block = 1024;
  for (Index start = 0; start < X.rows(); start += block) {
    Index rows = std::min(block, X.rows() - start);
    f.segment(start, rows) += kernel_.cross(X.middleRows(start, rows), svX) * coef;
  }
  return f;
}

Vector SupportVectorMachine::decisionFunction(const Matrix& X) const {
  validateInput(X, "decisionFunction");
  return decisionValues(X);
}

Vector SupportVectorMachine::predict(const Matrix& X) const {
  validateInput(X, "predict");
  return (decisionValues(X).array() > 0).cast<double>().matrix();
}

Matrix SupportVectorMachine::predictProba(const Matrix& X) const {
  validateInput(X, "predictProba");
  Vector f = decisionValues(X);
  if (f.size() == 0) return Matrix(0, 2);  // an empty matrix's columns have no storage to point at
  Matrix proba(X.rows(), 2);
  // σ(f) = 1 / (1 + e^(−f)): monotone in the decision value, ½ on the boundary.
  proba.col(1) = (1.0 / (1.0 + (-f.array()).exp())).matrix();
  proba.col(0) = (1.0 - proba.col(1).array()).matrix();
  return proba;
}

double SupportVectorMachine::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, (std::string(name()) + ".score").c_str());
  return accuracy(y, predict(X));
}

double SupportVectorMachine::trainingLoss() const {
  if (X_.rows() == 0) return 0.0;
  // In the solver's orientation (labels s_i = −y_i, decision g = −f with bias β = −b), on the
  // training points Σ_j α_j s_j K_ij = s_i (G_i + 1), so the margin y_i f(x_i) = s_i g(x_i) =
  // G_i + 1 + s_i β and the hinge is max(0, −G_i − s_i β): no kernel evaluations needed.
  const Vector& G = solver_.gradient();
  double b = solver_.bias();  // in the solver's orientation
  double hinge = (-G.array() - solverSigns_.array() * b).max(0.0).sum();
  return solver_.quadraticTerm() + C_ * hinge;
}

double SupportVectorMachine::dualObjective() const {
  requireData((std::string(name()) + ".dualObjective").c_str());
  return solver_.alpha().sum() - solver_.quadraticTerm();
}

void SupportVectorMachine::recordTrace() {
  std::vector<std::string> cols{"loss", "dual", "violation", "bias", "supportVectors", "pairUpdates"};
  for (auto& c : extraTraceColumns()) cols.push_back(c);
  if (trace_.columns() != cols) trace_.setColumns(cols);
  double count = 0;
  for (Index i = 0; i < solver_.alpha().size(); ++i) count += solver_.alpha()(i) > 0 ? 1 : 0;
  std::vector<double> row{loss(), dualObjective(), solver_.violation(), intercept(), count,
                          static_cast<double>(solver_.totalPairs())};
  appendExtraTrace(row);
  trace_.append(row);
}

}  // namespace dw

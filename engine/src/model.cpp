#include "dw/model.hpp"

#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

const char* statusName(Status s) {
  switch (s) {
    case Status::Empty: return "empty";
    case Status::Ready: return "ready";
    case Status::Converged: return "converged";
    case Status::Diverged: return "diverged";
  }
  return "unknown";
}

void Trace::setColumns(std::vector<std::string> columns) {
  columns_ = std::move(columns);
  values_.clear();
}

void Trace::append(const std::vector<double>& row) {
  if (row.size() != columns_.size()) throw StateError("Trace.append: row width does not match columns");
  if (values_.size() + row.size() > kMaxValues) return;
  values_.insert(values_.end(), row.begin(), row.end());
}

double Trace::at(std::size_t row, const std::string& column) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c] == column) return at(row, c);
  throw InvalidArgument("Trace.at: no column named '" + column + "'");
}

std::vector<double> Trace::lastRow() const {
  if (rows() == 0) return {};
  return std::vector<double>(values_.end() - static_cast<long>(columns_.size()), values_.end());
}

void Model::reset(std::uint32_t seed) {
  seed_ = seed;
  resetParams();
  if (status_ != Status::Empty) restartTrace();
}

void Model::restartTrace() {
  steps_ = 0;
  status_ = Status::Ready;
  trace_.clear();
  recordTrace();
}

void Model::settingsChanged() {
  if (status_ == Status::Empty) return;
  restartLearning();
  restartTrace();
}

void SupervisedModel::setData(const Matrix& X, const Vector& y) {
  const std::string where = std::string(name()) + ".setData";
  requireSupervisedShape(X, y, minRows_, where.c_str());  // non-empty, y matches, ≥ minRows, finite
  if (maxRows_ > 0 && X.rows() > maxRows_)
    throw ShapeError(where + ": " + std::to_string(X.rows()) + " points is too many (at most " +
                     std::to_string(maxRows_) + ")");
  checkData(X, y, where.c_str());
  const Index previousWidth = featureCount_;
  X_ = X;
  y_ = y;
  featureCount_ = X.cols();
  dataChanged(previousWidth);
  restartTrace();
}

void Model::requireData(const char* where) const {
  if (status_ == Status::Empty)
    throw StateError(std::string(where) + ": no training data yet; call setData(X, y) first");
}

void Model::throwNoData(const char* call) const {
  requireData((std::string(name()) + "." + call).c_str());
  throw StateError(std::string(name()) + "." + call + ": no training data yet");  // not reached
}

double Model::step() {
  std::string where = std::string(name()) + ".step";
  requireData(where.c_str());
  if (status_ == Status::Diverged)
    throw StateError(where + ": training has diverged (the loss is no longer finite); call reset() "
                             "or lower the learning rate");
  doStep();
  ++steps_;
  double l = tracing_ ? loss() : stepLoss();
  if (!std::isfinite(l) || std::fabs(l) > 1e150) status_ = Status::Diverged;
  if (tracing_) recordTrace();
  return l;
}

int Model::fit(int maxSteps) {
  std::string where = std::string(name()) + ".fit";
  requireIntInRange(maxSteps, 0, 10'000'000, where.c_str(), "maxSteps");
  requireData(where.c_str());
  int taken = 0;
  while (taken < maxSteps && status_ == Status::Ready) {
    step();
    ++taken;
  }
  return taken;
}

GridAxes gridAxes(double x0, double x1, double y0, double y1, int nx, int ny, const char* where) {
  for (double v : {x0, x1, y0, y1}) requireInRange(v, -1e9, 1e9, where, "bound");
  requireIntInRange(nx, 1, 2000, where, "nx");
  requireIntInRange(ny, 1, 2000, where, "ny");
  GridAxes axes{Vector(nx), Vector(ny)};
  for (int i = 0; i < nx; ++i) axes.xs(i) = x0 + (x1 - x0) * (i + 0.5) / nx;
  for (int j = 0; j < ny; ++j) axes.ys(j) = y0 + (y1 - y0) * (j + 0.5) / ny;
  return axes;
}

Matrix gridPoints(double x0, double x1, double y0, double y1, int nx, int ny, const char* where) {
  GridAxes axes = gridAxes(x0, x1, y0, y1, nx, ny, where);
  Matrix grid(static_cast<Index>(nx) * ny, 2);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      Index r = static_cast<Index>(j) * nx + i;
      grid(r, 0) = axes.xs(i);
      grid(r, 1) = axes.ys(j);
    }
  return grid;
}

Vector Model::predictGrid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  std::string where = std::string(name()) + ".predictGrid";
  requireData(where.c_str());
  if (featureCount_ != 2) throw ShapeError(where + ": needs a model trained on 2 features");
  Matrix grid = gridPoints(x0, x1, y0, y1, nx, ny, where.c_str());
  if (!isClassifier()) return predict(grid);
  Matrix proba = predictProba(grid);  // row-major, so the data is cells × classes in order
  return Eigen::Map<const Vector>(proba.data(), proba.size());
}

Matrix Model::predictProba(const Matrix&) const {
  throw StateError(std::string(name()) + ".predictProba: this model is not a classifier");
}

}  // namespace dw

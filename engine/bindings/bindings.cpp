// The one embind registry (EMSCRIPTEN_BINDINGS block) of the engine. It registers the shared
// Model interface, linear regression and the data generators here, and each model family from
// its bind_<family>.hpp fragment beside this file. Bindings only translate types (adapters.hpp)
// and turn C++ errors into JS errors (guarded); all behaviour lives in the engine. web/engine/index.js wraps this module with the friendly JS API.
#include <emscripten/bind.h>
#include <malloc.h>

#include "adapters.hpp"
#include "bind_linear_models.hpp"
#include "bind_neighbors_svm.hpp"
#include "bind_trees_ensembles.hpp"
#include "bind_mlp_optimizers.hpp"
#include "bind_unsupervised.hpp"
#include "bind_evaluation.hpp"
#include "bind_reinforcement.hpp"
#include "bind_course.hpp"
#include "bind_landscape.hpp"
#include "bind_frontier.hpp"
#include "bind_linalg.hpp"
#include "bind_text.hpp"
#include "bind_distributions.hpp"
#include "dw/datasets.hpp"
#include "dw/linear_regression.hpp"
#include "dw/model.hpp"
#include "dw/validate.hpp"

using namespace emscripten;
using dw::js::guarded;
using dw::js::val;

namespace {

// ---- the interface every model shares ----
void setData(dw::Model& m, const val& X, double cols, const val& y) {
  guarded([&] {
    std::string where = std::string(m.name()) + ".setData";
    m.setData(dw::js::toMatrix(X, cols, where.c_str()), dw::js::toVector(y, where.c_str(), "y"));
  });
}
void reset(dw::Model& m, double seed) {
  guarded([&] {
    dw::requireIntInRange(seed, 0, 4294967295LL, (std::string(m.name()) + ".reset").c_str(), "seed");
    m.reset(static_cast<std::uint32_t>(seed));
  });
}
double step(dw::Model& m) { return guarded([&] { return m.step(); }); }
int fit(dw::Model& m, double maxSteps) {
  return guarded([&] {
    dw::requireIntInRange(maxSteps, 0, 10'000'000, (std::string(m.name()) + ".fit").c_str(), "maxSteps");
    return m.fit(static_cast<int>(maxSteps));
  });
}
double score(const dw::Model& m, const val& X, const val& y) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".score";
    return m.score(dw::js::toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where.c_str()),
                   dw::js::toVector(y, where.c_str(), "y"));
  });
}
val predict(const dw::Model& m, const val& X) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".predict";
    return dw::js::viewOf(m.predict(dw::js::toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where.c_str())));
  });
}
val predictGrid(const dw::Model& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    dw::requireIntInRange(nx, 1, 2000, (std::string(m.name()) + ".predictGrid").c_str(), "nx");
    dw::requireIntInRange(ny, 1, 2000, (std::string(m.name()) + ".predictGrid").c_str(), "ny");
    return dw::js::viewOf(m.predictGrid(x0, x1, y0, y1, static_cast<int>(nx), static_cast<int>(ny)));
  });
}
val params(const dw::Model& m) {
  return guarded([&] { return dw::js::copyToJs(m.status() == dw::Status::Empty ? dw::Vector() : m.params()); });
}
double loss(const dw::Model& m) {
  return guarded([&] {
    if (m.status() == dw::Status::Empty)
      throw dw::StateError(std::string(m.name()) + ".loss: no training data yet; call setData(X, y) first");
    return m.loss();
  });
}
// Classifiers' class probabilities: n × classCount() values, row-major (a copy, so it survives
// later allocations). Other models throw the engine's "not a classifier" StateError.
val predictProba(const dw::Model& m, const val& X) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".predictProba";
    dw::Matrix P = m.predictProba(dw::js::toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where.c_str()));
    return dw::js::copyToJs(P.data(), static_cast<std::size_t>(P.size()));
  });
}
std::string status(const dw::Model& m) { return dw::statusName(m.status()); }
val traceColumns(const dw::Model& m) { return dw::js::stringsToJs(m.trace().columns()); }
val traceValues(const dw::Model& m) { return dw::js::copyToJs(m.trace().values()); }
int traceRows(const dw::Model& m) { return static_cast<int>(m.trace().rows()); }

// ---- LinearRegression ----
void lrSetLearningRate(dw::LinearRegression& m, double eta) { guarded([&] { m.setLearningRate(eta); }); }
void lrSetTolerance(dw::LinearRegression& m, double tol) { guarded([&] { m.setTolerance(tol); }); }
void lrSetParams(dw::LinearRegression& m, const val& p) {
  guarded([&] { m.setParams(dw::js::toVector(p, "LinearRegression.setParams", "params")); });
}
val lrGradient(const dw::LinearRegression& m) { return guarded([&] { return dw::js::copyToJs(m.gradient()); }); }
val lrClosedForm(const dw::LinearRegression& m) { return guarded([&] { return dw::js::copyToJs(m.closedForm()); }); }
double lrMse(const dw::LinearRegression& m, const val& X, const val& y) {
  return guarded([&] {
    return m.mse(dw::js::toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), "LinearRegression.mse"),
                 dw::js::toVector(y, "LinearRegression.mse", "y"));
  });
}

// ---- datasets ----
val datasetToJs(const dw::Dataset& d) {
  val out = val::object();
  out.set("X", dw::js::copyToJs(d.X.data(), static_cast<std::size_t>(d.X.size())));
  out.set("y", dw::js::copyToJs(d.y));
  out.set("cols", static_cast<int>(d.X.cols()));
  out.set("rows", static_cast<int>(d.X.rows()));
  return out;
}
std::uint32_t seedOf(double seed, const char* where) {
  dw::requireIntInRange(seed, 0, 4294967295LL, where, "seed");
  return static_cast<std::uint32_t>(seed);
}
int countOf(double n, const char* where) {
  dw::requireIntInRange(n, 1, 100000, where, "n");
  return static_cast<int>(n);
}
val makeLinear(double n, double slope, double intercept, double noise, double seed, double xMin, double xMax) {
  return guarded([&] {
    return datasetToJs(dw::makeLinear(countOf(n, "makeLinear"), slope, intercept, noise, seedOf(seed, "makeLinear"), xMin, xMax));
  });
}
val makeNoisySin(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makeNoisySin(countOf(n, "makeNoisySin"), noise, seedOf(seed, "makeNoisySin"))); });
}
val makeBlobs(double n, double classes, double spread, double seed) {
  return guarded([&] {
    dw::requireIntInRange(classes, 1, 8, "makeBlobs", "classes");
    return datasetToJs(dw::makeBlobs(countOf(n, "makeBlobs"), static_cast<int>(classes), spread, seedOf(seed, "makeBlobs")));
  });
}
val makeMoons(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makeMoons(countOf(n, "makeMoons"), noise, seedOf(seed, "makeMoons"))); });
}
val makeCircles(double n, double noise, double factor, double seed) {
  return guarded([&] { return datasetToJs(dw::makeCircles(countOf(n, "makeCircles"), noise, factor, seedOf(seed, "makeCircles"))); });
}
val makeXor(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makeXor(countOf(n, "makeXor"), noise, seedOf(seed, "makeXor"))); });
}
val makeSpiral(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makeSpiral(countOf(n, "makeSpiral"), noise, seedOf(seed, "makeSpiral"))); });
}
val makePlane(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makePlane(countOf(n, "makePlane"), noise, seedOf(seed, "makePlane"))); });
}
val makeMultiGaussian(double n, double noise, double seed) {
  return guarded([&] { return datasetToJs(dw::makeMultiGaussian(countOf(n, "makeMultiGaussian"), noise, seedOf(seed, "makeMultiGaussian"))); });
}
val houseTable() {
  val out = datasetToJs(dw::houseTable());
  out.set("columns", dw::js::stringsToJs(dw::houseColumns()));
  return out;
}

// Bytes currently allocated by malloc inside the WASM heap, for leak tests.
double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(data_workshop) {
  class_<dw::Model>("Model")
      .function("setData", &setData)
      .function("reset", &reset)
      .function("step", &step)
      .function("fit", &fit)
      .function("score", &score)
      .function("predict", &predict)
      .function("predictGrid", &predictGrid)
      .function("params", &params)
      .function("loss", &loss)
      .function("status", &status)
      .function("isClassifier", &dw::Model::isClassifier)
      .function("classCount", &dw::Model::classCount)
      .function("predictProba", &predictProba)
      .function("setTracing", &dw::Model::setTracing)
      .function("tracing", &dw::Model::tracing)
      .function("steps", &dw::Model::steps)
      .function("featureCount", optional_override([](const dw::Model& m) { return static_cast<int>(m.featureCount()); }))
      .function("traceColumns", &traceColumns)
      .function("traceValues", &traceValues)
      .function("traceRows", &traceRows);

  class_<dw::LinearRegression, base<dw::Model>>("LinearRegression")
      .constructor<>()
      .function("setLearningRate", &lrSetLearningRate)
      .function("learningRate", &dw::LinearRegression::learningRate)
      .function("setTolerance", &lrSetTolerance)
      .function("setParams", &lrSetParams)
      .function("setInterceptFrozen", &dw::LinearRegression::setInterceptFrozen)
      .function("gradient", &lrGradient)
      .function("closedForm", &lrClosedForm)
      .function("mse", &lrMse);

  function("makeLinear", &makeLinear);
  function("makeNoisySin", &makeNoisySin);
  function("makeBlobs", &makeBlobs);
  function("makeMoons", &makeMoons);
  function("makeCircles", &makeCircles);
  function("makeXor", &makeXor);
  function("makeSpiral", &makeSpiral);
  function("makePlane", &makePlane);
  function("makeMultiGaussian", &makeMultiGaussian);
  function("houseTable", &houseTable);
  function("heapBytesInUse", &heapBytesInUse);

  // Model families, each registered from its own fragment beside this file.
  dw::js::bind_linear_models();
  dw::js::bind_neighbors_svm();
  dw::js::bind_trees_ensembles();
  dw::js::bind_mlp_optimizers();
  dw::js::bind_unsupervised();
  dw::js::bind_evaluation();
  dw::js::bind_reinforcement();
  dw::js::bind_course();
  dw::js::bind_landscape();
  dw::js::bind_frontier();
  dw::js::bind_linalg();
  dw::js::bind_text();
  dw::js::bind_distributions();
}

// The one embind registry (EMSCRIPTEN_BINDINGS block) of the engine. It registers the shared
// Model interface, linear regression and the data generators here, and each model family from
// its bind_<family>.hpp fragment beside this file. Bindings only translate types (adapters.hpp)
// and turn C++ errors into JS errors (guarded); all behaviour lives in the engine. web/engine/index.js wraps this module with the friendly JS API.
// This file is linked twice (CMakeLists.txt): the full module (dw-engine) registers everything; the
// core module (dw-core, compiled with DW_ENGINE_CORE) registers only what the first levels use —
// the Model interface, linear regression, the data generators, the linear-model family and the
// course's house data — so the first lessons download a fraction of the engine (docs/engine-api.md,
// "Two modules"). A new family goes inside the #ifndef blocks (full module only).
#include <emscripten/bind.h>
#include <malloc.h>

#include "adapters.hpp"
#include "bind_linear_models.hpp"
#include "bind_house_prices.hpp"
#ifndef DW_ENGINE_CORE
#include "bind_neighbors_svm.hpp"
#include "bind_trees_ensembles.hpp"
#include "bind_mlp_optimizers.hpp"
#include "bind_unsupervised.hpp"
#include "bind_evaluation.hpp"
#include "bind_reinforcement.hpp"
#include "bind_deep_q.hpp"
#include "bind_learning_theory.hpp"
#include "bind_neural_blocks.hpp"
#include "bind_linalg.hpp"
#include "bind_text.hpp"
#include "bind_model_comparison.hpp"
#include "bind_conv_net.hpp"
#include "bind_gan.hpp"
#include "bind_recurrent.hpp"
#include "bind_distributions.hpp"
#include "bind_transfer.hpp"
#include "bind_training_tricks.hpp"
#include "bind_regression.hpp"
#include "bind_time_series.hpp"
#include "bind_drift_monitor.hpp"
#include "bind_retrieval.hpp"
#include "bind_bayes_search.hpp"
#include "bind_svd.hpp"
#endif  // DW_ENGINE_CORE
#include "dw/datasets.hpp"
#include "dw/linear_regression.hpp"
#include "dw/model.hpp"
#include "dw/validate.hpp"

using namespace emscripten;
using dw::js::guarded;
using dw::js::val;

namespace dw::js {
// The house table: the data set plus its column names.
struct HouseTable {
  Dataset data;
  std::vector<std::string> columns;
};
template <>
struct JsFields<HouseTable> {
  static auto list() {
    return std::tuple_cat(datasetFields<HouseTable, &HouseTable::data>(), std::make_tuple(field("columns", &HouseTable::columns)));
  }
};
}  // namespace dw::js

namespace {

// ---- the interface every model shares ----
void setData(dw::Model& m, const val& X, double cols, const val& y) {
  guarded([&] {
    std::string where = std::string(m.name()) + ".setData";
    m.setData(dw::js::toMatrix(X, cols, where.c_str()), dw::js::toVector(y, where.c_str(), "y"));
  });
}
void reset(dw::Model& m, double seed) {
  guarded([&] { m.reset(dw::js::seedArg(seed, (std::string(m.name()) + ".reset").c_str())); });
}
double step(dw::Model& m) { return guarded([&] { return m.step(); }); }
int fit(dw::Model& m, double maxSteps) {
  return guarded([&] { return m.fit(dw::js::intArg(maxSteps, (std::string(m.name()) + ".fit").c_str(), "maxSteps")); });
}
double score(const dw::Model& m, const val& X, const val& y) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".score";
    return m.score(dw::js::queryRows(m, X, "score"), dw::js::toVector(y, where.c_str(), "y"));
  });
}
val predict(const dw::Model& m, const val& X) {
  return guarded([&] { return dw::js::viewOf(m.predict(dw::js::queryRows(m, X, "predict"))); });
}
val predictGrid(const dw::Model& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".predictGrid";
    return dw::js::viewOf(m.predictGrid(x0, x1, y0, y1, dw::js::intArg(nx, where.c_str(), "nx"), dw::js::intArg(ny, where.c_str(), "ny")));
  });
}
val params(const dw::Model& m) {
  return guarded([&] { return dw::js::copyToJs(m.status() == dw::Status::Empty ? dw::Vector() : m.params()); });
}
double loss(const dw::Model& m) { return guarded([&] { return m.loss(); }); }
// Classifiers' class probabilities: n × classCount() values, row-major (a copy, so it survives
// later allocations). Other models throw the engine's "not a classifier" StateError.
val predictProba(const dw::Model& m, const val& X) {
  return guarded([&] { return dw::js::toJs(m.predictProba(dw::js::queryRows(m, X, "predictProba"))); });
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
  return guarded([&] { return m.mse(dw::js::queryRows(m, X, "mse"), dw::js::toVector(y, "LinearRegression.mse", "y")); });
}

// ---- datasets ----
using dw::js::intArg;
using dw::js::seedArg;
val makeLinear(double n, double slope, double intercept, double noise, double seed, double xMin, double xMax) {
  return guarded([&] {
    return dw::js::toJs(dw::makeLinear(intArg(n, "makeLinear", "n"), slope, intercept, noise, seedArg(seed, "makeLinear"), xMin, xMax));
  });
}
val makeNoisySin(double n, double noise, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makeNoisySin(intArg(n, "makeNoisySin", "n"), noise, seedArg(seed, "makeNoisySin"))); });
}
val makeBlobs(double n, double classes, double spread, double seed) {
  return guarded([&] {
    return dw::js::toJs(dw::makeBlobs(intArg(n, "makeBlobs", "n"), intArg(classes, "makeBlobs", "classes"), spread, seedArg(seed, "makeBlobs")));
  });
}
val makeMoons(double n, double noise, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makeMoons(intArg(n, "makeMoons", "n"), noise, seedArg(seed, "makeMoons"))); });
}
val makeCircles(double n, double noise, double factor, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makeCircles(intArg(n, "makeCircles", "n"), noise, factor, seedArg(seed, "makeCircles"))); });
}
val makeXor(double n, double noise, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makeXor(intArg(n, "makeXor", "n"), noise, seedArg(seed, "makeXor"))); });
}
val makeSpiral(double n, double noise, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makeSpiral(intArg(n, "makeSpiral", "n"), noise, seedArg(seed, "makeSpiral"))); });
}
val makePlane(double n, double noise, double seed) {
  return guarded([&] { return dw::js::toJs(dw::makePlane(intArg(n, "makePlane", "n"), noise, seedArg(seed, "makePlane"))); });
}
val makeMultiGaussian(double n, double noise, double seed) {
  return guarded([&] {
    return dw::js::toJs(dw::makeMultiGaussian(intArg(n, "makeMultiGaussian", "n"), noise, seedArg(seed, "makeMultiGaussian")));
  });
}
val houseTable() { return dw::js::toJs(dw::js::HouseTable{dw::houseTable(), dw::houseColumns()}); }

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
  dw::js::bind_house_prices();
#ifndef DW_ENGINE_CORE
  dw::js::bind_neighbors_svm();
  dw::js::bind_trees_ensembles();
  dw::js::bind_mlp_optimizers();
  dw::js::bind_unsupervised();
  dw::js::bind_evaluation();
  dw::js::bind_reinforcement();
  dw::js::bind_neural_blocks();
  dw::js::bind_learning_theory();
  dw::js::bind_linalg();
  dw::js::bind_text();
  dw::js::bind_model_comparison();
  dw::js::bind_conv_net();
  dw::js::bind_regression();
  dw::js::bind_gan();
  dw::js::bind_recurrent();
  dw::js::bind_distributions();
  dw::js::bind_transfer();
  dw::js::bind_training_tricks();
  dw::js::bind_deep_q();
  dw::js::bind_time_series();
  dw::js::bind_drift_monitor();
  dw::js::bind_retrieval();
  dw::js::bind_bayes_search();
  dw::js::bind_svd();
#endif  // DW_ENGINE_CORE
}

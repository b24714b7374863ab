// MLP: reading and editing weights, per-neuron grids for thumbnails, JSON import/export.
#include <cmath>

#include "dw/errors.hpp"
#include "dw/json_value.hpp"
#include "dw/mlp.hpp"
#include "dw/validate.hpp"

namespace dw {

std::vector<int> Mlp::layerSizes() const {
  if (!shapeKnown()) return {};
  std::vector<int> sizes{inputs_};
  sizes.insert(sizes.end(), hidden_.begin(), hidden_.end());
  sizes.push_back(outputs_);
  return sizes;
}

Vector Mlp::weights() const {
  std::vector<double> out;
  for (int l = 0; l < layerCount() && shapeKnown(); ++l) {
    const double* w = theta_.data() + offsets_[static_cast<std::size_t>(l)];
    out.insert(out.end(), w, w + static_cast<Index>(unitsIn(l)) * unitsOut(l));
  }
  return Eigen::Map<Vector>(out.data(), static_cast<Index>(out.size()));
}

Vector Mlp::biases() const {
  std::vector<double> out;
  for (int l = 0; l < layerCount() && shapeKnown(); ++l) {
    const double* b = theta_.data() + offsets_[static_cast<std::size_t>(l)] + static_cast<Index>(unitsIn(l)) * unitsOut(l);
    out.insert(out.end(), b, b + unitsOut(l));
  }
  return Eigen::Map<Vector>(out.data(), static_cast<Index>(out.size()));
}

void Mlp::checkLayer(int layer, const char* where) const {
  if (!shapeKnown())
    throw StateError(std::string(where) + ": the network has no weights yet; call setData(X, y) or importJson() first");
  if (layer < 0 || layer >= layerCount())
    throw InvalidArgument(std::string(where) + ": layer=" + std::to_string(layer) + " must be from 0 to " +
                          std::to_string(layerCount() - 1));
}

double Mlp::weight(int layer, int from, int to) const {
  const char* where = "MLP.weight";
  checkLayer(layer, where);
  requireIntInRange(from, 0, unitsIn(layer) - 1, where, "from");
  requireIntInRange(to, 0, unitsOut(layer) - 1, where, "to");
  return theta_(offsets_[static_cast<std::size_t>(layer)] + static_cast<Index>(from) * unitsOut(layer) + to);
}

void Mlp::setWeight(int layer, int from, int to, double value) {
  const char* where = "MLP.setWeight";
  checkLayer(layer, where);
  requireIntInRange(from, 0, unitsIn(layer) - 1, where, "from");
  requireIntInRange(to, 0, unitsOut(layer) - 1, where, "to");
  requireInRange(value, -1e6, 1e6, where, "value");
  theta_(offsets_[static_cast<std::size_t>(layer)] + static_cast<Index>(from) * unitsOut(layer) + to) = value;
  paramsChanged();
  settingsChanged();
}

void Mlp::setBias(int layer, int unit, double value) {
  const char* where = "MLP.setBias";
  checkLayer(layer, where);
  requireIntInRange(unit, 0, unitsOut(layer) - 1, where, "unit");
  requireInRange(value, -1e6, 1e6, where, "value");
  theta_(offsets_[static_cast<std::size_t>(layer)] + static_cast<Index>(unitsIn(layer)) * unitsOut(layer) + unit) = value;
  paramsChanged();
  settingsChanged();
}

void Mlp::setParams(const Vector& theta) {
  const char* where = "MLP.setParams";
  if (!shapeKnown()) throw StateError(std::string(where) + ": the network has no weights yet; call setData(X, y) first");
  if (theta.size() != theta_.size())
    throw ShapeError(std::string(where) + ": expected " + std::to_string(theta_.size()) + " values, got " +
                     std::to_string(theta.size()));
  for (Index i = 0; i < theta.size(); ++i) requireInRange(theta(i), -1e6, 1e6, where, "param");
  theta_ = theta;
  paramsChanged();
  settingsChanged();
}

Vector Mlp::neuronGrid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  const char* where = "MLP.neuronGrid";
  requireData(where);
  if (featureCount_ != 2) throw ShapeError(std::string(where) + ": needs a model trained on 2-column data");
  requireIntInRange(nx, 1, 2000, where, "nx");
  requireIntInRange(ny, 1, 2000, where, "ny");
  Index cells = static_cast<Index>(nx) * ny, neurons = 0;
  for (int s : layerSizes()) neurons += s;
  if (cells * neurons > 16'000'000)
    throw InvalidArgument(std::string(where) + ": " + std::to_string(cells) + " cells × " + std::to_string(neurons) +
                          " neurons is too many values; use a smaller grid");
  Matrix inputs = gridInputs(x0, x1, y0, y1, nx, ny, where);
  std::vector<Matrix> all;
  Matrix out;
  forward(inputs, out, &all);
  // Neuron-major layout: a thumbnail is one contiguous run of nx·ny values.
  Vector flat(cells * neurons);
  Index pos = 0;
  for (const Matrix& layer : all)
    for (Index j = 0; j < layer.cols(); ++j, pos += cells) flat.segment(pos, cells) = layer.col(j);
  return flat;
}

Matrix Mlp::gridInputs(double x0, double x1, double y0, double y1, int nx, int ny, const char* where) const {
  return inputsOf(gridPoints(x0, x1, y0, y1, nx, ny, where), where);
}

// ---------------------------------------------------------------- JSON

std::string Mlp::exportJson() const {
  if (!shapeKnown()) throw StateError("MLP.exportJson: the network has no weights yet; call setData(X, y) first");
  // Version 1 is the plain network; version 2 adds batch normalisation's γ, β and running
  // statistics (one array per hidden layer each), so a plain network still exports as before.
  std::string s = std::string("{\"format\":\"dw-mlp\",\"version\":") + (batchNorm_ ? "2" : "1") +
                  ",\"inputs\":" + std::to_string(inputs_) + ",\"features\":[";
  for (std::size_t i = 0; i < features_.size(); ++i) s += (i ? "," : "") + jsonString(featureName(features_[i]));
  s += "],\"hidden\":[";
  for (std::size_t i = 0; i < hidden_.size(); ++i) s += (i ? "," : "") + std::to_string(hidden_[i]);
  s += "],\"activations\":[";
  for (std::size_t i = 0; i < activations_.size(); ++i) s += (i ? "," : "") + jsonString(activationName(activations_[i]));
  s += "],\"output\":" + jsonString(outputKindName(outputResolved_)) + ",\"outputs\":" + std::to_string(outputs_) +
       ",\"loss\":" + jsonString(lossKindName(lossResolved_)) + ",\"weights\":[";
  for (int l = 0; l < layerCount(); ++l) {
    Index off = offsets_[static_cast<std::size_t>(l)], count = static_cast<Index>(unitsIn(l)) * unitsOut(l);
    s += l ? ",[" : "[";
    for (Index k = 0; k < count; ++k) s += (k ? "," : "") + jsonNumber(theta_(off + k));
    s += "]";
  }
  s += "],\"biases\":[";
  for (int l = 0; l < layerCount(); ++l) {
    Index off = offsets_[static_cast<std::size_t>(l)] + static_cast<Index>(unitsIn(l)) * unitsOut(l);
    s += l ? ",[" : "[";
    for (int k = 0; k < unitsOut(l); ++k) s += (k ? "," : "") + jsonNumber(theta_(off + k));
    s += "]";
  }
  s += "]";
  if (batchNorm_) {
    // Per hidden layer: γ, β (parameters) and the running mean and variance (state).
    auto rows = [&](const char* key, auto valueOf) {
      s += ",\"" + std::string(key) + "\":[";
      for (int l = 0; l + 1 < layerCount(); ++l) {
        s += l ? ",[" : "[";
        for (int k = 0; k < unitsOut(l); ++k) s += (k ? "," : "") + jsonNumber(valueOf(l, k));
        s += "]";
      }
      s += "]";
    };
    s += ",\"batchNorm\":true";
    rows("gamma", [&](int l, int k) { return theta_(scaleOffset(l) + k); });
    rows("beta", [&](int l, int k) { return theta_(scaleOffset(l) + unitsOut(l) + k); });
    rows("runningMean", [&](int l, int k) { return runMean_[static_cast<std::size_t>(l)](k); });
    rows("runningVariance", [&](int l, int k) { return runVar_[static_cast<std::size_t>(l)](k); });
  }
  return s + "}";
}

namespace {
const char* kImport = "MLP.importJson";
const JsonValue& field(const JsonValue& obj, const char* key, JsonValue::Kind kind) {
  if (!obj.has(key) || obj.fields.at(key).kind != kind)
    throw InvalidArgument(std::string(kImport) + ": field '" + key + "' is missing or has the wrong type");
  return obj.fields.at(key);
}
int intField(const JsonValue& obj, const char* key, int lo, int hi) {
  double v = field(obj, key, JsonValue::Kind::Number).number;
  requireIntInRange(v, lo, hi, kImport, key);
  return static_cast<int>(v);
}
std::vector<std::string> names(const JsonValue& arr, const char* key) {
  std::vector<std::string> out;
  for (const auto& item : arr.items) {
    if (item.kind != JsonValue::Kind::String)
      throw InvalidArgument(std::string(kImport) + ": '" + key + "' must hold strings");
    out.push_back(item.text);
  }
  return out;
}
// Copies arrays of numbers (one per layer) into theta at the given offsets, checking lengths.
void readLayers(const JsonValue& arr, const char* key, const std::vector<Index>& offsets,
                const std::vector<Index>& lengths, Vector& theta) {
  if (arr.items.size() != lengths.size())
    throw ShapeError(std::string(kImport) + ": '" + key + "' has " + std::to_string(arr.items.size()) +
                     " layers, the architecture needs " + std::to_string(lengths.size()));
  for (std::size_t l = 0; l < lengths.size(); ++l) {
    const JsonValue& layer = arr.items[l];
    if (layer.kind != JsonValue::Kind::Array || static_cast<Index>(layer.items.size()) != lengths[l])
      throw ShapeError(std::string(kImport) + ": " + key + "[" + std::to_string(l) + "] needs " +
                       std::to_string(lengths[l]) + " numbers, got " +
                       (layer.kind == JsonValue::Kind::Array ? std::to_string(layer.items.size()) : "no array"));
    for (std::size_t k = 0; k < layer.items.size(); ++k) {
      if (layer.items[k].kind != JsonValue::Kind::Number)
        throw InvalidArgument(std::string(kImport) + ": " + key + "[" + std::to_string(l) + "][" + std::to_string(k) + "] is not a number");
      requireInRange(layer.items[k].number, -1e6, 1e6, kImport, key);
      theta(offsets[l] + static_cast<Index>(k)) = layer.items[k].number;
    }
  }
}
}  // namespace

void Mlp::importJson(const std::string& json) {
  if (json.size() > 10'000'000) throw InvalidArgument(std::string(kImport) + ": the text is too long");
  JsonValue doc = parseJson(json, kImport);
  if (doc.kind != JsonValue::Kind::Object) throw InvalidArgument(std::string(kImport) + ": expected a JSON object");
  if (!doc.has("format") || doc.fields.at("format").text != "dw-mlp")
    throw InvalidArgument(std::string(kImport) + ": not a network exported by MLP.exportJson (format must be 'dw-mlp')");
  const int version = intField(doc, "version", 1, 2);
  // Read everything into locals first, so a rejected import leaves the model untouched.
  Mlp m;
  m.features_ = names(field(doc, "features", JsonValue::Kind::Array), "features").empty()
                    ? std::vector<Feature>{}
                    : featuresFromNames(names(doc.fields.at("features"), "features"), kImport);
  std::vector<int> hidden;
  for (const auto& item : field(doc, "hidden", JsonValue::Kind::Array).items) {
    if (item.kind != JsonValue::Kind::Number) throw InvalidArgument(std::string(kImport) + ": 'hidden' must hold numbers");
    requireIntInRange(item.number, 1, kMaxUnits, kImport, "hidden units");
    hidden.push_back(static_cast<int>(item.number));
  }
  m.setLayers(hidden);
  if (version == 2) m.batchNorm_ = field(doc, "batchNorm", JsonValue::Kind::Bool).boolean;
  std::vector<std::string> acts = names(field(doc, "activations", JsonValue::Kind::Array), "activations");
  if (acts.size() != hidden.size())
    throw ShapeError(std::string(kImport) + ": " + std::to_string(acts.size()) + " activations for " +
                     std::to_string(hidden.size()) + " hidden layers");
  for (std::size_t i = 0; i < acts.size(); ++i) m.activations_[i] = activationFromName(acts[i], kImport);
  OutputKind output = outputKindFromName(field(doc, "output", JsonValue::Kind::String).text, kImport);
  if (output == OutputKind::Auto) throw InvalidArgument(std::string(kImport) + ": output must be sigmoid, softmax or linear");
  LossKind loss = m.resolveLoss(lossKindFromName(field(doc, "loss", JsonValue::Kind::String).text, kImport), output, kImport);
  int inputs = intField(doc, "inputs", 1, 4096);
  int outputs = intField(doc, "outputs", 1, kMaxClasses);
  if ((output == OutputKind::Softmax) != (outputs > 1))
    throw ShapeError(std::string(kImport) + ": a " + outputKindName(output) + " output cannot have " + std::to_string(outputs) + " units");
  if (!m.features_.empty() && static_cast<int>(m.features_.size()) != inputs)
    throw ShapeError(std::string(kImport) + ": " + std::to_string(m.features_.size()) + " features for " + std::to_string(inputs) + " inputs");
  m.inputs_ = inputs;
  m.outputs_ = outputs;
  m.rebuildShape(inputs, outputs);
  std::vector<Index> wOff, wLen, bOff, bLen;
  for (int l = 0; l < m.layerCount(); ++l) {
    Index count = static_cast<Index>(m.unitsIn(l)) * m.unitsOut(l);
    wOff.push_back(m.offsets_[static_cast<std::size_t>(l)]);
    wLen.push_back(count);
    bOff.push_back(m.offsets_[static_cast<std::size_t>(l)] + count);
    bLen.push_back(m.unitsOut(l));
  }
  readLayers(field(doc, "weights", JsonValue::Kind::Array), "weights", wOff, wLen, m.theta_);
  readLayers(field(doc, "biases", JsonValue::Kind::Array), "biases", bOff, bLen, m.theta_);
  if (m.batchNorm_) {
    std::vector<Index> gOff, btOff, sOff, hLen;
    for (int l = 0; l + 1 < m.layerCount(); ++l) {
      gOff.push_back(m.scaleOffset(l));
      btOff.push_back(m.scaleOffset(l) + m.unitsOut(l));
      hLen.push_back(m.unitsOut(l));
    }
    readLayers(field(doc, "gamma", JsonValue::Kind::Array), "gamma", gOff, hLen, m.theta_);
    readLayers(field(doc, "beta", JsonValue::Kind::Array), "beta", btOff, hLen, m.theta_);
    // The running statistics go through the same reader into a scratch vector laid out layer by layer.
    Index total = 0;
    for (Index len : hLen) { sOff.push_back(total); total += len; }
    Vector mean(total), var(total);
    readLayers(field(doc, "runningMean", JsonValue::Kind::Array), "runningMean", sOff, hLen, mean);
    readLayers(field(doc, "runningVariance", JsonValue::Kind::Array), "runningVariance", sOff, hLen, var);
    for (Index i = 0; i < total; ++i)
      if (!(var(i) >= 0)) throw InvalidArgument(std::string(kImport) + ": a running variance is negative");
    for (std::size_t l = 0; l < hLen.size(); ++l) {
      m.runMean_[l] = mean.segment(sOff[l], hLen[l]).transpose();
      m.runVar_[l] = var.segment(sOff[l], hLen[l]).transpose();
    }
  }

  Matrix Xin;
  int classes = output == OutputKind::Softmax ? outputs : output == OutputKind::Sigmoid ? 2 : 0;
  if (status_ != Status::Empty) {
    // The imported network must fit the current data.
    if (!m.features_.empty() && X_.cols() != 2)
      throw ShapeError(std::string(kImport) + ": the network computes features from 2-column data; the data has " +
                       std::to_string(X_.cols()) + " columns");
    Xin = m.features_.empty() ? X_ : featureTransform(X_, m.features_, kImport);
    if (Xin.cols() != inputs)
      throw ShapeError(std::string(kImport) + ": the network has " + std::to_string(inputs) + " inputs but the data gives " +
                       std::to_string(Xin.cols()));
    int dataClasses = 0;
    resolveOutput(output, y_, kImport, dataClasses);
    if (output == OutputKind::Softmax && dataClasses != outputs)
      throw ShapeError(std::string(kImport) + ": the network has " + std::to_string(outputs) + " classes but the data has " +
                       std::to_string(dataClasses));
  }
  hidden_ = m.hidden_;
  activations_ = m.activations_;
  features_ = m.features_;
  outputWanted_ = outputResolved_ = output;
  lossWanted_ = lossResolved_ = loss;
  inputs_ = inputs;
  outputs_ = outputs;
  classes_ = classes;
  offsets_ = m.offsets_;
  theta_ = m.theta_;
  batchNorm_ = m.batchNorm_;
  runMean_ = m.runMean_;
  runVar_ = m.runVar_;
  optimizer_.reset(theta_.size());
  paramsChanged();
  if (status_ != Status::Empty) {
    Xin_ = std::move(Xin);
    buildTargets();
    order_.clear();
    cursor_ = 0;
    epoch_ = 0;
    restartTrace();
  }
}

}  // namespace dw

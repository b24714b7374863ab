// Reads the committed scikit-learn fixtures (tests/fixtures/*.json) with the engine's own JSON
// reader (dw::parseJson, allowing Python's NaN/Infinity tokens) and adds the accessors tests
// want: f["X"].matrix(), f["y"].vector(), f["alpha"].num().
#pragma once
#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <initializer_list>
#include <vector>

#include "dw/json_value.hpp"
#include "dw/types.hpp"

namespace fixture {

// A view of one value inside a loaded fixture; it keeps the whole document alive.
class Json {
 public:
  using Kind = dw::JsonValue::Kind;

  Json(std::shared_ptr<const dw::JsonValue> root, const dw::JsonValue& value)
      : root_(std::move(root)), value_(&value), kind(value.kind), text(value.text) {}

  Json operator[](const std::string& key) const {
    auto it = value_->fields.find(key);
    if (it == value_->fields.end()) throw std::runtime_error("fixture: missing key '" + key + "'");
    return Json(root_, it->second);
  }
  Json operator[](std::size_t i) const { return Json(root_, value_->items.at(i)); }
  bool has(const std::string& key) const { return value_->has(key); }
  std::size_t size() const { return kind == Kind::Array ? value_->items.size() : value_->fields.size(); }
  double num() const { return value_->number; }
  std::vector<double> numbers() const {
    std::vector<double> out;
    for (const auto& j : value_->items) out.push_back(j.number);
    return out;
  }
  std::vector<int> ints() const {
    std::vector<int> out;
    for (const auto& j : value_->items) out.push_back(static_cast<int>(j.number));
    return out;
  }
  std::vector<std::string> strings() const {
    std::vector<std::string> out;
    for (const auto& j : value_->items) out.push_back(j.text);
    return out;
  }
  dw::Vector vector() const {
    std::vector<double> v = numbers();
    return Eigen::Map<dw::Vector>(v.data(), static_cast<dw::Index>(v.size()));
  }
  // An array of equal-length arrays → row-major matrix.
  dw::Matrix matrix() const {
    const auto& rows = value_->items;
    dw::Index n = static_cast<dw::Index>(rows.size());
    dw::Index d = n ? static_cast<dw::Index>(rows[0].items.size()) : 0;
    dw::Matrix m(n, d);
    for (dw::Index i = 0; i < n; ++i)
      for (dw::Index j = 0; j < d; ++j) m(i, j) = rows[static_cast<std::size_t>(i)].items.at(static_cast<std::size_t>(j)).number;
    return m;
  }

 private:
  std::shared_ptr<const dw::JsonValue> root_;
  const dw::JsonValue* value_;

 public:
  Kind kind;
  const std::string& text;
};

// Loads tests/fixtures/<name>.json (the directory is compiled in as DW_FIXTURES_DIR).
inline Json load(const std::string& name) {
  std::ifstream in(std::string(DW_FIXTURES_DIR) + "/" + name + ".json");
  if (!in) throw std::runtime_error("fixture: cannot open " + name + ".json");
  std::stringstream buf;
  buf << in.rdbuf();
  auto root = std::make_shared<const dw::JsonValue>(dw::parseJson(buf.str(), "fixture", true));
  return Json(root, *root);
}

// |got − want| within rel·|want| (or within abs, for values near 0).
inline bool relClose(double got, double want, double rel = 1e-10, double abs = 1e-15) {
  return std::fabs(got - want) <= std::max(abs, rel * std::fabs(want));
}

// The largest entry-wise difference of two vectors of the same size.
inline double maxAbsDifference(const dw::Vector& a, const dw::Vector& b) { return (a - b).cwiseAbs().maxCoeff(); }

// A vector written inline in a test: vec({1, 2, 3}).
inline dw::Vector vec(std::initializer_list<double> v) {
  dw::Vector out(static_cast<dw::Index>(v.size()));
  dw::Index i = 0;
  for (double x : v) out(i++) = x;
  return out;
}

}  // namespace fixture

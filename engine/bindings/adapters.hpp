// Type adapters between JS values and engine types, used only by bindings.cpp.
// Bulk numbers cross as typed arrays: JS → C++ by TypedArray.prototype.set into a buffer
// (one memcpy-like copy), C++ → JS either as a copy (Float64Array owned by JS) or as a view
// into WASM memory that is valid only until the next engine call (memory growth detaches it).
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/model.hpp"
#include "dw/types.hpp"
#include "dw/validate.hpp"

namespace dw::js {

using emscripten::val;

// Runs f(); a dw::Error (or any std::exception) becomes a JS error carrying the message and a
// `code` property. The JS error is built after the C++ handler has finished so the C++
// exception object is released before JS unwinds through the WASM frames.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  std::optional<val> jsError;
  try {
    return f();
  } catch (const Error& e) {
    jsError = val::global(e.jsType()).new_(val(std::string(e.what())));
    jsError->set("code", val(e.code()));
  } catch (const std::bad_alloc&) {
    jsError = val::global("RangeError").new_(val("engine: out of memory (the data is too large)"));
    jsError->set("code", val("out-of-memory"));
  } catch (const std::exception& e) {
    jsError = val::global("Error").new_(val(std::string(e.what())));
    jsError->set("code", val("engine-error"));
  }
  jsError->throw_();
}

// ---- numbers and strings in ----
// embind hands every JS number over as a double and checks nothing (1.7 would silently become
// 1). intArg is the one conversion to int: it insists on a finite whole number that fits an int
// and names the argument otherwise. It checks no meaningful range — the engine call that
// receives the int does that, once, with its own message.
inline int intArg(double v, const char* where, const char* name) {
  std::string prefix = std::string(where) + ": " + name + "=" + formatNumber(v);
  if (!std::isfinite(v)) throw InvalidArgument(prefix + " is not a finite number");
  if (v != std::floor(v)) throw InvalidArgument(prefix + " must be a whole number");
  if (v < -2147483648.0 || v > 2147483647.0)
    throw InvalidArgument(prefix + " must be a whole number from -2147483648 to 2147483647");
  return static_cast<int>(v);
}
// The one conversion of a seed: a whole number from 0 to 2^32 − 1 (the engine's RNG seed type).
inline std::uint32_t seedArg(double v, const char* where, const char* name = "seed") {
  requireIntInRange(v, 0, 4294967295LL, where, name);
  return static_cast<std::uint32_t>(v);
}
// embind would turn a non-string into an opaque BindingError; name the problem instead.
inline std::string stringArg(const val& v, const char* where, const char* name) {
  if (!v.isString()) throw InvalidArgument(std::string(where) + ": " + name + " must be a string");
  return v.as<std::string>();
}

inline std::vector<double> toDoubles(const val& array, const char* where, const char* name) {
  if (array.isNull() || array.isUndefined() || !array["length"].isNumber())
    throw ShapeError(std::string(where) + ": " + name + " must be an array of numbers");
  double length = array["length"].as<double>();
  if (length > 50'000'000) throw ShapeError(std::string(where) + ": " + name + " is too large");
  std::vector<double> out(static_cast<std::size_t>(length));
  // Non-numbers become NaN here; the engine's finiteness checks then name them.
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

inline Vector toVector(const val& array, const char* where, const char* name) {
  std::vector<double> v = toDoubles(array, where, name);
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

// A flat row-major array of rows*cols numbers → Matrix.
inline Matrix toMatrix(const val& flat, double cols, const char* where) {
  if (!(cols >= 1 && cols <= 4096 && cols == static_cast<int>(cols)))
    throw ShapeError(std::string(where) + ": the column count must be a whole number from 1 to 4096");
  std::vector<double> v = toDoubles(flat, where, "X");
  auto c = static_cast<Index>(cols);
  if (static_cast<Index>(v.size()) % c != 0)
    throw ShapeError(std::string(where) + ": X has " + std::to_string(v.size()) +
                     " numbers, not a multiple of " + std::to_string(c) + " columns");
  return Eigen::Map<Matrix>(v.data(), static_cast<Index>(v.size()) / c, c);
}

// Query points for a model: a flat array of n × featureCount() numbers (width 1 before any
// data, so the engine's own "no training data yet" check speaks first).
inline Matrix queryRows(const Model& m, const val& X, const char* call) {
  std::string where = std::string(m.name()) + "." + call;
  return toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where.c_str());
}

// ---- values out ----
inline val copyToJs(const double* data, std::size_t n) {
  val out = val::global("Float64Array").new_(n);
  out.call<void>("set", val(emscripten::typed_memory_view(n, data)));
  return out;
}
inline val copyToJs(const Vector& v) { return copyToJs(v.data(), static_cast<std::size_t>(v.size())); }
inline val copyToJs(const std::vector<double>& v) { return copyToJs(v.data(), v.size()); }

inline val intsToJs(const std::vector<int>& v) {
  val out = val::global("Int32Array").new_(v.size());
  out.call<void>("set", val(emscripten::typed_memory_view(v.size(), v.data())));
  return out;
}

inline val stringsToJs(const std::vector<std::string>& v) {
  val out = val::array();
  for (const auto& s : v) out.call<void>("push", val(s));
  return out;
}

// toJs: the one conversion of engine results to JS values. Numbers → number, bool → boolean,
// strings → string, Vector / std::vector<double> / Matrix (flat, row-major) → Float64Array
// (a copy), std::vector<int> → Int32Array, std::vector<std::string> → array of strings, a
// std::vector of result structs → array of objects, and a result struct → a plain object whose
// fields are listed once in its JsFields specialisation (below, and beside each binding
// family): `static auto list() { return std::make_tuple(field("name", &S::member), …); }`. A
// field reads a member pointer or a function of the struct (for derived values such as a
// matrix's row count).
template <class T>
struct JsFields {};

template <class R>
constexpr std::pair<const char*, R> field(const char* name, R read) { return {name, read}; }

inline val toJs(bool v) { return val(v); }
template <class N, std::enable_if_t<std::is_arithmetic_v<N> && !std::is_same_v<N, bool>, int> = 0>
val toJs(N v) { return val(static_cast<double>(v)); }
inline val toJs(const std::string& s) { return val(s); }
inline val toJs(const char* s) { return val(std::string(s)); }
inline val toJs(const Vector& v) { return copyToJs(v); }
inline val toJs(const std::vector<double>& v) { return copyToJs(v); }
inline val toJs(const Matrix& m) { return copyToJs(m.data(), static_cast<std::size_t>(m.size())); }
inline val toJs(const std::vector<int>& v) { return intsToJs(v); }
inline val toJs(const std::vector<std::string>& v) { return stringsToJs(v); }
template <class T, class = decltype(JsFields<T>::list())>
val toJs(const T& s);
template <class T>
val toJs(const std::vector<T>& items);

// A data set reaches JS as { X (flat, row-major), y, cols, rows }; datasetFields lists those
// fields for a struct that holds a Dataset member D (to extend with fields of its own).
template <class S, Dataset S::*D>
auto datasetFields() {
  return std::make_tuple(field("X", +[](const S& s) -> const Matrix& { return (s.*D).X; }),
                         field("y", +[](const S& s) -> const Vector& { return (s.*D).y; }),
                         field("cols", +[](const S& s) { return (s.*D).X.cols(); }),
                         field("rows", +[](const S& s) { return (s.*D).X.rows(); }));
}
template <>
struct JsFields<Dataset> {
  static auto list() {
    return std::make_tuple(field("X", &Dataset::X), field("y", &Dataset::y),
                           field("cols", +[](const Dataset& d) { return d.X.cols(); }),
                           field("rows", +[](const Dataset& d) { return d.X.rows(); }));
  }
};

template <class T, class>
val toJs(const T& s) {
  val out = val::object();
  std::apply([&](const auto&... f) { (out.set(f.first, toJs(std::invoke(f.second, s))), ...); }, JsFields<T>::list());
  return out;
}
template <class T>
val toJs(const std::vector<T>& items) {
  val out = val::array();
  for (const T& item : items) out.call<void>("push", toJs(item));
  return out;
}

// Per-frame outputs (predictions, grids) are returned as views of this buffer to avoid a copy
// per frame. Valid until the next engine call; copy with .slice() to keep.
inline val viewOf(Vector&& v) {
  static Vector frameBuffer;
  frameBuffer = std::move(v);
  return val(emscripten::typed_memory_view(static_cast<std::size_t>(frameBuffer.size()), frameBuffer.data()));
}

// A result struct drawn every frame, with its arrays as views (the same validity as viewOf): the
// struct is kept here, one per type, until the next call that returns one. A fresh Float64Array
// per array per frame is what this avoids: in Chromium a new 15 KB array costs 30–90 µs
// (new memory, first touched by the copy), more than the engine's work for the recurrent
// net's series run (bench/rows.md).
template <class T>
val viewsOf(T&& result) {
  static T kept;
  kept = std::move(result);
  const auto one = [](const auto& field) {
    using F = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<F, Vector> || std::is_same_v<F, Matrix>)
      return val(emscripten::typed_memory_view(static_cast<std::size_t>(field.size()), field.data()));
    else
      return toJs(field);
  };
  val out = val::object();
  std::apply([&](const auto&... f) { (out.set(f.first, one(std::invoke(f.second, kept))), ...); }, JsFields<T>::list());
  return out;
}

}  // namespace dw::js

// Type adapters between JS values and engine types, used only by bindings.cpp.
// Bulk numbers cross as typed arrays: JS → C++ by TypedArray.prototype.set into a buffer
// (one memcpy-like copy), C++ → JS either as a copy (Float64Array owned by JS) or as a view
// into WASM memory that is valid only until the next engine call (memory growth detaches it).
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <optional>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/types.hpp"

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

// Per-frame outputs (predictions, grids) are returned as views of this buffer to avoid a copy
// per frame. Valid until the next engine call; copy with .slice() to keep.
inline val viewOf(Vector&& v) {
  static Vector frameBuffer;
  frameBuffer = std::move(v);
  return val(emscripten::typed_memory_view(static_cast<std::size_t>(frameBuffer.size()), frameBuffer.data()));
}

}  // namespace dw::js

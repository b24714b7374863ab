// embind registrations for engine helpers that exist for specific lessons (course family);
// included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"
#include "dw/course_houses.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace course_detail {

// courseHouses(n, validationFraction, seed) → { X, y, cols, rows, columns, informative, train, validation }
inline val courseHouses(double n, double validationFraction, double seed) {
  return guarded([&] {
    requireIntInRange(n, 20, 5000, "courseHouses", "n");
    requireIntInRange(seed, 0, 4294967295LL, "courseHouses", "seed");
    CourseHouses h = dw::courseHouses(static_cast<int>(n), validationFraction, static_cast<std::uint32_t>(seed));
    val out = val::object();
    out.set("X", copyToJs(h.data.X.data(), static_cast<std::size_t>(h.data.X.size())));
    out.set("y", copyToJs(h.data.y));
    out.set("cols", static_cast<int>(h.data.X.cols()));
    out.set("rows", static_cast<int>(h.data.X.rows()));
    out.set("columns", stringsToJs(h.columns));
    out.set("informative", intsToJs(h.informative));
    out.set("train", intsToJs(h.train));
    out.set("validation", intsToJs(h.validation));
    return out;
  });
}

}  // namespace course_detail

inline void bind_course() {
  emscripten::function("courseHouses", &course_detail::courseHouses);
}
}  // namespace dw::js

// embind registration of the house-price data set with informative columns and a fixed
// train/validation split (courseHouses); included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"
#include "dw/house_prices.hpp"

namespace dw::js {

// courseHouses(n, validationFraction, seed) → { X, y, cols, rows, columns, informative, train, validation }
template <>
struct JsFields<CourseHouses> {
  static auto list() {
    return std::tuple_cat(datasetFields<CourseHouses, &CourseHouses::data>(),
                          std::make_tuple(field("columns", &CourseHouses::columns), field("informative", &CourseHouses::informative),
                                          field("train", &CourseHouses::train), field("validation", &CourseHouses::validation)));
  }
};

inline void bind_house_prices() {
  emscripten::function("courseHouses", emscripten::optional_override([](double n, double validationFraction, double seed) {
    return guarded([&] {
      return toJs(dw::courseHouses(intArg(n, "courseHouses", "n"), validationFraction, seedArg(seed, "courseHouses")));
    });
  }));
}
}  // namespace dw::js

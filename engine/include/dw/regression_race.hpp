// The data sets of the regression-models lesson, drawn with the engine's RNG so a seed gives the
// same points natively and in WASM.
//
// makeWigglyCurve: one feature x uniform on [0, 6], y = 2·sin(x) + 0.3·x + noise·N(0, 1) — a curve
// that a straight line cannot follow, so each model's shape shows.
// makeImportanceTable: four features uniform on [−2, 2] with
//   y = 3·x0 + 2·sin(1.5·x1) + 0.5·x2 + noise·N(0, 1);
// x0 is strong, x1 bends, x2 is weak and x3 is useless (y never reads it).
#pragma once
#include <cstdint>

#include "dw/datasets.hpp"

namespace dw {

Dataset makeWigglyCurve(int n, double noise, std::uint32_t seed);
Dataset makeImportanceTable(int n, double noise, std::uint32_t seed);

}  // namespace dw

// A generated house-price dataset for the "Build the dataset" game (seed 001, level 1): a few
// hundred houses with four columns that drive the price, three that are pure noise, and a
// seeded train/validation split. The game fits LinearRegression on the columns a learner picks
// and shows the validation R², so informative columns must raise it and noise columns must
// not help (tests/native/test_house_prices.cpp checks both for the default seed).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/datasets.hpp"

namespace dw {

struct CourseHouses {
  Dataset data;                      // X: one row per house, columns as named below; y: price (thousands)
  std::vector<std::string> columns;  // column names, in X's order
  std::vector<int> informative;      // 1 where the column enters the price formula, else 0
  std::vector<int> train;            // row indices used to fit
  std::vector<int> validation;       // row indices used to score
};

// The lowest price a generated house sells for, in thousands.
inline constexpr double kMinPrice = 10.0;

// n houses (20 … 5000), validationFraction of them (0.1 … 0.9) held out for validation.
// price = 40 + 2.2·size + 15·bedrooms − 0.9·age − 4.5·distance + N(0, 40²), in thousands,
// the noise drawn again (for one or two houses in a hundred) while the price would be under
// kMinPrice, so no house sells for less; bedrooms follow size (about one per 35 m²), so the two
// overlap in what they tell. Shoe size, colour code and the random ID never enter the price.
CourseHouses courseHouses(int n, double validationFraction, std::uint32_t seed);

}  // namespace dw

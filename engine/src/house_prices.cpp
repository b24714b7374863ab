#include "dw/house_prices.hpp"

#include <algorithm>
#include <cmath>

#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

CourseHouses courseHouses(int n, double validationFraction, std::uint32_t seed) {
  const char* where = "courseHouses";
  requireIntInRange(n, 20, 5000, where, "n");
  requireInRange(validationFraction, 0.1, 0.9, where, "validationFraction");

  CourseHouses h;
  h.columns = {"size (m²)", "bedrooms", "age (years)", "distance to centre (km)",
               "owner's shoe size", "favourite colour code", "random ID"};
  h.informative = {1, 1, 1, 1, 0, 0, 0};
  const int cols = static_cast<int>(h.columns.size());
  h.data.X.resize(n, cols);
  h.data.y.resize(n);

  Rng rng(seed);
  // Redraws of the noise for the rare house whose price would come out under kMinPrice (a small,
  // old house far from the centre with bad luck) use a stream of their own, so the main stream,
  // and with it every other house, stays as it would be without them.
  Rng redraw(seed, 0x5a1e5ULL);
  for (int i = 0; i < n; ++i) {
    const double size = rng.uniform(40.0, 200.0);
    // About one bedroom per 35 m², give or take; floor(x + 0.5) rounds identically everywhere.
    const double beds = std::clamp(std::floor(size / 35.0 + rng.normal(0.0, 0.7) + 0.5), 1.0, 6.0);
    const double age = rng.uniform(0.0, 80.0);
    const double distance = rng.uniform(0.5, 25.0);
    const double shoe = 36.0 + rng.below(11);    // EU sizes 36 … 46
    const double colour = rng.below(10);         // 0 … 9
    const double id = 1000.0 + rng.below(9000);  // 1000 … 9999
    const double trend = 40.0 + 2.2 * size + 15.0 * beds - 0.9 * age - 4.5 * distance;
    double price = trend + rng.normal(0.0, 40.0);
    // No house sells for less than kMinPrice: draw its noise again until it does not. The trend is
    // at least −41.5 (40 m², one bedroom, 80 years, 25 km), so each redraw succeeds with a
    // chance of about 1 in 10 or better.
    while (price < kMinPrice) price = trend + redraw.normal(0.0, 40.0);
    const double row[] = {size, beds, age, distance, shoe, colour, id};
    for (int j = 0; j < cols; ++j) h.data.X(i, j) = row[j];
    h.data.y(i) = price;
  }
  // A different stream for the split, so changing the split never changes the houses.
  SplitIndices s = trainValidationTestSplit(n, validationFraction, 0.0, seed ^ 0x9e3779b9u);
  h.train = std::move(s.train);
  h.validation = std::move(s.validation);
  return h;
}

}  // namespace dw

#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/time_series.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using fixture::vec;

TEST_CASE("makeSeries: trend, season and noise from a seed; spikes where it says", "[time_series]") {
  dw::SeriesOptions o;
  o.length = 48;
  o.level = 1;
  o.trend = 0.5;
  o.amplitude = 3;
  o.period = 12;
  o.noise = 0;
  dw::Series clean = dw::makeSeries(o, 4);
  // No noise: y_t = 1 + 0.5t + 3 sin(2πt/12); t = 3 is the crest of the season (sin = 1).
  CHECK(clean.values(0) == Approx(1).margin(1e-12));
  CHECK(clean.values(3) == Approx(1 + 1.5 + 3).margin(1e-12));
  CHECK(clean.values(9) == Approx(1 + 4.5 - 3).margin(1e-12));
  CHECK(clean.anomalies.empty());
  o.noise = 0.5;
  o.anomalies = 3;
  o.anomalySize = 8;
  dw::Series a = dw::makeSeries(o, 4), b = dw::makeSeries(o, 4), c = dw::makeSeries(o, 5);
  CHECK(a.values == b.values);  // deterministic by seed
  CHECK(a.values != c.values);
  REQUIRE(a.anomalies.size() == 3);
  CHECK(std::is_sorted(a.anomalies.begin(), a.anomalies.end()));
  // Each spike moves its step by 8 noise deviations (4) from the noise-free curve plus noise.
  for (int t : a.anomalies) CHECK(std::fabs(a.values(t) - clean.values(t)) > 4 - 4 * 0.5);
  o.anomalies = 13;  // more than a quarter of 48
  CHECK_THROWS_AS(dw::makeSeries(o, 1), dw::InvalidArgument);
  o.anomalies = 0;
  o.period = 1;
  CHECK_THROWS_WITH(dw::makeSeries(o, 1), Catch::Contains("period=1"));
}

TEST_CASE("lagMatrix: the 6-point series by hand", "[time_series]") {
  Vector y = vec({1, 3, 2, 5, 4, 6});
  dw::Dataset d = dw::lagMatrix(y, 2, 0);
  Matrix X(4, 2);
  X << 3, 1, 2, 3, 5, 2, 4, 5;  // row t: [y_{t−1}, y_{t−2}]
  CHECK(d.X == X);
  CHECK(d.y == vec({2, 5, 4, 6}));
  dw::Dataset s = dw::lagMatrix(y, 2, 3);  // plus y_{t−3}: rows start at t = 3
  Matrix Xs(3, 3);
  Xs << 2, 3, 1, 5, 2, 3, 4, 5, 2;
  CHECK(s.X == Xs);
  CHECK(s.y == vec({5, 4, 6}));
  CHECK_THROWS_AS(dw::lagMatrix(y, 6, 0), dw::ShapeError);
  CHECK_THROWS_AS(dw::lagMatrix(y, 2, 2), dw::InvalidArgument);  // the seasonal lag must exceed the lags
  CHECK_THROWS_AS(dw::lagMatrix(vec({1, NAN, 3, 4}), 1, 0), dw::InvalidArgument);
}

TEST_CASE("timeSeriesSplit equals scikit-learn's TimeSeriesSplit", "[time_series][sklearn]") {
  auto f = fixture::load("time_series_splits");
  auto cases = f["cases"];
  REQUIRE(cases.size() == 7);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    auto k = cases[c];
    auto folds = dw::timeSeriesSplit(int(k["n"].num()), int(k["n_splits"].num()), int(k["test_size"].num()),
                                     int(k["gap"].num()), int(k["max_train_size"].num()));
    REQUIRE(folds.size() == k["folds"].size());
    for (std::size_t i = 0; i < folds.size(); ++i) {
      std::vector<int> train, test;
      for (double v : k["folds"][i]["train"].numbers()) train.push_back(int(v));
      for (double v : k["folds"][i]["test"].numbers()) test.push_back(int(v));
      CHECK(folds[i].train == train);
      CHECK(folds[i].test == test);
    }
  }
  CHECK_THROWS_WITH(dw::timeSeriesSplit(3, 3), Catch::Contains("at least 4"));
  CHECK_THROWS_WITH(dw::timeSeriesSplit(10, 3, 3, 1), Catch::Contains("leave no training data"));
  CHECK_THROWS_AS(dw::timeSeriesSplit(10, 1), dw::InvalidArgument);
}

TEST_CASE("LagForecaster: ridge learns y_t = y_{t−1} + 2 and forecasts recursively", "[time_series]") {
  Vector y(10);
  for (int t = 0; t < 10; ++t) y(t) = 2 * t + 1;
  dw::LagForecaster f(1, 0, dw::ForecastMethod::Ridge, 1e-8);
  f.fit(y);
  REQUIRE(f.coefficients().size() == 2);
  CHECK(f.coefficients()(0) == Approx(1).margin(1e-6));
  CHECK(f.coefficients()(1) == Approx(2).margin(1e-5));
  Vector next = f.forecast(vec({1, 3, 5, 7}), 3);
  CHECK(next(0) == Approx(9).margin(1e-5));
  CHECK(next(2) == Approx(13).margin(1e-4));  // each forecast fed back as the next lag
  CHECK_THROWS_AS(dw::LagForecaster(1, 0, dw::ForecastMethod::Ridge, 0), dw::InvalidArgument);
  dw::LagForecaster unfit(2);
  CHECK_THROWS_AS(unfit.forecast(vec({1, 2, 3}), 1), dw::StateError);
  CHECK_THROWS_AS(f.forecast(Vector(), 1), dw::ShapeError);
}

TEST_CASE("LagForecaster: neighbours average the targets of the nearest lag rows", "[time_series]") {
  // Lag-1 rows of [1, 3, 2, 5, 4, 6]: x = 1, 3, 2, 5, 4 with targets 3, 2, 5, 4, 6.
  dw::LagForecaster one(1, 0, dw::ForecastMethod::Neighbours, 1, 1);
  one.fit(vec({1, 3, 2, 5, 4, 6}));
  Matrix q(1, 1);
  q << 2.9;
  CHECK(one.predictRows(q)(0) == 2);  // nearest x = 3, target 2
  dw::LagForecaster two(1, 0, dw::ForecastMethod::Neighbours, 1, 2);
  two.fit(vec({1, 3, 2, 5, 4, 6}));
  q << 2.4;
  CHECK(two.predictRows(q)(0) == Approx(3.5));  // x = 2 (target 5) and x = 3 (target 2)
}

TEST_CASE("forecastValidation: folds, hold-out and the shuffled k-fold leak", "[time_series]") {
  dw::SeriesOptions o;
  o.length = 120;
  dw::Series s = dw::makeSeries(o, 7);
  dw::LagForecaster ridge(12, 0, dw::ForecastMethod::Ridge, 1e-3);
  dw::ForecastValidation r = dw::forecastValidation(s.values, ridge, 4, 12, 3);
  REQUIRE(r.timeSeriesFolds.size() == 4);
  // The hold-out (steps 108–119) is never inside a fold; the last fold's block ends at step 107.
  CHECK(r.timeSeriesFolds.back().test.back() == 107);
  CHECK(r.timeSeriesFolds.front().test.front() == 108 - 4 * 12);
  CHECK(r.shuffledFolds.size() == 4);
  std::size_t tested = 0;
  for (const auto& fold : r.shuffledFolds) tested += fold.test.size();
  CHECK(tested == 108 - 12);  // every lag row tested once
  CHECK(r.holdoutForecast.size() == 12);
  CHECK(r.timeSeriesError == Approx(r.timeSeriesFoldErrors.mean()));
  CHECK(r.shuffledError == Approx(r.shuffledFoldErrors.mean()));
  // Deterministic by seed.
  CHECK(dw::forecastValidation(s.values, ridge, 4, 12, 3).shuffledError == r.shuffledError);
  CHECK_THROWS_AS(dw::forecastValidation(s.values, ridge, 4, 31, 3), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::forecastValidation(s.values.head(40), ridge, 4, 6, 3), dw::ShapeError);
}

TEST_CASE("forecastLimits: forecastValidation's room rule, with the largest horizon and lag count", "[time_series]") {
  // By hand on n = 120, k folds, d lags, horizon h: h ≤ ⌊120/4⌋ = 30 and 120 − (k + 1)·h − d ≥ max(4, d + 2).
  auto same = [](const dw::ForecastLimits& r, bool fits, int horizon, int lags) {
    CHECK(r.fits == fits);
    CHECK(r.largestHorizon == horizon);
    CHECK(r.largestLags == lags);
  };
  // 120 − 5·18 − 12 = 18 ≥ 14 but 120 − 5·19 − 12 = 13; at h = 12, 60 − d ≥ d + 2 up to d = 29 (24 searched).
  same(dw::forecastLimits(120, 12, 0, 12, 4, 24), true, 18, 24);
  same(dw::forecastLimits(120, 12, 0, 24, 4, 24), false, 18, 0);
  // 5 folds, 24 lags: 120 − 6h − 24 ≥ 26 up to h = 11; at h = 12, 48 − d ≥ d + 2 exactly at d = 23.
  same(dw::forecastLimits(120, 24, 0, 12, 5, 24), false, 11, 23);
  same(dw::forecastLimits(120, 23, 0, 12, 5, 24), true, 12, 23);
  // The quarter cap binds before the room does: 2 folds, 1 lag leave room up to h = 38.
  same(dw::forecastLimits(120, 1, 0, 31, 2, 40), false, 30, 0);
  same(dw::forecastLimits(120, 1, 0, 30, 2, 40), true, 30, 14);
  // A seasonal lag s = 12 starts the rows at step 12 and adds a feature; only lags below 12 exist.
  same(dw::forecastLimits(120, 2, 12, 12, 4, 24), true, 20, 11);
  CHECK_THROWS_AS(dw::forecastLimits(120, 12, 6, 12, 4, 24), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::forecastLimits(120, 12, 0, 12, 1, 24), dw::InvalidArgument);
  // forecastValidation keeps to the same rule: it runs at the largest horizon, refuses one more.
  dw::SeriesOptions o;
  o.length = 120;
  dw::Series s = dw::makeSeries(o, 7);
  for (int lags : {1, 12, 24}) {
    dw::LagForecaster ridge(lags, 0, dw::ForecastMethod::Ridge, 1e-3);
    for (int folds : {2, 5}) {
      const int h = dw::forecastLimits(120, lags, 0, 1, folds, 40).largestHorizon;
      REQUIRE(h > 0);
      CHECK_NOTHROW(dw::forecastValidation(s.values, ridge, folds, h, 3));
      if (h < 30) CHECK_THROWS_AS(dw::forecastValidation(s.values, ridge, folds, h + 1, 3), dw::ShapeError);
      else CHECK_THROWS_AS(dw::forecastValidation(s.values, ridge, folds, h + 1, 3), dw::InvalidArgument);
    }
  }
}

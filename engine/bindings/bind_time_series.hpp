// embind registrations for time series (dw/time_series.hpp) and anomaly detection
// (dw/anomaly_detection.hpp); included by bindings.cpp (the one registry). Bindings only
// translate: option objects → structs, whole numbers through intArg, arrays in and out.
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "bind_evaluation.hpp"  // JsFields<Fold>
#include "dw/anomaly_detection.hpp"
#include "dw/time_series.hpp"

namespace dw::js {

template <>
struct JsFields<Series> {
  static auto list() { return std::make_tuple(field("values", &Series::values), field("anomalies", &Series::anomalies)); }
};
template <>
struct JsFields<ForecastValidation> {
  static auto list() {
    using R = ForecastValidation;
    return std::make_tuple(field("timeSeriesError", &R::timeSeriesError), field("shuffledError", &R::shuffledError),
                           field("holdoutError", &R::holdoutError), field("timeSeriesFoldErrors", &R::timeSeriesFoldErrors),
                           field("shuffledFoldErrors", &R::shuffledFoldErrors), field("timeSeriesFolds", &R::timeSeriesFolds),
                           field("shuffledFolds", &R::shuffledFolds), field("holdoutForecast", &R::holdoutForecast));
  }
};

template <>
struct JsFields<ForecastLimits> {
  static auto list() {
    using L = ForecastLimits;
    return std::make_tuple(field("fits", &L::fits), field("largestHorizon", &L::largestHorizon), field("largestLags", &L::largestLags));
  }
};

namespace timeseries {

// {length, level, trend, amplitude, period, noise, anomalies, anomalySize}; missing keys keep the defaults.
inline SeriesOptions seriesOptionsOf(const val& o, const char* where) {
  SeriesOptions s;
  if (o.isUndefined() || o.isNull()) return s;
  using evaluation::optionalNumber;
  s.length = intArg(optionalNumber(o["length"], s.length, where, "length"), where, "length");
  s.level = optionalNumber(o["level"], s.level, where, "level");
  s.trend = optionalNumber(o["trend"], s.trend, where, "trend");
  s.amplitude = optionalNumber(o["amplitude"], s.amplitude, where, "amplitude");
  s.period = intArg(optionalNumber(o["period"], s.period, where, "period"), where, "period");
  s.noise = optionalNumber(o["noise"], s.noise, where, "noise");
  s.anomalies = intArg(optionalNumber(o["anomalies"], s.anomalies, where, "anomalies"), where, "anomalies");
  s.anomalySize = optionalNumber(o["anomalySize"], s.anomalySize, where, "anomalySize");
  return s;
}
inline ForecastMethod methodOf(const val& v, const char* where) {
  std::string name = stringArg(v, where, "method");
  if (name == "ridge") return ForecastMethod::Ridge;
  if (name == "neighbours") return ForecastMethod::Neighbours;
  throw InvalidArgument(std::string(where) + ": method='" + name + "' must be 'ridge' or 'neighbours'");
}
inline val makeSeriesJs(const val& options, double seed) {
  return guarded([&] { return toJs(makeSeries(seriesOptionsOf(options, "makeSeries"), seedArg(seed, "makeSeries"))); });
}
inline val lagMatrixJs(const val& series, double lags, double seasonalLag) {
  return guarded([&] {
    const char* where = "lagMatrix";
    return toJs(lagMatrix(toVector(series, where, "series"), intArg(lags, where, "lags"), intArg(seasonalLag, where, "seasonalLag")));
  });
}
inline val timeSeriesSplitJs(double n, double nSplits, double testSize, double gap, double maxTrainSize) {
  return guarded([&] {
    const char* where = "timeSeriesSplit";
    return toJs(timeSeriesSplit(intArg(n, where, "n"), intArg(nSplits, where, "nSplits"), intArg(testSize, where, "testSize"),
                                intArg(gap, where, "gap"), intArg(maxTrainSize, where, "maxTrainSize")));
  });
}
inline val forecastValidationJs(const val& series, const LagForecaster& f, double nSplits, double horizon, double seed) {
  return guarded([&] {
    const char* where = "forecastValidation";
    return toJs(forecastValidation(toVector(series, where, "series"), f, intArg(nSplits, where, "nSplits"),
                                   intArg(horizon, where, "horizon"), seedArg(seed, where)));
  });
}
inline val forecastLimitsJs(double n, double lags, double seasonalLag, double horizon, double nSplits, double most) {
  return guarded([&] {
    const char* where = "forecastLimits";
    return toJs(forecastLimits(intArg(n, where, "n"), intArg(lags, where, "lags"), intArg(seasonalLag, where, "seasonalLag"),
                               intArg(horizon, where, "horizon"), intArg(nSplits, where, "nSplits"), intArg(most, where, "most")));
  });
}
inline val zScoresJs(const val& X, double cols) { return guarded([&] { return toJs(zScores(toMatrix(X, cols, "zScores"))); }); }
inline val zScoreAnomalyJs(const val& X, double cols) {
  return guarded([&] { return toJs(zScoreAnomaly(toMatrix(X, cols, "zScoreAnomaly"))); });
}
inline val rollingZScoresJs(const val& series, double window) {
  return guarded([&] {
    return toJs(rollingZScores(toVector(series, "rollingZScores", "series"), intArg(window, "rollingZScores", "window")));
  });
}
inline double thresholdJs(const val& scores, double contamination) {
  return guarded([&] { return contaminationThreshold(toVector(scores, "contaminationThreshold", "scores"), contamination); });
}
inline val flagAboveJs(const val& scores, double threshold) {
  return guarded([&] { return toJs(flagAbove(toVector(scores, "flagAbove", "scores"), threshold)); });
}
inline double averagePathLengthJs(double n) { return guarded([&] { return averagePathLength(n); }); }

}  // namespace timeseries

inline void bind_time_series() {
  using namespace emscripten;
  namespace ts = timeseries;
  function("makeSeries", &ts::makeSeriesJs);
  function("lagMatrix", &ts::lagMatrixJs);
  function("timeSeriesSplit", &ts::timeSeriesSplitJs);
  function("timeSeriesSplit", optional_override([](double n, double k) { return ts::timeSeriesSplitJs(n, k, 0, 0, 0); }));
  function("forecastValidation", &ts::forecastValidationJs);
  function("forecastLimits", &ts::forecastLimitsJs);
  function("zScores", &ts::zScoresJs);
  function("zScoreAnomaly", &ts::zScoreAnomalyJs);
  function("rollingZScores", &ts::rollingZScoresJs);
  function("contaminationThreshold", &ts::thresholdJs);
  function("flagAbove", &ts::flagAboveJs);
  function("averagePathLength", &ts::averagePathLengthJs);

  class_<LagForecaster>("LagForecaster")
      .constructor<>()
      .function("setLags", optional_override([](LagForecaster& f, double lags, double seasonalLag) {
        guarded([&] { f.setLags(intArg(lags, "LagForecaster.setLags", "lags"), intArg(seasonalLag, "LagForecaster.setLags", "seasonalLag")); });
      }))
      .function("setMethod", optional_override([](LagForecaster& f, const val& m) {
        guarded([&] { f.setMethod(ts::methodOf(m, "LagForecaster.setMethod")); });
      }))
      .function("setAlpha", optional_override([](LagForecaster& f, double a) { guarded([&] { f.setAlpha(a); }); }))
      .function("setNeighbours", optional_override([](LagForecaster& f, double k) {
        guarded([&] { f.setNeighbours(intArg(k, "LagForecaster.setNeighbours", "neighbours")); });
      }))
      .function("lags", &LagForecaster::lags)
      .function("seasonalLag", &LagForecaster::seasonalLag)
      .function("featureCount", &LagForecaster::featureCount)
      .function("fit", optional_override([](LagForecaster& f, const val& series) {
        guarded([&] { f.fit(toVector(series, "LagForecaster.fit", "series")); });
      }))
      .function("predict", optional_override([](const LagForecaster& f, const val& X) {
        return guarded([&] { return toJs(f.predictRows(toMatrix(X, f.featureCount(), "LagForecaster.predict"))); });
      }))
      .function("forecast", optional_override([](const LagForecaster& f, const val& history, double horizon) {
        return guarded([&] {
          return toJs(f.forecast(toVector(history, "LagForecaster.forecast", "history"), intArg(horizon, "LagForecaster.forecast", "horizon")));
        });
      }))
      .function("coefficients", optional_override([](const LagForecaster& f) { return toJs(f.coefficients()); }));

  class_<IsolationForest>("IsolationForest")
      .constructor<>()
      .function("setTrees", optional_override([](IsolationForest& f, double t) {
        guarded([&] { f.setTrees(intArg(t, "IsolationForest.setTrees", "trees")); });
      }))
      .function("setSubsample", optional_override([](IsolationForest& f, double s) {
        guarded([&] { f.setSubsample(intArg(s, "IsolationForest.setSubsample", "subsample")); });
      }))
      .function("trees", &IsolationForest::trees)
      .function("subsample", &IsolationForest::subsample)
      .function("usedSubsample", &IsolationForest::usedSubsample)
      .function("fit", optional_override([](IsolationForest& f, const val& X, double cols, double seed) {
        guarded([&] { f.fit(toMatrix(X, cols, "IsolationForest.fit"), seedArg(seed, "IsolationForest.fit")); });
      }))
      .function("scores", optional_override([](const IsolationForest& f, const val& X) {
        return guarded([&] { return toJs(f.scores(toMatrix(X, f.featureCount() > 0 ? f.featureCount() : 1, "IsolationForest.scores"))); });
      }))
      .function("pathLengths", optional_override([](const IsolationForest& f, const val& X) {
        return guarded([&] {
          return toJs(f.pathLengths(toMatrix(X, f.featureCount() > 0 ? f.featureCount() : 1, "IsolationForest.pathLengths")));
        });
      }))
      .function("scoreGrid", optional_override([](const IsolationForest& f, double x0, double x1, double y0, double y1, double nx, double ny) {
        return guarded([&] {
          const char* where = "IsolationForest.scoreGrid";
          return viewOf(f.scoreGrid(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
        });
      }));
}

}  // namespace dw::js

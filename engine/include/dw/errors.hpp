// One error hierarchy for the whole engine. The bindings map each class to a JS error
// (see errorKind()), so JS code can tell bad input from a call made in the wrong state.
#pragma once
#include <stdexcept>
#include <string>

namespace dw {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // Name of the JS constructor used for this error and a stable machine-readable code.
  virtual const char* jsType() const noexcept { return "Error"; }
  virtual const char* code() const noexcept { return "engine-error"; }
};

// A value is out of its allowed range, not finite, or otherwise unusable.
class InvalidArgument : public Error {
 public:
  using Error::Error;
  const char* jsType() const noexcept override { return "RangeError"; }
  const char* code() const noexcept override { return "invalid-argument"; }
};

// Training labels of a single class, which no classifier can learn from (requireClassLabels,
// class_labels.hpp). To JS an InvalidArgument like any other; a type of its own so that a study
// drawing its own training sets (gapStudy) can tell this refusal from every other bad input.
class SingleClassLabels : public InvalidArgument {
 public:
  using InvalidArgument::InvalidArgument;
};

// Arrays whose sizes do not agree (X rows vs y length, wrong column count, empty data).
class ShapeError : public Error {
 public:
  using Error::Error;
  const char* jsType() const noexcept override { return "RangeError"; }
  const char* code() const noexcept override { return "shape-mismatch"; }
};

// The call is valid but not now: predicting before data is set, stepping a diverged model.
class StateError : public Error {
 public:
  using Error::Error;
  const char* code() const noexcept override { return "bad-state"; }
};

}  // namespace dw

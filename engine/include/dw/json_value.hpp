// A minimal JSON reader and number formatter for model import/export (no external library).
// Parse errors throw InvalidArgument naming the caller and the character offset.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace dw {

struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<JsonValue> items;
  std::map<std::string, JsonValue> fields;

  bool has(const std::string& key) const { return kind == Kind::Object && fields.count(key) > 0; }
};

// allowNonFinite also accepts the NaN / Infinity / -Infinity tokens Python's json module writes
// (the test fixtures use them); model import keeps strict JSON, where they are errors.
JsonValue parseJson(const std::string& text, const char* where, bool allowNonFinite = false);
// Shortest decimal text that reads back to exactly the same double ("%.17g" trimmed).
std::string jsonNumber(double v);
std::string jsonString(const std::string& s);

}  // namespace dw

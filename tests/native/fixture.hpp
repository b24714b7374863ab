// A small JSON reader for the committed scikit-learn fixtures (tests/fixtures/*.json), so the
// C++ tests need neither Python nor a JSON library. Supports objects, arrays, numbers, strings,
// true/false/null — all that make_fixtures.py writes.
#pragma once
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace fixture {

struct Json {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  double number = 0;
  bool boolean = false;
  std::string text;
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  const Json& operator[](const std::string& key) const {
    auto it = fields.find(key);
    if (it == fields.end()) throw std::runtime_error("fixture: missing key '" + key + "'");
    return it->second;
  }
  const Json& operator[](std::size_t i) const { return items.at(i); }
  bool has(const std::string& key) const { return fields.count(key) > 0; }
  std::size_t size() const { return kind == Kind::Array ? items.size() : fields.size(); }
  double num() const { return number; }
  std::vector<double> numbers() const {
    std::vector<double> out;
    for (const auto& j : items) out.push_back(j.number);
    return out;
  }
  dw::Vector vector() const {
    dw::Vector v(static_cast<dw::Index>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) v(static_cast<dw::Index>(i)) = items[i].number;
    return v;
  }
  // An array of equal-length arrays → row-major matrix.
  dw::Matrix matrix() const {
    dw::Index rows = static_cast<dw::Index>(items.size());
    dw::Index cols = rows ? static_cast<dw::Index>(items[0].items.size()) : 0;
    dw::Matrix m(rows, cols);
    for (dw::Index i = 0; i < rows; ++i)
      for (dw::Index j = 0; j < cols; ++j) m(i, j) = items[i].items[j].number;
    return m;
  }
};

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}
  Json parse() {
    Json j = value();
    ws();
    if (i_ != s_.size()) fail("trailing characters");
    return j;
  }

 private:
  const std::string& s_;
  std::size_t i_ = 0;
  [[noreturn]] void fail(const std::string& why) {
    throw std::runtime_error("fixture JSON: " + why + " at offset " + std::to_string(i_));
  }
  void ws() { while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_; }
  bool lit(const char* word) {
    std::size_t n = std::char_traits<char>::length(word);
    if (s_.compare(i_, n, word) == 0) { i_ += n; return true; }
    return false;
  }
  std::string str() {
    std::string out;
    ++i_;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') { ++i_; out += s_[i_] == 'n' ? '\n' : s_[i_]; } else out += s_[i_];
      ++i_;
    }
    ++i_;
    return out;
  }
  Json value() {
    ws();
    Json j;
    if (i_ >= s_.size()) fail("unexpected end");
    char c = s_[i_];
    if (c == '{') {
      j.kind = Json::Kind::Object;
      ++i_;
      ws();
      if (s_[i_] == '}') { ++i_; return j; }
      for (;;) {
        ws();
        std::string key = str();
        ws();
        if (s_[i_++] != ':') fail("expected ':'");
        j.fields[key] = value();
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        if (s_[i_] == '}') { ++i_; return j; }
        fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      j.kind = Json::Kind::Array;
      ++i_;
      ws();
      if (s_[i_] == ']') { ++i_; return j; }
      for (;;) {
        j.items.push_back(value());
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        if (s_[i_] == ']') { ++i_; return j; }
        fail("expected ',' or ']'");
      }
    }
    if (c == '"') { j.kind = Json::Kind::String; j.text = str(); return j; }
    if (lit("true")) { j.kind = Json::Kind::Bool; j.boolean = true; return j; }
    if (lit("false")) { j.kind = Json::Kind::Bool; return j; }
    if (lit("null")) return j;
    if (lit("NaN")) { j.kind = Json::Kind::Number; j.number = std::numeric_limits<double>::quiet_NaN(); return j; }
    if (lit("Infinity")) { j.kind = Json::Kind::Number; j.number = std::numeric_limits<double>::infinity(); return j; }
    if (lit("-Infinity")) { j.kind = Json::Kind::Number; j.number = -std::numeric_limits<double>::infinity(); return j; }
    char* end = nullptr;
    j.kind = Json::Kind::Number;
    j.number = std::strtod(s_.c_str() + i_, &end);
    if (end == s_.c_str() + i_) fail("bad value");
    i_ = static_cast<std::size_t>(end - s_.c_str());
    return j;
  }
};

// Loads tests/fixtures/<name>.json (the directory is compiled in as DW_FIXTURES_DIR).
inline Json load(const std::string& name) {
  std::ifstream in(std::string(DW_FIXTURES_DIR) + "/" + name + ".json");
  if (!in) throw std::runtime_error("fixture: cannot open " + name + ".json");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  return Parser(text).parse();
}

}  // namespace fixture

#include "dw/json_value.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "dw/errors.hpp"

namespace dw {

namespace {
// Recursive-descent parser over the RFC 8259 grammar (no \u escapes beyond ASCII needed here,
// but they are accepted and kept as '?').
class Parser {
 public:
  Parser(const std::string& s, const char* where, bool allowNonFinite)
      : s_(s), where_(where), allowNonFinite_(allowNonFinite) {}
  JsonValue parseDocument() {
    JsonValue v = value(0);
    skipSpace();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InvalidArgument(std::string(where_) + ": malformed JSON at character " + std::to_string(pos_) + ": " + what);
  }
  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
  }
  void expect(char c) {
    skipSpace();
    if (pos_ >= s_.size() || s_[pos_] != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  bool literal(const char* word) {
    std::size_t n = std::char_traits<char>::length(word);
    if (s_.compare(pos_, n, word) == 0) {
      pos_ += n;
      return true;
    }
    return false;
  }
  JsonValue value(int depth) {
    if (depth > 64) fail("nested too deeply");
    skipSpace();
    if (pos_ >= s_.size()) fail("unexpected end of text");
    JsonValue v;
    char c = s_[pos_];
    if (c == '{') {
      v.kind = JsonValue::Kind::Object;
      ++pos_;
      skipSpace();
      if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return v; }
      for (;;) {
        skipSpace();
        std::string key = string();
        expect(':');
        v.fields[key] = value(depth + 1);
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = JsonValue::Kind::Array;
      ++pos_;
      skipSpace();
      if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return v; }
      for (;;) {
        v.items.push_back(value(depth + 1));
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = JsonValue::Kind::String;
      v.text = string();
      return v;
    }
    if (literal("true")) { v.kind = JsonValue::Kind::Bool; v.boolean = true; return v; }
    if (literal("false")) { v.kind = JsonValue::Kind::Bool; return v; }
    if (literal("null")) return v;
    if (allowNonFinite_) {
      v.kind = JsonValue::Kind::Number;
      if (literal("NaN")) { v.number = std::numeric_limits<double>::quiet_NaN(); return v; }
      if (literal("Infinity")) { v.number = std::numeric_limits<double>::infinity(); return v; }
      if (literal("-Infinity")) { v.number = -std::numeric_limits<double>::infinity(); return v; }
      v.kind = JsonValue::Kind::Null;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      const char* begin = s_.c_str() + pos_;
      char* end = nullptr;
      v.kind = JsonValue::Kind::Number;
      v.number = std::strtod(begin, &end);
      if (end == begin) fail("bad number");
      pos_ += static_cast<std::size_t>(end - begin);
      return v;
    }
    fail(std::string("unexpected character '") + c + "'");
  }
  std::string string() {
    if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string");
    ++pos_;
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_++];
      if (c == '\\') {
        if (pos_ >= s_.size()) fail("unfinished escape");
        char e = s_[pos_++];
        switch (e) {
          case 'n': out.push_back('\n'); break;
          case 't': out.push_back('\t'); break;
          case 'r': out.push_back('\r'); break;
          case 'b': out.push_back('\b'); break;
          case 'f': out.push_back('\f'); break;
          case 'u': if (pos_ + 4 > s_.size()) fail("unfinished \\u escape"); pos_ += 4; out.push_back('?'); break;
          default: out.push_back(e);
        }
      } else {
        out.push_back(c);
      }
    }
    if (pos_ >= s_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }

  const std::string& s_;
  const char* where_;
  bool allowNonFinite_;
  std::size_t pos_ = 0;
};
}  // namespace

JsonValue parseJson(const std::string& text, const char* where, bool allowNonFinite) {
  return Parser(text, where, allowNonFinite).parseDocument();
}

std::string jsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace dw

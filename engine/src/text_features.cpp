#include "dw/text_features.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

bool isWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 128;
}

// UTF-16 code units of the character starting at this byte: continuation bytes (10xxxxxx) add
// nothing, a 4-byte sequence (11110xxx: outside the Basic Multilingual Plane, e.g. emoji) is a
// surrogate pair in JavaScript, every other lead byte is one unit.
int utf16Units(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  if ((c & 0xF8) == 0xF0) return 2;
  return 1;
}

void requireTextSize(const std::string& text, const char* where) {
  if (text.size() > kMaxTextBytes)
    throw InvalidArgument(std::string(where) + ": the text is " + std::to_string(text.size()) +
                          " bytes long; at most " + std::to_string(kMaxTextBytes) + " are accepted");
}

// v / ‖v‖, or zeros for a zero vector. Dividing by the largest |v_i| first keeps ‖v‖ from
// overflowing (1e300² is infinite) or underflowing.
Vector unitVector(const Vector& v) {
  double scale = v.cwiseAbs().maxCoeff();
  if (!(scale > 0)) return Vector::Zero(v.size());
  Vector u = v / scale;
  return u / u.norm();
}

int checkedIndex(int i, Index rows, const char* where, const char* name) {
  if (i < 0 || i >= rows)
    throw InvalidArgument(std::string(where) + ": " + name + "=" + std::to_string(i) + " is not a row of X (0 to " +
                          std::to_string(rows - 1) + ")");
  return i;
}

}  // namespace

std::vector<Token> tokenize(const std::string& text) {
  requireTextSize(text, "tokenize");
  std::vector<Token> out;
  const std::size_t n = text.size();
  std::size_t i = 0;
  int units = 0;  // UTF-16 offset of byte i
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!isWordByte(c)) { units += utf16Units(c); ++i; continue; }
    // A run of word bytes [i, j); then trim apostrophes at both ends.
    std::size_t j = i;
    int runStartUnits = units, unitsAtJ = units;
    while (j < n && isWordByte(static_cast<unsigned char>(text[j]))) unitsAtJ += utf16Units(static_cast<unsigned char>(text[j++]));
    std::size_t a = i, b = j;
    int ua = runStartUnits, ub = unitsAtJ;
    while (a < b && text[a] == '\'') { ++a; ++ua; }
    while (b > a && text[b - 1] == '\'') { --b; --ub; }
    if (a < b) {
      Token t;
      t.text = text.substr(a, b - a);
      for (char& ch : t.text)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      t.start = ua;
      t.end = ub;
      t.byteStart = static_cast<int>(a);
      t.byteEnd = static_cast<int>(b);
      out.push_back(std::move(t));
    }
    i = j;
    units = unitsAtJ;
  }
  return out;
}

Vocabulary::Vocabulary() : tokens_{kUnknownToken}, counts_{0} {}

void Vocabulary::build(const std::vector<std::string>& corpus, int minCount, int maxWords) {
  const char* where = "Vocabulary.build";
  if (corpus.empty()) throw ShapeError(std::string(where) + ": the corpus is empty; give at least one text");
  if (corpus.size() > static_cast<std::size_t>(kMaxCorpusTexts))
    throw ShapeError(std::string(where) + ": the corpus has " + std::to_string(corpus.size()) + " texts; at most " +
                     std::to_string(kMaxCorpusTexts) + " are accepted");
  requireIntInRange(minCount, 1, 1'000'000, where, "minCount");
  requireIntInRange(maxWords, 0, 1'000'000, where, "maxWords");
  std::unordered_map<std::string, int> freq;
  long long total = 0;
  for (const std::string& text : corpus)
    for (const Token& t : tokenize(text)) { ++freq[t.text]; ++total; }
  if (total == 0) throw InvalidArgument(std::string(where) + ": no text in the corpus contains a word");

  std::vector<std::pair<std::string, int>> words(freq.begin(), freq.end());
  // Descending count, then alphabetical: a total order, so ids never depend on hash order.
  std::sort(words.begin(), words.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  tokens_.assign(1, kUnknownToken);
  counts_.assign(1, 0);
  ids_.clear();
  for (const auto& [word, count] : words) {
    bool keep = count >= minCount && (maxWords == 0 || static_cast<int>(tokens_.size()) - 1 < maxWords);
    if (!keep) { counts_[0] += count; continue; }
    ids_.emplace(word, static_cast<int>(tokens_.size()));
    tokens_.push_back(word);
    counts_.push_back(count);
  }
  minCount_ = minCount;
  maxWords_ = maxWords;
  built_ = true;
}

int Vocabulary::idOf(const std::string& token) const {
  auto it = ids_.find(token);
  return it == ids_.end() ? kUnknownId : it->second;
}

const std::string& Vocabulary::token(int id) const {
  if (id < 0 || id >= size())
    throw InvalidArgument("Vocabulary.token: id=" + std::to_string(id) + " is not in the vocabulary (0 to " +
                          std::to_string(size() - 1) + ")");
  return tokens_[static_cast<std::size_t>(id)];
}

std::vector<int> Vocabulary::encode(const std::string& text) const {
  if (!built_) throw StateError("Vocabulary.encode: the vocabulary is empty; call build(corpus) first");
  std::vector<int> ids;
  for (const Token& t : tokenize(text)) ids.push_back(idOf(t.text));
  return ids;
}

Matrix bagOfWords(const std::vector<std::string>& texts, const Vocabulary& vocab, bool binary) {
  const char* where = "bagOfWords";
  if (!vocab.built()) throw StateError(std::string(where) + ": the vocabulary is empty; call build(corpus) first");
  if (texts.empty()) throw ShapeError(std::string(where) + ": no texts given");
  if (texts.size() > static_cast<std::size_t>(Vocabulary::kMaxCorpusTexts))
    throw ShapeError(std::string(where) + ": " + std::to_string(texts.size()) + " texts; at most " +
                     std::to_string(Vocabulary::kMaxCorpusTexts) + " are accepted");
  Matrix counts = Matrix::Zero(static_cast<Index>(texts.size()), vocab.size());
  for (std::size_t r = 0; r < texts.size(); ++r)
    for (int id : vocab.encode(texts[r])) {
      double& cell = counts(static_cast<Index>(r), id);
      cell = binary ? 1.0 : cell + 1.0;
    }
  return counts;
}

namespace {
void requireCounts(const Matrix& counts, const char* where) {
  if (counts.rows() == 0 || counts.cols() == 0) throw ShapeError(std::string(where) + ": the count matrix is empty");
  requireFinite(counts, where, "counts");
  if (counts.minCoeff() < 0)
    throw InvalidArgument(std::string(where) + ": counts must be ≥ 0 (found " + formatNumber(counts.minCoeff()) + ")");
}
}  // namespace

Vector inverseDocumentFrequency(const Matrix& counts) {
  requireCounts(counts, "inverseDocumentFrequency");
  const double n = static_cast<double>(counts.rows());
  Vector idf(counts.cols());
  for (Index j = 0; j < counts.cols(); ++j) {
    double df = static_cast<double>((counts.col(j).array() > 0).count());
    idf(j) = std::log((1.0 + n) / (1.0 + df)) + 1.0;  // smooth idf: as if one extra document held every word
  }
  return idf;
}

Matrix tfidf(const Matrix& counts, const Vector& idf) {
  const char* where = "tfidf";
  requireCounts(counts, where);
  if (idf.size() != counts.cols())
    throw ShapeError(std::string(where) + ": idf has " + std::to_string(idf.size()) + " entries for " +
                     std::to_string(counts.cols()) + " columns");
  requireFinite(idf, where, "idf");
  Matrix out = counts.array().rowwise() * idf.transpose().array();
  for (Index r = 0; r < out.rows(); ++r) {
    double norm = out.row(r).norm();
    if (norm > 0) out.row(r) /= norm;  // l2-normalised rows; an empty document stays all zeros
  }
  return out;
}

double cosineSimilarity(const Vector& a, const Vector& b) {
  const char* where = "cosineSimilarity";
  if (a.size() == 0 || b.size() == 0) throw ShapeError(std::string(where) + ": the vectors are empty");
  if (a.size() != b.size())
    throw ShapeError(std::string(where) + ": the vectors have " + std::to_string(a.size()) + " and " +
                     std::to_string(b.size()) + " entries; they must be the same length");
  requireFinite(a, where, "a");
  requireFinite(b, where, "b");
  // cos = (a/‖a‖)·(b/‖b‖), with unitVector() guarding against overflow of huge entries.
  Vector ua = unitVector(a), ub = unitVector(b);
  if (ua.isZero(0) || ub.isZero(0)) return 0.0;
  double c = ua.dot(ub);
  return std::max(-1.0, std::min(1.0, c));  // rounding can leave |c| a hair above 1
}

Matrix cosineSimilarityMatrix(const Matrix& X) {
  const char* where = "cosineSimilarityMatrix";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": X is empty");
  requireFinite(X, where, "X");
  Matrix unit(X.rows(), X.cols());
  // Zero rows stay zero, so their similarities are 0.
  for (Index r = 0; r < unit.rows(); ++r) unit.row(r) = unitVector(X.row(r).transpose()).transpose();
  Matrix sims = unit * unit.transpose();
  return sims.cwiseMax(-1.0).cwiseMin(1.0);
}

CosineRanking rankByCosine(const Matrix& X, const Vector& query, const std::vector<int>& exclude) {
  const char* where = "rankByCosine";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": X is empty");
  if (query.size() != X.cols())
    throw ShapeError(std::string(where) + ": the query has " + std::to_string(query.size()) + " entries; X has " +
                     std::to_string(X.cols()) + " columns");
  requireFinite(X, where, "X");
  requireFinite(query, where, "query");
  std::vector<bool> skip(static_cast<std::size_t>(X.rows()), false);
  for (int e : exclude) skip[static_cast<std::size_t>(checkedIndex(e, X.rows(), where, "exclude"))] = true;
  CosineRanking out;
  std::vector<std::pair<double, int>> scored;
  for (Index r = 0; r < X.rows(); ++r)
    if (!skip[static_cast<std::size_t>(r)]) scored.emplace_back(cosineSimilarity(X.row(r).transpose(), query), static_cast<int>(r));
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (const auto& [s, r] : scored) {
    out.indices.push_back(r);
    out.similarities.push_back(s);
  }
  return out;
}

Analogy analogy(const Matrix& X, int a, int b, int c) {
  const char* where = "analogy";
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError(std::string(where) + ": X is empty");
  checkedIndex(a, X.rows(), where, "a");
  checkedIndex(b, X.rows(), where, "b");
  checkedIndex(c, X.rows(), where, "c");
  Analogy out;
  // "a is to b as ? is to c" read as arithmetic: the offset b → a (e.g. man → king, "royalty")
  // added to c (woman) lands near the answer (queen).
  out.vector = (X.row(a) - X.row(b) + X.row(c)).transpose();
  out.ranking = rankByCosine(X, out.vector, {a, b, c});
  return out;
}

}  // namespace dw

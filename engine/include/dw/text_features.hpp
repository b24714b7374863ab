// Text to numbers: a word tokenizer, a vocabulary (word ↔ id), bag-of-words count vectors,
// tf-idf weighting, and cosine similarity with nearest-neighbour ranking (for word embeddings).
// Everything here is deterministic and closed form; no model is trained (MultinomialNaiveBayes,
// which learns from bag-of-words counts, lives in its own header).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "dw/types.hpp"

namespace dw {

// Longest text tokenize()/encode() accept, in UTF-8 bytes; anything longer is refused with a
// message rather than silently cut (the widgets cap what the learner types before that).
constexpr std::size_t kMaxTextBytes = 1'000'000;

struct Token {
  std::string text;  // lower-cased (ASCII A–Z only; other bytes unchanged)
  // Where the token sits in the original text, as [start, end) offsets in UTF-16 code units —
  // the indices of a JavaScript string — and in UTF-8 bytes.
  int start = 0;
  int end = 0;
  int byteStart = 0;
  int byteEnd = 0;
};

// Splits text into words. A word is a maximal run of ASCII letters, ASCII digits, apostrophes
// (') and bytes ≥ 128 (so UTF-8 letters such as "é" or "ß" stay inside words; emoji count as
// letters too), with apostrophes trimmed from both ends ("'quoted'" → quoted, "don't" stays).
// Every other byte (spaces, punctuation, <, >, &, …) separates words. ASCII letters are
// lower-cased. For ASCII text this equals the regular expression [a-z0-9]+(?:'+[a-z0-9]+)* run
// over the lower-cased text (the fixture checks it against scikit-learn's CountVectorizer).
// Throws InvalidArgument when text is longer than kMaxTextBytes.
std::vector<Token> tokenize(const std::string& text);

// Word ↔ id table built from a corpus. Id 0 is "<unk>", the id of every word not in the table;
// ids 1, 2, … go to the kept words by descending corpus count, ties broken alphabetically
// (byte order), so the same corpus always gives the same ids.
class Vocabulary {
 public:
  static constexpr int kUnknownId = 0;
  static constexpr const char* kUnknownToken = "<unk>";
  static constexpr int kMaxCorpusTexts = 100'000;

  Vocabulary();
  // Counts every token of every text; keeps words seen at least minCount times (≥ 1), at most
  // maxWords of them (0 = no limit; the most frequent are kept). Throws ShapeError for an empty
  // corpus, InvalidArgument when minCount/maxWords are out of range or no text has a word.
  void build(const std::vector<std::string>& corpus, int minCount = 1, int maxWords = 0);

  bool built() const { return built_; }
  // Number of ids, <unk> included (1 + kept words).
  int size() const { return static_cast<int>(tokens_.size()); }
  // The id of a token (already lower-cased, as tokenize() gives it); 0 when unknown.
  int idOf(const std::string& token) const;
  // The token of an id; throws InvalidArgument unless 0 ≤ id < size().
  const std::string& token(int id) const;
  const std::vector<std::string>& tokens() const { return tokens_; }
  // Corpus count of each id; entry 0 counts the corpus tokens that were left out (rare words).
  const std::vector<int>& counts() const { return counts_; }
  // The id of every token of text (unknown words → 0). Throws StateError before build().
  std::vector<int> encode(const std::string& text) const;
  int minCount() const { return minCount_; }
  int maxWords() const { return maxWords_; }

 private:
  bool built_ = false;
  int minCount_ = 1;
  int maxWords_ = 0;
  std::vector<std::string> tokens_;
  std::vector<int> counts_;
  std::unordered_map<std::string, int> ids_;
};

// One row per text, one column per vocabulary id: how many times each id occurs in the text
// (column 0 counts the unknown words). binary = true records presence (1) instead of counts.
Matrix bagOfWords(const std::vector<std::string>& texts, const Vocabulary& vocab, bool binary = false);

// Smooth inverse document frequency of each column of a count matrix (rows = documents), as
// scikit-learn's TfidfTransformer(smooth_idf=True): idf_j = ln((1 + n) / (1 + df_j)) + 1, where
// n is the number of documents and df_j the number with a non-zero count in column j.
Vector inverseDocumentFrequency(const Matrix& counts);
// tf-idf rows: counts_ij × idf_j, each row then divided by its Euclidean length (rows of zeros
// stay zero). idf must have one entry per column.
Matrix tfidf(const Matrix& counts, const Vector& idf);

// cos θ = a·b / (‖a‖ ‖b‖). Defined as 0 when either vector is all zeros (no direction), so the
// result is never NaN. Throws ShapeError on different lengths or empty vectors,
// InvalidArgument on NaN/Inf entries.
double cosineSimilarity(const Vector& a, const Vector& b);
// n × n matrix of cosine similarities between the rows of X (zero rows: 0, diagonal included).
Matrix cosineSimilarityMatrix(const Matrix& X);

struct CosineRanking {
  std::vector<int> indices;          // rows of X, most similar first (ties: lower index first)
  std::vector<double> similarities;  // cosine similarity of each listed row to the query
};
// Every row of X except those in `exclude`, ranked by cosine similarity to query.
CosineRanking rankByCosine(const Matrix& X, const Vector& query, const std::vector<int>& exclude = {});

// Word-vector arithmetic "a − b + c" (king − man + woman): the combined vector and the other
// rows ranked by cosine similarity to it (rows a, b and c themselves are left out, as is usual
// for analogies). Throws InvalidArgument for a row index outside X.
struct Analogy {
  Vector vector;
  CosineRanking ranking;
};
Analogy analogy(const Matrix& X, int a, int b, int c);

}  // namespace dw

// Retrieval for retrieval-augmented answering: index a small collection of passages, rank them
// for a question, measure the ranking against known relevant passages (recall@k, mean reciprocal
// rank), and build an extractive answer — the best-matching sentence of the top-k passages, or
// "not found". Two retrievers:
//   TfidfRetriever — words weighted by tf-idf, score = cosine similarity (scikit-learn's
//     TfidfVectorizer(smooth_idf=True, norm="l2", stop_words=…) followed by a dot product);
//   LsaRetriever   — latent semantic analysis: a truncated SVD of the same tf-idf matrix gives
//     every word a d-dimensional vector learned from which passages it shares with which words;
//     a text's embedding is the tf-idf-weighted sum of its words' vectors, score = cosine.
// Nothing here simulates a language model: the "answer" is a sentence copied from a passage.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "dw/text_features.hpp"
#include "dw/types.hpp"

namespace dw {

// Passages, best first. scores[i] is the similarity of passage indices[i] to the query; ties keep
// the lower passage index first.
struct RetrievalRanking {
  std::vector<int> indices;
  std::vector<double> scores;
};

// [start, end) byte offsets of one sentence inside a text.
struct SentenceSpan {
  int start = 0;
  int end = 0;
};

// Splits text into sentences: a sentence ends after '.', '!' or '?' followed by white space or
// the end of the text (so "1.80" and "11:40" stay whole). Leading and trailing white space is
// trimmed; empty pieces are dropped.
std::vector<SentenceSpan> splitSentences(const std::string& text);

struct ExtractedAnswer {
  bool found = false;
  int passage = -1;            // index of the passage the sentence comes from (−1: not found)
  int rank = 0;                // that passage's position in the ranking, 1 = top (0: not found)
  std::string sentence;        // the copied sentence ("" when not found)
  double passageScore = 0.0;   // retrieval score of that passage
  double sentenceScore = 0.0;  // similarity of the sentence to the question
};

// The extractive answerer. Looks only at the first k passages of the ranking and only at those
// scoring at least minScore and above 0; if there are none, the answer is "not found". Otherwise
// every sentence of those passages is scored by sentenceScore(sentence) and the best one is the
// answer (ties: the higher-ranked passage, then the earlier sentence). Throws InvalidArgument
// for k < 1, minScore outside [0, 1], or a ranking index that is not a passage.
ExtractedAnswer extractAnswer(const std::vector<std::string>& passages, const RetrievalRanking& ranking, int k,
                              double minScore, const std::function<double(const std::string&)>& sentenceScore);

// Fraction of each question's relevant passages found in the first k of its ranking, averaged
// over the questions. rankings[q] lists passage indices best first; relevant[q] is a non-empty
// set of passage indices. Throws ShapeError for different numbers of rankings and relevant sets
// or no questions, InvalidArgument for k < 1 or an empty relevant set.
double recallAtK(const std::vector<std::vector<int>>& rankings, const std::vector<std::vector<int>>& relevant, int k);
// Mean over questions of 1 / (position of the first relevant passage), 1-based; 0 for a question
// whose ranking holds no relevant passage. Same errors as recallAtK.
double meanReciprocalRank(const std::vector<std::vector<int>>& rankings, const std::vector<std::vector<int>>& relevant);

class TfidfRetriever {
 public:
  static constexpr int kMaxPassages = 2000;

  // Indexes the passages: the vocabulary is every word of the passages except the stop words
  // (compared after lower-casing, as tokenize() gives words), idf is scikit-learn's smooth idf and
  // each passage becomes an l2-normalised tf-idf row. Throws ShapeError for no passages or more
  // than kMaxPassages, InvalidArgument when no passage has a word outside the stop words.
  void build(const std::vector<std::string>& passages, const std::vector<std::string>& stopWords = {});
  bool built() const { return built_; }
  int passageCount() const { return static_cast<int>(passages_.size()); }
  const std::vector<std::string>& passages() const { return passages_; }
  // Vocabulary of the index (id 0 is <unk>, a column that is always 0).
  const Vocabulary& vocabulary() const;
  const Vector& idf() const;               // one entry per vocabulary id
  const Matrix& passageVectors() const;    // passages × vocabulary, rows of length 1 (or 0)
  // The tf-idf row of any text with the collection's idf: stop words and unknown words are
  // ignored, the row is divided by its length (all zeros when no word is known).
  Vector vectorOf(const std::string& text) const;
  // Cosine similarity of the tf-idf rows of two texts (0 when either has no known word).
  double similarity(const std::string& a, const std::string& b) const;
  // Every passage except those in exclude, ranked by cosine similarity to the query.
  RetrievalRanking search(const std::string& query, const std::vector<int>& exclude = {}) const;
  // extractAnswer over search(query, exclude), sentences scored with similarity().
  ExtractedAnswer answer(const std::string& query, int k, double minScore, const std::vector<int>& exclude = {}) const;

 private:
  void requireBuilt(const char* where) const;
  std::string withoutStopWords(const std::string& text) const;

  bool built_ = false;
  std::vector<std::string> passages_;
  std::vector<std::string> stopWords_;
  Vocabulary vocab_;
  Vector idf_;
  Matrix vectors_;
};

class LsaRetriever {
 public:
  // Builds the tf-idf index (as TfidfRetriever) and keeps the top `dimensions` singular
  // directions of its passages × words matrix X = U Σ Vᵀ. Word j's vector is row j of V_d Σ_d;
  // a text's embedding is Σ_j tfidf_j · (row j of V_d), i.e. its tf-idf row projected on the d
  // directions. dimensions must be in [1, min(passages, words)] (InvalidArgument otherwise).
  void build(const std::vector<std::string>& passages, const std::vector<std::string>& stopWords = {},
             int dimensions = 8);
  bool built() const { return index_.built(); }
  int dimensions() const { return dimensions_; }
  int passageCount() const { return index_.passageCount(); }
  const TfidfRetriever& index() const { return index_; }
  // All singular values of X, largest first (how much of the collection each direction carries).
  const Vector& singularValues() const;
  // vocabulary × dimensions: each word's vector (row 0, <unk>, is zero).
  Matrix wordVectors() const;
  // passages × dimensions: the embeddings of the passages.
  const Matrix& passageEmbeddings() const;
  // The embedding of any text (zeros when no word is known).
  Vector embed(const std::string& text) const;
  double similarity(const std::string& a, const std::string& b) const;
  RetrievalRanking search(const std::string& query, const std::vector<int>& exclude = {}) const;
  ExtractedAnswer answer(const std::string& query, int k, double minScore, const std::vector<int>& exclude = {}) const;

 private:
  void requireBuilt(const char* where) const;

  TfidfRetriever index_;
  int dimensions_ = 0;
  Vector singularValues_;
  Matrix directions_;  // vocabulary × d: V_d
  Matrix embeddings_;  // passages × d
};

}  // namespace dw

#include "dw/retrieval.hpp"

#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void requireQuestions(const std::vector<std::vector<int>>& rankings, const std::vector<std::vector<int>>& relevant,
                      const char* where) {
  if (rankings.empty()) throw ShapeError(std::string(where) + ": no questions given");
  if (rankings.size() != relevant.size())
    throw ShapeError(std::string(where) + ": " + std::to_string(rankings.size()) + " rankings but " +
                     std::to_string(relevant.size()) + " relevant sets; give one of each per question");
  for (std::size_t q = 0; q < relevant.size(); ++q)
    if (relevant[q].empty())
      throw InvalidArgument(std::string(where) + ": question " + std::to_string(q) +
                            " has no relevant passage; recall is undefined for it");
}

bool contains(const std::vector<int>& set, int x) { return std::find(set.begin(), set.end(), x) != set.end(); }

// The words of text, stop words left out, joined by single spaces. Tokens are runs of word
// bytes, so tokenizing the result again gives back exactly the kept words.
std::string keptWords(const std::string& text, const std::vector<std::string>& stops) {
  std::string out;
  for (const Token& t : tokenize(text)) {
    if (std::find(stops.begin(), stops.end(), t.text) != stops.end()) continue;
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

}  // namespace

std::vector<SentenceSpan> splitSentences(const std::string& text) {
  if (text.size() > kMaxTextBytes)
    throw InvalidArgument("splitSentences: the text is " + std::to_string(text.size()) + " bytes long; at most " +
                          std::to_string(kMaxTextBytes) + " are accepted");
  std::vector<SentenceSpan> out;
  const std::size_t n = text.size();
  auto push = [&](std::size_t a, std::size_t b) {
    while (a < b && isSpace(text[a])) ++a;
    while (b > a && isSpace(text[b - 1])) --b;
    if (a < b) out.push_back({static_cast<int>(a), static_cast<int>(b)});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = text[i];
    bool end = (c == '.' || c == '!' || c == '?') && (i + 1 == n || isSpace(text[i + 1]));
    if (end) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  push(start, n);
  return out;
}

ExtractedAnswer extractAnswer(const std::vector<std::string>& passages, const RetrievalRanking& ranking, int k,
                              double minScore, const std::function<double(const std::string&)>& sentenceScore) {
  const char* where = "extractAnswer";
  requireIntInRange(k, 1, 1'000'000, where, "k");
  requireInRange(minScore, 0.0, 1.0, where, "minScore");
  if (ranking.indices.size() != ranking.scores.size())
    throw ShapeError(std::string(where) + ": the ranking has " + std::to_string(ranking.indices.size()) +
                     " passages but " + std::to_string(ranking.scores.size()) + " scores");
  ExtractedAnswer best;
  const std::size_t look = std::min(static_cast<std::size_t>(k), ranking.indices.size());
  for (std::size_t r = 0; r < look; ++r) {
    int p = ranking.indices[r];
    if (p < 0 || p >= static_cast<int>(passages.size()))
      throw InvalidArgument(std::string(where) + ": ranking entry " + std::to_string(p) + " is not a passage (0 to " +
                            std::to_string(static_cast<int>(passages.size()) - 1) + ")");
    double passageScore = ranking.scores[r];
    // A passage that shares nothing with the question (score 0) or scores under the threshold is
    // not evidence: answering from it would be a guess.
    if (!(passageScore > 0.0) || passageScore < minScore) continue;
    const std::string& text = passages[static_cast<std::size_t>(p)];
    for (const SentenceSpan& s : splitSentences(text)) {
      std::string sentence = text.substr(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end - s.start));
      double score = sentenceScore(sentence);
      // Strictly greater: ties keep the higher-ranked passage and the earlier sentence.
      if (!best.found || score > best.sentenceScore) {
        best.found = true;
        best.passage = p;
        best.rank = static_cast<int>(r) + 1;
        best.sentence = std::move(sentence);
        best.passageScore = passageScore;
        best.sentenceScore = score;
      }
    }
  }
  return best;
}

double recallAtK(const std::vector<std::vector<int>>& rankings, const std::vector<std::vector<int>>& relevant, int k) {
  const char* where = "recallAtK";
  requireIntInRange(k, 1, 1'000'000, where, "k");
  requireQuestions(rankings, relevant, where);
  double total = 0.0;
  for (std::size_t q = 0; q < rankings.size(); ++q) {
    const std::size_t look = std::min(static_cast<std::size_t>(k), rankings[q].size());
    std::unordered_set<int> wanted(relevant[q].begin(), relevant[q].end());
    int found = 0;
    for (std::size_t r = 0; r < look; ++r) found += static_cast<int>(wanted.erase(rankings[q][r]));
    total += static_cast<double>(found) / static_cast<double>(found + static_cast<int>(wanted.size()));
  }
  return total / static_cast<double>(rankings.size());
}

double meanReciprocalRank(const std::vector<std::vector<int>>& rankings, const std::vector<std::vector<int>>& relevant) {
  const char* where = "meanReciprocalRank";
  requireQuestions(rankings, relevant, where);
  double total = 0.0;
  for (std::size_t q = 0; q < rankings.size(); ++q)
    for (std::size_t r = 0; r < rankings[q].size(); ++r)
      if (contains(relevant[q], rankings[q][r])) {
        total += 1.0 / static_cast<double>(r + 1);
        break;
      }
  return total / static_cast<double>(rankings.size());
}

// ---- TfidfRetriever ----

void TfidfRetriever::build(const std::vector<std::string>& passages, const std::vector<std::string>& stopWords) {
  const char* where = "TfidfRetriever.build";
  if (passages.empty()) throw ShapeError(std::string(where) + ": no passages given");
  if (passages.size() > static_cast<std::size_t>(kMaxPassages))
    throw ShapeError(std::string(where) + ": " + std::to_string(passages.size()) + " passages; at most " +
                     std::to_string(kMaxPassages) + " are accepted");
  std::vector<std::string> stops;
  for (const std::string& w : stopWords)
    for (const Token& t : tokenize(w)) stops.push_back(t.text);  // lower-cased exactly as passage words are
  // Everything is built into locals first, so a failed build leaves the previous index intact.
  std::vector<std::string> filtered;
  filtered.reserve(passages.size());
  bool anyWord = false;
  for (const std::string& p : passages) {
    filtered.push_back(keptWords(p, stops));
    anyWord = anyWord || !filtered.back().empty();
  }
  if (!anyWord) throw InvalidArgument(std::string(where) + ": no passage has a word outside the stop words");
  Vocabulary vocab;
  vocab.build(filtered);
  Matrix counts = bagOfWords(filtered, vocab);
  // sklearn fits idf on its vocabulary only; our column 0 (<unk>) is all zeros here, so its idf
  // never multiplies anything.
  idf_ = inverseDocumentFrequency(counts);
  vectors_ = tfidf(counts, idf_);
  vocab_ = std::move(vocab);
  stopWords_ = std::move(stops);
  passages_ = passages;
  built_ = true;
}

std::string TfidfRetriever::withoutStopWords(const std::string& text) const { return keptWords(text, stopWords_); }

void TfidfRetriever::requireBuilt(const char* where) const {
  if (!built_) throw StateError(std::string(where) + ": the index is empty; call build(passages) first");
}

const Vocabulary& TfidfRetriever::vocabulary() const {
  requireBuilt("TfidfRetriever.vocabulary");
  return vocab_;
}
const Vector& TfidfRetriever::idf() const {
  requireBuilt("TfidfRetriever.idf");
  return idf_;
}
const Matrix& TfidfRetriever::passageVectors() const {
  requireBuilt("TfidfRetriever.passageVectors");
  return vectors_;
}

Vector TfidfRetriever::vectorOf(const std::string& text) const {
  requireBuilt("TfidfRetriever.vectorOf");
  Vector v = Vector::Zero(vocab_.size());
  for (int id : vocab_.encode(withoutStopWords(text)))
    if (id != Vocabulary::kUnknownId) v(id) += 1.0;  // words the collection never uses carry no weight
  v.array() *= idf_.array();
  double norm = v.norm();
  if (norm > 0) v /= norm;
  return v;
}

double TfidfRetriever::similarity(const std::string& a, const std::string& b) const {
  // Both rows have length 1 (or are zero), so the dot product is the cosine.
  return vectorOf(a).dot(vectorOf(b));
}

RetrievalRanking TfidfRetriever::search(const std::string& query, const std::vector<int>& exclude) const {
  requireBuilt("TfidfRetriever.search");
  CosineRanking r = rankByCosine(vectors_, vectorOf(query), exclude);
  return {std::move(r.indices), std::move(r.similarities)};
}

ExtractedAnswer TfidfRetriever::answer(const std::string& query, int k, double minScore, const std::vector<int>& exclude) const {
  requireBuilt("TfidfRetriever.answer");
  Vector q = vectorOf(query);
  return extractAnswer(passages_, search(query, exclude), k, minScore,
                       [&](const std::string& sentence) { return q.dot(vectorOf(sentence)); });
}

// ---- LsaRetriever ----

void LsaRetriever::build(const std::vector<std::string>& passages, const std::vector<std::string>& stopWords, int dimensions) {
  const char* where = "LsaRetriever.build";
  requireIntInRange(dimensions, 1, 1'000'000, where, "dimensions");
  TfidfRetriever index;
  index.build(passages, stopWords);
  const Matrix& X = index.passageVectors();
  // Words are columns 1… (column 0, <unk>, is zero and carries no direction).
  const Index words = X.cols() - 1;
  const Index limit = std::min<Index>(X.rows(), words);
  if (dimensions > limit)
    throw InvalidArgument(std::string(where) + ": dimensions=" + std::to_string(dimensions) + " exceeds min(passages, words) = " +
                          std::to_string(limit));
  // X = U Σ Vᵀ. The right singular vectors V are directions in word space; the signs Eigen picks
  // do not matter, since every score is a cosine and a sign flip turns both vectors alike.
  Eigen::JacobiSVD<Matrix> svd(X, Eigen::ComputeThinV);
  index_ = std::move(index);
  dimensions_ = dimensions;
  singularValues_ = svd.singularValues().head(limit);
  directions_ = svd.matrixV().leftCols(dimensions);
  embeddings_ = index_.passageVectors() * directions_;  // = U_d Σ_d
}

void LsaRetriever::requireBuilt(const char* where) const {
  if (!index_.built()) throw StateError(std::string(where) + ": the index is empty; call build(passages) first");
}

const Vector& LsaRetriever::singularValues() const {
  requireBuilt("LsaRetriever.singularValues");
  return singularValues_;
}

Matrix LsaRetriever::wordVectors() const {
  requireBuilt("LsaRetriever.wordVectors");
  return directions_ * singularValues_.head(dimensions_).asDiagonal();
}

const Matrix& LsaRetriever::passageEmbeddings() const {
  requireBuilt("LsaRetriever.passageEmbeddings");
  return embeddings_;
}

Vector LsaRetriever::embed(const std::string& text) const {
  requireBuilt("LsaRetriever.embed");
  return directions_.transpose() * index_.vectorOf(text);
}

double LsaRetriever::similarity(const std::string& a, const std::string& b) const {
  return cosineSimilarity(embed(a), embed(b));
}

RetrievalRanking LsaRetriever::search(const std::string& query, const std::vector<int>& exclude) const {
  requireBuilt("LsaRetriever.search");
  CosineRanking r = rankByCosine(embeddings_, embed(query), exclude);
  return {std::move(r.indices), std::move(r.similarities)};
}

ExtractedAnswer LsaRetriever::answer(const std::string& query, int k, double minScore, const std::vector<int>& exclude) const {
  requireBuilt("LsaRetriever.answer");
  Vector q = embed(query);
  return extractAnswer(index_.passages(), search(query, exclude), k, minScore,
                       [&](const std::string& sentence) { return cosineSimilarity(q, embed(sentence)); });
}

}  // namespace dw

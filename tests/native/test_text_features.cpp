#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/text_features.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using dw::Vocabulary;
using Catch::Matchers::Contains;

namespace {
std::vector<std::string> texts(const std::vector<dw::Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}
}  // namespace

TEST_CASE("tokenize by hand: case, punctuation, apostrophes and offsets", "[text]") {
  auto t = dw::tokenize("Don't PANIC: 42 'towels', ok?");
  CHECK(texts(t) == std::vector<std::string>{"don't", "panic", "42", "towels", "ok"});
  // Offsets index the original string: "Don't" is [0,5), "towels" sits inside the quotes.
  CHECK(t[0].start == 0);
  CHECK(t[0].end == 5);
  CHECK(t[3].start == 17);
  CHECK(t[3].end == 23);
  CHECK(t[4].start == 26);
  CHECK(t[4].end == 28);
  CHECK(dw::tokenize("").empty());
  CHECK(dw::tokenize("  ,;!? ''' -- ").empty());
  CHECK(texts(dw::tokenize("<img src=x onerror=alert(1)>")) ==
        std::vector<std::string>{"img", "src", "x", "onerror", "alert", "1"});
}

TEST_CASE("tokenize keeps UTF-8 words whole and counts offsets in UTF-16 units", "[text]") {
  // "Café" is 5 bytes (é = 2) but 4 UTF-16 units; "🙂" is 4 bytes, 2 units (a surrogate pair).
  auto t = dw::tokenize("Café 🙂 naïve");
  REQUIRE(t.size() == 3);
  CHECK(t[0].text == "caf\xC3\xA9");
  CHECK(t[0].start == 0);
  CHECK(t[0].end == 4);
  CHECK(t[0].byteEnd == 5);
  CHECK(t[1].start == 5);
  CHECK(t[1].end == 7);
  CHECK(t[2].text == "na\xC3\xAFve");
  CHECK(t[2].start == 8);
  CHECK(t[2].end == 13);
  CHECK(t[2].byteStart == 11);
  CHECK_THROWS_AS(dw::tokenize(std::string(dw::kMaxTextBytes + 1, 'a')), dw::InvalidArgument);
}

TEST_CASE("vocabulary ids: descending count, then alphabetical; <unk> is 0", "[text]") {
  Vocabulary v;
  CHECK(v.size() == 1);
  CHECK(v.token(0) == "<unk>");
  CHECK_THROWS_AS(v.encode("x"), dw::StateError);
  v.build({"b a c a", "c a d", "e"});
  // counts: a 3, c 2, then b d e 1 each alphabetically.
  CHECK(v.tokens() == std::vector<std::string>{"<unk>", "a", "c", "b", "d", "e"});
  CHECK(v.counts() == std::vector<int>{0, 3, 2, 1, 1, 1});
  CHECK(v.idOf("c") == 2);
  CHECK(v.idOf("zebra") == 0);
  CHECK(v.encode("A zebra, C!") == std::vector<int>{1, 0, 2});
  CHECK_THROWS_WITH(v.token(6), Contains("id=6 is not in the vocabulary (0 to 5)"));
  CHECK_THROWS_AS(v.token(-1), dw::InvalidArgument);

  v.build({"b a c a", "c a d", "e"}, 2);
  CHECK(v.tokens() == std::vector<std::string>{"<unk>", "a", "c"});
  CHECK(v.counts() == std::vector<int>{3, 3, 2});  // b, d, e went to <unk>
  v.build({"b a c a", "c a d", "e"}, 1, 3);
  CHECK(v.tokens() == std::vector<std::string>{"<unk>", "a", "c", "b"});

  // Bad builds leave the previous vocabulary untouched.
  CHECK_THROWS_AS(v.build({}), dw::ShapeError);
  CHECK_THROWS_WITH(v.build({"", "?!"}), Contains("no text in the corpus contains a word"));
  CHECK_THROWS_WITH(v.build({"a"}, 0), Contains("minCount=0"));
  CHECK_THROWS_AS(v.build({"a"}, 1, -1), dw::InvalidArgument);
  CHECK(v.size() == 4);
}

TEST_CASE("bag of words by hand", "[text]") {
  Vocabulary v;
  v.build({"the cat sat on the mat", "the dog"});
  // ids: the(3) 1; then cat dog mat on sat alphabetically 2…6.
  Matrix bow = dw::bagOfWords({"The cat and the hat", ""}, v);
  REQUIRE(bow.rows() == 2);
  REQUIRE(bow.cols() == 7);
  Matrix expected(2, 7);
  expected << 2, 2, 1, 0, 0, 0, 0,  // and, hat → <unk>; the ×2; cat
      0, 0, 0, 0, 0, 0, 0;
  CHECK(bow == expected);
  CHECK(dw::bagOfWords({"the the cat"}, v, true).row(0) == (Vector(7) << 0, 1, 1, 0, 0, 0, 0).finished().transpose());
  CHECK_THROWS_AS(dw::bagOfWords({}, v), dw::ShapeError);
  CHECK_THROWS_AS(dw::bagOfWords({"a"}, Vocabulary()), dw::StateError);
}

TEST_CASE("tokenizer, vocabulary, bag of words and tf-idf match scikit-learn on ASCII text", "[text][sklearn]") {
  fixture::Json f = fixture::load("text_vectorizer");
  std::vector<std::string> corpus = f["corpus"].strings(), queries = f["queries"].strings();
  std::vector<std::string> all = corpus;
  all.insert(all.end(), queries.begin(), queries.end());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(texts(dw::tokenize(all[i])) == f["tokens"][i].strings());

  Vocabulary v;
  v.build(corpus);
  std::vector<std::string> names = f["feature_names"].strings();
  REQUIRE(v.size() == static_cast<int>(names.size()) + 1);
  Matrix counts = dw::bagOfWords(corpus, v), qCounts = dw::bagOfWords(queries, v), qBinary = dw::bagOfWords(queries, v, true);
  Matrix skCounts = f["counts"].matrix(), skQuery = f["query_counts"].matrix(), skBinary = f["query_binary"].matrix();
  Vector idf = dw::inverseDocumentFrequency(counts);
  Matrix tf = dw::tfidf(counts, idf);
  Matrix skTf = f["tfidf"].matrix();
  Vector skIdf = f["idf"].vector();
  CHECK(counts.col(0).sum() == 0);  // no unknown words in the corpus itself
  for (std::size_t j = 0; j < names.size(); ++j) {
    int id = v.idOf(names[j]);
    REQUIRE(id > 0);
    auto jj = static_cast<dw::Index>(j);
    CHECK(counts.col(id) == skCounts.col(jj));
    CHECK(qCounts.col(id) == skQuery.col(jj));
    CHECK(qBinary.col(id) == skBinary.col(jj));
    CHECK(std::abs(idf(id) - skIdf(jj)) < 1e-12);
    CHECK((tf.col(id) - skTf.col(jj)).cwiseAbs().maxCoeff() < 1e-12);
  }
  // Queries: the words scikit-learn drops are exactly what the engine counts as <unk>.
  for (dw::Index r = 0; r < qCounts.rows(); ++r)
    CHECK(qCounts(r, 0) == static_cast<double>(dw::tokenize(queries[static_cast<std::size_t>(r)]).size()) - skQuery.row(r).sum());
  // Ids follow descending corpus count: "the" is the most frequent word.
  CHECK(v.token(1) == "the");
  for (int id = 2; id < v.size(); ++id) CHECK(v.counts()[id - 1] >= v.counts()[id]);
}

TEST_CASE("tf-idf by hand and its errors", "[text]") {
  Matrix c(2, 2);
  c << 1, 0, 1, 2;
  Vector idf = dw::inverseDocumentFrequency(c);
  CHECK(idf(0) == Approx(1.0));                       // in both documents: ln(3/3) + 1
  CHECK(idf(1) == Approx(std::log(1.5) + 1.0));        // in one: ln(3/2) + 1
  Matrix t = dw::tfidf(c, idf);
  CHECK(t.row(0).norm() == Approx(1.0));
  CHECK(t(0, 1) == 0);
  Matrix zero = Matrix::Zero(1, 2);
  CHECK(dw::tfidf(zero, idf).isZero());
  Matrix neg(1, 1);
  neg << -1;
  CHECK_THROWS_AS(dw::inverseDocumentFrequency(neg), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::tfidf(c, Vector::Ones(3)), dw::ShapeError);
}

TEST_CASE("cosine similarity, its matrix, ranking and analogies", "[text]") {
  Vector a(2), b(2), z = Vector::Zero(2);
  a << 1, 0;
  b << 1, 1;
  CHECK(dw::cosineSimilarity(a, b) == Approx(1 / std::sqrt(2.0)));
  CHECK(dw::cosineSimilarity(a, -a) == -1.0);
  CHECK(dw::cosineSimilarity(a, z) == 0.0);  // a zero vector has no direction: defined as 0
  CHECK(dw::cosineSimilarity(z, z) == 0.0);
  Vector huge(2);
  huge << 1e300, 1e300;
  CHECK(dw::cosineSimilarity(huge, b) == Approx(1.0));  // no overflow
  CHECK_THROWS_AS(dw::cosineSimilarity(a, Vector::Ones(3)), dw::ShapeError);
  Vector bad(2);
  bad << 1, std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(dw::cosineSimilarity(a, bad), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::cosineSimilarity(Vector(0), Vector(0)), dw::ShapeError);

  // Four words: king (3,3), queen (3,1), man (1,3), woman (1,1) — royalty on x, gender on y.
  Matrix X(5, 2);
  X << 3, 3, 3, 1, 1, 3, 1, 1, 0, 0;
  Matrix S = dw::cosineSimilarityMatrix(X);
  CHECK(S(0, 0) == Approx(1.0));
  CHECK(S(0, 3) == Approx(1.0));  // king and woman point the same way
  CHECK(S(1, 2) == Approx(0.6));  // (3·1 + 1·3) / (√10 √10)
  CHECK(S(4, 4) == 0.0);
  CHECK(S(1, 4) == 0.0);
  CHECK((S - S.transpose()).cwiseAbs().maxCoeff() == 0);

  auto r = dw::rankByCosine(X, X.row(1).transpose(), {1});
  CHECK(r.indices.size() == 4);
  // king and woman are equally close to queen (cos 0.894); the order between them is rounding.
  CHECK(std::min(r.indices[0], r.indices[1]) == 0);
  CHECK(std::max(r.indices[0], r.indices[1]) == 3);
  CHECK(r.similarities[0] == Approx(4 * 3.0 / (std::sqrt(10.0) * std::sqrt(18.0))));
  CHECK(r.indices.back() == 4);   // the zero vector: similarity 0, last
  CHECK_THROWS_AS(dw::rankByCosine(X, a, {7}), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::rankByCosine(X, Vector::Ones(3)), dw::ShapeError);

  auto q = dw::analogy(X, 0, 2, 3);  // king − man + woman = (3, 1) = queen
  CHECK(q.vector == X.row(1).transpose());
  CHECK(q.ranking.indices.front() == 1);
  CHECK(q.ranking.similarities.front() == Approx(1.0));
  CHECK(q.ranking.indices.size() == 2);  // king, man, woman are left out
  CHECK_THROWS_WITH(dw::analogy(X, 0, 9, 1), Contains("b=9 is not a row of X"));
}

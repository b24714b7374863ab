#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/retrieval.hpp"
#include "fixture.hpp"

using Catch::Matchers::Contains;
using dw::LsaRetriever;
using dw::TfidfRetriever;

namespace {
std::vector<std::vector<int>> intLists(const fixture::Json& j) {
  std::vector<std::vector<int>> out;
  for (std::size_t i = 0; i < j.size(); ++i) out.push_back(j[i].ints());
  return out;
}
// Rankings agree wherever the reference separates two passages by more than rounding: positions
// inside a run of equal reference scores (within 1e-12) may be ordered either way by rounding.
void checkRanking(const dw::RetrievalRanking& got, const std::vector<int>& want, const std::vector<double>& wantScores) {
  REQUIRE(got.indices.size() == want.size());
  for (std::size_t r = 0; r < want.size(); ++r) {
    double s = wantScores[static_cast<std::size_t>(want[r])];
    CHECK(got.scores[r] == Approx(s).margin(1e-12));
    double sGot = wantScores[static_cast<std::size_t>(got.indices[r])];
    CHECK(sGot == Approx(s).margin(1e-12));
  }
}
}  // namespace

TEST_CASE("splitSentences ends sentences at . ! ? before a space, not inside numbers", "[retrieval]") {
  std::string t = "A ticket costs 1.80 euros.  The last bus leaves at 11:40 pm! Really?Yes  ";
  auto spans = dw::splitSentences(t);
  REQUIRE(spans.size() == 3);
  auto piece = [&](int i) { return t.substr(spans[i].start, spans[i].end - spans[i].start); };
  CHECK(piece(0) == "A ticket costs 1.80 euros.");
  CHECK(piece(1) == "The last bus leaves at 11:40 pm!");
  CHECK(piece(2) == "Really?Yes");  // no space after '?': one sentence
  CHECK(dw::splitSentences("").empty());
  CHECK(dw::splitSentences("  . ").size() == 1);
  CHECK_THROWS_AS(dw::splitSentences(std::string(dw::kMaxTextBytes + 1, 'a')), dw::InvalidArgument);
}

TEST_CASE("tf-idf retrieval by hand on three passages", "[retrieval]") {
  // n = 3 passages; df(red) = df(bus) = 2, df(car) = df(blue) = 1.
  // idf(red) = ln(4/3) + 1 = 1.2876821, idf(car) = ln(4/2) + 1 = 1.6931472.
  // Passage 0 "red bus": both weights 1.2876821 → each 1/√2 after normalising.
  // Query "red car": (1.2876821, 1.6931472) / 2.1271748 = (0.6053485, 0.7959605).
  // Scores: passage 1 ("red car") 1; passage 0: 0.6053485 / √2 = 0.4280460; passage 2: 0.
  TfidfRetriever r;
  r.build({"red bus", "red car", "blue bus"});
  const auto& v = r.vocabulary();
  CHECK(r.idf()(v.idOf("red")) == Approx(std::log(4.0 / 3.0) + 1).epsilon(1e-12));
  CHECK(r.idf()(v.idOf("car")) == Approx(std::log(2.0) + 1).epsilon(1e-12));
  auto ranking = r.search("Red car?");
  CHECK(ranking.indices == std::vector<int>{1, 0, 2});
  CHECK(ranking.scores[0] == Approx(1.0).epsilon(1e-12));
  CHECK(ranking.scores[1] == Approx(0.4280460).epsilon(1e-6));
  CHECK(ranking.scores[2] == 0.0);
  // Unknown words carry no weight; a question of unknown words scores 0 everywhere, in index order.
  auto none = r.search("green tram");
  CHECK(none.indices == std::vector<int>{0, 1, 2});
  CHECK(none.scores == std::vector<double>{0, 0, 0});
  CHECK(r.search("red car", {1}).indices == std::vector<int>{0, 2});
  CHECK(r.similarity("red bus", "bus red") == Approx(1.0));
}

TEST_CASE("stop words are left out of the index and of queries", "[retrieval]") {
  TfidfRetriever r;
  r.build({"The bus is red", "the car is red"}, {"THE", "is"});
  CHECK(r.vocabulary().idOf("the") == 0);
  CHECK(r.vocabulary().idOf("bus") != 0);
  CHECK(r.search("the the the").scores == std::vector<double>{0, 0});
  CHECK_THROWS_WITH(r.build({"the", "is the"}, {"the", "is"}), Contains("no passage has a word outside the stop words"));
  // The failed build kept the previous index.
  CHECK(r.passageCount() == 2);
  CHECK(r.vocabulary().idOf("bus") != 0);
}

TEST_CASE("recall@k and MRR by hand", "[retrieval]") {
  // Question 0: relevant {0}, ranked second → recall@1 0, recall@2 1, reciprocal rank 1/2.
  // Question 1: relevant {0, 2}: ranked first and third → recall@1 1/2, @2 1/2, @3 1, RR 1.
  // Question 2: relevant {1}, ranked last of three → recall@1 0, @2 0, @3 1, RR 1/3.
  std::vector<std::vector<int>> rankings{{2, 0, 1}, {0, 1, 2}, {2, 0, 1}};
  std::vector<std::vector<int>> relevant{{0}, {2, 0}, {1}};
  CHECK(dw::recallAtK(rankings, relevant, 1) == Approx((0 + 0.5 + 0) / 3));
  CHECK(dw::recallAtK(rankings, relevant, 2) == Approx((1 + 0.5 + 0) / 3));
  CHECK(dw::recallAtK(rankings, relevant, 3) == Approx(1.0));
  CHECK(dw::recallAtK(rankings, relevant, 10) == Approx(1.0));
  CHECK(dw::meanReciprocalRank(rankings, relevant) == Approx((0.5 + 1 + 1.0 / 3) / 3));
  CHECK(dw::meanReciprocalRank({{1, 2}}, {{0}}) == 0.0);  // never retrieved
  CHECK_THROWS_AS(dw::recallAtK(rankings, relevant, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::recallAtK(rankings, {{0}}, 1), dw::ShapeError);
  CHECK_THROWS_AS(dw::recallAtK({}, {}, 1), dw::ShapeError);
  CHECK_THROWS_WITH(dw::meanReciprocalRank({{0}}, {{}}), Contains("question 0 has no relevant passage"));
}

TEST_CASE("tf-idf index matches scikit-learn's TfidfVectorizer on the course collection", "[retrieval][sklearn]") {
  fixture::Json f = fixture::load("retrieval_collection");
  TfidfRetriever r;
  r.build(f["passages"].strings(), f["stop_words"].strings());
  auto names = f["feature_names"].strings();
  const auto& v = r.vocabulary();
  REQUIRE(v.size() == static_cast<int>(names.size()) + 1);  // + <unk>
  dw::Vector idf = f["idf"].vector();
  dw::Matrix X = f["tfidf"].matrix();
  for (std::size_t j = 0; j < names.size(); ++j) {
    int id = v.idOf(names[j]);
    REQUIRE(id != 0);
    CHECK(r.idf()(id) == Approx(idf(static_cast<dw::Index>(j))).epsilon(1e-12));
    for (dw::Index p = 0; p < X.rows(); ++p)
      CHECK(r.passageVectors()(p, id) == Approx(X(p, static_cast<dw::Index>(j))).margin(1e-12));
  }
  auto questions = f["questions"].strings();
  dw::Matrix scores = f["tfidf_scores"].matrix();
  std::vector<std::vector<int>> rankings;
  for (std::size_t q = 0; q < questions.size(); ++q) {
    auto got = r.search(questions[q]);
    std::vector<double> row;
    for (dw::Index p = 0; p < scores.cols(); ++p) row.push_back(scores(static_cast<dw::Index>(q), p));
    checkRanking(got, f["tfidf_rankings"][q].ints(), row);
    rankings.push_back(got.indices);
  }
  auto relevant = intLists(f["relevant"]);
  rankings.resize(relevant.size());  // the last questions are outside the collection
  CHECK(dw::recallAtK(rankings, relevant, 1) == Approx(f["tfidf_recall_at_1"].num()));
  CHECK(dw::recallAtK(rankings, relevant, 3) == Approx(f["tfidf_recall_at_3"].num()));
  CHECK(dw::meanReciprocalRank(rankings, relevant) == Approx(f["tfidf_mrr"].num()));
}

TEST_CASE("LSA retrieval matches a NumPy SVD of the same tf-idf matrix", "[retrieval][sklearn]") {
  fixture::Json f = fixture::load("retrieval_collection");
  auto passages = f["passages"].strings();
  auto questions = f["questions"].strings();
  auto relevant = intLists(f["relevant"]);
  dw::Vector sv = f["singular_values"].vector();
  for (int d : {3, 8}) {
    CAPTURE(d);
    LsaRetriever r;
    r.build(passages, f["stop_words"].strings(), d);
    CHECK(r.dimensions() == d);
    REQUIRE(r.singularValues().size() == sv.size());
    for (dw::Index i = 0; i < sv.size(); ++i) CHECK(r.singularValues()(i) == Approx(sv(i)).margin(1e-10));
    fixture::Json ref = f["lsa"][std::to_string(d)];
    dw::Matrix scores = ref["scores"].matrix();
    std::vector<std::vector<int>> rankings;
    for (std::size_t q = 0; q < questions.size(); ++q) {
      auto got = r.search(questions[q]);
      std::vector<double> row;
      for (dw::Index p = 0; p < scores.cols(); ++p) row.push_back(scores(static_cast<dw::Index>(q), p));
      for (std::size_t i = 0; i < got.indices.size(); ++i)
        CHECK(got.scores[i] == Approx(row[static_cast<std::size_t>(got.indices[i])]).margin(1e-9));
      rankings.push_back(got.indices);
    }
    rankings.resize(relevant.size());
    CHECK(dw::recallAtK(rankings, relevant, 1) == Approx(ref["recall_at_1"].num()));
    CHECK(dw::recallAtK(rankings, relevant, 3) == Approx(ref["recall_at_3"].num()));
    CHECK(dw::meanReciprocalRank(rankings, relevant) == Approx(ref["mrr"].num()));
    // A passage's embedding is its tf-idf row projected: embed(passage) equals its stored row.
    CHECK((r.embed(passages[5]) - r.passageEmbeddings().row(5).transpose()).norm() < 1e-12);
    CHECK(r.wordVectors().rows() == r.index().vocabulary().size());
    CHECK(r.wordVectors().row(0).norm() < 1e-12);  // <unk> has no direction
  }
}

TEST_CASE("LSA with every dimension ranks exactly like tf-idf", "[retrieval]") {
  // With d = rank(X) the projection keeps every passage row whole, so q·x is unchanged and only
  // the query's length shrinks: scores are tf-idf scores divided by ‖q V‖, the order is the same.
  std::vector<std::string> passages{"red bus stop", "red car park", "blue bus lane", "green car wash"};
  TfidfRetriever t;
  t.build(passages);
  LsaRetriever l;
  l.build(passages, {}, 4);
  auto a = t.search("red bus park"), b = l.search("red bus park");
  CHECK(a.indices == b.indices);
  double ratio = b.scores[0] / a.scores[0];
  for (std::size_t i = 0; i < a.scores.size(); ++i) CHECK(b.scores[i] == Approx(a.scores[i] * ratio).margin(1e-12));
  CHECK_THROWS_WITH(l.build(passages, {}, 5), Contains("dimensions=5 exceeds min(passages, words) = 4"));
  CHECK_THROWS_AS(l.build(passages, {}, 0), dw::InvalidArgument);
  CHECK(l.dimensions() == 4);  // failed builds kept the index
}

TEST_CASE("extractive answers: the best sentence of the top-k passages, or not found", "[retrieval]") {
  fixture::Json f = fixture::load("retrieval_collection");
  auto passages = f["passages"].strings();
  auto stops = f["stop_words"].strings();
  TfidfRetriever r;
  r.build(passages, stops);
  auto a = r.answer("When is the last bus from the station?", 1, 0.0);
  REQUIRE(a.found);
  CHECK(a.passage == 7);
  CHECK(a.rank == 1);
  CHECK(a.sentence == "The last number 4 bus leaves the station at 11:40 pm.");
  // The passage scores exactly its ranking score; a threshold at that score still answers, just above does not.
  double top = r.search("When is the last bus from the station?").scores[0];
  CHECK(a.passageScore == top);
  CHECK(r.answer("When is the last bus from the station?", 1, top).found);
  CHECK_FALSE(r.answer("When is the last bus from the station?", 1, std::nextafter(top, 1.0)).found);
  // Dropping passage 7 from the index: the answer now comes from another passage — wrong.
  auto dropped = r.answer("When is the last bus from the station?", 1, 0.0, {7});
  REQUIRE(dropped.found);
  CHECK(dropped.passage != 7);
  // No known word: every score is 0, so nothing is evidence.
  auto outside = r.answer("Where is the nearest airport?", 3, 0.0);
  CHECK_FALSE(outside.found);
  CHECK(outside.passage == -1);
  CHECK(outside.sentence.empty());
  CHECK_THROWS_AS(r.answer("bus", 0, 0.0), dw::InvalidArgument);
  CHECK_THROWS_AS(r.answer("bus", 1, 1.5), dw::InvalidArgument);
  // Hand-made ranking: k limits what is read; ties keep the higher-ranked passage.
  dw::RetrievalRanking ranking{{1, 0}, {0.5, 0.4}};
  auto same = [](const std::string&) { return 0.25; };
  auto e = dw::extractAnswer({"Zero. Nought.", "One. Uno."}, ranking, 2, 0.0, same);
  CHECK(e.passage == 1);
  CHECK(e.sentence == "One.");
  CHECK(dw::extractAnswer({"Zero.", "One."}, ranking, 1, 0.45, same).passage == 1);
  CHECK_FALSE(dw::extractAnswer({"Zero.", "One."}, ranking, 1, 0.55, same).found);
  CHECK_THROWS_WITH(dw::extractAnswer({"Zero."}, ranking, 2, 0.0, same), Contains("ranking entry 1 is not a passage"));
}

TEST_CASE("retrievers refuse use before build and bad collections", "[retrieval]") {
  TfidfRetriever t;
  CHECK_THROWS_AS(t.search("bus"), dw::StateError);
  CHECK_THROWS_AS(t.vocabulary(), dw::StateError);
  CHECK_THROWS_AS(t.build({}), dw::ShapeError);
  CHECK_THROWS_AS(t.build(std::vector<std::string>(TfidfRetriever::kMaxPassages + 1, "bus")), dw::ShapeError);
  CHECK_THROWS_AS(t.build({"", "  !! "}), dw::InvalidArgument);
  t.build({"bus"});
  CHECK_THROWS_AS(t.search("bus", {3}), dw::InvalidArgument);
  LsaRetriever l;
  CHECK_THROWS_AS(l.embed("bus"), dw::StateError);
  CHECK_THROWS_AS(l.answer("bus", 1, 0.0), dw::StateError);
}

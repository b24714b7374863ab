// embind registrations for the text-to-numbers playground (tokens, vocabularies, bag of words,
// tf-idf, cosine similarity, MultinomialNaiveBayes); included by bindings.cpp. Only type
// translation and error guarding here; every check with a message lives in the engine.
#pragma once
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/multinomial_naive_bayes.hpp"
#include "dw/text_features.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<Token> {
  static auto list() { return std::make_tuple(field("text", &Token::text), field("start", &Token::start), field("end", &Token::end)); }
};
template <>
struct JsFields<CosineRanking> {
  static auto list() { return std::make_tuple(field("indices", &CosineRanking::indices), field("similarities", &CosineRanking::similarities)); }
};
template <>
struct JsFields<Analogy> {
  static auto list() {
    return std::make_tuple(field("indices", +[](const Analogy& a) -> const std::vector<int>& { return a.ranking.indices; }),
                           field("similarities", +[](const Analogy& a) -> const std::vector<double>& { return a.ranking.similarities; }),
                           field("vector", &Analogy::vector));
  }
};
// A document-term count table: { data (flat, row-major), rows, cols }.
struct CountTable {
  Matrix data;
};
template <>
struct JsFields<CountTable> {
  static auto list() {
    return std::make_tuple(field("data", &CountTable::data), field("rows", +[](const CountTable& t) { return t.data.rows(); }),
                           field("cols", +[](const CountTable& t) { return t.data.cols(); }));
  }
};

namespace text_detail {

inline std::vector<std::string> textsArg(const val& v, const char* where, const char* name) {
  if (!val::global("Array").call<bool>("isArray", v))
    throw InvalidArgument(std::string(where) + ": " + name + " must be an array of strings");
  auto n = v["length"].as<double>();
  if (n > Vocabulary::kMaxCorpusTexts)
    throw ShapeError(std::string(where) + ": " + name + " has " + formatNumber(n) + " texts; at most " +
                     std::to_string(Vocabulary::kMaxCorpusTexts) + " are accepted");
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    val item = v[i];
    if (!item.isString())
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "] is not a string");
    out.push_back(item.as<std::string>());
  }
  return out;
}

inline std::vector<int> intsArg(const val& v, const char* where, const char* name) {
  std::vector<int> out;
  for (double d : toDoubles(v, where, name)) out.push_back(intArg(d, where, name));
  return out;
}


// ---- free functions ----
inline val tokenizeJs(const val& text) {
  return guarded([&] {
    return toJs(tokenize(stringArg(text, "tokenize", "text")));
  });
}

inline val bagOfWordsJs(const val& texts, const Vocabulary& vocab, bool binary) {
  return guarded([&] {
    return toJs(CountTable{bagOfWords(textsArg(texts, "bagOfWords", "texts"), vocab, binary)});
  });
}

inline val idfJs(const val& counts, double cols) {
  return guarded([&] { return copyToJs(inverseDocumentFrequency(toMatrix(counts, cols, "inverseDocumentFrequency"))); });
}

inline val tfidfJs(const val& counts, double cols, const val& idf) {
  return guarded([&] {
    return toJs(tfidf(toMatrix(counts, cols, "tfidf"), toVector(idf, "tfidf", "idf")));
  });
}

inline double cosineJs(const val& a, const val& b) {
  return guarded([&] { return cosineSimilarity(toVector(a, "cosineSimilarity", "a"), toVector(b, "cosineSimilarity", "b")); });
}

inline val cosineMatrixJs(const val& X, double cols) {
  return guarded([&] { return toJs(cosineSimilarityMatrix(toMatrix(X, cols, "cosineSimilarityMatrix"))); });
}

inline val rankJs(const val& X, double cols, const val& query, const val& exclude) {
  return guarded([&] {
    std::vector<int> skip = exclude.isUndefined() || exclude.isNull() ? std::vector<int>{} : intsArg(exclude, "rankByCosine", "exclude");
    return toJs(rankByCosine(toMatrix(X, cols, "rankByCosine"), toVector(query, "rankByCosine", "query"), skip));
  });
}

inline val analogyJs(const val& X, double cols, double a, double b, double c) {
  return guarded([&] {
    return toJs(analogy(toMatrix(X, cols, "analogy"), intArg(a, "analogy", "a"), intArg(b, "analogy", "b"), intArg(c, "analogy", "c")));
  });
}

// ---- Vocabulary ----
inline void vocabBuild(Vocabulary& v, const val& corpus, double minCount, double maxWords) {
  guarded([&] {
    const char* where = "Vocabulary.build";
    std::vector<std::string> texts = textsArg(corpus, where, "corpus");
    v.build(texts, intArg(minCount, where, "minCount"), intArg(maxWords, where, "maxWords"));
  });
}
inline int vocabIdOf(const Vocabulary& v, const val& token) {
  return guarded([&] { return v.idOf(stringArg(token, "Vocabulary.idOf", "token")); });
}
inline std::string vocabToken(const Vocabulary& v, double id) {
  return guarded([&] { return v.token(intArg(id, "Vocabulary.token", "id")); });
}
inline val vocabEncode(const Vocabulary& v, const val& text) {
  return guarded([&] { return intsToJs(v.encode(stringArg(text, "Vocabulary.encode", "text"))); });
}

// ---- MultinomialNaiveBayes ----

}  // namespace text_detail

inline void bind_text() {
  using namespace emscripten;
  namespace d = text_detail;
  using M = MultinomialNaiveBayes;

  function("tokenize", &d::tokenizeJs);
  function("bagOfWords", &d::bagOfWordsJs);
  function("bagOfWords", optional_override([](const val& t, const Vocabulary& v) { return d::bagOfWordsJs(t, v, false); }));
  function("inverseDocumentFrequency", &d::idfJs);
  function("tfidf", &d::tfidfJs);
  function("cosineSimilarity", &d::cosineJs);
  function("cosineSimilarityMatrix", &d::cosineMatrixJs);
  function("rankByCosine", &d::rankJs);
  function("rankByCosine", optional_override([](const val& X, double c, const val& q) { return d::rankJs(X, c, q, val::undefined()); }));
  function("analogy", &d::analogyJs);

  class_<Vocabulary>("Vocabulary")
      .constructor<>()
      .function("build", &d::vocabBuild)
      .function("build", optional_override([](Vocabulary& v, const val& corpus) { d::vocabBuild(v, corpus, 1, 0); }))
      .function("built", &Vocabulary::built)
      .function("size", &Vocabulary::size)
      .function("idOf", &d::vocabIdOf)
      .function("token", &d::vocabToken)
      .function("tokens", optional_override([](const Vocabulary& v) { return stringsToJs(v.tokens()); }))
      .function("counts", optional_override([](const Vocabulary& v) { return intsToJs(v.counts()); }))
      .function("encode", &d::vocabEncode)
      .function("minCount", &Vocabulary::minCount)
      .function("maxWords", &Vocabulary::maxWords);

  class_<M, base<Model>>("MultinomialNaiveBayes")
      .constructor<>()
      .function("setAlpha", optional_override([](M& m, double a) { guarded([&] { m.setAlpha(a); }); }))
      .function("alpha", &M::alpha)
      .function("setFitPrior", optional_override([](M& m, bool f) { m.setFitPrior(f); }))
      .function("fitPrior", &M::fitPrior)
      .function("fitted", &M::fitted)
      .function("classCount", optional_override([](const M& m) { return m.classCount(); }))
      .function("classLogPrior", optional_override([](const M& m) {
        return guarded([&] { return copyToJs(m.classLogPrior()); });
      }))
      .function("featureLogProb", optional_override([](const M& m) {
        return guarded([&] { return toJs(m.featureLogProb()); });
      }))
      .function("featureCounts", optional_override([](const M& m) {
        return guarded([&] { return toJs(m.featureCounts()); });
      }))
      .function("featureLogRatio", optional_override([](const M& m, double pos, double neg) {
        return guarded([&] {
          const char* w = "MultinomialNaiveBayes.featureLogRatio";
          return copyToJs(m.featureLogRatio(intArg(pos, w, "positive"), intArg(neg, w, "negative")));
        });
      }))
      .function("logOddsContributions", optional_override([](const M& m, const val& x, double pos, double neg) {
        return guarded([&] {
          const char* w = "MultinomialNaiveBayes.logOddsContributions";
          return copyToJs(m.logOddsContributions(toVector(x, w, "x"), intArg(pos, w, "positive"), intArg(neg, w, "negative")));
        });
      }))
      .function("predictProba", optional_override([](const M& m, const val& X) {
        return guarded([&] { return toJs(m.predictProba(queryRows(m, X, "predictProba"))); });
      }))
      .function("jointLogLikelihood", optional_override([](const M& m, const val& X) {
        return guarded([&] { return toJs(m.jointLogLikelihood(queryRows(m, X, "jointLogLikelihood"))); });
      }));
}

}  // namespace dw::js

// embind registrations for retrieval-augmented answering (TfidfRetriever, LsaRetriever,
// recallAtK, meanReciprocalRank); included by bindings.cpp. Only type translation and error
// guarding here; every check with a message lives in the engine (engine/src/retrieval.cpp).
#pragma once
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "adapters.hpp"
#include "bind_text.hpp"
#include "dw/retrieval.hpp"

namespace dw::js {

template <>
struct JsFields<RetrievalRanking> {
  static auto list() { return std::make_tuple(field("indices", &RetrievalRanking::indices), field("scores", &RetrievalRanking::scores)); }
};
template <>
struct JsFields<ExtractedAnswer> {
  static auto list() {
    return std::make_tuple(field("found", &ExtractedAnswer::found), field("passage", &ExtractedAnswer::passage),
                           field("rank", &ExtractedAnswer::rank), field("sentence", &ExtractedAnswer::sentence),
                           field("passageScore", &ExtractedAnswer::passageScore),
                           field("sentenceScore", &ExtractedAnswer::sentenceScore));
  }
};

namespace retrieval_detail {

inline std::vector<int> excludeArg(const val& v, const char* where) {
  return v.isUndefined() || v.isNull() ? std::vector<int>{} : text_detail::intsArg(v, where, "exclude");
}

// An array of arrays of passage indices (one per question).
inline std::vector<std::vector<int>> listsArg(const val& v, const char* where, const char* name) {
  if (!val::global("Array").call<bool>("isArray", v))
    throw InvalidArgument(std::string(where) + ": " + name + " must be an array of arrays of passage indices");
  std::vector<std::vector<int>> out;
  auto n = static_cast<std::size_t>(v["length"].as<double>());
  for (std::size_t i = 0; i < n; ++i) out.push_back(text_detail::intsArg(v[i], where, name));
  return out;
}

template <class R>
void build(R& r, const val& passages, const val& stopWords, const char* where) {
  r.build(text_detail::textsArg(passages, where, "passages"),
          stopWords.isUndefined() ? std::vector<std::string>{} : text_detail::textsArg(stopWords, where, "stopWords"));
}

template <class R>
val search(const R& r, const val& query, const val& exclude, const char* where) {
  return guarded([&] { return toJs(r.search(stringArg(query, where, "query"), excludeArg(exclude, where))); });
}

template <class R>
val answer(const R& r, const val& query, double k, double minScore, const val& exclude, const char* where) {
  return guarded([&] {
    return toJs(r.answer(stringArg(query, where, "query"), intArg(k, where, "k"), minScore, excludeArg(exclude, where)));
  });
}

}  // namespace retrieval_detail

inline void bind_retrieval() {
  using namespace emscripten;
  namespace d = retrieval_detail;
  using T = TfidfRetriever;
  using L = LsaRetriever;

  function("recallAtK", optional_override([](const val& rankings, const val& relevant, double k) {
    return guarded([&] {
      const char* w = "recallAtK";
      return recallAtK(d::listsArg(rankings, w, "rankings"), d::listsArg(relevant, w, "relevant"), intArg(k, w, "k"));
    });
  }));
  function("meanReciprocalRank", optional_override([](const val& rankings, const val& relevant) {
    return guarded([&] {
      const char* w = "meanReciprocalRank";
      return meanReciprocalRank(d::listsArg(rankings, w, "rankings"), d::listsArg(relevant, w, "relevant"));
    });
  }));

  class_<T>("TfidfRetriever")
      .constructor<>()
      .function("build", optional_override([](T& r, const val& p, const val& s) { guarded([&] { d::build(r, p, s, "TfidfRetriever.build"); }); }))
      .function("build", optional_override([](T& r, const val& p) { guarded([&] { d::build(r, p, val::undefined(), "TfidfRetriever.build"); }); }))
      .function("built", &T::built)
      .function("passageCount", &T::passageCount)
      .function("tokens", optional_override([](const T& r) { return guarded([&] { return stringsToJs(r.vocabulary().tokens()); }); }))
      .function("idOf", optional_override([](const T& r, const val& w) {
        return guarded([&] { return r.vocabulary().idOf(stringArg(w, "TfidfRetriever.idOf", "word")); });
      }))
      .function("idf", optional_override([](const T& r) { return guarded([&] { return copyToJs(r.idf()); }); }))
      .function("passageVectors", optional_override([](const T& r) { return guarded([&] { return toJs(r.passageVectors()); }); }))
      .function("vectorOf", optional_override([](const T& r, const val& t) {
        return guarded([&] { return copyToJs(r.vectorOf(stringArg(t, "TfidfRetriever.vectorOf", "text"))); });
      }))
      .function("similarity", optional_override([](const T& r, const val& a, const val& b) {
        return guarded([&] { return r.similarity(stringArg(a, "TfidfRetriever.similarity", "a"), stringArg(b, "TfidfRetriever.similarity", "b")); });
      }))
      .function("search", optional_override([](const T& r, const val& q, const val& e) { return d::search(r, q, e, "TfidfRetriever.search"); }))
      .function("search", optional_override([](const T& r, const val& q) { return d::search(r, q, val::undefined(), "TfidfRetriever.search"); }))
      .function("answer", optional_override([](const T& r, const val& q, double k, double m, const val& e) {
        return d::answer(r, q, k, m, e, "TfidfRetriever.answer");
      }))
      .function("answer", optional_override([](const T& r, const val& q, double k, double m) {
        return d::answer(r, q, k, m, val::undefined(), "TfidfRetriever.answer");
      }));

  class_<L>("LsaRetriever")
      .constructor<>()
      .function("build", optional_override([](L& r, const val& p, const val& s, double dims) {
        guarded([&] {
          const char* w = "LsaRetriever.build";
          r.build(text_detail::textsArg(p, w, "passages"), text_detail::textsArg(s, w, "stopWords"), intArg(dims, w, "dimensions"));
        });
      }))
      .function("build", optional_override([](L& r, const val& p, const val& s) { guarded([&] { d::build(r, p, s, "LsaRetriever.build"); }); }))
      .function("built", &L::built)
      .function("passageCount", &L::passageCount)
      .function("dimensions", &L::dimensions)
      .function("singularValues", optional_override([](const L& r) { return guarded([&] { return copyToJs(r.singularValues()); }); }))
      .function("wordVectors", optional_override([](const L& r) { return guarded([&] { return toJs(r.wordVectors()); }); }))
      .function("passageEmbeddings", optional_override([](const L& r) { return guarded([&] { return toJs(r.passageEmbeddings()); }); }))
      .function("embed", optional_override([](const L& r, const val& t) {
        return guarded([&] { return copyToJs(r.embed(stringArg(t, "LsaRetriever.embed", "text"))); });
      }))
      .function("similarity", optional_override([](const L& r, const val& a, const val& b) {
        return guarded([&] { return r.similarity(stringArg(a, "LsaRetriever.similarity", "a"), stringArg(b, "LsaRetriever.similarity", "b")); });
      }))
      .function("search", optional_override([](const L& r, const val& q, const val& e) { return d::search(r, q, e, "LsaRetriever.search"); }))
      .function("search", optional_override([](const L& r, const val& q) { return d::search(r, q, val::undefined(), "LsaRetriever.search"); }))
      .function("answer", optional_override([](const L& r, const val& q, double k, double m, const val& e) {
        return d::answer(r, q, k, m, e, "LsaRetriever.answer");
      }))
      .function("answer", optional_override([](const L& r, const val& q, double k, double m) {
        return d::answer(r, q, k, m, val::undefined(), "LsaRetriever.answer");
      }));
}

}  // namespace dw::js

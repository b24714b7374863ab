// embind registrations for the unsupervised family (KMeans, DBSCAN, PCA, TSNE, silhouette);
// included by bindings.cpp (the one registry). Only translation: numbers arrive as double and
// are checked as whole numbers here, arrays go through adapters.hpp, errors through guarded().
#pragma once
#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/dbscan.hpp"
#include "dw/kmeans.hpp"
#include "dw/pca.hpp"
#include "dw/silhouette.hpp"
#include "dw/tsne.hpp"
#include "dw/validate.hpp"

namespace dw::js {
namespace unsupervised_detail {


// ---- KMeans ----
inline void kmSetK(KMeans& m, double k) { guarded([&] { m.setK(intArg(k, "KMeans.setK", "k")); }); }
inline void kmSetInit(KMeans& m, const val& name) {
  guarded([&] {
    if (!name.isString()) throw InvalidArgument("KMeans.setInit: init must be 'random', 'k-means++' or 'given'");
    m.setInit(name.as<std::string>());
  });
}
inline void kmSetCentroids(KMeans& m, const val& flat) {
  guarded([&] {
    m.setCentroids(queryRows(m, flat, "setCentroids"));
  });
}
inline val kmCentroids(const KMeans& m) { return toJs(m.centroids()); }
inline val kmLabels(const KMeans& m) { return intsToJs(m.labels()); }
inline int kmAssignStep(KMeans& m) { return guarded([&] { return m.assignStep(); }); }
inline double kmUpdateStep(KMeans& m) { return guarded([&] { return m.updateStep(); }); }
inline double kmInertia(const KMeans& m) {
  return guarded([&] { return m.inertia(); });
}
inline void kmSetRestarts(KMeans& m, double r) {
  guarded([&] { m.setRestarts(intArg(r, "KMeans.setRestarts", "restarts")); });
}
inline double kmFitBest(KMeans& m, double maxIterations) {
  return guarded([&] { return m.fitBest(intArg(maxIterations, "KMeans.fitBest", "maxIterations")); });
}
inline val kmElbowCurve(const KMeans& m, double kMax) {
  return guarded([&] { return copyToJs(m.elbowCurve(intArg(kMax, "KMeans.elbowCurve", "kMax"))); });
}

// ---- DBSCAN ----
inline void dbSetEps(DBSCAN& m, double eps) { guarded([&] { m.setEps(eps); }); }
inline void dbSetMinSamples(DBSCAN& m, double s) {
  guarded([&] { m.setMinSamples(intArg(s, "DBSCAN.setMinSamples", "minSamples")); });
}
inline val dbLabels(const DBSCAN& m) { return intsToJs(m.labels()); }
inline val dbCorePoints(const DBSCAN& m) { return intsToJs(m.corePoints()); }

// ---- PCA ----
inline void pcaSetComponents(PCA& m, double n) {
  guarded([&] { m.setComponents(intArg(n, "PCA.setComponents", "nComponents")); });
}
inline val pcaComponents(const PCA& m) { return guarded([&] { return toJs(m.components()); }); }
inline val pcaExplainedVariance(const PCA& m) { return guarded([&] { return copyToJs(m.explainedVariance()); }); }
inline val pcaExplainedVarianceRatio(const PCA& m) {
  return guarded([&] { return copyToJs(m.explainedVarianceRatio()); });
}
inline val pcaMean(const PCA& m) { return guarded([&] { return copyToJs(m.mean()); }); }
inline val pcaTransform(const PCA& m, const val& X) {
  return guarded([&] { return toJs(m.transform(queryRows(m, X, "transform"))); });
}
inline val pcaReconstruct(const PCA& m, const val& X) {
  return guarded([&] { return toJs(m.reconstruct(queryRows(m, X, "reconstruct"))); });
}
inline double pcaVarianceAlong(const PCA& m, const val& u) {
  return guarded([&] { return m.varianceAlong(toVector(u, "PCA.varianceAlong", "u")); });
}

// ---- silhouette ----
inline val silhouetteSamplesJs(const val& X, double cols, const val& labels) {
  return guarded([&] {
    return copyToJs(silhouetteSamples(toMatrix(X, cols, "silhouetteSamples"),
                                      toVector(labels, "silhouetteSamples", "labels"), "silhouetteSamples"));
  });
}
inline double silhouetteScoreJs(const val& X, double cols, const val& labels) {
  return guarded([&] {
    return silhouetteScore(toMatrix(X, cols, "silhouetteScore"), toVector(labels, "silhouetteScore", "labels"),
                           "silhouetteScore");
  });
}

// ---- TSNE ----
inline void tsSetPerplexity(TSNE& m, double p) { guarded([&] { m.setPerplexity(p); }); }
inline void tsSetLearningRate(TSNE& m, double eta) { guarded([&] { m.setLearningRate(eta); }); }
inline void tsSetExaggeration(TSNE& m, double a) { guarded([&] { m.setExaggeration(a); }); }
inline void tsSetMaxIterations(TSNE& m, double n) {
  guarded([&] { m.setMaxIterations(intArg(n, "TSNE.setMaxIterations", "maxIterations")); });
}
inline void tsSetEmbedding(TSNE& m, const val& flat) {
  guarded([&] { m.setEmbedding(toMatrix(flat, 2, "TSNE.setEmbedding")); });
}
inline val tsEmbedding(const TSNE& m) { return toJs(m.embedding()); }
inline val tsRowPerplexities(const TSNE& m) { return copyToJs(m.rowPerplexities()); }
inline val tsGradient(const TSNE& m) { return guarded([&] { return toJs(m.gradient()); }); }

}  // namespace unsupervised_detail

inline void bind_unsupervised() {
  using namespace emscripten;
  namespace u = unsupervised_detail;
  class_<KMeans, base<Model>>("KMeans")
      .constructor<>()
      .function("setK", &u::kmSetK)
      .function("k", &KMeans::k)
      .function("setInit", &u::kmSetInit)
      .function("init", &KMeans::initName)
      .function("setCentroids", &u::kmSetCentroids)
      .function("centroids", &u::kmCentroids)
      .function("labels", &u::kmLabels)
      .function("assignStep", &u::kmAssignStep)
      .function("updateStep", &u::kmUpdateStep)
      .function("awaitingUpdate", &KMeans::awaitingUpdate)
      .function("inertia", &u::kmInertia)
      .function("emptyClusters", &KMeans::emptyClusters)
      .function("setRestarts", &u::kmSetRestarts)
      .function("restarts", &KMeans::restarts)
      .function("fitBest", &u::kmFitBest)
      .function("elbowCurve", &u::kmElbowCurve);
  class_<DBSCAN, base<Model>>("DBSCAN")
      .constructor<>()
      .function("setEps", &u::dbSetEps)
      .function("eps", &DBSCAN::eps)
      .function("setMinSamples", &u::dbSetMinSamples)
      .function("minSamples", &DBSCAN::minSamples)
      .function("labels", &u::dbLabels)
      .function("corePoints", &u::dbCorePoints)
      .function("clusterCount", &DBSCAN::clusterCount);
  class_<PCA, base<Model>>("PCA")
      .constructor<>()
      .function("setComponents", &u::pcaSetComponents)
      .function("componentCount", &PCA::componentCount)
      .function("components", &u::pcaComponents)
      .function("explainedVariance", &u::pcaExplainedVariance)
      .function("explainedVarianceRatio", &u::pcaExplainedVarianceRatio)
      .function("mean", &u::pcaMean)
      .function("transform", &u::pcaTransform)
      .function("reconstruct", &u::pcaReconstruct)
      .function("varianceAlong", &u::pcaVarianceAlong);
  class_<TSNE, base<Model>>("TSNE")
      .constructor<>()
      .function("setPerplexity", &u::tsSetPerplexity)
      .function("perplexity", &TSNE::perplexity)
      .function("setLearningRate", &u::tsSetLearningRate)
      .function("learningRate", &TSNE::learningRate)
      .function("setExaggeration", &u::tsSetExaggeration)
      .function("exaggeration", &TSNE::exaggeration)
      .function("setMaxIterations", &u::tsSetMaxIterations)
      .function("setEmbedding", &u::tsSetEmbedding)
      .function("embedding", &u::tsEmbedding)
      .function("rowPerplexities", &u::tsRowPerplexities)
      .function("gradient", &u::tsGradient);
  function("silhouetteScore", &u::silhouetteScoreJs);
  function("silhouetteSamples", &u::silhouetteSamplesJs);
}

}  // namespace dw::js

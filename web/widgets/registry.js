import { recordEngineNeed } from '../lib/engine-need.js';

// Every widget by name, loaded on demand. The lesson pages, <dw-widget> and embed.html all
// resolve names here, so a widget is added to the site by adding one line.
export const widgets = {
  'gd-walkthrough': () => import('./gd-walkthrough.js'),
  'empirical-risk': () => import('./empirical-risk.js'),
  'fit-line': () => import('./fit-line.js'),
  'spot-the-job': () => import('./spot-the-job.js'),
  'draw-boundary': () => import('./draw-boundary.js'),
  'train-vs-test': () => import('./train-vs-test.js'),
  'loss-surface': () => import('./loss-surface.js'),
  'tip-predictor': () => import('./tip-predictor.js'),
  'sin-experiment': () => import('./sin-experiment.js'),
  'learning-loop': () => import('./learning-loop.js'),
  'rules-or-learn': () => import('./rules-or-learn.js'),
  'house-table': () => import('./house-table.js'),
  'build-dataset': () => import('./build-dataset.js'),
  'which-learning': () => import('./which-learning.js'),
  'spam-filter': () => import('./spam-filter.js'),
  'gridworld': () => import('./gridworld.js'),
  'deep-q': () => import('./deep-q.js'),
  'bandit': () => import('./bandit.js'),
  'dbscan-vs-kmeans': () => import('./dbscan-vs-kmeans.js'),
  'tsne-vs-pca': () => import('./tsne-vs-pca.js'),
  'optimizer-race': () => import('./optimizer-race.js'),
  'derivation': () => import('./derivation.js'),
  'adaboost-rounds': () => import('./adaboost-rounds.js'),
  'kmeans-convergence': () => import('./kmeans-convergence.js'),
  'generalisation-gap': () => import('./generalisation-gap.js'),
  'bias-variance-measured': () => import('./bias-variance-measured.js'),
  'kernel-svm': () => import('./kernel-svm.js'),
  'activations': () => import('./activations.js'),
  'convolution': () => import('./convolution.js'),
  'digits-cnn': () => import('./digits-cnn.js'),
  'attention': () => import('./attention.js'),
  'kmeans-by-hand': () => import('./kmeans-by-hand.js'),
  'place-centroids': () => import('./place-centroids.js'),
  'pca-projection': () => import('./pca-projection.js'),
  'likelihood-fit': () => import('./likelihood-fit.js'),
  'clt-sampler': () => import('./clt-sampler.js'),
  'tree-splits': () => import('./tree-splits.js'),
  'bagging': () => import('./bagging.js'),
  'kfold-animation': () => import('./kfold-animation.js'),
  'ml-badge': () => import('./ml-badge.js'),
  'knn-vote': () => import('./knn-vote.js'),
  'widen-the-street': () => import('./widen-the-street.js'),
  'feature-scaling': () => import('./feature-scaling.js'),
  'loss-penalties': () => import('./loss-penalties.js'),
  'pick-the-model': () => import('./pick-the-model.js'),
  'regularisation': () => import('./regularisation.js'),
  'threshold': () => import('./threshold.js'),
  'precision-recall-by-hand': () => import('./precision-recall-by-hand.js'),
  'roc-sweep': () => import('./roc-sweep.js'),
  'bias-variance-dartboards': () => import('./bias-variance-dartboards.js'),
  'learning-curves': () => import('./learning-curves.js'),
  'nn-playground': () => import('./nn-playground.js'),
  'pipeline-leakage': () => import('./pipeline-leakage.js'),
  'hyperparameter-search': () => import('./hyperparameter-search.js'),
  'model-comparison': () => import('./model-comparison.js'),
  'regression-metrics': () => import('./regression-metrics.js'),
  'regression-race': () => import('./regression-race.js'),
  'distribution-shift': () => import('./distribution-shift.js'),
  'tokens-to-ids': () => import('./tokens-to-ids.js'),
  'bpe-merges': () => import('./bpe-merges.js'),
  'word-embeddings': () => import('./word-embeddings.js'),
  'recurrent-sequence': () => import('./recurrent-sequence.js'),
  'bag-of-words-spam': () => import('./bag-of-words-spam.js'),
  'ai-timeline': () => import('./ai-timeline.js'),
  'ai-hierarchy': () => import('./ai-hierarchy.js'),
  'matrix-transform': () => import('./matrix-transform.js'),
  'dot-product': () => import('./dot-product.js'),
  'primer-sum': () => import('./primer-sum.js'),
  'primer-slope': () => import('./primer-slope.js'),
  'primer-chain': () => import('./primer-chain.js'),
  'primer-log': () => import('./primer-log.js'),
  'primer-dot': () => import('./primer-dot.js'),
  'gan-lab': () => import('./gan-lab.js'),
  'fine-tune': () => import('./fine-tune.js'),
  'quantise': () => import('./quantise.js'),
  'training-tricks': () => import('./training-tricks.js'),
  'time-series-split': () => import('./time-series-split.js'),
  'anomaly-detector': () => import('./anomaly-detector.js'),
  'model-lifecycle': () => import('./model-lifecycle.js'),
  'rag-retrieval': () => import('./rag-retrieval.js'),
  'sentiment-reviews': () => import('./sentiment-reviews.js'),
  'svd-compress': () => import('./svd-compress.js'),
};

export function widgetNames() { return Object.keys(widgets); }

// The games and checks: widgets a learner finishes, which then report 'dw:complete' with
// detail.widget set to their name here (web/lib/report.js). A lesson whose page
// holds one or more of them counts as complete once every one is finished (web/js/progress.js);
// the site build lists them on the page (scripts/lesson-render.mjs).
export const activityWidgets = new Set([
  'rules-or-learn', 'which-learning', 'house-table', 'build-dataset', 'learning-loop', 'sin-experiment', 'spam-filter',
  'spot-the-job', 'fit-line', 'draw-boundary', 'pick-the-model', 'place-centroids', 'widen-the-street', 'pca-projection',
  'ai-hierarchy', 'ml-badge', 'empirical-risk', 'digits-cnn',
]);

export async function loadWidget(name) {
  if (!Object.prototype.hasOwnProperty.call(widgets, name)) {
    throw new RangeError(`There is no widget called "${String(name).slice(0, 40)}". Known widgets: ${widgetNames().join(', ')}.`);
  }
  // The widget's `engine` declaration, for mountWidget's loadEngine (web/lib/engine-need.js).
  return recordEngineNeed(await widgets[name]());
}

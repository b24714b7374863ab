// Every widget by name, loaded on demand. The lesson pages, <dw-widget> and embed.html all
// resolve names here, so a widget is added to the site by adding one line.
export const widgets = {
  'gd-walkthrough': () => import('./gd-walkthrough.js'),
  'fit-line': () => import('./fit-line.js'),
  'gridworld': () => import('./gridworld.js'),
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
  'attention': () => import('./attention.js'),
};

export function widgetNames() { return Object.keys(widgets); }

export async function loadWidget(name) {
  if (!Object.prototype.hasOwnProperty.call(widgets, name)) {
    throw new RangeError(`There is no widget called "${String(name).slice(0, 40)}". Known widgets: ${widgetNames().join(', ')}.`);
  }
  return widgets[name]();
}

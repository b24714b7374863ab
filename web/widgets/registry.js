// Every widget by name, loaded on demand. The lesson pages, <dw-widget> and embed.html all
// resolve names here, so a widget is added to the site by adding one line.
export const widgets = {
  'gd-walkthrough': () => import('./gd-walkthrough.js'),
  'fit-line': () => import('./fit-line.js'),
  'sin-experiment': () => import('./sin-experiment.js'),
  'learning-loop': () => import('./learning-loop.js'),
  'rules-or-learn': () => import('./rules-or-learn.js'),
  'house-table': () => import('./house-table.js'),
  'build-dataset': () => import('./build-dataset.js'),
  'which-learning': () => import('./which-learning.js'),
  'spam-filter': () => import('./spam-filter.js'),
  'gridworld': () => import('./gridworld.js'),
  'bandit': () => import('./bandit.js'),
  'dbscan-vs-kmeans': () => import('./dbscan-vs-kmeans.js'),
  'tsne-vs-pca': () => import('./tsne-vs-pca.js'),
  'optimizer-race': () => import('./optimizer-race.js'),
};

export function widgetNames() { return Object.keys(widgets); }

export async function loadWidget(name) {
  if (!Object.prototype.hasOwnProperty.call(widgets, name)) {
    throw new RangeError(`There is no widget called "${String(name).slice(0, 40)}". Known widgets: ${widgetNames().join(', ')}.`);
  }
  return widgets[name]();
}

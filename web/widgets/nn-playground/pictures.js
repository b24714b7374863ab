// What the big view and the legend show, computed from the engine's grids: the network's output
// (or one neuron's map while it is hovered), the legend that goes with it, and the engine's
// featureTransform of the grid for switched-off input features. Grids are sampled at cell
// centres so the stretched picture lines up with the axes.
import { fixed } from '../../lib/ui.js';
import { cellCentre } from '../../lib/heatmap.js';
import { DOMAIN, FEATURES } from './settings.js';
import { drawNormalised } from './heatmap.js';

// The three class names, in the widget's words (t: its message function).
export const classNames = (t) => [0, 1, 2].map((index) => t('nn-playground.class', { index }));

// The largest |target| (at least 1): regression maps and point sizes are scaled by it.
export function regressionScale(data) {
  let m = 1;
  for (const v of data.y) if (Math.abs(v) > m) m = Math.abs(v);
  return m;
}

export function legendSpec(data, theme, t) {
  if (!data) return { theme, kind: 'binary', low: classNames(t)[0], high: classNames(t)[1] };
  if (data.kind === 'regression') return { theme, kind: 'regression', low: fixed(-regressionScale(data), 1), high: fixed(regressionScale(data), 1) };
  if (data.kind === 'multiclass') return { theme, kind: 'multiclass', classNames: classNames(t) };
  return { theme, kind: 'binary', low: t('nn-playground.legend.p0'), high: t('nn-playground.legend.p1') };
}

// images: { output: GridImage, hover: GridImage }; hovered: { col, unit } or null.
export function outputPicture(trainer, data, { hovered, discretize, images, pal, res, hoverRes }) {
  if (trainer.status() === 'diverged') return null;
  if (hovered) {
    const grid = trainer.net.neuronGridFloat32(-DOMAIN, DOMAIN, -DOMAIN, DOMAIN, hoverRes, hoverRes);
    const sizes = trainer.layerSizes();
    let index = 0;
    for (let c = 0; c < hovered.col; c++) index += sizes[c];
    return drawNormalised(images.hover, grid, (index + hovered.unit) * hoverRes * hoverRes, hoverRes, pal);
  }
  const grid = trainer.net.predictGridFloat32(-DOMAIN, DOMAIN, -DOMAIN, DOMAIN, res, res);
  if (data.kind === 'regression') return images.output.drawSignedFast(grid, res, pal, { mul: 1 / regressionScale(data), discrete: discretize });
  if (data.kind === 'multiclass') return images.output.drawClasses(grid, res, trainer.net.classCount(), pal, { discrete: discretize });
  // Sigmoid output: [1 − p, p] per cell; p is mapped to 2p − 1 ∈ [−1, 1] (orange … blue).
  return images.output.drawSignedFast(grid, res, pal, { offset: 1, stride: 2, mul: 2, add: -1, discrete: discretize });
}

// One feature over the n×n grid through the engine's featureTransform.
export function featureOverGrid(ml, key, n) {
  const X = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      X[2 * (j * n + i)] = cellCentre(i, n, -DOMAIN, DOMAIN);
      X[2 * (j * n + i) + 1] = cellCentre(j, n, -DOMAIN, DOMAIN);
    }
  }
  return ml.featureTransform(X, [FEATURES.find((f) => f.key === key).engine]).X;
}

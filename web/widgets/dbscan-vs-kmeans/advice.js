// What the k-means-versus-DBSCAN widget says about a DBSCAN result, in words that follow the
// lesson's rule: too small a radius ε leaves most points as noise (raise ε), too large an ε
// merges separate groups into one cluster (lower ε). Pure: numbers in, { text, tone } out, so
// the boundaries are tested in Node (lessons/clustering-beyond-kmeans.claims.test.mjs). The words
// come from the widget's table (messages.js) through `t`, in English when none is passed.
import { formatNumber } from '../../lib/format.js';
import { addMessages, messageFunction } from '../../lib/messages.js';
import { messages } from './messages.js';

addMessages('en', messages, { keep: true });
const english = messageFunction('en');

// More than this share of noise is "most points are noise": ε is too small.
export const MOST_NOISE = 0.5;
// More than this share of noise is "many": ε is a little small for this density.
export const MANY_NOISE = 0.2;

// The ε slider's least value: advice never asks for a smaller one.
export const EPS_MIN = 0.02;

export const TRUE_GROUPS = { moons: 2, circles: 2, blobs: 3 };

// clusters, noise: DBSCAN's result on n points; data: 'moons' | 'circles' | 'blobs' | 'custom'
// (imported points); k: the
// k-means setting shown beside it; converged: false while DBSCAN is being stepped; t: the
// widget's message function.
export function dbscanAdvice({ clusters, noise, n, data, eps, minSamples, k, converged = true, t = english }) {
  const truth = TRUE_GROUPS[data] ?? 2;
  const e = formatNumber(eps, 2);
  const shown = formatNumber(noise, 0);
  const total = formatNumber(n, 0);
  if (!converged) return { text: t('dbscan-vs-kmeans.advice.growing', { clusters: formatNumber(clusters, 0) }), tone: 'info' };
  if (clusters === 0) return { text: t('dbscan-vs-kmeans.advice.noCore', { minSamples, eps: e }), tone: 'bad' };
  if (noise > n * MOST_NOISE) return { text: t('dbscan-vs-kmeans.advice.mostNoise', { noise: shown, n: total, eps: e }), tone: 'bad' };
  // One cluster means "merged" only where the generator made more than one group; imported points
  // may well be one group (a tight clump, even points nearly on top of each other).
  if (clusters === 1 && noise <= n * MANY_NOISE && data !== 'custom') return { text: t('dbscan-vs-kmeans.advice.merged', { eps: e }), tone: 'warn' };
  if (noise > n * MANY_NOISE) return { text: t('dbscan-vs-kmeans.advice.manyNoise', { noise: shown, n: total, eps: e }), tone: 'warn' };
  // Imported points: no generator to compare with, so only the result itself is described.
  if (data === 'custom') return { text: t('dbscan-vs-kmeans.advice.custom', { clusters, noise, eps: e, minSamples: formatNumber(minSamples, 0), one: clusters === 1 && eps > EPS_MIN }), tone: 'ok' };
  if (clusters > truth) return { text: t('dbscan-vs-kmeans.advice.split', { clusters, truth: formatNumber(truth, 0) }), tone: 'warn' };
  if (clusters < truth) return { text: t('dbscan-vs-kmeans.advice.tooFew', { clusters, truth: formatNumber(truth, 0) }), tone: 'warn' };
  if (data !== 'blobs') return { text: t('dbscan-vs-kmeans.advice.follows', { groups: t(`dbscan-vs-kmeans.advice.groups.${data}`), clusters, noise }), tone: 'ok' };
  if (k === truth) return { text: t('dbscan-vs-kmeans.advice.bothFind', { noise }), tone: 'ok' };
  return { text: t('dbscan-vs-kmeans.advice.setK', { k: formatNumber(k, 0) }), tone: 'info' };
}

// What the k-means-versus-DBSCAN widget says about a DBSCAN result, in words that follow the
// lesson's rule: too small a radius ε leaves most points as noise (raise ε), too large an ε
// merges separate groups into one cluster (lower ε). Pure: numbers in, { text, tone } out, so
// the boundaries are tested in Node (lessons/clustering-beyond-kmeans.claims.test.mjs).
import { countOf, formatNumber } from '../../lib/format.js';

// More than this share of noise is "most points are noise": ε is too small.
export const MOST_NOISE = 0.5;
// More than this share of noise is "many": ε is a little small for this density.
export const MANY_NOISE = 0.2;

const GROUPS = { moons: 'the two moons', circles: 'the ring and the disc', blobs: 'the three blobs' };
export const TRUE_GROUPS = { moons: 2, circles: 2, blobs: 3 };

// clusters, noise: DBSCAN's result on n points; data: 'moons' | 'circles' | 'blobs' | 'custom'
// (imported points); k: the
// k-means setting shown beside it; converged: false while DBSCAN is being stepped.
export function dbscanAdvice({ clusters, noise, n, data, eps, minSamples, k, converged = true }) {
  const truth = TRUE_GROUPS[data] ?? 2;
  const e = formatNumber(eps, 2);
  const of = `${formatNumber(noise, 0)} of ${formatNumber(n, 0)}`;
  if (!converged) return { text: `DBSCAN grows one cluster per step from an unvisited core point: ${formatNumber(clusters, 0)} so far.`, tone: 'info' };
  if (clusters === 0) return { text: `No core points: no point has ${countOf(minSamples, 'neighbour')} within ε = ${e}. Everything is noise — raise ε or lower min samples m.`, tone: 'bad' };
  if (noise > n * MOST_NOISE) return { text: `${of} points are noise: ε = ${e} is too small for this density, so few points have enough neighbours. Raise ε (or lower min samples m).`, tone: 'bad' };
  if (clusters === 1 && noise <= n * MANY_NOISE) return { text: `ε = ${e} is so large that the dense regions touch and merge into one cluster. Lower ε.`, tone: 'warn' };
  if (noise > n * MANY_NOISE) return { text: `${of} points are noise: ε = ${e} is a little small for this density. Raise ε or lower min samples m.`, tone: 'warn' };
  // Imported points: no generator to compare with, so only the result itself is described.
  if (data === 'custom') return { text: `DBSCAN found ${countOf(clusters, 'cluster')} and ${countOf(noise, 'noise point')} in your points with ε = ${e} and min samples m = ${formatNumber(minSamples, 0)}.`, tone: 'ok' };
  if (clusters > truth) return { text: `DBSCAN split the data into ${countOf(clusters, 'cluster')}; the generator made ${truth}. Raise ε a little so the pieces join.`, tone: 'warn' };
  if (clusters < truth) return { text: `DBSCAN found ${countOf(clusters, 'cluster')}; the generator made ${truth}, so some groups touch and merged. Lower ε a little.`, tone: 'warn' };
  if (data !== 'blobs') return { text: `DBSCAN follows ${GROUPS[data]}: ${countOf(clusters, 'cluster')}, ${countOf(noise, 'noise point')}. k-means cannot — its clusters are always the convex cells around centroids. Note that the silhouette, which favours round blobs, may still rate k-means higher.`, tone: 'ok' };
  if (k === truth) return { text: `Both methods find the three blobs here: on round, well separated groups k-means works well (DBSCAN leaves ${countOf(noise, 'point')} as noise).`, tone: 'ok' };
  return { text: `DBSCAN finds the three blobs; k-means with k = ${formatNumber(k, 0)} cannot. Set k = 3.`, tone: 'info' };
}

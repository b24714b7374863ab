// Every word the dbscan-vs-kmeans widget shows a learner (English), its advice (advice.js)
// included. Numbers arrive formatted (web/lib/format.js); counts with their noun come from
// format.js countOf; another language adds the same keys with addMessages (web/lib/messages.js).
import { countOf, listedInWords } from '../../lib/format.js';

export const messages = {
  'dbscan-vs-kmeans.title': 'k-means versus DBSCAN',
  'dbscan-vs-kmeans.hint': 'Both panels cluster the same points. Move the radius ε and min samples m until DBSCAN finds the two moons; notice that k-means cannot, whatever k you choose.',
  'dbscan-vs-kmeans.panel.km': 'k-means',
  'dbscan-vs-kmeans.panel.db': 'DBSCAN',
  'dbscan-vs-kmeans.kmPlot': 'k-means clusters',
  'dbscan-vs-kmeans.dbPlot': 'DBSCAN clusters',
  'dbscan-vs-kmeans.legend.cluster': 'cluster {number}',
  'dbscan-vs-kmeans.legend.noise': 'noise (DBSCAN)',
  'dbscan-vs-kmeans.legend.centroid': 'centroid',
  'dbscan-vs-kmeans.step': 'Step DBSCAN',
  'dbscan-vs-kmeans.stepTitle': 'Restart DBSCAN and discover one cluster per press',
  'dbscan-vs-kmeans.reset': 'Reset',
  'dbscan-vs-kmeans.newPoints': 'New points',
  'dbscan-vs-kmeans.select.data': 'data',
  'dbscan-vs-kmeans.data.moons': 'two moons',
  'dbscan-vs-kmeans.data.circles': 'ring and disc',
  'dbscan-vs-kmeans.data.blobs': 'three blobs',
  'dbscan-vs-kmeans.slider.noise': 'noise',
  'dbscan-vs-kmeans.slider.k': 'k-means: k',
  'dbscan-vs-kmeans.slider.eps': 'DBSCAN: radius ε',
  'dbscan-vs-kmeans.slider.minSamples': 'DBSCAN: min samples m',
  'dbscan-vs-kmeans.stat.kmSilhouette': 'k-means silhouette',
  'dbscan-vs-kmeans.stat.dbSilhouette': 'DBSCAN silhouette',
  'dbscan-vs-kmeans.stat.clusters': 'DBSCAN clusters',
  'dbscan-vs-kmeans.stat.noise': 'noise points',
  'dbscan-vs-kmeans.predict.question': 'On the three blobs, DBSCAN with ε = 0.2 will find…',
  'dbscan-vs-kmeans.predict.fewer': 'fewer than 3 clusters (or none)',
  'dbscan-vs-kmeans.predict.three': '3 clusters, one per blob',
  'dbscan-vs-kmeans.predict.many': 'more than 3 clusters',
  'dbscan-vs-kmeans.predict.seen': 'DBSCAN’s clusters on the three blobs were on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'dbscan-vs-kmeans.predict.glimpsed': 'DBSCAN’s clusters on the three blobs, at ε = {eps}, were on screen before a prediction was locked in. That is enough to guess the answer at ε = {judged} from, so a prediction made on this page now is practice and is not recorded.',
  'dbscan-vs-kmeans.predict.next': 'Now set ε to 0.2 (if an earlier step moved it) and switch the data to three blobs.',
  'dbscan-vs-kmeans.predict.eps': 'Set ε back to {judged} to check your prediction: it is about ε = {judged}, and the slider is at {eps}, so these clusters do not test it.',
  'dbscan-vs-kmeans.predict.glimpsedElsewhere': ({ steps }) => `DBSCAN’s clusters on the three blobs were on screen before a prediction was locked in, at other settings than the question’s (to get those back, ${listedInWords(steps || [])}). That is enough to guess the answer from, so a prediction made on this page now is practice and is not recorded.`,
  // What to set back, as parts of one sentence (predict.elsewhere, predict.glimpsedElsewhere).
  'dbscan-vs-kmeans.predict.restore.eps': 'set ε back to {judged} (it is at {eps})',
  'dbscan-vs-kmeans.predict.restore.minSamples': 'set min samples m back to {judged} (it is at {m})',
  'dbscan-vs-kmeans.predict.restore.noise': 'set the noise slider back to {judged} (it is at {noise})',
  'dbscan-vs-kmeans.predict.restore.points': 'get back the points the widget first drew (New points drew others) by opening the page again from its plain link, without the settings after “#” in the address',
  'dbscan-vs-kmeans.predict.elsewhere': ({ judged, steps }) => `These clusters do not test your prediction, which is about ε = ${judged} with the lesson’s other settings. To check it, ${listedInWords(steps || [])}.`,
  'dbscan-vs-kmeans.predict.why': ({ clusters, noise, n, eps, m }) => {
    const found = `DBSCAN found ${countOf(clusters, 'cluster')} and called ${countOf(noise, 'point')} noise.`;
    if (clusters === 0) return `${found} With min samples m = ${m}, no point has that many neighbours within ε = ${eps}, so there is no core point to start a cluster: all ${n} points are noise. ε and m together set a density, and it has to suit the data.`;
    if (clusters > 3) return `${found} These blobs are far sparser than the moons, so a radius of ${eps} holds too few neighbours: each blob breaks into fragments, and the points between them are left as noise. ε and m together set a density, and it has to suit the data.`;
    if (clusters === 3) return `${found} As many clusters as blobs: at ε = ${eps} and m = ${m} the blobs hold together and stay apart. ε and m together set a density, and it has to suit the data.`;
    return `${found} Fewer clusters than blobs: at ε = ${eps} and m = ${m}, blobs that touch merge into one cluster, and a blob with no core point is left as noise. ε and m together set a density, and it has to suit the data.`;
  },
  'dbscan-vs-kmeans.growing': 'Growing: cluster {cluster} found; press again for the next.',
  'dbscan-vs-kmeans.silhouetteNeeds': 'Silhouette needs at least 2 clusters.',
  'dbscan-vs-kmeans.kmNote': 'inertia {inertia}, silhouette {silhouette}',
  'dbscan-vs-kmeans.dbNote': ({ clusters, noise, core, repeat }) => `${countOf(clusters, 'cluster')}, ${noise} noise, ${countOf(core, 'core point')}${repeat ? '; marks repeat after cluster 3, the numbers tell clusters apart' : ''}`,
  'dbscan-vs-kmeans.kmFigure': 'k-means with k = {k}: silhouette {silhouette}',
  'dbscan-vs-kmeans.dbFigure': ({ eps, clusters, noise }) => `DBSCAN with ε = ${eps}: ${countOf(clusters, 'cluster')}, ${countOf(noise, 'noise point')}`,

  // The advice (advice.js), following the lesson's rule for ε.
  'dbscan-vs-kmeans.advice.growing': 'DBSCAN grows one cluster per step from an unvisited core point: {clusters} so far.',
  'dbscan-vs-kmeans.advice.noCore': ({ minSamples, eps }) => `No core points: no point has ${countOf(minSamples, 'neighbour')} within ε = ${eps}. Everything is noise — raise ε or lower min samples m.`,
  'dbscan-vs-kmeans.advice.mostNoise': '{noise} of {n} points are noise: ε = {eps} is too small for this density, so few points have enough neighbours. Raise ε (or lower min samples m).',
  'dbscan-vs-kmeans.advice.merged': 'ε = {eps} is so large that the dense regions touch and merge into one cluster. Lower ε.',
  'dbscan-vs-kmeans.advice.manyNoise': '{noise} of {n} points are noise: ε = {eps} is a little small for this density. Raise ε or lower min samples m.',
  // one: a single cluster (at an ε that can still be lowered), right for one clump, wrong for groups that touch.
  'dbscan-vs-kmeans.advice.custom': ({ clusters, noise, eps, minSamples, one }) => `DBSCAN found ${countOf(clusters, 'cluster')} and ${countOf(noise, 'noise point')} in your points with ε = ${eps} and min samples m = ${minSamples}.${one ? ' If you see separate groups in them, they are closer than ε: lower ε to part them.' : ''}`,
  'dbscan-vs-kmeans.advice.split': ({ clusters, truth }) => `DBSCAN split the data into ${countOf(clusters, 'cluster')}; the generator made ${truth}. Raise ε a little so the pieces join.`,
  'dbscan-vs-kmeans.advice.tooFew': ({ clusters, truth }) => `DBSCAN found ${countOf(clusters, 'cluster')}; the generator made ${truth}, so some groups touch and merged. Lower ε a little.`,
  'dbscan-vs-kmeans.advice.follows': ({ groups, clusters, noise }) => `DBSCAN follows ${groups}: ${countOf(clusters, 'cluster')}, ${countOf(noise, 'noise point')}. k-means cannot — its clusters are always the convex cells around centroids. Note that the silhouette, which favours round blobs, may still rate k-means higher.`,
  'dbscan-vs-kmeans.advice.groups.moons': 'the two moons',
  'dbscan-vs-kmeans.advice.groups.circles': 'the ring and the disc',
  'dbscan-vs-kmeans.advice.bothFind': ({ noise }) => `Both methods find the three blobs here: on round, well separated groups k-means works well (DBSCAN leaves ${countOf(noise, 'point')} as noise).`,
  'dbscan-vs-kmeans.csv.onePlace': 'Every point is at ({x}, {y}): no radius ε and no number of clusters k can split points that coincide. Clustering needs points at two different places at least.',
  'dbscan-vs-kmeans.advice.setK': 'DBSCAN finds the three blobs; k-means with k = {k} cannot. Set k = 3.',
};

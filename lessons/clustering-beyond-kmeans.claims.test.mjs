// Claims of clustering-beyond-kmeans.md checked against the engine with the dbscan-vs-kmeans
// widget's settings (web/widgets/dbscan-vs-kmeans.js: moons, 200 points, noise 0.08, k = 2,
// eps = 0.2, min samples 5, seed 4; blobs use spread 0.45 + 2 × noise; k-means reset(seed) +
// fitBest(300); DBSCAN reset(0) + fit(1000)), and the widget's advice at its boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { dbscanAdvice, EPS_MIN, MANY_NOISE, MOST_NOISE } from '../web/widgets/dbscan-vs-kmeans/advice.js';

const WIDGET = { data: 'moons', points: 200, noise: 0.08, k: 2, eps: 0.2, minSamples: 5, seed: 4 };

function points(o) {
  if (o.data === 'circles') return ml.makeCircles(o.points, o.noise, 0.45, o.seed);
  if (o.data === 'blobs') return ml.makeBlobs(o.points, 3, 0.45 + o.noise * 2, o.seed);
  return ml.makeMoons(o.points, o.noise, o.seed);
}

function cluster(settings = {}) {
  const o = { ...WIDGET, ...settings };
  const data = points(o);
  const km = new ml.KMeans();
  const db = new ml.DBSCAN();
  try {
    km.setData(data.X, 2, []); km.setK(o.k); km.reset(o.seed); km.fitBest(300);
    db.setData(data.X, 2, []); db.setEps(o.eps); db.setMinSamples(o.minSamples); db.reset(0); db.fit(1000);
    const kmLabels = Array.from(km.labels());
    const dbLabels = Array.from(db.labels());
    const clusters = new Set(dbLabels.filter((l) => l >= 0)).size;
    const noise = dbLabels.filter((l) => l < 0).length;
    return { o, data, truth: Array.from(data.y), kmLabels, dbLabels, clusters, noise };
  } finally { km.delete(); db.delete(); }
}

// Silhouette as the widget computes it: DBSCAN's noise left out.
function silhouette(data, labels) {
  const X = [];
  const L = [];
  labels.forEach((l, i) => { if (l >= 0) { X.push(data.X[2 * i], data.X[2 * i + 1]); L.push(l); } });
  return ml.silhouetteScore(X, 2, L);
}

// Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, ≈ 0 for chance.
function adjustedRand(a, b) {
  const pairs = (m) => (m * (m - 1)) / 2;
  const joint = new Map(); const ca = new Map(); const cb = new Map();
  a.forEach((x, i) => {
    const key = `${x},${b[i]}`;
    joint.set(key, (joint.get(key) || 0) + 1);
    ca.set(x, (ca.get(x) || 0) + 1);
    cb.set(b[i], (cb.get(b[i]) || 0) + 1);
  });
  const sum = (m) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const index = sum(joint); const sa = sum(ca); const sb = sum(cb);
  const expected = (sa * sb) / pairs(a.length);
  return (index - expected) / ((sa + sb) / 2 - expected);
}

test('moons at the defaults: DBSCAN finds the two moons exactly, k-means does not', () => {
  const r = cluster();
  assert.equal(r.clusters, 2);
  assert.equal(r.noise, 0);
  assert.equal(adjustedRand(r.dbLabels, r.truth), 1);
  assert.ok(adjustedRand(r.kmLabels, r.truth) < 0.5);
  // "k-means always cuts the moons": no k from 1 to 8 recovers them.
  for (let k = 1; k <= 8; k++) assert.ok(adjustedRand(cluster({ k }).kmLabels, r.truth) < 0.5, `k = ${k}`);
});

test('eps 0.05: 195 of 200 points are noise; eps 0.3 and beyond: one cluster', () => {
  const small = cluster({ eps: 0.05 });
  assert.equal(small.noise, 195);
  for (const eps of [0.3, 0.45, 0.6, 1]) {
    const big = cluster({ eps });
    assert.equal(big.clusters, 1, `eps ${eps}`);
    assert.equal(big.noise, 0);
  }
  assert.equal(cluster({ eps: 0.25 }).clusters, 2);
});

test('the widget\'s advice follows the counts: mostly noise → raise eps; one merged cluster → lower eps', () => {
  const advise = (r) => dbscanAdvice({ clusters: r.clusters, noise: r.noise, n: r.dbLabels.length, data: r.o.data, eps: r.o.eps, minSamples: r.o.minSamples, k: r.o.k });
  const small = advise(cluster({ eps: 0.05 }));
  assert.match(small.text, /^195 of 200 points are noise/);
  assert.match(small.text, /too small.*Raise ε/);
  assert.doesNotMatch(small.text, /large|Lower ε/);
  const merged = advise(cluster({ eps: 0.6 }));
  assert.match(merged.text, /so large.*merge into one cluster\. Lower ε/);
  assert.match(advise(cluster({ eps: 0.02 })).text, /Everything is noise — raise ε/);
  assert.match(advise(cluster()).text, /DBSCAN follows the two moons: 2 clusters, 0 noise points/);
  assert.match(advise(cluster({ eps: 0.1 })).text, /67 of 200 points are noise.*Raise ε/);
});

test('advice boundaries: "most" is more than half noise, "many" more than a fifth', () => {
  const base = { n: 200, data: 'moons', eps: 0.1, minSamples: 5, k: 2 };
  assert.equal(MOST_NOISE, 0.5);
  assert.equal(MANY_NOISE, 0.2);
  // One cluster with 101 noise points: eps too small, whatever the single cluster suggests.
  assert.match(dbscanAdvice({ ...base, clusters: 1, noise: 101 }).text, /too small.*Raise ε/);
  assert.equal(dbscanAdvice({ ...base, clusters: 1, noise: 101 }).tone, 'bad');
  // Exactly half is not "most": a little small.
  assert.match(dbscanAdvice({ ...base, clusters: 1, noise: 100 }).text, /a little small.*Raise ε/);
  // One cluster with a fifth or less noise: merged, lower eps.
  assert.match(dbscanAdvice({ ...base, clusters: 1, noise: 40 }).text, /merge into one cluster\. Lower ε/);
  assert.match(dbscanAdvice({ ...base, clusters: 1, noise: 41 }).text, /a little small.*Raise ε/);
  // Imported points that DBSCAN finds one cluster in may be one clump: no "merged", a conditional hint.
  const oneClump = dbscanAdvice({ ...base, data: 'custom', clusters: 1, noise: 0, eps: 0.03 });
  assert.equal(oneClump.text, 'DBSCAN found 1 cluster and 0 noise points in your points with ε = 0.03 and min samples m = 5. If you see separate groups in them, they are closer than ε: lower ε to part them.');
  assert.equal(oneClump.tone, 'ok');
  // At the slider's least ε there is nothing lower to ask for.
  assert.equal(dbscanAdvice({ ...base, data: 'custom', clusters: 1, noise: 0, eps: EPS_MIN }).text, 'DBSCAN found 1 cluster and 0 noise points in your points with ε = 0.02 and min samples m = 5.');
  assert.doesNotMatch(dbscanAdvice({ ...base, data: 'custom', clusters: 2, noise: 0 }).text, /lower ε/);
  // Too many or too few clusters with little noise.
  assert.match(dbscanAdvice({ ...base, clusters: 4, noise: 6 }).text, /4 clusters; the generator made 2\. Raise ε/);
  assert.match(dbscanAdvice({ ...base, data: 'blobs', clusters: 2, noise: 0 }).text, /the generator made 3, so some groups touch and merged\. Lower ε/);
  assert.match(dbscanAdvice({ ...base, data: 'blobs', clusters: 3, noise: 0, k: 2 }).text, /k-means with k = 2 cannot\. Set k = 3/);
  assert.match(dbscanAdvice({ ...base, data: 'blobs', clusters: 3, noise: 1, k: 3 }).text, /Both methods find the three blobs.*1 point as noise/);
});

test('three blobs: k-means with k = 3 is exact; DBSCAN at eps 0.2 fragments them; at 0.8 they agree but for one point', () => {
  const blobs = { data: 'blobs', k: 3 };
  const at02 = cluster(blobs);
  assert.equal(adjustedRand(at02.kmLabels, at02.truth), 1);
  assert.equal(at02.clusters, 10);
  assert.equal(at02.noise, 122);
  assert.ok(adjustedRand(at02.kmLabels, at02.dbLabels) < 0.1);
  const at08 = cluster({ ...blobs, eps: 0.8 });
  assert.equal(at08.clusters, 3);
  assert.equal(at08.noise, 1);
  // Every clustered point lands in the same group under both methods (labels matched by majority).
  const match = new Map();
  at08.dbLabels.forEach((l, i) => { if (l >= 0) match.set(`${l},${at08.kmLabels[i]}`, true); });
  assert.equal(match.size, 3, 'each DBSCAN cluster maps onto exactly one k-means cluster');
});

test('silhouette on the moons: k-means 0.48 beats DBSCAN 0.32 although DBSCAN is right', () => {
  const r = cluster();
  const km = silhouette(r.data, r.kmLabels);
  const db = silhouette(r.data, r.dbLabels);
  assert.equal(km.toFixed(2), '0.48');
  assert.equal(db.toFixed(2), '0.32');
});

test('core points by hand: 0, 1, 2, 10, 10.5, 11, 20 with eps 1 and m 3 — four core, two border, one noise', () => {
  const db = new ml.DBSCAN();
  try {
    db.setEps(1);
    db.setMinSamples(3);
    db.setData([0, 1, 2, 10, 10.5, 11, 20], 1, []);
    assert.deepEqual(Array.from(db.corePoints()), [0, 1, 0, 1, 1, 1, 0]);
    db.fit(100);
    assert.deepEqual(Array.from(db.labels()), [0, 0, 0, 1, 1, 1, -1]);
  } finally { db.delete(); }
});

test('silhouette by hand: {0, 2} and {6, 8}, point 2 has a = 2, b = 5, s = 0.6', () => {
  const s = ml.silhouetteSamples([0, 2, 6, 8], 1, [0, 0, 1, 1]);
  assert.ok(Math.abs(s[1] - (5 - 2) / 5) < 1e-12, `${s[1]}`);
});

test('the check: 1, 2, 3, 4, 8, 9, 15 at eps 1.5, m 3 — core 2 and 3, one cluster, three noise (computation dbscan-1d)', async () => {
  const { computations } = await import('../web/js/check-computations/unsupervised.js');
  assert.deepEqual(computations['dbscan-1d'](ml, { points: [1, 2, 3, 4, 8, 9, 15], eps: 1.5, minSamples: 3 }), { clusters: 1, noise: 3, core: 2 });
  assert.deepEqual(computations['dbscan-1d'](ml, { points: [0, 1, 2, 10, 10.5, 11, 20], eps: 1, minSamples: 3 }), { clusters: 2, noise: 1, core: 4 });
  // With m = 2 the pair 8, 9 becomes a cluster of its own.
  assert.deepEqual(computations['dbscan-1d'](ml, { points: [1, 2, 3, 4, 8, 9, 15], eps: 1.5, minSamples: 2 }), { clusters: 2, noise: 1, core: 6 });
});

test('the check\'s claim: at the defaults DBSCAN marks no moon point as noise', () => {
  assert.equal(cluster().noise, 0);
});

test('the check\'s explanation: under DBSCAN\'s moons the mean a(i) is larger and the mean b(i) smaller than under k-means', () => {
  const r = cluster();
  const n = r.dbLabels.length;
  const meanAB = (labels) => {
    let A = 0; let B = 0;
    for (let i = 0; i < n; i++) {
      const sum = new Map(); const cnt = new Map();
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const d = Math.hypot(r.data.X[2 * i] - r.data.X[2 * j], r.data.X[2 * i + 1] - r.data.X[2 * j + 1]);
        sum.set(labels[j], (sum.get(labels[j]) || 0) + d); cnt.set(labels[j], (cnt.get(labels[j]) || 0) + 1);
      }
      let b = Infinity;
      for (const [l, v] of sum) if (l !== labels[i]) b = Math.min(b, v / cnt.get(l));
      A += sum.get(labels[i]) / cnt.get(labels[i]) / n; B += b / n;
    }
    return { A, B };
  };
  const km = meanAB(r.kmLabels);
  const db = meanAB(r.dbLabels);
  assert.ok(db.A > km.A && db.B < km.B, `k-means a ${km.A}, b ${km.B}; DBSCAN a ${db.A}, b ${db.B}`);
});

test('the predict box counts DBSCAN on the blobs at another ε as glimpsed: every ε from 0.15 to 0.3 gives more than 3 clusters, like 0.2', () => {
  for (let e = 15; e <= 30; e++) {
    const r = cluster({ data: 'blobs', eps: e / 100 });
    assert.ok(r.clusters > 3, `eps ${e / 100}: ${r.clusters} clusters`);
  }
  const at03 = cluster({ data: 'blobs', eps: 0.3 });
  assert.deepEqual([at03.clusters, at03.noise], [4, 60]);
});

test('the lesson path: item 2 leaves ε at 0.3 (one cluster); the predict paragraph has it set back to 0.2 (two moons) before the lock, and blobs at 0.2 fragment', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./clustering-beyond-kmeans.md', import.meta.url), 'utf8');
  const steps = text.slice(text.indexOf('Things to try:'), text.indexOf('**Predict, then check.**'));
  const predict = text.slice(text.indexOf('**Predict, then check.**'), text.indexOf('::: reveal'));
  // Item 2 ends with ε at 0.3 or beyond: the moons merge.
  assert.match(steps, /Slide it up to 0\.3 or beyond/);
  assert.equal(cluster({ eps: 0.05 }).noise, 195);
  assert.equal(cluster({ eps: 0.3 }).clusters, 1);
  // The predict paragraph says to set ε back to 0.2 before locking in, and the box judges only there.
  const back = predict.search(/slide it back to 0\.2/);
  assert.ok(back >= 0, predict);
  assert.ok(back < predict.indexOf('Lock your answer'), 'ε is set back before the lock');
  assert.match(predict, /checks your answer only while \$\\varepsilon\$ reads 0\.20/);
  // Back at 0.2 on the moons: the two moons again ("where DBSCAN separates the two moons again").
  const moons = cluster({ eps: 0.2 });
  assert.deepEqual([moons.clusters, moons.noise], [2, 0]);
  // Then three blobs at 0.2: the verdict's numbers (reveal: ten fragments, 122 noise).
  const blobs = cluster({ data: 'blobs', eps: 0.2 });
  assert.deepEqual([blobs.clusters, blobs.noise], [10, 122]);
  // The neighbouring stops the box refuses: 0.19 and 0.21 (also fragments, with other counts).
  assert.deepEqual([cluster({ data: 'blobs', eps: 0.19 }).noise, cluster({ data: 'blobs', eps: 0.21 }).noise], [127, 112]);
});

// The predict box judges only at the lesson's settings (the schema's defaults, which WIDGET
// copies): elsewhere the blobs tell another story — m = 20 no cluster at all, data noise 0 six
// clusters — and the verdict's "why" follows the counts it is given (0 clusters: all noise).
test('the blobs prediction: judged at the lesson\'s settings only; m = 20 gives 0 clusters, noise 0 gives 6; the why follows the counts', async () => {
  const { schema } = await import('../web/widgets/dbscan-vs-kmeans.js');
  const { messages } = await import('../web/widgets/dbscan-vs-kmeans/messages.js');
  for (const k of ['points', 'noise', 'eps', 'minSamples', 'seed', 'data', 'k']) assert.equal(schema[k].default, WIDGET[k], k);
  const m20 = cluster({ data: 'blobs', minSamples: 20 });
  assert.deepEqual([m20.clusters, m20.noise], [0, 200]);
  const noise0 = cluster({ data: 'blobs', noise: 0 });
  assert.deepEqual([noise0.clusters, noise0.noise], [6, 74]);
  const why = messages['dbscan-vs-kmeans.predict.why'];
  assert.match(why({ clusters: 10, noise: 122, n: 200, eps: '0.20', m: '5' }), /^DBSCAN found 10 clusters and called 122 points noise\. .*each blob breaks into fragments/);
  const none = why({ clusters: 0, noise: 200, n: 200, eps: '0.20', m: '20' });
  assert.match(none, /^DBSCAN found 0 clusters and called 200 points noise\. With min samples m = 20, no point has that many neighbours within ε = 0\.20, so there is no core point to start a cluster: all 200 points are noise\./);
  assert.doesNotMatch(none, /fragments/);
  assert.doesNotMatch(why({ clusters: 2, noise: 9, n: 200, eps: '0.50', m: '5' }), /fragments/);
});

test('choosing k: 0, 2 | 6, 8 has mean silhouette 0.657 (0.714, 0.6, 0.6, 0.714); k = 3 with 6 and 8 alone 0.292 (0.667, 0.5, 0, 0)', () => {
  const X = [0, 0, 2, 0, 6, 0, 8, 0];
  const r3 = (x) => x.toFixed(3);
  assert.equal(r3(ml.silhouetteScore(X, 2, [0, 0, 1, 1])), '0.657');
  assert.deepEqual(Array.from(ml.silhouetteSamples(X, 2, [0, 0, 1, 1]), r3), ['0.714', '0.600', '0.600', '0.714']);
  assert.equal(r3(ml.silhouetteScore(X, 2, [0, 0, 1, 2])), '0.292');
  assert.deepEqual(Array.from(ml.silhouetteSamples(X, 2, [0, 0, 1, 2]), r3), ['0.667', '0.500', '0.000', '0.000']);
  // k-means itself, from several starts, finds the two pairs at k = 2.
  const km = new ml.KMeans();
  try { km.setData(X, 2, []); km.setK(2); km.reset(4); km.fitBest(300); const l = Array.from(km.labels()); assert.ok(l[0] === l[1] && l[2] === l[3] && l[0] !== l[2]); } finally { km.delete(); }
});

test('choosing k in the widget: on three blobs the k-means silhouette for k = 2 … 8 is 0.520, 0.742, 0.611, 0.475, 0.338, 0.331, 0.352 (peak at 3); on the moons 0.481, 0.419, then up to 0.531 at k = 8', () => {
  const series = (data) => [2, 3, 4, 5, 6, 7, 8].map((k) => silhouette(cluster({ data, k }).data, cluster({ data, k }).kmLabels).toFixed(3));
  const blobs = series('blobs');
  assert.deepEqual(blobs, ['0.520', '0.742', '0.611', '0.475', '0.338', '0.331', '0.352']);
  assert.equal(blobs.indexOf([...blobs].sort().at(-1)), 1, 'the peak is at k = 3');
  const moons = series('moons');
  assert.deepEqual([moons[0], moons[1], moons[6]], ['0.481', '0.419', '0.531']);
  assert.equal(moons.indexOf([...moons].sort().at(-1)), 6, 'on the moons the highest is the largest k');
  for (let i = 2; i < 7; i++) assert.ok(Number(moons[i]) > Number(moons[i - 1]), 'climbs from k = 3 on');
  // The lesson names the widget's starting points: 200 of them, noise 0.08.
  assert.deepEqual([WIDGET.points, WIDGET.noise], [200, 0.08]);
});

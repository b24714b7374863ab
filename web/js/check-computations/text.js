// Text: tf-idf weights, cosine similarity, naive Bayes word evidence, retrieval scores.

import { need, opt, whole, scoped, index } from './args.js';

// ranks=2,1,7 (1-based rank of each question's right passage among n passages) → the rankings
// the engine scores: passage 0 is the right one, placed at that rank among passages 1…n−1.
function rankingsFromRanks(ranks, n) {
  return ranks.map((r) => {
    if (!Number.isInteger(r) || r < 1 || r > n) throw new RangeError(`needs ranks= whole numbers from 1 to n=${n}`);
    const others = Array.from({ length: n - 1 }, (_, i) => i + 1);
    return [...others.slice(0, r - 1), 0, ...others.slice(r - 1)];
  });
}

export const computations = {
  // tf-idf of one text with counts x, in a corpus of n documents where word j occurs in df[j]
  // of them: idf of word j, its raw weight xⱼ·idfⱼ and its weight after scaling to length 1.
  tfidf: (ml, a) => {
    const n = need(a, 'n');
    const df = need(a, 'df', 'list');
    const x = need(a, 'x', 'list');
    if (!Number.isInteger(n) || n < 1 || n > 10000) throw new RangeError('needs n= a whole number of documents from 1 to 10000');
    if (x.length !== df.length) throw new RangeError('needs x= and df= with one entry per word');
    if (!df.every((v) => Number.isInteger(v) && v >= 0 && v <= n)) throw new RangeError(`needs df= whole numbers from 0 to n=${n}`);
    const j = index(a, 'j', df.length);
    const V = df.length;
    const corpus = new Float64Array(n * V);
    df.forEach((count, col) => { for (let r = 0; r < count; r++) corpus[r * V + col] = 1; });
    const idf = ml.inverseDocumentFrequency(corpus, V);
    const w = ml.tfidf(x, V, idf);
    return { idf: idf[j], raw: x[j] * idf[j], weight: w[j] };
  },
  // Cosine similarity of two vectors (0 when either is all zeros).
  cosine: (ml, a) => ({ value: ml.cosineSimilarity(need(a, 'a', 'list'), need(a, 'b', 'list')) }),
  // cp of the np words of positive reviews and cn of the nn words of negative reviews are this
  // word; V words in the vocabulary; smoothing α. The engine fits on two rows — one per class:
  // this word's count, the class's other words in a second column, zeros elsewhere — and
  // returns log θ_pos − log θ_neg = ln((cp+α)/(np+αV)) − ln((cn+α)/(nn+αV)).
  'nb-evidence': (ml, a) => scoped((track) => {
    const V = whole(a, 'V', 2, 100000);
    const np = need(a, 'np');
    const nn = need(a, 'nn');
    const cp = need(a, 'cp');
    const cn = need(a, 'cn');
    if (!(cp >= 0 && cp <= np && cn >= 0 && cn <= nn)) throw new RangeError('needs 0 ≤ cp ≤ np and 0 ≤ cn ≤ nn');
    const X = new Float64Array(2 * V);
    X[0] = cn; X[1] = nn - cn;           // row 0: a negative "review" holding every negative word
    X[V] = cp; X[V + 1] = np - cp;       // row 1: the positive one
    const m = track(new ml.MultinomialNaiveBayes());
    m.setData(X, V, [0, 1]);
    m.setAlpha(opt(a, 'alpha', 1));
    m.fit(1);
    return { value: m.featureLogRatio(1, 0)[0] };
  }),
  // recall@k and MRR for questions whose right passage came at ranks[q] (of n passages).
  retrieval: (ml, a) => {
    const ranks = need(a, 'ranks', 'list');
    const n = whole(a, 'n', 1, 1000, 28);
    const k = whole(a, 'k', 1, n, 1);
    const rankings = rankingsFromRanks(ranks, n);
    const relevant = ranks.map(() => [0]);
    return { recall: ml.recallAtK(rankings, relevant, k), mrr: ml.meanReciprocalRank(rankings, relevant) };
  },
};

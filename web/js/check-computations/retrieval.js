// Check-yourself computations for retrieval-augmented answering: recall@k and mean reciprocal
// rank of a question set, from the rank at which each question's one right passage was
// retrieved. Same contract as check-computations.js; every number from the engine.

import { need, whole } from './args.js';

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

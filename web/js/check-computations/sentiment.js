// Check-yourself computation for sentiment classification: the evidence one occurrence of a word
// adds for positive in multinomial naive Bayes, from its counts in each class. Same contract as
// check-computations.js; the number comes from the engine's MultinomialNaiveBayes.

import { need, opt, scoped, whole } from './args.js';

export const computations = {
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
};

// The sentiment classifier of the sentiment-reviews widget, apart from the DOM so the lesson's
// claims test runs exactly what the widget runs: the engine's Vocabulary over the training
// reviews (words, or words and word pairs), bagOfWords counts without the unknown-word column
// (a fitted CountVectorizer has none, so the fit equals scikit-learn's MultinomialNB), and
// MultinomialNaiveBayes with smoothing α = 1.
import { isTestReview, REVIEWS, withWordPairs } from '../../lib/sentiment-reviews.js';

export const MAX_CHARS = 200;

export const schema = {
  review: { type: 'string', maxLength: MAX_CHARS, default: 'The soup was not bad', description: 'The review typed in the box at the start.' },
  pairs: { type: 'boolean', default: false, description: 'Add word pairs (bigrams such as not·good) as features.' },
};

export const TRAIN = REVIEWS.map((_, i) => i).filter((i) => !isTestReview(i));
export const TEST = REVIEWS.map((_, i) => i).filter(isTestReview);

// The text the vocabulary reads: the review itself, or its words followed by its word pairs.
export function prepare(ml, text, pairs) {
  return pairs ? withWordPairs(ml.tokenize(text).map((t) => t.text)) : text;
}

// Count rows of the known words only: id j of the vocabulary is column j − 1.
export function knownCounts(ml, vocab, texts, pairs) {
  const m = ml.bagOfWords(texts.map((t) => prepare(ml, t, pairs)), vocab);
  const cols = m.cols - 1;
  const data = new Float64Array(m.rows * cols);
  for (let r = 0; r < m.rows; r++) data.set(m.data.subarray(r * m.cols + 1, (r + 1) * m.cols), r * cols);
  return { data, cols, rows: m.rows };
}

// Fits vocab and model on the training reviews. Returns the per-feature evidence for positive
// (log θ_pos − log θ_neg, indexed by vocabulary id; id 0 gets 0), the tokens, the test
// probabilities, predictions and accuracy.
export function train(ml, vocab, model, pairs) {
  const texts = TRAIN.map((i) => REVIEWS[i][0]);
  vocab.build(texts.map((t) => prepare(ml, t, pairs)), 1, 0);
  const X = knownCounts(ml, vocab, texts, pairs);
  model.setData(X.data, X.cols, TRAIN.map((i) => REVIEWS[i][1]));
  model.setAlpha(1);
  model.fit(1);
  const T = knownCounts(ml, vocab, TEST.map((i) => REVIEWS[i][0]), pairs);
  const proba = model.predictProba(T.data);
  const pred = Array.from(model.predict(T.data));
  const testY = TEST.map((i) => REVIEWS[i][1]);
  return {
    ratio: [0, ...Array.from(model.featureLogRatio(1, 0))],
    tokens: vocab.tokens(),
    testProba: TEST.map((_, k) => proba[2 * k + 1]),
    testPred: pred,
    accuracy: ml.accuracy(testY, pred),
    trainAccuracy: model.score(knownCounts(ml, vocab, texts, pairs).data, TRAIN.map((i) => REVIEWS[i][1])),
  };
}

// One review explained: p(positive), the prior log-odds, each feature of the review (words, then
// pairs) with its evidence (0 for a feature never seen in training), and the review's words.
export function explain(ml, vocab, model, fit, text, pairs) {
  const x = knownCounts(ml, vocab, [text], pairs);
  const parts = model.logOddsContributions(x.data, 1, 0);
  const p = model.predictProba(x.data)[1];
  const words = ml.tokenize(text).map((t) => t.text);
  const features = (pairs ? withWordPairs(words).split(' ').filter(Boolean) : words).map((f) => {
    const id = vocab.idOf(f);
    return { text: f, id, weight: id ? fit.ratio[id] : 0 };
  });
  return { p, prior: parts[0], features, words };
}

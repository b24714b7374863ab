// Scored examples for the threshold and ROC widgets: a logistic model's probabilities from the
// engine, the rule that turns a score into a label, and the score strip drawn with its threshold
// (dragging is web/lib/drag.js). JS only compares a score with a threshold and lays out. The
// strip's words are scores.* in web/lib/messages-en.js, read through the caller's `t`.
import { formatTick } from './format.js';

// Scored examples: a LogisticRegression is trained on one seeded two-blob sample and scores a
// second, fresh sample; its probabilities p(y = 1) are the scores. `spread` sets the overlap.
export function scoredExamples(ml, { points, spread, seed }) {
  return ml.scoped((track) => {
    const model = track(new ml.LogisticRegression());
    const train = ml.makeBlobs(points, 2, spread, seed);
    const test = ml.makeBlobs(points, 2, spread, (seed + 7919) >>> 0);
    model.setData(train.X, train.cols, train.y);
    model.setLearningRate(0.5);
    model.fit(4000);
    const proba = model.predictProba(test.X);
    const scores = new Float64Array(test.rows);
    for (let i = 0; i < test.rows; i++) scores[i] = proba[2 * i + 1];
    return { y: Float64Array.from(test.y), scores };
  });
}

// The decision rule the engine's confusionAtThreshold uses: positive when score ≥ threshold.
export function labelsAt(scores, threshold) {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] >= threshold ? 1 : 0;
  return out;
}

// Scores on a 0–1 axis: positives (class 1, blue circles) in the upper lane, negatives (class 0,
// orange triangles) in the lower lane, jittered deterministically; the threshold is a vertical
// line with a handle, and everything right of it (called positive) is tinted. The line's label
// ("called positive →") sits in a band above the lanes, where no example is drawn. t: the
// widget's message function (ctx.t).
const LABEL_BAND = 24; // px above the lanes for the threshold's label

export function drawScoreStrip(plot, y, scores, threshold, { focused = false, t }) {
  plot.margin = { left: 74, right: 14, top: LABEL_BAND, bottom: 30 };
  plot.setDomain(0, 1, 0, 2);
  const c = plot.begin();
  const th = plot.theme;
  c.save();
  c.globalAlpha = 0.09;
  c.fillStyle = th.class1;
  c.fillRect(plot.px(threshold), plot.margin.top, plot.px(1) - plot.px(threshold), plot.py(0) - plot.margin.top);
  c.restore();
  c.save();
  c.font = `11px ${th.mono}`;
  c.strokeStyle = th.gridLine;
  c.fillStyle = th.textMuted;
  c.lineWidth = 1;
  for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    const X = Math.round(plot.px(v)) + 0.5;
    c.beginPath(); c.moveTo(X, plot.margin.top); c.lineTo(X, plot.py(0)); c.stroke();
    c.textAlign = 'center'; c.textBaseline = 'top';
    c.fillText(formatTick(v), X, plot.py(0) + 4);
  }
  c.beginPath(); c.moveTo(plot.margin.left, Math.round(plot.py(1)) + 0.5); c.lineTo(plot.width - plot.margin.right, Math.round(plot.py(1)) + 0.5); c.stroke();
  c.font = `12px ${th.font}`;
  c.textAlign = 'right'; c.textBaseline = 'bottom';
  c.fillText(t('scores.axis'), plot.width - plot.margin.right, plot.height - 1);
  c.textAlign = 'left'; c.textBaseline = 'middle';
  c.fillText(t('scores.positives'), 4, plot.py(1.5));
  c.fillText(t('scores.negatives'), 4, plot.py(0.5));
  c.restore();
  for (let i = 0; i < scores.length; i++) {
    const jitter = ((i * 0.6180339887) % 1) * 0.7 - 0.35;
    const lane = y[i] === 1 ? 1.5 : 0.5;
    plot.point(scores[i], lane + jitter, y[i] === 1 ? 1 : 0, { size: 4 });
  }
  plot.segment(threshold, 0, threshold, 2, { width: 2.5 });
  plot.handle(threshold, 2 - 0.12, { focused });
  c.save();
  c.font = `12px ${th.font}`;
  c.fillStyle = th.text;
  c.textBaseline = 'middle';
  const X = plot.px(threshold);
  const right = X < plot.width - 120;
  c.textAlign = right ? 'left' : 'right';
  c.fillText(right ? t('scores.calledPositive') : t('scores.calledNegative'), right ? X + 14 : X - 14, LABEL_BAND / 2);
  c.restore();
}

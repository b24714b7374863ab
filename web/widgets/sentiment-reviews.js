// Sentiment of short reviews (landscape): 70 reviews we wrote, every fifth held out for testing.
// The engine builds a Vocabulary from the training reviews (words, or words and word pairs),
// counts them (bagOfWords) and fits MultinomialNaiveBayes (α = 1); the test accuracy, the most
// positive and negative features (featureLogRatio) and a typed review explained feature by feature
// (logOddsContributions) all come from the engine (web/widgets/sentiment-reviews/model.js).
import { mountWidget, attempt } from '../lib/widget.js';
import { checkbox, el, fixed, nextId } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { NEGATION_EXAMPLES, REVIEWS } from '../lib/sentiment-reviews.js';
import { capText, chip } from '../lib/tokens.js';
import { renderBars } from '../lib/bars.js';
import { createPrediction } from '../lib/predict.js';
import { explain, MAX_CHARS, schema, TEST, train } from './sentiment-reviews/model.js';
import { messages } from './sentiment-reviews/messages.js';

export { schema };
const TOP = 8;

export const meta = { title: messages['sentiment-reviews.title'], hint: messages['sentiment-reviews.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const vocab = ctx.own(new ml.Vocabulary());
  const model = ctx.own(new ml.MultinomialNaiveBayes());
  let fit = null;

  card.card.classList.add('dw-text-card');
  const inputId = nextId('review');
  const box = el('textarea', { id: inputId, className: 'dw-textbox', rows: '2', spellcheck: 'false', maxlength: String(MAX_CHARS) });
  box.value = opts.review;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: inputId, text: t('sentiment-reviews.input') }), box);
  const examples = el('div', { className: 'dw-buttons', role: 'group', 'aria-label': t('sentiment-reviews.examples') });
  for (const text of NEGATION_EXAMPLES) {
    const b = el('button', { type: 'button', className: 'dw-btn', text: t('sentiment-reviews.example', { text }) });
    b.addEventListener('click', () => { box.value = text; opts.review = text; show(); });
    examples.append(b);
  }
  card.stage.append(examples);
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  const verdictLine = el('p', { className: 'dw-spam-verdict', role: 'status', 'aria-live': 'polite' });
  const chips = el('div', { className: 'dw-token-chips', role: 'list', 'aria-label': t('sentiment-reviews.chips'), tabindex: '0' });
  const sum = el('p', { className: 'dw-evidence-sum' });
  card.stage.append(capNote, verdictLine, chips, sum);

  const row = el('div', { className: 'dw-row' });
  const posCol = el('div', { className: 'dw-col' });
  const negCol = el('div', { className: 'dw-col' });
  row.append(posCol, negCol);
  posCol.append(el('h4', { className: 'dw-subhead', text: t('sentiment-reviews.positive.heading') }));
  const posBars = el('ol', { className: 'dw-bars', 'aria-label': t('sentiment-reviews.positive.list') });
  posCol.append(posBars);
  negCol.append(el('h4', { className: 'dw-subhead', text: t('sentiment-reviews.negative.heading') }));
  const negBars = el('ol', { className: 'dw-bars', 'aria-label': t('sentiment-reviews.negative.list') });
  negCol.append(negBars);
  card.stage.append(row, el('p', { className: 'dw-legend', text: t('sentiment-reviews.legend') }));

  const testDetails = el('details', { className: 'dw-details' });
  const testSummary = el('summary', { text: t('sentiment-reviews.testSummary', { count: formatNumber(TEST.length, 0) }) });
  testDetails.append(testSummary);
  const table = el('table', { className: 'dw-table dw-text-table' });
  const head = el('tr');
  for (const h of ['review', 'label', 'proba', 'says']) head.append(el('th', { scope: 'col', text: t(`sentiment-reviews.column.${h}`) }));
  const body = el('tbody');
  table.append(el('thead', {}, [head]), body);
  testDetails.append(tableWrap(ctx, table, { label: testSummary }).element);
  card.stage.append(testDetails);
  const testRows = TEST.map((i) => {
    const cells = [el('td', { className: 'dw-text-cell', text: REVIEWS[i][0] }), el('td', { text: REVIEWS[i][1] ? t('sentiment-reviews.label.positive') : t('sentiment-reviews.label.negative') }), el('td'), el('td')];
    body.append(el('tr', {}, cells));
    return cells;
  });

  const pairsBox = checkbox(card.controls, { label: t('sentiment-reviews.pairs'), checked: opts.pairs, onChange: (v) => { opts.pairs = v; retrain(); } });
  const stat = { p: card.stat(t('sentiment-reviews.stat.p')), test: card.stat(t('sentiment-reviews.stat.accuracy')), features: card.stat(t('sentiment-reviews.stat.features')) };

  const PREDICT_WORDS = 'the soup was not bad';
  const task = createPrediction(ctx, {
    id: 'pairs-not-bad',
    question: t('sentiment-reviews.predict.question'),
    choices: ['positive', 'negative'].map((c) => [c, t(`sentiment-reviews.predict.${c}`)]),
    next: t('sentiment-reviews.predict.next'),
  });

  function retrain() {
    fit = attempt(card, () => train(ml, vocab, model, opts.pairs), null);
    showFit();
    show();
  }

  function showFit() {
    if (!fit) return;
    stat.test.set(formatPercent(fit.accuracy, 1));
    stat.features.set(fixed(fit.tokens.length - 1, 0));
    const order = fit.ratio.map((r, id) => ({ id, r })).filter((w) => w.id > 0).sort((a, b) => b.r - a.r || a.id - b.id);
    const range = Math.max(...order.map((w) => Math.abs(w.r)), 1e-9);
    renderBars(posBars, order.slice(0, TOP).map((w) => ({ label: fit.tokens[w.id], value: w.r, tone: 'pos' })), { range, digits: 2 });
    renderBars(negBars, order.slice(-TOP).reverse().map((w) => ({ label: fit.tokens[w.id], value: w.r, tone: 'neg' })), { range, digits: 2 });
    testRows.forEach((cells, k) => {
      cells[2].textContent = fixed(fit.testProba[k], 3);
      const right = fit.testPred[k] === REVIEWS[TEST[k]][1];
      cells[3].textContent = t('sentiment-reviews.says', { positive: Boolean(fit.testPred[k]), right });
      cells[3].dataset.correct = String(right);
    });
  }

  function show() {
    const { text, cut } = capText(box.value, MAX_CHARS);
    capNote.textContent = cut ? t('sentiment-reviews.cap', { max: formatNumber(MAX_CHARS, 0) }) : '';
    if (!fit) return;
    const r = attempt(card, () => explain(ml, vocab, model, fit, text, opts.pairs), null);
    if (!r) return;
    const featureChips = () => r.features.map((f) => {
      const c = f.id === 0
        ? chip(f.text, t('sentiment-reviews.chip.unseen'), { tone: 'unk', title: t('sentiment-reviews.chip.unseenTitle', { word: f.text }) })
        : chip(f.text, signed(f.weight), { tone: f.weight > 0 ? 'spam' : 'ham', title: t('sentiment-reviews.chip.title', { word: f.text, weight: signed(f.weight) }) });
      c.setAttribute('role', 'listitem');
      return c;
    });
    // With no word in the review, or none the training reviews hold (every feature unseen, adding
    // 0), p(positive) is the prior alone: a share of the training reviews, not a reading of this
    // one. No verdict and no p(positive) are shown for it; unseen words keep their chips.
    const known = r.features.filter((f) => f.id !== 0).length;
    if (!r.words.length || !known) {
      stat.p.set('–');
      chips.replaceChildren(...(r.words.length ? featureChips() : [el('span', { className: 'dw-empty', text: t('sentiment-reviews.noWords.chips') })]));
      sum.textContent = '';
      verdictLine.textContent = r.words.length ? t('sentiment-reviews.noKnownWords', { count: r.words.length }) : t('sentiment-reviews.noWords');
      delete verdictLine.dataset.tone;
      card.setMessage(t('sentiment-reviews.accuracy', { accuracy: formatPercent(fit.accuracy, 1), count: formatNumber(TEST.length, 0), pairs: opts.pairs }), 'info');
      return;
    }
    stat.p.set(fixed(r.p, 3));
    chips.replaceChildren(...featureChips());
    const words = r.features.reduce((a, f) => a + f.weight, 0);
    const round2 = (v) => Math.round(v * 100) / 100;
    sum.textContent = t('sentiment-reviews.sum', { prior: signed(r.prior), words: signed(words), total: signed(round2(r.prior) + round2(words)), p: fixed(r.p, 3) });
    const positive = r.p >= 0.5;
    verdictLine.textContent = positive ? t('sentiment-reviews.verdict.positive', { p: fixed(r.p, 3) }) : t('sentiment-reviews.verdict.negative', { p: fixed(r.p, 3) });
    verdictLine.dataset.tone = positive ? 'spam' : 'ham';
    card.setMessage(t('sentiment-reviews.accuracy', { accuracy: formatPercent(fit.accuracy, 1), count: formatNumber(TEST.length, 0), pairs: opts.pairs }), 'info');
    // Typed with other capitals or punctuation ("the soup was not bad."), the words and pairs, and
    // so the verdict, are the same: it is the same experiment.
    if (opts.pairs && r.words.join(' ') === PREDICT_WORDS) {
      // The verdict is on screen now: a prediction locked after this could copy it.
      if (task.pending === null) { task.outcomeSeen(t('sentiment-reviews.predict.seen')); return; }
      const weightOf = (pair) => (r.features.find((f) => f.text === pair) || { weight: 0 }).weight;
      task.settle(positive ? 'positive' : 'negative', t('sentiment-reviews.predict.why', { weight: signed(weightOf('not·bad')), wasNot: signed(weightOf('was·not')), p: fixed(r.p, 3) }));
    }
  }

  const signed = (v) => formatNumber(v, 2, { signed: true });

  ctx.listen(box, 'input', () => { opts.review = box.value; show(); });
  retrain();

  return {
    update(next) {
      opts = { ...next };
      box.value = opts.review;
      pairsBox.checked = opts.pairs;
      retrain();
    },
    currentOptions() { return { ...opts, review: capText(box.value, MAX_CHARS).text }; },
  };
}

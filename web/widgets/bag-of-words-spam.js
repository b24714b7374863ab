// A bag-of-words spam filter (landscape): 44 short messages we wrote, every fourth held out for
// testing. The engine builds a Vocabulary from the training messages only, counts words
// (bagOfWords) and fits MultinomialNaiveBayes with smoothing α; test accuracy and the confusion
// counts come from the engine's metrics, the spammiest and hammiest words from
// featureLogRatio, and a typed message is explained word by word by logOddsContributions.
// Words outside the training vocabulary (id 0, <unk>) carry no evidence: their count is zeroed
// before scoring, so they add nothing to the log-odds (as a fitted CountVectorizer drops them).
import { mountWidget, attempt } from '../lib/widget.js';
import { el, fixed, nextId, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { isTestIndex, MESSAGES, START_MESSAGE } from '../lib/text-examples.js';
import { capText, chip } from '../lib/tokens.js';
import { renderBars } from '../lib/bars.js';
import { messages } from './bag-of-words-spam.messages.js';

export const MAX_CHARS = 300;
const TOP_WORDS = 8;

export const schema = {
  alpha: { type: 'number', min: 0.01, max: 10, default: 1, description: 'Smoothing α: pretend every word was seen α extra times in each class.' },
  openTraining: { type: 'boolean', default: false, description: 'Start with the list of training messages (and their label switches) open.' },
  message: { type: 'string', maxLength: MAX_CHARS, default: START_MESSAGE, description: 'The message typed in the “your message” box at the start.' },
};

export const meta = { title: messages['bag-of-words-spam.title'], hint: messages['bag-of-words-spam.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const labelText = (y) => (y ? t('bag-of-words-spam.label.spam') : t('bag-of-words-spam.label.ham'));
  let opts = { ...options };
  const vocab = ctx.own(new ml.Vocabulary());
  const model = ctx.own(new ml.MultinomialNaiveBayes());
  const labels = MESSAGES.map(([, y]) => y);
  const trainIdx = MESSAGES.map((_, i) => i).filter((i) => !isTestIndex(i));
  const testIdx = MESSAGES.map((_, i) => i).filter(isTestIndex);
  let fit = null; // { ratio, testPred, testProba, trainAcc, testAcc, confusion }

  card.card.classList.add('dw-text-card');
  // Your message.
  const inputId = nextId('msg');
  const box = el('textarea', { id: inputId, className: 'dw-textbox', rows: '2', spellcheck: 'false' });
  box.value = opts.message;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: inputId, text: t('bag-of-words-spam.inputLabel') }), box);
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  const verdict = el('p', { className: 'dw-spam-verdict', role: 'status', 'aria-live': 'polite' });
  const chips = el('div', { className: 'dw-token-chips', role: 'list', 'aria-label': t('bag-of-words-spam.chips'), tabindex: '0' }); // focusable: it scrolls when long
  const sum = el('p', { className: 'dw-evidence-sum' });
  card.stage.append(capNote, verdict, chips, sum);

  const row = el('div', { className: 'dw-row' });
  const spamCol = el('div', { className: 'dw-col' });
  const hamCol = el('div', { className: 'dw-col' });
  row.append(spamCol, hamCol);
  card.stage.append(row);
  spamCol.append(el('h4', { className: 'dw-subhead', text: t('bag-of-words-spam.spamHead') }));
  const spamBars = el('ol', { className: 'dw-bars', 'aria-label': t('bag-of-words-spam.spamBars') });
  spamCol.append(spamBars);
  hamCol.append(el('h4', { className: 'dw-subhead', text: t('bag-of-words-spam.hamHead') }));
  const hamBars = el('ol', { className: 'dw-bars', 'aria-label': t('bag-of-words-spam.hamBars') });
  hamCol.append(hamBars);
  card.stage.append(el('p', { className: 'dw-legend', text: t('bag-of-words-spam.legend') }));

  // Test messages and their predictions; training messages with a label switch each.
  const testDetails = el('details', { className: 'dw-details' });
  const testSummary = el('summary', { text: t('bag-of-words-spam.testSummary', { count: testIdx.length }) });
  testDetails.append(testSummary);
  const testTable = table(['message', 'label', 'p', 'says'].map((c) => t(`bag-of-words-spam.column.${c}`)), testSummary);
  testDetails.append(testTable.wrap);
  const trainDetails = el('details', { className: 'dw-details' });
  trainDetails.open = opts.openTraining;
  const trainSummary = el('summary', { text: t('bag-of-words-spam.trainSummary', { count: trainIdx.length }) });
  trainDetails.append(trainSummary);
  const trainTable = table(['message', 'label'].map((c) => t(`bag-of-words-spam.column.${c}`)), trainSummary);
  trainDetails.append(trainTable.wrap);
  card.stage.append(testDetails, trainDetails);
  const testRows = testIdx.map((i) => {
    const cells = [el('td', { className: 'dw-text-cell', text: MESSAGES[i][0] }), el('td', { text: labelText(MESSAGES[i][1]) }), el('td'), el('td')];
    testTable.body.append(el('tr', {}, cells));
    return cells;
  });
  const flipButtons = trainIdx.map((i) => {
    const b = el('button', { type: 'button', className: 'dw-btn bag-of-words-spam-label-btn' });
    b.addEventListener('click', () => { labels[i] = 1 - labels[i]; retrain(); });
    trainTable.body.append(el('tr', {}, [el('td', { className: 'dw-text-cell', text: MESSAGES[i][0] }), el('td', {}, [b])]));
    return b;
  });

  const alphaSlider = slider(card.controls, { label: t('bag-of-words-spam.slider.alpha'), min: 0.01, max: 10, value: opts.alpha, scale: 'log', step: 0.01, format: (v) => fixed(v, 2), onInput: (v) => { opts.alpha = v; retrain(); } });
  const resetBtn = el('button', { type: 'button', className: 'dw-btn', text: t('bag-of-words-spam.resetLabels') });
  resetBtn.addEventListener('click', () => { MESSAGES.forEach(([, y], i) => { labels[i] = y; }); retrain(); });
  card.controls.append(el('div', { className: 'dw-buttons' }, [resetBtn]));

  const stat = {
    p: card.stat(t('bag-of-words-spam.stat.p')), test: card.stat(t('bag-of-words-spam.stat.test')), train: card.stat(t('bag-of-words-spam.stat.train')),
    tp: card.stat(t('bag-of-words-spam.stat.tp')), fn: card.stat(t('bag-of-words-spam.stat.fn')), fp: card.stat(t('bag-of-words-spam.stat.fp')), tn: card.stat(t('bag-of-words-spam.stat.tn')),
    vocab: card.stat(t('bag-of-words-spam.stat.vocab')),
  };

  // A table of messages, named by the summary line of the <details> it opens under.
  function table(headers, summary) {
    const tableEl = el('table', { className: 'dw-table dw-text-table' });
    const head = el('tr');
    for (const h of headers) head.append(el('th', { scope: 'col', text: h }));
    const body = el('tbody');
    tableEl.append(el('thead', {}, [head]), body);
    return { wrap: tableWrap(ctx, tableEl, { label: summary }).element, body };
  }

  function retrain() {
    const trainTexts = trainIdx.map((i) => MESSAGES[i][0]);
    const trainY = trainIdx.map((i) => labels[i]);
    const testTexts = testIdx.map((i) => MESSAGES[i][0]);
    const testY = testIdx.map((i) => labels[i]);
    const spamCount = trainY.filter((y) => y === 1).length;
    flipButtons.forEach((b, k) => {
      const i = trainIdx[k];
      const flipped = labels[i] !== MESSAGES[i][1];
      b.replaceChildren(labelText(labels[i]), ...(flipped ? [el('span', { className: 'bag-of-words-spam-flipped', text: t('bag-of-words-spam.flipped') })] : []));
      // The name replaces the button text for a screen reader, so it gives the label and whether it is flipped.
      b.setAttribute('aria-label', t('bag-of-words-spam.flipLabel', { message: MESSAGES[i][0], label: labelText(labels[i]), flipped }));
      b.dataset.tone = labels[i] ? 'spam' : 'ham';
      b.dataset.flipped = String(flipped);
    });
    if (spamCount === 0 || spamCount === trainY.length) {
      fit = null;
      card.setMessage(t('bag-of-words-spam.oneClass'), 'bad');
      showFit();
      explain();
      return;
    }
    fit = attempt(card, () => {
      // Vocabulary from the training messages only: the test set must stay unseen.
      vocab.build(trainTexts, 1, 0);
      const train = ml.bagOfWords(trainTexts, vocab);
      const test = ml.bagOfWords(testTexts, vocab);
      dropUnknown(test.data, test.cols);
      model.setData(train.data, train.cols, trainY);
      model.setAlpha(opts.alpha);
      model.fit(1);
      const testPred = Array.from(model.predict(test.data));
      const proba = model.predictProba(test.data);
      const confusion = ml.confusionMatrix(testY, testPred, 2);
      return {
        ratio: Array.from(model.featureLogRatio(1, 0)),
        tokens: vocab.tokens(),
        testPred,
        testProba: testIdx.map((_, k) => proba[2 * k + 1]),
        testAcc: ml.accuracy(testY, testPred),
        trainAcc: model.score(train.data, trainY),
        confusion: { tn: confusion[0][0], fp: confusion[0][1], fn: confusion[1][0], tp: confusion[1][1] },
        flipped: labels.some((y, i) => y !== MESSAGES[i][1]),
      };
    }, null);
    showFit();
    explain();
  }

  // Zeroes column 0 (<unk>) of every row: an unknown word is evidence for neither class.
  function dropUnknown(data, cols) {
    for (let i = 0; i < data.length; i += cols) data[i] = 0;
    return data;
  }

  function showFit() {
    if (!fit) {
      for (const s of ['test', 'train', 'tp', 'fn', 'fp', 'tn', 'vocab']) stat[s].set('–');
      spamBars.replaceChildren();
      hamBars.replaceChildren();
      testRows.forEach((cells) => { cells[2].textContent = '–'; cells[3].textContent = '–'; });
      return;
    }
    const { ratio, tokens, confusion } = fit;
    stat.test.set(formatPercent(fit.testAcc, 1));
    stat.train.set(formatPercent(fit.trainAcc, 1));
    for (const k of ['tp', 'fn', 'fp', 'tn']) stat[k].set(formatNumber(confusion[k], 0));
    stat.vocab.set(formatNumber(tokens.length, 0));
    // Word ids 1…V−1 (id 0, <unk>, never occurs in training), sorted by the engine's ratio.
    const order = ratio.map((r, id) => ({ id, r })).filter((w) => w.id > 0).sort((x, y) => y.r - x.r || x.id - y.id);
    const range = Math.max(...order.map((w) => Math.abs(w.r)), 1e-9);
    renderBars(spamBars, order.slice(0, TOP_WORDS).map((w) => ({ label: tokens[w.id], value: w.r, tone: 'pos' })), { range, signed: false, digits: 2 });
    renderBars(hamBars, order.slice(-TOP_WORDS).reverse().map((w) => ({ label: tokens[w.id], value: w.r, tone: 'neg' })), { range, signed: false, digits: 2 });
    testRows.forEach((cells, k) => {
      cells[2].textContent = fixed(fit.testProba[k], 3);
      const right = fit.testPred[k] === labels[testIdx[k]];
      cells[3].textContent = t('bag-of-words-spam.says', { label: labelText(fit.testPred[k]), mark: right ? '✓' : '✗' });
      cells[3].dataset.correct = String(right);
    });
  }

  function explain() {
    const { text, cut } = capText(box.value, MAX_CHARS);
    capNote.textContent = cut ? t('bag-of-words-spam.capped', { max: MAX_CHARS, length: box.value.length }) : '';
    if (!fit) {
      stat.p.set('–');
      verdict.textContent = t('bag-of-words-spam.noFilter');
      chips.replaceChildren();
      sum.textContent = '';
      return;
    }
    const r = attempt(card, () => {
      const tokens = ml.tokenize(text);
      const ids = Array.from(vocab.encode(text));
      const x = dropUnknown(ml.bagOfWords([text], vocab).data, vocab.size());
      const parts = model.logOddsContributions(x, 1, 0);
      const p = model.predictProba(x)[1];
      return { tokens, ids, parts, p };
    }, null);
    if (!r) return;
    const { tokens, ids, parts, p } = r;
    // With no word in the text, the filter's p(spam) is the prior alone: a share of the training
    // messages, not a judgement of this text. No verdict and no p(spam) are shown for it.
    if (!tokens.length) {
      stat.p.set('–');
      chips.replaceChildren(el('span', { className: 'dw-empty', text: t('bag-of-words-spam.noWords.chips') }));
      sum.textContent = '';
      verdict.textContent = t('bag-of-words-spam.noWords');
      delete verdict.dataset.tone;
      card.setMessage(t('bag-of-words-spam.result', { accuracy: formatPercent(fit.testAcc, 1), right: fit.confusion.tp + fit.confusion.tn, total: testIdx.length, why: '', unknown: '', flipped: fit.flipped ? t('bag-of-words-spam.someFlipped') : '' }), fit.testAcc >= 0.8 ? 'ok' : 'warn');
      return;
    }
    stat.p.set(fixed(p, 3));
    chips.replaceChildren(...tokens.map((tok, k) => {
      const id = ids[k];
      const perWord = fit.ratio[id];
      const c = id === 0
        ? chip(tok.text, t('bag-of-words-spam.chip.unknown'), { tone: 'unk', title: t('bag-of-words-spam.chip.unknownTitle', { word: tok.text }) })
        : chip(tok.text, signed(perWord), { tone: perWord > 0 ? 'spam' : 'ham', title: t('bag-of-words-spam.chip.title', { word: tok.text, evidence: signed(perWord) }) });
      c.setAttribute('role', 'listitem');
      return c;
    }));
    const prior = parts[0];
    let words = 0;
    for (let j = 1; j < parts.length; j++) words += parts[j];
    // The sum shown is the sum of the two rounded terms, so the line adds up as printed.
    const round2 = (v) => Math.round(v * 100) / 100;
    const logOdds = round2(prior) + round2(words);
    sum.textContent = t('bag-of-words-spam.sum', { prior: signed(prior), words: signed(words), logOdds: signed(logOdds), p: fixed(p, 3) });
    verdict.textContent = p >= 0.5 ? t('bag-of-words-spam.verdict.spam', { p: fixed(p, 3) }) : t('bag-of-words-spam.verdict.ham', { p: fixed(p, 3) });
    verdict.dataset.tone = p >= 0.5 ? 'spam' : 'ham';
    // The strongest word is the known word with the largest push; unknown words weigh nothing.
    const known = ids.map((id, k) => ({ k, id, v: fit.ratio[id] })).filter((w) => w.id !== 0);
    const strongest = known.sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.k - b.k)[0];
    const why = strongest ? t('bag-of-words-spam.why.strongest', { word: tokens[strongest.k].text, evidence: signed(strongest.v) }) : t('bag-of-words-spam.why.priorOnly');
    const unknown = ids.filter((id) => id === 0).length;
    const unkText = unknown && strongest
      ? t('bag-of-words-spam.unknownWords', { count: unknown })
      : '';
    const flipped = fit.flipped ? t('bag-of-words-spam.someFlipped') : '';
    card.setMessage(t('bag-of-words-spam.result', { accuracy: formatPercent(fit.testAcc, 1), right: fit.confusion.tp + fit.confusion.tn, total: testIdx.length, why, unknown: unkText, flipped }), fit.testAcc >= 0.8 ? 'ok' : 'warn');
  }

  const signed = (v) => formatNumber(v, 2, { signed: true });

  const onInput = () => explain();
  ctx.listen(box, 'input', onInput);
  retrain();

  return {
    update(next) {
      opts = { ...next };
      box.value = opts.message;
      trainDetails.open = opts.openTraining;
      alphaSlider.set(opts.alpha);
      retrain();
    },
  };
}

// Text to numbers, step one (landscape): type any text; the engine's tokenize() splits it into
// words, a Vocabulary built from a twelve-sentence corpus gives each word an id (unknown words
// get <unk> = 0), and bagOfWords() turns the text into one vector of |V| counts, drawn as bars.
// Counts, presence (binary) and tf-idf weights are all the engine's.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, el, fixed, nextId, select, slider } from '../lib/ui.js';
import { clipText, formatNumber } from '../lib/format.js';
import { CORPUS, START_TEXT } from '../lib/text-examples.js';
import { capText, chip } from '../lib/tokens.js';
import { messages } from './tokens-to-ids.messages.js';

export const MAX_CHARS = 400;
// A word quoted back in the card's message (a 400-letter "word" would fill the message).
const WORD_QUOTED = 30;

export const schema = {
  weighting: { type: 'enum', values: ['counts', 'binary', 'tfidf'], default: 'counts', description: 'What each bar holds: word counts, presence (0/1) or tf-idf weights.' },
  minCount: { type: 'int', min: 1, max: 3, default: 1, description: 'Corpus words seen fewer times than this are left out of the vocabulary (they become <unk>).' },
  text: { type: 'string', maxLength: MAX_CHARS, default: START_TEXT, description: 'The text typed in the box at the start.' },
};

export const meta = { title: messages['tokens-to-ids.title'], hint: messages['tokens-to-ids.hint'] };

// What a bar can hold; each one's name is tokens-to-ids.weighting.<id> in the table.
const WEIGHTINGS = ['counts', 'binary', 'tfidf'];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const vocab = ctx.own(new ml.Vocabulary());
  let idf = null; // from the corpus's bag of words
  let state = null; // { tokens, ids, vector, cut }

  card.card.classList.add('dw-text-card');
  const inputId = nextId('text');
  const textBox = el('textarea', { id: inputId, className: 'dw-textbox', rows: '3', spellcheck: 'false' });
  textBox.value = opts.text;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: inputId, text: t('tokens-to-ids.textBox') }), textBox);
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  card.stage.append(capNote);
  card.stage.append(el('h4', { className: 'dw-subhead', text: t('tokens-to-ids.tokens.title') }));
  const chips = el('div', { className: 'dw-token-chips', role: 'list', 'aria-label': t('tokens-to-ids.tokens'), tabindex: '0' }); // focusable: it scrolls when long
  card.stage.append(chips);
  card.stage.append(el('h4', { className: 'dw-subhead', text: t('tokens-to-ids.vector.title') }));
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.32, minHeight: 170, maxHeight: 260, label: t('tokens-to-ids.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { left: 40, right: 8, top: 48, bottom: 30 }; // room above the bars for three lanes of word labels
  card.stage.append(el('p', { className: 'dw-legend', text: t('tokens-to-ids.legend') }));

  const vocabDetails = el('details', { className: 'dw-details' });
  vocabDetails.append(el('summary', { text: t('tokens-to-ids.corpus') }));
  const corpusList = el('ol', { className: 'tokens-to-ids-corpus' });
  for (const s of CORPUS) corpusList.append(el('li', { text: s }));
  const vocabList = el('ol', { className: 'tokens-to-ids-vocab', start: '0' });
  vocabDetails.append(corpusList, vocabList);
  card.stage.append(vocabDetails);

  const weightSelect = select(card.controls, { label: t('tokens-to-ids.select.weighting'), value: opts.weighting, options: WEIGHTINGS.map((w) => [w, t(`tokens-to-ids.weighting.${w}`)]), onChange: (v) => { opts.weighting = v; refresh(); } });
  // The lesson's later steps read the opening sentence again after the learner has typed over it.
  button(card.controls, t('tokens-to-ids.example'), () => { textBox.value = START_TEXT; refresh(); });
  const minSlider = slider(card.controls, { label: t('tokens-to-ids.slider.minCount'), min: 1, max: 3, step: 1, value: opts.minCount, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.minCount = v; buildVocabulary(); refresh(); } });

  const stat = { tokens: card.stat(t('tokens-to-ids.stat.tokens')), unknown: card.stat(t('tokens-to-ids.stat.unknown')), size: card.stat(t('tokens-to-ids.stat.size')), nonzero: card.stat(t('tokens-to-ids.stat.nonzero')) };

  function buildVocabulary() {
    attempt(card, () => {
      vocab.build(CORPUS, opts.minCount, 0);
      const bow = ml.bagOfWords(CORPUS, vocab);
      idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    });
    const tokens = vocab.tokens();
    const counts = vocab.counts();
    vocabList.replaceChildren(...tokens.map((token, id) => el('li', { text: id === 0 ? t('tokens-to-ids.vocab.unknown', { token, count: counts[0] }) : t('tokens-to-ids.vocab.word', { token, count: counts[id] }) })));
  }

  function refresh() {
    const { text, cut } = capText(textBox.value, MAX_CHARS);
    capNote.textContent = cut ? t('tokens-to-ids.cut', { max: MAX_CHARS, length: textBox.value.length }) : '';
    state = attempt(card, () => {
      const tokens = ml.tokenize(text);
      const ids = Array.from(vocab.encode(text));
      const bow = ml.bagOfWords([text], vocab, opts.weighting === 'binary');
      let vector = bow.data;
      if (opts.weighting === 'tfidf') vector = ml.tfidf(bow.data, bow.cols, idf);
      return { tokens, ids, vector: Array.from(vector), cut };
    }, null);
    if (!state) { ctx.requestDraw(draw); return; }
    const { tokens, ids, vector } = state;
    chips.replaceChildren(...tokens.map((token, i) => {
      const c = ids[i] === 0
        ? chip(token.text, t('tokens-to-ids.chip.unknown'), { tone: 'unk', title: t('tokens-to-ids.chip.unknown.title', { word: token.text }) })
        // A token id names a row of the vocabulary, no quantity: passed as text, it stays ungrouped.
        : chip(token.text, t('tokens-to-ids.chip.id', { id: String(ids[i]) }), { title: t('tokens-to-ids.chip.id.title', { word: token.text, id: String(ids[i]) }) });
      c.setAttribute('role', 'listitem');
      return c;
    }));
    if (!tokens.length) chips.append(el('span', { className: 'dw-empty', text: t('tokens-to-ids.noWords') }));
    const unknown = ids.filter((id) => id === 0).length;
    const nonzero = vector.filter((v) => v !== 0).length;
    stat.tokens.set(formatNumber(tokens.length, 0));
    stat.unknown.set(formatNumber(unknown, 0));
    stat.size.set(formatNumber(vector.length, 0));
    stat.nonzero.set(t('tokens-to-ids.nonzeroOf', { nonzero, total: vector.length }));
    if (!tokens.length) card.setMessage(t('tokens-to-ids.empty'), 'warn');
    else if (unknown === tokens.length) {
      card.setMessage(t('tokens-to-ids.allUnknown', { words: tokens.length, only: clipText(tokens[0].text, WORD_QUOTED) }), 'warn');
    }
    else {
      const share = fixed((100 * nonzero) / vector.length, 0);
      card.setMessage(t('tokens-to-ids.summary', { tokens: tokens.length, unknown, entries: vector.length, nonzero, share, tfidf: opts.weighting === 'tfidf' }), unknown ? 'info' : 'ok');
    }
    plot.canvas.setAttribute('aria-label', t('tokens-to-ids.figure', { entries: vector.length, nonzero }));
    ctx.requestDraw(draw);
  }

  function draw() {
    const vector = state ? state.vector : [];
    const n = Math.max(1, vector.length);
    const top = Math.max(opts.weighting === 'counts' ? 2 : 1, ...vector);
    plot.setDomain(-0.5, n - 0.5, 0, top * 1.18);
    const c = plot.begin();
    plot.axes({ xLabel: t('tokens-to-ids.axis.x'), yLabel: t(`tokens-to-ids.axis.y.${opts.weighting}`), xTicks: 6, yTicks: 3 });
    if (!state) return;
    const th = plot.theme;
    const tokens = vocab.tokens();
    const slot = plot.px(1) - plot.px(0);
    const labelled = [];
    vector.forEach((v, id) => {
      if (!(v > 0)) return;
      const x0 = plot.px(id - 0.4);
      const x1 = plot.px(id + 0.4);
      const y = plot.py(v);
      c.fillStyle = id === 0 ? th.class0 : th.class1;
      c.fillRect(x0, y, Math.max(1.5, x1 - x0), plot.py(0) - y);
      labelled.push({ id, x: (x0 + x1) / 2, y });
    });
    // Word labels in three lanes above the plot, each tied to its bar by a thin leader line, so
    // labels of neighbouring ids never collide (a label with no free lane is left out; the chips
    // above list every token anyway).
    c.font = `11px ${th.font}`;
    c.textAlign = 'center';
    c.textBaseline = 'bottom';
    const lanes = [-Infinity, -Infinity, -Infinity];
    for (const b of labelled) {
      const word = tokens[b.id];
      const w = c.measureText(word).width;
      const x = Math.min(plot.width - plot.margin.right - w / 2, Math.max(plot.margin.left + w / 2, b.x));
      const lane = lanes.findIndex((right) => x - w / 2 > right + 4);
      if (lane < 0) continue;
      lanes[lane] = x + w / 2;
      const yText = 14 + lane * 13;
      c.strokeStyle = th.truth;
      c.lineWidth = 1;
      c.beginPath(); c.moveTo(b.x, yText + 1); c.lineTo(b.x, b.y - 1); c.stroke();
      c.fillStyle = th.text;
      c.fillText(word, x, yText);
    }
  }

  const onInput = () => refresh();
  ctx.listen(textBox, 'input', onInput);
  buildVocabulary();
  refresh();

  return {
    update(next) {
      const vocabChanged = next.minCount !== opts.minCount;
      opts = { ...next };
      textBox.value = opts.text;
      minSlider.set(opts.minCount);
      weightSelect.value = opts.weighting;
      if (vocabChanged) buildVocabulary();
      refresh();
    },
  };
}

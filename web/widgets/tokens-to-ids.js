// Text to numbers, step one (landscape): type any text; the engine's tokenize() splits it into
// words, a Vocabulary built from a twelve-sentence corpus gives each word an id (unknown words
// get <unk> = 0), and bagOfWords() turns the text into one vector of |V| counts, drawn as bars.
// Counts, presence (binary) and tf-idf weights are all the engine's.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, fixed, nextId, select, slider } from '../lib/ui.js';
import { countOf, formatNumber } from '../lib/format.js';
import { CORPUS, START_TEXT } from '../lib/text-examples.js';
import { capText, chip } from '../lib/tokens.js';

export const MAX_CHARS = 400;

export const schema = {
  weighting: { type: 'enum', values: ['counts', 'binary', 'tfidf'], default: 'counts', description: 'What each bar holds: word counts, presence (0/1) or tf-idf weights.' },
  minCount: { type: 'int', min: 1, max: 3, default: 1, description: 'Corpus words seen fewer times than this are left out of the vocabulary (they become <unk>).' },
  text: { type: 'string', maxLength: MAX_CHARS, default: START_TEXT, description: 'The text typed in the box at the start.' },
};

export const meta = {
  title: 'Tokens to ids to a vector',
  hint: 'Type anything in the box. Each word becomes a token with an id from the vocabulary; the whole text becomes one vector of word counts.',
};

const WEIGHTINGS = [['counts', 'word counts'], ['binary', 'present (0 / 1)'], ['tfidf', 'tf-idf weights']];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const vocab = ctx.own(new ml.Vocabulary());
  let idf = null; // from the corpus's bag of words
  let state = null; // { tokens, ids, vector, cut }

  card.card.classList.add('dwt-card');
  const inputId = nextId('text');
  const textBox = el('textarea', { id: inputId, className: 'dwt-textbox', rows: '3', spellcheck: 'false' });
  textBox.value = opts.text;
  card.stage.append(el('label', { className: 'dwt-label', for: inputId, text: 'Your text' }), textBox);
  const capNote = el('p', { className: 'dwt-note', role: 'note' });
  card.stage.append(capNote);
  card.stage.append(el('h4', { className: 'dwt-subhead', text: 'Tokens and their ids' }));
  const chips = el('div', { className: 'dwt-chips', role: 'list', 'aria-label': 'Tokens with their vocabulary ids', tabindex: '0' }); // focusable: it scrolls when long
  card.stage.append(chips);
  card.stage.append(el('h4', { className: 'dwt-subhead', text: 'The text as a vector: one bar per vocabulary id' }));
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.32, minHeight: 170, maxHeight: 260, label: 'Bag-of-words vector', onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { left: 40, right: 8, top: 48, bottom: 30 }; // room above the bars for three lanes of word labels
  card.stage.append(el('p', { className: 'dw-legend', text: 'Bar j is the value for vocabulary id j; ids 1, 2, … go to the corpus words from most to least frequent, id 0 (orange) counts unknown words. Words in your text are labelled.' }));

  const vocabDetails = el('details', { className: 'dwt-details' });
  vocabDetails.append(el('summary', { text: 'The corpus and its vocabulary' }));
  const corpusList = el('ol', { className: 'dwt-corpus' });
  for (const s of CORPUS) corpusList.append(el('li', { text: s }));
  const vocabList = el('ol', { className: 'dwt-vocab', start: '0' });
  vocabDetails.append(corpusList, vocabList);
  card.stage.append(vocabDetails);

  const weightSelect = select(card.controls, { label: 'bar height', value: opts.weighting, options: WEIGHTINGS, onChange: (v) => { opts.weighting = v; refresh(); } });
  const minSlider = slider(card.controls, { label: 'minimum corpus count', min: 1, max: 3, step: 1, value: opts.minCount, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.minCount = v; buildVocabulary(); refresh(); } });

  const stat = { tokens: card.stat('tokens'), unknown: card.stat('unknown'), size: card.stat('vector length |V|'), nonzero: card.stat('non-zero entries') };

  function buildVocabulary() {
    attempt(card, () => {
      vocab.build(CORPUS, opts.minCount, 0);
      const bow = ml.bagOfWords(CORPUS, vocab);
      idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    });
    const tokens = vocab.tokens();
    const counts = vocab.counts();
    vocabList.replaceChildren(...tokens.map((t, id) => el('li', { text: `${t} (${id === 0 ? `${counts[0]} left out` : `${counts[id]}×`})` })));
  }

  function refresh() {
    const { text, cut } = capText(textBox.value, MAX_CHARS);
    capNote.textContent = cut ? `Only the first ${MAX_CHARS} characters are turned into tokens (the text is ${textBox.value.length} characters long).` : '';
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
    chips.replaceChildren(...tokens.map((t, i) => {
      const c = ids[i] === 0
        ? chip(t.text, '<unk> 0', { tone: 'unk', title: `“${t.text}” is not in the vocabulary: id 0, <unk>, the id every unknown word shares` })
        : chip(t.text, `id ${ids[i]}`, { title: `“${t.text}” has id ${ids[i]}` });
      c.setAttribute('role', 'listitem');
      return c;
    }));
    if (!tokens.length) chips.append(el('span', { className: 'dwt-empty', text: 'No words yet: only letters, digits and apostrophes make words.' }));
    const unknown = ids.filter((id) => id === 0).length;
    const nonzero = vector.filter((v) => v !== 0).length;
    stat.tokens.set(formatNumber(tokens.length, 0));
    stat.unknown.set(formatNumber(unknown, 0));
    stat.size.set(formatNumber(vector.length, 0));
    stat.nonzero.set(`${nonzero} of ${vector.length}`);
    if (!tokens.length) card.setMessage('The text has no words, so its vector is all zeros.', 'warn');
    else if (unknown === tokens.length) {
      const which = tokens.length === 1
        ? `The only word, “${tokens[0].text}”, is not in the vocabulary, so it gets`
        : `None of the ${countOf(tokens.length, 'word')} is in the vocabulary, so each gets`;
      card.setMessage(`${which} id 0, <unk> (“unknown word”): the vector is a single bar at id 0. A model would learn nothing from this text.`, 'warn');
    }
    else {
      const share = fixed((100 * nonzero) / vector.length, 0);
      const tail = opts.weighting === 'tfidf' ? ' With tf-idf, words that appear in many corpus sentences (like “the”) get smaller bars, and the vector has length 1.' : '';
      const unkText = unknown ? `, ${unknown} of them unknown (id 0, <unk>)` : ', all in the vocabulary';
      card.setMessage(`${countOf(tokens.length, 'token')}${unkText}. The vector has ${countOf(vector.length, 'entry', 'entries')}, only ${nonzero} non-zero (${share}%): bag-of-words vectors are mostly zeros, and word order is gone.${tail}`, unknown ? 'info' : 'ok');
    }
    plot.canvas.setAttribute('aria-label', `Bag-of-words vector of ${vector.length} entries, ${nonzero} non-zero`);
    ctx.requestDraw(draw);
  }

  function draw() {
    const vector = state ? state.vector : [];
    const n = Math.max(1, vector.length);
    const top = Math.max(opts.weighting === 'counts' ? 2 : 1, ...vector);
    plot.setDomain(-0.5, n - 0.5, 0, top * 1.18);
    const c = plot.begin();
    plot.axes({ xLabel: 'vocabulary id', yLabel: opts.weighting === 'tfidf' ? 'tf-idf' : opts.weighting === 'binary' ? 'present' : 'count', xTicks: 6, yTicks: 3 });
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

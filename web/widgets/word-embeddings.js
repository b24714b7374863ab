// Word embeddings (landscape): 29 words placed by hand in 2-D so that direction carries meaning.
// Pick a word (click, or arrow keys on the focused plot) and the engine ranks every other word by
// cosine similarity (rankByCosine); its nearest neighbours are ringed on the plot. A vector-
// arithmetic box asks the engine for a − b + c and the word nearest to it (analogy).
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps, trackKeyboardFocus } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { el, fixed, select } from '../lib/ui.js';
import { EMBEDDING, EMBEDDING_DOMAIN, EMBEDDING_FLAT, EMBEDDING_WORDS } from '../lib/text-examples.js';
import { renderBars } from '../lib/bars.js';
import { formatNumber } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './word-embeddings.messages.js';

export const schema = {
  word: { type: 'enum', values: EMBEDDING_WORDS, default: 'cat', description: 'The selected word whose similarities are listed.' },
  neighbours: { type: 'int', min: 1, max: 6, default: 3, description: 'How many nearest neighbours are highlighted.' },
  a: { type: 'enum', values: EMBEDDING_WORDS, default: 'king', description: 'Vector arithmetic: the first word (a in a − b + c).' },
  b: { type: 'enum', values: EMBEDDING_WORDS, default: 'man', description: 'Vector arithmetic: the word subtracted (b).' },
  c: { type: 'enum', values: EMBEDDING_WORDS, default: 'woman', description: 'Vector arithmetic: the word added (c).' },
};

export const meta = { title: messages['word-embeddings.title'], hint: messages['word-embeddings.hint'] };

const DIM = 2;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let selected = EMBEDDING_WORDS.indexOf(opts.word);
  let ranking = null; // { indices, similarities }
  let arithmetic = null; // { vector, indices, similarities }

  card.card.classList.add('dw-text-card');
  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col word-embeddings-plot-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  const plot = ctx.own(new Plot(left, { aspect: 1, minHeight: 280, maxHeight: 520, label: t('word-embeddings.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  plot.margin = { left: 34, right: 10, top: 16, bottom: 28 }; // equal sums: the same scale on both axes
  left.append(el('p', { className: 'dw-legend', text: t('word-embeddings.legend') }));

  right.append(el('h4', { className: 'dw-subhead', text: t('word-embeddings.ranking.heading') }));
  const wordSelect = select(right, { label: t('word-embeddings.select.word'), value: EMBEDDING_WORDS[selected], options: EMBEDDING_WORDS.map((w) => [w, w]), onChange: (v) => choose(EMBEDDING_WORDS.indexOf(v)) });
  // Focusable so keyboard users can scroll the list (it scrolls on small screens).
  const bars = el('ol', { className: 'dw-bars dw-scroll', 'aria-label': t('word-embeddings.ranking.list'), tabindex: '0' });
  right.append(bars);

  // Vector arithmetic: a − b + c.
  const box = el('div', { className: 'word-embeddings-arith', role: 'group', 'aria-label': t('word-embeddings.arithmetic') });
  box.append(el('h4', { className: 'dw-subhead', text: t('word-embeddings.arithmetic') }));
  const line = el('div', { className: 'word-embeddings-arith-line' });
  box.append(line);
  const wordOptions = EMBEDDING_WORDS.map((w) => [w, w]);
  const pick = (key) => select(line, { label: t(`word-embeddings.select.${key}`), value: opts[key], options: wordOptions, onChange: (v) => { opts[key] = v; runArithmetic(); } });
  const selA = pick('a');
  line.append(el('span', { className: 'word-embeddings-op', text: '−', 'aria-hidden': 'true' }));
  const selB = pick('b');
  line.append(el('span', { className: 'word-embeddings-op', text: '+', 'aria-hidden': 'true' }));
  const selC = pick('c');
  const answer = el('p', { className: 'word-embeddings-answer', role: 'status', 'aria-live': 'polite' });
  box.append(answer);
  card.controls.append(box);
  card.controls.append(el('p', { className: 'dw-footnote', text: t('word-embeddings.footnote') }));

  const stat = { word: card.stat(t('word-embeddings.stat.selected')), nearest: card.stat(t('word-embeddings.stat.nearest')), cos: card.stat(t('word-embeddings.stat.cosine')), answer: card.stat(t('word-embeddings.stat.answer')) };

  // Predict, then check: opposite meanings, opposite directions? Judged from the engine's cosine
  // ranking once “good” is selected.
  const prediction = createPrediction(ctx, {
    id: 'embeddings-good-bad',
    question: t('word-embeddings.predict.question'),
    choices: ['opposite', 'zero', 'high'].map((c) => [c, t(`word-embeddings.predict.${c}`)]),
    next: t('word-embeddings.predict.next'),
  });
  // The plot shows every word's direction from the start, "good" (3.6, −1.6) and "bad" (1.9, −4.2)
  // included: 42° apart, in the same quarter, which is the answer ("above 0.5" means under 60°).
  // In two dimensions any question about their cosine can be read off the plot, so the box is
  // honest practice: predicted from the words' meanings, but not recorded as a first try.
  prediction.outcomeGlimpsed(t('word-embeddings.predict.onPlot'));
  function judgeGoodBad() {
    const word = EMBEDDING_WORDS[selected];
    if ((word !== 'good' && word !== 'bad') || !ranking) return;
    // The pair's cosine is on screen now, in the list of either word (cosine is symmetric: "bad"
    // lists "good" at 0.747): a prediction locked after this could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('word-embeddings.predict.seen', { word })); return; }
    if (word !== 'good') return;
    const k = Array.from(ranking.indices).indexOf(EMBEDDING_WORDS.indexOf('bad'));
    if (k < 0) return;
    const cos = ranking.similarities[k];
    prediction.settle(cos > 0.5 ? 'high' : cos < -0.5 ? 'opposite' : 'zero', t('word-embeddings.predict.why', { cos: fixed(cos, 3), rank: formatNumber(k + 1, 0) }));
  }

  function choose(index) {
    if (!(index >= 0 && index < EMBEDDING.length)) return;
    selected = index;
    opts.word = EMBEDDING_WORDS[index];
    wordSelect.value = opts.word;
    ranking = attempt(card, () => ml.rankByCosine(EMBEDDING_FLAT, DIM, EMBEDDING_FLAT.subarray(index * DIM, index * DIM + DIM), [index]), null);
    describe();
  }

  function runArithmetic() {
    const [a, b, c] = [opts.a, opts.b, opts.c].map((w) => EMBEDDING_WORDS.indexOf(w));
    arithmetic = attempt(card, () => ml.analogy(EMBEDDING_FLAT, DIM, a, b, c), null);
    if (!arithmetic || !arithmetic.indices.length) {
      answer.textContent = t('word-embeddings.arithmetic.empty');
      stat.answer.set('–');
    } else {
      const best = arithmetic.indices[0];
      const v = arithmetic.vector;
      const runners = Array.from(arithmetic.indices.slice(1, 3), (i, k) => t('word-embeddings.arithmetic.runner', { word: EMBEDDING_WORDS[i], cos: fixed(arithmetic.similarities[k + 1], 3) })).join(', ');
      answer.textContent = t('word-embeddings.arithmetic.answer', { a: opts.a, b: opts.b, c: opts.c, x: fixed(v[0], 2), y: fixed(v[1], 2), best: EMBEDDING_WORDS[best], cos: fixed(arithmetic.similarities[0], 3), runners });
      stat.answer.set(EMBEDDING_WORDS[best]);
    }
    ctx.requestDraw(draw);
  }

  function neighbourSet() {
    if (!ranking) return new Set();
    return new Set(Array.from(ranking.indices.slice(0, opts.neighbours)));
  }

  function describe() {
    const word = EMBEDDING_WORDS[selected];
    stat.word.set(word);
    if (!ranking || !ranking.indices.length) { ctx.requestDraw(draw); return; }
    const near = neighbourSet();
    renderBars(bars, Array.from(ranking.indices, (i, k) => ({
      label: EMBEDDING_WORDS[i], value: ranking.similarities[k], highlight: near.has(i),
      tone: ranking.similarities[k] >= 0 ? 'pos' : 'neg',
    })), { range: 1, signed: true, digits: 3 });
    const first = ranking.indices[0];
    stat.nearest.set(EMBEDDING_WORDS[first]);
    stat.cos.set(fixed(ranking.similarities[0], 3));
    const last = ranking.indices[ranking.indices.length - 1];
    const names = Array.from(ranking.indices.slice(0, opts.neighbours), (i) => EMBEDDING_WORDS[i]).join(', ');
    card.setMessage(t('word-embeddings.closest', { word, names, furthest: EMBEDDING_WORDS[last], cos: fixed(ranking.similarities[ranking.similarities.length - 1], 3), opposite: ranking.similarities[ranking.similarities.length - 1] < 0 }), 'info');
    plot.canvas.setAttribute('aria-label', t('word-embeddings.figure', { word, names }));
    judgeGoodBad();
    ctx.requestDraw(draw);
  }

  // Pointer: the word nearest the click (within 28 px) becomes the selection.
  function wordAt(e) {
    const r = plot.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best = -1;
    let bestD = 28;
    EMBEDDING.forEach(([, wx, wy], i) => {
      const d = Math.hypot(plot.px(wx) - x, plot.py(wy) - y);
      if (d < bestD) { bestD = d; best = i; }
    });
    return best;
  }
  const onDown = (e) => { const i = wordAt(e); if (i >= 0) { choose(i); e.preventDefault(); } };
  const onMove = (e) => { plot.canvas.style.cursor = wordAt(e) >= 0 ? 'pointer' : 'default'; };
  const onKey = (e) => {
    const n = EMBEDDING.length;
    const jump = e.shiftKey ? 10 : 1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') choose((selected + jump) % n);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') choose((((selected - jump) % n) + n) % n);
    else if (e.key === 'Home') choose(0);
    else if (e.key === 'End') choose(n - 1);
    else return;
    e.preventDefault();
  };
  // The keys' help and the focus frame are for keyboard focus, never for a click or tap (drag.js);
  // first, so a key's own words come after the help it may bring.
  const keyboardFocus = ctx.own(trackKeyboardFocus(plot.canvas, (on) => { if (on) card.setMessage(t('word-embeddings.keys'), 'info'); ctx.requestDraw(draw); }));
  listenForTaps(ctx, plot.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(plot.canvas, 'pointermove', onMove);
  ctx.listen(plot.canvas, 'keydown', onKey);

  function arrow(c, x0, y0, x1, y1, color, { dash = [], width = 1.5 } = {}) {
    const X0 = plot.px(x0); const Y0 = plot.py(y0); const X1 = plot.px(x1); const Y1 = plot.py(y1);
    c.save();
    c.strokeStyle = color; c.fillStyle = color; c.lineWidth = width; c.setLineDash(dash);
    c.beginPath(); c.moveTo(X0, Y0); c.lineTo(X1, Y1); c.stroke();
    const ang = Math.atan2(Y1 - Y0, X1 - X0);
    c.setLineDash([]);
    c.beginPath();
    c.moveTo(X1, Y1);
    c.lineTo(X1 - 8 * Math.cos(ang - 0.4), Y1 - 8 * Math.sin(ang - 0.4));
    c.lineTo(X1 - 8 * Math.cos(ang + 0.4), Y1 - 8 * Math.sin(ang + 0.4));
    c.closePath(); c.fill();
    c.restore();
  }

  function draw() {
    const { x0, x1, y0, y1 } = EMBEDDING_DOMAIN;
    plot.setDomain(x0, x1, y0, y1);
    const c = plot.begin();
    plot.axes({ xTicks: 6, yTicks: 6 });
    const th = plot.theme;
    const near = neighbourSet();
    plot.clipToArea(() => {
      // Faint rays to the neighbours, a solid arrow to the selected word.
      for (const i of near) arrow(c, 0, 0, EMBEDDING[i][1], EMBEDDING[i][2], th.good, { dash: [4, 4], width: 1.2 });
      arrow(c, 0, 0, EMBEDDING[selected][1], EMBEDDING[selected][2], th.model, { width: 2.2 });
      // The arithmetic: b → a applied again at c lands on a − b + c.
      if (arithmetic && arithmetic.indices.length) {
        const [a, b, cc] = [opts.a, opts.b, opts.c].map((w) => EMBEDDING[EMBEDDING_WORDS.indexOf(w)]);
        const v = arithmetic.vector;
        arrow(c, b[1], b[2], a[1], a[2], th.class0, { dash: [5, 3] });
        arrow(c, cc[1], cc[2], v[0], v[1], th.class0, { dash: [5, 3] });
        const X = plot.px(v[0]); const Y = plot.py(v[1]);
        c.strokeStyle = th.class0; c.lineWidth = 2;
        c.beginPath(); c.rect(X - 6, Y - 6, 12, 12); c.stroke();
      }
      EMBEDDING.forEach(([, x, y], i) => {
        const X = plot.px(x); const Y = plot.py(y);
        const isSel = i === selected;
        c.beginPath(); c.arc(X, Y, isSel ? 5.5 : 4, 0, Math.PI * 2);
        c.fillStyle = isSel ? th.model : near.has(i) ? th.good : th.textMuted; c.fill();
        if (near.has(i) || isSel) {
          c.beginPath(); c.arc(X, Y, 9, 0, Math.PI * 2);
          c.strokeStyle = isSel ? th.model : th.good; c.lineWidth = 2; c.stroke();
        }
      });
    });
    // Labels outside the clip so a long word near the edge is never cut.
    c.textBaseline = 'middle';
    EMBEDDING.forEach(([word, x, y, side], i) => {
      const X = plot.px(x); const Y = plot.py(y);
      const strong = i === selected || near.has(i);
      c.fillStyle = strong ? th.text : th.textMuted;
      c.font = `${i === selected ? 'bold ' : ''}${plot.width < 420 ? 11 : 12}px ${th.font}`;
      c.textAlign = side === 'l' ? 'right' : 'left';
      c.fillText(word, X + (side === 'l' ? -11 : 11), Y);
    });
    if (keyboardFocus.keyboardFocused) {
      c.strokeStyle = th.accent; c.lineWidth = 2;
      c.strokeRect(1, 1, plot.width - 2, plot.height - 2);
    }
  }

  choose(selected);
  runArithmetic();

  return {
    update(next) {
      opts = { ...next };
      selA.value = opts.a; selB.value = opts.b; selC.value = opts.c;
      choose(EMBEDDING_WORDS.indexOf(opts.word));
      runArithmetic();
    },
  };
}

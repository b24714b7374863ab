// Text to numbers, step one (landscape): type any text; the engine's tokenize() splits it into
// words, a Vocabulary built from a twelve-sentence corpus gives each word an id (unknown words
// get <unk> = 0), and bagOfWords() turns the text into one vector of |V| counts, drawn as bars.
// Counts, presence (binary) and tf-idf weights are all the engine's. Two optional steps around the
// tokeniser, both shown to the learner: cleaning before it (HTML tags dropped, character entities
// decoded, Unicode NFKC, lower case in every alphabet) and a light rule-based stemmer after it
// (applied to the corpus too, so the vocabulary holds stems).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, checkbox, el, fixed, nextId, select, slider } from '../lib/ui.js';
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
  clean: { type: 'boolean', default: false, description: 'Clean the text before cutting it: drop HTML tags, drop script and style elements with their code, decode HTML character entities, apply Unicode NFKC, lower-case every alphabet.' },
  stem: { type: 'boolean', default: false, description: 'Cut common word endings (-s, -es, -ies, -ed, -ing) from every token, in the corpus too, by light rules modelled on Porter\'s step 1 (unlike Porter\'s, -ies and -ied become -y).' },
};

// HTML's element names. A tag is < or </, one of these names, then whitespace, / or > and anything
// up to the next >; a comment <!-- … --> is markup too. Anything else is text: in "x<y and y>z" the
// brackets are comparisons, not a tag named "y".
const ELEMENTS = 'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr';
const TAG = new RegExp(`<!--[\\s\\S]*?-->|<\\/?(${ELEMENTS.split(' ').join('|')})(?=[\\s/>])[^<>]*>`, 'gi');
// Elements a browser starts on a line (or cell) of their own: their tags separate words. Any other
// tag sits inside the line, so "<b>K</b>itchen" prints as one word, "Kitchen".
const BREAKS = new Set('address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure footer form frame h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img li main nav ol option p pre section table tbody td tfoot th thead title tr ul'.split(' '));
// Character entities: every numeric one (&#233; &#xe9;) and the named ones. In a browser the names
// are looked up in the browser's own table (all of HTML's named entities), by letting a detached
// <textarea>, which is never put in the page, read the entity alone: its content is text, never
// elements. Without a page (Node) a built-in table is used: every Latin-1 letter and symbol
// (&eacute; &copy; &frac12;), the Greek letters and the common typographic and math ones (&euro;
// &hellip; &ne;); a name outside it is left as text, and the note counts it.
const LATIN1 = 'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
// Greek capitals from U+0391 and small letters from U+03B1, in code-point order; the empty name keeps
// the place of U+03A2, which has no capital (it sits where the small final sigma ς does).
const GREEK = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho  Sigma Tau Upsilon Phi Chi Psi Omega';
export const NAMED = {
  amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'", COPY: '\u00a9', REG: '\u00ae',
  OElig: '\u0152', oelig: '\u0153', Scaron: '\u0160', scaron: '\u0161', Yuml: '\u0178', fnof: '\u0192', circ: '\u02c6', tilde: '\u02dc',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  dagger: '\u2020', Dagger: '\u2021', bull: '\u2022', hellip: '\u2026', permil: '\u2030', prime: '\u2032', Prime: '\u2033',
  lsaquo: '\u2039', rsaquo: '\u203a', oline: '\u203e', frasl: '\u2044', euro: '\u20ac', trade: '\u2122',
  larr: '\u2190', uarr: '\u2191', rarr: '\u2192', darr: '\u2193', harr: '\u2194', minus: '\u2212', infin: '\u221e',
  asymp: '\u2248', ne: '\u2260', le: '\u2264', ge: '\u2265', sigmaf: '\u03c2', thetasym: '\u03d1', piv: '\u03d6',
};
LATIN1.split(' ').forEach((name, i) => { NAMED[name] = String.fromCharCode(0xa0 + i); });
GREEK.split(' ').forEach((name, i) => {
  if (!name) return;
  NAMED[name] = String.fromCharCode(0x391 + i);
  NAMED[name.toLowerCase()] = String.fromCharCode(0x3b1 + i);
});
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]*));/gi;

let reader = null;
// The browser's reading of "&name;", or undefined when it knows no such entity. A browser also
// reads an old name without its semicolon ("&notit;" → "¬it;"); that is not this entity, so a
// reading that still ends in ";" counts as unknown (except "&semi;" itself).
function browserEntity(entity) {
  if (typeof document === 'undefined') return undefined;
  reader ??= document.createElement('textarea');
  reader.innerHTML = entity;
  const out = reader.value;
  return out !== entity && (!out.endsWith(';') || out === ';') ? out : undefined;
}

function decodeEntity(match, dec, hex, name) {
  if (name !== undefined) return browserEntity(match) ?? (Object.hasOwn(NAMED, name) ? NAMED[name] : match);
  const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
  const usable = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return usable ? String.fromCodePoint(code) : match;
}

// What a browser never prints: a <script> or <style> element holds code, and all of it goes, from
// its start tag to its end tag (or to the end of the text, as a browser reads an unclosed one).
const CODE = /<(script|style)(?=[\s/>])[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;

// Cleaning before tokenising, in the order a browser reads a page: script and style elements go
// with their code, then tags go (a tag between letters leaves nothing, one that starts a line or
// cell leaves a space, so "<b>kitchen</b>" leaves "kitchen" and "<B>K</B>itchen" leaves "Kitchen"),
// then character entities become their characters ("&amp;" → "&", "&nbsp;" → a space, "&eacute;" →
// "é"; "&lt;b&gt;" is text that shows "<b>", so it stays), then NFKC turns compatibility forms into
// their plain letters (full-width "ｃａｔ" → "cat", "ﬁ" → "fi", e + combining accent → "é"), and
// toLowerCase lower-cases every alphabet, not only A–Z. Returns the cleaned text, the number of tags dropped, the number of script
// and style elements dropped with their code, the number of entities decoded and of entities left as
// text (names no table knows), and whether Unicode normalisation changed anything.
export function cleanText(text) {
  let tags = 0;
  let code = 0;
  let entities = 0;
  let unknownEntities = 0;
  const uncoded = String(text).replace(CODE, () => { code += 1; return ''; });
  const untagged = uncoded.replace(TAG, (tag, name) => {
    tags += 1;
    return name && BREAKS.has(name.toLowerCase()) ? ' ' : '';
  });
  const decoded = untagged.replace(ENTITY, (...m) => {
    const out = decodeEntity(...m);
    if (out !== m[0]) entities += 1;
    else unknownEntities += 1;
    return out;
  });
  const normal = decoded.normalize('NFKC');
  return { text: normal.toLowerCase(), tags, code, entities, unknownEntities, unicode: normal !== decoded };
}

// Porter's letters: a, e, i, o, u, and y after a consonant ("y" in "play" is a consonant's
// neighbour, so it counts as a vowel there; in "yes" it is a consonant).
const isVowel = (w, i) => 'aeiou'.includes(w[i]) || (w[i] === 'y' && i > 0 && !isVowel(w, i - 1));
const hasVowel = (w) => [...w].some((_, i) => isVowel(w, i));
// Porter's measure m: how many vowel-then-consonant runs the stem has ("tr" 0, "rain" 1, "paint" 1,
// "agr" 1, "kitchen" 2).
function measure(w) {
  let m = 0;
  for (let i = 1; i < w.length; i += 1) if (!isVowel(w, i) && isVowel(w, i - 1)) m += 1;
  return m;
}
// A short last syllable: consonant, vowel, consonant (not w, x or y), as in "chas", "hop";
// or a stem of a vowel then a consonant, as in "us".
const shortEnd = (w) => {
  const n = w.length;
  if (n === 2) return isVowel(w, 0) && !isVowel(w, 1);
  return n >= 3 && !isVowel(w, n - 3) && isVowel(w, n - 2) && !isVowel(w, n - 1) && !'wxy'.includes(w[n - 1]);
};

// A light rule stemmer modelled on Porter's step 1 (a plural step, then an -eed/-ed/-ing step), with
// plural rules of its own and a few guards: Porter writes -ies and -ied as -i (cities → citi, cried →
// cri), only ever cuts a final -s in step 1 (boxes → boxe) and turns a final y into i (happy → happi);
// this one keeps a word's y (city, cry, happy) and cuts -es after x, ch, sh, zz. It works on plain
// a–z words longer than three letters. Plurals: -sses → -ss, -ies → -y (-ie after one letter: ties →
// tie), -es after x, ch, sh or zz, a final -s unless -ss, -us or -is. Then, on what is left: -eed →
// -ee only when a vowel and a consonant come before it (agreed → agree, but need, feed, speed stay);
// -ied → -y (-ie after one letter: tied → tie, and tying → tie); -ed or -ing when a vowel is left,
// then -at, -bl, -iz get their e back (related → relate), a doubled last consonant other than l, s, z is undone (swimming
// → swim, but smelled → smell, added → add), and a short one-syllable stem gets its e back (chased
// → chase, used → use). So meetings → meeting → meet. Rules, no dictionary: it joins most regular
// forms, never irregular ones (mice, was), and makes mistakes (news → new).
export function stemWord(word) {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  else if (/(x|ch|sh|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  if (w.endsWith('ied')) return w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  if (w.endsWith('ying') && w.length === 5) return `${w[0]}ie`;
  for (const end of ['ing', 'ed']) {
    const stem = w.slice(0, -end.length);
    if (!w.endsWith(end) || !hasVowel(stem)) continue;
    if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
    if (stem.length >= 4 && /([b-df-hj-km-np-rtv-z])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem)) return stem.slice(0, -1);
    if (measure(stem) === 1 && shortEnd(stem)) return `${stem}e`;
    return stem;
  }
  return w;
}

// A text with every token replaced by its stem, joined by spaces (for the engine's Vocabulary).
export function stemText(ml, text) {
  return ml.tokenize(text).map((token) => stemWord(token.text)).join(' ');
}

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
  const stepsNote = el('p', { className: 'dw-footnote', role: 'note' });
  card.stage.append(capNote, stepsNote);
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
  const cleanBox = checkbox(card.controls, { label: t('tokens-to-ids.clean'), checked: opts.clean, onChange: (v) => { opts.clean = v; buildVocabulary(); refresh(); } });
  const stemBox = checkbox(card.controls, { label: t('tokens-to-ids.stem'), checked: opts.stem, onChange: (v) => { opts.stem = v; buildVocabulary(); refresh(); } });
  const minSlider = slider(card.controls, { label: t('tokens-to-ids.slider.minCount'), min: 1, max: 3, step: 1, value: opts.minCount, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.minCount = v; buildVocabulary(); refresh(); } });

  const stat = { tokens: card.stat(t('tokens-to-ids.stat.tokens')), unknown: card.stat(t('tokens-to-ids.stat.unknown')), size: card.stat(t('tokens-to-ids.stat.size')), nonzero: card.stat(t('tokens-to-ids.stat.nonzero')) };

  // The corpus goes through the same steps as the learner's text, so their words can meet.
  function prepare(text) {
    const cleaned = opts.clean ? cleanText(text) : { text, tags: 0, code: 0, entities: 0, unknownEntities: 0, unicode: false };
    return { ...cleaned, cleaned: cleaned.text, text: opts.stem ? stemText(ml, cleaned.text) : cleaned.text };
  }

  function buildVocabulary() {
    attempt(card, () => {
      const corpus = CORPUS.map((s) => prepare(s).text);
      vocab.build(corpus, opts.minCount, 0);
      const bow = ml.bagOfWords(corpus, vocab);
      idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    });
    const tokens = vocab.tokens();
    const counts = vocab.counts();
    vocabList.replaceChildren(...tokens.map((token, id) => el('li', { text: id === 0 ? t('tokens-to-ids.vocab.unknown', { token, count: counts[0] }) : t('tokens-to-ids.vocab.word', { token, count: counts[id] }) })));
  }

  function refresh() {
    const { text: typed, cut } = capText(textBox.value, MAX_CHARS);
    capNote.textContent = cut ? t('tokens-to-ids.cut', { max: MAX_CHARS, length: textBox.value.length }) : '';
    const prepared = prepare(typed);
    const text = prepared.text;
    stepsNote.textContent = opts.clean || opts.stem
      ? t('tokens-to-ids.steps', { clean: opts.clean, tags: prepared.tags, code: prepared.code, entities: prepared.entities, unknownEntities: prepared.unknownEntities, unicode: prepared.unicode, stem: opts.stem })
      : '';
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
    if (!tokens.length) {
      // Words in the typed text that cleaning took away were markup (tags, code, entities), not words.
      // Only when no character at all is left was the text all markup; otherwise what remains
      // (punctuation, symbols) simply makes no tokens.
      const cleanedAway = opts.clean && ml.tokenize(typed).length > 0;
      const empty = !cleanedAway ? t('tokens-to-ids.noWords')
        : prepared.cleaned.trim() ? t('tokens-to-ids.noWords.cleanedRest') : t('tokens-to-ids.noWords.cleaned');
      chips.append(el('span', { className: 'dw-empty', text: empty }));
    }
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
      // "Mostly zeros" only where more than half the entries are zero: with the minimum corpus
      // count raised the vocabulary shrinks to a few words, and most of them are in the text.
      // (Below 100 entries a share under one half never rounds up to "50%".)
      const mostlyZero = 2 * nonzero < vector.length;
      card.setMessage(t('tokens-to-ids.summary', { tokens: tokens.length, unknown, entries: vector.length, nonzero, share, mostlyZero, tfidf: opts.weighting === 'tfidf' }), unknown ? 'info' : 'ok');
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
      const vocabChanged = next.minCount !== opts.minCount || next.clean !== opts.clean || next.stem !== opts.stem;
      opts = { ...next };
      textBox.value = opts.text;
      minSlider.set(opts.minCount);
      cleanBox.checked = opts.clean;
      stemBox.checked = opts.stem;
      weightSelect.value = opts.weighting;
      if (vocabChanged) buildVocabulary();
      refresh();
    },
  };
}

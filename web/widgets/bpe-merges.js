// Byte-pair encoding (text-to-numbers lesson, landscape): the corpus is cut into words by the
// engine's tokenize() (the lesson's word tokeniser), every word starts as its characters, and each
// press of Merge joins the pair of neighbouring pieces seen most often into one new token. The
// learner sees the corpus in pieces, the pair counts the next merge chooses from, the merges in
// order, the growing vocabulary, and a new word split by applying those merges in order. The
// merge logic is plain code in bpe-merges/merges.js, shared with the lesson's claims test.
import { mountWidget, attempt } from '../lib/widget.js';
import { button, el, nextId, setDisabled } from '../lib/ui.js';
import { clipText, formatNumber } from '../lib/format.js';
import { capText, chip } from '../lib/tokens.js';
import { tableWrap } from '../lib/table.js';
import { corpusLength, countWords, learnMerges, splitWord, symbolsOf, vocabularyOf } from './bpe-merges/merges.js';
import { messages } from './bpe-merges/messages.js';

export const MAX_CHARS = 400;
export const MAX_WORD_CHARS = 40;
export const MAX_MERGES = 60;
// The lesson's worked example: fifteen words, eight different ones.
export const EXAMPLE_CORPUS = 'low lower lowest slow slow slow slower slower slower slower now now now new newest';
// Rows of the corpus and of the pair table shown (the rest are counted all the same).
const WORDS_SHOWN = 30;
const PAIRS_SHOWN = 6;
// A piece or word quoted in a sentence, a table cell or the list of merges (a 400-letter word would
// fill the message; the corpus in pieces and the vocabulary show every piece whole).
const QUOTED = 24;
const quoted = (text) => clipText(text, QUOTED);
const quotedWords = (words) => words.map(({ word, times }) => ({ word: quoted(word), times }));

export const schema = {
  corpus: { type: 'string', maxLength: MAX_CHARS, default: EXAMPLE_CORPUS, description: 'The text the merges are learned from (cut into words by the lesson\'s tokeniser).' },
  word: { type: 'string', maxLength: MAX_WORD_CHARS, default: 'slowest', description: 'A new word split with the merges learned so far.' },
  merges: { type: 'int', min: 0, max: MAX_MERGES, default: 0, description: 'How many merges are learned at the start (fewer when the corpus runs out of pairs).' },
};

export const meta = { title: messages['bpe-merges.title'], hint: messages['bpe-merges.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let shown = null; // what the card shows: { learned, vocab, made } after the merges

  card.card.classList.add('dw-text-card');
  const corpusId = nextId('bpe-corpus');
  const corpusBox = el('textarea', { id: corpusId, className: 'dw-textbox', rows: '3', spellcheck: 'false' });
  corpusBox.value = opts.corpus;
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  const wordId = nextId('bpe-word');
  const wordBox = el('input', { id: wordId, type: 'text', className: 'dw-textbox', spellcheck: 'false', autocomplete: 'off', maxlength: String(MAX_WORD_CHARS) });
  wordBox.value = opts.word;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: corpusId, text: t('bpe-merges.corpusBox') }), corpusBox, capNote);

  card.stage.append(el('h4', { className: 'dw-subhead', text: t('bpe-merges.words.title') }));
  // Focusable: the list scrolls when the corpus is long.
  const wordList = el('ul', { className: 'bpe-merges-words dw-scroll', 'aria-label': t('bpe-merges.words'), tabindex: '0' });
  const moreNote = el('p', { className: 'dw-footnote' });
  card.stage.append(wordList, moreNote);

  card.stage.append(el('h4', { className: 'dw-subhead', text: t('bpe-merges.pairs.title') }));
  const pairCaption = el('p');
  const pairTable = el('table', { className: 'dw-table dw-text-table bpe-merges-pairs' });
  const pairHead = el('tr', {}, ['pair', 'count', 'from'].map((c) => el('th', { scope: 'col', text: t(`bpe-merges.col.${c}`) })));
  const pairBody = el('tbody');
  pairTable.append(el('thead', {}, [pairHead]), pairBody);
  card.stage.append(tableWrap(ctx, pairTable, { caption: pairCaption }).element);

  card.stage.append(el('h4', { className: 'dw-subhead', text: t('bpe-merges.merges.title') }));
  const mergeList = el('ol', { className: 'bpe-merges-merges', 'aria-label': t('bpe-merges.merges') });
  card.stage.append(mergeList);

  card.stage.append(el('h4', { className: 'dw-subhead', text: t('bpe-merges.vocab.title') }));
  const vocabList = el('ul', { className: 'bpe-merges-vocab', 'aria-label': t('bpe-merges.vocab') });
  card.stage.append(vocabList);

  // The new word last, nearest the buttons whose merges split it.
  card.stage.append(
    el('label', { className: 'dw-textbox-label bpe-merges-word-label', for: wordId, text: t('bpe-merges.wordBox') }), wordBox,
    el('h4', { className: 'dw-subhead', text: t('bpe-merges.split.title') }),
  );
  const splitChips = el('div', { className: 'dw-token-chips', role: 'list', 'aria-label': t('bpe-merges.split') });
  card.stage.append(splitChips);

  const row = el('div', { className: 'dw-buttons' });
  card.controls.append(row);
  const mergeButton = button(row, t('bpe-merges.button.merge'), () => setMerges(shown.learned.merges.length + 1), { primary: true });
  const undoButton = button(row, t('bpe-merges.button.undo'), () => setMerges(shown.learned.merges.length - 1));
  const resetButton = button(row, t('bpe-merges.button.reset'), () => setMerges(0));
  button(row, t('bpe-merges.button.example'), () => { corpusBox.value = EXAMPLE_CORPUS; opts.corpus = EXAMPLE_CORPUS; setMerges(0); });

  const stat = {
    merges: card.stat(t('bpe-merges.stat.merges')),
    vocab: card.stat(t('bpe-merges.stat.vocab')),
    corpus: card.stat(t('bpe-merges.stat.corpus')),
    split: card.stat(t('bpe-merges.stat.split')),
  };

  function setMerges(n) {
    opts.merges = Math.max(0, Math.min(MAX_MERGES, n));
    refresh();
  }

  // The corpus's words (the engine's tokeniser, as in the rest of the lesson) and the merges
  // learned from them.
  function learn() {
    const { text, cut } = capText(corpusBox.value, MAX_CHARS);
    capNote.textContent = cut ? t('bpe-merges.cut', { max: MAX_CHARS, length: corpusBox.value.length }) : '';
    const words = attempt(card, () => ml.tokenize(text).map((token) => token.text), null);
    if (!words) return null;
    const learned = learnMerges(countWords(words), opts.merges);
    const vocab = vocabularyOf(learned);
    // Which merge made each token (for the new word's chips).
    const made = new Map();
    learned.merges.forEach((m, i) => { if (!made.has(m.token)) made.set(m.token, i + 1); });
    return { learned, vocab, made, characters: words.reduce((sum, w) => sum + symbolsOf(w).length, 0) };
  }

  const pieceSpans = (pieces) => pieces.map((p) => el('span', { className: 'bpe-merges-piece', text: p }));

  function showWords({ learned }) {
    const entries = learned.entries;
    wordList.replaceChildren(...entries.slice(0, WORDS_SHOWN).map(({ word, count, pieces }) => el('li', {
      'aria-label': t('bpe-merges.word', { word, count, pieces: pieces.join(' + ') }),
    }, [el('span', { className: 'bpe-merges-pieces' }, pieceSpans(pieces)), el('span', { className: 'bpe-merges-times', text: t('bpe-merges.times', { count }) })])));
    moreNote.textContent = entries.length > WORDS_SHOWN ? t('bpe-merges.moreWords', { count: entries.length - WORDS_SHOWN }) : '';
  }

  function showPairs({ learned }) {
    const next = learned.next;
    pairBody.replaceChildren(...next.slice(0, PAIRS_SHOWN).map((pair, i) => el('tr', { className: i === 0 ? 'bpe-merges-next' : '' }, [
      el('td', { text: t('bpe-merges.pair', { left: quoted(pair.left), right: quoted(pair.right) }) }),
      el('td', { text: formatNumber(pair.count, 0) }),
      el('td', { className: 'bpe-merges-from', text: t('bpe-merges.from', { words: quotedWords(pair.words) }) }),
    ])));
    if (!next.length) pairBody.append(el('tr', {}, [el('td', { colspan: '3', className: 'dw-empty', text: t('bpe-merges.noPairs') })]));
    pairCaption.textContent = next.length ? t('bpe-merges.pairs.caption', { shown: Math.min(PAIRS_SHOWN, next.length), total: next.length }) : '';
  }

  function showMerges({ learned }) {
    mergeList.replaceChildren(...learned.merges.map((m) => el('li', { text: t('bpe-merges.merge', { left: quoted(m.left), right: quoted(m.right), token: quoted(m.token), count: m.count }) })));
    if (!learned.merges.length) mergeList.append(el('li', { className: 'dw-empty bpe-merges-none', text: t('bpe-merges.noMerges') }));
  }

  function showVocabulary({ vocab, made }) {
    vocabList.replaceChildren(...vocab.map((token) => el('li', { className: made.has(token) ? 'bpe-merges-token bpe-merges-made' : 'bpe-merges-token', text: token })));
  }

  // The new word (or words) typed, each split by the merges in order.
  function showSplit({ learned, made }) {
    const typed = capText(wordBox.value, MAX_WORD_CHARS).text;
    const words = attempt(card, () => ml.tokenize(typed).map((token) => token.text), []);
    const pieces = words.flatMap((w) => splitWord(w, learned));
    splitChips.replaceChildren(...pieces.map(({ piece, known }) => {
      const sub = !known ? t('bpe-merges.piece.unknown') : made.has(piece) ? t('bpe-merges.piece.merge', { n: String(made.get(piece)) }) : t('bpe-merges.piece.char');
      const c = chip(piece, sub, known ? {} : { tone: 'unk', title: t('bpe-merges.piece.unknown.title', { piece }) });
      c.setAttribute('role', 'listitem');
      return c;
    }));
    if (!pieces.length) splitChips.append(el('span', { className: 'dw-empty', text: t('bpe-merges.noWord') }));
    stat.split.set(formatNumber(pieces.length, 0));
  }

  function refresh() {
    shown = learn();
    if (!shown) return;
    const { learned, vocab } = shown;
    const n = learned.merges.length;
    showWords(shown);
    showPairs(shown);
    showMerges(shown);
    showVocabulary(shown);
    showSplit(shown);
    stat.merges.set(formatNumber(n, 0));
    stat.vocab.set(formatNumber(vocab.length, 0));
    stat.corpus.set(t('bpe-merges.corpusOf', { tokens: corpusLength(learned.entries), characters: shown.characters }));
    const top = learned.next[0];
    if (!learned.entries.length) card.setMessage(t('bpe-merges.empty'), 'warn');
    else if (n === 0) card.setMessage(top ? t('bpe-merges.start', { vocab: vocab.length, left: quoted(top.left), right: quoted(top.right), count: top.count, words: quotedWords(top.words) }) : t('bpe-merges.nothing'), 'info');
    else if (!top) card.setMessage(t('bpe-merges.done', { n }), 'ok');
    else if (n >= MAX_MERGES) card.setMessage(t('bpe-merges.limit', { n }), 'info');
    else {
      const last = learned.merges[n - 1];
      card.setMessage(t('bpe-merges.merged', { n, left: quoted(last.left), right: quoted(last.right), token: quoted(last.token), count: last.count, words: quotedWords(last.words), tied: last.tied, vocab: vocab.indexOf(last.token) + 1 }), 'info');
    }
    // Enabled first, so a button about to be disabled hands the focus to one that works.
    const canMerge = Boolean(top) && n < MAX_MERGES;
    for (const [control, off] of [[mergeButton, !canMerge], [undoButton, n === 0], [resetButton, n === 0]].sort((a, b) => a[1] - b[1])) {
      setDisabled(control, off, [mergeButton, undoButton, resetButton, corpusBox]);
    }
  }

  // Typing keeps the merge count asked for; a shorter corpus simply has fewer merges to make.
  ctx.listen(corpusBox, 'input', () => { opts.corpus = corpusBox.value; refresh(); });
  ctx.listen(wordBox, 'input', () => { opts.word = wordBox.value; if (shown) showSplit(shown); });
  refresh();

  return {
    update(next) {
      opts = { ...next };
      corpusBox.value = opts.corpus;
      wordBox.value = opts.word;
      refresh();
    },
    currentOptions() {
      return { corpus: capText(corpusBox.value, MAX_CHARS).text, word: capText(wordBox.value, MAX_WORD_CHARS).text, merges: shown ? shown.learned.merges.length : opts.merges };
    },
  };
}

// Byte-pair encoding as Sennrich et al. (2016) learn it, on words, without the DOM, so the lesson's
// claims test and the node tests run the same code the bpe-merges widget draws:
//   1. every word of the corpus starts as its characters (code points, after NFC, so "é" typed
//      as e + accent is one symbol and an emoji is not cut in half);
//   2. count every pair of neighbouring symbols, each word weighted by how often it occurs;
//   3. the most frequent pair becomes one new symbol everywhere, and the merge is remembered;
//   4. repeat until the wanted number of merges is made or no word has two symbols left.
// Ties go to the pair met first when the corpus is read in order (words in order of their first
// appearance, pairs from left to right), a rule the learner can check by eye.
// Merges never cross a word boundary: the corpus is cut into words first (the widget uses the
// engine's tokenize). A new word is split by applying the learned merges in the order they were
// learned, as a tokeniser does at run time.

// Symbols of a word: its code points after NFC normalisation.
export function symbolsOf(word) {
  return Array.from(String(word).normalize('NFC'));
}

// [word, word, …] in text order → [{ word, count }] in order of first appearance.
export function countWords(words) {
  const counts = new Map();
  for (const w of words) {
    const word = String(w).normalize('NFC');
    counts.set(word, (counts.get(word) || 0) + 1);
  }
  return [...counts].map(([word, count]) => ({ word, count }));
}

// The pair key: the two symbols with a separator no typed text holds (U+0000 never survives the
// tokeniser, and symbolsOf never yields it from a word).
const SEP = '\u0000';
const keyOf = (left, right) => `${left}${SEP}${right}`;

// Pair counts of a segmented corpus [{ word, count, pieces }] → [{ left, right, count, words }]
// sorted by count (highest first), ties in order of first appearance; `words` lists each word
// that holds the pair with how many times it adds it (its count × the pair's occurrences in it).
export function pairCounts(entries) {
  const pairs = new Map();
  for (const { word, count, pieces } of entries) {
    for (let i = 0; i + 1 < pieces.length; i += 1) {
      const key = keyOf(pieces[i], pieces[i + 1]);
      let pair = pairs.get(key);
      if (!pair) { pair = { left: pieces[i], right: pieces[i + 1], count: 0, words: [] }; pairs.set(key, pair); }
      pair.count += count;
      const last = pair.words[pair.words.length - 1];
      if (last && last.word === word) last.times += count;
      else pair.words.push({ word, times: count });
    }
  }
  // Array.prototype.sort is stable: equal counts keep the order in which they were first met.
  return [...pairs.values()].sort((a, b) => b.count - a.count);
}

// The pieces after one merge: every left-then-right neighbour pair, read from the left, becomes
// one symbol ("a a a" with a + a gives "aa a").
export function mergePieces(pieces, left, right) {
  const out = [];
  for (let i = 0; i < pieces.length; i += 1) {
    if (i + 1 < pieces.length && pieces[i] === left && pieces[i + 1] === right) {
      out.push(left + right);
      i += 1;
    } else out.push(pieces[i]);
  }
  return out;
}

// Learns up to `maxMerges` merges from [{ word, count }]. Returns
//   start     the starting vocabulary: every character of the corpus, in order of first appearance
//   merges    [{ left, right, token, count, tied, words }]: each merge's pair, its count when it
//             was chosen, how many other pairs had that same count (chosen by first appearance),
//             and the words the count came from
//   entries   the corpus after the merges: [{ word, count, pieces }]
//   next      the pair counts the next merge would choose from (empty when every word is whole)
export function learnMerges(wordCounts, maxMerges) {
  let entries = wordCounts.map(({ word, count }) => ({ word, count, pieces: symbolsOf(word) }));
  const start = [];
  const seen = new Set();
  for (const { pieces } of entries) for (const s of pieces) if (!seen.has(s)) { seen.add(s); start.push(s); }
  const merges = [];
  let next = pairCounts(entries);
  while (merges.length < maxMerges && next.length) {
    const best = next[0];
    const tied = next.filter((p) => p.count === best.count).length - 1;
    merges.push({ left: best.left, right: best.right, token: best.left + best.right, count: best.count, tied, words: best.words });
    entries = entries.map((e) => ({ ...e, pieces: mergePieces(e.pieces, best.left, best.right) }));
    next = pairCounts(entries);
  }
  return { start, merges, entries, next };
}

// The vocabulary after the merges: the starting characters, then each merged token in the order it
// was made. Two merges can make the same string (a+bc and ab+c), so it is listed once.
export function vocabularyOf({ start, merges }) {
  return [...new Set([...start, ...merges.map((m) => m.token)])];
}

// A new word split as a trained tokeniser splits it: its characters, then every learned merge
// applied in the order it was learned. Returns the pieces and which of them are outside the
// vocabulary (characters the corpus never held).
export function splitWord(word, learned) {
  let pieces = symbolsOf(word);
  for (const { left, right } of learned.merges) pieces = mergePieces(pieces, left, right);
  const known = new Set(vocabularyOf(learned));
  return pieces.map((piece) => ({ piece, known: known.has(piece) }));
}

// How many symbols the whole corpus is written with (each word's pieces × its count).
export function corpusLength(entries) {
  return entries.reduce((sum, { count, pieces }) => sum + count * pieces.length, 0);
}

// The byte-pair encoding the bpe-merges widget draws (web/widgets/bpe-merges/merges.js), against
// counts worked out by hand: pair counts weighted by word counts, the most frequent pair merged,
// ties to the pair met first, merges never crossing a word, new words split by the merges in the
// order learned, and odd characters kept whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusLength, countWords, learnMerges, mergePieces, pairCounts, splitWord, symbolsOf, vocabularyOf } from '../../web/widgets/bpe-merges/merges.js';

const pieces = (learned, word) => splitWord(word, learned).map((p) => p.piece);

test('words are counted in order of first appearance', () => {
  assert.deepEqual(countWords(['b', 'a', 'b', 'c', 'b']), [{ word: 'b', count: 3 }, { word: 'a', count: 1 }, { word: 'c', count: 1 }]);
  assert.deepEqual(countWords([]), []);
});

test('pair counts weight each word by how often it occurs', () => {
  // tea ×3, ten ×2, net ×1: t+e 3 + 2 = 5, e+a 3, e+n 2, n+e 1, e+t 1.
  const entries = countWords(['tea', 'tea', 'tea', 'ten', 'ten', 'net']).map((w) => ({ ...w, pieces: symbolsOf(w.word) }));
  const counts = pairCounts(entries).map((p) => [`${p.left}${p.right}`, p.count]);
  assert.deepEqual(counts, [['te', 5], ['ea', 3], ['en', 2], ['ne', 1], ['et', 1]]);
  assert.deepEqual(pairCounts(entries)[0].words, [{ word: 'tea', times: 3 }, { word: 'ten', times: 2 }]);
  // A pair twice in one word counts twice: "aaa" ×2 holds a+a twice, so 4.
  assert.deepEqual(pairCounts([{ word: 'aaa', count: 2, pieces: ['a', 'a', 'a'] }]).map((p) => [p.count, p.words]), [[4, [{ word: 'aaa', times: 4 }]]]);
});

test('a merge joins every left-then-right neighbour, read from the left', () => {
  assert.deepEqual(mergePieces(['a', 'a', 'a'], 'a', 'a'), ['aa', 'a']);
  assert.deepEqual(mergePieces(['a', 'a', 'a', 'a'], 'a', 'a'), ['aa', 'aa']);
  assert.deepEqual(mergePieces(['n', 'e', 't'], 'e', 'n'), ['n', 'e', 't'], 'the pair is ordered: e + n is not n + e');
});

test('learning: the most frequent pair first, ties to the pair met first, the vocabulary one token per merge', () => {
  const learned = learnMerges(countWords(['tea', 'tea', 'tea', 'ten', 'ten', 'net']), 10);
  assert.deepEqual(learned.start, ['t', 'e', 'a', 'n']);
  // Merge 1: t+e (5). Then tea = te·a ×3, ten = te·n ×2, net = n·e·t: te+a 3, te+n 2, n+e 1, e+t 1.
  // Merge 2: te+a (3); merge 3: te+n (2); merge 4: n+e (1, tied with e+t, met first); merge 5: ne+t.
  assert.deepEqual(learned.merges.map((m) => [m.token, m.count, m.tied]), [['te', 5, 0], ['tea', 3, 0], ['ten', 2, 0], ['ne', 1, 1], ['net', 1, 0]]);
  assert.deepEqual(learned.next, [], 'every word is one token: nothing left to merge');
  assert.deepEqual(vocabularyOf(learned), ['t', 'e', 'a', 'n', 'te', 'tea', 'ten', 'ne', 'net']);
  assert.equal(corpusLength(learned.entries), 6, 'six words, one token each');
  assert.equal(learnMerges(countWords(['tea']), 0).merges.length, 0);
  assert.equal(corpusLength(learnMerges(countWords(['tea', 'tea']), 0).entries), 6);
});

test('merges never cross a word boundary', () => {
  // "ab ab": the corpus has no b+a pair, because a and b sit in different words across the space.
  const learned = learnMerges(countWords(['ab', 'ab']), 5);
  assert.deepEqual(learned.merges.map((m) => m.token), ['ab']);
});

test('a new word is split by the merges in the order learned, not by the longest piece', () => {
  // Learned e+r first, then h+e: "her" → h er (merge 1 takes the e), never he r.
  const learned = { start: ['h', 'e', 'r'], merges: [{ left: 'e', right: 'r', token: 'er' }, { left: 'h', right: 'e', token: 'he' }] };
  assert.deepEqual(pieces(learned, 'her'), ['h', 'er']);
  const swapped = { start: ['h', 'e', 'r'], merges: [learned.merges[1], learned.merges[0]] };
  assert.deepEqual(pieces(swapped, 'her'), ['he', 'r']);
  // A character the corpus never held is kept and marked unknown.
  assert.deepEqual(splitWord('herd', learned), [{ piece: 'h', known: true }, { piece: 'er', known: true }, { piece: 'd', known: false }]);
  assert.deepEqual(splitWord('', learned), []);
});

test('odd characters: an emoji is one symbol, an accent typed as two characters is one, long words stay quick', () => {
  assert.deepEqual(symbolsOf('a🙂b'), ['a', '🙂', 'b']);
  assert.deepEqual(symbolsOf('cafe\u0301'), ['c', 'a', 'f', 'é']);
  assert.deepEqual(countWords(['café', 'cafe\u0301']), [{ word: 'café', count: 2 }]);
  const learned = learnMerges(countWords(['🙂🙂', '🙂🙂']), 3);
  assert.deepEqual(learned.merges.map((m) => [m.token, m.count]), [['🙂🙂', 2]]);
  // 400 letters of one word, 60 merges: the pairs of "aaaa…" double up, a piece of 2, 4, 8… letters.
  const long = learnMerges(countWords(['a'.repeat(400)]), 60);
  assert.deepEqual(long.merges.slice(0, 3).map((m) => [m.token.length, m.count]), [[2, 399], [4, 199], [8, 99]]);
  assert.ok(long.merges.length <= 60);
});

// Every word the bpe-merges widget shows a learner (English). Numbers arrive formatted or are
// formatted by the message function (web/lib/messages.js, web/lib/format.js); another language
// adds the same keys with addMessages (web/lib/messages.js).
import { countOf, formatNumber } from '../../lib/format.js';

// "slower 4, slow 3, now 3 and 3 more words": where a pair's count comes from, the words that add
// most first (in corpus order among equals).
const fromWords = (words = [], shown = 3) => {
  const listed = [...words].sort((a, b) => b.times - a.times).slice(0, shown).map(({ word, times }) => `${word} ${formatNumber(times, 0)}`);
  const rest = words.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${countOf(rest, 'more word')}` : listed.join(', ');
};

export const messages = {
  'bpe-merges.title': 'Byte-pair encoding, one merge at a time',
  'bpe-merges.hint': 'Press Merge: the pair of neighbouring pieces seen most often in the corpus becomes one new token. Type your own corpus, or a word to split with the merges learned so far.',
  'bpe-merges.corpusBox': 'Corpus: the text the merges are learned from',
  'bpe-merges.wordBox': 'A new word to split with the merges learned so far',
  'bpe-merges.cut': 'Only the first {max} characters are used (the text is {length} characters long).',
  'bpe-merges.words.title': 'The corpus in pieces: each different word once, with how often it occurs',
  'bpe-merges.words': 'Words of the corpus and their pieces',
  'bpe-merges.word': ({ word, count, pieces }) => `${word}, ${countOf(count, 'time')}: ${pieces}`,
  'bpe-merges.times': '×{count}',
  'bpe-merges.moreWords': ({ count }) => `and ${countOf(count, 'more word')}, left out here but counted.`,
  'bpe-merges.pairs.title': 'Neighbouring pairs and how often they occur',
  'bpe-merges.pairs.caption': ({ shown, total }) => `The ${shown === total ? '' : `${formatNumber(shown, 0)} most frequent of the `}${countOf(total, 'different pair')}; each word adds a pair as many times as the word occurs. The first row, in bold, is the next merge; a tie goes to the pair met first in the corpus.`,
  'bpe-merges.col.pair': 'pair',
  'bpe-merges.col.count': 'count',
  'bpe-merges.col.from': 'from the words',
  'bpe-merges.pair': '{left} + {right}',
  'bpe-merges.from': ({ words }) => fromWords(words),
  'bpe-merges.noPairs': 'No pairs left: every word is a single token.',
  'bpe-merges.merges.title': 'Merges learned, in order',
  'bpe-merges.merges': 'The merges learned so far, in the order they were made',
  'bpe-merges.merge': ({ left, right, token, count }) => `${left} + ${right} → ${token} (seen ${countOf(count, 'time')})`,
  'bpe-merges.noMerges': 'None yet: every word is still written with its characters.',
  'bpe-merges.vocab.title': 'The vocabulary: the characters, then one token per merge',
  'bpe-merges.vocab': 'Tokens of the vocabulary',
  'bpe-merges.split.title': 'The new word, split by applying the merges in order',
  'bpe-merges.split': 'Pieces of the new word',
  'bpe-merges.piece.char': 'character',
  'bpe-merges.piece.merge': 'merge {n}',
  'bpe-merges.piece.unknown': 'unknown',
  'bpe-merges.piece.unknown.title': '“{piece}” never occurs in the corpus, so no token stands for it',
  'bpe-merges.noWord': 'Type a word above: only letters, digits and apostrophes make words.',
  'bpe-merges.button.merge': 'Merge the top pair',
  'bpe-merges.button.undo': 'Undo the last merge',
  'bpe-merges.button.reset': 'Back to characters',
  'bpe-merges.button.example': 'Back to the example corpus',
  'bpe-merges.stat.merges': 'merges',
  'bpe-merges.stat.vocab': 'vocabulary',
  'bpe-merges.stat.corpus': 'corpus in tokens',
  'bpe-merges.stat.split': 'new word in tokens',
  'bpe-merges.corpusOf': '{tokens} of {characters} characters',
  'bpe-merges.empty': 'The corpus has no words yet: type some text to learn merges from.',
  'bpe-merges.start': ({ vocab, left, right, count, words }) => `Every word is still its characters: ${countOf(vocab, 'starting token')}. The most frequent pair, ${left} + ${right}, occurs ${countOf(count, 'time')} (${fromWords(words)}): press Merge the top pair to make it one token.`,
  'bpe-merges.merged': ({ n, left, right, token, count, words, tied, vocab }) => `Merge ${formatNumber(n, 0)}: ${left} + ${right} occurs ${countOf(count, 'time')} (${fromWords(words)}), ${tied ? `tied with ${countOf(tied, 'other pair')} but met first in the corpus` : 'more than any other pair'}, so “${token}” becomes token ${formatNumber(vocab, 0)} of the vocabulary.`,
  'bpe-merges.done': ({ n }) => `No pair is left after ${countOf(n, 'merge')}: every word of the corpus is now a single token.`,
  'bpe-merges.nothing': 'Every word of the corpus is a single character: there is no pair to merge.',
  'bpe-merges.limit': ({ n }) => `This widget stops at ${countOf(n, 'merge')}; a real tokeniser makes tens of thousands.`,
};

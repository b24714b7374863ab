// Every word the tokens-to-ids widget shows a learner (English); the corpus sentences come from
// web/lib/text-examples.js. Numbers arrive formatted (web/lib/format.js); another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'tokens-to-ids.title': 'Tokens to ids to a vector',
  'tokens-to-ids.hint': 'Type anything in the box. Each word becomes a token with an id from the vocabulary; the whole text becomes one vector of word counts.',
  'tokens-to-ids.textBox': 'Your text',
  'tokens-to-ids.example': 'Back to the example text',
  'tokens-to-ids.tokens.title': 'Tokens and their ids',
  'tokens-to-ids.tokens': 'Tokens with their vocabulary ids',
  'tokens-to-ids.vector.title': 'The text as a vector: one bar per vocabulary id',
  'tokens-to-ids.plot': 'Bag-of-words vector',
  'tokens-to-ids.legend': 'Bar j is the value for vocabulary id j; ids 1, 2, … go to the corpus words from most to least frequent, id 0 (orange) counts unknown words. Words in your text are labelled.',
  'tokens-to-ids.corpus': 'The corpus and its vocabulary',
  'tokens-to-ids.vocab.unknown': '{token} ({count} left out)',
  'tokens-to-ids.vocab.word': '{token} ({count}×)',
  'tokens-to-ids.select.weighting': 'bar height',
  'tokens-to-ids.weighting.counts': 'word counts',
  'tokens-to-ids.weighting.binary': 'present (0 / 1)',
  'tokens-to-ids.weighting.tfidf': 'tf-idf weights',
  'tokens-to-ids.clean': 'clean the text first',
  'tokens-to-ids.stem': 'cut word endings (stem)',
  'tokens-to-ids.steps': ({ clean, tags, code, entities, unknownEntities, unicode, stem }) => [
    clean ? `Cleaned before cutting: ${code ? `${countOf(code, 'script or style element')} dropped with the code inside, ` : ''}${tags ? `${countOf(tags, 'markup tag')} dropped` : `no ${code ? 'other ' : ''}markup tags`}, ${entities ? `${countOf(entities, 'character entity', 'character entities')} decoded, ` : ''}${unknownEntities ? `${countOf(unknownEntities, 'entity', 'entities')} with a name it does not know left as text, ` : ''}${unicode ? 'Unicode forms turned into plain letters' : 'no Unicode forms to change'}, all letters lower-cased.` : '',
    stem ? 'Each token is cut to its stem by rules (-s, -es, -ies, -ing, -ed), and so is every corpus word: the ids are ids of stems.' : '',
  ].filter(Boolean).join(' '),
  'tokens-to-ids.slider.minCount': 'minimum corpus count',
  'tokens-to-ids.stat.tokens': 'tokens',
  'tokens-to-ids.stat.unknown': 'unknown',
  'tokens-to-ids.stat.size': 'vector length |V|',
  'tokens-to-ids.stat.nonzero': 'non-zero entries',
  'tokens-to-ids.nonzeroOf': '{nonzero} of {total}',
  'tokens-to-ids.cut': 'Only the first {max} characters are turned into tokens (the text is {length} characters long).',
  'tokens-to-ids.chip.unknown': '<unk> 0',
  'tokens-to-ids.chip.unknown.title': '“{word}” is not in the vocabulary: id 0, <unk>, the id every unknown word shares',
  'tokens-to-ids.chip.id': 'id {id}',
  'tokens-to-ids.chip.id.title': '“{word}” has id {id}',
  'tokens-to-ids.noWords': 'No words yet: only letters, digits and apostrophes make words.',
  'tokens-to-ids.noWords.cleaned': 'Nothing is left after cleaning: the text was all markup.',
  'tokens-to-ids.noWords.cleanedRest': 'No words were left after cleaning: the markup is gone, and the characters that remain make no tokens (only letters, digits and apostrophes make words).',
  'tokens-to-ids.empty': 'The text has no words, so its vector is all zeros.',
  'tokens-to-ids.allUnknown': ({ words, only }) => `${words === 1
    ? `The only word, “${only}”, is not in the vocabulary, so it gets`
    : `None of the ${countOf(words, 'word')} is in the vocabulary, so each gets`} id 0, <unk> (“unknown word”): the vector is a single bar at id 0. A model would learn nothing from this text.`,
  'tokens-to-ids.summary': ({ tokens, unknown, entries, nonzero, share, mostlyZero, tfidf }) => `${countOf(tokens, 'token')}${unknown ? `, ${unknown} of them unknown (id 0, <unk>)` : ', all in the vocabulary'}. The vector has ${countOf(entries, 'entry', 'entries')}, ${mostlyZero
    ? `only ${nonzero} non-zero (${share}%): bag-of-words vectors are mostly zeros, and word order is gone.`
    : `${nonzero} of them non-zero (${share}%): not mostly zeros, because this vocabulary is tiny; over a real one of thousands of words nearly every entry is zero. Word order is gone either way.`}${tfidf ? ' With tf-idf, words that appear in many corpus sentences (like “the”) get smaller bars, and the vector has length 1.' : ''}`,
  'tokens-to-ids.figure': 'Bag-of-words vector of {entries} entries, {nonzero} non-zero',
  'tokens-to-ids.axis.x': 'vocabulary id',
  'tokens-to-ids.axis.y.counts': 'count',
  'tokens-to-ids.axis.y.binary': 'present',
  'tokens-to-ids.axis.y.tfidf': 'tf-idf',
};

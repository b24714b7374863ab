// The sorting games' pass mark (web/lib/quiz.js): a round completes the game only when its score
// reaches the share the round-over verdict calls strong, and the message says what completes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dealRound, passMark, PASS_SHARE } from '../../web/lib/quiz.js';
import { seededShuffle } from '../../web/lib/rng.js';
import { messageFunction } from '../../web/lib/messages.js';

test('the pass mark is the fewest right answers whose share reaches the verdict\'s "strong" 75 %', () => {
  assert.equal(PASS_SHARE, 0.75);
  assert.equal(passMark(12), 9);
  assert.equal(passMark(11), 9);
  assert.equal(passMark(4), 3);
  assert.equal(passMark(5), 4);
  const t = messageFunction('en');
  // Every round size the quiz schemas allow (4 … 16) and ai-hierarchy's (4 … 11): exactly at the
  // mark the verdict is strong, one below it is not.
  for (let n = 4; n <= 16; n++) {
    assert.ok(passMark(n) / n >= PASS_SHARE && (passMark(n) - 1) / n < PASS_SHARE, `${n} cards`);
    for (const chance of [1 / 2, 1 / 4]) {
      assert.equal(t('quiz.verdict', { share: passMark(n) / n, chance }), passMark(n) === n ? 'A perfect round!' : 'Strong instincts.');
      assert.notEqual(t('quiz.verdict', { share: (passMark(n) - 1) / n, chance }), 'Strong instincts.');
    }
  }
});

// The verdict is measured from chance: "Good start" needs at least halfway from guessing to all
// right. In a two-choice game ("Rules or learn?") one key pressed throughout gets about half, so
// every round below the pass mark is "Worth another round", never a start; with four choices
// ("Which kind of learning?", guessing gets a quarter) the start begins at 62.5 %.
test('the round-over verdict never praises a score near what one key pressed throughout gets', () => {
  const t = messageFunction('en');
  const START = 'Good start: reread the reasons for the ones you missed, listed in this card.';
  const AGAIN = 'Worth another round: the reasons for the ones you missed, listed in this card, show the pattern.';
  // Two choices: 6, 7 and 8 of 12 (one key gets 6 to 8 of a 12-card round of the 16-card deck).
  for (const right of [6, 7, 8]) assert.equal(t('quiz.verdict', { share: right / 12, chance: 1 / 2 }), AGAIN, `${right} of 12, two choices`);
  assert.equal(t('quiz.verdict', { share: 0.7499, chance: 1 / 2 }), AGAIN);
  assert.equal(t('quiz.verdict', { share: 0.75, chance: 1 / 2 }), 'Strong instincts.');
  // Four choices: the start at exactly 62.5 %, not just below it.
  assert.equal(t('quiz.verdict', { share: 0.625, chance: 1 / 4 }), START);
  assert.equal(t('quiz.verdict', { share: 0.6249, chance: 1 / 4 }), AGAIN);
  assert.equal(t('quiz.verdict', { share: 8 / 12, chance: 1 / 4 }), START);
  assert.equal(t('quiz.verdict', { share: 7 / 12, chance: 1 / 4 }), AGAIN);
  assert.equal(t('quiz.verdict', { share: 4 / 12, chance: 1 / 4 }), AGAIN, 'one key in "Which kind of learning?" gets at most 4 of 12');
});

test('the round-over message says whether the round completes the game, and what would', () => {
  const t = messageFunction('en');
  const over = (score, passed) => t('quiz.over', { score, total: '12', need: '9', passed, verdict: t('quiz.verdict', { share: Number(score) / 12, chance: 1 / 4 }) });
  assert.equal(over('9', true), 'Round over: 9 of 12 correct. Strong instincts. That completes this game. Play again for a fresh shuffle.');
  assert.equal(over('8', false), 'Round over: 8 of 12 correct. Good start: reread the reasons for the ones you missed, listed in this card. 9 or more correct completes this game: press Play again to try a fresh shuffle.');
  assert.equal(over('3', false), 'Round over: 3 of 12 correct. Worth another round: the reasons for the ones you missed, listed in this card, show the pattern. 9 or more correct completes this game: press Play again to try a fresh shuffle.');
});

// Audit 11 (G1): rounds were dealt as the shuffled deck's first cards, so a short round could be mostly
// one answer (4 cards of "Rules or learn?" at seed 1 held 3 "rules": one key passed). dealRound keeps
// the answers as even as the size allows, so one key pressed throughout stays below the pass mark at
// every size and seed; a round of the whole deck is the shuffle itself.
test('a round is dealt with its answers even, so one key pressed throughout stays below the pass mark at every size', () => {
  const deckOf = (answers, each) => answers.flatMap((a) => Array.from({ length: each }, (_, i) => ({ id: `${a}${i}`, answer: a })));
  // The decks of "Rules or learn?" (8 + 8), "Which kind of learning?" (4 × 4) and "Spot the job" (7 + 7).
  for (const deck of [deckOf(['rules', 'learn'], 8), deckOf(['sup', 'uns', 'rl', 'self'], 4), deckOf(['regression', 'classification'], 7)]) {
    const kinds = new Set(deck.map((c) => c.answer)).size;
    for (let seed = 1; seed <= 200; seed++) {
      assert.deepEqual(dealRound(deck, seed, deck.length), seededShuffle(deck, seed));
      for (let size = 2; size < deck.length; size++) {
        const round = dealRound(deck, seed, size);
        assert.equal(new Set(round).size, size, `${size} different cards`);
        const most = Math.max(...[...new Set(deck.map((c) => c.answer))].map((a) => round.filter((c) => c.answer === a).length));
        assert.equal(most, Math.ceil(size / kinds), `seed ${seed}, ${size} cards`);
        assert.ok(most < passMark(size), `seed ${seed}, ${size} cards: one key scores ${most}`);
        // The round keeps the shuffled order.
        const order = seededShuffle(deck, seed);
        assert.deepEqual(round, order.filter((c) => round.includes(c)));
      }
    }
  }
});

// The sorting games' pass mark (web/lib/quiz.js): a round completes the game only when its score
// reaches the share the round-over verdict calls strong, and the message says what completes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passMark, PASS_SHARE } from '../../web/lib/quiz.js';
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
    assert.equal(t('quiz.verdict', { share: passMark(n) / n }), passMark(n) === n ? 'A perfect round!' : 'Strong instincts.');
    assert.notEqual(t('quiz.verdict', { share: (passMark(n) - 1) / n }), 'Strong instincts.');
  }
});

test('the round-over message says whether the round completes the game, and what would', () => {
  const t = messageFunction('en');
  const over = (score, passed) => t('quiz.over', { score, total: '12', need: '9', passed, verdict: t('quiz.verdict', { share: Number(score) / 12 }) });
  assert.equal(over('9', true), 'Round over: 9 of 12 correct. Strong instincts. That completes this game. Play again for a fresh shuffle.');
  assert.equal(over('8', false), 'Round over: 8 of 12 correct. Good start: reread the reasons for the ones you missed. 9 or more correct completes this game: press Play again to try a fresh shuffle.');
  assert.equal(over('3', false), 'Round over: 3 of 12 correct. Worth another round: the reasons above show the pattern. 9 or more correct completes this game: press Play again to try a fresh shuffle.');
});

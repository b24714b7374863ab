// web/js/progress.js recordActivity, run without a browser (no window: it keeps the records in
// memory). A best is a count out of its own max, so a report out of another max is never compared
// with it as a count: "best 78 of 4" (a win on 80 points, then one on 4 imported points) cannot be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lessonState, recordActivity, recordSeenFirst, resetProgress, sanitizeLesson } from '../../web/js/progress.js';

const LESSON = 'node-progress-test';
const saved = (name) => lessonState(LESSON).activities[name];

test('a best out of another max is never kept beside this max: the higher share stands', () => {
  resetProgress();
  recordActivity(LESSON, { widget: 'draw-boundary', title: 'Draw the boundary', score: 77, max: 80 }, true);
  recordActivity(LESSON, { widget: 'draw-boundary', title: 'Draw the boundary', score: 78, max: 80 }, false);
  assert.deepEqual(saved('draw-boundary'), { title: 'Draw the boundary', score: 78, max: 80, best: 78, complete: true });
  // 4 of 4 is a higher share than 78 of 80: it replaces the record as a whole, never "best 78 of 4".
  recordActivity(LESSON, { widget: 'draw-boundary', title: 'Draw the boundary', score: 4, max: 4 }, true);
  assert.deepEqual(saved('draw-boundary'), { title: 'Draw the boundary', score: 4, max: 4, best: 4, complete: true });
  // 70 of 80 is a lower share than 4 of 4: the record keeps 4 of 4.
  recordActivity(LESSON, { widget: 'draw-boundary', title: 'Draw the boundary', score: 70, max: 80 }, false);
  assert.deepEqual(saved('draw-boundary'), { title: 'Draw the boundary', score: 4, max: 4, best: 4, complete: true });
  const a = saved('draw-boundary');
  assert.ok(a.best <= a.max, `best ${a.best} of ${a.max}`);
});

test('a lower share out of a larger max keeps the earlier record', () => {
  resetProgress();
  recordActivity(LESSON, { widget: 'g', title: 'G', score: 9, max: 10 }, true);
  recordActivity(LESSON, { widget: 'g', title: 'G', score: 50, max: 100 }, false);
  assert.deepEqual(saved('g'), { title: 'G', score: 9, max: 10, best: 9, complete: true });
});

test('the same max keeps the highest score, as before; a first-try check keeps its first', () => {
  resetProgress();
  recordActivity(LESSON, { widget: 'h', title: 'H', score: 40, max: 100 }, false);
  recordActivity(LESSON, { widget: 'h', title: 'H', score: 30, max: 100 }, false);
  assert.deepEqual(saved('h'), { title: 'H', score: 30, max: 100, best: 40, complete: false });
  recordActivity(LESSON, { widget: 'p', title: 'P', score: 0, max: 1, firstTry: true }, false);
  recordActivity(LESSON, { widget: 'p', title: 'P', score: 1, max: 1, firstTry: true }, true);
  assert.deepEqual(saved('p'), { title: 'P', score: 1, max: 1, best: 0, complete: true });
  resetProgress();
});

// Progress edited by hand or damaged in storage (audit 6): nothing shown or counted may come from
// a value no report could have written. A non-boolean `complete` never ticks; a title that is not
// text, a max that is not a whole count, a best or score outside 0…max are dropped when read
// (lessonState reads every record through sanitizeLesson; the browser test edits localStorage).
test('a malformed saved record is read without what is malformed', () => {
  const s = sanitizeLesson({ complete: 'no', activities: {
    'check-yourself': { best: 2.5, max: 1e308, complete: true, title: { a: 1 } },
    'fit-line': { best: 1e21, max: 0.30000000000000004, complete: 'yes' },
    'ml-badge': { best: -3, max: 22, score: 30 },
    good: { title: 'Good', best: 3, max: 4, score: 2, complete: true, answers: [true, 'no'] },
    junk: 'text',
    list: [1, 2],
  } });
  assert.equal(s.complete, false);
  assert.deepEqual(s.activities, {
    'check-yourself': { complete: true },
    'fit-line': { complete: false },
    'ml-badge': { max: 22, complete: false },
    good: { title: 'Good', score: 2, max: 4, best: 3, complete: true, answers: [true, null] },
  });
  assert.deepEqual(sanitizeLesson({ complete: 1, activities: [] }), { complete: false, activities: {} });
  assert.deepEqual(sanitizeLesson('text'), { complete: false, activities: {} });
  assert.deepEqual(sanitizeLesson({ complete: true, activities: { a: { complete: true, best: 3, max: 3 } } }), { complete: true, activities: { a: { max: 3, best: 3, complete: true } } });
  // a report whose title is not text keeps the activity's own name
  resetProgress();
  recordActivity(LESSON, { widget: 'q', title: { a: 1 }, score: 1, max: 2 }, false);
  assert.equal(saved('q').title, 'q');
  resetProgress();
});

// A predict box whose outcome was on screen before any prediction ('dw:seen-first', audit 11 G2):
// the record says only that, with no score and not complete, so nothing counts it as done; a first
// prediction recorded earlier is never replaced by it; reset clears it like any record.
test('an outcome seen before any prediction is kept as a mark that claims nothing more', () => {
  resetProgress();
  recordSeenFirst(LESSON, { widget: 'predict:k', title: 'Predict: k' });
  assert.deepEqual(saved('predict:k'), { title: 'Predict: k', complete: false, seenFirst: true });
  assert.equal(lessonState(LESSON).complete, false);
  // A recorded result stands: the mark never replaces a first prediction (held or not).
  recordActivity(LESSON, { widget: 'predict:m', title: 'Predict: m', score: 0, max: 1, firstTry: true }, true);
  recordSeenFirst(LESSON, { widget: 'predict:m', title: 'Predict: m' });
  assert.deepEqual(saved('predict:m'), { title: 'Predict: m', score: 0, max: 1, best: 0, complete: true });
  // Read back from storage: the mark survives only on a record with no result and not complete.
  assert.deepEqual(sanitizeLesson({ activities: {
    a: { title: 'A', complete: false, seenFirst: true },
    b: { title: 'B', score: 1, max: 1, best: 1, complete: true, seenFirst: true },
    c: { title: 'C', complete: false, seenFirst: 'yes' },
  } }).activities, {
    a: { title: 'A', complete: false, seenFirst: true },
    b: { title: 'B', score: 1, max: 1, best: 1, complete: true },
    c: { title: 'C', complete: false },
  });
  resetProgress();
  assert.equal(saved('predict:k'), undefined, 'reset clears the mark');
});

// Check-yourself choice questions give nothing away by their length: "pick the longest choice" must
// not score far above chance. Lengths are of the words the learner sees (plainText: math as it
// reads, Markdown marks dropped), from every lesson's `::: check-yourself` block, parsed as the
// build parses it (scripts/lesson-render.mjs renderCheckYourself: `?` question, `+`/`-` choice
// before " :: ", the explanation after it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readCourse, plainText } from '../../scripts/lesson-render.mjs';

const root = path.resolve(import.meta.dirname, '../..');

function choiceQuestions() {
  const out = [];
  for (const lesson of readCourse(path.join(root, 'lessons')).lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      let item = null;
      for (const raw of block.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('?')) { item = { slug: lesson.slug, question: line.slice(1).trim(), choices: [] }; out.push(item); continue; }
        if (!item || !(line.startsWith('+') || line.startsWith('-'))) continue;
        const [head] = line.slice(1).split(' :: ');
        item.choices.push({ length: plainText(head.trim()).length, right: line[0] === '+' });
      }
    }
  }
  return out.filter((q) => q.choices.length >= 2);
}

// The right choice is longer than every wrong one (a tie for longest gives no cue); and the
// opposite cue, which a rewrite that only shortens right choices could create.
const rightIsUniquelyLongest = (q) => {
  const right = q.choices.find((c) => c.right).length;
  return q.choices.every((c) => c.right || c.length < right);
};
const rightIsUniquelyShortest = (q) => {
  const right = q.choices.find((c) => c.right).length;
  return q.choices.every((c) => c.right || c.length > right);
};

test('the parser finds the course\'s choice questions, each with one right choice', () => {
  const questions = choiceQuestions();
  assert.ok(questions.length >= 150, `${questions.length} choice questions`);
  for (const q of questions) assert.equal(q.choices.filter((c) => c.right).length, 1, `${q.slug}: ${q.question.slice(0, 50)}`);
  // The rule reads lengths as shown: "$\frac{1}{2}$" is short on the page.
  assert.ok(rightIsUniquelyLongest({ choices: [{ length: 5, right: true }, { length: 4, right: false }] }));
  assert.ok(!rightIsUniquelyLongest({ choices: [{ length: 5, right: true }, { length: 5, right: false }] }));
});

test('no lesson with two or more choice questions has its right choice as the only longest (or shortest) in all of them', () => {
  const bySlug = new Map();
  for (const q of choiceQuestions()) bySlug.set(q.slug, [...(bySlug.get(q.slug) || []), q]);
  for (const [cue, rule] of [['longest', rightIsUniquelyLongest], ['shortest', rightIsUniquelyShortest]]) {
    const giveaway = [...bySlug].filter(([, qs]) => qs.length >= 2 && qs.every(rule))
      .map(([slug, qs]) => `${slug} (${qs.length} of ${qs.length})`);
    assert.deepEqual(giveaway, [], `in these lessons "pick the ${cue} choice" answers every choice question`);
  }
});

test('over the course, the right choice is the only longest (or the only shortest) in at most 40 % of choice questions', () => {
  const questions = choiceQuestions();
  const longest = questions.filter(rightIsUniquelyLongest);
  const share = longest.length / questions.length;
  assert.ok(share <= 0.4, `the right choice is the only longest in ${longest.length} of ${questions.length} `
    + `(${(100 * share).toFixed(0)} %); with three choices chance is about 33 %:\n`
    + longest.map((q) => `  ${q.slug}: ${q.question.slice(0, 70)}`).join('\n'));
  const shortest = questions.filter(rightIsUniquelyShortest);
  assert.ok(shortest.length / questions.length <= 0.4, `the right choice is the only shortest in ${shortest.length} of ${questions.length}`);
});

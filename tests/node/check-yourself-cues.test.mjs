// Check-yourself choice questions give nothing away by their length: "pick the longest choice" must
// not score far above chance. Lengths are of the words the learner sees (plainText: math as it
// reads, Markdown marks dropped), from every lesson's `::: check-yourself` block, parsed as the
// build parses it (scripts/lesson-render.mjs renderCheckYourself: `?` question, `+`/`-` choice
// before " :: ", the explanation after it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readCourse } from '../../scripts/lesson-render.mjs';
import { plainText } from '../../scripts/plain-text.mjs';

const root = path.resolve(import.meta.dirname, '../..');

function choiceQuestions() {
  const out = [];
  for (const lesson of readCourse(path.join(root, 'lessons')).lessons) {
    let number = 0; // as the page numbers the questions, typed-number ones included
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      let item = null;
      for (const raw of block.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('?')) { item = { slug: lesson.slug, number: ++number, question: line.slice(1).trim(), choices: [] }; out.push(item); continue; }
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

// Audit 7 (Q item 8): the choices are shown in the order written (the learner's saved first
// answers are per question, right or wrong, so the order can change without touching them), and
// across a level the n-th choice question of lesson after lesson was keyed on the same position
// (Frontier: the second on option 3 and the third on option 4 in four lessons of five; Landscape:
// the first on option 2 in 23 of 32; Advanced: the second on option 3 in 5 of 7; Beginner and
// Intermediate: the second on option 1 in 3 of 4 and 4 of 6). Working through a level, the
// position gave the answer away. Now, in every level, for every n, no position is keyed in more
// than half of the lessons that have an n-th choice question (a question only one lesson has is
// exempt), nor among the lessons whose question n, as the page numbers it, is a choice question;
// and each level's right choices, all questions together, are spread over the positions.

// Counted among the choice questions (the n-th choice question), or by the number the page shows
// (`shown`: question n, a typed-number question at n leaving a gap).
function keyedByLevel({ shown = false } = {}) {
  const course = readCourse(path.join(root, 'lessons'));
  const level = new Map(course.lessons.map((l) => [l.slug, l.level]));
  const levels = new Map(); // level → slug → positions (1-based) of the right choice, in question order
  for (const q of choiceQuestions()) {
    const slugs = levels.get(level.get(q.slug)) || new Map();
    levels.set(level.get(q.slug), slugs);
    const keyed = slugs.get(q.slug) || [];
    if (shown) keyed[q.number - 1] = q.choices.findIndex((c) => c.right) + 1;
    else keyed.push(q.choices.findIndex((c) => c.right) + 1);
    slugs.set(q.slug, keyed);
  }
  return levels;
}

const tally = (positions) => {
  const counts = {};
  for (const p of positions) counts[p] = (counts[p] || 0) + 1;
  return counts;
};

test('in no level is the n-th choice question keyed on the same position in more than half of the lessons', () => {
  const levels = keyedByLevel();
  assert.deepEqual([...levels.keys()].sort(), ['advanced', 'beginner', 'expert', 'foundations', 'frontier', 'intermediate', 'landscape']);
  assert.equal(levels.get('frontier').size, 5);
  const crowded = [];
  const counted = [...levels].map(([l, k]) => [`${l}, choice question`, k]);
  const shown = [...keyedByLevel({ shown: true })].map(([l, k]) => [`${l}, question (as numbered on the page)`, k]);
  for (const [level, keyed] of [...counted, ...shown]) {
    const longest = Math.max(...[...keyed.values()].map((p) => p.length));
    for (let n = 0; n < longest; n++) {
      const positions = [...keyed.values()].map((p) => p[n]).filter(Boolean);
      const counts = tally(positions);
      const most = Math.max(...Object.values(counts));
      if (positions.length >= 2 && most > positions.length / 2) {
        crowded.push(`${level} ${n + 1}: ${JSON.stringify(counts)} over ${positions.length} lessons (`
          + [...keyed].filter(([, p]) => p[n]).map(([slug, p]) => `${slug} ${Array.from(p, (x) => x || 'n').join('-')}`).join(', ') + ')');
      }
    }
  }
  assert.deepEqual(crowded, []);
  // The rule catches the pattern the audit found.
  const audit = [2, 2, 2, 1];
  assert.ok(Math.max(...Object.values(tally(audit))) > audit.length / 2);
});

test('each level\'s right choices, and the course\'s three-choice ones, are spread over the positions', () => {
  for (const [level, keyed] of keyedByLevel()) {
    const positions = [...keyed.values()].flat().filter(Boolean);
    const counts = tally(positions);
    assert.ok(Math.max(...Object.values(counts)) <= positions.length / 2, `${level}: keyed positions ${JSON.stringify(counts)}`);
  }
  const three = choiceQuestions().filter((q) => q.choices.length === 3);
  const counts = tally(three.map((q) => q.choices.findIndex((c) => c.right) + 1));
  for (const p of [1, 2, 3]) {
    const share = (counts[p] || 0) / three.length;
    assert.ok(share >= 0.25 && share <= 0.42, `three-choice questions keyed on ${JSON.stringify(counts)} of ${three.length}`);
  }
});

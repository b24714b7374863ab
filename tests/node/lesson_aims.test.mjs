// Every lesson says what it assumes, what the learner will be able to do after it, and which
// earlier lessons it builds on (front matter assumes / outcomes / requires, issue 16 §3). The
// build refuses a `requires` that names no lesson or a later one, each lesson page shows the
// two lines under its title, and the home page's map draws one arrow per `requires` entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCourse, parseFrontMatter, renderLesson, renderAims, esc, joinWords } from '../../scripts/lesson-render.mjs';
import { renderLessonMap, layoutMap } from '../../scripts/lesson-map.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const lessonsDir = path.join(root, 'lessons');
// Reference and challenge pages: they state only what makes sense for them.
const EXEMPT = new Set(['notation', 'badge']);

const course = readCourse(lessonsDir);
const order = course.lessons.map((l) => l.slug);
// The front matter as written (readCourse turns `requires` into an array).
const raw = Object.fromEntries(order.map((slug) => [slug, parseFrontMatter(fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8'), slug).meta]));

test('every lesson but the notation page and the badge has assumes, outcomes and requires', () => {
  const missing = [];
  for (const slug of order) {
    if (EXEMPT.has(slug)) continue;
    const meta = raw[slug];
    for (const key of ['assumes', 'outcomes']) {
      if (typeof meta[key] !== 'string' || meta[key].trim().length < 10) missing.push(`${slug}: ${key}`);
    }
    if (meta.requires === undefined) missing.push(`${slug}: requires`);
    // One line each: a verb phrase for outcomes, written to follow "You will be able to".
    if (typeof meta.outcomes === 'string' && !/^[a-z]/.test(meta.outcomes)) missing.push(`${slug}: outcomes should start with a lower-case verb ("${meta.outcomes.slice(0, 30)}")`);
  }
  assert.deepEqual(missing, []);
  assert.ok(order.length >= 50, `only ${order.length} lessons found`);
});

test('every required lesson exists and comes earlier in the course; 0–3 each', () => {
  const problems = [];
  for (const [i, slug] of order.entries()) {
    const names = String(raw[slug].requires ?? '').split(/\s+/).filter(Boolean);
    if (names.length > 3) problems.push(`${slug} requires ${names.length} lessons`);
    for (const name of names) {
      const j = order.indexOf(name);
      if (j < 0) problems.push(`${slug} requires unknown "${name}"`);
      else if (j >= i) problems.push(`${slug} requires "${name}", which is not earlier`);
    }
  }
  assert.deepEqual(problems, []);
  // Only the first lessons of a track (and the maths primer, which assumes school algebra) start from nothing.
  const starts = order.filter((s) => !EXEMPT.has(s) && !String(raw[s].requires).trim());
  assert.deepEqual(starts, ['maths-primer', 'ml-foundations', 'vectors-and-matrices']);
});

// A throw-away course directory with two lessons, to see the build refuse bad `requires`.
function tinyCourse(requiresOfSecond) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-aims-'));
  fs.writeFileSync(path.join(dir, 'course.json'), JSON.stringify({ title: 'T', levels: [{ id: 'one', title: 'One', blurb: '' }] }));
  fs.writeFileSync(path.join(dir, 'first.md'), '---\ntitle: First\nlevel: one\norder: 1\nrequires:\n---\nText.\n');
  fs.writeFileSync(path.join(dir, 'second.md'), `---\ntitle: Second\nlevel: one\norder: 2\nrequires: ${requiresOfSecond}\n---\nText.\n`);
  return dir;
}

test('the build refuses an unknown or later lesson in requires, in words', () => {
  assert.equal(readCourse(tinyCourse('first')).lessons[1].requires[0], 'first');
  assert.throws(() => readCourse(tinyCourse('frist')), /second\.md: requires "frist", but there is no lesson of that name \(no lessons\/frist\.md\)/);
  assert.throws(() => readCourse(tinyCourse('second')), /second\.md: requires "second", which is this lesson itself/);
  const later = tinyCourse('');
  fs.writeFileSync(path.join(later, 'first.md'), '---\ntitle: First\nlevel: one\norder: 1\nrequires: second\n---\nText.\n');
  assert.throws(() => readCourse(later), /first\.md: requires "second", but "Second" \(One\) comes after "First" \(One\) in the course\. A lesson may only build on lessons that come before it/);
  assert.throws(() => readCourse(tinyCourse('first first')), /names a lesson twice/);
});

test('every lesson page shows "You need / You will be able to" under its title, linking what it builds on', () => {
  for (const lesson of course.lessons) {
    const meta = raw[lesson.slug];
    const html = renderLesson(lesson, course);
    const box = /<dl class="lesson-aims">([\s\S]*?)<\/dl>/.exec(html);
    if (!meta.assumes && !meta.outcomes) { assert.equal(box, null, lesson.slug); continue; }
    assert.ok(box, `${lesson.slug}: no aims box`);
    // Under the title: after the h1 and before the lesson's text.
    assert.ok(html.indexOf('<h1>') < box.index && box.index < html.indexOf('<div class="course-progress"'), `${lesson.slug}: box not under the title`);
    if (meta.assumes) assert.match(box[1], new RegExp(`<dt>You need</dt><dd>${escapeRe(esc(meta.assumes.replace(/\.$/, '')))}\\.`), lesson.slug);
    if (meta.outcomes) assert.match(box[1], new RegExp(`<dt>You will be able to</dt><dd>${escapeRe(esc(meta.outcomes.replace(/\.$/, '')))}\\.</dd>`), lesson.slug);
    const links = [...box[1].matchAll(/<a href="([a-z0-9-]+)\.html">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links, lesson.requires.map((s) => { const l = course.lessons.find((x) => x.slug === s); return [s, esc(l.title)]; }), lesson.slug);
  }
  // The sentence reads: "A and B" for two, "A, B and C" for three; no "?." after a question title.
  const fit = renderAims(course.lessons.find((l) => l.slug === 'fit-the-line'), course);
  assert.match(fit, /Builds on <a href="how-models-learn\.html">How does a model learn\?<\/a> and <a href="two-jobs\.html">Two jobs<\/a>\.<\/span>/);
  const learn = renderAims(course.lessons.find((l) => l.slug === 'learning-loop'), course);
  assert.match(learn, /Builds on <a href="generalisation\.html">Judged on new data: generalisation and overfitting<\/a>\./);
  assert.doesNotMatch(renderAims(course.lessons.find((l) => l.slug === 'how-models-learn'), course), /\?\./);
});

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

test('the home map: one arrow and one "builds on" link per requires, every lesson once, no inline styles', () => {
  const html = renderLessonMap(course);
  const pairs = course.lessons.flatMap((l) => l.requires.map((r) => `${r}→${l.slug}`));
  assert.equal((html.match(/<path class="map-edge" /g) || []).length, pairs.length);
  // Each lesson's node carries its incoming arrows for highlighting, and says what it builds on.
  assert.equal((html.match(/<path class="map-edge-hi" /g) || []).length, pairs.length);
  assert.equal((html.match(/<g class="map-node" role="listitem">/g) || []).length, course.lessons.length);
  for (const lesson of course.lessons) {
    const titles = lesson.requires.map((s) => course.lessons.find((l) => l.slug === s).title);
    const label = `${lesson.title}${titles.length ? ` — builds on ${joinWords(titles)}` : lesson.startsHere ? ' — a starting point' : ''}`;
    assert.ok(html.includes(`aria-label="${esc(label)}"`), `${lesson.slug}: "${label}"`);
  }
  const list = html.slice(html.indexOf('<div class="map-list">'));
  for (const lesson of course.lessons) {
    const item = new RegExp(`<li><a href="lessons/${lesson.slug}\\.html">[^<]*</a>(.*)</li>`).exec(list);
    assert.ok(item, `${lesson.slug} missing from the list`);
    const linked = [...item[1].matchAll(/href="lessons\/([a-z0-9-]+)\.html"/g)].map((m) => m[1]);
    assert.deepEqual(linked, lesson.requires, lesson.slug);
  }
  // Strict CSP: no style attributes, no <style>, no script in the map.
  assert.doesNotMatch(html, /\sstyle=|<style|<script|\son\w+=/);
});

test('the map layout: boxes inside their level column, in course order, never overlapping', () => {
  const { boxes, width, height } = layoutMap(course);
  const byCol = new Map();
  for (const lesson of course.lessons) {
    const b = boxes.get(lesson.slug);
    assert.ok(b.x >= 0 && b.x + b.w <= width && b.y >= 0 && b.y + b.h <= height, lesson.slug);
    if (!byCol.has(b.col)) byCol.set(b.col, []);
    byCol.get(b.col).push(b);
  }
  for (const column of byCol.values()) {
    for (let i = 1; i < column.length; i += 1) assert.ok(column[i].y >= column[i - 1].y + column[i - 1].h + 10, `${column[i].lesson.slug} overlaps the box above`);
  }
  // Levels left to right in course order.
  assert.deepEqual([...byCol.keys()], [...byCol.keys()].sort((a, b) => a - b));
});

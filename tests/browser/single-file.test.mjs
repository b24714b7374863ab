// The single-file build (dist-single/, made by scripts/build-single.mjs) works when opened from
// file:// — no server, no network: widgets mount, math is typeset, the engine computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, widgetsReady } from './browser.mjs';
import { failBadgeAttempt } from './probes.mjs';
import { pageEngine, readCourse } from '../../scripts/lesson-render.mjs';

const single = path.resolve(import.meta.dirname, '../../dist-single');
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const files = fs.existsSync(single) ? fs.readdirSync(single).filter((f) => f.endsWith('.html')).sort() : [];
test('the single-file build exists, one file per lesson plus the course', () => {
  assert.ok(files.includes('course.html'));
  assert.ok(files.includes('how-models-learn.html'));
  assert.equal(files.length, fs.readdirSync(path.resolve(import.meta.dirname, '../../lessons')).filter((f) => f.endsWith('.md')).length + 1);
});

// Every lesson's file carries the same inlined script as the course file (which is opened below
// and mounts every widget of the course) and the engine module its page needs (the core one
// when its widgets and checks are all core, as the site's page preloads; the course file the
// full one), its own title, and no reference to anything outside itself. Opening all 60 files
// of 3.7 MB each in the browser would test the same bundle 60 times.
const partsOf = (html) => {
  const m = /<script>globalThis\.__DW_WASM_BASE64__ = \{ (core|full): "([A-Za-z0-9+/=]+)" \};<\/script>\s*<script>([\s\S]*)<\/script>/.exec(html);
  return { engine: m[1], wasm: m[2], script: m[3] };
};
test('every lesson file is self-contained and carries the course file\'s script and the engine module it needs', () => {
  const course = partsOf(fs.readFileSync(path.join(single, 'course.html'), 'utf8'));
  assert.equal(course.engine, 'full');
  const lessons = readCourse(path.resolve(import.meta.dirname, '../../lessons')).lessons;
  const engines = new Set();
  for (const file of files.filter((f) => f !== 'course.html')) {
    const html = fs.readFileSync(path.join(single, file), 'utf8');
    const own = partsOf(html);
    assert.equal(own.script, course.script, `${file}: its script differs from the course file's`);
    const lesson = lessons.find((l) => `${l.slug}.html` === file);
    assert.equal(own.engine, pageEngine(lesson) || 'full', `${file}: engine module`);
    if (own.engine === 'full') assert.equal(own.wasm, course.wasm, `${file}: its full module differs from the course file's`);
    else assert.ok(own.wasm.length < course.wasm.length / 3, `${file}: the core module is the small one`);
    engines.add(own.engine);
    assert.match(html, /<title>[^<]+ — Data Workshop<\/title>/, file);
    assert.deepEqual(html.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"|url\((?:["'])?(?:https?:)?\/\/[^)]*\)/g), null, `${file} refers to something outside itself`);
  }
  assert.deepEqual([...engines].sort(), ['core', 'full']);
});

// Opened in the browser: the course (every widget of every lesson) and two lessons with maths,
// data files and engine numbers.
for (const file of files.filter((f) => ['course.html', 'how-models-learn.html', 'digits-cnn.html'].includes(f))) {
  test(`${file} works from file://`, async () => {
    const page = await site.newPage({ width: 1100 });
    // The course file is 10 MiB and starts every widget of the course while it loads: on a busy
    // 2-core machine (the suite runs several files at once) that takes longer than the default 30 s.
    await page.goto(`file://${path.join(single, file)}`, { timeout: 180000 });
    await widgetsReady(page, { timeout: 180000 });
    const outside = page.record.requests.filter((u) => !/^(file|data|blob|about):/.test(u));
    assert.deepEqual(outside, []);
    assert.deepEqual(page.record.errors, []);
    if (file === 'how-models-learn.html') {
      // Math is typeset and KaTeX's (inlined) fonts actually load from data: URLs.
      assert.ok(await page.locator('.katex').count() > 10);
      await page.evaluate(() => document.fonts.ready);
      assert.ok(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')));
      const step = page.getByRole('button', { name: 'Step', exact: true });
      for (let i = 0; i < 5; i++) await step.click();
      assert.equal(await page.locator('.dw-stat[data-stat="loss"] .dw-stat-value').textContent(), '0.0544');
    }
    await page.close();
  });
}

// The audit's case: the badge's "Topics you missed" linked to lessons/<slug>.html, which the flat
// dist-single/ does not have. Each link must open a lesson file beside the badge's.
test('badge.html from file://: the missed topics link to lesson files that exist beside it', async () => {
  const page = await site.newPage({ width: 375 });
  await page.goto(`file://${path.join(single, 'badge.html')}`, { timeout: 180000 });
  await widgetsReady(page, { timeout: 180000 });
  const card = page.locator('.dw-card').filter({ hasText: 'earn the Machine Learning badge' });
  await failBadgeAttempt(card);
  const links = card.locator('.ml-badge-quiz-result a');
  assert.ok(await links.count() > 0, 'topics were missed');
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
    assert.ok(fs.existsSync(new URL(href)), `${href} exists`);
  }
  await links.first().click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /^file:\/\/.*\/dist-single\/[a-z0-9-]+\.html$/);
  assert.equal(await page.locator('main h1').count(), 1, 'the lesson opened');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The audit's case: a dist-single/ built before the current sources or dist/ passed the tests
// above, which compare its files only with one another. Each file must be exactly what
// scripts/build-single.mjs makes now (run `node scripts/build-single.mjs` after the site build).
test('dist-single/ is what scripts/build-single.mjs makes from the current sources and dist/', async () => {
  const { singleFiles } = await import('../../scripts/build-single.mjs');
  const made = [];
  for (const [file, html] of singleFiles()) {
    made.push(file);
    const shipped = fs.readFileSync(path.join(single, file), 'utf8');
    assert.ok(shipped === html, `${file} is stale: run node scripts/build-single.mjs`);
  }
  assert.deepEqual(made.sort(), files);
});

// course.html holds every lesson: each is a lesson scope whose ids are its own (prefixed with the
// slug), carrying the level line and aims of the lesson file, and the contents link to the lesson
// itself, not to a heading of the same name in another one.
test('course.html: each lesson keeps its level line and aims, and ids are unique and resolve inside the lesson', () => {
  const html = fs.readFileSync(path.join(single, 'course.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const ids = [...main.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual([...new Set(repeated)], [], 'no id is repeated');
  const lessons = readCourse(path.resolve(import.meta.dirname, '../../lessons')).lessons;
  const articles = new Map([...main.matchAll(/<article class="prose" id="([a-z0-9-]+)" data-lesson-scope>([\s\S]*?)<\/article>/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual([...articles.keys()], lessons.map((l) => l.slug));
  const metaOf = (text) => /<p class="lesson-meta">[\s\S]*?<\/p>/.exec(text)?.[0];
  const aimsOf = (text) => /<dl class="lesson-aims">[\s\S]*?<\/dl>/.exec(text)?.[0]?.replace(/href="#([a-z0-9-]+)"/g, 'href="$1.html"');
  for (const [slug, text] of articles) {
    const own = fs.readFileSync(path.join(single, `${slug}.html`), 'utf8');
    assert.ok(metaOf(text), `${slug}: level line`);
    assert.equal(metaOf(text), metaOf(own), `${slug}: level line as in ${slug}.html`);
    assert.equal(aimsOf(text), aimsOf(own), `${slug}: aims as in ${slug}.html`);
    assert.match(text, new RegExp(`<div class="lesson-complete" data-lesson="${slug}"`), `${slug}: its progress panel`);
    // Every label, description and name a lesson's elements point at is in the same lesson.
    const own_ids = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, attr, refs] of text.matchAll(/\s(for|aria-describedby|aria-labelledby)="([^"]+)"/g)) {
      for (const ref of refs.split(/\s+/)) assert.ok(own_ids.has(ref), `${slug}: ${attr}="${ref}" is in the lesson`);
    }
  }
  assert.match(main, /<a href="#training-tricks"><strong>Training tricks/);
});

// From file://, course.html records each lesson's activities under that lesson's slug, as the
// lesson's own file does: its check-yourself, its games (the badge challenge), its manual mark;
// its contents tick the finished lessons and offer "Reset progress".
test('course.html from file://: every lesson records under its own slug, with ticks and a reset', async () => {
  const page = await site.newPage({ width: 1280 });
  // Storage of file:// pages outlives a test run in a shared browser: start from none, once.
  await page.addInitScript(() => { if (!sessionStorage.getItem('dw-test-cleared')) { localStorage.clear(); sessionStorage.setItem('dw-test-cleared', '1'); } });
  await page.goto(`file://${path.join(single, 'course.html')}`, { timeout: 180000 });
  await widgetsReady(page, { timeout: 180000 });
  const knn = page.locator('article#knn');
  // The label of knn's first question focuses knn's input, which is described by knn's own rule.
  await knn.locator('.cy-question label').first().click();
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return { lesson: a.closest('article')?.id, description: [...a.getAttribute('aria-describedby').split(' ')].map((id) => document.getElementById(id).textContent).join(' ') };
  });
  assert.equal(focused.lesson, 'knn');
  assert.match(focused.description, /^The answer is a count/, 'knn\'s own rule, not the first lesson\'s');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await knn.locator('.cy-item').first().locator('.cy-feedback').filter({ hasText: /./ }).waitFor();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:knn')));
  assert.deepEqual(saved.activities['check-yourself'].answers, [true, null, null]);
  assert.equal(await page.evaluate(() => localStorage.getItem('dw:lesson:')), null, 'nothing recorded under no lesson');
  assert.match(await knn.locator('.lesson-activities').textContent(), /Check yourself/);
  // A game: one badge attempt, recorded for the badge lesson (as badge.html records it).
  const card = page.locator('article#badge .dw-card').filter({ hasText: 'earn the Machine Learning badge' });
  await failBadgeAttempt(card);
  const badge = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:badge')));
  assert.equal(badge.activities['ml-badge'].max, 22);
  assert.match(await page.locator('article#badge .lesson-complete-status').textContent(), /Only finishing the activity on this page completes this lesson/);
  // A lesson marked complete by hand is ticked in the contents; the sentence names this file.
  const notation = page.locator('article#notation');
  assert.match(await notation.locator('.lesson-complete-status').textContent(), /tick it off in the whole-course file \(course\.html\)/);
  await notation.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await page.locator('.lesson-list [data-lesson="notation"] .lesson-done').waitFor();
  assert.match(await page.locator('.lesson-list [data-lesson="knn"]').textContent(), /Check yourself: 1 of 3 right at the first try \(not finished\)/);
  assert.match(await page.locator('.course-progress-label').first().textContent(), /1 of 71 lessons complete/);
  // The contents link opens the lesson, not a heading of the same name.
  await page.locator('.lesson-list a[href="#training-tricks"]').click();
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.tagName), 'ARTICLE');
  page.on('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.locator('.lesson-list [data-lesson="notation"] .lesson-done').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('dw:lesson:knn')), null);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A lesson file leads on: its lesson order (files beside it) and the whole course; its AI
// timeline's lesson links open files beside it; Share offers no embed code, which cannot work
// from a file, and says its link opens on this computer only.
test('lesson files from file://: lesson order, the course link, timeline links and Share', async () => {
  const page = await site.newPage({ width: 375 });
  await page.goto(`file://${path.join(single, 'history-of-ai.html')}`, { timeout: 180000 });
  await widgetsReady(page, { timeout: 180000 });
  const hrefs = await page.locator('nav.lesson-nav a, a[href="course.html"]').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length >= 2, 'previous/next and the course');
  assert.ok(hrefs.some((h) => h.endsWith('/course.html')));
  for (const href of hrefs) assert.ok(fs.existsSync(new URL(href)), `${href} exists`);
  const card = page.locator('.dw-card').filter({ has: page.locator('.ai-timeline-event') });
  const later = card.getByRole('button', { name: /later/i });
  const seen = new Set();
  for (let i = 0; i < 25; i++) {
    for (const h of await card.locator('.ai-timeline-event-links a').evaluateAll((as) => as.map((a) => a.href))) seen.add(h);
    if (await later.isDisabled()) break;
    await later.click();
  }
  assert.ok(seen.size >= 5, `timeline links seen: ${seen.size}`);
  for (const href of seen) assert.ok(fs.existsSync(new URL(href)), `${href} exists beside the page`);
  assert.deepEqual(page.record.errors, []);

  await page.goto(`file://${path.join(single, 'knn.html')}`, { timeout: 180000 });
  await widgetsReady(page, { timeout: 180000 });
  const share = page.locator('details.dw-share').first();
  await share.locator('summary').click();
  assert.match(await share.locator('.dw-share-intro').textContent(), /only on this computer/);
  assert.equal(await share.locator('textarea').count(), 0, 'no embed code');
  // The panel fills its field on the details' toggle event, a task after the click: wait for it.
  const field = share.locator('input.dw-share-field');
  await field.evaluate((el) => new Promise((resolve) => { const check = () => (el.value ? resolve() : setTimeout(check, 20)); check(); }));
  const link = await field.inputValue();
  // This page's own address (plus the widget's state, when it has any), never built from
  // location.origin, which Firefox gives as "null" on file://.
  const own = `file://${path.join(single, 'knn.html')}`;
  assert.ok(link === own || link.startsWith(`${own}#`), link);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The audit: in course.html a widget's Share link opened the 71-lesson file at its top, the
// restored widget far below. The link starts with the lesson's anchor, so it opens at the lesson
// with the widget restored.
test('course.html from file://: a widget\'s Share link opens at its lesson, the widget restored', async () => {
  const course = `file://${path.join(single, 'course.html')}`;
  const page = await site.newPage({ width: 1280 });
  await page.goto(course, { timeout: 180000 });
  await widgetsReady(page, { timeout: 180000 });
  const card = page.locator('article#fit-the-line .dw-mount[data-widget="fit-line"] .dw-card').first();
  const sliders = card.getByRole('slider');
  for (let i = 0; i < await sliders.count(); i++) { await sliders.nth(i).focus(); await page.keyboard.press('End'); }
  const values = await sliders.evaluateAll((ss) => ss.map((s) => s.value));
  const share = card.locator('details.dw-share');
  await share.locator('summary').click();
  // The panel fills its field on the details' toggle event, a task after the click: wait for it.
  const field = share.locator('input.dw-share-field');
  await field.evaluate((el) => new Promise((resolve) => { const check = () => (el.value ? resolve() : setTimeout(check, 20)); check(); }));
  const link = await field.inputValue();
  assert.match(link, new RegExp(`^${course.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#fit-the-line&fit-line\\.`), link);
  const again = await site.newPage({ width: 1280 });
  await again.goto(link, { timeout: 180000 });
  await widgetsReady(again, { timeout: 180000 });
  const landed = again.locator('article#fit-the-line .dw-mount[data-widget="fit-line"] .dw-card').first();
  assert.deepEqual(await landed.getByRole('slider').evaluateAll((ss) => ss.map((s) => s.value)), values);
  const top = await again.locator('article#fit-the-line').evaluate((a) => a.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `the lesson is at the top of the view (${top} px)`);
  assert.ok(await again.evaluate(() => scrollY) > 1000, 'scrolled down to the lesson');
  assert.deepEqual(page.record.errors, []);
  assert.deepEqual(again.record.errors, []);
  await page.close();
  await again.close();
});

// The single-file build (dist-single/, made by scripts/build-single.mjs) works when opened from
// file:// — no server, no network: widgets mount, math is typeset, the engine computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, widgetsReady } from './browser.mjs';
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
  for (let i = 0; i < 22; i++) {
    const input = card.getByLabel(/Your answer/);
    if (await input.count()) {
      await input.fill('123456');
      await input.press('Enter');
    } else await card.locator('.ml-badge-choice[data-choice="0"]').click();
    await card.getByRole('button', { name: /Next question|See result/ }).click();
  }
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

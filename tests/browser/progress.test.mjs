// Course progress (web/js/progress.js): widget events are recorded per lesson, lessons can be
// marked complete, the home page shows ticks and can reset, and nothing breaks without storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage, openFreshPage } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('a finished game is recorded, a lesson is marked complete, the home page ticks it, reset clears it', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  const total = await page.locator('.course-progress').first().getAttribute('data-lessons');
  const n = total.split(' ').length;
  assert.equal(await page.locator('.course-progress-label').textContent(), `Course progress: 0 of ${n} lessons complete`);
  // The house-table game dispatches dw:complete when the noise column is found.
  await page.locator('.house-table-col-pick', { hasText: 'shoe' }).click();
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Spot the noise column/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:data-features-labels')));
  assert.equal(stored.activities['house-table'].complete, true);
  assert.ok(Object.keys(await page.evaluate(() => ({ ...localStorage }))).every((k) => k.startsWith('dw:')), 'keys are namespaced');
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  assert.equal(await page.locator('.course-progress-label').textContent(), `Course progress: 1 of ${n} lessons complete`);
  assert.equal(await page.locator('.lesson-complete button').getAttribute('aria-pressed'), 'true');

  await page.goto(`${site.base}/index.html`);
  assert.equal(await page.locator('.lesson-done').count(), 1);
  assert.match(await page.locator('li[data-lesson="data-features-labels"]').textContent(), /Completed/);
  await screenshot(page, 'home-progress-1280');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  assert.equal(await page.locator('.lesson-done').count(), 0);
  assert.equal(await page.locator('.course-progress-label').textContent(), `Course progress: 0 of ${n} lessons complete`);
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('works when localStorage is unavailable', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(`${site.base}/lessons/rules-or-learning.html`);
  await widgetsReady(page);
  await page.locator('.dw-quiz-choice').first().click();
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  assert.match(await page.locator('.course-progress-label').textContent(), /^Course progress: 1 of \d+ lessons complete$/);
  assert.match(await page.locator('.lesson-activities').textContent(), /Rules or learn\?/);
  await page.goto(`${site.base}/index.html`);
  assert.ok(await page.getByRole('button', { name: 'Reset progress' }).isVisible());
  await screenshot(page, 'home-375');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A lesson counts as complete once every game and check on its page has reported dw:complete;
// a score alone (an attempt, e.g. a failed one) never completes anything.
test('finishing every activity on a page completes the lesson; an attempt alone does not', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  const expected = (await page.locator('.lesson-complete').getAttribute('data-activities')).split(' ');
  assert.deepEqual(expected, ['house-table', 'build-dataset', 'check-yourself']);
  assert.match(await page.locator('.lesson-complete-status').textContent(), /0 of 3 done/);
  const report = (type, widget, score, max) => page.evaluate(([t, w, s, m]) => {
    const card = document.querySelector(`.dw-mount[data-widget="${w}"] .dw-card`);
    card.dispatchEvent(new CustomEvent(t, { bubbles: true, composed: true, detail: { widget: w, title: w, score: s, max: m } }));
  }, [type, widget, score, max]);
  await report('dw:score', 'house-table', 0, 1);
  await report('dw:score', 'build-dataset', 40, 100);
  let stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:data-features-labels')));
  assert.equal(stored.complete, false);
  assert.equal(stored.activities['build-dataset'].complete, false);
  assert.match(await page.locator('.lesson-activities').textContent(), /• build-dataset — best 40 of 100 \(not finished yet\)/);
  await report('dw:complete', 'house-table', 1, 1);
  assert.match(await page.locator('.lesson-complete-status').textContent(), /1 of 3 done/);
  assert.equal(await page.locator('.lesson-complete button').getAttribute('aria-pressed'), 'false');
  await report('dw:complete', 'build-dataset', 100, 100);
  assert.match(await page.locator('.lesson-complete-status').textContent(), /2 of 3 done/);
  assert.match(await page.locator('.lesson-activities').textContent(), /• Check yourself \(not finished yet\)/);
  await page.evaluate(() => document.querySelector('section[data-check-yourself]').dispatchEvent(new CustomEvent('dw:complete', { bubbles: true, composed: true, detail: { widget: 'check-yourself', title: 'Check yourself', score: 3, max: 4 } })));
  assert.equal(await page.locator('.lesson-complete-status').textContent(), '✓ You have completed this lesson.');
  assert.equal(await page.locator('.lesson-complete button').getAttribute('aria-pressed'), 'true');
  stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:data-features-labels')));
  assert.equal(stored.complete, true);
  // The manual button still undoes it.
  await page.getByRole('button', { name: 'Mark as not complete' }).click();
  assert.equal(await page.locator('.lesson-complete button').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('the home page shows a completed lesson’s check-yourself result beside its tick, 0 right included', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  await page.evaluate(() => {
    localStorage.setItem('dw:lesson:how-models-learn', JSON.stringify({ complete: true, activities: { 'check-yourself': { title: 'Check yourself', score: 4, max: 4, best: 0, complete: true } } }));
    localStorage.setItem('dw:lesson:data-features-labels', JSON.stringify({ complete: false, activities: { 'check-yourself': { title: 'Check yourself', score: 1, max: 3, best: 1, complete: false } } }));
  });
  await page.reload();
  const card = (slug) => page.locator(`.lesson-list li[data-lesson="${slug}"]`);
  assert.equal(await card('how-models-learn').locator('.lesson-done').textContent(), '✓ Completed');
  assert.equal(await card('how-models-learn').locator('.lesson-checks').textContent(), 'Check yourself: 0 of 4 right at the first try');
  assert.equal(await card('data-features-labels').locator('.lesson-done').count(), 0);
  assert.equal(await card('data-features-labels').locator('.lesson-checks').textContent(), 'Check yourself: 1 of 3 right at the first try (not finished)');
  assert.equal(await card('ml-foundations').locator('.lesson-checks').count(), 0, 'nothing is shown for a lesson not started');
  // The tick floats in the card's corner and the title's lines wrap clear of it, at any width (its
  // line boxes, not its block, which runs under the float: large-text.test.mjs checks every card).
  const overlap = () => card('how-models-learn').evaluate((li) => {
    const range = document.createRange();
    range.selectNodeContents(li.querySelector('strong'));
    const b = li.querySelector('.lesson-done').getBoundingClientRect();
    return [...range.getClientRects()].some((a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom);
  });
  assert.equal(await overlap(), false, 'the tick covers the title at 1280 px');
  await page.setViewportSize({ width: 375, height: 800 });
  assert.equal(await overlap(), false, 'the tick covers the title at 375 px');
  await screenshot(page, 'home-checks-375');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1));
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  assert.equal(await page.locator('.lesson-checks').count(), 0, 'reset clears the results too');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// First tries: a report with firstTry: true keeps the first score ever recorded; a report with
// per-question answers keeps each question's first answer (true / false; null = not answered yet).
test('first-try reports never raise the saved best; other reports keep the best of all', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  await page.evaluate(() => localStorage.removeItem('dw:lesson:data-features-labels'));
  const report = (type, detail) => page.evaluate(([t, d]) => {
    document.querySelector('.dw-mount[data-widget="house-table"] .dw-card').dispatchEvent(new CustomEvent(t, { bubbles: true, composed: true, detail: d }));
  }, [type, detail]);
  const saved = async (name) => (await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:data-features-labels')))).activities[name];

  await report('dw:score', { widget: 'predict:x', title: 'Predict x', score: 0, max: 1, firstTry: true });
  await report('dw:score', { widget: 'predict:x', title: 'Predict x', score: 1, max: 1, firstTry: true });
  await report('dw:complete', { widget: 'predict:x', title: 'Predict x', score: 1, max: 1, firstTry: true });
  assert.deepEqual(await saved('predict:x'), { title: 'Predict x', score: 1, max: 1, best: 0, complete: true });
  // Worded as the first try it is (as a check's "right at the first try"), never "best 0 of 1".
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Predict x — first prediction did not hold/);
  assert.doesNotMatch(await page.locator('.lesson-activities').textContent(), /Predict x — best/);
  // Without firstTry a later, better score is the best.
  await report('dw:score', { widget: 'predict:y', title: 'Predict y', score: 0, max: 1 });
  await report('dw:score', { widget: 'predict:y', title: 'Predict y', score: 1, max: 1 });
  assert.equal((await saved('predict:y')).best, 1);

  // Per-question answers: merged first-wins, the best is the count of first answers right.
  await report('dw:score', { widget: 'check-yourself', title: 'Check yourself', score: 0, max: 4, answers: [null, false, null, null] });
  await report('dw:complete', { widget: 'check-yourself', title: 'Check yourself', score: 4, max: 4, answers: [true, true, true, true] });
  let a = await saved('check-yourself');
  assert.deepEqual([a.answers, a.best, a.score, a.complete], [[true, false, true, true], 3, 3, true]);
  await report('dw:complete', { widget: 'check-yourself', title: 'Check yourself', score: 4, max: 4, answers: [true, true, true, true] });
  assert.equal((await saved('check-yourself')).best, 3, 'a later try does not raise it');
  // Anything but true / false reads as not answered; more than 100 entries are no answers at all.
  await report('dw:score', { widget: 'check-other', title: 'Other', score: 1, max: 3, answers: ['yes', 1, true] });
  a = await saved('check-other');
  assert.deepEqual([a.answers, a.best], [[null, null, true], 1]);
  await report('dw:score', { widget: 'check-long', title: 'Long', score: 5, max: 101, answers: new Array(101).fill(true) });
  a = await saved('check-long');
  assert.deepEqual([a.answers, a.best], [undefined, 5]);

  // A learning platform's suspend data (web/js/lms.js → restoreLessonState) carries the answers
  // too, sanitized; the next report merges with them.
  const suspend = await page.evaluate(async (base) => {
    const { restoreLessonState } = await import(`${base}/js/progress.js`);
    const { encodeProgress, decodeProgress } = await import(`${base}/js/lms.js`);
    restoreLessonState('data-features-labels', { complete: false, activities: { 'check-yourself': { title: 'Check yourself', best: 1, max: 4, complete: false, answers: [true, 'no', false, null] } } });
    // The suspend data's round trip keeps them (short form "1-0-").
    const text = encodeProgress({ complete: false, activities: { 'check-yourself': { best: 1, max: 4, complete: false, answers: [true, null, false, null] } } });
    return { text, back: decodeProgress(text).activities['check-yourself'].answers };
  }, site.base);
  assert.deepEqual(JSON.parse(suspend.text).a['check-yourself'], [1, 4, 0, null, '1-0-']);
  assert.deepEqual(suspend.back, [true, null, false, null]);
  a = await saved('check-yourself');
  assert.deepEqual([a.answers, a.best], [[true, null, false, null], 1]);
  await report('dw:complete', { widget: 'check-yourself', title: 'Check yourself', score: 4, max: 4, answers: [true, true, true, true] });
  a = await saved('check-yourself');
  assert.deepEqual([a.answers, a.best, a.complete], [[true, true, false, true], 3, true]);
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Check yourself — 3 of 4 right at the first try/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The badge challenge (front matter `completion: activities`) is complete only when passed: no
// manual button, a mark made by hand under the old rule is undone, and the home page ticks it only
// when its activity is finished.
test('the badge challenge cannot be marked complete by hand; only passing it ticks it', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  const handMarked = { complete: true, activities: {} };
  const passed = { complete: true, activities: { 'ml-badge': { best: 20, max: 22, complete: true, title: 'Challenge' } } };
  await page.evaluate((v) => {
    localStorage.setItem('dw:lesson:badge', JSON.stringify(v));
    localStorage.setItem('dw:lesson:data-features-labels', JSON.stringify(v));
  }, handMarked);
  await page.reload();
  assert.equal(await page.locator('li[data-lesson="badge"] .lesson-done').count(), 0, 'a hand mark does not tick the badge');
  assert.equal(await page.locator('li[data-lesson="data-features-labels"] .lesson-done').count(), 1, 'it still ticks other lessons');

  await page.goto(`${site.base}/lessons/badge.html`);
  await widgetsReady(page);
  assert.equal(await page.getByRole('button', { name: 'Mark this lesson complete' }).count(), 0);
  assert.equal(await page.locator('.lesson-complete-status').textContent(), 'Only finishing the activity on this page completes this lesson (0 of 1 done).');
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:badge')).complete), false, 'the old hand mark is undone');

  await page.evaluate((v) => localStorage.setItem('dw:lesson:badge', JSON.stringify(v)), passed);
  await page.goto(`${site.base}/index.html`);
  assert.equal(await page.locator('li[data-lesson="badge"] .lesson-done').count(), 1, 'a passed badge ticks the lesson');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Audit 5: the panel listed an unplayed game by its card's title and, once played, by its reports'
// title ("A tiny house dataset (not finished yet)" → "✓ Spot the noise column (first pick)"), as if
// one item had gone and another come. Now a row keeps its name: the one the reports carry, which
// the lesson build writes on the mount (data-report-title) where it is not the card's title.
test('the panel names an activity the same before and after it is played', async () => {
  const page = await openFreshPage(site, '/lessons/data-features-labels.html');
  const rows = () => page.locator('.lesson-activities li').allTextContents();
  assert.equal((await rows())[0], '• Spot the noise column (first pick) (not finished yet)');
  assert.equal(await page.locator('.dw-mount[data-widget="house-table"]').getAttribute('data-report-title'), 'Spot the noise column (first pick)');
  const titles = [];
  await page.exposeFunction('reportTitle', (title) => titles.push(title));
  await page.evaluate(() => document.addEventListener('dw:complete', (e) => window.reportTitle(e.detail.title)));
  await page.locator('.house-table-col-pick', { hasText: 'shoe' }).click();
  await page.waitForFunction(() => document.querySelector('.lesson-activities li').textContent.startsWith('✓'));
  assert.deepEqual(titles, ['Spot the noise column (first pick)']);
  assert.match((await rows())[0], /^✓ Spot the noise column \(first pick\) — /);
  // A title with the widget's option in it: empirical-risk's goal (100 by default).
  const risk = await openFreshPage(site, '/lessons/empirical-risk.html');
  assert.ok((await risk.locator('.lesson-activities li').allTextContents()).includes('• Empirical risk under 100 (not finished yet)'));
  // A widget whose reports carry its card's title needs no attribute: the card's title is used.
  assert.equal(await page.locator('.dw-mount[data-widget="build-dataset"]').getAttribute('data-report-title'), null);
  assert.equal((await rows())[1], `• ${await page.locator('.dw-mount[data-widget="build-dataset"] .dw-title').textContent()} (not finished yet)`);
  assert.deepEqual(page.record.errors, []);
  assert.deepEqual(risk.record.errors, []);
  await risk.close();
  await page.close();
});

// Audit 5 (C): the panel called a check's first-try score "best" (as if answering again could raise
// it) and a badge attempt that ended below the pass mark "(not finished yet)".
test('the panel says a check\'s first tries as the home page does, and a badge attempt below the mark its pass mark', async () => {
  const page = await openFreshPage(site, '/lessons/data-features-labels.html');
  await page.evaluate(() => document.querySelector('section[data-check-yourself]').dispatchEvent(new CustomEvent('dw:score', { bubbles: true, composed: true, detail: { widget: 'check-yourself', title: 'Check yourself', score: 0, max: 3, answers: [false, null, null] } })));
  assert.match(await page.locator('.lesson-activities').textContent(), /• Check yourself — 0 of 3 right at the first try \(not finished yet\)/);
  await page.evaluate(() => document.querySelector('section[data-check-yourself]').dispatchEvent(new CustomEvent('dw:complete', { bubbles: true, composed: true, detail: { widget: 'check-yourself', title: 'Check yourself', score: 2, max: 3, answers: [true, true, true] } })));
  const text = await page.locator('.lesson-activities').textContent();
  assert.match(text, /✓ Check yourself — 2 of 3 right at the first try/);
  assert.ok(!/Check yourself — best/.test(text));
  await page.goto(`${site.base}/lessons/badge.html`);
  await widgetsReady(page);
  await page.evaluate(() => document.querySelector('.dw-mount[data-widget="ml-badge"] .dw-card').dispatchEvent(new CustomEvent('dw:score', { bubbles: true, composed: true, detail: { widget: 'ml-badge', title: 'Challenge: earn the Machine Learning badge', score: 5, max: 22, passed: false } })));
  const badge = await page.locator('.lesson-activities').textContent();
  assert.match(badge, /• Challenge: earn the Machine Learning badge — best 5 of 22 \(18 needed to pass\)/);
  assert.ok(!/not finished/.test(badge));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Progress edited by hand (or damaged) in localStorage is checked when read: no "undefined",
// "[object Object]", 1e+308 or negative score is drawn, and a `complete` that is not true ticks
// nothing and counts for nothing (audit 6).
test('malformed saved progress is read without what is malformed', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  await page.evaluate(() => {
    localStorage.setItem('dw:lesson:fit-the-line', '{"complete":true,"activities":{"fit-line":{"best":1e21,"max":0.30000000000000004,"complete":true}}}');
    localStorage.setItem('dw:lesson:ml-foundations', '{"complete":"no","activities":{"check-yourself":{"best":2.5,"max":1e308,"complete":true,"title":{"a":1}}}}');
    localStorage.setItem('dw:lesson:badge', '{"complete":false,"activities":{"ml-badge":{"best":-3,"max":22}}}');
  });
  await page.reload();
  const home = await page.locator('main').textContent();
  for (const bad of ['undefined', '[object Object]', '1e+', 'e+308', '0.30000000000000004', '-3', '2.5']) assert.ok(!home.includes(bad), `the home page shows "${bad}"`);
  assert.equal(await page.locator('.lesson-list li[data-lesson="ml-foundations"] .lesson-done').count(), 0, '"complete":"no" ticks the lesson');
  assert.equal(await page.locator('.lesson-list li[data-lesson="fit-the-line"] .lesson-done').count(), 1);
  const n = (await page.locator('.course-progress').first().getAttribute('data-lessons')).split(' ').length;
  assert.equal(await page.locator('.course-progress-label').first().textContent(), `Course progress: 1 of ${n} lessons complete`);
  assert.ok(await page.locator('.badge-slot').isHidden(), 'a best of -3 is shown as a badge attempt');
  await page.goto(`${site.base}/lessons/fit-the-line.html`);
  await widgetsReady(page);
  const panel = await page.locator('.lesson-complete').textContent();
  for (const bad of ['undefined', '1e+21', '0.30000000000000004']) assert.ok(!panel.includes(bad), `the panel shows "${bad}"`);
  assert.match(panel, /✓ Fit the line(?! —)/);
  await page.goto(`${site.base}/lessons/ml-foundations.html`);
  await widgetsReady(page);
  const foundations = await page.locator('.lesson-complete').textContent();
  assert.ok(!foundations.includes('You have completed this lesson'), '"complete":"no" completes the lesson');
  for (const bad of ['[object Object]', '1e+308', '2.5']) assert.ok(!foundations.includes(bad), `the panel shows "${bad}"`);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A learner's path through the whole course, level by level, in one browser profile: every lesson
// is opened in course order, every check-yourself question answered through the page (the first
// one wrong on purpose, the rest right; right answers are the engine's for numeric questions and
// the lesson source's "+" choice otherwise), the page's games reported finished, and the lesson
// must then count as complete with nothing pressed by hand. After each level the home page must
// tick every lesson of the level and sum its checks exactly; after a reload everything is still there.
//
// The games themselves are played in their own tests (each asserts the dw:complete its widget
// sends); here their reports are replayed from the widgets' mounts so that this walk can cover
// all seventy lessons in one file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite } from './browser.mjs';
import { ml } from '../node/engine.mjs';
import { evaluateComputation, parseComputation } from '../../web/js/check-computations.js';
import { readCourse } from '../../scripts/lesson-render.mjs';

const course = readCourse(path.resolve(import.meta.dirname, '../../lessons'));

let site;
after(async () => { await site.close(); });

// The questions of a lesson's check-yourself block, from its source: for each, the index of the
// right choice, or 'numeric'.
function questions(body) {
  const block = /^::: *check-yourself *\n([\s\S]*?)^::: *$/m.exec(body);
  if (!block) return [];
  const out = [];
  for (const line of block[1].split('\n')) {
    if (line.startsWith('? ')) out.push({ choices: 0, right: null });
    else if (line.startsWith('= ')) out[out.length - 1].right = 'numeric';
    else if (/^[+-] /.test(line)) {
      const q = out[out.length - 1];
      if (line.startsWith('+ ')) q.right = q.choices;
      q.choices += 1;
    }
  }
  return out;
}

async function answer(page, form, q, wantRight) {
  if (q.right === 'numeric') {
    // A wrong answer the box still reads as an answer: a share must lie in 0–1, so it gets the far end
    // from the right one; any other number gets one far out of every tolerance.
    const right = evaluateComputation(ml, parseComputation(await form.getAttribute('data-compute')));
    const wrong = (await form.getAttribute('data-answer')) === 'share' ? (right > 0.5 ? 0 : 1) : 987654321;
    const value = wantRight ? right : wrong;
    await form.locator('input[type=text], input:not([type])').first().fill(String(value));
  } else {
    const index = wantRight ? q.right : (q.right + 1) % q.choices;
    await form.locator('input[type=radio]').nth(index).check();
  }
  await form.getByRole('button', { name: 'Check' }).click();
  const feedback = form.locator('.cy-feedback');
  await page.waitForFunction((f) => !!f.dataset.tone, await feedback.elementHandle()); // a verdict, not 'Checking…'
  const text = await feedback.textContent();
  assert.match(text, wantRight ? /^Right/ : /^Not quite/, `${await page.title()}: ${text.slice(0, 80)}`);
}

// One test per lesson, in course order, on one page (the progress so far is in its localStorage),
// then one per level for the home page: a slow machine gets a time limit per lesson, not one for
// the whole course.
let page;
const expected = new Map(); // level id → { right, asked, checked, lessons, withChecks, walked }

before(async () => {
  site = await startSite();
  page = await site.newPage({ width: 1280, height: 800 });
  // The widgets are not needed for this walk (their games are replayed below): not loading them
  // keeps seventy page loads quick. The engine still loads, for the numeric questions. Refused by
  // the debugging protocol's block list rather than page.route, which would send every request
  // through Node and turn the HTTP cache off (each lesson fetching the site's scripts and
  // compiling the engine again: a third of a CPU-second more per lesson).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', {
    urlPatterns: [
      { urlPattern: `${site.base}/widgets/registry.js`, block: false },
      { urlPattern: `${site.base}/widgets/*.js`, block: true },
    ],
  });
});

for (const level of course.levels) {
  const lessons = course.lessons.filter((l) => l.level === level.id);
  const sum = { right: 0, asked: 0, checked: 0, lessons: lessons.length, withChecks: 0, walked: 0 };
  for (const lesson of lessons) {
    test(`${level.id}: ${lesson.slug} — every check answered, its games reported, the lesson complete`, { timeout: 120000 }, async () => {
      await page.goto(`${site.base}/lessons/${lesson.slug}.html`);
      const qs = questions(lesson.body);
      const activities = ((await page.locator('.lesson-complete').getAttribute('data-activities')) || '').split(/\s+/).filter(Boolean);
      if (qs.length) {
        await page.waitForSelector('section[data-check-yourself][data-ready="true"]');
        const forms = page.locator('section[data-check-yourself] form.cy-item');
        assert.equal(await forms.count(), qs.length, `${lesson.slug}: questions on the page`);
        for (let i = 0; i < qs.length; i++) await answer(page, forms.nth(i), qs[i], i > 0);
        sum.withChecks += 1;
        sum.right += qs.length - 1;
        sum.asked += qs.length;
        sum.checked += 1;
      }
      for (const name of activities.filter((a) => a !== 'check-yourself')) {
        await page.locator(`.dw-mount[data-widget="${name}"]`).first().evaluate((mount, widget) => {
          mount.dispatchEvent(new CustomEvent('dw:complete', { bubbles: true, composed: true, detail: { widget, title: widget, score: 1, max: 1 } }));
        }, name);
      }
      if (!activities.length) {
        // Nothing to play or answer (the notation page): the learner ticks it off by hand.
        await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
      }
      const state = await page.evaluate((slug) => JSON.parse(localStorage.getItem(`dw:lesson:${slug}`)), lesson.slug);
      assert.equal(state && state.complete, true, `${lesson.slug} is complete after its activities (${activities.join(', ')})`);
      if (qs.length) assert.deepEqual([state.activities['check-yourself'].best, state.activities['check-yourself'].max], [qs.length - 1, qs.length], lesson.slug);
      sum.walked += 1;
    });
  }
  test(`${level.id}: the home page ticks all ${lessons.length} lessons and sums the level's checks exactly`, async () => {
    assert.equal(sum.walked, lessons.length, 'every lesson of the level was walked');
    expected.set(level.id, sum);
    await page.goto(`${site.base}/index.html`);
    for (const lesson of lessons) {
      assert.equal(await page.locator(`.lesson-list [data-lesson="${lesson.slug}"] .lesson-done`).count(), 1, `home ticks ${lesson.slug}`);
      // Beside the tick, how the checks went (the first answered wrong on purpose).
      const n = questions(lesson.body).length;
      const checks = page.locator(`.lesson-list [data-lesson="${lesson.slug}"] .lesson-checks`);
      if (n) assert.equal(await checks.textContent(), `Check yourself: ${n - 1} of ${n} right at the first try`, lesson.slug);
      else assert.equal(await checks.count(), 0, `${lesson.slug} has no checks to show`);
    }
    if (sum.withChecks) {
      assert.equal(await page.locator(`#level-${level.id} .level-checks`).textContent(),
        `Check yourself: ${sum.right} of ${sum.asked} questions right at the first try; ${sum.checked} of ${sum.withChecks} lesson${sum.withChecks === 1 ? '' : 's'} fully checked.`);
    }
  });
}

test('after the walk a reload still shows every lesson done, and nothing else complained', async () => {
  assert.equal(expected.size, course.levels.length, 'every level was walked');
  await page.goto(`${site.base}/index.html`);
  await page.reload();
  assert.equal(await page.locator('.lesson-list .lesson-done').count(), course.lessons.length, 'every lesson still ticked after a reload');
  // Only the widget modules this test refused may have complained.
  assert.deepEqual(page.record.errors.filter((e) => !/widget|Failed to fetch|ERR_FAILED|ERR_BLOCKED_BY_CLIENT|dynamically imported module/i.test(e)), []);
  await page.close();
});

// The home page's prerequisite map (scripts/lesson-map.mjs): at 1280 px an SVG with one column
// per level and an arrow per `requires`, whose lessons are keyboard-reachable links that
// highlight their incoming arrows; at 375 px the same map as "builds on" lists. Both widths:
// no WCAG A/AA violations (axe-core, light and dark), nothing wider than the screen, and no
// console errors under the strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startSite, offMachineRequests, screenshot, snap, afterNextFrame } from './browser.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { readCourse } from '../../scripts/lesson-render.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const course = readCourse(path.resolve(import.meta.dirname, '../../lessons'));
const edges = course.lessons.reduce((n, l) => n + l.requires.length, 0);

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function audit(page) {
  await page.addScriptTag({ content: axeSource });
  const run = () => page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document.querySelector('#map'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await run(), [], 'light scheme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await afterNextFrame(page);
  assert.deepEqual(await run(), [], 'dark scheme');
  await page.emulateMedia({ colorScheme: 'light' });
}

async function shootMap(page, name) {
  const box = await page.locator('#map').boundingBox();
  const scrollY = await page.evaluate(() => scrollY);
  const width = page.viewportSize().width;
  await snap(page, name, { fullPage: true, clip: { x: 0, y: box.y + scrollY, width, height: box.height } });
}

test('1280 px: the map is a diagram of every lesson with an arrow per prerequisite', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}/index.html`);
  const svg = page.locator('#map svg.map-svg');
  assert.equal(await svg.isVisible(), true);
  assert.equal(await page.locator('#map .map-list').isVisible(), false);
  assert.equal(await page.locator('#map .map-node').count(), course.lessons.length);
  assert.equal(await page.locator('#map path.map-edge').count(), edges);
  // The diagram fits the window (it breaks out of the text column, not out of the screen) and
  // its titles are drawn at full size.
  const box = await svg.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1280, `map spans ${box.x}–${box.x + box.width}`);
  assert.ok(box.width >= 1200, `map only ${box.width} px wide`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  // Every lesson title sits inside its box (the build wraps titles by character count).
  const overflow = await page.evaluate(() => [...document.querySelectorAll('#map .map-node')].filter((g) => {
    const r = g.querySelector('.map-box').getBBox();
    const t = g.querySelector('.map-title').getBBox();
    return t.x < r.x || t.x + t.width > r.x + r.width || t.y < r.y || t.y + t.height > r.y + r.height;
  }).map((g) => g.querySelector('a').getAttribute('aria-label')));
  assert.deepEqual(overflow, []);
  // A lesson's link names what it builds on; focusing it shows its incoming arrows.
  const node = page.locator('#map .map-svg a[href="lessons/fit-the-line.html"]');
  assert.equal(await node.getAttribute('aria-label'), 'Fit the line — builds on How does a model learn? and Two jobs');
  const incoming = page.locator('#map .map-node:has(a[href="lessons/fit-the-line.html"]) .map-in');
  assert.equal(await incoming.evaluate((g) => getComputedStyle(g).visibility), 'hidden');
  await node.focus();
  assert.equal(await incoming.evaluate((g) => getComputedStyle(g).visibility), 'visible');
  assert.equal(await incoming.locator('path').count(), 2);
  await page.locator('#map .map-svg a[href="lessons/attention-toy.html"]').hover();
  await shootMap(page, 'course-map-1280');
  await audit(page);
  await node.press('Enter');
  await page.waitForURL(/fit-the-line\.html$/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('375 px: the map collapses into lists with "builds on" links', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.goto(`${site.base}/index.html`);
  assert.equal(await page.locator('#map svg.map-svg').isVisible(), false);
  const list = page.locator('#map .map-list');
  assert.equal(await list.isVisible(), true);
  assert.equal(await list.locator('li').count(), course.lessons.length);
  const item = list.locator('li', { has: page.locator('a[href="lessons/attention-toy.html"]') }).first();
  assert.equal((await item.textContent()).replace(/\s+/g, ' ').trim(),
    'Attention in a six-word sentence — builds on Vectors and matrices as transformations, Text to numbers and Activation functions and vanishing gradients');
  assert.equal(await item.locator('a').count(), 4);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  await page.locator('#h-map').scrollIntoViewIfNeeded();
  await shootMap(page, 'course-map-375');
  await audit(page);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('a lesson page shows what it needs and what it teaches under the title, at 375 px too', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.goto(`${site.base}/lessons/attention-toy.html`);
  const aims = page.locator('.lesson-aims');
  assert.equal(await aims.isVisible(), true);
  assert.match(await aims.textContent(), /You need.*Builds on Vectors and matrices as transformations, Text to numbers and Activation functions and vanishing gradients\..*You will be able to.*compute attention weights/s);
  const box = await aims.boundingBox();
  assert.ok(box.x + box.width <= 375);
  await snap(page, 'lesson-aims-375');
  await page.close();
});

test('the map needs no inline style or script: no errors under the strict CSP', async () => {
  const strict = await startSite({ csp: STRICT_CSP });
  try {
    for (const width of [1280, 375]) {
      const page = await strict.newPage({ width });
      const response = await page.goto(`${strict.base}/index.html`);
      assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
      assert.equal(await page.locator(width > 1000 ? '#map .map-svg' : '#map .map-list').isVisible(), true);
      assert.deepEqual(page.record.errors, [], `${width} px`);
      await page.close();
    }
  } finally {
    await strict.close();
  }
});

test('home page lists the lessons by level', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Foundations' }).waitFor());
  const links = await page.locator('.lesson-list a').count();
  assert.ok(links >= 2, `expected lesson links, found ${links}`);
  assert.ok(await page.locator('.lesson-list').getByRole('link', { name: /How does a model learn\?/ }).isVisible());
  await screenshot(page, 'home-desktop');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The course-level outcomes: "By the end you will be able to …", one line per level (course.json
// `outcome`), each opening with a link to its level's section; readable at 1280 and 375 px, with
// no WCAG A/AA violations in the hero and nothing wider than the screen.
test('home page: the course outcomes list one ability per level, each linked to its level', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width, height: 900 });
    await page.goto(`${site.base}/index.html`);
    const list = page.getByRole('list', { name: 'By the end you will be able to' });
    assert.equal(await list.isVisible(), true);
    const levels = course.levels.filter((level) => course.lessons.some((l) => l.level === level.id));
    const items = list.getByRole('listitem');
    assert.equal(await items.count(), levels.length);
    for (const [i, level] of levels.entries()) {
      assert.ok(level.outcome, `${level.id} has an outcome`);
      assert.equal(await items.nth(i).textContent(), `${level.title}: ${level.outcome}.`);
      const href = await items.nth(i).getByRole('link', { name: level.title }).getAttribute('href');
      assert.equal(href, `#level-${level.id}`);
      assert.equal(await page.locator(href).count(), 1, `${href} exists`);
    }
    // The list sits in the hero, above the first level and the map.
    const y = async (sel) => (await page.locator(sel).first().boundingBox()).y;
    assert.ok(await y('.course-outcomes') < await y('.level'));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
    await page.addScriptTag({ content: axeSource });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await afterNextFrame(page);
      const violations = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document.querySelector('#course'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.help}`);
      });
      assert.deepEqual(violations, [], `${width} px, ${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await snap(page.locator('#course'), `home-outcomes-${width}`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

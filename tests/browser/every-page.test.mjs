// Every page of the built site, each loaded once and checked for everything a page owes a learner:
//  - offline and under a strict Content-Security-Policy: served with
//      default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
//    with every non-localhost request blocked and counted; zero outside requests, no console
//    errors (CSP violations are console errors), and no widget that "could not start";
//  - accessible: axe-core finds no WCAG 2.0/2.1 A or AA violation, in the light and then the dark
//    colour scheme (switching the emulated scheme restyles the page in place);
//  - readable on a phone: every formula typeset (no KaTeX error), and at 375 px wide the page does
//    not scroll sideways (code and tables scroll inside their own boxes) and no display formula is
//    wider than its box, with every derivation step revealed;
//  - robust (lessons): seeded random clicks, drags, key presses and slider values (the extremes
//    included) on every widget; afterwards no "NaN" is shown, no error was logged and the page
//    still answers.
// One visit per page instead of one per check: mounting every widget of 60 pages is the cost.
// DW_PAGES=word,word narrows the sweep (tests/browser/pages.mjs); DW_CHAOS_ACTIONS sets the
// number of random actions per lesson (50).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startSite, widgetsReady } from './browser.mjs';
import { sitePages } from './pages.mjs';
import { STRICT_CSP as CSP } from '../../scripts/serve.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ACTIONS_PER_PAGE = Number(process.env.DW_CHAOS_ACTIONS || 50);
let site;
before(async () => { site = await startSite({ csp: CSP }); });
after(async () => { await site.close(); });

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowRight', 'Enter', ' ', 'Escape', 'Tab', 'Delete', 'Home', 'End', 'PageUp'];

async function audit(page) {
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

// Only enabled, visible controls are picked, and an action that cannot happen gives up after
// half a second: a control can become hidden or disabled by the action before it.
async function chaos(page, seed) {
  const rand = mulberry32(seed);
  const pick = (n) => Math.floor(rand() * n);
  for (let i = 0; i < ACTIONS_PER_PAGE; i++) {
    const kind = pick(5);
    try {
      if (kind === 0) {
        const buttons = page.locator('.dw-card button:visible:enabled');
        const n = await buttons.count();
        if (n) await buttons.nth(pick(n)).click({ timeout: 500 });
      } else if (kind === 1) {
        const sliders = page.locator('.dw-card input[type="range"]:visible:enabled');
        const n = await sliders.count();
        if (n) {
          const s = sliders.nth(pick(n));
          const [min, max] = await s.evaluate((el) => [Number(el.min), Number(el.max)]);
          const r = rand();
          const v = r < 0.2 ? min : r < 0.4 ? max : min + (max - min) * rand();
          await s.fill(String(v), { timeout: 500 });
        }
      } else if (kind === 2 || kind === 3) {
        const canvases = page.locator('.dw-card canvas:visible');
        const n = await canvases.count();
        if (n) {
          const box = await canvases.nth(pick(n)).boundingBox();
          if (box) {
            const x = box.x + box.width * rand();
            const y = box.y + box.height * rand();
            if (kind === 2) await page.mouse.click(x, y);
            else {
              await page.mouse.move(x, y);
              await page.mouse.down();
              await page.mouse.move(box.x + box.width * rand(), box.y + box.height * rand(), { steps: 4 });
              await page.mouse.up();
            }
          }
        }
      } else {
        const focusables = page.locator('.dw-card canvas[tabindex], .dw-card button:visible:enabled, .dw-card input:visible:enabled');
        const n = await focusables.count();
        if (n) {
          await focusables.nth(pick(n)).focus({ timeout: 500 });
          await page.keyboard.press(KEYS[pick(KEYS.length)]);
        }
      }
    } catch (err) {
      // A control that became hidden or disabled mid-action is fine; anything else is not.
      if (!/Timeout|not visible|detached|disabled|not an <input>|Element is not/.test(String(err.message))) throw err;
    }
  }
}

for (const url of [...sitePages(), '/embed.html?w=fit-line&seed=5', '/embed.html?w=no-such-widget']) {
  test(`${url}: offline under a strict CSP, no WCAG A/AA violations in light or dark${url.startsWith('/lessons/') ? ', survives random input' : ''}`, async () => {
    const page = await site.newPage({ width: 1280 });
    await page.emulateMedia({ colorScheme: 'light' });
    const blocked = [];
    await page.route((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u.href) && !/^(data|blob|about):/.test(u.href), (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const response = await page.goto(`${site.base}${url}`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    if (await page.locator('.dw-mount, dw-widget').count()) await widgetsReady(page);
    if (url.startsWith('/embed.html?w=fit')) await page.locator('.dw-card canvas').first().waitFor();
    if (url.includes('no-such-widget')) {
      assert.match(await page.locator('.dw-message').textContent(), /Unknown widget "no-such-widget"/);
    }
    // A widget that could not start (e.g. the engine refused by the policy) is a failure too.
    assert.equal(await page.locator('.dw-message[data-tone="bad"]', { hasText: 'could not start' }).count(), 0, 'a widget could not start');

    // Everything the page did by itself so far: nothing blocked, nothing logged.
    assert.deepEqual(blocked, []);
    assert.deepEqual(page.record.errors, []);

    // axe is evaluated through the debugging protocol, which the page's policy does not govern
    // (a <script> tag with its text would be refused, as it should be). On pages with shadow roots
    // axe itself sets style attributes, which the policy refuses and logs; those messages are axe's,
    // so they are taken out, and nothing else may be logged meanwhile.
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const axeStart = page.record.errors.length;
    await page.evaluate(axeSource);
    assert.deepEqual(await audit(page), [], 'light scheme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await frames();
    assert.deepEqual(await audit(page), [], 'dark scheme');
    await frames();
    const duringAxe = page.record.errors.splice(axeStart);
    assert.deepEqual(duringAxe.filter((m) => !/^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/.test(m)), []);

    assert.equal(await page.locator('.katex-error').count(), 0, 'a formula failed to typeset');
    // Firefox renders KaTeX's MathML and refuses a script element with the wrong number of children
    // (KaTeX gives q_{\max} three); Chromium shows the HTML copy, so this is checked here.
    const badMath = await page.evaluate(() => [...document.querySelectorAll('msub, msup, mfrac, munder, mover, msubsup, munderover')]
      .filter((m) => m.children.length !== (/subsup|underover/.test(m.localName) ? 3 : 2))
      .map((m) => `${m.localName} with ${m.children.length} children in ${m.closest('.katex')?.querySelector('annotation')?.textContent?.slice(0, 60)}`));
    assert.deepEqual(badMath, [], 'MathML that Firefox refuses');
    await page.setViewportSize({ width: 375, height: 800 });
    await frames();
    // Derivation cards reveal every step first, so their formulas are measured too.
    for (const b of await page.locator('.dw-card button', { hasText: 'Show all' }).all()) if (await b.isEnabled()) await b.click();
    await frames();
    const narrow = await page.evaluate(() => {
      const displays = [...document.querySelectorAll('.katex-display')].filter((d) => d.offsetParent !== null);
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wide: displays.filter((d) => d.scrollWidth > d.clientWidth + 2).map((d) => `${(d.querySelector('annotation')?.textContent || '').slice(0, 60)} (${d.scrollWidth} > ${d.clientWidth})`),
        contained: displays.every((d) => ['auto', 'scroll'].includes(getComputedStyle(d).overflowX)),
      };
    });
    assert.ok(narrow.overflow <= 1, `at 375 px the page scrolls sideways by ${narrow.overflow} px`);
    assert.deepEqual(narrow.wide, [], 'display formulas wider than their box at 375 px');
    assert.ok(narrow.contained, 'every display formula scrolls inside its own box if it ever overflows');
    await page.setViewportSize({ width: 1280, height: 900 });
    await frames();

    if (url.startsWith('/lessons/')) {
      await chaos(page, url.length * 7919 + 17);
      await page.waitForTimeout(300);
      for (const t of await page.locator('.dw-card').allTextContents()) assert.ok(!/\bNaN\b/.test(t), `NaN shown: ${t.slice(0, 200)}`);
      const alive = await Promise.race([page.evaluate(() => 1 + 1), new Promise((r) => setTimeout(() => r('frozen'), 5000))]);
      assert.equal(alive, 2, 'the page still answers');
    }
    assert.deepEqual(blocked, []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}

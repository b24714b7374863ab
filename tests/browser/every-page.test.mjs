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
//  - quiet when idle: once loaded and left alone, the page stops asking for animation frames (a
//    widget that ticks while it has nothing to do costs a learner's battery on every page);
//  - robust (lessons): seeded random clicks, drags, key presses and slider values (the extremes
//    included) on every widget; afterwards no "NaN" is shown, no error was logged and the page
//    still answers.
// One visit per page instead of one per check: mounting every widget of 60 pages is the cost.
// DW_PAGES=word,word narrows the sweep (tests/browser/pages.mjs); DW_CHAOS_ACTIONS sets the
// number of random actions per lesson (30), DW_PAGES_AT_ONCE how many pages are open at once (3).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { blockOffMachine, offMachineRequests, startSite, widgetsReady, afterNextFrame, WIDGET_HOSTS } from './browser.mjs';
import { sitePages } from './pages.mjs';
import { STRICT_CSP as CSP } from '../../scripts/serve.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ACTIONS_PER_PAGE = Number(process.env.DW_CHAOS_ACTIONS || 30);
const PAGES_AT_ONCE = Number(process.env.DW_PAGES_AT_ONCE || 3);
let site;
before(async () => { site = await startSite({ csp: CSP }); });
after(async () => { await site.close(); });

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowRight', 'Enter', ' ', 'Escape', 'Tab', 'Delete', 'Home', 'End', 'PageUp'];

// Switching the colour scheme changes colours only (the markup is the same), so in the dark scheme
// the rules about colour are the ones that can give a different answer.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
async function audit(page, rules = null) {
  return page.evaluate(async (rules) => {
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
    // Only violations are read, so axe describes only those (every rule still runs on every node;
    // it skips writing a selector and snippet for each of the thousand-odd nodes that pass).
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, rules);
}

// Only enabled, visible controls are picked, found and acted on inside the page in one round trip
// each (the same seed picks the same control among those present), with the mouse and keyboard
// driven directly: waiting for a control that an earlier action hid or disabled would cost more
// than all the actions together.
const TARGETS = [
  '.dw-card button',
  '.dw-card input[type="range"]',
  '.dw-card canvas',
  '.dw-card canvas',
  '.dw-card canvas[tabindex], .dw-card button, .dw-card input',
];
async function chaos(page, seed) {
  const rand = mulberry32(seed);
  const pick = (n) => Math.floor(rand() * n);
  for (let i = 0; i < ACTIONS_PER_PAGE; i++) {
    const kind = pick(5);
    const r = [rand(), rand(), rand(), rand(), rand(), rand()];
    // In the page: the candidates now, the chosen one scrolled into view, and what to do with it.
    const at = await page.evaluate(({ selector, kind, r }) => {
      const usable = (el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const all = [...document.querySelectorAll(selector)].filter(usable);
      if (!all.length) return null;
      const el = all[Math.floor(r[0] * all.length)];
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (kind === 1) {
        const min = Number(el.min); const max = Number(el.max);
        const v = r[1] < 0.2 ? min : r[1] < 0.4 ? max : min + (max - min) * r[2];
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return { done: true };
      }
      if (kind === 4) { el.focus(); return { focused: document.activeElement === el }; }
      const b = el.getBoundingClientRect();
      const point = (u, v) => ({ x: b.left + Math.min(b.width - 1, Math.max(1, b.width * u)), y: b.top + Math.min(b.height - 1, Math.max(1, b.height * v)) });
      return kind === 0 ? { click: point(0.5, 0.5) } : { from: point(r[1], r[2]), to: point(r[3], r[4]) };
    }, { selector: TARGETS[kind], kind, r });
    if (!at || at.done) continue;
    if (at.click) await page.mouse.click(at.click.x, at.click.y);
    else if (kind === 2) await page.mouse.click(at.from.x, at.from.y);
    else if (kind === 3) {
      await page.mouse.move(at.from.x, at.from.y);
      await page.mouse.down();
      await page.mouse.move(at.to.x, at.to.y, { steps: 4 });
      await page.mouse.up();
    } else if (at.focused) await page.keyboard.press(KEYS[Math.floor(r[5] * KEYS.length)]);
  }
}

// Pages are visited a few at a time in the one browser: a visit mostly waits (for the engine to
// compile, widgets to draw, axe to walk the page), so overlapping visits shortens the sweep.
describe('every page', { concurrency: PAGES_AT_ONCE }, () => {
  for (const url of [...sitePages(), '/embed.html?w=fit-line&seed=5', '/embed.html?w=no-such-widget']) {
    it(`${url}: offline under a strict CSP, no WCAG A/AA violations in light or dark${url.startsWith('/lessons/') ? ', survives random input' : ''}`, async () => {
      const page = await site.newPage({ width: 1280 });
      await page.emulateMedia({ colorScheme: 'light' });
      await blockOffMachine(page);
      const blocked = () => offMachineRequests(page);
      await page.addInitScript(() => {
        let requests = 0;
        const raf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) => { requests += 1; return raf(cb); };
        Object.defineProperty(window, '__frameRequests', { get: () => requests });
      });
      const response = await page.goto(`${site.base}${url}`);
      assert.equal(response.headers()['content-security-policy'], CSP);
      if (await page.locator(WIDGET_HOSTS).count()) await widgetsReady(page);
      if (url.includes('no-such-widget')) {
        assert.match(await page.locator('.dw-message').textContent(), /Unknown widget "no-such-widget"/);
      }
      // A widget that could not start (e.g. the engine refused by the policy) is a failure too.
      assert.equal(await page.locator('.dw-message[data-tone="bad"]', { hasText: 'could not start' }).count(), 0, 'a widget could not start');

      // Everything the page did by itself so far: nothing blocked, nothing logged.
      assert.deepEqual(blocked(), []);
      assert.deepEqual(page.record.errors, []);

      // axe is evaluated through the debugging protocol, which the page's policy does not govern
      // (a <script> tag with its text would be refused, as it should be). On pages with shadow roots
      // axe itself sets style attributes, which the policy refuses and logs; those messages are axe's,
      // so they are taken out, and nothing else may be logged meanwhile.
      const frames = () => afterNextFrame(page);
      const axeStart = page.record.errors.length;
      await page.evaluate(axeSource);
      assert.deepEqual(await audit(page), [], 'light scheme');
      await page.emulateMedia({ colorScheme: 'dark' });
      await frames();
      assert.deepEqual(await audit(page, COLOUR_RULES), [], 'dark scheme');
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
      // Half a second without a frame request, within twenty (a heat map may still be filling in,
      // a widget that plays by itself may be finishing its laps).
      const quiet = await page.evaluate(async () => {
        const until = performance.now() + 20000;
        while (performance.now() < until) {
          const before = window.__frameRequests;
          await new Promise((r) => setTimeout(r, 500));
          if (window.__frameRequests === before) return true;
        }
        return false;
      });
      assert.ok(quiet, 'left alone, the page still asks for an animation frame every half second (an idle loop)');

      if (url.startsWith('/lessons/')) {
        await chaos(page, url.length * 7919 + 17);
        await page.waitForTimeout(300);
        for (const t of await page.locator('.dw-card').allTextContents()) assert.ok(!/\bNaN\b/.test(t), `NaN shown: ${t.slice(0, 200)}`);
        const alive = await Promise.race([page.evaluate(() => 1 + 1), new Promise((r) => setTimeout(() => r('frozen'), 5000))]);
        assert.equal(alive, 2, 'the page still answers');
      }
      // Last, so the page never has to be laid out wide again (chaos and the idle wait run at 1280 px).
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
      assert.deepEqual(blocked(), []);
      assert.deepEqual(page.record.errors, []);
      await page.close();
    });
  }
});

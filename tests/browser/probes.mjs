// What widget tests read from a page, in one place: open a lesson, find a card, read its
// readouts and message, see whether a canvas has been drawn, run the site's own engine inside the
// page, collect the course events widgets report, and the checks every widget test ends with.
import assert from 'node:assert/strict';
import { afterNextFrame, offMachineRequests, screenshot, snap, widgetsReady } from './browser.mjs';

// Dialogs the page opens (alert, confirm) are dismissed and their texts kept in page.dialogs.
export async function openLesson(site, slug, { width = 1280, reducedMotion = 'no-preference', colorScheme = 'light' } = {}) {
  const page = await site.newPage({ width, reducedMotion });
  await page.emulateMedia({ colorScheme });
  page.dialogs = [];
  const onDialog = (d) => { page.dialogs.push(d.message()); d.dismiss(); };
  page.on('dialog', onDialog);
  page.dwOnRelease?.push(() => page.off('dialog', onDialog)); // a page given back for reuse (startSite's reusePages)
  await page.goto(`${site.base}/lessons/${slug}.html`);
  await widgetsReady(page);
  return page;
}

// A widget card by the text of its title, or by its position on the page.
export function cardByTitle(page, title) {
  return page.locator('.dw-card', { has: page.locator('h3.dw-title', { hasText: title }) });
}
export function cardAt(page, index) { return page.locator('.dw-card').nth(index); }

// The readout labelled `label` (its data-stat) inside `scope`, as trimmed text.
export async function stat(scope, label) {
  return (await scope.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).first().textContent()).trim();
}
export function statReader(page, scope = page) {
  return (label) => stat(scope, label);
}

// Clicks a button `times` times from inside the page, one animation frame apart as a person's
// clicks are (each click's redraw runs before the next): one round trip to the browser instead of
// one per click, for tests that build a state by pressing the same button dozens of times. The
// button is first scrolled into view, as a Playwright click would: a widget off-screen pauses its
// frame loop (web/lib/frame.js), so work it does over frames (a heat map) would wait.
export async function clickTimes(button, times) {
  await button.scrollIntoViewIfNeeded();
  return button.evaluate(async (b, n) => {
    for (let i = 0; i < n; i++) {
      b.click();
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, times);
}

export async function message(scope) { return (await scope.locator('.dw-message').first().textContent()).trim(); }

// How much of a canvas is drawn: painted samples (alpha > 0) and distinct colours among every
// fourth pixel.
export function inkOf(canvas) {
  return canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] > 0) painted += 1;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { painted, colours: colours.size };
  });
}
export function canvasInk(page, selector) { return inkOf(page.locator(selector).first()); }
// The number of colours on the nth canvas of a card.
export async function ink(scope, nth = 0) { return (await inkOf(scope.locator('canvas').nth(nth))).colours; }
// Something is drawn: more than a few colours over more than a sliver of the canvas. Widgets draw
// on their next animation frame, which a busy machine may not have run when widgetsReady returns,
// so this waits up to 5 s for the drawing before it says no.
export async function canvasIsDrawn(canvas) {
  const drawn = async () => { const { painted, colours } = await inkOf(canvas); return painted > 50 && colours > 3; };
  for (let waited = 0; waited < 5000; waited += 100) {
    if (await drawn()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return drawn();
}

// Canvas rows over the chart's top-left corner (the y label's place: `rows` CSS px high, `columns`
// wide) that hold any ink, in device pixels.
export async function inkedTopRows(locator, rows = 20, columns = 40) {
  return locator.evaluate((canvas, [rows, columns]) => {
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const w = Math.round(columns * dpr);
    const h = Math.round(rows * dpr);
    const data = canvas.getContext('2d').getImageData(0, 0, w, h).data;
    const inked = [];
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[(y * w + x) * 4 + 3] > 0) { inked.push(y); break; }
    return inked;
  }, [rows, columns]);
}

// Runs fn(ml, arg) inside the page with the site's own engine module; fn and arg must be
// serialisable (fn is sent as source text).
export function inEngine(page, fn, arg = {}) {
  return page.evaluate(async ({ src, a }) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    // eslint-disable-next-line no-new-func
    return new Function('ml', 'a', `return (${src})(ml, a);`)(ml, a);
  }, { src: fn.toString(), a: arg });
}

// Widget cards only: typeset math such as N_a legitimately holds the letters "NaN".
export async function noNaNInCards(page) {
  const texts = await page.locator('.dw-card').allTextContents();
  return texts.every((t) => !/\bNaN\b/.test(t));
}

// afterNextFrame (browser.mjs): every redraw a widget asked for before the call has run
// (web/lib/frame.js draws in the next animation frame). A fixed wait instead fails when a loaded
// machine, or a browser shared with other test files, delays the frame.
export { afterNextFrame };

// Brings a card into view (so it draws: an off-screen widget is paused) and, with DW_SCREENSHOTS=1,
// pictures it; a test behaves the same whether or not pictures are taken.
export async function cardShot(scope, name) {
  await scope.scrollIntoViewIfNeeded();
  await afterNextFrame(scope.page());
  await snap(scope, name);
}

// The checks every widget test ends with: no NaN shown, no console errors, nothing off the machine.
export async function assertClean(page) {
  const text = await page.locator('main').textContent();
  assert.ok(!/NaN/.test(text), 'no "NaN" text on the page');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
}

// The checks a test of a lesson page ends with, for the widgets only (typeset math may hold the
// letters "NaN"): no NaN in a card, no console errors, nothing off the machine.
export async function assertCardsClean(page) {
  assert.ok(await noNaNInCards(page), 'no NaN shown in a widget');
  assert.deepEqual(page.record.errors, []);
  assert.deepEqual(offMachineRequests(page), []);
}

// The same ending with pictures (the page and each card), math typeset, and the page closed.
export async function finish(page, name) {
  await screenshot(page, name);
  const cards = page.locator('.dw-card');
  // Every card in view in turn, so each widget draws and anything it logs meanwhile is caught below.
  for (let i = 0; i < await cards.count(); i++) await cardShot(cards.nth(i), `${name}-card${i}`);
  assert.ok(await noNaNInCards(page), 'no NaN shown in a widget');
  assert.equal(await page.locator('.katex-error').count(), 0, 'all math typesets');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
}

// Starts collecting the course events widgets dispatch (dw:score, dw:complete), listening on
// document as web/js/progress.js does; read them back with reportedEvents(page).
export async function listenForReports(page) {
  await page.evaluate(() => {
    window.__dwReports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__dwReports.push({ type, ...e.detail }));
  });
}
export async function reportedEvents(page) {
  return page.evaluate(() => window.__dwReports.slice());
}

// What the page address holds for one widget's namespace: { seed: '5', state: {…decoded} }, read
// with the site's own address-state.js and share.js.
export async function addressOf(page, namespace) {
  return page.evaluate(async (ns) => {
    const { readNamespace } = await import('/lib/address-state.js');
    const { decodeState } = await import('/lib/share.js');
    const out = {};
    for (const [key, value] of readNamespace(location.hash, ns).entries) out[key] = key === 'state' ? decodeState(value) : value;
    return out;
  }, namespace);
}
// The address once `until(address)` holds, or as it stands after `timeout` ms (it is written a
// moment after each change), for the test's own assertion to say what it holds instead.
export async function addressOnceSettled(page, namespace, until, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    const seen = await addressOf(page, namespace);
    if (until(seen) || Date.now() > end) return seen;
    await page.waitForTimeout(100);
  }
}

// The readout labelled `label` in the card matched by a CSS selector (the older widgets' own card
// classes, e.g. '.sin-experiment'), as trimmed text.
export async function statIn(page, cardSelector, label) {
  return (await page.locator(`${cardSelector} .dw-stat[data-stat="${label}"] .dw-stat-value`).first().textContent()).trim();
}

// The number of pixels with any paint (alpha > 0) on the first canvas matching `selector`.
export function paintedPixels(page, selector) {
  return page.locator(selector).first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
    return ink;
  });
}

// Runs the source text of a function body with `ml` (the site's engine) and `a` (arg) in scope.
export function engineBody(page, body, arg) {
  return page.evaluate(async ([src, a]) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    // eslint-disable-next-line no-new-func
    return new Function('ml', 'a', src)(ml, a);
  }, [body, arg]);
}

// A page at `width` px is whole: no NaN in a widget, nothing wider than the screen, no console
// errors, nothing fetched from off the machine.
export async function assertFitsClean(page, width) {
  assert.ok(await noNaNInCards(page), 'no NaN shown in a widget');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at ${width} px (${overflow})`);
  assert.deepEqual(page.record.errors, []);
  assert.deepEqual(offMachineRequests(page), []);
}

// What a screen reader would hear from `scope` (a card locator) from now on: the text of each live
// region (aria-live, role status/alert/log, or an <output>, which Chromium reads as a polite
// status) that changes while it is not aria-live="off", once per region per batch of mutations (a
// MutationObserver). heard() → [{ region, text }, …] so far; region is the element's class, or its
// tag name when it has none.
export async function listenLive(scope) {
  await scope.evaluate((root) => {
    const heard = [];
    root.__heard = heard;
    const observer = new MutationObserver((records) => {
      const regions = new Set();
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const region = node && node.closest('[aria-live], [role="status"], [role="alert"], [role="log"], output');
        if (region && root.contains(region) && region.getAttribute('aria-live') !== 'off') regions.add(region);
      }
      for (const region of regions) heard.push({ region: region.className || region.tagName.toLowerCase(), text: region.textContent.trim() });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
  return () => scope.evaluate((root) => root.__heard.slice());
}

// Holds `key` ('ArrowUp', or with modifiers 'Shift+ArrowUp') down on the focused element — its
// first press and `repeats` repeats — then lets go, and checks what a screen reader hears
// (listenLive) from `card`: at most the first press, said at once; nothing from the repeats, the
// message line being aria-live="off" while its text stays current on screen; after release that
// text once, before the line turns live again (quietWhileHeld in web/lib/ui.js). Returns the
// message as it stood while the key was held (the latest move's).
export async function holdKey(page, card, key, repeats) {
  const modifiers = key.split('+');
  const main = modifiers.pop();
  const line = card.locator('.dw-message');
  const heard = await listenLive(card);
  for (const m of modifiers) await page.keyboard.down(m);
  for (let i = 0; i <= repeats; i++) await page.keyboard.down(main);
  const held = await heard();
  assert.ok(held.length <= 1, `only the first press is heard while the key is held, not ${JSON.stringify(held)}`);
  assert.equal(await line.getAttribute('aria-live'), 'off', 'the message line is quiet while the key is held');
  const whileHeld = (await line.textContent()).trim();
  await page.keyboard.up(main);
  for (const m of modifiers.reverse()) await page.keyboard.up(m);
  await card.locator('.dw-message[aria-live="polite"]').waitFor();
  const said = (await heard()).slice(held.length);
  assert.deepEqual(said.map((s) => s.text), [whileHeld], 'the latest message is said once when the key is let go');
  return whileHeld;
}

// The line keys of a card's legend as drawn: each key's text, its stroke style ('solid',
// 'dashed', 'dotted') and which theme colour it is ('model', 'loss', 'truth'; undefined for any
// other), so a test can compare keys with the lines they stand for in either theme.
export function legendKeys(card) {
  return card.evaluate((root) => {
    const probe = document.createElement('canvas').getContext('2d');
    const css = (v) => { probe.fillStyle = v; return probe.fillStyle; };
    const token = (name) => css(getComputedStyle(root).getPropertyValue(name).trim());
    const colour = { [token('--model')]: 'model', [token('--loss')]: 'loss', [token('--truth')]: 'truth' };
    return [...root.querySelectorAll('.dw-legend-key')].map((k) => {
      const s = getComputedStyle(k.firstElementChild);
      return { text: k.textContent, style: s.borderTopStyle, colour: colour[css(s.borderTopColor)] };
    });
  });
}

// One badge attempt played to its end without knowing the answers: every number answered 123456,
// every choice the first (a failed attempt, reported once it ends). `card` is the badge's card.
export async function failBadgeAttempt(card, questions = 22) {
  for (let i = 0; i < questions; i++) {
    const input = card.getByLabel(/Your answer/);
    if (await input.count()) {
      await input.fill('123456');
      await input.press('Enter');
    } else await card.locator('.ml-badge-choice[data-choice="0"]').click();
    await card.getByRole('button', { name: /Next question|See result/ }).click();
  }
}

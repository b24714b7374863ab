// A glossary term's definition can be read without leaving the lesson (audit 9, M6 #8): it was only
// the link's title, a tooltip for a mouse, and a tap went straight to notation.html. Now keyboard
// focus shows it in a box under the word; a tap shows it and stays on the page, at 375 px without
// widening the page; Escape closes it and keeps focus on the term; a second activation, or a click
// with a modifier key, follows the link to the full entry; the term keeps "Name: definition" as its
// accessible description throughout (web/js/glossary-popup.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady, afterNextFrame, screenshot } from './browser.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';

let site;
before(async () => { site = await startSite({ csp: STRICT_CSP }); });
after(async () => { await site.close(); });

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const LESSON = '/lessons/empirical-risk.html';

// The term's state: is the box shown, its words, the page's address, the accessible description's
// source (the box while open, else the title), and how far the box and the page reach sideways.
const state = (page) => page.evaluate(() => {
  const box = document.getElementById('glossary-pop');
  const link = document.activeElement && document.activeElement.matches('a.glossary-link') ? document.activeElement : document.querySelector('a.glossary-link[aria-describedby]') || document.querySelector('a.glossary-link');
  const described = link.getAttribute('aria-describedby');
  const r = box && !box.hidden ? box.getBoundingClientRect() : null;
  return {
    shown: Boolean(r && r.width && r.height),
    text: box ? box.textContent : null,
    url: location.pathname + location.hash,
    focused: document.activeElement === link,
    description: described ? document.getElementById(described).textContent : link.getAttribute('title'),
    left: r && r.left, right: r && r.right,
    pageWidth: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth,
  };
});

test('keyboard: focus shows the definition, Escape closes it with focus kept, Enter twice opens the entry', async () => {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.base}${LESSON}`);
  await widgetsReady(page);
  const title = await page.locator('a.glossary-link').first().getAttribute('title');
  assert.match(title, /^\w[^:]*: ./);
  let s = await state(page);
  assert.equal(s.shown, false, 'nothing shown before focus');
  for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement.matches('a.glossary-link'))); i++) await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby') ? null : document.activeElement.outerHTML);
  assert.equal(first, null, 'the focused term is described by the box');
  s = await state(page);
  assert.ok(s.shown, 'keyboard focus shows the definition');
  const active = await page.evaluate(() => document.activeElement.href);
  assert.match(active, /notation\.html#glossary-/);
  assert.equal(s.text, s.description, 'the box says what the accessible description says');
  assert.match(s.text, /^[A-Z][^:]*: ./);
  await screenshot(page, 'glossary-popup-1280');
  await page.keyboard.press('Escape');
  s = await state(page);
  assert.equal(s.shown, false, 'Escape closes it');
  assert.ok(s.focused, 'focus stays on the term');
  assert.equal(s.description, s.text, 'the title is back as the description');
  assert.equal(s.url, LESSON);
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.ok(s.shown, 'Enter on a closed term opens it');
  assert.equal(s.url, LESSON, 'and stays on the lesson');
  await Promise.all([page.waitForURL(/notation\.html#glossary-/), page.keyboard.press('Enter')]);
  await page.close();
});

test('a click with a modifier key follows the link as before; a plain click opens the box', async () => {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.base}${LESSON}`);
  await widgetsReady(page);
  const prevented = await page.evaluate(() => {
    const link = document.querySelector('a.glossary-link');
    let result = null;
    // After the page's own handlers (window is the last stop of the click): what they left, then no navigation.
    window.addEventListener('click', (e) => { result = e.defaultPrevented; e.preventDefault(); }, { once: true });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true, detail: 1 }));
    return result;
  });
  assert.equal(prevented, false, 'a ctrl-click is left to the browser (new tab)');
  await page.locator('a.glossary-link').first().click();
  const s = await state(page);
  assert.ok(s.shown);
  assert.equal(s.url, LESSON);
  await page.mouse.click(5, 5);
  assert.equal((await state(page)).shown, false, 'a press elsewhere closes it');
  await page.close();
});

test('375 px, touch: a tap shows the definition inside the screen and stays on the lesson; a second tap opens the entry', async () => {
  const page = await site.newPage({ width: 375, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 375, height: 740, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const tap = async (x, y) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await pause(40);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await pause(150);
  };
  try {
    await page.goto(`${site.base}${LESSON}`);
    await widgetsReady(page);
    // The last glossary term of the page: the box must fit on the screen wherever the word sits.
    for (const which of ['first', 'last']) {
      const link = page.locator('a.glossary-link')[which]();
      await link.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await afterNextFrame(page);
      const b = (await link.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.right - 3, y: r.top + r.height / 2 }; }));
      await tap(b.x, b.y);
      await afterNextFrame(page);
      const s = await state(page);
      assert.ok(s.shown, `${which}: a tap shows the definition`);
      assert.equal(s.url, LESSON, `${which}: the tap did not leave the lesson`);
      assert.ok(s.left >= 0 && s.right <= s.screen, `${which}: the box fits the screen (${s.left}–${s.right} of ${s.screen})`);
      assert.ok(s.pageWidth <= s.screen, `${which}: no sideways overflow (${s.pageWidth} > ${s.screen})`);
      if (which === 'first') await screenshot(page, 'glossary-popup-375');
      if (which === 'last') {
        await Promise.all([page.waitForURL(/notation\.html#glossary-/), tap(b.x, b.y)]);
      } else {
        await tap(5, 700); // a tap elsewhere closes it
        assert.equal((await state(page)).shown, false);
      }
    }
  } finally {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await page.close();
  }
});

// Shared set-up for browser tests: serves dist/ on a free localhost port and drives Debian's
// Chromium through playwright-core (never a downloaded browser). Every request a page makes
// is recorded so tests can assert that nothing leaves the machine; console errors and page
// errors are collected so tests can assert there are none. Screenshots go to test-output/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../../scripts/serve.mjs';

const root = path.resolve(import.meta.dirname, '../..');
export const outputDir = path.join(root, 'test-output', 'screenshots');

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--mute-audio', '--js-flags=--expose-gc'];

// The tests run in Chromium's headless shell (Debian's chromium-headless-shell: the same version of
// Blink and V8 as /usr/bin/chromium, without the full browser's window and UI machinery): measured
// idle on eleven test files, about 10 % less CPU and a fifth less time than the full browser in
// headless mode (README). The benchmarks time what a learner runs, the full browser
// (startSite({ browser: 'full' })). CHROMIUM_PATH overrides either.
const CHROMIUM_EXECUTABLES = {
  shell: '/usr/bin/chromium-headless-shell',
  full: '/usr/bin/chromium',
};

// The shell's own default font hinting rounds glyph advances to whole pixels: text came out up to
// 3 % wider than in the full browser (a display formula that fits a phone's 343 px measured 346–355
// there). Without hinting its text measures exactly as in the full browser (checked on three lessons,
// every formula, paragraph, button and table cell).
const SHELL_FLAGS = ['--font-render-hinting=none'];

// How every Chromium of tests or benchmarks is started: by startSite below, or once for a whole test
// run by scripts/shared-chromium.mjs.
export function chromiumLaunch(browser = 'shell') {
  return {
    executablePath: process.env.CHROMIUM_PATH || CHROMIUM_EXECUTABLES[browser],
    headless: true,
    args: browser === 'shell' ? [...CHROMIUM_FLAGS, ...SHELL_FLAGS] : CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  };
}

// The one Chromium a whole test run shares (scripts/shared-chromium.mjs): started with the same
// executable, flags and viewport as a test's own, in a fresh profile. _userDataDir and
// _sharedBrowser (playwright-core's own launchServer options, pinned in package-lock.json) give a
// persistent context that every connection sees as browser.contexts()[0]; contexts made with
// browser.newContext() are incognito ones, without the code cache that spares later page loads
// compiling the engine's WASM again (measured: more CPU than a browser per file). Returns
// { endpoint, close() }; close() also removes the profile.
export async function launchSharedChromium(serverOptions = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-chromium-shared-'));
  const server = await chromium.launchServer({
    ...chromiumLaunch(), host: '127.0.0.1', _userDataDir: userDataDir, _sharedBrowser: true, ...serverOptions,
  });
  const endpoint = server.wsEndpoint();
  // The first exposeFunction anywhere in a context makes playwright install its binding in every
  // page of that context, once for the context's life (the promise is kept): a page of another
  // test file closing meanwhile fails that call with "Target page, context or browser has been
  // closed", and every later exposeFunction of the run with it (CI failed so at stop 43). Done
  // here, before any file connects and with no other page open, it cannot race.
  const primer = await chromium.connect(endpoint);
  const page = await primer.contexts()[0].newPage();
  await page.exposeFunction('dwPrimeBindings', () => {});
  await page.close();
  await primer.close();
  return {
    endpoint,
    async close() {
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// The browser context a site's pages open in. With DW_CHROMIUM_WS set (scripts/shared-chromium.mjs,
// as npm test runs), the persistent context of the one Chromium every test file of the run shares:
// launching and closing a browser per file costs about 1.5 CPU-seconds, and a fresh (incognito)
// context per file would cost more than that, since Chromium keeps no code cache there and compiles
// the engine's WASM again on every page load. Files stay apart through their origins: each site is
// served on its own port, and a port an earlier file used has its storage cleared before the first
// page opens. Otherwise (one file run by hand, or a benchmark: `kind` 'full') a Chromium of its own
// with a fresh profile.
async function openBrowser(kind) {
  const endpoint = process.env.DW_CHROMIUM_WS;
  if (endpoint && kind === 'shell') {
    const browser = await chromium.connect(endpoint);
    return { context: browser.contexts()[0], shared: true, close: () => browser.close() };
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunch(kind));
  return {
    context,
    shared: false,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Everything a page of `origin` kept in the browser (local storage, IndexedDB, caches, cookies).
async function clearStorage(context, page, origin) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
}

// reusePages: a page given back with page.close() is kept, emptied (about:blank), and handed out
// again by the next newPage, its viewport, emulated media and record set afresh: opening a page
// costs Chromium a renderer's start-up and the engine's first compilation there (measured: 10
// loads of one widget took 17–20 CPU-seconds in a new page each, 9–10 in one page), so a file
// whose scenarios each open a page spends half its CPU on that. Each scenario still gets a fresh
// document (a new load, new scripts, new widget state); what a tab keeps across loads is reset or
// unused by the site (no sessionStorage, no window.name); its init scripts are removed. A page the
// test changed in ways a load does not undo (a route, an exposed function, a listener of its own, a CDP
// session) is closed for real instead. DW_REUSE_PAGES=0 opens a new page every time (to compare).
export async function startSite({ dir = path.join(root, 'dist'), csp = null, reusePages = false, browser: kind = 'shell' } = {}) {
  const server = createServer(dir, { csp });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await openBrowser(kind);
  const { context } = browser;
  // Pages of this site still open: closing the site closes them, as closing a context of its own
  // would (in the shared context, a page left open would go on drawing for the rest of the run).
  const open = new Set();
  const idle = []; // pages given back for reuse (reusePages), on about:blank
  let storageCleared = null;
  fs.mkdirSync(outputDir, { recursive: true });
  return {
    base,
    async newPage({ width = 1280, height = 900, reducedMotion = 'no-preference' } = {}) {
      const reused = idle.pop();
      if (reused) {
        await reused.setViewportSize({ width, height });
        await reused.emulateMedia({ media: null, colorScheme: 'light', reducedMotion, forcedColors: 'none', contrast: 'no-preference' });
        reused.record = { requests: [], errors: [] };
        return reused;
      }
      const page = await context.newPage();
      // Twice playwright's 30 s for an action and four times for a page load: on CI's loaded
      // 2-core machine a lesson with many widgets can take more than 30 s to load, and a click
      // waits while a frame's work holds the page. A passing test never waits these out.
      page.setDefaultTimeout(60000);
      page.setDefaultNavigationTimeout(120000);
      open.add(page);
      page.on('close', () => open.delete(page));
      if (browser.shared) {
        storageCleared ??= clearStorage(context, page, base);
        await storageCleared;
      }
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ reducedMotion });
      page.record = { requests: [], errors: [] };
      page.on('request', (req) => page.record.requests.push(req.url()));
      page.on('console', (msg) => { if (msg.type() === 'error') page.record.errors.push(msg.text()); });
      page.on('pageerror', (err) => page.record.errors.push(err.message));
      page.dwClose = page.close.bind(page);
      if (process.env.DW_PAGE_CPU) await measureCpu(context, page);
      if (reusePages && process.env.DW_REUSE_PAGES !== '0') lendable(page, idle);
      return page;
    },
    async close() {
      idle.length = 0;
      await Promise.all([...open].map((page) => page.dwClose()));
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// DW_PAGE_CPU=FILE (to find where the suite's time goes): when a page closes, one line is added to
// FILE: the test file, then the seconds the page's main thread was busy, in script, in layout and
// style (Chromium's own counters, read through the debugging protocol). Each test file also adds
// the CPU-seconds of its own Node process when it exits. scripts/page-cpu.mjs sums them by file.
let cpuExitHooked = false;
async function measureCpu(context, page) {
  const file = path.relative(root, process.argv[1] || '?');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const write = async () => {
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
      fs.appendFileSync(process.env.DW_PAGE_CPU, `page\t${file}\t${m.TaskDuration}\t${m.ScriptDuration}\t${m.LayoutDuration + m.RecalcStyleDuration}\n`);
    } catch { /* the page is already gone */ }
  };
  for (const name of ['close', 'dwClose']) {
    const original = page[name];
    page[name] = async (...args) => { await write(); return original.apply(page, args); };
  }
  if (!cpuExitHooked) {
    cpuExitHooked = true;
    process.on('exit', () => {
      const { user, system } = process.cpuUsage();
      fs.appendFileSync(process.env.DW_PAGE_CPU, `node\t${file}\t${(user + system) / 1e6}\n`);
    });
  }
}

// Makes page.close() give the page back to `idle` unless the test changed it beyond what a new load
// undoes (see startSite's reusePages).
function lendable(page, idle) {
  const ownListeners = new Map(page.eventNames().map((name) => [name, page.listenerCount(name)]));
  for (const method of ['route', 'routeFromHAR', 'routeWebSocket', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders']) {
    const original = page[method].bind(page);
    page[method] = (...args) => { page.dwNotReusable = true; return original(...args); };
  }
  // An init script is removed when the page is given back (playwright returns a disposable).
  const scripts = [];
  const addInitScript = page.addInitScript.bind(page);
  page.addInitScript = async (...args) => { const script = await addInitScript(...args); scripts.push(script); return script; };
  page.dwOnRelease = []; // what a helper set up for one user of the page, undone when it is given back
  page.close = async (options) => {
    if (page.dwNotReusable || page.isClosed()) return page.dwClose(options);
    try {
      for (const script of scripts.splice(0)) await script.dispose();
      for (const undo of page.dwOnRelease.splice(0)) await undo();
      const listenersAdded = page.eventNames().some((name) => page.listenerCount(name) > (ownListeners.get(name) || 0));
      if (listenersAdded) return page.dwClose(options);
      await page.goto('about:blank', { timeout: 15000 });
    } catch {
      return page.dwClose(options);
    }
    idle.push(page);
  };
}

// Requests that did not go to this machine (data: and blob: URLs never leave it either).
export function offMachineRequests(page) {
  return page.record.requests.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/.test(u));
}

// Makes `page` offline for everything but this machine: a request to any other host fails in the
// browser (its 'request' event still fires, so offMachineRequests(page) counts it). Done through the
// debugging protocol's block list, not page.route: a route sends every request of the page through
// Node and turns the HTTP cache off, so each page load fetched everything again and compiled the
// engine's WASM anew (no code cache): about a third of a CPU-second more per lesson page.
// Chromium 145+ (URLPattern block lists with exceptions, tried in order).
export async function blockOffMachine(page) {
  const cdp = await page.context().newCDPSession(page);
  // The block list belongs to this session: a page given back for reuse drops it with the session.
  if (page.dwOnRelease) page.dwOnRelease.push(() => cdp.detach());
  else page.dwNotReusable = true;
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', {
    urlPatterns: [
      { urlPattern: 'http://127.0.0.1:*/*', block: false },
      { urlPattern: 'http://localhost:*/*', block: false },
      { urlPattern: '*://*:*/*', block: true },
    ],
  });
  return cdp;
}

// Pictures are for people to look at, and nothing asserts them: they are taken only with
// DW_SCREENSHOTS=1 (scripts/test-widget.mjs sets it). npm test leaves them out: a full-page PNG of
// a lesson costs Chromium about half a CPU-second. Drawing every widget and catching what it logs
// is the every-page sweep's and the cross-browser smoke test's job, not a side effect of pictures.
const takingScreenshots = process.env.DW_SCREENSHOTS === '1';

// A picture of a page or an element (a playwright Page or Locator) in test-output/screenshots/.
export async function snap(target, name, options = {}) {
  if (!takingScreenshots) return;
  await target.screenshot({ path: path.join(outputDir, `${name}.png`), ...options });
}

export async function screenshot(page, name) {
  await snap(page, name, { fullPage: true });
}

// Where widgets are mounted: lesson pages' mount points, the embed page's main#widget (empty until
// the widget's module has loaded) and <dw-widget> elements (the card in their shadow root).
export const WIDGET_HOSTS = '.dw-mount, main#widget, dw-widget';

// Waits until every widget on the page (including those inside <dw-widget> shadow roots) has
// finished loading the engine and built its card, and the frame that draws the cards has run
// (widgets draw on the next animation frame, which a loaded machine runs well after the card is
// built: a canvas read straight after the cards appear could still be blank).
export async function widgetsReady(page, { timeout } = {}) {
  // A minute, and two seconds more per widget: the gallery starts every widget at once, which on a
  // loaded two-core machine takes well over a minute.
  if (timeout === undefined) timeout = 60000 + 2000 * await page.locator(WIDGET_HOSTS).count();
  // Host by host: each has built its card or shown an error in words, and none is still loading
  // (counting cards and messages over the page would call it ready while a later host has not
  // even started, since a card that failed holds both).
  await page.waitForFunction(() => {
    const done = (root) => !!root && !root.querySelector('.dw-loading')
      && !!(root.querySelector('.dw-card') || root.querySelector('.dw-message[data-tone="bad"]'));
    return [...document.querySelectorAll('.dw-mount, main#widget')].every(done)
      && [...document.querySelectorAll('dw-widget')].every((w) => done(w.shadowRoot));
  }, null, { timeout });
  await afterNextFrame(page);
}

// A page of the site (a path such as '/lessons/kmeans.html' or '/embed.html?w=knn-vote'), opened
// in a new tab (`options` as for site.newPage: width, reducedMotion) with its widgets ready.
export async function openPage(site, path, options) {
  const page = await site.newPage(options);
  await page.goto(`${site.base}${path}`);
  await widgetsReady(page);
  return page;
}

// openPage with the site's saved progress (localStorage) cleared first and the page reloaded: a test
// that needs a first try must not inherit a box an earlier test on the same site recorded.
export async function openFreshPage(site, path, options) {
  const page = await site.newPage(options);
  await page.goto(`${site.base}${path}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  return page;
}

// Resolves once the page has run two animation frames: what was drawn, resized or observed
// (ResizeObserver) before the call has been handled.
export async function afterNextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// How long a test waits for a played animation to reach a point. Frame-driven progress on a
// loaded two-core machine (three browser test files, the native build and two other browsers at
// once) runs at a few frames a second: 1 500 bandit pulls took over 50 s there. The wait ends as
// soon as the point is reached, so the long limit costs nothing when the machine is fast.
export const PLAY_TIMEOUT = 180000;

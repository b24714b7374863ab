// The cross-browser smoke suite, shared by firefox.test.mjs and webkit.test.mjs: every page of the
// built site, served under the strict CSP, in one browser of the given engine, pages in sequence.
// Per page: it loads, the engine loads, every widget mounts and draws (no blank canvas), one real
// interaction per widget (a drag or an arrow key on its plot, a click, a slider step) changes what
// it shows, no NaN/undefined in a widget, each check-yourself question answers, and nothing is
// logged as an error. Then the embeds (<dw-widget> and the iframe) and the single-file build from
// file://. The full behavioural suite stays in Chromium (tests/browser/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createServer, STRICT_CSP } from '../../scripts/serve.mjs';
import { sitePages } from '../browser/pages.mjs';
import { renderCheckYourself } from '../../scripts/lesson-render.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;
const PROBE = fs.readFileSync(path.join(here, 'page-probe.js'), 'utf8');
const RECORDER = fs.readFileSync(path.join(here, 'error-recorder.js'), 'utf8');
const RECORDER_TAG = '<script src="/__smoke/error-recorder.js"></script>';
// A check-yourself block with a choice and a numeric question, rendered by the site's own code, so
// the block is exercised in every engine whether or not a lesson has one yet.
const CHECK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check yourself</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/css/tokens.css"><link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/widget.css">
<script type="module" src="/js/check-yourself.js"></script></head><body><main>
${renderCheckYourself('? Is one plus one two?\n+ Yes :: it is.\n- No :: it is.\n? The sigmoid of 0?\n= sigmoid.value z=0 ± 0.01 :: It is {answer}.', 'smoke')}
</main></body></html>`;
export const screenshotDir = path.join(root, 'test-output', 'cross-browser');

// dist/ under the strict CSP, with the error recorder as the first script of every HTML page and
// the embed host pages under /__smoke/host/.
function startServer() {
  const files = createServer(path.join(root, 'dist'), { csp: STRICT_CSP }).listeners('request')[0];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let file = null;
    if (pathname === '/__smoke/check-yourself.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP });
      res.end(CHECK_PAGE.replace(/<head>/i, `<head>${RECORDER_TAG}`));
      return;
    }
    if (pathname.startsWith('/__smoke/')) file = path.join(here, pathname.slice('/__smoke/'.length));
    else if (pathname.endsWith('.html') || pathname.endsWith('/')) file = path.join(root, 'dist', pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file) { files(req, res); return; }
    if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404).end('Not found'); return; }
    let body = fs.readFileSync(file);
    const html = file.endsWith('.html');
    if (html) body = body.toString('utf8').replace(/<head>/i, `<head>${RECORDER_TAG}`);
    res.writeHead(200, { 'Content-Type': html ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': STRICT_CSP });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// DW_XB_TRACE=1 prints where each page's time goes.
const trace = process.env.DW_XB_TRACE ? (...a) => console.log(`  [${(performance.now() / 1000).toFixed(1)}s]`, ...a) : () => {};
async function open(browser, url) {
  trace('goto', url);
  await browser.goto(url);
  trace('loaded');
  await browser.run(PROBE);
  const ready = await browser.eval('window.__dwProbe.whenReady(60000)');
  trace('widgets ready');
  assert.ok(ready, `${url}: widgets still loading after 60 s`);
}

// Brings card i into view, waits for it to draw, and checks it is healthy. A card draws on the
// frames after it comes into view; a loaded two-core machine can hold WebKit's first frames back
// for several seconds (3 s once failed a page that draws in 0.2 s alone), so the wait is long and
// ends as soon as every canvas shows a picture.
async function checkCard(browser, i, where) {
  const info = await browser.eval(`window.__dwProbe.settle(${i}, 20000)`);
  const name = `${where} widget "${info.title}"`;
  assert.deepEqual(info.bad, [], `${name} shows an error`);
  assert.ok(info.textLength > 0, `${name} is empty`);
  assert.equal(info.drawn, info.canvases, `${name}: ${info.canvases - info.drawn} of ${info.canvases} canvases are blank`);
  assert.equal(info.nan, null, `${name} shows NaN/undefined: "${info.nan}"`);
  return info;
}

// One real interaction that changes what card i shows: tries the card's targets in order. A card
// answers within a frame or two when the machine is idle, so each target gets 1.2 s; only if none
// changed anything are they tried again with 5 s each, for a loaded machine's slow frames.
async function interact(browser, i, name, { optional = false } = {}) {
  const targets = await browser.eval(`window.__dwProbe.targets(${i})`);
  const tried = [];
  for (const wait of [1200, 5000]) {
    for (const target of targets) {
      const at = await browser.eval(`window.__dwProbe.prepare(${i}, ${JSON.stringify(target)})`);
      if (!at) continue;
      if (target.kind === 'click') await browser.click(at.x, at.y);
      else if (target.kind === 'drag') await browser.drag(at.x - at.w / 5, at.y - at.h / 6, at.x + at.w / 6, at.y + at.h / 8);
      else await browser.press(target.key || (target.selector === 'input[type=number]' || target.selector === 'input.dw-number-box' ? 'ArrowUp' : 'ArrowRight'));
      const changed = await browser.eval(`window.__dwProbe.changedSince(${i}, ${JSON.stringify(at.before)}, ${wait})`);
      tried.push(`${target.kind}${target.key ? ` ${target.key}` : ''}${target.label ? ` "${target.label}"` : ''}${at.focused === false ? ' (not focused)' : ''}${wait > 1200 ? ' (again, 5 s)' : ''}`);
      if (changed) return tried;
    }
    if (!tried.length) break;
  }
  if (optional && !tried.length) return ['nothing to interact with here'];
  assert.fail(`${name}: no interaction changed what it shows (tried ${tried.join(', ') || 'nothing: no button, slider or interactive canvas'})`);
}

async function checkYourself(browser, where) {
  const kinds = await browser.eval('window.__dwProbe.checkForms()');
  for (let i = 0; i < kinds.length; i++) {
    const input = await browser.eval(`window.__dwProbe.aimCheck(${i}, 'answer')`);
    await browser.click(input.x, input.y);
    if (kinds[i] === 'number') await browser.type('1');
    const submit = await browser.eval(`window.__dwProbe.aimCheck(${i}, 'submit')`);
    await browser.click(submit.x, submit.y);
    const feedback = await browser.eval(`window.__dwProbe.until(() => window.__dwProbe.checkFeedback(${i}), 30000)`);
    if (!feedback) {
      // Say what the learner would see (a 'Checking…' line, or nothing) and what the page logged.
      const shown = await browser.eval(`document.querySelectorAll('section[data-check-yourself] .cy-feedback')[${i}].textContent.trim()`);
      const errors = await browser.eval('window.__dwErrors || []');
      assert.fail(`${where}: check-yourself question ${i + 1} (${kinds[i]}) gave no verdict in 30 s (it shows ${JSON.stringify(shown)}; errors logged: ${JSON.stringify(errors)})`);
    }
  }
  return kinds.length;
}

// Known and not yet fixed, reported as a todo rather than hidden: Firefox logs "Invalid markup:
// Incorrect number of children for <msub/> tag" (or <munder/>, a few times, varying from run to
// run) for dist-single/course.html only; each lesson's own page is clean. Cause not found yet.
const KNOWN = [{ engine: 'firefox', page: /course\.html$/, error: /Invalid markup: Incorrect number of children for <\w+\/> tag/ }];

async function assertNoErrors(browser, where, t) {
  let errors = [...(await browser.eval('window.__dwErrors || ["error recorder missing"]')), ...browser.driverErrors()];
  const known = errors.filter((e) => KNOWN.some((k) => k.engine === browser.name && k.page.test(where) && k.error.test(e)));
  if (known.length && t) {
    t.todo(`known ${browser.name} issue: ${known[0]} (${known.length}×)`);
    errors = errors.filter((e) => !known.includes(e));
  }
  assert.deepEqual(errors, [], `${where}: errors logged`);
}

// Visits one page: every card healthy and answering one interaction, check-yourself answers.
async function smokePage(browser, url, where, { interactWith = () => true, required = true, eachCard = true, t = null } = {}) {
  await open(browser, url);
  const count = await browser.eval('window.__dwProbe.count()');
  if (!eachCard) {
    // Only that every widget started: none says it could not.
    const failed = await browser.eval('window.__dwProbe.failed()');
    assert.deepEqual(failed, [], `${where}: widgets that could not start`);
  }
  const log = [];
  for (let i = 0; eachCard && i < count; i++) {
    const info = await checkCard(browser, i, where);
    if (!interactWith(info)) continue;
    const tried = await interact(browser, i, `${where} widget "${info.title}"`, { optional: !required });
    log.push(`${info.title}: ${tried.at(-1)}`);
    trace('card', i, info.title, tried.join(', '));
  }
  const questions = await checkYourself(browser, where);
  await assertNoErrors(browser, where, t);
  return { widgets: count, questions, log };
}

// Which lessons a browser visits: Firefox every other lesson in name order, WebKit the others;
// every lesson in both with DW_XB_ALL=1, or when DW_PAGES names the pages. Home, gallery, embeds
// and the single file run in both. The gallery repeats every widget and interacts with each one
// its browser has not met on a lesson, so every widget still mounts, draws and answers an
// interaction in both engines; what only one engine sees of a lesson is its prose, formulas and
// check-yourself block, the same markup and code on every lesson. The lesson pages are most of
// the suite's cost: sharing them takes it from 455 to 268 CPU-seconds (both engines, measured alone on 2 cores).
export function lessonShare(pages, share) {
  if (!share || process.env.DW_XB_ALL === '1' || process.env.DW_PAGES) return pages;
  let i = 0;
  return pages.filter((u) => !u.startsWith('/lessons/') || (i++ % share.of) === share.index);
}

export function smokeSuite(launch, { courseFile = true, share = null } = {}) {
  let browser;
  let server;
  let base;
  const interacted = new Set();

  before(async () => {
    server = await startServer();
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
    await browser.viewport(1280, 900);
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  // The gallery last: by then the lessons have interacted with most widgets.
  const pages = lessonShare(sitePages(), share).filter((u) => u !== '/gallery.html').concat('/gallery.html');
  for (const url of pages) {
    test(`${url} loads, draws and answers`, async (t) => {
      // The gallery repeats every widget (in <dw-widget> shadow roots): each must mount and draw
      // there, but one that was already interacted with on a lesson page is not interacted with again.
      // A gallery widget with no options may have nothing to act on (a derivation with no steps).
      const interactWith = url === '/gallery.html' ? (info) => !interacted.has(info.title) : (info) => { interacted.add(info.title); return true; };
      const result = await smokePage(browser, `${base}${url}`, `${browser.name} ${url}`, { interactWith, required: url !== '/gallery.html' });
      t.diagnostic(`${result.widgets} widgets, ${result.questions} check-yourself questions`);
    });
  }

  test('a check-yourself block answers a choice and a number', async () => {
    const result = await smokePage(browser, `${base}/__smoke/check-yourself.html`, `${browser.name} check-yourself`);
    assert.equal(result.questions, 2);
  });

  test('<dw-widget> embeds work under the strict CSP', async () => {
    const result = await smokePage(browser, `${base}/__smoke/host/element.html`, `${browser.name} <dw-widget> host`);
    assert.equal(result.widgets, 2);
  });

  test('the iframe embed works under the strict CSP and reports its height', async () => {
    const result = await smokePage(browser, `${base}/__smoke/host/frame.html`, `${browser.name} iframe host`);
    assert.equal(result.widgets, 1);
    const resize = await browser.eval('window.messages.find((m) => m && m.type === "dw:resize")');
    assert.ok(resize && resize.height > 200 && resize.widget === 'gd-walkthrough', `no dw:resize message: ${JSON.stringify(resize)}`);
  });

  test('an unknown widget in the iframe embed says so in words', async () => {
    await browser.goto(`${base}/embed.html?w=no-such-widget`);
    // The message is written once the embed script has run: wait for it rather than race it.
    const text = await browser.eval(`new Promise((resolve) => {
      const start = Date.now();
      (function poll() {
        const m = document.querySelector('.dw-message');
        if (m && m.textContent) resolve(m.textContent);
        else if (Date.now() - start > 10000) resolve('no message after 10 s');
        else setTimeout(poll, 50);
      })();
    })`);
    assert.match(text, /Unknown widget "no-such-widget"/);
    await assertNoErrors(browser, `${browser.name} embed.html?w=no-such-widget`);
  });

  // The single-file build from file://, with the error recorder inlined (no CSP there): one lesson
  // in full, and the whole course in one file starts every widget. WebKitGTK takes about three
  // minutes (software rendering under Xvfb) to start the course file's 120 widgets, which carry the
  // same bundle as the lesson file it runs in full; Firefox and Chromium (tests/browser/
  // single-file.test.mjs) start the course file.
  for (const file of courseFile ? ['how-models-learn.html', 'course.html'] : ['how-models-learn.html']) {
    test(`dist-single/${file} works from file://`, async (t) => {
      const source = path.join(root, 'dist-single', file);
      assert.ok(fs.existsSync(source), `${source} is missing: run node scripts/build-single.mjs`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dw-${browser.name}-single-`));
      const copy = path.join(dir, file);
      fs.writeFileSync(copy, fs.readFileSync(source, 'utf8').replace(/<head>/i, `<head><script>${RECORDER}</script>`));
      try {
        // course.html holds every lesson: that each widget starts is enough there (its bundle is
        // the one every single file carries, tested card by card with how-models-learn.html).
        const result = await smokePage(browser, `file://${copy}`, `${browser.name} file://${file}`, { eachCard: file !== 'course.html', t });
        assert.ok(result.widgets > 0);
        if (file === 'how-models-learn.html') {
          assert.ok(await browser.eval('document.querySelectorAll(".katex").length') > 10, 'math is not typeset');
          assert.ok(await browser.eval('window.__dwProbe.until(() => document.fonts.check("16px KaTeX_Main"), 5000)'), 'KaTeX fonts did not load from data: URLs');
          // Share's link is this file's own address: on file:// Firefox gives location.origin as
          // "null", so a link built from it read "null/tmp/…/how-models-learn.html".
          const link = await browser.eval(`(async () => {
            const share = document.querySelector('details.dw-share');
            share.open = true;
            const field = share.querySelector('input.dw-share-field');
            for (let i = 0; i < 100 && !field.value; i++) await new Promise((r) => setTimeout(r, 50));
            return field.value;
          })()`);
          assert.ok(link.startsWith(`file://${copy}`), `Share's link: ${link}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

// Embedding in someone else's page: <dw-widget> with hostile attributes and hostile host CSS,
// and the iframe embed's postMessage protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PLAY_TIMEOUT, screenshot, startSite, openPage, widgetsReady } from './browser.mjs';

const hostDir = path.resolve(import.meta.dirname, '../../dist/test-host');
let site;
before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'element.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="../favicon.svg">
<style>* { color: red !important; font-size: 40px !important; } section, div { display: inline !important; }</style>
<script type="module" src="../embed.js"></script></head><body><main>
<h1>A course page</h1>
<dw-widget id="a" name="fit-line" seed="abc" points="100000" noise="-3" onclick="window.pwned = 1"></dw-widget>
<dw-widget id="b" name="&lt;img src=x onerror=window.pwned=1&gt;"></dw-widget>
<dw-widget id="c" name="gd-walkthrough" eta="0.5"></dw-widget>
</main></body></html>`);
  fs.writeFileSync(path.join(hostDir, 'frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame host</title><link rel="icon" href="../favicon.svg">
<script>window.messages = []; addEventListener('message', (e) => { window.messages.push(e.data); if (e.data && e.data.type === 'dw:resize') document.querySelector('iframe').height = e.data.height; });</script>
</head><body><iframe title="widget" src="../embed.html?w=gd-walkthrough&eta=7&x=2" width="600" height="200"></iframe></body></html>`);
  // A sorting game with a short round, watched as a host page would: every dw: event the element sends.
  fs.writeFileSync(path.join(hostDir, 'sorting.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sorting host</title><link rel="icon" href="../favicon.svg">
<script>window.heard = []; for (const type of ['dw:score', 'dw:complete', 'dw:xapi']) document.addEventListener(type, (e) => window.heard.push({ type, detail: e.detail }));</script>
<script type="module" src="../embed.js"></script></head><body><main>
<dw-widget id="s" name="which-learning" rounds="4" seed="2"></dw-widget>
</main></body></html>`);
  // A teacher's page whose "Week 4" heading is far down, below one widget and above another, both
  // keeping their state in the address.
  fs.writeFileSync(path.join(hostDir, 'anchor.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Anchor host</title><link rel="icon" href="../favicon.svg">
<script type="module" src="../embed.js"></script></head><body><main>
<dw-widget id="top" name="fit-line" address></dw-widget>
<div style="height: 3000px">Weeks 1 to 3</div>
<h1 id="week4">Week 4</h1>
<dw-widget id="w4" name="fit-line" address></dw-widget>
<div style="height: 3000px">Week 5</div>
</main></body></html>`);
  site = await startSite();
});
after(async () => {
  await site.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test('<dw-widget> validates attributes, never renders them as HTML, and is isolated from host CSS', async () => {
  const page = await openPage(site, '/test-host/element.html', { width: 1100 });
  const a = page.locator('#a');
  const note = await a.locator('.dw-notes').textContent();
  assert.match(note, /seed="abc" is not a number/);
  assert.match(note, /points=100000 is above 200; using 200/);
  assert.match(note, /noise=-3 is below 0; using 0/);
  const b = await page.locator('#b .dw-message').textContent();
  assert.match(b, /Unknown widget "<img src=x onerror=window.pwned=1>"/);
  assert.equal(await page.locator('#b').evaluate((el) => el.shadowRoot.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // The host's aggressive CSS does not reach inside the widget.
  const style = await a.locator('.dw-card').evaluate((el) => ({ display: getComputedStyle(el).display, color: getComputedStyle(el).color, size: getComputedStyle(el).fontSize }));
  assert.equal(style.display, 'block');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(style.size, '16px');
  assert.notEqual(await page.locator('#b .dw-message').evaluate((el) => getComputedStyle(el).color), 'rgb(255, 0, 0)');
  // Two widgets share one engine: both work.
  await page.locator('#c').getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await page.locator('#c .dw-stat[data-stat="step"] .dw-stat-value').textContent(), '1');
  await screenshot(page, 'embed-element-host');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('iframe embed posts its height and clamps URL parameters with a note', async () => {
  const page = await site.newPage({ width: 800 });
  await page.goto(`${site.base}/test-host/frame.html`);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'dw:resize' && m.height > 400), null, { timeout: PLAY_TIMEOUT });
  const resize = await page.evaluate(() => window.messages.find((m) => m.type === 'dw:resize'));
  assert.equal(resize.source, 'data-workshop');
  assert.equal(resize.widget, 'gd-walkthrough');
  const frame = page.frameLocator('iframe');
  assert.match(await frame.locator('.dw-notes').textContent(), /eta=7 is above 2; using 2/);
  // Unknown or malformed messages are ignored; dw:update is applied.
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    w.postMessage('garbage', '*');
    w.postMessage({ type: 'dw:update', options: 'nope' }, '*');
    w.postMessage({ type: 'dw:update', options: { w0: 1, b0: 1 } }, '*');
  });
  await frame.locator('.dw-stat[data-stat="w"] .dw-stat-value', { hasText: '1.0000' }).waitFor();
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A round of a sorting game is one attempt (docs/embedding.md): the host hears one dw:score when
// it ends, not one per card, and the xAPI "completed" statement of a round that completes the game
// (the pass mark, 3 of 4 here) is a success.
test('a sorting game reports its round once, when it ends; a round at the pass mark is an xAPI success', async () => {
  const page = await openPage(site, '/test-host/sorting.html', { width: 1000 });
  const host = page.locator('#s');
  const { DECK } = await page.evaluate(async () => import('/widgets/which-learning.js'));
  const kinds = ['supervised', 'unsupervised', 'reinforcement', 'self-supervised'];
  await host.locator('.dw-quiz-choice').first().focus();
  for (let i = 0; i < 4; i++) {
    const text = await host.locator('.dw-quiz-scenario').textContent();
    const card = DECK.find((d) => d.text === text);
    const pick = i === 0 ? kinds.find((k) => k !== card.answer) : card.answer; // the first one wrong
    await page.keyboard.press(String(kinds.indexOf(pick) + 1));
    if (i < 3) {
      assert.deepEqual(await page.evaluate(() => window.heard), [], `nothing is reported after card ${i + 1} of 4`);
      await page.keyboard.press('n');
    }
  }
  assert.match(await host.locator('.dw-message').first().textContent(), /^Round over: 3 of 4 correct\. .*That completes this game\./);
  const heard = await page.evaluate(() => window.heard);
  const detail = { widget: 'which-learning', title: 'Which kind of learning?', score: 3, max: 4, passMark: 3 };
  assert.deepEqual(heard.filter((h) => h.type !== 'dw:xapi'), [{ type: 'dw:score', detail }, { type: 'dw:complete', detail }]);
  const statements = heard.filter((h) => h.type === 'dw:xapi').map((h) => [h.detail.verb.display['en-US'], h.detail.result]);
  assert.deepEqual(statements, [
    ['scored', { completion: false, score: { raw: 3, min: 0, max: 4, scaled: 0.75 } }],
    ['completed', { completion: true, score: { raw: 3, min: 0, max: 4, scaled: 0.75 }, success: true }],
  ]);
  assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

// The address keeps the host's anchor first (#week4&fit-line.state=…); opened, that address must
// still bring Week 4 into view, as #week4 alone does (docs/embedding.md: the page's anchors are left
// as they are). A reload keeps the place the browser restores, as it does for #week4 alone.
test('a page opened at its anchor plus widget state still shows the anchor; a reload keeps the learner\'s place', async () => {
  const page = await openPage(site, '/test-host/anchor.html#week4', { width: 1000, height: 700 });
  const anchorTop = (p) => p.evaluate(() => Math.round(document.getElementById('week4').getBoundingClientRect().top));
  assert.equal(await anchorTop(page), 0, 'the browser follows #week4 alone');
  await page.locator('#w4').getByRole('slider', { name: /slope w/ }).fill('0.5');
  await page.waitForFunction(() => /^#week4&fit-line-2\.[^&]+=/.test(location.hash))
    .catch(async (err) => { throw new Error(`${err.message}; the address is ${await page.evaluate(() => location.hash)}`); });
  const url = page.url();
  await page.close();

  const again = await openPage(site, url.slice(site.base.length), { width: 1000, height: 700 });
  await again.evaluate(() => new Promise((resolve) => (document.readyState === 'complete' ? resolve() : addEventListener('load', resolve, { once: true }))));
  const top = await anchorTop(again);
  assert.ok(Math.abs(top) <= 2, `Week 4 is at the top of the window (${top} px from it; scrollY ${await again.evaluate(() => scrollY)})`);
  assert.equal(again.url(), url, 'the address is left as it was');
  assert.equal(Number(await again.locator('#w4').getByRole('slider', { name: /slope w/ }).inputValue()), 0.5, 'the widget is restored too');
  // The learner scrolls on, past Week 4, and reloads: the browser puts them back there.
  await again.evaluate(() => scrollTo(0, document.getElementById('week4').offsetTop + 1500));
  await again.waitForTimeout(300);
  await again.reload();
  await widgetsReady(again);
  assert.ok(await anchorTop(again) < -1000, 'the reload keeps the place the learner left, not the anchor');
  assert.deepEqual(again.record.errors.filter((e) => !/favicon/.test(e)), []);
  await again.close();
});

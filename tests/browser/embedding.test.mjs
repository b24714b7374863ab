// Embedding in someone else's page: <dw-widget> with hostile attributes and hostile host CSS,
// and the iframe embed's postMessage protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { PLAY_TIMEOUT, screenshot, startSite, openPage, widgetsReady } from './browser.mjs';
import { createServer, STRICT_CSP } from '../../scripts/serve.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const hostDir = path.join(root, 'dist/test-host');
let site;
// The site served again on other ports (other origins than the host pages'), with and without
// `Access-Control-Allow-Origin` (serve.mjs --cors).
const elsewhere = {};
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  for (const cors of [true, false]) {
    const server = createServer(path.join(root, 'dist'), { cors });
    elsewhere[cors ? 'cors' : 'plain'] = { server, base: await listen(server) };
  }
  // A course page on another origin, with the docs' snippet: the element's content is a link to
  // the same widget's own page, shown until the element is defined.
  for (const kind of ['cors', 'plain']) {
    const base = elsewhere[kind].base;
    fs.writeFileSync(path.join(hostDir, `origin-${kind}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="../favicon.svg">
<script type="module" src="${base}/embed.js"></script></head><body><main>
<h1>Another origin</h1>
<dw-widget id="o" name="fit-line" seed="3" points="40"><a id="fallback" href="${base}/embed.html?w=fit-line&seed=3&points=40">Fit the line: open the widget</a></dw-widget>
</main></body></html>`);
  }
  // The iframe's height follows its content, up and down.
  fs.writeFileSync(path.join(hostDir, 'resize.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Resize host</title><link rel="icon" href="../favicon.svg">
<script>window.messages = []; addEventListener('message', (e) => { window.messages.push(e.data); if (e.data && e.data.type === 'dw:resize') document.getElementById(e.data.widget).height = e.data.height; });</script>
</head><body><iframe id="primer-sum" title="sum" src="../embed.html?w=primer-sum" width="700" height="1500"></iframe>
<iframe id="tip-predictor" title="tips" src="../embed.html?w=tip-predictor&examples=12" width="700" height="200"></iframe></body></html>`);
  // derivation's documented options, and HTML's own attributes, on <dw-widget>.
  fs.writeFileSync(path.join(hostDir, 'attributes.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attributes host</title><link rel="icon" href="../favicon.svg">
<script type="module" src="../embed.js"></script></head><body><main>
<div class="dw-derivation-steps" id="my-steps"><div class="dw-step">First, write the loss.</div><div class="dw-step">Then, take its slope.</div><div class="dw-step">Last, step downhill.</div></div>
<dw-widget id="d" name="derivation" title="Gradient of the MSE" steps="my-steps"></dw-widget>
<dw-widget id="t" name="threshold" seed="3" aria-label="Threshold demo" data-week="4" role="region" onclick="window.clicked = 1"
  itemprop="demo" translate="no" accesskey="t" draggable="false" spellcheck="false" nonce="abc" autocapitalize="off" colour="red"></dw-widget>
</main></body></html>`);
  // Several instances of one widget, reporting xAPI statements.
  fs.writeFileSync(path.join(hostDir, 'activities.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Activities host</title><link rel="icon" href="../favicon.svg">
<script>window.statements = []; document.addEventListener('dw:xapi', (e) => window.statements.push([e.target.id, e.detail.object.id]));</script>
<script type="module" src="../embed.js"></script></head><body><main>
<dw-widget id="p1" name="primer-sum"></dw-widget>
<dw-widget id="p2" name="primer-sum"></dw-widget>
<dw-widget id="p3" name="primer-sum" activity="week1-practice"></dw-widget>
<dw-widget id="p4" name="primer-sum" activity="https://school.example/ml/week5/graded"></dw-widget>
<dw-widget id="f1" name="fit-line"></dw-widget>
</main></body></html>`);
  fs.writeFileSync(path.join(hostDir, 'activity-frames.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Activity frames</title><link rel="icon" href="../favicon.svg">
<script>window.messages = []; addEventListener('message', (e) => window.messages.push(e.data));</script>
</head><body><iframe id="plain" title="plain" src="../embed.html?w=primer-sum" width="600" height="500"></iframe>
<iframe id="named" title="named" src="../embed.html?w=primer-sum&activity=week5-sum" width="600" height="500"></iframe></body></html>`);
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
  // The same three widgets on a plain course page and on one with a common CSS reset that makes the
  // page's root font 10 px (html { font-size: 62.5% }).
  for (const [file, rootFont] of [['root-font-plain.html', ''], ['root-font-small.html', 'html { font-size: 62.5% }']]) {
    fs.writeFileSync(path.join(hostDir, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Root font host</title><link rel="icon" href="../favicon.svg">
<style>${rootFont}</style><script type="module" src="../embed.js"></script></head><body><main>
<dw-widget name="bias-variance-dartboards"></dw-widget>
<dw-widget name="fit-line"></dw-widget>
<dw-widget name="nn-playground"></dw-widget>
</main></body></html>`);
  }
  site = await startSite();
});
after(async () => {
  await site.close();
  for (const { server } of Object.values(elsewhere)) await new Promise((resolve) => server.close(resolve));
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

// docs/embedding.md: a course page on another origin loads <dw-widget> only from a host that
// sends Access-Control-Allow-Origin (serve.mjs --cors); without it the element's own content
// (the docs' link to the widget's page) stays in view instead of an empty space.
test('<dw-widget> from another origin: works with --cors; without it the fallback content shows', async () => {
  const page = await openPage(site, '/test-host/origin-cors.html', { width: 1000 });
  assert.equal(await page.evaluate(() => !!customElements.get('dw-widget')), true);
  assert.equal(await page.locator('#o .dw-card .dw-title').count(), 1);
  assert.equal(await page.locator('#fallback').isVisible(), false, 'the fallback is hidden once the widget is there');
  assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();

  const plain = await site.newPage({ width: 1000 });
  await plain.goto(`${site.base}/test-host/origin-plain.html`);
  await plain.waitForLoadState('load');
  await plain.waitForTimeout(300);
  assert.equal(await plain.evaluate(() => !!customElements.get('dw-widget')), false, 'a host without CORS blocks embed.js');
  assert.ok(plain.record.errors.some((e) => /CORS/.test(e)), plain.record.errors.join('\n'));
  assert.equal(await plain.locator('#fallback').isVisible(), true, 'the element\'s content shows instead');
  assert.equal(await plain.locator('#fallback').getAttribute('href'), `${elsewhere.plain.base}/embed.html?w=fit-line&seed=3&points=40`);
  await plain.close();
});

test('serve.mjs sends Access-Control-Allow-Origin only with --cors', async () => {
  const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
  for (const flag of [[], ['--cors']]) {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), path.join(root, 'dist'), String(port), ...flag], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve, reject) => { child.stdout.once('data', resolve); child.once('exit', reject); });
      for (const file of ['embed.js', 'engine/index.js', 'no-such-file']) {
        const res = await fetch(`http://localhost:${port}/${file}`, { headers: { Origin: 'http://lms.test' } });
        assert.equal(res.headers.get('access-control-allow-origin'), flag.length ? '*' : null, `${file} ${flag}`);
      }
    } finally {
      child.kill();
    }
  }
});

// The height posted is the content's, so the frame shrinks too: a frame made taller than its
// widget, and a widget that shrinks after dw:update (fewer examples), are both sized to fit.
test('the iframe posts its content height: it grows and shrinks with the widget', async () => {
  const page = await site.newPage({ width: 800, height: 900 });
  await page.goto(`${site.base}/test-host/resize.html`);
  const contentBottom = (id) => page.frameLocator(`#${id}`).locator('main#widget').evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom));
  const lastHeight = (id) => page.evaluate((w) => window.messages.filter((m) => m.type === 'dw:resize' && m.widget === w).at(-1)?.height, id);
  for (const id of ['primer-sum', 'tip-predictor']) {
    await page.frameLocator(`#${id}`).locator('.dw-card .dw-stage').first().waitFor({ timeout: PLAY_TIMEOUT });
  }
  await page.waitForFunction(() => ['primer-sum', 'tip-predictor'].every((w) => {
    const frame = document.getElementById(w);
    const main = frame.contentDocument && frame.contentDocument.querySelector('main#widget');
    return main && !main.querySelector('.dw-loading') && Number(frame.height) === Math.ceil(main.getBoundingClientRect().bottom);
  }), null, { timeout: PLAY_TIMEOUT });
  const sum = await contentBottom('primer-sum');
  assert.ok(sum < 1500, `the widget is ${sum} px tall`);
  assert.equal(await lastHeight('primer-sum'), sum, 'a frame taller than its widget is told the widget\'s height');
  assert.equal(await page.locator('#primer-sum').getAttribute('height'), String(sum));
  const before = await lastHeight('tip-predictor');
  assert.equal(before, await contentBottom('tip-predictor'));
  // Fewer examples: a shorter table, and a new, smaller height.
  await page.evaluate(() => document.getElementById('tip-predictor').contentWindow.postMessage({ type: 'dw:update', options: { examples: 3 } }, '*'));
  await page.waitForFunction((h) => {
    const m = window.messages.filter((x) => x.type === 'dw:resize' && x.widget === 'tip-predictor').at(-1);
    return m && m.height < h;
  }, before, { timeout: PLAY_TIMEOUT });
  const after = await lastHeight('tip-predictor');
  assert.equal(after, await contentBottom('tip-predictor'));
  assert.equal(await page.locator('#tip-predictor').getAttribute('height'), String(after));
  const blank = await page.frameLocator('#tip-predictor').locator('html').evaluate((el) => el.scrollHeight - Math.ceil(document.getElementById('widget').getBoundingClientRect().bottom));
  assert.ok(blank <= 1, `no blank space under the widget (${blank} px)`);
  await screenshot(page, 'embed-frame-shrink');
  assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

// derivation's two documented options through <dw-widget>: the title reaches the card, and the
// steps are found in the host page (the card sits in the element's shadow root).
test('<dw-widget name="derivation"> takes its title and the page\'s steps', async () => {
  const page = await openPage(site, '/test-host/attributes.html', { width: 1000 });
  const d = page.locator('#d');
  assert.equal(await d.locator('.dw-title').textContent(), 'Gradient of the MSE');
  assert.deepEqual(await d.locator('.derivation-step').evaluateAll((els) => els.map((e) => e.textContent)), ['Step 1First, write the loss.', 'Step 2Then, take its slope.', 'Step 3Last, step downhill.']);
  assert.match(await d.locator('.dw-message').first().textContent(), /^Step 1 of 3\./);
  assert.equal(await page.locator('#my-steps').isVisible(), false, 'the card took the page\'s block over');
  assert.equal(await d.locator('.dw-notes').textContent(), '');
  // Changing the title attribute retitles the card.
  await page.locator('#d').evaluate((el) => el.setAttribute('title', 'Chain rule'));
  await d.locator('.dw-title', { hasText: 'Chain rule' }).waitFor();
  await page.close();
});

// aria-*, data-*, role, on* handlers and HTML's other global attributes are the element's, not
// unknown options shown to learners; an attribute that is neither still gets its note.
test('HTML\'s global attributes on <dw-widget> are not reported as unknown options', async () => {
  const page = await openPage(site, '/test-host/attributes.html', { width: 1000 });
  const t = page.locator('#t');
  const notes = await t.locator('.dw-notes').textContent();
  assert.doesNotMatch(notes, /aria-label|data-week|role|onclick|itemprop|translate|accesskey|draggable|spellcheck|nonce|autocapitalize/);
  assert.match(notes, /Unknown option "colour" was ignored/);
  assert.equal(await t.getAttribute('role'), 'region');
  assert.equal(await page.getByRole('region', { name: 'Threshold demo' }).count(), 1);
  // Set after mount: still the element's.
  await t.evaluate((el) => { el.setAttribute('data-unit', '5'); el.setAttribute('aria-describedby', 'x'); el.setAttribute('hidden', ''); el.removeAttribute('hidden'); });
  await page.waitForTimeout(100);
  assert.doesNotMatch(await t.locator('.dw-notes').textContent(), /data-unit|aria-describedby|hidden/);
  const rule = await page.evaluate(async () => {
    const { isElementAttribute } = await import('/embed.js');
    const schema = { items: {}, title: {}, dataset: {} };
    return ['aria-label', 'data-set', 'role', 'onclick', 'inert', 'itemprop', 'is', 'contenteditable', 'name', 'activity', 'items', 'title', 'dataset', 'seed']
      .map((n) => [n, isElementAttribute(n, schema)]);
  });
  assert.deepEqual(Object.fromEntries(rule), {
    'aria-label': true, 'data-set': true, role: true, onclick: true, inert: true, itemprop: true, is: true, contenteditable: true,
    name: true, activity: true, items: false, title: false, dataset: false, seed: false,
  });
  assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

// Each instance is its own xAPI activity: #NAME, #NAME-2 in page order, or the name or IRI the
// embedder gives in `activity` (the iframe's activity= parameter); a single widget keeps #NAME.
test('xAPI activity ids tell instances apart; `activity` names one', async () => {
  const page = await openPage(site, '/test-host/activities.html', { width: 1000 });
  const ids = ['p1', 'p2', 'p3', 'p4', 'f1'];
  for (const id of ids) {
    await page.locator(`#${id}`).evaluate((el) => el.shadowRoot.querySelector('.dw-card').dispatchEvent(new CustomEvent('dw:score', {
      bubbles: true, composed: true, detail: { widget: el.getAttribute('name'), title: 't', score: 1, max: 2 },
    })));
  }
  const page0 = `${site.base}/test-host/activities.html`;
  assert.deepEqual(await page.evaluate(() => window.statements), [
    ['p1', `${page0}#primer-sum`], ['p2', `${page0}#primer-sum-2`], ['p3', `${page0}#week1-practice`],
    ['p4', 'https://school.example/ml/week5/graded'], ['f1', `${page0}#fit-line`],
  ]);
  assert.equal(await page.locator('#p3 .dw-notes').textContent(), '', '`activity` is not an unknown option');
  await page.close();

  const frames = await site.newPage({ width: 800 });
  await frames.goto(`${site.base}/test-host/activity-frames.html`);
  for (const id of ['plain', 'named']) await frames.frameLocator(`#${id}`).locator('.dw-card .dw-stage').first().waitFor({ timeout: PLAY_TIMEOUT });
  assert.equal(await frames.frameLocator('#named').locator('.dw-notes').textContent(), '', 'activity= is not an unknown option');
  for (const id of ['plain', 'named']) {
    await frames.frameLocator(`#${id}`).locator('.dw-card').evaluate((card) => card.dispatchEvent(new CustomEvent('dw:complete', {
      bubbles: true, composed: true, detail: { widget: 'primer-sum', title: 't', score: 2, max: 2 },
    })));
  }
  await frames.waitForFunction(() => window.messages.filter((m) => m.type === 'dw:xapi' && m.detail.verb.display['en-US'] === 'completed').length === 2);
  const objects = await frames.evaluate(() => window.messages.filter((m) => m.type === 'dw:xapi' && m.detail.verb.display['en-US'] === 'completed').map((m) => m.detail.object.id).sort());
  assert.deepEqual(objects, [`${site.base}/embed.html#primer-sum`, `${site.base}/embed.html#week5-sum`]);
  assert.deepEqual(frames.record.errors.filter((e) => !/favicon/.test(e)), []);
  await frames.close();
});

// The iframe code block of docs/embedding.md section 2, for a page whose address of the site is `siteBase`.
function docsFrameSnippet(siteBase, src) {
  const docs = fs.readFileSync(path.join(root, 'docs/embedding.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## 2. An iframe'), docs.indexOf('## 3. Share'));
  const block = /```html\n([\s\S]*?)```/.exec(section)[1];
  return block.replaceAll('https://your-host/data-workshop/', siteBase).replace(/embed\.html\?[^"]*/, src);
}

// The iframe's height and its content's (the bottom of main#widget), once they agree or after PLAY_TIMEOUT.
async function frameFitsContent(page, frame) {
  const read = async () => ({
    height: await page.locator('iframe').evaluate((f) => Number(f.height)),
    content: await frame.locator('main#widget').evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom)),
  });
  let now = await read();
  for (let waited = 0; now.height !== now.content && waited < PLAY_TIMEOUT; waited += 100) {
    await page.waitForTimeout(100);
    now = await read();
  }
  return now;
}

// Audit 10 B, item 3: the docs said both ways work under a strict Content-Security-Policy, but the
// iframe snippet's inline resize script is refused by it (the frame stayed at height="720"), and a
// site on another origin is refused unless the policy names it. The snippet now loads the site's
// embed-resize.js, and the docs give the policy for a site on another origin: both are pasted here
// as written, on pages served with those policies.
test('under the docs\' Content-Security-Policies the element and the iframe snippet work, and the frame takes its content\'s height', async () => {
  const strict = createServer(path.join(root, 'dist'), { csp: STRICT_CSP });
  const sameBase = await listen(strict);
  const siteOrigin = elsewhere.cors.base;
  const docs = fs.readFileSync(path.join(root, 'docs/embedding.md'), 'utf8');
  const policy = /`(default-src 'self' https:\/\/static\.school\.example;[^`]*)`/.exec(docs);
  assert.ok(policy, 'the docs give the policy for a site on another origin');
  const crossPolicy = policy[1].replaceAll('https://static.school.example', siteOrigin);
  const cross = createServer(path.join(root, 'dist'), { csp: crossPolicy });
  const crossBase = await listen(cross);
  fs.writeFileSync(path.join(hostDir, 'csp-same.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict host</title><link rel="icon" href="../favicon.svg"></head><body>
${docsFrameSnippet('../', 'embed.html?w=fit-line&seed=3')}
</body></html>`);
  // The frame first: Chromium pauses the rendering of a frame from another origin while it is out of
  // view, and with it the ResizeObserver that reports its height, until the page is scrolled to it.
  fs.writeFileSync(path.join(hostDir, 'csp-cross.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="../favicon.svg">
<script type="module" src="${siteOrigin}/embed.js"></script></head><body>
${docsFrameSnippet(`${siteOrigin}/`, 'embed.html?w=derivation')}
<dw-widget id="el" name="fit-line" seed="3"><a href="${siteOrigin}/embed.html?w=fit-line">Fit the line: open the widget</a></dw-widget>
</body></html>`);
  try {
    for (const [base, file, width] of [[sameBase, 'csp-same', 375], [crossBase, 'csp-cross', 1280]]) {
      const page = await site.newPage({ width, height: 900 });
      const policies = [];
      page.on('response', (r) => { if (r.url().endsWith(`${file}.html`)) policies.push(r.headers()['content-security-policy']); });
      await page.goto(`${base}/test-host/${file}.html`);
      const frame = page.frameLocator('iframe');
      await frame.locator('.dw-card .dw-stage').first().waitFor({ timeout: PLAY_TIMEOUT });
      // The frame's height follows its content (fit-line at 375 px is far taller than the snippet's
      // 720 px, the derivation at 1280 px far shorter).
      const { height, content } = await frameFitsContent(page, frame);
      assert.equal(height, content, `${file}: the frame is as tall as its content`);
      assert.notEqual(height, 720);
      if (file === 'csp-cross') {
        await page.locator('#el .dw-card .dw-stage').first().waitFor({ timeout: PLAY_TIMEOUT });
        assert.equal(await page.locator('#el > a').isVisible(), false, 'the widget took the fallback link\'s place');
      }
      assert.deepEqual(policies, [file === 'csp-same' ? STRICT_CSP : crossPolicy], 'the page was served with the policy');
      assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), [], `${file}: nothing refused`);
      await screenshot(page, `embed-${file}-${width}`);
      await page.close();
    }
  } finally {
    for (const server of [strict, cross]) await new Promise((resolve) => server.close(resolve));
  }
});

// Audit 10 B, item 4: the Share panel is positioned over the card, so a short widget's open panel
// reached past #widget's box, and the frame (sized to that box) cut off its Copy button.
test('an open Share panel fits in the auto-sized iframe, which shrinks back when it closes', async () => {
  fs.writeFileSync(path.join(hostDir, 'share-frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Share frame</title><link rel="icon" href="../favicon.svg"></head><body>
${docsFrameSnippet('../', 'embed.html?w=derivation')}
</body></html>`);
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.base}/test-host/share-frame.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.dw-card').first().waitFor({ timeout: PLAY_TIMEOUT });
  const frameHeight = () => page.locator('iframe').evaluate((f) => Number(f.height));
  const { height: widgetBottom, content } = await frameFitsContent(page, frame);
  assert.equal(widgetBottom, content, 'the closed frame is as tall as the widget');
  await frame.getByText('Share', { exact: true }).click();
  const panel = frame.locator('.dw-share-panel');
  await panel.waitFor({ state: 'visible' });
  const panelBottom = await panel.evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom));
  assert.ok(panelBottom > widgetBottom, `the panel (to ${panelBottom} px) reaches past the short widget (${widgetBottom} px)`);
  await page.waitForFunction((h) => Number(document.querySelector('iframe').height) >= h, panelBottom, { timeout: PLAY_TIMEOUT });
  const copy = frame.locator('.dw-share-panel button', { hasText: 'Copy' }).last();
  const copyBox = await copy.boundingBox();
  const frameBox = await page.locator('iframe').boundingBox();
  assert.ok(copyBox.y + copyBox.height <= frameBox.y + frameBox.height, 'the embed code\'s Copy button is inside the frame');
  await screenshot(page, 'embed-frame-share-open-1280');
  await frame.getByText('Share', { exact: true }).click();
  await page.waitForFunction((h) => Number(document.querySelector('iframe').height) === h, widgetBottom, { timeout: PLAY_TIMEOUT });
  assert.equal(await frameHeight(), widgetBottom);
  assert.deepEqual(page.record.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

// Audit 10 B1: inside a shadow root `rem` is the host page's root size, so on a page with
// html { font-size: 62.5% } the dartboards' table was set in 6.9 px type at 375 px, fit-line's
// fields shrank from 325 to 155 px, and the nn-playground's three columns squeezed at 1280 px.
// Sizes now come from the learner's own default text size (web/embed.js's --dw-rem): the same on
// both hosts, and larger for a learner whose browser's text is larger.
async function embeddedSizes(page) {
  return page.locator('dw-widget').evaluateAll((widgets) => Object.fromEntries(widgets.map((w) => {
    const root = w.shadowRoot;
    const size = (selector) => { const e = root.querySelector(selector); return e ? getComputedStyle(e).fontSize : null; };
    const layout = root.querySelector('.nnp-layout');
    return [w.getAttribute('name'), {
      card: size('.dw-card'), table: size('table.dw-table'), field: size('.dw-field'),
      fieldWidths: [...root.querySelectorAll('.dw-field')].filter((f) => f.getClientRects().length).map((f) => Math.round(f.getBoundingClientRect().width)),
      columns: layout ? getComputedStyle(layout).gridTemplateColumns : null,
    }];
  })));
}

test('<dw-widget> sizes do not follow the host page\'s root font size (html { font-size: 62.5% }), but do follow the learner\'s', async () => {
  for (const width of [375, 1280]) {
    const sizes = {};
    for (const host of ['plain', 'small']) {
      const page = await openPage(site, `/test-host/root-font-${host}.html`, { width });
      sizes[host] = await embeddedSizes(page);
      assert.deepEqual(page.record.errors, []);
      await page.close();
    }
    assert.deepEqual(sizes.small, sizes.plain, `at ${width} px`);
    const { plain } = sizes;
    assert.equal(plain['fit-line'].card, '16px');
    assert.equal(plain['bias-variance-dartboards'].table, width === 375 ? '11px' : '14px', 'the dartboards\' table');
    if (width === 1280) assert.equal(plain['nn-playground'].columns.split(' ').length, 3, 'the playground\'s three columns');
  }
  // A learner whose browser's default text is 24 px gets 1.5 times the sizes, on the small-root host too.
  const page = await site.newPage({ width: 375 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.goto(`${site.base}/test-host/root-font-small.html`);
  await widgetsReady(page);
  const large = await embeddedSizes(page);
  assert.equal(large['fit-line'].card, '24px');
  assert.equal(large['fit-line'].field, '21px');
  assert.equal(large['bias-variance-dartboards'].table, '16.5px');
  await cdp.detach();
  await page.close();
});

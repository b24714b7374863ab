// A learner who doubles the text size (WCAG 1.4.4: text resized to 200 % without loss of content).
// The site's CSS is in rem, so 200 % text is the root font size set to 200 %, as the low-vision
// audit did. At that size nothing may scroll the page sideways, no label, value or button may run
// past its own box or its card, captions must not print over each other, and the text drawn on the
// canvases (axis numbers and names, legends) grows with the page's text instead of staying at 11 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, widgetsReady, afterNextFrame } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function enlargeText(page, size = '200%') {
  await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
  // The plots hear of it through a ResizeObserver and redraw in the next frame or two.
  for (let i = 0; i < 3; i++) await afterNextFrame(page);
}

// Whether the page scrolls sideways: its scroll width against the viewport's.
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// Every element matching `selector` inside the card titled `title`: its box, the card's box, and how
// far its content overflows its own box.
async function boxes(page, title, selector) {
  const card = page.locator('.dw-card').filter({ hasText: title }).first();
  return card.evaluate((c, sel) => {
    const cardBox = c.getBoundingClientRect();
    return [...c.querySelectorAll(sel)].filter((e) => e.getClientRects().length).map((e) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        overflow: e.scrollWidth - e.clientWidth,
        cardLeft: cardBox.left, cardRight: cardBox.right,
      };
    });
  }, selector);
}

const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

function assertInside(list, what) {
  assert.ok(list.length > 0, `${what}: found`);
  for (const b of list) {
    assert.ok(b.overflow <= 1, `${what} "${b.text}" overflows its own box by ${b.overflow} px`);
    assert.ok(b.left >= b.cardLeft - 0.5 && b.right <= b.cardRight + 0.5,
      `${what} "${b.text}" spans ${b.left.toFixed(0)}–${b.right.toFixed(0)}, its card ${b.cardLeft.toFixed(0)}–${b.cardRight.toFixed(0)}`);
  }
}

function assertApart(list, what) {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      assert.ok(!overlaps(list[i], list[j]), `${what}: "${list[i].text}" and "${list[j].text}" overlap`);
    }
  }
}

test('SVD at 200 % text: the four σ captions stay inside their layers and apart, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/svd.html', { width, height: 900 });
    await enlargeText(page);
    const captions = await boxes(page, 'Compress a picture by rank k', '.svd-compress-layer-caption');
    assert.equal(captions.length, 4, `four captions at ${width} px`);
    assert.ok(captions.every((c) => /σ/.test(c.text)), `captions read σ… at ${width} px`);
    assertInside(captions, `caption at ${width} px`);
    const layers = await boxes(page, 'Compress a picture by rank k', '.svd-compress-layer');
    captions.forEach((c, i) => assert.ok(c.left >= layers[i].left - 0.5 && c.right <= layers[i].right + 0.5,
      `"${c.text}" stays inside its own layer at ${width} px`));
    assertApart(captions, `captions at ${width} px`);
    // The strip of layers stays inside the card (at 375 px the site's header and a wide formula in
    // the lesson text are another matter: they are not the widget's).
    assertInside(await boxes(page, 'Compress a picture by rank k', '.svd-compress-layers'), `layers at ${width} px`);
    if (width === 1280) assert.ok(await sideways(page) <= 0, 'no sideways scroll at 1280 px');
    await page.close();
  }
});

// A phone with the learner's text at 200 %: the site's links wrap under the title, a long identifier
// in code breaks, a tuple or a long quotient in a formula breaks where \allowbreak allows, and a
// colour-bar legend, a bagging scale and a readout of several parts wrap inside the card.
test('At 375 px with 200 % text nothing scrolls the page sideways: header, code, formulas, legends, readouts', async () => {
  for (const path of ['/index.html', '/lessons/svd.html', '/lessons/learning-curves.html', '/lessons/activation-functions.html',
    '/lessons/fine-tuning.html', '/lessons/knn.html', '/lessons/ensembles.html', '/lessons/neural-network-playground.html',
    '/lessons/pipeline-leakage.html', '/lessons/retrieval-augmented.html']) {
    const page = await openPage(site, path, { width: 375, height: 800 });
    await widgetsReady(page);
    await enlargeText(page);
    assert.ok(await sideways(page) <= 0, `${path}: the page is ${await sideways(page)} px wider than the window`);
    await page.close();
  }
});

test('Neural-network playground at 200 % text: no sideways scroll, every label and button whole and inside the card', async () => {
  const page = await openPage(site, '/lessons/neural-network-playground.html', { width: 1280, height: 900 });
  await enlargeText(page);
  assert.ok(await sideways(page) <= 0, `the page is ${await sideways(page)} px wider than the window`);
  const title = await page.locator('.dw-card.nnp h3.dw-title').first().textContent();
  const panels = ':is(.nnp-training, .nnp-data, .nnp-out, .nnp-top)';
  const labels = await boxes(page, title, `${panels} .dw-field > label, ${panels} .dw-check`);
  assertInside(labels, 'label');
  const buttons = await boxes(page, title, `${panels} .dw-btn`);
  assertInside(buttons, 'button');
  // The training row's labels side by side: none runs into its neighbour.
  const training = await boxes(page, title, '.nnp-training .dw-field > label');
  assertApart(training, 'training labels');
  await page.close();
});

for (const [slug, field] of [['activation-functions', 'temperature'], ['anomaly-detection', 'contamination']]) {
  test(`${slug} at 200 % text: every slider's value stays inside its card (the "${field}" one included)`, async () => {
    const page = await openPage(site, `/lessons/${slug}.html`, { width: 1280, height: 900 });
    await enlargeText(page);
    const cards = await page.locator('.dw-card').evaluateAll((cs) => cs.map((c) => c.querySelector('h3.dw-title')?.textContent || ''));
    let seen = false;
    for (const title of cards.filter(Boolean)) {
      const values = await boxes(page, title, '.dw-field > label output, .dw-field > label');
      if (values.some((v) => v.text.includes(field))) seen = true;
      assertInside(values, `${title}: label or value`);
    }
    assert.ok(seen, `a "${field}" slider was checked`);
    assert.ok(await sideways(page) <= 0, 'no sideways scroll');
    await page.close();
  });
}

// The font size (px) of every text drawn on the page's canvases, recorded from fillText as drawn.
async function openRecording(path) {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font');
    const fill = CanvasRenderingContext2D.prototype.fillText;
    window.__drawnText = [];
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      const px = parseFloat((/(\d*\.?\d+)px/.exec(font.get.call(this)) || [])[1]);
      window.__drawnText.push({ text: String(text), px });
      return fill.call(this, text, ...rest);
    };
  });
  await page.goto(`${site.base}${path}`);
  await widgetsReady(page);
  return page;
}

const drawnSizes = (page, texts) => page.evaluate((wanted) => {
  const got = {};
  for (const { text, px } of window.__drawnText) if (wanted.includes(text)) got[text] = px;
  window.__drawnText = [];
  return got;
}, texts);

test('Canvas text grows with the text size: fit-the-line\'s axis numbers and names are twice as large at 200 %', async () => {
  const page = await openRecording('/lessons/fit-the-line.html');
  const texts = ['x', 'y', 'MSE', '0', '2', '4'];
  const normal = await drawnSizes(page, texts);
  assert.ok(Object.keys(normal).length >= 3, `axis text drawn at 100 %: ${JSON.stringify(normal)}`);
  await enlargeText(page);
  const large = await drawnSizes(page, texts);
  for (const [text, px] of Object.entries(normal)) {
    assert.ok(large[text] >= px * 1.9, `"${text}" drawn at ${px} px at 100 % and ${large[text]} px at 200 %`);
  }
  // Back to the default size: the default look, exactly as before.
  await enlargeText(page, '');
  const again = await drawnSizes(page, texts);
  for (const [text, px] of Object.entries(normal)) assert.equal(again[text], px, `"${text}" back at ${px} px`);
  await page.close();
});

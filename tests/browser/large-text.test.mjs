// A learner who doubles the text size (WCAG 1.4.4: text resized to 200 % without loss of content).
// The site's CSS is in rem, so 200 % text is the root font size set to 200 %, as the low-vision
// audit did. At that size nothing may scroll the page sideways, no label, value or button may run
// past its own box or its card, captions must not print over each other, and the text drawn on the
// canvases (axis numbers and names, legends) grows with the page's text instead of staying at 11 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, openFreshPage, widgetsReady, afterNextFrame } from './browser.mjs';

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

// Text boxes that intersect (a, b: { left, right, top, bottom }).
const intersect = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

// The home page with every lesson marked complete: the "✓ Completed" tick floats in each finished
// card's corner and the title's lines flow round it. The title's text (its line boxes, not its
// block, which runs under the float by design) never meets the tick, and stays inside its card.
test('Home page at 150 and 200 % text: the "✓ Completed" tick never covers a finished lesson\'s title, at 1280, 375 and 320 px', async () => {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.base}/index.html`);
  const slugs = await page.evaluate(() => document.querySelector('.course-progress').dataset.lessons.split(' '));
  await page.evaluate((all) => { for (const s of all) localStorage.setItem(`dw:lesson:${s}`, JSON.stringify({ complete: true, activities: {} })); }, slugs);
  try {
    for (const [width, size] of [[1280, '200%'], [1280, '150%'], [375, '200%'], [375, '150%'], [320, '200%']]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await enlargeText(page, size);
      const cards = await page.locator('.lesson-list li.is-complete').evaluateAll((lis) => lis.map((li) => {
        const range = document.createRange();
        range.selectNodeContents(li.querySelector('strong'));
        const card = li.querySelector('a').getBoundingClientRect();
        const t = li.querySelector('.lesson-done').getBoundingClientRect();
        return {
          title: li.querySelector('strong').textContent,
          lines: [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
          tick: { left: t.left, right: t.right, top: t.top, bottom: t.bottom },
          card: { left: card.left, right: card.right },
        };
      }));
      assert.ok(cards.length >= slugs.length - 1, `${cards.length} finished lessons ticked at ${width} px`);
      for (const { title, lines, tick, card } of cards) {
        assert.ok(tick.left >= card.left && tick.right <= card.right + 0.5, `the tick inside "${title}"'s card at ${width} px, ${size}`);
        for (const line of lines) {
          assert.ok(!intersect(line, tick), `"${title}": the tick covers its title at ${width} px, ${size}`);
          assert.ok(line.right <= card.right + 0.5, `"${title}" runs past its card at ${width} px, ${size}`);
        }
      }
      assert.ok(await sideways(page) <= 0, `the home page scrolls sideways at ${width} px, ${size}`);
    }
  } finally {
    await page.evaluate((all) => { for (const s of all) localStorage.removeItem(`dw:lesson:${s}`); }, slugs);
    await page.close();
  }
});

// The badge exam's number box on a phone with 200 % text: the box was max-width 12em (384 px),
// wider than the card, and the page scrolled sideways with the tolerance cut to "±0.0". With seed 86
// the second question asks for a number (ml-badge.test.mjs).
test('Badge exam at 375 px with 200 % text: the number box and its label, tolerance included, fit the card', async () => {
  const page = await openFreshPage(site, '/lessons/badge.html#ml-badge.seed=86', { width: 375, height: 800 });
  const card = page.locator('.dw-card').filter({ hasText: 'earn the Machine Learning badge' });
  await card.locator('.ml-badge-choice').first().click();
  await card.getByRole('button', { name: /Next question/ }).click();
  await card.locator('.ml-badge-number-input').waitFor();
  await enlargeText(page);
  assert.ok(await sideways(page) <= 0, `the page is ${await sideways(page)} px wider than the window`);
  assertInside(await boxes(page, 'earn the Machine Learning badge', '.ml-badge-number-input, .ml-badge-number .dw-btn'), 'number box or button');
  const label = await card.locator('.ml-badge-number label').evaluate((l) => {
    const range = document.createRange();
    range.selectNodeContents(l);
    const c = l.closest('.dw-card').getBoundingClientRect();
    return { text: l.textContent, right: Math.max(...[...range.getClientRects()].map((r) => r.right)), cardRight: c.right, window: document.documentElement.clientWidth };
  });
  assert.match(label.text, /within ±0\.01 counts/);
  assert.ok(label.right <= Math.min(label.cardRight, label.window) + 0.5, `the label "${label.text}" runs to ${label.right.toFixed(0)} px, the card ends at ${label.cardRight.toFixed(0)}`);
  await page.close();
});

// 320 px with 200 % text (and 375 px): a check-yourself number box (9em = 288 px), an inline formula
// KaTeX cannot break ("Q(middle, right) =", "TP, FN, FP, TN"), a card title's long word
// ("hyperparameters") and a bold word in the prose ("Backpropagation") each widened the page. Now a
// box is at most its block's width, a formula too wide for the column scrolls in its own box, and a
// word breaks at the edge.
test('At 320 and 375 px with 200 % text no page scrolls sideways: check-yourself boxes, inline formulas, long words', async () => {
  const problems = [];
  for (const path of ['/index.html', '/lessons/q-learning.html', '/lessons/roc-curves.html', '/lessons/decision-trees.html',
    '/lessons/kmeans.html', '/lessons/history-of-ai.html']) {
    for (const width of [320, 375]) {
      const page = await openPage(site, path, { width, height: 800 });
      await enlargeText(page);
      const wider = await sideways(page);
      if (wider > 0) problems.push(`${path} at ${width} px: the page is ${wider} px wider than the window`);
      const inside = await page.evaluate(() => {
        const out = [];
        for (const input of document.querySelectorAll('.cy-answer input')) {
          const box = input.closest('.check-yourself').getBoundingClientRect();
          const r = input.getBoundingClientRect();
          if (r.right > box.right + 0.5) out.push(`a number box ends at ${r.right.toFixed(0)}, its block at ${box.right.toFixed(0)}`);
        }
        for (const chunk of document.querySelectorAll('.prose .katex-base')) {
          if (chunk.closest('.katex-display')) continue;
          let block = chunk.parentElement;
          while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
          const column = block.getBoundingClientRect();
          const r = chunk.getBoundingClientRect();
          if (r.right > column.right + 4) out.push(`"${chunk.textContent.slice(0, 30)}" ends at ${r.right.toFixed(0)}, its block at ${column.right.toFixed(0)}`);
        }
        return out;
      });
      problems.push(...inside.map((p) => `${path} at ${width} px: ${p}`));
      await page.close();
    }
  }
  assert.deepEqual(problems, []);
});

// The scroll box of an inline formula is there only when needed: at the default size every formula
// fits, none shows a scroll bar, and none moves off its line's baseline (its chunk's content stays
// where KaTeX put it: the padding round it is taken back by its margin).
test('Inline formulas at the default text size show no scroll bar and keep their place on the line', async () => {
  const page = await openPage(site, '/lessons/svd.html', { width: 1280, height: 900 });
  const chunks = await page.evaluate(() => [...document.querySelectorAll('.prose .katex-base')].filter((b) => !b.closest('.katex-display')).map((b) => {
    const s = getComputedStyle(b);
    return { text: b.textContent.slice(0, 30), overflowX: s.overflowX, scrollX: b.scrollWidth - b.clientWidth, scrollY: b.scrollHeight - b.clientHeight, bar: b.offsetHeight - b.clientHeight - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth) };
  }));
  assert.ok(chunks.length > 50, `${chunks.length} inline formula chunks`);
  for (const c of chunks) {
    assert.equal(c.overflowX, 'auto', `"${c.text}" scrolls in its own box when too wide`);
    assert.ok(c.scrollX <= 0 && c.scrollY <= 0 && c.bar <= 0, `"${c.text}" shows no scroll bar (overflows ${c.scrollX} × ${c.scrollY} px)`);
  }
  await page.close();
});

// The AI ⊃ ML ⊃ DL figure of history-of-ai, every technique sorted, redrawn at 200 % text: the text
// it draws (set names, glosses, chip names) is recorded from fillText with its measured box. No two
// texts overlap and each stays inside the canvas (the set name "Artificial intelligence" was printed
// over its gloss, and at 375 px names, glosses and chips ran off the right edge).
test('AI/ML/DL figure at 200 % text: names, glosses and chips stay apart and inside the figure, at 1280, 375 and 320 px', async () => {
  const { TECHNIQUES } = await import('../../web/lib/ai-history.js');
  for (const width of [1280, 375, 320]) {
    const page = await site.newPage({ width, height: 900 });
    await page.addInitScript(() => {
      const fill = CanvasRenderingContext2D.prototype.fillText;
      const clear = CanvasRenderingContext2D.prototype.clearRect;
      window.__figureText = [];
      const mine = (ctx) => ctx.canvas.closest && ctx.canvas.closest('.dw-card')?.querySelector('h3')?.textContent.includes('sort them');
      CanvasRenderingContext2D.prototype.clearRect = function (...args) { if (mine(this)) window.__figureText = []; return clear.apply(this, args); };
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
        if (mine(this)) {
          const m = this.measureText(text);
          const dpr = this.getTransform().a;
          window.__figureText.push({ text: String(text), left: x - m.actualBoundingBoxLeft, right: x + m.actualBoundingBoxRight,
            top: y - m.actualBoundingBoxAscent, bottom: y + m.actualBoundingBoxDescent, canvasWidth: this.canvas.width / dpr });
        }
        return fill.call(this, text, x, y, ...rest);
      };
    });
    await page.goto(`${site.base}/lessons/history-of-ai.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card').filter({ hasText: 'sort them' });
    const button = { ai: /^AI only:/, ml: /^ML:/, dl: /^DL:/ };
    for (const x of TECHNIQUES) {
      await card.getByRole('button', { name: x.name, exact: true }).click();
      await card.getByRole('button', { name: button[x.region] }).click();
    }
    await enlargeText(page);
    const texts = await page.evaluate(() => window.__figureText);
    assert.ok(texts.some((x) => x.text === 'Artificial intelligence' || x.text === 'Artificial'), `set names drawn at ${width} px`);
    assert.ok(texts.length >= 3 + 3 + TECHNIQUES.length, `${texts.length} texts drawn at ${width} px`);
    for (const x of texts) assert.ok(x.left >= 0 && x.right <= x.canvasWidth, `"${x.text}" spans ${x.left.toFixed(0)}–${x.right.toFixed(0)} of the figure's ${x.canvasWidth} px at ${width} px`);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        assert.ok(!intersect(texts[i], texts[j]), `"${texts[i].text}" and "${texts[j].text}" overlap at ${width} px`);
      }
    }
    await page.close();
  }
});

// Every text drawn on the canvases of the card titled `title`, in its canvas's CSS pixels, as the
// last frame drew it (a canvas's list starts again at each clearRect, which every plot's begin()
// calls): its ink (`ink`), and the ink across with the font's whole line up and down, so that two
// lines closer than a line of their font count as touching. Rotated text is boxed by its four
// corners. Circles (arc) are recorded too: on the gridworld board the only one is the agent.
async function openDrawing(path, width) {
  const page = await site.newPage({ width, height: 900 });
  await page.addInitScript(() => {
    const P = CanvasRenderingContext2D.prototype;
    const { fillText, clearRect, arc } = P;
    window.__drawn = [];
    const toCss = (ctx, points) => {
      const m = ctx.getTransform();
      const dpr = window.devicePixelRatio || 1;
      const xs = points.map(([u, v]) => (m.a * u + m.c * v + m.e) / dpr);
      const ys = points.map(([u, v]) => (m.b * u + m.d * v + m.f) / dpr);
      return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), rotated: m.b !== 0 };
    };
    P.clearRect = function (...rest) {
      window.__drawn = window.__drawn.filter((d) => d.canvas !== this.canvas);
      return clearRect.apply(this, rest);
    };
    P.fillText = function (text, x, y, ...rest) {
      const m = this.measureText(text);
      const corners = (up, down) => [[x - m.actualBoundingBoxLeft, y - up], [x + m.actualBoundingBoxRight, y + down], [x - m.actualBoundingBoxLeft, y + down], [x + m.actualBoundingBoxRight, y - up]];
      const box = toCss(this, corners(m.fontBoundingBoxAscent, m.fontBoundingBoxDescent));
      const ink = toCss(this, corners(m.actualBoundingBoxAscent, m.actualBoundingBoxDescent));
      window.__drawn.push({ kind: 'text', canvas: this.canvas, text: String(text), font: this.font, ...box, ink });
      return fillText.call(this, text, x, y, ...rest);
    };
    P.arc = function (x, y, r, ...rest) {
      window.__drawn.push({ kind: 'circle', canvas: this.canvas, ...toCss(this, [[x - r, y - r], [x + r, y + r]]) });
      return arc.call(this, x, y, r, ...rest);
    };
  });
  await page.goto(`${site.base}${path}`);
  await widgetsReady(page);
  return page;
}

// Per canvas of the card: its size, the texts and circles of its last frame, and every text whose
// ink crosses the canvas's edge or whose line overlaps another's (by more than half a pixel); only
// clashes that involve a text `mine` accepts when given (the axes are plot.js's, tested there).
async function drawnIn(page, title, mine = null) {
  const card = page.locator('.dw-card').filter({ hasText: title }).first();
  await card.evaluate((c) => c.scrollIntoView({ block: 'start' }));
  for (let i = 0; i < 3; i++) await afterNextFrame(page);
  return card.evaluate((c, only) => [...c.querySelectorAll('canvas')].map((canvas) => {
    const { width, height } = canvas.getBoundingClientRect();
    const drawn = window.__drawn.filter((d) => d.canvas === canvas).map(({ canvas: _, ...d }) => d);
    const texts = drawn.filter((d) => d.kind === 'text');
    const concerns = (t) => !only || new RegExp(only).test(t.text);
    const clashes = [];
    const name = (t) => `"${t.text}" (${t.x0.toFixed(0)}–${t.x1.toFixed(0)} × ${t.y0.toFixed(0)}–${t.y1.toFixed(0)})`;
    for (const t of texts.filter(concerns)) {
      const { x0, x1, y0, y1 } = t.ink;
      if (x0 < -0.5 || y0 < -0.5 || x1 > width + 0.5 || y1 > height + 0.5) clashes.push(`${name(t)} crosses the ${width.toFixed(0)} × ${height.toFixed(0)} canvas's edge`);
    }
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      if (!concerns(a) && !concerns(b)) return;
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) clashes.push(`${name(a)} overlaps ${name(b)}`);
    }));
    return { width, height, texts, circles: drawn.filter((d) => d.kind === 'circle'), clashes };
  }), mine && mine.source);
}

// The AI timeline lays its labels out in the font's size: at 200 % text every year, name and era
// caption is whole, inside the canvas and clear of every other (the layout turns vertical, the
// names wrap on a phone, and the canvas grows as tall as the labels need).
test('AI timeline at 150 % and 200 % text: no label overprints another or runs off the canvas, every name and all six era captions drawn, at 1280 and 375 px', async () => {
  const names = ['Artificial neuron', 'Turing test', 'Dartmouth', 'Perceptron', 'Perceptrons book', 'Expert systems', 'Backpropagation', 'SVMs',
    'Deep Blue', 'LeNet-5', '“Deep learning”', 'AlexNet', 'GANs', 'AlphaGo', 'Transformer', 'BERT, GPT-1', 'GPT-3', 'DALL-E', 'ChatGPT', 'LLMs everywhere'];
  for (const width of [1280, 375]) {
    const page = await openDrawing('/lessons/history-of-ai.html', width);
    for (const size of ['150%', '200%']) {
      await enlargeText(page, size);
      const [board] = await drawnIn(page, 'Eighty years of AI');
      assert.deepEqual(board.clashes, [], `at ${width} px with ${size} text`);
      // A name wrapped over lines reads whole again joined (a word broken at a line's end ends in "-").
      const drawn = board.texts.map((t) => t.text).join(' ').replace(/- /g, '');
      for (const n of names) assert.ok(drawn.includes(n), `"${n}" drawn whole at ${width} px with ${size} text`);
      // The captions are the only regular (not bold, not monospaced) text on the board.
      const captions = board.texts.filter((t) => !/^(600|bold)\b/.test(t.font) && !/mono/i.test(t.font)).map((t) => t.text);
      assert.equal(captions.length, 6, `six era captions at ${width} px with ${size} text: ${captions.join(', ')}`);
    }
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

// Numbers in the cells of canvas grids keep to their cells at 150 % and 200 % text: the grids grow
// with the text where the card has room, and the numbers are never larger than their cells allow.
test('Attention weights at 150 % and 200 % text: the 36 weights of each head stay in their cells, apart, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openDrawing('/lessons/attention-toy.html', width);
    for (const size of ['150%', '200%']) {
      await enlargeText(page, size);
      const boards = await drawnIn(page, 'Attention, two heads');
      assert.equal(boards.length, 2, 'two heads');
      for (const [h, board] of boards.entries()) {
        assert.equal(board.texts.filter((t) => /^\d\.\d\d$/.test(t.text)).length, 36, `head ${h + 1}: 36 weights drawn`);
        assert.deepEqual(board.clashes, [], `head ${h + 1} at ${width} px with ${size} text`);
      }
    }
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('Gridworld Q-values at 150 % and 200 % text: four per cell, apart, none under the agent, and the board grows with the text', async () => {
  const page = await openDrawing('/lessons/q-learning.html', 1280);
  const title = 'Q-learning in a gridworld';
  const card = page.locator('.dw-card').filter({ hasText: title }).first();
  const [normal] = await drawnIn(page, title);
  for (const size of ['150%', '200%']) {
    await enlargeText(page, size);
    // Before any move the agent stands on the start, whose four values (0.00) it must leave readable.
    await card.getByRole('button', { name: 'Reset' }).click();
    let [board] = await drawnIn(page, title);
    assert.ok(board.height > normal.height * 1.4, `the board grows from ${normal.height} px to ${board.height} px with ${size} text`);
    const values = (b) => b.texts.filter((t) => /^-?\d+\.\d\d$/.test(t.text) && t.y1 < b.height - 40);
    // The lake: 16 cells, 4 pits and a goal; the other 11 print their four values.
    assert.equal(values(board).length, 44, `44 Q-values drawn with ${size} text`);
    assert.deepEqual(board.clashes, [], `with ${size} text, at the start`);
    assert.equal(board.circles.length, 1, 'the agent');
    const [agent] = board.circles;
    const under = values(board).concat(board.texts.filter((t) => t.text === 'S'))
      .filter((t) => Math.min(t.x1, agent.x1) - Math.max(t.x0, agent.x0) > 0.5 && Math.min(t.y1, agent.y1) - Math.max(t.y0, agent.y0) > 0.5);
    assert.deepEqual(under.map((t) => t.text), [], `nothing the agent covers with ${size} text`);
    // Learnt values, negative ones (five characters) among them.
    await card.getByRole('button', { name: 'Run 100 episodes' }).click();
    [board] = await drawnIn(page, title);
    assert.ok(values(board).some((t) => t.text.startsWith('-')), 'negative values drawn');
    assert.deepEqual(board.clashes, [], `with ${size} text, after 100 episodes`);
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('Time series at 150 % and 200 % text: the folds\' errors and headings keep to their rows, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openDrawing('/lessons/time-series.html', width);
    for (const size of ['150%', '200%']) {
      await enlargeText(page, size);
      // The errors and the two headings, against each other and the axes' numbers.
      const [, folds] = await drawnIn(page, 'Time series: shuffled', /^\d+\.\d\d$|TimeSeriesSplit|shuffled k-fold/);
      assert.equal(folds.texts.filter((t) => /^\d+\.\d\d$/.test(t.text)).length, 8, 'four errors for each way of splitting');
      assert.deepEqual(folds.clashes, [], `folds at ${width} px with ${size} text`);
    }
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('Bandit regret chart at 200 % text: the key\'s two lines (ε-greedy, UCB1) are a line of their font apart, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openDrawing('/lessons/explore-or-exploit.html', width);
    await enlargeText(page);
    const [, regret] = await drawnIn(page, 'the multi-armed bandit', /ε-greedy|UCB1/);
    const key = regret.texts.filter((t) => /ε-greedy|UCB1/.test(t.text));
    assert.equal(key.length, 2, `the key's two lines: ${key.map((t) => t.text).join(', ')}`);
    assert.deepEqual(regret.clashes, [], `regret chart at ${width} px`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

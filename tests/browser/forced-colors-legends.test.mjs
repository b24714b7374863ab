// Legend keys under forced colours (Windows High Contrast). Forced colours repaint backgrounds as
// Canvas and borders as CanvasText and drop gradients, but leave what a canvas draws alone: the plots
// keep their orange triangles and blue circles, so their keys must keep them too. Without
// forced-color-adjust: none (web/css/shared/legend.css and the widgets' own key classes) the keys went
// blank beside a plot still in colour, the class-0 triangle became a filled square and the colour bars
// were drawn empty. Every key on every lesson is read both ways, and must look the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, snap } from './browser.mjs';
import { sitePages } from './pages.mjs';

let site;
before(async () => { site = await startSite({ reusePages: true }); });
after(async () => { await site.close(); });

// Keys that a lesson page shows only after a choice: the playground's three class keys and the
// optimiser race's colour chips.
const CHOSEN = ['/embed.html?w=nn-playground&dataset=blobs3', '/embed.html?w=loss-surface&optimizer=race'];

// Every key of every legend row on the page, as the browser draws it. A key is an element of a legend
// row that holds no text (the words beside it do); canvases are left out, as forced colours do not
// touch what they draw.
const drawnKeys = (page) => page.evaluate(() => {
  const rows = document.querySelectorAll('.dw-legend, .dw-heat-legend, .dw-plot-legend, .nnp-legend');
  const keys = [...rows].flatMap((row) => [...row.querySelectorAll('*')]
    .filter((e) => e.tagName !== 'CANVAS' && !e.querySelector('canvas') && !e.textContent.trim() && e.getClientRects().length));
  const sides = ['Top', 'Right', 'Bottom', 'Left'];
  return keys.map((k) => {
    const s = getComputedStyle(k);
    const style = { background: s.backgroundColor, image: s.backgroundImage, width: s.width, height: s.height, radius: s.borderRadius, opacity: s.opacity };
    for (const side of sides) style[`border${side}`] = `${s[`border${side}Width`]} ${s[`border${side}Style`]} ${s[`border${side}Color`]}`;
    const label = (k.closest('.dw-legend-key, .dw-key, .nnp-legend-item') || k.parentElement).textContent.trim().slice(0, 50);
    return { key: `${k.className} "${label}"`, classes: [...k.classList], style };
  });
});

const clear = (colour) => /^rgba\(.*, 0\)$/.test(colour) || colour === 'transparent';
// Whether a key paints anything: a colour or a gradient behind it, or a border of its own.
const paints = (style) => !clear(style.background) || style.image !== 'none'
  || ['Top', 'Right', 'Bottom', 'Left'].some((side) => { const [width, kind, ...colour] = style[`border${side}`].split(' '); return parseFloat(width) > 0 && kind !== 'none' && !clear(colour.join(' ')); });

test('forced colours: every legend key on the site keeps its colours and its shape', async () => {
  const pages = [...sitePages().filter((p) => p.startsWith('/lessons/')), ...CHOSEN];
  const seen = new Set();
  let count = 0;
  for (const path of pages) {
    const page = await openPage(site, path, { width: 1280 });
    const plain = await drawnKeys(page);
    await page.emulateMedia({ forcedColors: 'active' });
    const forced = await drawnKeys(page);
    assert.deepEqual(forced.map((k) => k.key), plain.map((k) => k.key), `${path}: the same keys either way`);
    plain.forEach((k, i) => {
      assert.ok(paints(forced[i].style), `${path}: the key ${k.key} draws something under forced colours: ${JSON.stringify(forced[i].style)}`);
      assert.deepEqual(forced[i].style, k.style, `${path}: the key ${k.key} looks the same under forced colours`);
      for (const c of k.classes) seen.add(c);
      // The class-0 key is a triangle, as class 0 is drawn: no fill, a coloured bottom border between two clear sides.
      if (k.classes.includes('dw-swatch-class0')) {
        const { background, borderLeft, borderRight, borderBottom } = forced[i].style;
        const colour = (border) => border.split(' ').slice(2).join(' ');
        assert.ok(clear(background) && clear(colour(borderLeft)) && clear(colour(borderRight)) && !clear(colour(borderBottom)),
          `${path}: the class-0 key stays a triangle under forced colours: ${JSON.stringify(forced[i].style)}`);
      }
    });
    count += plain.length;
    if (path === '/lessons/distribution-shift.html') await snap(page.locator('.dw-legend').first(), 'forced-colors-legend-distribution-shift');
    await page.close();
  }
  // The sweep found the keys the low-vision audit saw vanish, so it cannot pass by finding none.
  for (const c of ['dw-swatch-class0', 'dw-swatch-class1', 'dw-swatch-loss', 'dw-swatch-strip', 'dw-line-key', 'dw-mark-triangle',
    'ai-timeline-swatch-deep', 'kfold-animation-swatch-test', 'time-series-split-swatch-train', 'bandit-swatch-bar',
    'model-lifecycle-swatch-alarm', 'hyperparameter-search-swatch-heat', 'dbscan-vs-kmeans-swatch-centroid',
    'nnp-gradient', 'nnp-swatch', 'nnp-key-line', 'loss-surface-swatch', 'bagging-scale-bar']) {
    assert.ok(seen.has(c), `a ${c} key was found`);
  }
  assert.ok(count >= 100, `${count} keys read`);
});

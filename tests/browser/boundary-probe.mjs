import assert from 'node:assert/strict';
import { canvasIsDrawn, legendKeys } from './probes.mjs';

// Is a model's decision boundary drawn where the engine puts it? `segs` are the expected p = 0.5
// contour's segments in data coordinates (worked out by the test from the engine's grid), `domain`
// and `margin` the plot's (web/lib/plot.js maps data to CSS pixels with them). Returns, for the
// segments' midpoints, the share with a pixel of the theme's model colour (--model, within a few
// levels per channel) no more than `reach` CSS pixels away, and how many midpoints were tried.
// Points drawn over the line hide some midpoints (many, on a wiggly k-NN boundary through the
// points), so callers ask for most, not all; with no line drawn the share is near 0.
export function boundaryDrawnShare(canvas, { segs, domain, margin, reach = 2 }) {
  return canvas.evaluate(async (c, { segs: S, domain: D, margin: M, reach: R }) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); // the latest change drawn
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = getComputedStyle(c).getPropertyValue('--model').trim();
    probe.fillRect(0, 0, 1, 1);
    const model = probe.getImageData(0, 0, 1, 1).data;
    const w = c.clientWidth; const h = c.clientHeight; const scale = c.width / w;
    const px = (x) => M.left + ((x - D.x0) / (D.x1 - D.x0)) * (w - M.left - M.right);
    const py = (y) => h - M.bottom - ((y - D.y0) / (D.y1 - D.y0)) * (h - M.top - M.bottom);
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const isModel = (X, Y) => {
      if (X < 0 || Y < 0 || X >= c.width || Y >= c.height) return false;
      const o = (Y * c.width + X) * 4;
      return Math.abs(data[o] - model[0]) <= 6 && Math.abs(data[o + 1] - model[1]) <= 6 && Math.abs(data[o + 2] - model[2]) <= 6;
    };
    let hits = 0;
    for (const [xa, ya, xb, yb] of S) {
      const X = Math.round(px((xa + xb) / 2) * scale); const Y = Math.round(py((ya + yb) / 2) * scale);
      const r = Math.ceil(R * scale);
      let found = false;
      for (let dy = -r; dy <= r && !found; dy++) for (let dx = -r; dx <= r && !found; dx++) found = isModel(X + dx, Y + dy);
      if (found) hits += 1;
    }
    return { share: S.length ? hits / S.length : 0, tried: S.length };
  }, { segs, domain, margin, reach });
}

// The tint's key as shown: the colour bar's words (caption, both ends) and whether a canvas bar is there.
export function tintKey(card) {
  return card.locator('.dw-heat-legend').filter({ has: card.page().locator('canvas') }).first().evaluate((row) => ({
    text: row.textContent.replace(/\s+/g, ' ').trim(),
    visible: row.getClientRects().length > 0,
  }));
}

// The checks every tinted plane shares (docs/design.md): the canvas is drawn, its colour bar is
// shown with words matching `keyText` (the classes named by shape at its ends), and the boundary's
// legend key is one solid line in the model colour.
export async function assertKeyedTint(card, canvas, keyText) {
  await canvas.scrollIntoViewIfNeeded();
  assert.ok(await canvasIsDrawn(canvas));
  const key = await tintKey(card);
  assert.ok(key.visible, 'the tint key is shown');
  assert.match(key.text, keyText);
  const line = (await legendKeys(card)).filter((k) => /boundary/.test(k.text));
  assert.deepEqual(line.map((k) => [k.style, k.colour]), [['solid', 'model']], 'a solid model-coloured key for the boundary');
}

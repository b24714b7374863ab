// Probes for plots of several named series (optimizer-race, regression-race): what the canvases
// stroke, what the legend keys (legend.js lineKey) draw, and how far apart the series colours are
// under simulated colour-vision deficiencies, so a test can assert that every series is told apart
// by more than its colour and that its key is drawn as its line is.

// Records every stroke on the canvases inside `card` from now on: colour, dash and line width,
// with the canvas's index in the card. Read back with strokesSeen.
export function recordStrokes(card) {
  return card.evaluate((root) => {
    const canvases = [...root.querySelectorAll('canvas:not(.dw-line-sample)')]; // the plots, not the keys
    window.__strokes = [];
    if (window.__strokeProbe) return;
    window.__strokeProbe = true;
    const stroke = CanvasRenderingContext2D.prototype.stroke;
    CanvasRenderingContext2D.prototype.stroke = function (...args) {
      const i = canvases.indexOf(this.canvas);
      if (i >= 0) window.__strokes.push({ canvas: i, color: String(this.strokeStyle), dash: this.getLineDash().join(','), width: this.lineWidth });
      return stroke.apply(this, args);
    };
  });
}
export function strokesSeen(page) { return page.evaluate(() => window.__strokes); }

// The legend's line keys inside `scope`: the text beside each, and the colour, dash and marker
// shape it is drawn with.
export function lineKeys(scope, selector = '.dw-legend-key') {
  return scope.evaluate((root, selector) => [...root.querySelectorAll(selector)].map((k) => {
    const c = k.querySelector('canvas.dw-line-sample');
    return { text: k.textContent.trim(), color: c?.dataset.color ?? null, dash: c?.dataset.dash ?? null, shape: c?.dataset.shape ?? null };
  }), selector);
}

// The design tokens a series colour must not borrow (class, loss, good, model, truth).
export function reservedColours(card) {
  return card.evaluate((root) => {
    const probe = document.createElement('canvas').getContext('2d');
    const css = (v) => { probe.fillStyle = v; return probe.fillStyle; };
    return ['--class0', '--class1', '--class2', '--loss', '--good', '--model', '--truth'].map((n) => css(getComputedStyle(root).getPropertyValue(n).trim()));
  });
}

// Colours as seen with deuteranopia, protanopia and tritanopia (Machado, Oliveira and Fernandes
// 2009, severity 1, on linear RGB) and with normal vision; the smallest CIELAB distance between
// any two of `colours` for each.
const SIM = {
  normal: null,
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(hex, m) {
  const lin = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = m ? m.map((r) => Math.min(1, Math.max(0, r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2]))) : lin;
  const X = 0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]; const Y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; const Z = 0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2];
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X / 0.95047) - f(Y)), 200 * (f(Y) - f(Z / 1.08883))];
}
export function closestPairs(colours) {
  const out = {};
  for (const [name, m] of Object.entries(SIM)) {
    const L = colours.map((c) => lab(c, m));
    let min = Infinity; let pair = '';
    for (let i = 0; i < L.length; i++) for (let j = i + 1; j < L.length; j++) {
      const d = Math.hypot(L[i][0] - L[j][0], L[i][1] - L[j][1], L[i][2] - L[j][2]);
      if (d < min) { min = d; pair = `${colours[i]} ~ ${colours[j]}`; }
    }
    out[name] = { distance: min, pair };
  }
  return out;
}

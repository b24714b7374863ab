// Plot.text (web/lib/plot.js): a label placed at a data point, in the theme's font and text
// colour, moved by dx/dy CSS pixels, with the context's own state left as it was. Checked with a
// context that records what each fillText was drawn with (no canvas in Node).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Plot } from '../../web/lib/plot.js';

// A 2-D context stand-in: fillText notes the label, position and the style then in force;
// save/restore keep a stack of those styles as a canvas does.
function recordingContext() {
  const style = { font: '10px sans-serif', fillStyle: '#000000', textAlign: 'start', textBaseline: 'alphabetic' };
  const stack = [];
  const drawn = [];
  return {
    drawn,
    get font() { return style.font; }, set font(v) { style.font = v; },
    get fillStyle() { return style.fillStyle; }, set fillStyle(v) { style.fillStyle = v; },
    get textAlign() { return style.textAlign; }, set textAlign(v) { style.textAlign = v; },
    get textBaseline() { return style.textBaseline; }, set textBaseline(v) { style.textBaseline = v; },
    save() { stack.push({ ...style }); },
    restore() { Object.assign(style, stack.pop()); },
    fillText(label, x, y) { drawn.push({ label, x, y, ...style }); },
    get depth() { return stack.length; },
  };
}

// A Plot without a canvas: 400 × 300 CSS px, the default margins, data x in [0, 10], y in [0, 1].
function plotOnRecorder() {
  const plot = Object.create(Plot.prototype);
  plot.width = 400;
  plot.height = 300;
  plot.margin = { left: 44, right: 12, top: 12, bottom: 30 };
  plot.setDomain(0, 10, 0, 1);
  plot.theme = { font: 'Inter, sans-serif', text: '#1a1a1a', textMuted: '#666666' };
  plot.ctx = recordingContext();
  return plot;
}

test('text draws the label at the data point, centred, in the theme font and text colour', () => {
  const plot = plotOnRecorder();
  plot.text(5, 0.5, 'P');
  assert.deepEqual(plot.ctx.drawn, [{
    label: 'P', x: 44 + 0.5 * (400 - 44 - 12), y: 300 - 30 - 0.5 * (300 - 12 - 30),
    font: 'normal 12px Inter, sans-serif', fillStyle: '#1a1a1a', textAlign: 'center', textBaseline: 'middle',
  }]);
});

test('text moves by dx, dy CSS pixels and takes weight, size, colour, alignment and baseline', () => {
  const plot = plotOnRecorder();
  plot.text(0, 0, '?', { dx: 11, dy: -4, align: 'left', baseline: 'bottom', weight: 'bold', size: 13, color: plot.theme.textMuted });
  const [mark] = plot.ctx.drawn;
  assert.equal(mark.x, plot.px(0) + 11);
  assert.equal(mark.y, plot.py(0) - 4);
  assert.equal(mark.font, 'bold 13px Inter, sans-serif');
  assert.equal(mark.fillStyle, '#666666');
  assert.equal(mark.textAlign, 'left');
  assert.equal(mark.textBaseline, 'bottom');
});

test('text leaves the context as it found it', () => {
  const plot = plotOnRecorder();
  plot.ctx.font = '11px monospace';
  plot.ctx.fillStyle = '#ff0000';
  plot.text(1, 1, 'Q', { weight: 700, align: 'right', baseline: 'top' });
  assert.equal(plot.ctx.depth, 0);
  assert.equal(plot.ctx.font, '11px monospace');
  assert.equal(plot.ctx.fillStyle, '#ff0000');
  assert.equal(plot.ctx.textAlign, 'start');
  assert.equal(plot.ctx.textBaseline, 'alphabetic');
  assert.equal(plot.ctx.drawn[0].font, '700 12px Inter, sans-serif');
});

// The derivation card's own example (shown where no lesson supplies steps: the gallery, an embed)
// states a gradient and one gradient step; the engine's linear regression must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';
import { computations } from '../../web/js/check-computations.js';
// The built copy: the widget module imports the engine loader, which lives in dist/.
import { EXAMPLE_STEPS } from '../../dist/widgets/derivation.js';

test('the example derivation: dL/dw = −2 at x = 1, y = 4, w = 3, b = 0, and one step with η = 0.1 gives w = 3.2 and b = 0.2', () => {
  const r = computations['gd-step'](ml, { x: 1, y: 4, w: 3, b: 0, eta: 0.1 });
  assert.ok(Math.abs(r.gradW - -2) < 1e-12, `gradient ${r.gradW}`);
  assert.ok(Math.abs(r.w - 3.2) < 1e-12, `w after one step ${r.w}`);
  assert.ok(Math.abs(r.gradB - -2) < 1e-12, `intercept gradient ${r.gradB}`);
  assert.ok(Math.abs(r.b - 0.2) < 1e-12, `b after one step ${r.b}`);
  const text = EXAMPLE_STEPS.join(' ');
  assert.match(text, /dL\/dw = 2·\(−1\)·1 = −2/);
  assert.match(text, /w ← 3 − 0\.1·\(−2\) = 3\.2\./);
  assert.match(text, /dL\/db = 2·\(w·x \+ b − y\) = −2 as well: b ← 0 − 0\.1·\(−2\) = 0\.2/);
});

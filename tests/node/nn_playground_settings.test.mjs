// The neural-network playground's own checks of its list-valued options (web/widgets/nn-playground/
// settings.js): what an address, an attribute or a lesson may hold, clamped at the stated limits,
// each change explained in words from the widget's message table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMessages } from '../../web/lib/messages.js';
import { messages } from '../../web/widgets/nn-playground/messages.js';
import { resolveSettings, parseLayers, MAX_UNITS, MAX_LAYERS } from '../../web/widgets/nn-playground/settings.js';

addMessages('en', messages);

test('layer sizes: 1 and 16 neurons stand, 0 and 17 are clamped, words are skipped, a seventh layer is cut', () => {
  assert.equal(MAX_UNITS, 16);
  assert.equal(MAX_LAYERS, 6);
  const notes = [];
  assert.deepEqual(parseLayers('1,16', notes), [1, 16]);
  assert.deepEqual(notes, []);
  assert.deepEqual(parseLayers('0, 17, many', notes), [1, 16]);
  assert.deepEqual(notes, [
    'layers: 0 neurons is below 1; using 1.',
    'layers: 17 neurons is above 16; using 16.',
    'layers: "many" is not a number and was skipped.',
  ]);
  const seven = [];
  assert.deepEqual(parseLayers('2,2,2,2,2,2,2', seven), [2, 2, 2, 2, 2, 2]);
  assert.deepEqual(seven, ['layers: 7 hidden layers is above 6; keeping the first 6.']);
});

test('hostile or unknown activations, features, clip norms and a custom set without points, each noted', () => {
  const { values, notes } = resolveSettings({
    layers: '3', acts: '<img src=x onerror=alert(1)>', features: 'x9', clip: 0.05, dataset: 'custom',
  });
  assert.equal(values.acts, 'tanh');
  assert.equal(values.features, 'x1,x2');
  assert.equal(values.clip, 0.03, '0.05 snaps to the nearest menu value on a log scale');
  assert.equal(values.dataset, 'circle');
  assert.deepEqual(notes, [
    'acts: "<img src=x onerror=alert…" is not an activation; using tanh.',
    'features: "x9" is not a feature and was ignored.',
    'features: at least one input is needed; using x1 and x2.',
    'clip: 0.05 is not on the menu; using 0.03.',
    'dataset=custom needs points; using the circle data set.',
  ]);
  // What the menus offer passes without a note.
  assert.deepEqual(resolveSettings({ layers: '4,2', acts: 'relu,gelu', features: 'x1,x1sq', clip: 1 }).notes, []);
});

test('the notes come in the widget’s language when it has them', () => {
  const t = (key, params) => `[${key.split('.').pop()} ${JSON.stringify(params ?? {})}]`;
  assert.deepEqual(resolveSettings({ layers: '40', features: 'x1' }, t).notes, ['[layerAbove {"value":40,"max":16}]']);
});

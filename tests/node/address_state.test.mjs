// The page-address and share encodings behind every widget's Share link (web/lib/address-state.js,
// web/lib/share.js) and the option names every embed accepts (web/lib/schema.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNamespace, readLegacy, writeNamespace, fragmentFor, claimNamespace, releaseNamespace } from '../../web/lib/address-state.js';
import { decodeState, encodeState, elementSnippet, frameAddress, frameSnippet } from '../../web/lib/share.js';
import { canonicalOptions, kebabName, resolveOptions } from '../../web/lib/schema.js';
import { widgetCatalogue } from '../../scripts/embed-docs.mjs';
import { COMMON_OPTIONS } from '../../dist/lib/widget.js';

test('a widget reads and writes only its own namespaced parts of the address', () => {
  const hash = '#week4&nn-playground.lr=0.1&nn-playground-2.dataset=xor&x=1';
  assert.deepEqual(readNamespace(hash, 'nn-playground').entries, [['lr', '0.1']]);
  assert.deepEqual(readNamespace(hash, 'nn-playground-2').entries, [['dataset', 'xor']]);
  assert.deepEqual(readNamespace('#week4', 'nn-playground'), { entries: [], damaged: [] });
  // Replaced in place; the host's anchor, the other widget and unknown parts keep their text.
  assert.equal(writeNamespace(hash, 'nn-playground', [['lr', '3'], ['layers', '4,4']]), 'week4&nn-playground.lr=3&nn-playground.layers=4,4&nn-playground-2.dataset=xor&x=1');
  assert.equal(writeNamespace('week4', 'fit-line', [['state', 'abc']]), 'week4&fit-line.state=abc');
  assert.equal(writeNamespace('fit-line.state=abc', 'fit-line', []), '');
  assert.equal(fragmentFor('threshold', [['threshold', '0.73']]), '#threshold.threshold=0.73');
  assert.equal(fragmentFor('threshold', []), '');
  // Damaged percent-encoding is reported by key, never thrown.
  assert.deepEqual(readNamespace('#a.pts=%%%&a.lr=1', 'a'), { entries: [['lr', '1']], damaged: ['pts'] });
  // Old unprefixed links, for the lesson page's main widget only, restricted to known names.
  assert.deepEqual(readLegacy('#main&dataset=xor&bogus=1&b.x=2', (k) => k === 'dataset'), [['dataset', 'xor']]);
});

test('namespaces are unique per page: NAME, NAME-2, …', () => {
  const a = claimNamespace('nn-playground');
  const b = claimNamespace('nn-playground');
  assert.deepEqual([a, b], ['nn-playground', 'nn-playground-2']);
  releaseNamespace(a);
  assert.equal(claimNamespace('nn-playground'), 'nn-playground');
  assert.equal(claimNamespace('<img>'), '-img-');
});

test('shared state round-trips exactly; damaged text is refused in words', () => {
  for (const value of [{ w: 1.37, b: -2.4500000000000006 }, { c: [[0.1, 1e-9], [-3, 4]] }, 'ünïcode', [1, 2, 3]]) {
    assert.deepEqual(decodeState(encodeState(value)), value);
  }
  assert.match(encodeState({ w: 1 }), /^[A-Za-z0-9_-]+$/);
  assert.throws(() => decodeState('%%not'), /not the text a Share link holds/);
  assert.throws(() => decodeState(encodeState({ c: [[1, 2]] }).slice(0, -3)), /cut short or altered|not the text/);
});

test('snippets escape values and name the widget first', () => {
  const base = new URL('https://example.org/dw/');
  assert.equal(elementSnippet(base, 'bag-of-words-spam', { message: '"><script>' }), '<script type="module" src="https://example.org/dw/embed.js"></script>\n<dw-widget name="bag-of-words-spam" message="&quot;&gt;&lt;script&gt;">\n'
    + '  <a href="https://example.org/dw/embed.html?w=bag-of-words-spam&amp;message=%22%3E%3Cscript%3E">Open the widget</a>\n</dw-widget>');
  assert.equal(frameAddress(base, 'tip-predictor', { w: '0.3', layers: '4,4' }), 'https://example.org/dw/embed.html?w=tip-predictor&w=0.3&layers=4,4');
});

// The audit's case (10 B, item 8): the Share panel's <dw-widget> code was the empty element the docs
// advise against, so a pasted snippet showed nothing where embed.js could not load (no CORS).
test('the shared <dw-widget> code holds a link to the same widget on its own page, as the docs\' snippet does', () => {
  const base = new URL('https://example.org/dw/');
  const attributes = { seed: '3', points: '40', state: 'eyJ3IjoxfQ' };
  const snippet = elementSnippet(base, 'fit-line', attributes, 'Fit the line & more');
  const link = /<dw-widget name="fit-line" seed="3" points="40" state="eyJ3IjoxfQ">\n {2}<a href="([^"]+)">([^<]+)<\/a>\n<\/dw-widget>$/.exec(snippet);
  assert.ok(link, snippet);
  assert.equal(link[1].replace(/&amp;/g, '&'), frameAddress(base, 'fit-line', attributes), 'the link restores the same widget');
  assert.equal(link[2], 'Fit the line &amp; more: open the widget');
});

// The iframe code carries the site's resize script (docs/embedding.md section 2), a file a strict
// Content-Security-Policy allows where it refuses a script written into the page.
test('the shared iframe code loads the site\'s embed-resize.js after the frame', () => {
  const base = new URL('https://example.org/dw/');
  assert.equal(frameSnippet(base, 'derivation', {}, 'Derivation', 331.2),
    '<iframe src="https://example.org/dw/embed.html?w=derivation" title="Derivation" width="100%" height="332"></iframe>\n<script src="https://example.org/dw/embed-resize.js"></script>');
});

test('option names: kebab-case, camelCase and lower-case name the same option', () => {
  const schema = { trainPct: { type: 'int', min: 10, max: 90, default: 50 }, showTest: { type: 'boolean', default: false } };
  assert.equal(kebabName('trainPct'), 'train-pct');
  assert.deepEqual(canonicalOptions(schema, { 'train-pct': '70', showtest: 'true' }), { trainPct: '70', showTest: 'true' });
  const r = resolveOptions(schema, { 'train-pct': '70', 'show-test': '', bogus: 1 });
  assert.deepEqual(r.values, { trainPct: 70, showTest: true });
  assert.deepEqual(r.notes, ['Unknown option "bogus" was ignored.']);
});

// A note quotes the option as the embedder wrote it, so they find it in their address or
// attributes: train-pct as docs/embedding.md spells it, trainPct from code, and with two
// spellings of one option the later one, whose value was used.
test('option notes name the option as it was written', () => {
  const schema = { trainPct: { type: 'int', min: 10, max: 90, default: 50 }, showTest: { type: 'boolean', default: false }, seed: { type: 'int', min: 0, max: 9, default: 1 } };
  assert.deepEqual(resolveOptions(schema, { 'train-pct': 'NaN' }).notes, ['train-pct="NaN" is not a number; using 50.']);
  assert.deepEqual(resolveOptions(schema, { trainPct: 'NaN' }).notes, ['trainPct="NaN" is not a number; using 50.']);
  assert.deepEqual(resolveOptions(schema, { trainpct: '95', 'show-test': 'maybe' }).notes, ['trainpct=95 is above 90; using 90.', 'show-test="maybe" is not true/false; using false.']);
  assert.deepEqual(resolveOptions(schema, { trainPct: '70', 'train-pct': '5' }).notes, ['train-pct=5 is below 10; using 10.']);
  assert.deepEqual(resolveOptions(schema, { 'train-pct': '5', trainPct: '70' }).notes, []);
  assert.deepEqual(resolveOptions(schema, { seed: '2.5' }).notes, ['seed=2.5 rounded to 3.']);
});

test('no widget has two options that differ only in case or dashes, or one named like a common option', async () => {
  for (const w of await widgetCatalogue()) {
    const loose = w.options.map((o) => o.name.replace(/-/g, ''));
    assert.equal(new Set(loose).size, loose.length, w.name);
    for (const o of w.options) assert.ok(!COMMON_OPTIONS.includes(o.name), `${w.name}: ${o.name} is reserved`);
  }
});

// Notes quote a value as it was written: "seed=1e99", not "seed=1e+99" (String of the number).
test('option notes quote the value as written, and a number from code through the formatter', () => {
  const schema = { seed: { type: 'int', min: 0, max: 2147483647, default: 0 }, eta: { type: 'number', min: 0.01, max: 2, default: 0.1 } };
  assert.deepEqual(resolveOptions(schema, { seed: '1e99' }).notes, ['seed=1e99 is above 2147483647; using 2147483647.']);
  assert.deepEqual(resolveOptions(schema, { seed: '2.5' }).notes, ['seed=2.5 rounded to 3.']);
  assert.deepEqual(resolveOptions(schema, { eta: 1e-9 }).notes, ['eta=1 × 10⁻⁹ is below 0.01; using 0.01.']);
  assert.deepEqual(resolveOptions(schema, { eta: '7' }).notes, ['eta=7 is above 2; using 2.']);
  // A limit is a quantity, grouped from 1 000 as the site writes counts; the value from code is quoted
  // as the setting is typed ("points=100000"), and a seed's limit in full, as it can be typed back.
  const points = { points: { type: 'int', min: 1000, max: 2000, default: 1500 } };
  assert.deepEqual(resolveOptions(points, { points: 100000 }).notes, ['points=100000 is above 2\u202f000; using 2\u202f000.']);
  assert.deepEqual(resolveOptions(points, { points: '10' }).notes, ['points=10 is below 1\u202f000; using 1\u202f000.']);
  assert.deepEqual(resolveOptions(points, { points: 'many' }).notes, ['points="many" is not a number; using 1\u202f500.']);
  assert.deepEqual(resolveOptions(schema, { seed: 5e9 }).notes, ['seed=5 × 10⁹ is above 2147483647; using 2147483647.']);
});

// An option in an address or an attribute is read as every typed number on the site
// (predict-number.js), and refused in the same words: Number() read "0x10" as 16 without a word
// and called "-1e999" (which it made -Infinity) "not a number".
test('option numbers are read as typed numbers are, and refused in the same words', () => {
  const schema = { seed: { type: 'int', min: 0, max: 2147483647, default: 0 }, eta: { type: 'number', min: 0.01, max: 2, default: 0.1 } };
  const read = (name, value) => resolveOptions(schema, { [name]: value });
  assert.deepEqual(read('seed', '0x10'), { values: { seed: 0, eta: 0.1 }, notes: ['seed="0x10" is not a number; using 0.'] });
  assert.deepEqual(read('eta', '-1e999').notes, ['eta="-1e999" is too large to read; using 0.1.']);
  assert.deepEqual(read('eta', '1e999').notes, ['eta="1e999" is too large to read; using 0.1.']);
  assert.deepEqual(read('eta', 'abc').notes, ['eta="abc" is not a number; using 0.1.']);
  assert.deepEqual(read('eta', '').notes, ['eta was given no value; using 0.1.']);
  assert.deepEqual(read('eta', '1,000').notes, ['eta="1,000" could be 1000 or 1.000 (type decimals with a point and no thousands separator); using 0.1.']);
  assert.deepEqual(read('eta', '50%').notes, ['eta="50%" has a % sign, but this is a plain number, not a percentage; using 0.1.']);
  assert.deepEqual(read('eta', '1/0').notes, ['eta="1/0" divides by 0, which has no value; using 0.1.']);
  assert.deepEqual(read('eta', 'Infinity').notes, ['eta="Infinity" is not a number; using 0.1.']);
  // The forms a learner may type are read: a decimal comma, a fraction, thousands grouped by a space.
  assert.deepEqual(read('eta', '0,5'), { values: { seed: 0, eta: 0.5 }, notes: [] });
  assert.deepEqual(read('eta', '1/2'), { values: { seed: 0, eta: 0.5 }, notes: [] });
  assert.deepEqual(read('seed', '1 000'), { values: { seed: 1000, eta: 0.1 }, notes: [] });
  // A number from code that is no number is refused too.
  assert.deepEqual(read('eta', NaN).notes, ['eta="NaN" is not a number; using 0.1.']);
});

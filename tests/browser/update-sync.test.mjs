// A setting changed from outside (an embedder's dw:update, an attribute, a Share link read again)
// must reach the widget's controls, not only its state: model lifecycle once simulated the new
// drift while its menu still showed the old one. For every widget and every option it declares,
// the widget is updated in place to another valid value (another choice, the flipped switch, a
// number half-way to the farther end of its range) and then back to the default; after each, the
// controls and readouts must show what a widget mounted afresh with that value shows.
//
// The fresh mount is the answer key: the controls whose value (or enabled state) differs between
// a fresh mount with the default and a fresh mount with the new value are the ones bound to the
// option, found by their labels, so no widget has to say which control is whose. The page asks
// for reduced motion, so a widget shows at once what it would animate; what still changes from
// frame to frame after 3 s (a widget that plays by itself) is left out.
//
// Every widget is mounted in turn into one embed page (as address-probe.test.mjs does): a fresh
// page per widget would start the engine again each time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

// DW_WIDGETS=a,b checks only those widgets (while fixing one).
const ONLY = (process.env.DW_WIDGETS || '').split(',').filter(Boolean);

// Values for options whose schema cannot say what another valid value is (words read by the
// widget's own parser, a number taken only from a menu).
const VALUES = {
  'nn-playground.layers': '3',
  'nn-playground.acts': 'relu',
  'nn-playground.features': 'x1,x2,x1x2',
  'nn-playground.clip': 1,
  'kmeans-by-hand.points': '0,4,8,12',
  'tokens-to-ids.text': 'the cat sat',
  'bag-of-words-spam.message': 'win a free prize now',
  'gd-walkthrough.worked': '0.1',
  'gd-walkthrough.workedFixedB': '0.1',
};
// Options every mount of a widget gets, so that two mounts show the same: the badge quiz draws
// fresh questions on every mount unless its seed is set.
const BASE = {
  'ml-badge': { seed: 5 },
};

test('every option updated from outside reaches the control bound to it, and its default brings the control back', async () => {
  // With reduced motion a widget shows the end of what it would animate (a tree grown, a run
  // played) at once, and plays nothing by itself: what it shows then depends on its options alone.
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/embed.html?w=`);
  await page.locator('#widget .dw-message').waitFor();
  const names = await page.evaluate(async () => (await import('/widgets/registry.js')).widgetNames());
  assert.ok(names.length >= 70, `${names.length} widgets`);
  const failures = [];
  const checked = [];
  for (const name of names) {
    if (ONLY.length && !ONLY.includes(name)) continue;
    page.record.errors.length = 0;
    const result = await page.evaluate(probeWidget, { name, values: VALUES, base: BASE[name] || {} }).catch((err) => ({ thrown: err.message.slice(0, 300) }));
    if (result.thrown) { failures.push(`${name}: ${result.thrown}`); continue; }
    failures.push(...result.problems.map((p) => `${name}.${p}`));
    checked.push(...result.checked.map((c) => `${name}.${c}`));
    if (page.record.errors.length) failures.push(`${name}: errors: ${page.record.errors.join(' | ').slice(0, 300)}`);
  }
  if (process.env.DW_UPDATE_SYNC_LIST) console.log(checked.join('\n'));
  // The check found controls to check: most options have one.
  if (!ONLY.length) assert.ok(checked.length >= 200, `${checked.length} option controls checked`);
  assert.deepEqual(failures, []);
  await page.close();
});

// Runs in the page: mounts `name` afresh (default, and once per option with another value) and
// once to be updated, and returns what did not follow.
async function probeWidget({ name, values, base }) {
  const { loadWidget } = await import('/widgets/registry.js');
  const { MOUNT_CONTEXT } = await import('/lib/widget.js');
  const module = await loadWidget(name);
  const { schema } = module;
  // The widget updated in place and each fresh mount side by side, both at the top of the page: a
  // widget animates only while its card is on screen (frame.js), a heat map filled cell by cell too.
  document.getElementById('widget').replaceChildren();
  let host = document.getElementById('update-sync');
  if (!host) {
    host = document.createElement('div');
    host.id = 'update-sync';
    host.style.cssText = 'position:absolute;inset:0 0 auto 0;display:grid;grid-template-columns:1fr 1fr;align-items:start;gap:8px;background:inherit';
    document.body.append(host);
  }
  host.replaceChildren();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  async function mountFresh(options) {
    const root = document.createElement('div');
    host.append(root);
    const handle = module.mount(root, { ...base, ...options, [MOUNT_CONTEXT]: { name, source: 'options' } });
    await handle.ready;
    return { root, handle, ...await settled(root) };
  }
  // Visible words of a node, without the values a label shows beside its name (a slider's
  // <output>, a readout's value).
  const words = (node) => {
    if (!node) return '';
    const clone = node.cloneNode(true);
    for (const o of clone.querySelectorAll('output, .dw-stat-value')) o.remove();
    return clone.textContent.replace(/\s+/g, ' ').trim();
  };
  const byIds = (ids) => ids.split(/\s+/).map((id) => words(document.getElementById(id))).join(' ');
  const labelOf = (c) => {
    if (c.getAttribute('aria-labelledby')) return byIds(c.getAttribute('aria-labelledby'));
    if (c.getAttribute('aria-label')) return c.getAttribute('aria-label');
    if (c.labels && c.labels.length) return words(c.labels[0]);
    const group = c.closest('[role=group][aria-labelledby], [role=radiogroup][aria-labelledby]');
    if (group) return `${byIds(group.getAttribute('aria-labelledby'))} / ${words(c)}`;
    return c.getAttribute('title') || c.getAttribute('placeholder') || words(c) || c.localName;
  };
  const valueOf = (c) => {
    let v;
    if (c.matches('input[type=checkbox], input[type=radio]')) v = String(c.checked);
    else if (c.matches('input[type=range]')) v = `${c.value} (${c.labels && c.labels[0] ? [...c.labels[0].querySelectorAll('output')].map((o) => o.textContent).join(' ') : ''})`;
    else if (c.matches('input, textarea')) v = c.value;
    else if (c.matches('select')) v = c.value;
    else if (c.hasAttribute('aria-pressed')) v = c.getAttribute('aria-pressed');
    else if (c.hasAttribute('aria-checked')) v = c.getAttribute('aria-checked');
    else if (c.hasAttribute('aria-valuenow')) v = c.getAttribute('aria-valuetext') || c.getAttribute('aria-valuenow');
    else v = '';
    return c.disabled || c.getAttribute('aria-disabled') === 'true' ? `${v} [disabled]` : v;
  };
  // { 'control: label': value, 'readout: label': value }, duplicates numbered in page order.
  const snap = (root) => {
    const out = {};
    const add = (key, value) => {
      let k = key;
      for (let i = 2; Object.prototype.hasOwnProperty.call(out, k); i++) k = `${key} #${i}`;
      out[k] = value;
    };
    const card = root.querySelector('.dw-card');
    if (!card) return out;
    const controls = card.querySelectorAll('input:not([type=hidden]), select, textarea, button[aria-pressed], [role=radio], [role=switch], [role=checkbox], [role=slider]');
    for (const c of controls) {
      if (c.closest('.dw-share, .dw-notes')) continue;
      add(`control "${labelOf(c)}"`, valueOf(c));
    }
    // A readout out of sight (another view's) is read when it is shown again.
    for (const s of card.querySelectorAll('.dw-stat')) if (s.getClientRects().length) add(`readout "${words(s)}"`, s.querySelector('.dw-stat-value').textContent);
    return out;
  };
  // What the card shows once it stops changing (a heat map filled a few cells a frame): the same
  // two frames in a row, or after 3 s what it shows then, with the keys still changing called
  // restless. (A widget draws on the next frame after it is built: the first read waits for it.)
  async function settled(root) {
    const until = performance.now() + 3000;
    await frames();
    let last = snap(root);
    for (;;) {
      await frame();
      const now = snap(root);
      const moved = differing(last, now);
      if (!moved.length) return { shown: now, moving: new Set() };
      if (performance.now() > until) return { shown: now, moving: new Set(moved) };
      last = now;
    }
  }
  const differing = (a, b) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
  // The widget updated in place shows `expected` on the keys `keys`: it may redraw a frame or a
  // debounce later, or fill in as a fresh one does, so this waits up to 3 s for it.
  async function follows(root, expected, keys) {
    const until = performance.now() + 3000;
    for (;;) {
      const now = snap(root);
      const wrong = keys.filter((k) => now[k] !== expected[k]);
      if (!wrong.length || performance.now() > until) return wrong.map((k) => `${k} shows ${JSON.stringify(now[k] ?? '(none)')}, not ${JSON.stringify(expected[k] ?? '(none)')}`);
      await frame();
    }
  }
  const other = (option, spec) => {
    if (Object.prototype.hasOwnProperty.call(values, `${name}.${option}`)) return values[`${name}.${option}`];
    if (spec.type === 'boolean') return !spec.default;
    if (spec.type === 'enum') return spec.values.find((v) => v !== spec.default);
    if (Object.prototype.hasOwnProperty.call(base, option)) return base[option] + 1;
    if (spec.type === 'string') return spec.default === '' ? 'abc' : 'hello world';
    const min = spec.min ?? spec.default - 10;
    const max = spec.max ?? spec.default + 10;
    const far = max - spec.default >= spec.default - min ? max : min;
    return spec.type === 'int' ? Math.round((spec.default + far) / 2) : Number(((spec.default + far) / 2).toPrecision(3));
  };

  const problems = [];
  const checked = [];
  const defaults = { ...Object.fromEntries(Object.entries(schema).map(([k, spec]) => [k, spec.default])), ...base };
  // The widget updated in place; what it shows first is what the defaults show. Keys that never
  // settle move by themselves, so they say nothing about an option.
  const live = await mountFresh({});
  const atDefault = live.shown;
  const restless = live.moving;
  for (const [option, spec] of Object.entries(schema)) {
    const value = other(option, spec);
    const fresh = await mountFresh({ [option]: value });
    const withValue = fresh.shown;
    // The value as the widget reads it (a k rounded to an odd number, a C to its slider's rung).
    const taken = fresh.handle.options[option];
    fresh.handle.destroy();
    fresh.root.remove();
    const bound = differing(atDefault, withValue).filter((k) => !restless.has(k) && !fresh.moving.has(k));
    live.handle.update({ [option]: value }, 'update');
    if (live.handle.options[option] !== taken) problems.push(`${option}=${value}: the update made it ${JSON.stringify(live.handle.options[option])}, a fresh mount ${JSON.stringify(taken)}`);
    for (const wrong of await follows(live.root, withValue, bound)) problems.push(`${option}=${value}: ${wrong}`);
    live.handle.update({ [option]: defaults[option] }, 'update');
    for (const wrong of await follows(live.root, atDefault, bound)) problems.push(`${option} back to ${defaults[option]}: ${wrong}`);
    if (bound.some((k) => k.startsWith('control'))) checked.push(`${option} → ${bound.filter((k) => k.startsWith('control')).join(', ')}`);
  }
  live.handle.destroy();
  live.root.remove();
  return { problems, checked };
}

// Every registered widget, mounted through the registry and destroyed 100 times on one page,
// leaves nothing behind: the engine objects it constructed are all deleted (a live-instance
// count kept by wrapping every embind class of the engine), the WASM heap in use
// (mallinfo().uordblks, ml.heapBytesInUse) is back at its start, the JS heap grows by less than
// JS_BYTES_PER_CYCLE a cycle (after garbage collection), no listener remains on document, window
// or a media query, and the host element is empty.
//
// The counts are taken after two warm-up cycles (the first build of a widget may fill caches
// that live for the page, e.g. the engine's own lazily built tables), then after the 100
// cycles; both must match. The instrumentation is installed before any widget module loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite } from './browser.mjs';

// 100 cycles each, except that a widget whose mount is slow (distribution-shift trains dozens of
// models on every mount, about 0.4 s) stops after BUDGET_MS once it has done at least 10: one
// forgotten .delete() already shows in the live count after a single cycle, and the heap check
// still sees ten times the leak of one cycle.
const CYCLES = Number(process.env.LIFECYCLE_CYCLES || 100);
const MIN_CYCLES = 10;
const BUDGET_MS = 4000;
// A widget's JS objects are collected once it is destroyed; what a collection cannot reclaim is
// held from outside the widget. 20 KB a cycle (2 MB over 100) allows for caches that settle late.
const JS_BYTES_PER_CYCLE = 20 * 1024;
// The WASM heap may keep a few bytes that the engine allocates once, the first time a call is
// made (a widget that draws random questions, such as ml-badge, can make a call for the first
// time after the two warm-up cycles). A leak repeats every cycle: with at least MIN_CYCLES cycles
// and malloc's smallest block of 16 bytes, any per-cycle leak exceeds this allowance.
const ONE_TIME_HEAP_BYTES = 64;
const hostDir = path.resolve(import.meta.dirname, '../../dist/test-lifecycle');

// Runs in the page. Listeners are counted per (target, type, listener, capture) as the DOM
// itself identifies them; engine objects are counted from construction to .delete().
const instrument = `
const watched = (t) => t === window || t === document || (typeof MediaQueryList !== 'undefined' && t instanceof MediaQueryList);
const listeners = new Map();
const keyOf = (t, type, fn, o) => { const capture = typeof o === 'boolean' ? o : !!(o && o.capture); return [t === window ? 'window' : t === document ? 'document' : 'media:' + (t.media || ''), type, capture]; };
const ids = new WeakMap(); let nextId = 1;
const idOf = (fn) => { if (!ids.has(fn)) ids.set(fn, nextId++); return ids.get(fn); };
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, fn, o) {
  if (watched(this) && fn) { const k = keyOf(this, type, fn, o); listeners.set(k.join('|') + '|' + idOf(fn) + '|' + (this.media || ''), k.slice(0, 2).join(' ')); }
  return add.call(this, type, fn, o);
};
EventTarget.prototype.removeEventListener = function (type, fn, o) {
  if (watched(this) && fn) { const k = keyOf(this, type, fn, o); listeners.delete(k.join('|') + '|' + idOf(fn) + '|' + (this.media || '')); }
  return remove.call(this, type, fn, o);
};

const { loadEngine } = await import('../engine/index.js');
const ml = await loadEngine();
// Every embind class: a construct counts one live instance, its .delete() one less.
const live = new Set();
for (const name of Object.keys(ml)) {
  const cls = ml[name];
  if (typeof cls !== 'function' || !cls.prototype || typeof cls.prototype.delete !== 'function' || typeof cls.prototype.isDeleted !== 'function') continue;
  const del = cls.prototype.delete;
  cls.prototype.delete = function () { live.delete(this); return del.call(this); };
  ml[name] = new Proxy(cls, { construct(target, args, newTarget) { const o = Reflect.construct(target, args, newTarget); live.add(o); return o; } });
}
const { widgets } = await import('../widgets/registry.js');
const counts = () => ({ live: live.size, liveNames: [...live].map((o) => o.constructor && o.constructor.name), heap: ml.heapBytesInUse(), listeners: [...listeners.values()].sort() });
window.lifecycle = { widgets, counts, ml };
`;

let site;
before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'instrument.js'), instrument);
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget lifecycle</title>
<link rel="icon" href="../favicon.svg"><link rel="stylesheet" href="../css/tokens.css"><link rel="stylesheet" href="../css/widget.css">
<script type="module" src="instrument.js"></script></head><body><main id="host"></main></body></html>`);
  site = await startSite();
});
after(async () => {
  await site.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test(`mounting and destroying every widget ${CYCLES} times (time allowing) leaves no engine object, heap or listener behind`, async () => {
  const page = await site.newPage({ width: 1000 });
  await page.goto(`${site.base}/test-lifecycle/index.html`);
  await page.waitForFunction(() => window.lifecycle);
  const names = await page.evaluate(() => Object.keys(window.lifecycle.widgets));
  assert.ok(names.length >= 57, `only ${names.length} widgets registered`);
  const only = process.env.LIFECYCLE_WIDGETS ? process.env.LIFECYCLE_WIDGETS.split(',') : null;
  for (const name of names) {
    if (only && !only.includes(name)) continue;
    const started = Date.now();
    const result = await page.evaluate(async ({ widgetName, cycles, minCycles, budget }) => {
      const { widgets, counts } = window.lifecycle;
      const module = await widgets[widgetName]();
      const host = document.getElementById('host');
      const cycle = async () => { const h = module.mount(host, {}); await h.ready; h.destroy(); };
      const settle = async () => { await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); };
      const jsHeap = async () => { window.gc(); await new Promise((r) => setTimeout(r, 50)); window.gc(); return performance.memory ? performance.memory.usedJSHeapSize : 0; };
      await cycle(); await cycle(); await settle();
      const jsStart = await jsHeap();
      const start = counts();
      const first = module.mount(host, {});
      await first.ready;
      const mounted = counts();
      first.destroy();
      const t0 = performance.now();
      let done = 1;
      while (done < cycles && (done < minCycles || performance.now() - t0 < budget)) { await cycle(); done += 1; }
      await settle();
      const end = counts();
      return { start, mounted, done, end, js: (await jsHeap()) - jsStart, left: host.childElementCount };
    }, { widgetName: name, cycles: CYCLES, minCycles: MIN_CYCLES, budget: BUDGET_MS });
    const seconds = (Date.now() - started) / 1000;
    console.log(`lifecycle: ${name}: ${result.mounted.live} engine objects while mounted, live Δ ${result.end.live - result.start.live}, heap Δ ${result.end.heap - result.start.heap} B, listeners ${result.end.listeners.length}, JS heap Δ ${result.js} B after ${result.done} cycles (${seconds.toFixed(1)} s)`);
    assert.equal(result.left, 0, `${name} left elements in the host`);
    assert.deepEqual(result.end.liveNames, result.start.liveNames, `${name}: engine objects constructed and never deleted`);
    assert.ok(result.done >= Math.min(CYCLES, MIN_CYCLES), `${name}: only ${result.done} cycles`);
    assert.ok(result.end.heap - result.start.heap <= ONE_TIME_HEAP_BYTES, `${name}: WASM heap in use grew by ${result.end.heap - result.start.heap} bytes over ${result.done} cycles`);
    assert.deepEqual(result.end.listeners, result.start.listeners, `${name}: listeners left on document/window`);
    assert.ok(result.js < JS_BYTES_PER_CYCLE * result.done, `${name}: JS heap grew by ${result.js} bytes over ${result.done} cycles`);
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// `npm run bench:frames`: is every teaching widget smooth? Each registered widget is mounted alone
// in a bare page at 375 px and at 1280 px wide and played for a few seconds the way a learner
// would: its Play/Train/Run button pressed if it has one, otherwise a pointer dragged across its
// first plot, one move per frame. The page records the time between animation frames meanwhile;
// the report gives the median, the 95th percentile and the worst frame, and how many frames missed
// the 16.7 ms of a 60 Hz screen. Wall-clock numbers are reported, never asserted in tests.
//   node bench/widget-frames.mjs [--only=name,name] [--seconds=3]
// Writes bench/WIDGET-FRAMES.md (BENCH_OUT names another file) with the machine and its load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSite } from '../tests/browser/browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const only = args.only ? args.only.split(',') : null;
const seconds = Number(args.seconds || 3);
const out = process.env.BENCH_OUT || path.join(root, 'bench', 'WIDGET-FRAMES.md');
const hostDir = path.join(root, 'dist', 'bench-frames');
const FRAME_BUDGET_MS = 1000 / 60;
const PLAY = /^(play|train|run|animate|start|race)\b/i;

fs.mkdirSync(hostDir, { recursive: true });
fs.writeFileSync(path.join(hostDir, 'host.js'), `
const { widgets } = await import('../widgets/registry.js');
// Frame-to-frame times while 'on' is set.
const frames = [];
let last = 0;
let on = false;
(function tick(t) { if (on && last) frames.push(t - last); last = t; requestAnimationFrame(tick); })(0);
window.bench = {
  names: () => Object.keys(widgets),
  async mount(name) {
    const module = await widgets[name]();
    const host = document.getElementById('host');
    host.replaceChildren();
    window.handle = module.mount(host, {});
    await window.handle.ready;
  },
  start() { frames.length = 0; on = true; },
  stop() { on = false; return frames.slice(); },
  destroy() { if (window.handle) window.handle.destroy(); window.handle = null; },
};
`);
fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget frames</title>
<link rel="icon" href="../favicon.svg"><link rel="stylesheet" href="../css/tokens.css"><link rel="stylesheet" href="../css/widget.css">
<script type="module" src="host.js"></script></head><body><main id="host"></main></body></html>`);

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

const site = await startSite({ browser: 'full' });
const rows = [];
try {
  for (const width of [375, 1280]) {
    const page = await site.newPage({ width, height: 900 });
    await page.goto(`${site.base}/bench-frames/index.html`);
    await page.waitForFunction(() => window.bench);
    const names = (await page.evaluate(() => window.bench.names())).filter((n) => !only || only.includes(n));
    for (const name of names) {
      await page.evaluate((n) => window.bench.mount(n), name);
      await page.waitForTimeout(300);
      const buttons = page.locator('#host .dw-card button:visible:enabled');
      let how = 'drag on its plot';
      let play = null;
      for (const b of await buttons.all()) if (PLAY.test((await b.textContent()).trim())) { play = b; break; }
      await page.evaluate(() => window.bench.start());
      if (play) {
        how = `“${(await play.textContent()).trim()}”`;
        await play.click();
        await page.waitForTimeout(seconds * 1000);
      } else {
        const canvas = page.locator('#host canvas:visible').first();
        const box = (await canvas.count()) ? await canvas.boundingBox() : null;
        if (box) {
          const steps = Math.round(seconds * 60);
          await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
          await page.mouse.down();
          for (let i = 0; i < steps; i++) {
            const t = i / steps;
            await page.mouse.move(box.x + box.width * (0.2 + 0.6 * t), box.y + box.height * (0.5 + 0.3 * Math.sin(t * 6.28)));
          }
          await page.mouse.up();
        } else {
          how = 'nothing to play';
          await page.waitForTimeout(seconds * 1000);
        }
      }
      const times = (await page.evaluate(() => window.bench.stop())).sort((a, b) => a - b);
      await page.evaluate(() => window.bench.destroy());
      rows.push({ name, width, how, frames: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] ?? NaN, slow: times.filter((t) => t > FRAME_BUDGET_MS * 1.5).length });
      const r = rows[rows.length - 1];
      console.log(`${name} @ ${width} px (${how}): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.slow} of ${r.frames} frames > 25 ms`);
    }
    assertNoErrors(page);
    await page.close();
  }
} finally {
  await site.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
}

function assertNoErrors(page) {
  if (page.record.errors.length) console.warn(`errors logged: ${page.record.errors.slice(0, 5).join(' | ')}`);
}

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const over = rows.filter((r) => r.p95 > FRAME_BUDGET_MS + 0.5);
const lines = [
  '# Widget frames',
  '',
  `Made by \`npm run bench:frames\` (bench/widget-frames.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${os.cpus().length} × ${os.cpus()[0]?.model || 'CPU'}, load average ${load} at the end. Chromium headless, each widget alone, played for ${seconds} s.`,
  '',
  'A 60 Hz screen shows a frame every 16.7 ms; the time between animation frames is that when the widget keeps up. A p95 above it means at least one frame in twenty was late. "Slow" counts frames over 25 ms.',
  '',
  `Widgets whose p95 is over 17.2 ms: ${over.length ? over.map((r) => `${r.name} (${r.width} px, ${fmt(r.p95)} ms)`).join(', ') : 'none'}.`,
  '',
  '| widget | width | played by | frames | median ms | p95 ms | worst ms | slow |',
  '|---|---:|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.width} | ${r.how} | ${r.frames} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.slow} |`),
  '',
];
fs.writeFileSync(out, lines.join('\n'));
console.log(`wrote ${path.relative(root, out)}`);

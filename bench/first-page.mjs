// What a learner's browser fetches before the first lesson of a level is interactive: every
// response (count, raw bytes, gzip and brotli bytes as a compressing host would send them), when
// the WASM request starts, and the time from navigation until the first widget's canvas has
// been painted. Cache off (a first visit), in Chromium through playwright-core.
//   node bench/first-page.mjs [slug …]     (default: the first lesson with a widget of each level)
// DIST picks the built site (default dist/). Used by bench/run.mjs for bench/REPORT.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readCourse } from '../scripts/lesson-render.mjs';
import { startSite } from '../tests/browser/browser.mjs';

const root = path.resolve(import.meta.dirname, '..');

// The first lesson of each level that has a widget (a page without one needs no engine).
// The course's own first page with a model at work, "How does a model learn?", comes first: it is
// the page issue 20 measured (1.84 MiB raw, 24 responses).
export function firstLessons() {
  const course = readCourse(path.join(root, 'lessons'));
  return [course.lessons.find((l) => l.slug === 'how-models-learn'), ...course.levels.map((level) => course.lessons.find((l) => l.level === level.id && /^::: *widget /m.test(l.body)))
]
    .filter(Boolean).map((l) => ({ slug: l.slug, level: l.level }));
}

const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

export async function measureOne(site, slug) {
  const page = await site.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  const pending = [];
  page.on('response', (r) => pending.push(r.body().then((b) => bodies.push({ url: r.url(), body: b }), () => { /* redirects have no body */ })));
  try {
    // What the network really carried (compressed when the server compressed), per response.
    const transferred = new Map();
    cdp.on('Network.loadingFinished', (e) => transferred.set(e.requestId, e.encodedDataLength));
    await page.goto(`${site.base}/lessons/${slug}.html`, { waitUntil: 'domcontentloaded' });
    // The first widget drawn: a canvas inside a built card (light DOM or an embed's shadow root),
    // then two animation frames so it has been painted.
    const firstWidgetMs = await page.evaluate(() => new Promise((resolve) => {
      // A mount whose widget has built its card and finished loading (as widgetsReady checks).
      const drawn = () => {
        const roots = [...document.querySelectorAll('.dw-mount'), ...[...document.querySelectorAll('dw-widget')].map((w) => w.shadowRoot).filter(Boolean)];
        return roots.some((r) => r.querySelector('.dw-card') && !r.querySelector('.dw-loading'));
      };
      const t0 = performance.now();
      const poll = () => {
        if (drawn()) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        else if (performance.now() - t0 > 120000) resolve(NaN);
        else setTimeout(poll, 5);
      };
      poll();
    }));
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const wasmStartMs = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return e ? e.startTime : null;
    });
    const sizes = bodies.map(({ url, body }) => ({ url, raw: body.length, gzip: gzip(body), brotli: brotli(body) }));
    const sum = (k, f = () => true) => sizes.filter(f).reduce((s, x) => s + x[k], 0);
    const isWasm = (x) => x.url.endsWith('.wasm');
    const engine = sizes.some((x) => x.url.endsWith('/dw-engine.wasm')) ? 'full' : sizes.some((x) => x.url.endsWith('/dw-core.wasm')) ? 'core' : null;
    return {
      slug, engine, responses: sizes.length, transferred: [...transferred.values()].reduce((a, b) => a + b, 0), raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'),
      wasmGzip: sum('gzip', isWasm), wasmStartMs, firstWidgetMs,
      files: sizes.map((x) => ({ path: new URL(x.url).pathname, raw: x.raw, gzip: x.gzip })),
    };
  } finally {
    await page.close();
  }
}

export async function measureFirstPage(site, { slugs = firstLessons().map((l) => l.slug) } = {}) {
  const out = [];
  for (const slug of slugs) out.push(await measureOne(site, slug));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(process.env.DIST || path.join(root, 'dist'));
  const slugs = process.argv.slice(2);
  const site = await startSite({ dir: dist, browser: 'full' });
  try {
    const load = os.loadavg();
    const pages = await measureFirstPage(site, slugs.length ? { slugs } : {});
    const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
    console.log(`load average ${load.map((v) => v.toFixed(1)).join(' / ')} → ${os.loadavg().map((v) => v.toFixed(1)).join(' / ')}; ${os.cpus().length} cores`);
    for (const p of pages) {
      console.log(`${p.slug} (engine ${p.engine ?? 'none'}): ${p.responses} responses, ${kib(p.raw)} raw, ${kib(p.gzip)} gzip, ${kib(p.brotli)} brotli (WASM ${kib(p.wasmGzip)} gzip), ${kib(p.transferred)} transferred; WASM request at ${p.wasmStartMs?.toFixed(0)} ms; first widget drawn at ${p.firstWidgetMs.toFixed(0)} ms`);
      if (process.env.VERBOSE) for (const f of p.files) console.log(`   ${f.path} ${kib(f.raw)} raw ${kib(f.gzip)} gzip`);
    }
    if (process.env.JSON_OUT) fs.writeFileSync(process.env.JSON_OUT, JSON.stringify(pages, null, 1));
  } finally {
    await site.close();
  }
}

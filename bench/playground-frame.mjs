// Measures the real neural-network playground page in Chromium at TensorFlow Playground's
// largest configuration: opens the lesson with the settings in the address, presses Play, lets
// it train for a few seconds and reads the widget's own frame-time breakdown (the card's
// nnpTimings: exponential averages of train/map/neurons/links/drawing ms), the frame rate from
// requestAnimationFrame intervals (median and 95th percentile), the training steps per frame,
// and the input latency while training: a learner's click on a checkbox, timed from the input
// event's time stamp to the end of the next animation frame that follows it (the frame that
// paints the change), plus Chromium's Event Timing duration for the same clicks when it reports
// them. Used by bench/run.mjs; on its own it compares built sites in interleaved rounds:
//   node bench/playground-frame.mjs [--dirs=dist,/tmp/other-dist] [--rounds=3] [--seconds=4] [--width=1280]
//     [--extra=&speed=1,] (settings added to the address; several, comma separated, are compared too)

// 500 points with a 50 % training share: 250 training points. Activation tanh, SGD at 0.03 and
// batch 10 are the playground's defaults.
export const PLAYGROUND_HASH = 'dataset=spiral&points=500&trainPct=50&layers=8,8,8,8,8,8&acts=tanh&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&lr=0.03&optimizer=sgd&batch=10';

export async function measurePlayground(site, { seconds = 4, width = 1280, clicks = 8, extra = '' } = {}) {
  const page = await site.newPage({ width });
  try {
    await page.goto(`${site.base}/lessons/neural-network-playground.html#${PLAYGROUND_HASH}${extra}`);
    const card = page.locator('.dw-card.nnp').first();
    await card.waitFor({ timeout: 60000 });
    await card.scrollIntoViewIfNeeded(); // frames only tick while the widget is visible
    // "Ready: 250 training and 250 test points …" confirms the address was read.
    const message = card.locator('.dw-message', { hasText: 'training' }).first();
    await message.waitFor({ timeout: 30000 });
    const ready = await message.textContent();
    const trainingPoints = Number((String(ready).match(/(\d+) training/) || [])[1]) || null;
    await page.evaluate(() => {
      // Input latency probes: every click's time stamp → the end of the next frame after it.
      window.dwLatency = { rafMs: [], eventMs: [] };
      document.addEventListener('click', (e) => {
        const at = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => window.dwLatency.rafMs.push(performance.now() - at);
          ch.port2.postMessage(0);
        });
      }, true);
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'click') window.dwLatency.eventMs.push(e.duration);
        }).observe({ type: 'event', durationThreshold: 16, buffered: true });
      } catch { /* no Event Timing API */ }
    });
    await card.getByRole('button', { name: 'Play', exact: true }).click();
    // Let the adaptive steps per frame settle for a second, then measure.
    await page.waitForTimeout(1000);
    const frames = page.evaluate(async (ms) => {
      // The steps counter (its text; the readouts are written ten times a second while playing).
      const steps = () => Number(document.querySelector('.dw-card.nnp [data-stat="steps"] .dw-stat-value').textContent.replace(/[^\d]/g, '')) || 0;
      const s0 = steps();
      const intervals = [];
      const t0 = performance.now();
      await new Promise((resolve) => {
        let last = performance.now();
        const tick = (now) => {
          intervals.push(now - last);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(tick); else resolve();
        };
        requestAnimationFrame(tick);
      });
      const elapsed = performance.now() - t0;
      const s1 = steps();
      const sorted = [...intervals].sort((a, b) => a - b);
      const cardEl = document.querySelector('.dw-card.nnp');
      return {
        timings: { ...cardEl.nnpTimings },
        fps: (intervals.length / elapsed) * 1000,
        medianFrameMs: sorted[Math.floor(sorted.length / 2)],
        p95FrameMs: sorted[Math.floor(sorted.length * 0.95)],
        frames: intervals.length,
        stepsPerFrame: (s1 - s0) / intervals.length,
        speedReadout: cardEl.querySelector('[data-stat="steps/frame"] .dw-stat-value')?.textContent,
      };
    }, seconds * 1000);
    // Meanwhile a learner clicks "Show test data" a few times (each click changes a setting).
    const box = card.getByRole('checkbox', { name: 'Show test data' });
    const gap = Math.max(150, (seconds * 1000 - 300) / (clicks + 1));
    for (let i = 0; i < clicks; i++) { await page.waitForTimeout(gap); await box.click(); }
    const result = await frames;
    const latency = await page.evaluate(() => window.dwLatency);
    const med = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
    return {
      ...result,
      inputLatencyMs: med(latency.rafMs),
      inputLatencyMaxMs: latency.rafMs.length ? Math.max(...latency.rafMs) : NaN,
      eventTimingMs: med(latency.eventMs),
      clicks: latency.rafMs.length,
      trainingPoints,
    };
  } finally {
    await page.close();
  }
}

// Standalone: interleaved rounds over one or more built sites.
if (import.meta.url === `file://${process.argv[1]}`) {
  const os = await import('node:os');
  const { startSite } = await import('../tests/browser/browser.mjs');
  const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, ...v] = a.replace(/^--/, '').split('='); return [k, v.join('=')]; }));
  const dirs = (args.dirs || 'dist').split(',');
  const rounds = Number(args.rounds || 3);
  const seconds = Number(args.seconds || 4);
  const width = Number(args.width || 1280);
  const extras = args.extra === undefined ? [''] : args.extra.split(',');
  const sites = [];
  for (const dir of dirs) sites.push(await startSite({ dir, browser: 'full' }));
  try {
    const runs = sites.flatMap((site, i) => extras.map((extra) => ({ site, extra, name: `${dirs[i]}${extra ? ` ${extra}` : ''}` })));
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < runs.length; k++) {
        const run = runs[(k + r) % runs.length];
        const m = await measurePlayground(run.site, { seconds, width, extra: run.extra });
        const t = m.timings;
        const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
        console.log(`${run.name} round ${r + 1} @${width}px load ${os.loadavg()[0].toFixed(2)}: fps ${f(m.fps)} median ${f(m.medianFrameMs)} p95 ${f(m.p95FrameMs)} ms | train ${f(t.train)} map ${f(t.map)} neurons ${f(t.neurons)} links ${f(t.links)} drawing ${f(t.drawing)} ms | steps/frame ${f(m.stepsPerFrame)} | input→frame ${f(m.inputLatencyMs)} (max ${f(m.inputLatencyMaxMs)}) event timing ${f(m.eventTimingMs)} ms, ${m.clicks} clicks`);
      }
    }
  } finally {
    for (const s of sites) await s.close();
  }
}

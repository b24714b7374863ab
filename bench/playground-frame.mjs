// Measures the real neural-network playground page in Chromium at TensorFlow Playground's
// largest configuration: opens the lesson with the settings in the address, presses Play, lets
// it train for a few seconds and reads the widget's own frame-time breakdown (the card's
// nnpTimings: exponential averages of train/map/neurons/drawing ms), the frame rate from
// requestAnimationFrame intervals, and the training steps per frame. Used by bench/run.mjs.

// 500 points with a 50 % training share: 250 training points. Activation tanh, SGD at 0.03 and
// batch 10 are the playground's defaults.
export const PLAYGROUND_HASH = 'dataset=spiral&points=500&trainPct=50&layers=8,8,8,8,8,8&acts=tanh&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&lr=0.03&optimizer=sgd&batch=10';

export async function measurePlayground(site, { seconds = 4 } = {}) {
  const page = await site.newPage();
  try {
    await page.goto(`${site.base}/lessons/neural-network-playground.html#${PLAYGROUND_HASH}`);
    const card = page.locator('.dw-card.nnp').first();
    await card.waitFor({ timeout: 60000 });
    await card.scrollIntoViewIfNeeded(); // frames only tick while the widget is visible
    // "Ready: 250 training and 250 test points …" confirms the address was read.
    const message = card.locator('.dw-message', { hasText: 'training' }).first();
    await message.waitFor({ timeout: 30000 });
    const ready = await message.textContent();
    const trainingPoints = Number((String(ready).match(/(\d+) training/) || [])[1]) || null;
    await card.getByRole('button', { name: 'Play', exact: true }).click();
    const result = await page.evaluate(async (ms) => {
      const cardEl = document.querySelector('.dw-card.nnp');
      const steps = () => Number(cardEl.querySelector('[data-stat="steps"] .dw-stat-value').textContent) || 0;
      // Let the adaptive steps-per-frame settle for a second, then measure.
      await new Promise((r) => setTimeout(r, 1000));
      const intervals = [];
      const s0 = steps();
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
      return {
        timings: { ...cardEl.nnpTimings },
        fps: (intervals.length / elapsed) * 1000,
        medianFrameMs: sorted[Math.floor(sorted.length / 2)],
        frames: intervals.length,
        stepsPerFrame: (s1 - s0) / intervals.length,
        speedReadout: cardEl.querySelector('[data-stat="steps/frame"] .dw-stat-value')?.textContent,
      };
    }, seconds * 1000);
    return { ...result, trainingPoints };
  } finally {
    await page.close();
  }
}

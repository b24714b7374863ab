// The GAN lab's work per animation frame, timed in WASM under Node: what one frame of the widget
// asks of the engine with its defaults (roundsPerFrame = 4 training rounds, then the picture:
// generated points, their push arrows, the 40 × 40 heat map, coverage, D on the real points and
// both losses). Run after a site build:  node bench/gan-frame.mjs
// The budget the course aims for is about 8 ms of engine time per frame at 60 Hz.
import { ml } from '../tests/node/engine.mjs';
import { createGan } from '../web/widgets/gan-lab/model.js';

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

function time(fn, { warm = 30, runs = 120 } = {}) {
  for (let i = 0; i < warm; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  return median(t);
}

const gan = createGan(ml, {});
try {
  const real = gan.realPoints();
  const round = time(() => gan.step());
  const picture = time(() => {
    const fakes = gan.generatedPoints();
    gan.generatorFlow(fakes);
    gan.discriminatorGrid(-2.2, 2.2, -2.2, 2.2, 40, 40);
    gan.coverage();
    gan.discriminate(real);
    gan.discriminatorLoss();
    gan.generatorLoss();
  });
  const frame = 4 * round + picture;
  console.log(JSON.stringify({ roundMs: round, pictureMs: picture, frameMs: frame, budgetMs: 8 }, null, 2));
} finally {
  gan.delete();
}

// The training-tricks widget's work per animation frame, timed in WASM under Node: what one frame
// asks of the engine with its defaults (PER_FRAME = 10 updates of each of the two nets — six
// hidden layers of 16 ReLU units, mini-batches of 20, a trace row per update — then the picture:
// both final losses and accuracies, both 36 × 36 decision maps, both layer statistics and both
// traces). The batch-normalisation pair is the dearer one, so it is timed as well.
// Run after a site build:  node bench/training-tricks-frame.mjs
// The budget the course aims for is about 8 ms of engine time per frame at 60 Hz.
import { ml } from '../tests/node/engine.mjs';
import { resolveOptions } from '../web/lib/schema.js';
import { schema, createNet } from '../web/widgets/training-tricks/model.js';

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

function time(fn, { warm = 20, runs = 100 } = {}) {
  for (let i = 0; i < warm; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  return median(t);
}

const report = {};
for (const trick of ['init', 'batchnorm']) {
  const opts = { ...resolveOptions(schema, {}).values, trick, updates: 5000 };
  const nets = ['off', 'on'].map((side) => createNet(ml, opts, side));
  try {
    const updates = time(() => { for (const net of nets) { if (net.steps() > 4000) net.reset(opts.seed); net.fit(10); } });
    const picture = time(() => {
      for (const net of nets) {
        net.loss();
        net.accuracy();
        net.probabilityGrid(-1.2, 1.2, -1.2, 1.2, 36, 36);
        net.layerStatistics();
        ml.trace(net).column('loss');
      }
    });
    report[trick] = { updatesMs: updates, pictureMs: picture, frameMs: updates + picture, budgetMs: 8 };
  } finally {
    for (const net of nets) net.delete();
  }
}
console.log(JSON.stringify(report, null, 2));

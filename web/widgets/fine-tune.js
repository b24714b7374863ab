// Fine-tuning and LoRA (landscape, lesson fine-tuning). A small network (engine TransferNet: 64
// pixels → 32 ReLU units → 10 digits) is pretrained on ordinary handwritten digits when the widget
// opens; the new task is the same digits in chalk on a blackboard (every pixel 1 − pixel) with only
// a few labelled images of each. Play trains four networks side by side on those few images:
// from scratch, head only (the pretrained hidden layer frozen), full fine-tuning and LoRA (the
// hidden layer frozen plus a trainable rank-r update (α/r)·B·A, B starting at zero). The curves
// show accuracy on the 360 chalk test images against steps; bars show trainable parameters; a
// sweep measures final accuracy against the number of chalk images per digit. A predict-then-check
// box asks which start ends best. Everything is computed by the engine (web/lib/transfer.js).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, select, slider } from '../lib/ui.js';
import { countOf, formatNumber, formatPercent } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { legend } from '../lib/legend.js';
import { yGrid } from '../lib/ticks.js';
import {
  LORA_RANKS, METHODS, METHOD_LABELS, SHOT_SIZES, TRANSFER_DEFAULTS, chalkAccuracy, chalkTestSet, pretrain, runMethod, startMethod,
} from '../lib/transfer.js';

export const schema = {
  perClass: { type: 'int', min: 1, max: 20, default: TRANSFER_DEFAULTS.perClass, description: 'Labelled chalk images of each digit the new task gets (1–20).' },
  rank: { type: 'enum', values: LORA_RANKS.map(String), default: String(TRANSFER_DEFAULTS.rank), description: 'Rank r of the LoRA update B·A.' },
  steps: { type: 'int', min: 20, max: 600, default: TRANSFER_DEFAULTS.fineSteps, description: 'Training steps on the new task.' },
  seed: seedOption(TRANSFER_DEFAULTS.seed, 'Seed for the initial weights, the chalk images chosen and the mini-batch order.'),
};

export const meta = {
  title: 'Fine-tuning a pretrained network, and LoRA',
  hint: 'The network already reads ordinary digits. Press Play to teach four copies the chalk digits from a few examples each, and compare how far each gets and how many numbers each one trains.',
};

// Colours of the four methods: theme keys.
const COLOR = { scratch: 'textMuted', head: 'class0', full: 'class1', lora: 'class2' };
const SHORT = { scratch: 'scratch', head: 'head', full: 'full', lora: 'LoRA' };
const MEASURE_EVERY = 10;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let pre = null;          // pretrained on ordinary digits
  let preChalk = 0;        // its accuracy on the chalk test images
  let nets = {};           // method → TransferNet on the new task
  let curves = {};         // method → [{ step, accuracy }]
  let sweep = null;        // { perClass: [...], results: { method: [accuracy…] }, next }
  let check = null;

  card.card.classList.add('ftune');
  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  left.append(el('p', { className: 'dw-legend', text: 'Accuracy on the 360 chalk test digits against training steps' }));
  const curvePlot = ctx.own(new Plot(left, { aspect: 0.6, minHeight: 200, maxHeight: 320, domain: [0, opts.steps, 0, 1], label: 'Accuracy against steps', onResize: () => ctx.requestDraw(draw) }));
  legend(left, METHODS.map((m) => ({ text: METHOD_LABELS[m], swatch: m === 'scratch' ? 'dw-swatch-strip dw-swatch-dashed' : 'dw-swatch-strip', color: m === 'scratch' ? undefined : `var(--${COLOR[m]})` })), { decorative: true });
  right.append(el('p', { className: 'dw-legend', text: 'Trainable numbers of each method (log scale)' }));
  const countPlot = ctx.own(new Plot(right, { aspect: 0.45, minHeight: 150, maxHeight: 220, domain: [0, 4, 1, 4], label: 'Trainable parameters per method', onResize: () => ctx.requestDraw(draw) }));
  right.append(el('p', { className: 'dw-legend', text: 'Final accuracy against chalk images per digit (Sweep)' }));
  const sweepPlot = ctx.own(new Plot(right, { aspect: 0.55, minHeight: 170, maxHeight: 260, domain: [0, SHOT_SIZES.length - 1, 0, 1], label: 'Accuracy against examples per digit', onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (done()) restart(); },
    reduced: () => advance(opts.steps),
    tick: () => { advance(5); return !done(); },
    every: 30,
  });
  button(buttons, 'Step', () => { play.stop(); advance(MEASURE_EVERY); });
  button(buttons, 'Reset', () => { play.stop(); restart(); });
  const sweepButton = button(buttons, 'Sweep', () => { play.stop(); sweepPlayer(); });
  const shots = slider(card.controls, { label: 'chalk images per digit', min: 1, max: 20, step: 1, value: opts.perClass, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.perClass = v; restart(); } });
  const rankSelect = select(card.controls, { label: 'LoRA rank r', value: opts.rank, options: schema.rank.values.map((r) => [r, `r = ${r}`]), onChange: (v) => { play.stop(); opts.rank = v; restart(); } });
  const stats = Object.fromEntries(METHODS.map((m) => [m, card.stat(METHOD_LABELS[m])]));
  const statPre = card.stat('pretrained, on chalk');

  const prediction = createPrediction(ctx, {
    id: 'fine-tune-best-start',
    question: `Which start reaches the highest chalk accuracy after ${countOf(opts.steps, 'step')}?`,
    choices: METHODS.map((m) => [m, METHOD_LABELS[m]]),
    onCommit: () => { check = { perClass: opts.perClass, rank: opts.rank }; if (stepsDone() > 0) restart(); },
    next: 'Now press Play and let all four finish.',
  });

  function settings() { return { perClass: opts.perClass, rank: Number(opts.rank), alpha: 2 * Number(opts.rank), seed: opts.seed, fineSteps: opts.steps }; }

  function freeNets() { for (const m of METHODS) if (nets[m]) nets[m] = ctx.free(nets[m]); nets = {}; }

  function restart() {
    freeNets();
    curves = {};
    const ok = attempt(card, () => {
      for (const m of METHODS) {
        nets[m] = ctx.own(startMethod(ml, pre, m, settings()));
        curves[m] = [{ step: 0, accuracy: chalkAccuracy(nets[m]) }];
      }
      return true;
    }, false);
    if (!ok) freeNets();
    changed();
  }

  function stepsDone() { return nets.scratch ? nets.scratch.steps() : 0; }
  function done() { return stepsDone() >= opts.steps; }

  function advance(k) {
    if (!nets.scratch) return;
    attempt(card, () => {
      const target = Math.min(opts.steps, stepsDone() + k);
      while (stepsDone() < target) {
        const n = Math.min(MEASURE_EVERY - (stepsDone() % MEASURE_EVERY), target - stepsDone());
        for (const m of METHODS) nets[m].train(n);
        if (stepsDone() % MEASURE_EVERY === 0 || stepsDone() === opts.steps) {
          for (const m of METHODS) curves[m].push({ step: stepsDone(), accuracy: chalkAccuracy(nets[m]) });
        }
      }
    });
    changed();
  }

  // The sweep: every method at every size of SHOT_SIZES, one training run per tick.
  let stopSweep = null;
  function sweepPlayer() {
    if (stopSweep) { stopSweep(); stopSweep = null; sweepButton.textContent = 'Sweep'; return; }
    sweep = { results: Object.fromEntries(METHODS.map((m) => [m, []])), next: 0 };
    sweepButton.textContent = 'Stop sweep';
    const runOne = () => {
      const i = sweep.next;
      const size = SHOT_SIZES[Math.floor(i / METHODS.length)];
      const m = METHODS[i % METHODS.length];
      const ok = attempt(card, () => { sweep.results[m].push(runMethod(ml, pre, m, { ...settings(), perClass: size }).accuracy); return true; }, false);
      sweep.next += 1;
      changed();
      return ok && sweep.next < SHOT_SIZES.length * METHODS.length;
    };
    const stop = ctx.animate(() => {
      if (!runOne()) { stop(); stopSweep = null; sweepButton.textContent = 'Sweep'; }
    });
    stopSweep = () => stop();
  }

  function load() {
    pre = pre ? ctx.free(pre) : null;
    sweep = null;
    const ok = attempt(card, () => {
      pre = ctx.own(pretrain(ml, { seed: opts.seed }));
      preChalk = chalkAccuracy(pre);
      return true;
    }, false);
    if (ok) restart();
  }

  function judge() {
    if (!check || prediction.pending === null || !done() || check.perClass !== opts.perClass || check.rank !== opts.rank) return;
    const finals = METHODS.map((m) => [m, curves[m][curves[m].length - 1].accuracy]);
    const best = finals.reduce((a, b) => (b[1] > a[1] ? b : a));
    prediction.settle(best[0], `After ${countOf(opts.steps, 'step')} with ${countOf(opts.perClass, 'chalk image')} per digit: ${finals.map(([m, a]) => `${METHOD_LABELS[m]} ${formatPercent(a)}`).join(', ')}. The starts that keep the pretrained hidden layer begin from features that already find strokes; from scratch has only the few chalk images to find them.`);
    check = null;
  }

  function changed() {
    const steps = stepsDone();
    for (const m of METHODS) {
      const c = curves[m];
      const counts = nets[m] ? nets[m].counts() : null;
      stats[m].set(c && c.length ? `${formatPercent(c[c.length - 1].accuracy)} · ${counts ? `${formatNumber(counts.trainable, 0, { grouping: true })} ${counts.trainable === 1 ? 'number' : 'numbers'}` : ''}` : '–');
    }
    statPre.set(formatPercent(preChalk));
    if (!nets.scratch) card.setMessage('', 'info');
    else if (steps === 0) card.setMessage(`Pretrained on ordinary digits, the network reads ${formatPercent(preChalk)} of the chalk digits. ${countOf(opts.perClass * 10, 'chalk image')} to learn from: press Play.`, 'info');
    else if (!done()) card.setMessage(`${countOf(steps, 'step')} of ${formatNumber(opts.steps, 0)}.`, 'info');
    else card.setMessage(`Done: ${METHODS.map((m) => `${METHOD_LABELS[m]} ${formatPercent(curves[m][curves[m].length - 1].accuracy)}`).join(' · ')}.`, 'ok');
    judge();
    curvePlot.canvas.setAttribute('aria-label', `Accuracy on the chalk test digits after ${countOf(steps, 'step')}: ${METHODS.map((m) => `${METHOD_LABELS[m]} ${curves[m] ? formatPercent(curves[m][curves[m].length - 1].accuracy) : 'not started'}`).join(', ')}.`);
    countPlot.canvas.setAttribute('aria-label', `Trainable numbers: ${METHODS.map((m) => `${METHOD_LABELS[m]} ${nets[m] ? formatNumber(nets[m].counts().trainable, 0) : '–'}`).join(', ')}.`);
    sweepPlot.canvas.setAttribute('aria-label', sweep ? `Final accuracy against chalk images per digit (${SHOT_SIZES.join(', ')}): ${METHODS.map((m) => `${METHOD_LABELS[m]} ${sweep.results[m].map((a) => formatPercent(a)).join(', ')}`).join('; ')}.` : 'Press Sweep to measure final accuracy at 1 to 20 chalk images per digit.');
    shots.set(opts.perClass);
    rankSelect.value = opts.rank;
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  function draw() {
    const t = curvePlot.theme;
    curvePlot.setDomain(0, opts.steps, 0, 1);
    const cp = curvePlot.begin();
    curvePlot.axes({ xLabel: 'step', yLabel: 'accuracy', yTicks: 5 });
    curvePlot.clipToArea(() => {
      for (const m of METHODS) {
        const c = curves[m];
        if (!c || !c.length) continue;
        curvePlot.path(c.map((p) => p.step), c.map((p) => p.accuracy), { color: t[COLOR[m]], width: m === 'lora' ? 2.5 : 2, dash: m === 'scratch' ? [5, 4] : [] });
        const lastPoint = c[c.length - 1];
        cp.fillStyle = t[COLOR[m]];
        cp.beginPath(); cp.arc(curvePlot.px(lastPoint.step), curvePlot.py(lastPoint.accuracy), 3.5, 0, 2 * Math.PI); cp.fill();
      }
    });

    // Trainable counts, log10 bars.
    const logs = METHODS.map((m) => (nets[m] ? Math.log10(Math.max(1, nets[m].counts().trainable)) : 0));
    countPlot.setDomain(-0.5, METHODS.length - 0.5, 0, 4);
    const cc = countPlot.begin();
    cc.font = `11px ${t.font}`;
    cc.textAlign = 'center';
    const ticks = [1, 10, 100, 1000, 10000];
    cc.strokeStyle = t.gridLine;
    cc.fillStyle = t.textMuted;
    for (const v of ticks) {
      const y = countPlot.py(Math.log10(v));
      cc.beginPath(); cc.moveTo(countPlot.px(-0.5), y); cc.lineTo(countPlot.px(METHODS.length - 0.5), y); cc.stroke();
      cc.textAlign = 'right';
      cc.fillText(formatNumber(v, 0, { grouping: true }), countPlot.px(-0.5) - 4, y + 4);
    }
    METHODS.forEach((m, i) => {
      const x0 = countPlot.px(i - 0.35);
      const x1 = countPlot.px(i + 0.35);
      const y = countPlot.py(logs[i]);
      cc.fillStyle = t[COLOR[m]];
      cc.fillRect(x0, y, x1 - x0, countPlot.py(0) - y);
      cc.fillStyle = t.text;
      cc.textAlign = 'center';
      if (nets[m]) cc.fillText(formatNumber(nets[m].counts().trainable, 0, { grouping: true }), (x0 + x1) / 2, y - 4);
      cc.fillText(SHORT[m], (x0 + x1) / 2, countPlot.py(0) + 14);
    });

    // Sweep.
    sweepPlot.setDomain(-0.3, SHOT_SIZES.length - 0.7, 0, 1);
    const sc = sweepPlot.begin();
    yGrid(sweepPlot, [0, 0.25, 0.5, 0.75, 1], (v) => formatNumber(v, 2));
    sc.fillStyle = t.textMuted;
    sc.font = `11px ${t.font}`;
    sc.textAlign = 'center';
    SHOT_SIZES.forEach((n, i) => sc.fillText(formatNumber(n, 0), sweepPlot.px(i), sweepPlot.py(0) + 14));
    sc.textAlign = 'right';
    sc.fillText('chalk images per digit', sweepPlot.width - sweepPlot.margin.right, sweepPlot.height - 1);
    if (sweep) {
      sweepPlot.clipToArea(() => {
        for (const m of METHODS) {
          const ys = sweep.results[m];
          if (!ys.length) continue;
          sweepPlot.path(ys.map((_, i) => i), ys, { color: t[COLOR[m]], width: 2, dash: m === 'scratch' ? [5, 4] : [] });
          sc.fillStyle = t[COLOR[m]];
          ys.forEach((a, i) => { sc.beginPath(); sc.arc(sweepPlot.px(i), sweepPlot.py(a), 3, 0, 2 * Math.PI); sc.fill(); });
        }
      });
    }
  }

  load();

  return {
    update(next) {
      play.stop();
      const reload = next.seed !== opts.seed;
      opts = { ...next };
      if (reload) load(); else restart();
    },
  };
}

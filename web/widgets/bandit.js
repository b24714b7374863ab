// Explore or exploit (seed 002, reinforcement learning): two learners play the same k-armed
// bandit, one ε-greedy and one UCB1. The top chart shows each arm's true mean and both learners'
// estimates and pull counts; the bottom chart their cumulative regret. All from the engine's
// MultiArmedBandit (the same seed gives both the same arms).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, fixed, slider } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  arms: { type: 'int', min: 2, max: 10, default: 6, description: 'Number of arms (slot machines).' },
  epsilon: { type: 'number', min: 0, max: 1, default: 0.1, description: 'ε of the ε-greedy learner.' },
  c: { type: 'number', min: 0, max: 5, default: 1.41, description: 'Exploration constant c of UCB1.' },
  seed: seedOption(7, 'Seed for the arms and the pulls.'),
};

export const meta = {
  title: 'Explore or exploit: the multi-armed bandit',
  hint: 'Press Play: two learners pull the same slot machines. Watch whose regret keeps growing, then try ε = 0 (never explore) or a large c.',
};

const PULLS_PER_FRAME = 4;
const MAX_PULLS = 5000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const greedy = ctx.own(new ml.MultiArmedBandit());
  const ucb = ctx.own(new ml.MultiArmedBandit());

  const armsPlot = ctx.own(new Plot(card.stage, { aspect: 0.42, minHeight: 200, maxHeight: 320, label: 'Arms: true means, estimates and pulls', onResize: () => ctx.requestDraw(draw) }));
  legend(card.stage, [
    { text: 'true mean', swatch: 'dwl-swatch dwl-sw-truth' },
    { text: 'ε-greedy estimate', swatch: 'dwl-swatch dwl-sw-class0' },
    { text: 'UCB1 estimate', swatch: 'dwl-swatch dwl-sw-class1' },
    { text: 'bars: share of pulls', swatch: 'dwl-swatch dwl-sw-bar' },
  ]);
  const regretPlot = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 150, maxHeight: 220, label: 'Cumulative regret of both learners', onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => pull(100),
    tick: () => { pull(PULLS_PER_FRAME); return greedy.steps() < MAX_PULLS; },
  });
  button(buttons, 'Step', () => { play.stop(); pull(1); });
  button(buttons, 'Reset', () => { play.stop(); restart(); });
  button(buttons, 'New arms', () => { play.stop(); opts.seed = nextSeed(opts.seed); restart(); });
  const sliders = {
    arms: slider(card.controls, { label: 'arms k', min: 2, max: 10, step: 1, value: opts.arms, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.arms = v; restart(); } }),
    epsilon: slider(card.controls, { label: 'ε-greedy: ε', min: 0, max: 1, step: 0.01, value: opts.epsilon, format: (v) => fixed(v, 2), onInput: (v) => { opts.epsilon = v; restart(); } }),
    c: slider(card.controls, { label: 'UCB1: c', min: 0, max: 5, step: 0.01, value: opts.c, format: (v) => fixed(v, 2), onInput: (v) => { opts.c = v; restart(); } }),
  };

  const statPulls = card.stat('pulls');
  const statRegretG = card.stat('regret ε-greedy');
  const statRegretU = card.stat('regret UCB1');
  const statBestG = card.stat('best arm ε-greedy');
  const statBestU = card.stat('best arm UCB1');

  // Predict, then check: with ε = 0.5, what share of all pulls goes to the best arm? A number,
  // judged from the engine's ε-greedy learner once all MAX_PULLS pulls are done.
  const prediction = createPrediction(ctx, {
    id: 'bandit-epsilon-half',
    question: `With ε = 0.5, the share of ${formatNumber(MAX_PULLS, 0, { grouping: true })} pulls that ε-greedy gives the best arm will be…`,
    numeric: { label: 'percent', tolerance: 5, min: 0, max: 100, digits: 0 },
    next: `Now set ε to 0.5 and press Play until all ${formatNumber(MAX_PULLS, 0, { grouping: true })} pulls are done.`,
  });
  function judgeShare() {
    if (prediction.pending === null || greedy.steps() < MAX_PULLS || Math.abs(opts.epsilon - 0.5) > 1e-9) return;
    const share = greedy.optimalFraction();
    prediction.settle(Math.round(share * 100), `ε-greedy gave the best arm ${formatPercent(share, 1)} of its pulls. Half of its pulls are random, and a random pull finds the best of ${formatNumber(opts.arms, 0)} arms only one time in ${formatNumber(opts.arms, 0)}: ε(k − 1)/k = ${formatPercent((0.5 * (opts.arms - 1)) / opts.arms, 0)} of all pulls go to worse arms, even once the best arm is known.`);
  }

  function restart() {
    attempt(card, () => {
      for (const b of [greedy, ucb]) b.setArms(opts.arms);
      greedy.setStrategy('epsilon-greedy');
      greedy.setEpsilon(opts.epsilon);
      ucb.setStrategy('ucb1');
      ucb.setC(opts.c);
      greedy.reset(opts.seed);
      ucb.reset(opts.seed);
    });
    card.setMessage(`${opts.arms} machines with hidden mean payouts. Both learners start knowing nothing.`, 'info');
    render();
  }

  function pull(n) {
    const left = MAX_PULLS - greedy.steps();
    if (left <= 0) { play.stop(); card.setMessage(`Stopped at ${formatNumber(MAX_PULLS, 0, { grouping: true })} pulls. Press Reset to play again.`, 'info'); return; }
    attempt(card, () => { greedy.fit(Math.min(n, left)); ucb.fit(Math.min(n, left)); });
    describe();
    render();
    judgeShare();
  }

  function describe() {
    const t = greedy.steps();
    if (t < opts.arms) { card.setMessage(`UCB1 first tries every arm once (pull ${formatNumber(t, 0)} of ${formatNumber(opts.arms, 0)}); ε-greedy already exploits its first lucky guess.`, 'info'); return; }
    const rg = greedy.regret();
    const ru = ucb.regret();
    const greedyStuck = greedy.optimalFraction() < 0.5;
    if (opts.epsilon === 0 && greedyStuck) card.setMessage(`With ε = 0 the greedy learner never explores: it is stuck on an arm that is not the best and its regret grows by the same amount every pull.`, 'bad');
    else if (opts.epsilon === 0 && rg <= ru) card.setMessage(`With ε = 0 the greedy learner was lucky: it met the best arm early and, never exploring, its regret stays flat (${fixed(rg, 1)} vs ${fixed(ru, 1)} for UCB1). On other arms it can lock onto a worse one: press New arms.`, 'warn');
    else if (opts.epsilon === 0) card.setMessage(`With ε = 0 the greedy learner never explores; UCB1 is ahead for now (${fixed(ru, 1)} vs ${fixed(rg, 1)} regret). Whether greedy ever met the best arm is luck: press New arms to see it lock onto a worse one.`, 'warn');
    else if (ru < rg) card.setMessage(`UCB1 is ahead (${fixed(ru, 1)} vs ${fixed(rg, 1)} regret): it explores an arm only while its estimate is uncertain, so its regret flattens; ε-greedy keeps spending ε of its pulls at random forever.`, 'ok');
    else card.setMessage(`ε-greedy is ahead for now (${fixed(rg, 1)} vs ${fixed(ru, 1)}). Keep playing: a fixed ε keeps wasting pulls, so its regret grows in a straight line.`, 'warn');
  }

  function render() {
    statPulls.set(formatNumber(greedy.steps(), 0));
    statRegretG.set(fixed(greedy.regret(), 2));
    statRegretU.set(fixed(ucb.regret(), 2));
    statBestG.set(formatPercent(greedy.optimalFraction(), 1));
    statBestU.set(formatPercent(ucb.optimalFraction(), 1));
    armsPlot.canvas.setAttribute('aria-label', `${opts.arms} arms; best arm ${greedy.optimalArm() + 1}; after ${greedy.steps()} pulls regret ε-greedy ${fixed(greedy.regret(), 2)}, UCB1 ${fixed(ucb.regret(), 2)}`);
    ctx.requestDraw(draw);
  }

  function draw() {
    const t = armsPlot.theme;
    const k = opts.arms;
    const means = greedy.means();
    const est = [greedy.estimates(), ucb.estimates()];
    const counts = [greedy.counts(), ucb.counts()];
    const steps = Math.max(1, greedy.steps());
    const vals = [...means, ...est[0], ...est[1]].filter(Number.isFinite);
    const lo = Math.min(-1, ...vals) - 0.3;
    const hi = Math.max(1, ...vals) + 0.3;
    armsPlot.setDomain(0.4, k + 0.6, lo, hi);
    armsPlot.begin();
    armsPlot.axes({ xLabel: 'arm', yLabel: 'payout', xTicks: Math.min(k, 10), yTicks: 4 });
    const c = armsPlot.ctx;
    armsPlot.clipToArea(() => {
      const best = greedy.optimalArm();
      for (let a = 0; a < k; a++) {
        const x = a + 1;
        // Bars from the bottom: share of pulls per learner, side by side.
        for (let s = 0; s < 2; s++) {
          const share = counts[s][a] / steps;
          const xa = armsPlot.px(x - 0.34 + s * 0.34);
          const xb = armsPlot.px(x - 0.02 + s * 0.34);
          const yb = armsPlot.py(lo);
          const h = share * (armsPlot.py(lo) - armsPlot.py(hi)) * 0.5;
          c.fillStyle = s === 0 ? t.class0 : t.class1;
          c.globalAlpha = 0.22;
          c.fillRect(xa, yb - h, xb - xa, h);
          c.globalAlpha = 1;
        }
        armsPlot.segment(x - 0.4, means[a], x + 0.4, means[a], { color: a === best ? t.good : t.truth, dash: [5, 4], width: 2 });
        if (counts[0][a] > 0) armsPlot.point(x - 0.15, est[0][a], 0, { size: 5 });
        if (counts[1][a] > 0) armsPlot.point(x + 0.15, est[1][a], 1, { size: 5 });
      }
    });
    const tr = [ml.trace(greedy), ml.trace(ucb)];
    const regrets = tr.map((x) => x.column('regret'));
    const n = regrets[0].length;
    const top = Math.max(1, ...regrets.map((r) => r[r.length - 1]).filter(Number.isFinite)) * 1.1;
    regretPlot.setDomain(0, Math.max(50, n - 1), 0, top);
    regretPlot.begin();
    regretPlot.axes({ xLabel: 'pulls', yLabel: 'regret', xTicks: 5, yTicks: 3 });
    regretPlot.clipToArea(() => {
      const stride = Math.max(1, Math.floor(n / 600));
      regrets.forEach((r, s) => {
        const xs = [];
        const ys = [];
        for (let i = 0; i < n; i += stride) { xs.push(i); ys.push(r[i]); }
        xs.push(n - 1); ys.push(r[n - 1]);
        regretPlot.path(xs, ys, { color: s === 0 ? t.class0 : t.class1, width: 2.5, dash: s === 0 ? [6, 3] : [] });
      });
    });
    const rc = regretPlot.ctx;
    rc.font = `12px ${t.font}`;
    rc.textAlign = 'left';
    rc.textBaseline = 'top';
    rc.fillStyle = t.class0; rc.fillText('- - ε-greedy', regretPlot.margin.left + 8, regretPlot.margin.top + 2);
    rc.fillStyle = t.class1; rc.fillText('—— UCB1', regretPlot.margin.left + 8, regretPlot.margin.top + 18);
  }

  restart();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      for (const key of Object.keys(sliders)) sliders[key].set(opts[key]);
      restart();
    },
  };
}

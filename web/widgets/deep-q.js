// Deep Q-learning, live (seed 002, reinforcement learning): a point agent on a continuous plane
// learns to reach a goal disc and avoid a pit. The engine's DeepQ (a small ReLU network, an
// experience replay buffer and a target network) does every move and every update; the widget
// draws the network's value max_a Q(s, a) over the whole plane as a heat map with the greedy
// action as arrows, the agent and its current episode's trail, and the return and loss of every
// episode. The setup menu turns replay and the target network off to show what they are for.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, rungSlider, select, slider } from '../lib/ui.js';
import { formatNumber, formatPercent, formatShort } from '../lib/format.js';
import { drawHeatmap, divergingRgb, heatLegend } from '../lib/heatmap.js';
import { arrow } from '../lib/marks.js';
import { equalDomain } from '../lib/domain.js';
import { logAxes } from '../lib/ticks.js';
import { nearestRungValue, roundLadder } from '../lib/ladder.js';
import { createPrediction } from '../lib/predict.js';
import { runInSlices } from '../lib/slices.js';
import { messages } from './deep-q/messages.js';
import { schema, SETUPS, LAKE, MAP_CELLS, ARROW_CELLS, SUCCESS_GRID, RETURN_WINDOW, PREDICT_EPISODES, PREDICT_SEEN_AFTER, FULL_RECENT, RUNAWAY, configure, configureTable, recentReturn, returnClass, flipRows } from './deep-q/settings.js';

export { schema };

export const meta = { title: messages['deep-q.title'], hint: messages['deep-q.hint'] };

const SPEEDS = { slow: { every: 120, moves: 1 }, medium: { every: 0, moves: 2 }, fast: { every: 0, moves: 40 } };
const BATCH_VIEW_MS = 250; // while Train 100 episodes runs, the plots and readouts follow this often
const DIRS = [[0, 1], [1, 0], [0, -1], [-1, 0]]; // up, right, down, left in plot coordinates (y up)

// The log sliders' stops: the site's round ladder (web/lib/ladder.js), one rung per arrow press,
// so the value the readout shows is the value the engine uses and every value the lesson names
// (replay 5000, target sync 50, learning rate 0.005 and 0.05) is a stop that → then ← returns to.
// A log track with step 1 offered only the powers of ten (2, 20, 200, 2000, 20 000) instead.
// Buffer sizes and step counts are whole numbers, so their ladders keep the integer rungs only.
const LADDERS = {
  learningRate: roundLadder(schema.learningRate.min, schema.learningRate.max),
  replay: roundLadder(schema.replay.min, schema.replay.max).filter(Number.isInteger),
  targetSync: roundLadder(schema.targetSync.min, schema.targetSync.max).filter(Number.isInteger),
};
// An option off the ladder (replay=4800 from a link) is used on its nearest rung, as the readout
// shows it.
const onLadders = (o) => ({ ...o, ...Object.fromEntries(Object.keys(LADDERS).map((k) => [k, nearestRungValue(LADDERS[k], o[k], schema[k].default)])) });

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = onLadders(options);
  const agent = ctx.own(new ml.DeepQ());
  const world = ctx.own(new ml.Gridworld());
  const table = ctx.own(new ml.QLearning());
  world.preset(LAKE.preset);
  world.reset(opts.seed);
  const lakeOptimum = world.valueIteration(LAKE.gamma, 1e-9);
  const layout = ml.DeepQ.planeLayout();
  let speed = 'medium';
  let trail = [];
  let success = NaN;
  let successAt = -1;
  let batch = null; // Train 100 episodes while its episodes run: { n, from, run }

  const plane = ctx.own(new Plot(card.stage, { aspect: 1, minHeight: 240, maxHeight: 440, domain: [0, 1, 0, 1], label: t('deep-q.plane'), onResize: () => ctx.requestDraw(draw) }));
  plane.margin = { left: 8, right: 8, top: 8, bottom: 8 }; // no axes: the square fills the canvas
  heatLegend(card.stage, { color: (x) => divergingRgb(plane.theme)(2 * x - 1), low: '-1', high: '+1', caption: t('deep-q.heatCaption') });
  const returnsPlot = ctx.own(new Plot(card.stage, { aspect: 0.26, minHeight: 120, maxHeight: 170, label: t('deep-q.returnsPlot'), onResize: () => ctx.requestDraw(draw) }));
  const lossPlot = ctx.own(new Plot(card.stage, { aspect: 0.26, minHeight: 120, maxHeight: 170, label: t('deep-q.lossPlot'), onResize: () => ctx.requestDraw(draw) }));
  // Room above the top grid line for the y axis's name ("return", "TD loss"), which printed over
  // the top tick label ("0.1") on these short charts.
  for (const p of [returnsPlot, lossPlot]) p.margin = { ...p.margin, top: 22 };

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { endBatch(); },
    reduced: () => trainEpisodes(25), // in slices, as Train 100 episodes (the Train button counts them)
    every: () => SPEEDS[speed].every,
    tick: () => { moves(SPEEDS[speed].moves); },
    quiet: true, // each episode's end (goal, pit, time limit) is said, many a second
  });
  button(buttons, t('deep-q.step'), () => { play.stop(); endBatch(); moves(1); });
  button(buttons, t('deep-q.reset'), () => { play.stop(); resetAgent(t('deep-q.resetText')); });
  const trainButton = button(buttons, t('deep-q.train100'), () => { if (batch) return; play.stop(); trainEpisodes(100); });
  const taskSelect = select(card.controls, {
    label: t('deep-q.select.task'), value: opts.task,
    options: ['plane', 'lake'].map((id) => [id, t(`deep-q.task.${id}`)]),
    onChange: (v) => { play.stop(); opts.task = v; resetAgent(v === 'lake' ? t('deep-q.taskText.lake') : t('deep-q.taskText.plane')); },
  });
  const setupSelect = select(card.controls, {
    label: t('deep-q.select.setup'), value: opts.setup,
    options: Object.keys(SETUPS).map((k) => [k, t(`deep-q.setup.${k}`)]),
    onChange: (v) => { play.stop(); opts.setup = v; resetAgent(t('deep-q.setupText', { setup: t(`deep-q.setup.${v}`), help: t(`deep-q.setupHelp.${v}`) })); },
  });
  select(card.controls, { label: t('deep-q.select.speed'), value: speed, options: ['slow', 'medium', 'fast'].map((id) => [id, t(`deep-q.speed.${id}`)]), onChange: (v) => { speed = v; } });
  const sliders = {
    learningRate: ladderSlider('learningRate', t('deep-q.slider.learningRate'), (v) => formatShort(v, 2)),
    epsilonDecay: slider(card.controls, { label: t('deep-q.slider.epsilonDecay'), min: 0.8, max: 1, step: 0.005, value: opts.epsilonDecay, format: (v) => formatNumber(v, 3), onInput: (v) => changeSetting({ epsilonDecay: v }) }),
    replay: ladderSlider('replay', t('deep-q.slider.replay'), (v) => formatNumber(v, 0)),
    targetSync: ladderSlider('targetSync', t('deep-q.slider.targetSync'), (v) => formatNumber(v, 0)),
  };
  function ladderSlider(key, label, format) {
    return rungSlider(card.controls, { label, rungs: LADDERS[key], value: opts[key], fallback: schema[key].default, format, onInput: (v) => changeSetting({ [key]: v }) });
  }

  const statEpisodes = card.stat(t('deep-q.stat.episodes'));
  const statEps = card.stat(t('deep-q.stat.epsilon'));
  const statRecent = card.stat(t('deep-q.stat.recent'));
  const statSuccess = card.stat(t('deep-q.stat.success'));
  const statValue = card.stat(t('deep-q.stat.value'));
  const statStart = card.stat(t('deep-q.stat.start'));
  statStart.element.remove();

  const prediction = createPrediction(ctx, {
    id: 'deep-q-no-stabilisers',
    question: t('deep-q.predict.question', { episodes: PREDICT_EPISODES, window: RETURN_WINDOW }),
    choices: ['high', 'middle', 'low'].map((id) => [id, t(`deep-q.predict.${id}`)]),
    // Not while Train 100 episodes runs: the box judges what a batch showed when it ends.
    ready: () => (batch ? t('deep-q.predict.wait', { episodes: formatNumber(batch.n, 0) }) : null),
    onCommit: () => {
      runShown = false;
      awayNoted = '';
      if (opts.setup === 'neither' && opts.task === 'plane' && agent.episodes() === 0) return;
      opts.setup = 'neither'; opts.task = 'plane';
      setupSelect.value = 'neither'; taskSelect.value = 'plane';
      resetAgent(t('deep-q.predict.switched', { episodes: PREDICT_EPISODES }));
    },
    // Changed once "neither" had passed the episodes that show its class, the box has had the
    // answer's class on screen (locking again replays the same seed).
    progress: () => runShown || (batch !== null && opts.setup === 'neither' && opts.task === 'plane' && agent.episodes() > PREDICT_SEEN_AFTER),
    next: () => t('deep-q.predict.next', { episodes: PREDICT_EPISODES, steps: away().map((k) => restoreStep[k]()) }),
  });
  let runShown = false; // "neither" past PREDICT_SEEN_AFTER episodes has been on screen since the lock
  let awayNoted = '';    // the note last shown about settings away from the question's

  // The question names only the setup, but its answer (and the lesson's 0.15 over seeds 1–5) is
  // for the lesson's other settings, the schema's defaults: "neither" at η = 5 × 10⁻⁴ averages 0.91,
  // at ε decay 0.8 0.44. Only there is a run judged; elsewhere the box names what differs.
  // (Replay size and target sync do nothing with "neither".) Compared as the sliders show them.
  const shownEta = (v) => formatShort(v, 2);
  const shownDecay = (v) => formatNumber(v, 3);
  function away() {
    const out = [];
    if (shownEta(opts.learningRate) !== shownEta(schema.learningRate.default)) out.push('learningRate');
    if (shownDecay(opts.epsilonDecay) !== shownDecay(schema.epsilonDecay.default)) out.push('epsilonDecay');
    if (opts.seed !== schema.seed.default) out.push('seed');
    return out;
  }
  const restoreStep = {
    learningRate: () => t('deep-q.predict.restore.learningRate', { judged: shownEta(schema.learningRate.default), now: shownEta(opts.learningRate) }),
    epsilonDecay: () => t('deep-q.predict.restore.epsilonDecay', { judged: shownDecay(schema.epsilonDecay.default), now: shownDecay(opts.epsilonDecay) }),
    seed: () => t('deep-q.predict.restore.seed', { judged: schema.seed.default, now: opts.seed }),
  };

  // What the run on screen tells the box. A batch of Train 100 episodes is judged when it ends (and
  // what it showed when Reset or a setting stops it part-way), never from a slice on the way: the
  // box speaks of what a press showed.
  function judge({ settle = true } = {}) {
    if (opts.setup !== 'neither' || opts.task !== 'plane') return;
    const differs = away();
    if (prediction.pending !== null && differs.length && agent.episodes() > 0) {
      const text = t('deep-q.predict.elsewhere', { eta: shownEta(schema.learningRate.default), decay: shownDecay(schema.epsilonDecay.default), episodes: PREDICT_EPISODES, steps: differs.map((k) => restoreStep[k]()) });
      if (text !== awayNoted) { prediction.note(text); awayNoted = text; }
    }
    if (agent.episodes() <= PREDICT_SEEN_AFTER) return;
    // The outcome's class is on screen from here, and locking a prediction replays the same seed to
    // the same result: a prediction made now could copy it. At other settings the run is a
    // glimpse (a later prediction is practice, the lesson's text stays closed).
    if (prediction.pending === null) {
      if (differs.length) prediction.outcomeGlimpsed(t('deep-q.predict.glimpsed', { watched: formatNumber(agent.episodes(), 0) }));
      else prediction.outcomeSeen(t('deep-q.predict.seen', { watched: formatNumber(agent.episodes(), 0) }));
      return;
    }
    runShown = true;
    if (!settle || differs.length || agent.episodes() < PREDICT_EPISODES) return;
    const r = recentReturn(agent.episodeReturns().subarray(0, PREDICT_EPISODES));
    const outcome = returnClass(r);
    prediction.settle(outcome, t('deep-q.predict.why', { episodes: PREDICT_EPISODES, window: RETURN_WINDOW, mean: formatNumber(r, 2), both: formatNumber(FULL_RECENT, 2) }));
  }

  function changeSetting(patch) {
    opts = { ...opts, ...patch };
    resetAgent(t('deep-q.settingChanged'));
  }

  function resetAgent(text) {
    dropBatch();
    attempt(card, () => { configure(agent, opts, world); configureTable(table, world, opts.seed); });
    // A setup without replay or without a target network ignores that slider: say so by disabling it.
    const setup = SETUPS[opts.setup] || SETUPS.full;
    sliders.replay.setDisabled(!setup.replay);
    sliders.targetSync.setDisabled(!setup.target);
    trail = [pos()];
    success = NaN;
    successAt = -1;
    if (text) card.setMessage(text, 'info');
    render();
  }

  function pos() { const p = agent.position(); return opts.task === 'lake' ? lakeCentre(p) : [p.x, 1 - p.y]; }
  // Lake cells in plot coordinates: cell (x, y) spans [x/4, (x+1)/4] × [1 − (y+1)/4, 1 − y/4].
  function lakeCentre(p) { const w = world.width(); const h = world.height(); return [(Math.round(p.x * (w - 1)) + 0.5) / w, 1 - (Math.round(p.y * (h - 1)) + 0.5) / h]; }

  function moves(n) {
    let finished = null;
    attempt(card, () => {
      for (let i = 0; i < n; i++) {
        if (agent.lastDone()) trail = [];
        if (!trail.length) trail.push(pos());
        agent.step();
        trail.push(pos());
        if (agent.lastDone()) finished = agent.lastReward();
      }
    });
    syncTable();
    if (agent.status() === 'diverged') card.setMessage(t('deep-q.notFinite'), 'bad');
    else if (finished !== null) describeEnd(finished);
    render();
  }

  function showTrained(n) {
    syncTable();
    trail = [pos()];
    const r = agent.episodeReturns();
    if (agent.status() === 'diverged') card.setMessage(t('deep-q.diverged'), 'bad');
    else card.setMessage(t('deep-q.trained', { n, total: formatNumber(agent.episodes(), 0), window: Math.min(RETURN_WINDOW, r.length), mean: formatNumber(recentReturn(r), 2) }), 'info');
    render();
  }

  // Train 100 episodes (and Play under reduced motion, 25): the episodes run in short slices between tasks (web/lib/slices.js), so the
  // page stays live; done in one go they held a slow phone for seconds with nothing on screen, and
  // a second tap in that time trained 100 more. The button says how far the batch has got and
  // ignores presses until it ends; the plots and readouts follow every BATCH_VIEW_MS (drawn every
  // frame, the value map took most of a slow phone's time and the batch several times longer than
  // in one go). Slices of about 30 ms: with 8 ms ones, the pauses between them doubled the time
  // the batch takes. One move at a time (an early episode is hundreds of moves), stopping after
  // the move that ends the n-th episode, as runEpisodes(n) does: the same moves, so the numbers
  // are those of one go.
  function trainEpisodes(n) {
    if (batch) return;
    const from = agent.episodes();
    batch = { n, from, run: null, viewed: performance.now() };
    showBatch();
    batch.run = runInSlices(ctx, {
      ms: 30,
      step: () => attempt(card, () => agent.fit(1), 0) > 0 && agent.episodes() - from < n,
      progress: () => {
        if (performance.now() - batch.viewed < BATCH_VIEW_MS) return;
        batch.viewed = performance.now();
        ctx.requestDraw(showBatchProgress);
      },
      done: () => endBatch(),
    });
  }
  function showBatchProgress() {
    if (!batch) return;
    syncTable();
    trail = [pos()];
    render({ judged: false });
    showBatch();
  }

  // The batch's end (or Step or Play part-way through it): the button takes its name back and the
  // message says how many episodes it trained.
  function endBatch() {
    if (!batch) return;
    const { from } = batch;
    dropBatch();
    const n = agent.episodes() - from;
    if (n > 0 || agent.status() === 'diverged') showTrained(n);
  }

  // Stops the batch where it is (a reset replaces the agent it trains): the episodes it showed
  // count as seen, but a run stopped part-way settles no prediction.
  function dropBatch() {
    if (!batch) return;
    batch.run.stop();
    batch = null;
    showBatch();
    judge({ settle: false });
  }

  function showBatch() {
    if (batch) {
      trainButton.textContent = t('deep-q.training', { done: formatNumber(agent.episodes() - batch.from, 0), total: formatNumber(batch.n, 0) });
      trainButton.setAttribute('aria-disabled', 'true');
    } else {
      trainButton.textContent = t('deep-q.train100');
      trainButton.removeAttribute('aria-disabled');
    }
  }

  // The table trains for as many episodes as the network has finished (lake only).
  function syncTable() {
    if (opts.task !== 'lake') return;
    const behind = agent.episodes() - table.episodes();
    if (behind > 0) attempt(card, () => table.runEpisodes(behind));
  }

  function describeEnd(reward) {
    if (reward > 0) card.setMessage(t('deep-q.goal'), 'ok');
    else if (reward < 0) card.setMessage(t('deep-q.pit'), 'bad');
    else card.setMessage(t('deep-q.timeLimit', { moves: formatNumber(agent.maxEpisodeSteps(), 0) }), 'warn');
  }

  function render({ judged = true } = {}) {
    const eps = agent.episodes();
    if (eps !== successAt && (eps - successAt >= 10 || eps < 10 || (!play.playing && !batch))) {
      success = agent.status() === 'diverged' ? NaN : agent.greedySuccess(SUCCESS_GRID);
      successAt = eps;
    }
    const r = agent.episodeReturns();
    const probe = lastProbe();
    statEpisodes.set(formatNumber(eps, 0));
    statEps.set(formatNumber(agent.epsilon(), 2));
    statRecent.set(r.length ? formatNumber(recentReturn(r), 2) : '–');
    statSuccess.set(Number.isFinite(success) ? formatPercent(success, 0) : '–');
    // Each task shows only its own readout (the stat's CSS display would override `hidden`).
    const shown = opts.task === 'lake' ? statStart.element : statValue.element;
    const gone = opts.task === 'lake' ? statValue.element : statStart.element;
    if (gone.isConnected) gone.replaceWith(shown);
    statValue.set(Number.isFinite(probe) && opts.task !== 'lake' ? formatNumber(probe, 2) : '–');
    statStart.set(opts.task === 'lake' ? startValues().map((v) => formatNumber(v, 2)).join(' · ') : '–');
    const top = peakProbe();
    if (opts.task !== 'lake' && top.value > RUNAWAY && agent.status() !== 'diverged') card.setMessage(t('deep-q.ranAway', { value: formatNumber(top.value, 0), episode: formatNumber(top.episode, 0) }), 'warn');
    if (opts.task === 'lake') {
      const [net, tab, best] = startValues();
      plane.canvas.setAttribute('aria-label', t('deep-q.lakeFigure', { x: Math.round(agent.position().x * 3), y: Math.round(agent.position().y * 3), episodes: eps, net: formatNumber(net, 2), table: formatNumber(tab, 2), best: formatNumber(best, 2), success: Number.isFinite(success) ? formatPercent(success, 0) : t('deep-q.unmeasured') }));
    } else plane.canvas.setAttribute('aria-label', t('deep-q.planeFigure', { x: formatNumber(pos()[0], 2), y: formatNumber(pos()[1], 2), episodes: eps, epsilon: formatNumber(agent.epsilon(), 2), success: Number.isFinite(success) ? formatPercent(success, 0) : t('deep-q.unmeasured'), value: Number.isFinite(probe) ? formatNumber(probe, 2) : t('deep-q.notMeasured') }));
    if (judged) judge();
    ctx.requestDraw(draw);
  }

  function startValues() {
    const s = world.start();
    const k = s.y * world.width() + s.x;
    const net = agent.status() === 'diverged' ? NaN : agent.valueMap(1)[k];
    return [net, table.values()[k], lakeOptimum[k]];
  }

  // The largest mean value of any episode so far, and its episode.
  function peakProbe() {
    const rows = agent.traceRows();
    const v = agent.traceValues();
    let best = { value: -Infinity, episode: 0 };
    for (let k = 0; k < rows; k++) if (v[k * 6 + 5] > best.value) best = { value: v[k * 6 + 5], episode: k + 1 };
    return best;
  }

  function lastProbe() {
    const rows = agent.traceRows();
    if (!rows) return NaN;
    const v = agent.traceValues();
    return v[rows * 6 - 1];
  }

  function drawLake(th) {
    const c = plane.ctx;
    const w = world.width(); const h = world.height();
    const kinds = Array.from(world.cells());
    const diverged = agent.status() === 'diverged';
    const net = diverged ? null : agent.valueMap(1);
    const policy = diverged ? null : agent.policyMap(1);
    const tab = table.values();
    const rgb = divergingRgb(th, { strength: 0.85 });
    const px = (u) => plane.px(u); const py = (v) => plane.py(v);
    const size = px(1 / w) - px(0);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = y * w + x;
        const X = px(x / w); const Y = py(1 - y / h);
        const kind = kinds[k];
        if (kind === 2 || kind === 3) {
          c.fillStyle = kind === 2 ? th.loss : th.good;
          c.globalAlpha = 0.8; c.fillRect(X + 3, Y + 3, size - 6, size - 6); c.globalAlpha = 1;
          c.fillStyle = '#ffffff'; c.font = `600 13px ${th.font}`; c.textAlign = 'center'; c.textBaseline = 'middle';
          c.fillText(kind === 2 ? t('deep-q.cell.pit') : t('deep-q.cell.goal'), X + size / 2, Y + size / 2);
          continue;
        }
        const col = rgb(net ? net[k] : 0);
        c.fillStyle = `rgb(${col[0] | 0}, ${col[1] | 0}, ${col[2] | 0})`;
        c.fillRect(X, Y, size, size);
        if (policy && policy[k] >= 0) {
          const [dx, dy] = DIRS[policy[k]];
          const cx = (x + 0.5) / w; const cy = 1 - (y + 0.5) / h; const len = 0.28 / w;
          arrow(c, plane, cx - dx * len * 0.6, cy - dy * len * 0.6, cx + dx * len, cy + dy * len, th.model, '', 2);
        }
        if (size >= 70) {
          c.fillStyle = th.text; c.font = `11px ${th.mono}`; c.textAlign = 'left'; c.textBaseline = 'top';
          c.fillText(t('deep-q.cell.net', { value: net ? formatNumber(net[k], 2) : '–' }), X + 4, Y + 4);
          c.textBaseline = 'bottom';
          c.fillText(t('deep-q.cell.table', { value: formatNumber(tab[k], 2) }), X + 4, Y + size - 4);
        }
      }
    }
    c.strokeStyle = th.border; c.lineWidth = 1;
    for (let i = 0; i <= w; i++) { c.beginPath(); c.moveTo(px(i / w), py(0)); c.lineTo(px(i / w), py(1)); c.stroke(); }
    for (let j = 0; j <= h; j++) { c.beginPath(); c.moveTo(px(0), py(j / h)); c.lineTo(px(1), py(j / h)); c.stroke(); }
    const [ax, ay] = pos();
    c.beginPath(); c.arc(px(ax), py(ay), 7, 0, Math.PI * 2);
    c.fillStyle = th.accent; c.fill(); c.lineWidth = 2.5; c.strokeStyle = th.surface; c.stroke();
  }

  function draw() {
    const th = plane.theme;
    const diverged = agent.status() === 'diverged';
    equalDomain(plane, 0.5, 0.5, 0.5, 0.5); // one unit as many pixels across as up: discs stay round
    plane.begin();
    if (opts.task === 'lake') drawLake(th);
    else if (!diverged) {
      const values = flipRows(agent.valueMap(MAP_CELLS), MAP_CELLS);
      const rgb = divergingRgb(th, { strength: 0.85 });
      drawHeatmap(plane, values, MAP_CELLS, MAP_CELLS, (v, out) => rgb(v, out), { rect: { x0: 0, x1: 1, y0: 0, y1: 1 } });
    }
    const c = plane.ctx;
    // The square's frame only: the engine's y grows downward, so numbered axes would mislead.
    c.strokeStyle = th.border; c.lineWidth = 1;
    c.strokeRect(plane.px(0) + 0.5, plane.py(1) + 0.5, plane.px(1) - plane.px(0), plane.py(0) - plane.py(1));
    if (opts.task !== 'lake') plane.clipToArea(() => {
      disc(plane, layout.pitX, 1 - layout.pitY, layout.pitRadius, th.loss, t('deep-q.disc.pit'));
      disc(plane, layout.goalX, 1 - layout.goalY, layout.goalRadius, th.good, t('deep-q.disc.goal'));
      if (!diverged) {
        const policy = agent.policyMap(ARROW_CELLS);
        const len = 0.32 / ARROW_CELLS;
        for (let j = 0; j < ARROW_CELLS; j++) {
          for (let i = 0; i < ARROW_CELLS; i++) {
            const x = (i + 0.5) / ARROW_CELLS;
            const yEnv = (j + 0.5) / ARROW_CELLS;
            if (inside(x, yEnv, layout.goalX, layout.goalY, layout.goalRadius) || inside(x, yEnv, layout.pitX, layout.pitY, layout.pitRadius)) continue;
            const [dx, dy] = DIRS[policy[j * ARROW_CELLS + i]];
            const y = 1 - yEnv;
            arrow(c, plane, x - dx * len * 0.6, y - dy * len * 0.6, x + dx * len, y + dy * len, th.model, '', 1.6);
          }
        }
      }
      if (trail.length > 1) plane.path(trail.map((p) => p[0]), trail.map((p) => p[1]), { color: th.accent, width: 2 });
      const [ax, ay] = pos();
      c.beginPath(); c.arc(plane.px(ax), plane.py(ay), 6, 0, Math.PI * 2);
      c.fillStyle = th.accent; c.fill(); c.lineWidth = 2.5; c.strokeStyle = th.surface; c.stroke();
    });

    // Returns: each episode a dot, the running mean of 20 a line.
    const all = agent.episodeReturns();
    const n = all.length;
    returnsPlot.setDomain(0, Math.max(20, n), -1.1, 1.15);
    returnsPlot.begin();
    returnsPlot.axes({ xLabel: t('deep-q.returnsAxis.x'), yLabel: t('deep-q.returnsAxis.y'), xTicks: 5, yTicks: 3 });
    returnsPlot.clipToArea((pc) => {
      pc.fillStyle = th.textMuted;
      const stride = Math.max(1, Math.floor(n / 600));
      for (let k = 0; k < n; k += stride) { pc.beginPath(); pc.arc(returnsPlot.px(k + 1), returnsPlot.py(all[k]), 1.8, 0, Math.PI * 2); pc.fill(); }
      if (n) {
        const xs = []; const ys = [];
        let s = 0;
        for (let k = 0; k < n; k++) { s += all[k]; if (k >= 20) s -= all[k - 20]; xs.push(k + 1); ys.push(s / Math.min(20, k + 1)); }
        returnsPlot.path(xs, ys, { color: th.good, width: 2 });
      }
    });

    // Loss: the mean TD loss of each episode on a log axis.
    const rows = agent.traceRows();
    const tv = agent.traceValues();
    const lx = []; const ly = [];
    for (let k = 0; k < rows; k++) { const l = tv[k * 6 + 4]; if (Number.isFinite(l) && l > 0) { lx.push(k + 1); ly.push(Math.log10(Math.max(1e-6, l))); } }
    const lo = ly.length ? Math.floor(Math.min(...ly)) : -4;
    const hi = ly.length ? Math.ceil(Math.max(...ly)) : 0;
    lossPlot.setDomain(0, Math.max(20, rows), lo, Math.max(hi, lo + 1));
    lossPlot.begin();
    logAxes(lossPlot, { xLabel: t('deep-q.lossAxis.x'), yLabel: t('deep-q.lossAxis.y'), xTicks: 5 });
    lossPlot.clipToArea(() => { if (lx.length) lossPlot.path(lx, ly, { color: th.loss, width: 1.8 }); });
  }

  resetAgent(t('deep-q.start'));

  return {
    update(next) {
      play.stop();
      opts = onLadders(next);
      setupSelect.value = opts.setup;
      taskSelect.value = opts.task;
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      resetAgent('');
    },
  };
}

function inside(x, y, cx, cy, r) { return (x - cx) ** 2 + (y - cy) ** 2 <= r * r; }

// A terminal disc of the plane: a translucent fill, a solid rim and its name.
function disc(plot, x, y, radius, color, label) {
  const c = plot.ctx;
  const X = plot.px(x);
  const Y = plot.py(y);
  const R = radius * (plot.px(1) - plot.px(0));
  c.save();
  c.beginPath(); c.arc(X, Y, R, 0, Math.PI * 2);
  c.globalAlpha = 0.35; c.fillStyle = color; c.fill();
  c.globalAlpha = 1; c.lineWidth = 2.5; c.strokeStyle = color; c.stroke();
  c.fillStyle = plot.theme.text;
  c.font = `600 13px ${plot.theme.font}`;
  c.textAlign = 'center'; c.textBaseline = 'middle';
  c.fillText(label, X, Y);
  c.restore();
}

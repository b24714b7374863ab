// Q-learning gridworld (seed 002, reinforcement learning): edit a board of walls, pits and goals,
// then watch an ε-greedy agent explore it move by move. Each cell shows the engine's four
// Q-values as coloured wedges and the greedy action as an arrow; a chart follows the return of
// every episode. The engine's QLearning does every update; its valueIteration gives the optimum.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps, trackKeyboardFocus } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, fixed, select, showOptions, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { Board } from '../lib/board.js';
import { divergingScale } from '../lib/colors.js';
import { drawLegendBar } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './gridworld.messages.js';

export const schema = {
  preset: { type: 'enum', values: ['classic4x4', 'classic4x3', 'cliff', 'open6x6'], default: 'classic4x4', description: 'Starting board.' },
  epsilon: { type: 'number', min: 0, max: 1, default: 0.2, description: 'Exploration rate ε: chance of a random move.' },
  alpha: { type: 'number', min: 0.01, max: 1, default: 0.5, description: 'Learning rate η of the Q update.' },
  gamma: { type: 'number', min: 0, max: 1, default: 0.9, description: 'Discount γ for future rewards.' },
  seed: seedOption(1, 'Seed for exploration and slips.'),
};

export const meta = { title: messages['gridworld.title'], hint: messages['gridworld.hint'] };

// Returns (an episode's rewards added up) read to 2 decimals wherever the widget shows one: the last
// episode's and the average of the last ones. Move costs (0.04, 1) and board rewards have at most
// 2 decimals, so a single return is exact at 2; one precision keeps the two side by side comparable.
export const RETURN_DIGITS = 2;
const returnText = (v) => fixed(v, RETURN_DIGITS);

const KIND = ['empty', 'wall', 'pit', 'goal'];
const ARROWS = [[0, -1], [1, 0], [0, 1], [-1, 0]]; // up, right, down, left (y grows downward)
const SPEEDS = { slow: { every: 180, moves: 1 }, medium: { every: 40, moves: 1 }, fast: { every: 0, moves: 25 } };
const RETURN_WINDOW = 300;
// Where a cell's four Q-values are printed, its middle (this share of its side round the centre)
// is kept for the agent and the arrow, which are drawn smaller there than on a board too small for
// values (0.17 and 0.13): the values keep their size beside them (a value ran under the agent).
const MIDDLE_WITH_VALUES = 0.13;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const world = ctx.own(new ml.Gridworld());
  const agent = ctx.own(new ml.QLearning());
  let tool = 'wall';
  let cursor = null; // keyboard cursor {x, y}
  let speed = 'medium';
  let optimalV = null;

  // The board grows with the learner's text (the stage is about twice as wide as the board at
  // 1280 px): the cells hold four Q-values each, and at 200 % text they need twice the room.
  const board = ctx.own(new Board(card.stage, { aspect: 1, maxHeight: 460, growWithText: true, label: t('gridworld.board'), onResize: () => ctx.requestDraw(draw) }));
  board.canvas.tabIndex = 0;
  board.canvas.classList.add('gridworld-board');
  const returns = ctx.own(new Plot(card.stage, { aspect: 0.26, minHeight: 130, maxHeight: 190, label: t('gridworld.returnsPlot'), onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => episodes(1),
    every: () => SPEEDS[speed].every,
    tick: () => { moves(SPEEDS[speed].moves); },
    quiet: true, // each episode's end (goal, pit, time limit) is said, several a second but at the slowest speed
  });
  button(buttons, t('gridworld.step'), () => { play.stop(); moves(1); });
  button(buttons, t('gridworld.reset'), () => { play.stop(); resetAgent(); });
  button(buttons, t('gridworld.run100'), () => { play.stop(); episodes(100); });
  const boardSelect = select(card.controls, {
    label: t('gridworld.select.board'), value: opts.preset,
    options: ['classic4x4', 'classic4x3', 'cliff', 'open6x6'].map((id) => [id, t(`gridworld.preset.${id}`)]),
    onChange: (v) => { play.stop(); opts.preset = v; loadPreset(); },
  });
  select(card.controls, {
    label: t('gridworld.select.tool'), value: tool,
    options: ['wall', 'pit', 'goal', 'start', 'empty'].map((id) => [id, t(`gridworld.tool.${id}`)]),
    onChange: (v) => { tool = v; },
  });
  select(card.controls, { label: t('gridworld.select.speed'), value: speed, options: ['slow', 'medium', 'fast'].map((id) => [id, t(`gridworld.speed.${id}`)]), onChange: (v) => { speed = v; } });
  const sliders = {
    epsilon: slider(card.controls, { label: t('gridworld.slider.epsilon'), min: 0, max: 1, step: 0.01, value: opts.epsilon, format: (v) => fixed(v, 2), onInput: (v) => setHyper({ epsilon: v }) }),
    alpha: slider(card.controls, { label: t('gridworld.slider.alpha'), min: 0.01, max: 1, step: 0.01, value: opts.alpha, format: (v) => fixed(v, 2), onInput: (v) => setHyper({ alpha: v }) }),
    gamma: slider(card.controls, { label: t('gridworld.slider.gamma'), min: 0, max: 1, step: 0.01, value: opts.gamma, format: (v) => fixed(v, 2), onInput: (v) => setHyper({ gamma: v }) }),
  };

  const statMoves = card.stat(t('gridworld.stat.moves'));
  const statEpisodes = card.stat(t('gridworld.stat.episodes'));
  const statLast = card.stat(t('gridworld.stat.last'));
  const statV = card.stat(t('gridworld.stat.learned'));
  const statOpt = card.stat(t('gridworld.stat.optimal'));

  // Predict, then check: does an agent that never explores (ε = 0) ever find the goal? Judged
  // from the engine's episode returns once a run with ε = 0 from a cleared Q-table has 100 episodes.
  const FIRST = 100;
  let greedyRun = false; // every move since the Q-table was cleared was made with ε = 0
  let boardEdited = false; // cells changed since the board was loaded: no longer the lesson's lake
  const mountedGamma = opts.gamma; // the discount the prediction is judged at
  const prediction = createPrediction(ctx, {
    id: 'gridworld-no-exploration',
    question: t('gridworld.predict.question', { episodes: FIRST }),
    choices: ['none', 'some', 'most'].map((id) => [id, t(`gridworld.predict.${id}`)]),
    onCommit: () => { runShown = false; },
    // Changed part-way through a greedy run on the lake, the box has had its first episodes'
    // returns on screen.
    progress: () => runShown,
    next: t('gridworld.predict.next', { episodes: FIRST }),
  });
  let runShown = false; // episodes of a greedy run have been on screen since the prediction was locked
  function judgeGreedy() {
    if (!greedyRun || opts.preset !== 'classic4x4' || agent.episodes() === 0) return;
    // A lake with cells changed is another experiment (pits round the start, say, would make "none"
    // come true): it neither settles the prediction nor shows its answer.
    if (boardEdited) {
      if (prediction.pending !== null && agent.episodes() >= FIRST) prediction.note(t('gridworld.predict.edited', { episodes: FIRST }));
      return;
    }
    // So is another discount (the lesson's γ = 0 try, left set): the reveal's count is for the γ
    // the widget was mounted with.
    if (Math.abs(opts.gamma - mountedGamma) > 1e-9) {
      if (prediction.pending !== null && agent.episodes() >= FIRST) prediction.note(t('gridworld.predict.gamma', { episodes: FIRST, gamma: fixed(mountedGamma, 2) }));
      return;
    }
    // Each finished episode's return is on screen, and Reset replays the same seed: with seed 1 the
    // greedy agent reaches the goal in episode 3 and in 13 of the first 20, so even part of the run
    // shows the answer, and a prediction locked after it could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('gridworld.predict.seen', { watched: agent.episodes() })); return; }
    runShown = true;
    if (agent.episodes() < FIRST) return;
    const reached = Array.from(agent.episodeReturns()).slice(0, FIRST).filter((r) => r > 0).length;
    prediction.settle(reached > 50 ? 'most' : reached > 0 ? 'some' : 'none', t('gridworld.predict.why', { reached: formatNumber(reached, 0), episodes: FIRST }));
  }

  function loadPreset() {
    attempt(card, () => {
      if (opts.preset === 'open6x6') {
        world.setSize(6, 6);
        world.setGoalReward(1);
        world.setPitReward(-1);
        world.setStepCost(0);
        world.setSlip(0);
      } else {
        world.preset(opts.preset);
      }
      world.reset(opts.seed);
    });
    boardEdited = false;
    board.setAspect(world.height() / world.width());
    pushWorld(t('gridworld.loaded'));
  }

  // Hands the edited board to the agent (which resets its Q-table) and recomputes the optimum.
  function pushWorld(text) {
    const ok = attempt(card, () => {
      agent.setEnvironment(world);
      applyHyper();
      agent.reset(opts.seed);
      return true;
    }, false);
    greedyRun = opts.epsilon === 0;
    computeOptimum();
    if (ok && text) card.setMessage(text, 'info');
    render();
  }

  function applyHyper() {
    agent.setAlpha(opts.alpha);
    agent.setGamma(opts.gamma);
    agent.setEpsilon(opts.epsilon);
  }

  function setHyper(patch) {
    opts = { ...opts, ...patch };
    if ('epsilon' in patch) greedyRun = opts.epsilon === 0 && (greedyRun || (agent.episodes() === 0 && agent.steps() === 0));
    attempt(card, () => applyHyper());
    if ('gamma' in patch) computeOptimum();
    render();
  }

  function computeOptimum() {
    optimalV = attempt(card, () => world.valueIteration(opts.gamma, 1e-9), null);
  }

  function resetAgent() {
    attempt(card, () => { applyHyper(); agent.reset(opts.seed); });
    greedyRun = opts.epsilon === 0;
    card.setMessage(t('gridworld.cleared'), 'info');
    render();
  }

  function moves(n) {
    let last = null;
    attempt(card, () => {
      for (let i = 0; i < n; i++) { agent.step(); last = agent.lastStep(); }
    });
    if (last) describeMove(last);
    render();
    judgeGreedy();
  }

  function episodes(n) {
    attempt(card, () => agent.runEpisodes(n));
    const r = agent.episodeReturns();
    card.setMessage(t('gridworld.ran', { n, total: formatNumber(agent.episodes(), 0), window: Math.min(n, r.length), average: returnText(mean(r.slice(-n))) }), 'info');
    render();
    judgeGreedy();
  }

  function describeMove(last) {
    const w = world.width();
    const kind = KIND[agent.cells()[last.y * w + last.x]];
    if (last.done && kind === 'goal') card.setMessage(t('gridworld.goal', { reward: fixed(last.reward, 2) }), 'ok');
    else if (last.done && kind === 'pit') card.setMessage(t('gridworld.pit', { reward: fixed(last.reward, 2) }), 'bad');
    else if (last.done) card.setMessage(t('gridworld.timeLimit'), 'warn');
  }

  // Editing: apply the chosen tool to a cell; an impossible board is refused in words.
  function edit(x, y) {
    play.stop();
    const w = world.width();
    const before = { kind: world.cell(x, y), start: world.start() };
    const isStart = before.start.x === x && before.start.y === y;
    const ok = attempt(card, () => {
      if (tool === 'start') {
        if (before.kind !== 'empty') throw new Error(t('gridworld.startNotEmpty', { x, y, kind: t(`gridworld.kind.${before.kind}`) }));
        world.setStart(x, y);
      } else {
        if (isStart && tool !== 'empty') throw new Error(t('gridworld.isStart'));
        world.setCell(x, y, before.kind === tool ? 'empty' : tool);
      }
      world.reset(opts.seed); // checks the layout: a goal must stay reachable
      return true;
    }, false);
    if (!ok) {
      // Undo the change so the board stays playable; the message says what was wrong.
      attempt(card, () => { world.setCell(x, y, before.kind); world.setStart(before.start.x, before.start.y); world.reset(opts.seed); });
      render();
      return;
    }
    boardEdited = true;
    const kindNow = world.cell(x, y);
    const now = tool === 'start' ? t('gridworld.now.start') : kindNow === 'empty' ? t('gridworld.now.empty') : t('gridworld.now.kind', { kind: t(`gridworld.kind.${kindNow}`) });
    pushWorld(t('gridworld.edited', { x, y, now, width: w, height: world.height() }));
  }

  function cellAt(e) {
    const g = geometry();
    const r = board.canvas.getBoundingClientRect();
    const x = Math.floor((e.clientX - r.left - g.ox) / g.size);
    const y = Math.floor((e.clientY - r.top - g.oy) / g.size);
    return x >= 0 && y >= 0 && x < world.width() && y < world.height() ? { x, y } : null;
  }
  const onDown = (e) => {
    const c = cellAt(e);
    if (!c) return;
    cursor = c;
    edit(c.x, c.y);
    e.preventDefault();
  };
  const onKey = (e) => {
    const moveKeys = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    if (moveKeys[e.key]) {
      if (!cursor) cursor = { ...world.start() };
      const [dx, dy] = moveKeys[e.key];
      const k = e.shiftKey ? 10 : 1;
      cursor = { x: clamp(cursor.x + dx * k, 0, world.width() - 1), y: clamp(cursor.y + dy * k, 0, world.height() - 1) };
      card.setMessage(t('gridworld.cursor', { x: cursor.x, y: cursor.y, kind: t(`gridworld.kind.${world.cell(cursor.x, cursor.y)}`), tool: t(`gridworld.places.${tool}`) }), 'info');
      ctx.requestDraw(draw);
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor) {
      edit(cursor.x, cursor.y);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      cursor = null;
      ctx.requestDraw(draw);
    }
  };
  // The keyboard cursor shows for keyboard focus, never for a click or tap (drag.js).
  const keyboardFocus = ctx.own(trackKeyboardFocus(board.canvas, (on) => { if (on && !cursor) cursor = { ...world.start() }; ctx.requestDraw(draw); }));
  listenForTaps(ctx, board.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(board.canvas, 'keydown', onKey);

  function geometry() {
    const w = world.width();
    const h = world.height();
    const legendH = 20 + 14 * board.fontScale; // the colour bar (10 px) and a line of its numbers under it
    const size = Math.floor(Math.min(board.width / w, (board.height - legendH) / h));
    return { w, h, size, ox: Math.floor((board.width - size * w) / 2), oy: 0, legendH };
  }

  function render() {
    const eps = agent.epsilon();
    const r = agent.episodeReturns();
    statMoves.set(formatNumber(agent.steps(), 0));
    statEpisodes.set(formatNumber(agent.episodes(), 0));
    statLast.set(r.length ? returnText(r[r.length - 1]) : '–');
    const start = world.start();
    const idx = start.y * world.width() + start.x;
    statV.set(fixed(agent.values()[idx], 3));
    statOpt.set(optimalV ? fixed(optimalV[idx], 3) : '–');
    board.canvas.setAttribute('aria-label', t('gridworld.figure', { width: world.width(), height: world.height(), x: agent.position().x, y: agent.position().y, epsilon: fixed(eps, 2), episodes: agent.episodes() }));
    ctx.requestDraw(draw);
  }

  function draw() {
    const th = returns.theme;
    const c = board.begin();
    const g = geometry();
    const cells = agent.cells();
    const q = agent.qTable();
    const policy = agent.policy();
    let range = 0;
    for (let i = 0; i < q.length; i++) if (Number.isFinite(q[i])) range = Math.max(range, Math.abs(q[i]));
    range = Math.max(range, Math.abs(world.goalReward()) * 0.25, 1e-6);
    const color = divergingScale(th, range);
    const start = world.start();
    const pos = agent.position();
    const values = g.size >= 84 ? valueText(c, th, g.size, q) : null;
    // The words in pits, goals and the start, sized by the cell (which grows with the learner's
    // text already): given to the context, which draws every font fontScale times larger, as
    // that share of the cell.
    const cellPx = (px) => px / board.fontScale;
    for (let y = 0; y < g.h; y++) {
      for (let x = 0; x < g.w; x++) {
        const i = y * g.w + x;
        const X = g.ox + x * g.size;
        const Y = g.oy + y * g.size;
        const cx = X + g.size / 2;
        const cy = Y + g.size / 2;
        const kind = KIND[cells[i]];
        if (kind === 'wall') {
          c.fillStyle = th.model; c.fillRect(X, Y, g.size, g.size);
        } else if (kind === 'pit' || kind === 'goal') {
          c.fillStyle = th.surface; c.fillRect(X, Y, g.size, g.size);
          c.fillStyle = kind === 'pit' ? th.loss : th.good;
          c.globalAlpha = 0.85;
          c.fillRect(X + 3, Y + 3, g.size - 6, g.size - 6);
          c.globalAlpha = 1;
          c.fillStyle = '#ffffff';
          const word = kind === 'pit' ? t('gridworld.cell.pit') : t('gridworld.cell.goal');
          c.font = board.fitFont(`600 ${cellPx(Math.max(10, Math.round(g.size * 0.2)))}px ${th.font}`, word, g.size - 14, g.size - 14);
          c.textAlign = 'center'; c.textBaseline = 'middle';
          c.fillText(word, cx, cy);
        } else {
          // Four wedges, one per action, coloured by Q(s, a) on the diverging scale.
          const corners = [[X, Y], [X + g.size, Y], [X + g.size, Y + g.size], [X, Y + g.size]];
          const wedge = [[0, 1], [1, 2], [2, 3], [3, 0]]; // up, right, down, left
          for (let a = 0; a < 4; a++) {
            const [p0, p1] = wedge[a];
            c.beginPath(); c.moveTo(cx, cy); c.lineTo(...corners[p0]); c.lineTo(...corners[p1]); c.closePath();
            c.fillStyle = color(q[i * 4 + a]); c.fill();
            c.strokeStyle = th.gridLine; c.lineWidth = 1; c.stroke();
          }
          if (values) { // on small boards the wedge colours alone carry the values
            // Each Q-value printed inside its own wedge against the cell's edge, clear of the
            // middle, where the arrow and the agent are drawn.
            c.fillStyle = th.text;
            c.font = values.font;
            const at = [
              [cx, Y + values.pad, 'center', 'top'], [X + g.size - values.pad, cy, 'right', 'middle'],
              [cx, Y + g.size - values.pad, 'center', 'bottom'], [X + values.pad, cy, 'left', 'middle'],
            ];
            for (let a = 0; a < 4; a++) {
              const [tx, ty, align, baseline] = at[a];
              c.textAlign = align; c.textBaseline = baseline;
              c.fillText(fixed(q[i * 4 + a], 2), tx, ty);
            }
          }
          const act = policy[i];
          const visited = q[i * 4] !== 0 || q[i * 4 + 1] !== 0 || q[i * 4 + 2] !== 0 || q[i * 4 + 3] !== 0;
          if (act >= 0 && visited) arrow(c, cx, cy, ARROWS[act], g.size * (values ? 0.1 : 0.13), th.model);
        }
        if (x === start.x && y === start.y) {
          // In the corner, left of the up value and above the left one.
          const mark = t('gridworld.cell.start');
          const room = values ? { w: g.size / 2 - values.width / 2 - 8, h: g.size / 2 - values.height / 2 - 6 } : { w: g.size - 8, h: g.size - 6 };
          c.fillStyle = th.text; c.font = board.fitFont(`700 ${cellPx(Math.max(10, Math.round(g.size * 0.18)))}px ${th.font}`, mark, room.w, room.h);
          c.textAlign = 'left'; c.textBaseline = 'top'; c.fillText(mark, X + 4, Y + 3);
        }
      }
    }
    c.strokeStyle = th.border; c.lineWidth = 1;
    for (let x = 0; x <= g.w; x++) { c.beginPath(); c.moveTo(g.ox + x * g.size + 0.5, g.oy); c.lineTo(g.ox + x * g.size + 0.5, g.oy + g.h * g.size); c.stroke(); }
    for (let y = 0; y <= g.h; y++) { c.beginPath(); c.moveTo(g.ox, g.oy + y * g.size + 0.5); c.lineTo(g.ox + g.w * g.size, g.oy + y * g.size + 0.5); c.stroke(); }
    // The agent: a ring so the wedge colours under it stay readable.
    const ax = g.ox + (pos.x + 0.5) * g.size;
    const ay = g.oy + (pos.y + 0.5) * g.size;
    c.beginPath(); c.arc(ax, ay, g.size * (values ? MIDDLE_WITH_VALUES : 0.17), 0, Math.PI * 2);
    c.fillStyle = th.accent; c.fill(); c.lineWidth = 3; c.strokeStyle = th.surface; c.stroke();
    if (cursor && keyboardFocus.keyboardFocused) {
      c.strokeStyle = th.accent; c.lineWidth = 3;
      c.strokeRect(g.ox + cursor.x * g.size + 2, g.oy + cursor.y * g.size + 2, g.size - 4, g.size - 4);
    }
    const lw = Math.min(260, board.width - 20);
    drawLegendBar(c, th, { x: (board.width - lw) / 2, y: g.h * g.size + 6, w: lw, color, lo: -range, hi: range, label: t('gridworld.legendBar'), format: (v) => fixed(v, 2) });

    // Episode returns: each episode a dot, the running mean of 20 a line.
    const all = agent.episodeReturns();
    const first = Math.max(0, all.length - RETURN_WINDOW);
    const shown = Array.from(all.slice(first));
    const lo = Math.min(0, ...shown, world.pitReward());
    const hi = Math.max(world.goalReward(), ...shown);
    returns.setDomain(first, Math.max(first + 20, all.length), lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.08);
    returns.begin();
    returns.axes({ xLabel: t('gridworld.returnsAxis.x'), yLabel: t('gridworld.returnsAxis.y'), xTicks: 5, yTicks: 3 });
    returns.clipToArea((ctx) => {
      ctx.fillStyle = th.textMuted;
      shown.forEach((v, k) => { ctx.beginPath(); ctx.arc(returns.px(first + k + 1), returns.py(v), 2, 0, Math.PI * 2); ctx.fill(); });
      const xs = [];
      const ys = [];
      for (let k = 0; k < shown.length; k++) {
        const from = Math.max(0, first + k - 19);
        xs.push(first + k + 1);
        ys.push(mean(Array.from(all.slice(from, first + k + 1))));
      }
      returns.path(xs, ys, { color: th.good, width: 2 });
      if (optimalV) {
        const s = world.start();
        const best = optimalV[s.y * world.width() + s.x];
        if (opts.gamma === 1 && Number.isFinite(best)) returns.segment(returns.domain.x0, best, returns.domain.x1, best, { color: th.truth, dash: [5, 4], width: 1.5 });
      }
    });
  }

  // The font of the Q-values in cells of side `size`: 10 % of the cell (9 to 12 px at the default
  // text size, larger with the learner's text), made smaller where need be for the widest value
  // to fit between the cell's edge and the middle, where the agent and the arrow are drawn.
  function valueText(c, th, size, q) {
    const pad = 3;
    const room = size / 2 - size * MIDDLE_WITH_VALUES - 1.5 - pad - 1; // 1.5: half the agent's 3 px ring
    let widest = '';
    for (let i = 0; i < q.length; i++) { const text = fixed(q[i], 2); if (text.length > widest.length) widest = text; }
    const font = board.fitFont(`${Math.max(9, Math.min(12, Math.round(size * 0.1)))}px ${th.mono}`, widest, room, room);
    c.font = font;
    const box = c.measureText(widest);
    return { font, pad, width: box.width, height: box.fontBoundingBoxAscent + box.fontBoundingBoxDescent };
  }

  loadPreset();

  return {
    update(next) {
      play.stop();
      const presetChanged = next.preset !== opts.preset;
      opts = { ...next };
      showOptions({ ...sliders, preset: boardSelect }, opts);
      if (presetChanged) loadPreset(); else { attempt(card, () => { applyHyper(); agent.reset(opts.seed); }); computeOptimum(); render(); }
    },
  };
}

function arrow(c, cx, cy, [dx, dy], len, color) {
  c.save();
  c.strokeStyle = color; c.fillStyle = color; c.lineWidth = 2.5;
  const x1 = cx + dx * len;
  const y1 = cy + dy * len;
  c.beginPath(); c.moveTo(cx - dx * len * 0.6, cy - dy * len * 0.6); c.lineTo(x1, y1); c.stroke();
  const h = Math.max(4, len * 0.45);
  c.beginPath();
  c.moveTo(x1 + dx * h * 0.6, y1 + dy * h * 0.6);
  c.lineTo(x1 - dy * h * 0.6, y1 + dx * h * 0.6);
  c.lineTo(x1 + dy * h * 0.6, y1 - dx * h * 0.6);
  c.closePath(); c.fill();
  c.restore();
}

function mean(a) { return a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN; }
function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

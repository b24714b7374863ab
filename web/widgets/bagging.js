// Animation "Weak models vote into a smooth boundary" (seed 001, level 4): bagging with the
// engine's RandomForest. Each Add voter is forest.step(): one more tree grown on a bootstrap
// resample. Faint lines are the members' own (jagged) boundaries from treeRegions(); the tint is
// the share of trees voting blue on a 50 × 50 grid (voteFractions); the bold line is where that
// share crosses one half.
// Own points from a CSV file (or a Share link) replace the generated ones: a seeded, stratified
// 30 % of them is held out as the test points; Export CSV writes them with that split.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, slider, select, showOptions } from '../lib/ui.js';
import { formatPercent as pct, formatNumber, asShown } from '../lib/format.js';
import { drawHeatmap, probabilityRgb } from '../lib/heatmap.js';
import { seedOption } from '../lib/schema.js';
import { contourSegments, gridPoints, regionBoundaries } from '../lib/contour.js';
import { drawSegments } from '../lib/marks.js';
import { DATASET_NAMES, boxAround, makeDataset } from '../lib/datasets.js';
import { createPrediction } from '../lib/predict.js';
import { pointsCsv, pointsFromState, pointsState, showOwnPoints } from '../lib/points-csv.js';
import { runInSlices } from '../lib/slices.js';
import { messages } from './bagging.messages.js';

export const schema = {
  seed: seedOption(7, 'Random seed for the points and the bootstrap draws.'),
  points: { type: 'int', min: 20, max: 400, default: 150, description: 'How many training points.' },
  dataset: { type: 'enum', values: DATASET_NAMES, default: 'moons', description: 'Shape of the two classes.' },
  noise: { type: 'number', min: 0, max: 1, default: 0.3, description: 'Noise in the data.' },
  depth: { type: 'int', min: 1, max: 12, default: 6, description: 'Maximum depth of each voter (tree).' },
  maxVoters: { type: 'int', min: 2, max: 200, default: 60, description: 'Play stops after this many voters.' },
  features: { type: 'enum', values: ['all', 'sqrt'], default: 'all', description: '"all": plain bagging (every split may use both features); "sqrt": a random forest (one random feature per split).' },
};

export const meta = { title: messages['bagging.title'], hint: messages['bagging.hint'] };

const GRID = 50;
const TEST_COUNT = 300; // fresh test points drawn from the same generator (seed + 1000)
// Options that make the generated points: changing one replaces imported points. Imported
// points: two classes (any two labels, mapped to 0 and 1 with a note), 30 % of them held out.
const DATA_OPTIONS = ['seed', 'points', 'dataset', 'noise'];
const TEST_FRACTION = 0.3;
export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-1e4, 1e4], minPoints: 10, maxPoints: 1000 };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// The predict box's answer for a crowd's gain over its first voter, in points as shown.
export function gainBand(points) {
  return points < 0 ? 'worse' : points < 1 ? 'small' : points <= 5 ? 'some' : 'large';
}

// The crowd's gain over the first voter in points, worked out from the two accuracies as the
// readouts show them (one decimal): 82.3% → 87.7% is 5.4 points, although 263/300 − 247/300 is
// 5.33, so the words and the verdict always agree with the two numbers on screen.
export function shownGain(accuracy, firstAccuracy) {
  const shown = (v) => asShown(100 * v, 1);
  return Math.round((shown(accuracy) - shown(firstAccuracy)) * 10) / 10;
}

// From how many voters the screen already answers the box: the smallest crowd from which every
// larger one, up to the full crowd, shows the gain in the band the full crowd ends in.
// accuracies[i] is the test accuracy of the first i + 1 voters. Never below 2: one voter is
// level with itself, and the box still takes a prediction then.
export function answeredFrom(accuracies) {
  const bands = accuracies.map((acc) => gainBand(shownGain(acc, accuracies[0])));
  const last = bands.length - 1;
  let from = last;
  while (from > 0 && bands[from - 1] === bands[last]) from -= 1;
  return Math.max(2, from + 1);
}

// Whether the crowd's majority (the share of votes above one half on the nx × ny grid, row by
// row from the bottom) is split by one straight line: one side on every row alike, switching
// once along x, or one side along every row, switching once from row to row.
export function straightMajority(votes, nx, ny) {
  const side = (i, j) => votes[j * nx + i] > 0.5;
  let rowsAlike = true; let columnsAlike = true;
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    if (side(i, j) !== side(i, 0)) rowsAlike = false;
    if (side(i, j) !== side(0, j)) columnsAlike = false;
  }
  const switches = (n, at) => { let s = 0; for (let k = 1; k < n; k++) if (at(k) !== at(k - 1)) s++; return s; };
  return (rowsAlike && switches(nx, (i) => side(i, 0)) === 1) || (columnsAlike && switches(ny, (j) => side(0, j)) === 1);
}

// The corners of a boundary drawn on the nx × ny grid (side(i, j) true on one side, row by row
// from the bottom): at each inner grid vertex, one cell of the four around it on its own side is one
// corner (three too), two diagonal cells two. A straight cut across the plot has none, an L one.
export function gridCorners(side, nx, ny) {
  let corners = 0;
  for (let j = 1; j < ny; j++) for (let i = 1; i < nx; i++) {
    const a = side(i - 1, j - 1); const b = side(i, j - 1); const c = side(i - 1, j); const d = side(i, j);
    const on = a + b + c + d;
    if (on === 1 || on === 3) corners += 1;
    else if (on === 2 && a === d) corners += 2;
  }
  return corners;
}

// The corners of the crowd's majority (vote share above one half, as straightMajority reads it).
export function majorityCorners(votes, nx, ny) {
  return gridCorners((i, j) => (votes[j * nx + i] > 0.5 ? 1 : 0), nx, ny);
}

// A tree's leaf boxes inside the plot (treeRegions: 7 numbers a box, the class 5th): its cuts
// there (one fewer than its boxes), how many classes those boxes give and, with the grid the vote
// is read on (gridPoints, nx × ny), the corners of its boundary there, counted as the majority's are.
export function treeShape(regions, grid = null, nx = 0, ny = 0) {
  const labels = new Set();
  for (let k = 4; k < regions.length; k += 7) labels.add(regions[k]);
  const shape = { cuts: Math.max(0, regions.length / 7 - 1), classes: labels.size };
  if (grid) {
    const label = new Uint8Array(nx * ny);
    for (let p = 0; p < nx * ny; p++) {
      const x = grid[2 * p]; const y = grid[2 * p + 1];
      for (let k = 0; k + 6 < regions.length; k += 7) {
        if (x >= regions[k] && x <= regions[k + 1] && y >= regions[k + 2] && y <= regions[k + 3]) { label[p] = regions[k + 4] === 1 ? 1 : 0; break; }
      }
    }
    shape.corners = gridCorners((i, j) => label[j * nx + i], nx, ny);
  }
  return shape;
}

// Why the crowd's boundary looks as it does, from the trees drawn: stumps (every member one cut or
// none) whose majority is one straight line or not; otherwise the majority's corners against the
// members': fewer than every member's (smoother), more than every member's (a finer staircase),
// or in between. The key of bagging.why.<key>.
export function crowdShape(memberShapes, votes, nx, ny) {
  if (memberShapes.every((s) => s.cuts <= 1)) return votes && straightMajority(votes, nx, ny) ? 'stumpLine' : 'stumps';
  if (!votes || memberShapes.some((s) => !Number.isFinite(s.corners))) return 'combined';
  const corners = majorityCorners(votes, nx, ny);
  const fewest = Math.min(...memberShapes.map((s) => s.corners));
  const most = Math.max(...memberShapes.map((s) => s.corners));
  return corners < fewest ? 'smoother' : corners > most ? 'finer' : 'combined';
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const forest = ctx.own(new ml.RandomForest());
  let train = null;
  let test = null;
  let domain = { x0: -1, x1: 1, y0: -1, y1: 1 };
  let grid = null;
  let votes = null;         // share of trees voting class 1 per grid cell
  let memberLines = [];     // cached boundary segments per tree
  let memberShapes = [];    // treeShape() per tree: its cuts inside the plot, and its classes
  let firstVoterTest = NaN;
  let answeringVoters = null; // answeredFrom() for the current crowd's settings, once the twin is grown
  let twin = null;            // the twin forest while it grows: { forest, test, voters, accuracies, cancel }
  let unlockedFrom = null;    // the first crowd of this run (2 voters or more) shown with nothing locked in
  let answerShown = false;    // a run has shown the answer (or a verdict): no twin forest needed now
  let imported = null;      // { X, y } from a CSV file or a Share link, instead of generated points
  let testRows = new Set(); // which imported points are held out for testing

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.62, minHeight: 260, maxHeight: 480, label: t('bagging.plot'), onResize: () => ctx.requestDraw(draw) }));
  const legendRow = el('div', { className: 'dw-legend bagging-scale', 'aria-hidden': 'true' });
  legendRow.append(el('span', { text: t('bagging.legend.orange') }), el('span', { className: 'bagging-scale-bar' }), el('span', { text: t('bagging.legend.blue') }));
  card.stage.append(legendRow);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (forest.treeCount() >= opts.maxVoters) restart(); },
    reduced: () => addVoter(),
    every: () => (forest.treeCount() < 10 ? 450 : 160), // slow at first, so single voters can be seen
    tick: () => addVoter(),
    quiet: true, // the crowd's accuracy after each voter, two to six times a second
  });
  // At the full crowd Add voter stays focusable (aria-disabled, not disabled, so keyboard focus
  // stays on it) and a press says why nothing is added.
  const addButton = button(buttons, t('bagging.addVoter'), () => {
    play.stop();
    if (forest.treeCount() >= opts.maxVoters) render();
    else addVoter();
  });
  button(buttons, t('bagging.reset'), () => { play.stop(); restart(); });
  const depthSlider = slider(card.controls, { label: t('bagging.slider.depth'), min: 1, max: 12, step: 1, value: opts.depth, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.depth = v; restart(); } });
  const featuresSelect = select(card.controls, { label: t('bagging.select.features'), options: ['all', 'sqrt'].map((id) => [id, t(`bagging.features.${id}`)]), value: opts.features, onChange: (v) => { play.stop(); opts.features = v; restart(); } });
  const dataMenu = select(card.controls, { label: t('bagging.select.data'), options: DATASET_NAMES.map((d) => [d, d]), value: opts.dataset, onChange: (v) => { play.stop(); opts.dataset = v; imported = null; loadData(); } });

  const statVoters = card.stat(t('bagging.stat.voters'));
  const statTest = card.stat(t('bagging.stat.test'));
  const statFirst = card.stat(t('bagging.stat.first'));
  const statOob = card.stat(t('bagging.stat.oob'));
  pointsCsv(ctx, card.controls, {
    filename: 'bagging-points.csv', rules: CSV_RULES,
    // Imported points go back out as they came, with the split the widget made; generated ones
    // are the training points drawn on the plot.
    get: () => (imported
      ? { X: imported.X, y: imported.y, extra: { name: 'split', values: Array.from(imported.y, (_, i) => (testRows.has(i) ? 'test' : 'train')) } }
      : { X: train.X, y: train.y }),
    set: (parsed) => { play.stop(); imported = { X: parsed.X, y: parsed.y }; loadData(); },
  });
  // The test points in words: the fresh ones, or the share of the learner's own held out.
  const testWords = () => (imported ? t('bagging.heldOut', { count: test.rows }) : t('bagging.testPoints', { count: formatNumber(TEST_COUNT, 0) }));

  // Predict, then check: how much better than its first voter does the full crowd score on the
  // fresh test points? Committed before the second voter, judged from the engine's scores when
  // the last voter (maxVoters) has voted. The answer is on screen well before that: once a run
  // with nothing locked in reaches the crowd from which the gain stays in its final band
  // (answeredFrom; 14 voters with the defaults), a later prediction, after Reset too, is practice.
  const GAINS = ['worse', 'small', 'some', 'large'].map((id) => [id, t(`bagging.gain.${id}`)]);
  const prediction = createPrediction(ctx, {
    id: 'bagging-crowd-gain',
    question: t('bagging.predict.question', { voters: opts.maxVoters }),
    choices: GAINS,
    ready: () => (forest.treeCount() <= 1 ? null : t('bagging.predict.resetFirst')),
    next: () => t('bagging.predict.next', { voters: opts.maxVoters }),
    // Crowds shown under a prediction that is then changed (or set aside by new data) were on
    // screen as much as crowds shown with nothing locked in: every crowd from 2 voters to the one
    // on screen (a lock needs at most one voter), judged by the same rule. A verdict sets
    // answerShown first, so it asks nothing here.
    onUnlock: () => {
      if (answerShown || forest.treeCount() < 2 || !Number.isFinite(firstVoterTest)) return;
      unlockedFrom = 2;
      if (answeringVoters === null) growTwin();
      else judgeShown();
    },
  });
  function judgeCrowd(acc) {
    const n = forest.treeCount();
    if (!Number.isFinite(acc) || !Number.isFinite(firstVoterTest)) return;
    if (prediction.pending === null) {
      if (n >= 2 && unlockedFrom === null) unlockedFrom = n;
      if (!answerShown) {
        if (answeringVoters === null) growTwin();
        else judgeShown();
      }
      return;
    }
    if (n < opts.maxVoters) return;
    answerShown = true;
    const d = shownGain(acc, firstVoterTest);
    const outcome = gainBand(d);
    const change = d >= 0 ? t('bagging.predict.better', { points: fixed(d, 1) }) : t('bagging.predict.worse', { points: fixed(-d, 1) });
    prediction.settle(outcome, t('bagging.predict.why', { first: pct(firstVoterTest, 1), where: testWords(), voters: formatNumber(n, 0), crowd: pct(acc, 1), change }));
  }

  // The crowd's score on screen already gives the answer when a crowd from answeringVoters on was
  // shown with nothing locked in: a prediction made now could copy it. Every crowd from
  // unlockedFrom to the one on screen was shown so (one voter is added at a time, and nothing can
  // be locked in once two voters have voted), so the first of them that answers is the larger of
  // the two.
  function judgeShown(voters = opts.maxVoters) {
    const n = forest.treeCount();
    if (answerShown || answeringVoters === null || unlockedFrom === null || prediction.pending !== null) return;
    if (n < 2 || n < answeringVoters) return;
    answerShown = true;
    prediction.outcomeSeen(t('bagging.predict.seen', { shown: Math.max(answeringVoters, unlockedFrom), voters }));
  }

  // How many voters this run needs before its score answers the box (answeredFrom), from a twin
  // forest grown with the same data, settings and seed to the full crowd: the run on screen cannot
  // tell on its own whether later voters will move the gain into another band. Grown once per
  // crowd, only while the answer has not been on screen yet, and in short slices between tasks
  // (runInSlices, web/lib/slices.js): grown in one go, inside the click that added the second
  // voter, it held the page for about 0.1 s with the defaults and over half a second at the
  // largest settings (400 points, depth 12, 200 voters), most of it scoring every crowd on the
  // test points.
  function growTwin() {
    if (twin || answeringVoters !== null || !train) return;
    const grown = attempt(card, () => {
      const f = ctx.own(new ml.RandomForest());
      f.setData(train.X, 2, train.y);
      f.setMaxDepth(opts.depth);
      f.setMaxFeatures(opts.features);
      f.setTreeCount(opts.maxVoters);
      f.reset(opts.seed);
      return f;
    }, null);
    if (!grown) { answeringVoters = opts.maxVoters; return; }
    twin = { forest: grown, test, voters: opts.maxVoters, accuracies: [], ok: true, run: null };
    twin.run = runInSlices(ctx, { step: growTwinVoter, done: twinGrown });
  }
  // One more voter of the twin, and the score of its crowd so far: false once the crowd is full
  // (or the engine failed).
  function growTwinVoter() {
    twin.ok = attempt(card, () => {
      twin.forest.step();
      twin.accuracies.push(twin.forest.score(twin.test.X, twin.test.y));
      return true;
    }, false);
    return twin.ok && twin.accuracies.length < twin.voters;
  }
  function twinGrown() {
    const { voters, ok } = twin;
    answeringVoters = ok ? answeredFrom(twin.accuracies) : voters;
    dropTwin();
    judgeShown(voters);
  }
  function dropTwin() {
    if (!twin) return;
    twin.run.stop();
    ctx.free(twin.forest);
    twin = null;
  }
  // Before a run is thrown away (Reset, new settings or data): if it showed a crowd with nothing
  // locked in while its twin was still growing, the twin is finished now, so the box knows whether
  // that crowd gave the answer away before the next prediction can be locked in.
  function settleRun() {
    if (twin && unlockedFrom !== null && !answerShown && prediction.pending === null) twin.run.finish();
    dropTwin();
  }

  function loadData() {
    settleRun();
    prediction.reset(t('bagging.reset.newData'));
    attempt(card, () => {
      if (imported) {
        const n = imported.y.length;
        const s = ml.trainValidationTestSplit(imported.y, 0, TEST_FRACTION, opts.seed, true);
        const pick = (rows) => ({ X: Float64Array.from(rows.flatMap((r) => [imported.X[2 * r], imported.X[2 * r + 1]])), y: Float64Array.from(rows, (r) => imported.y[r]), rows: rows.length });
        testRows = new Set(s.test);
        train = { ...pick([...s.train]), domain: boxAround(imported.X, n) };
        test = pick([...s.test]);
      } else {
        train = makeDataset(ml, opts.dataset, opts.points, opts.noise, opts.seed);
        test = makeDataset(ml, opts.dataset, TEST_COUNT, opts.noise, opts.seed + 1000);
      }
      domain = train.domain;
      grid = gridPoints(domain, GRID, GRID);
      forest.setData(train.X, 2, train.y);
    });
    showOwnPoints(dataMenu, !!imported, opts.dataset, ctx.t);
    restart();
  }

  function restart() {
    settleRun();
    attempt(card, () => {
      forest.setMaxDepth(opts.depth);
      forest.setMaxFeatures(opts.features);
      forest.setTreeCount(opts.maxVoters);
      forest.reset(opts.seed);
    });
    memberLines = [];
    memberShapes = [];
    firstVoterTest = NaN;
    answeringVoters = null;
    unlockedFrom = null;
    votes = null;
    render();
  }

  function addVoter() {
    if (!train || forest.treeCount() >= opts.maxVoters) return false;
    const ok = attempt(card, () => { forest.step(); return true; }, false);
    if (!ok) return false;
    const tree = forest.treeCount() - 1;
    const regions = attempt(card, () => forest.treeRegions(tree, domain.x0, domain.x1, domain.y0, domain.y1), new Float64Array(0));
    memberLines[tree] = regionBoundaries(regions);
    memberShapes[tree] = treeShape(regions, grid, GRID, GRID);
    if (tree === 0) firstVoterTest = forest.score(test.X, test.y);
    render();
    return forest.treeCount() < opts.maxVoters;
  }

  function render() {
    const n = forest.treeCount();
    if (n > 0) {
      const f = attempt(card, () => forest.voteFractions(grid), null);
      if (f) { votes = new Float64Array(GRID * GRID); for (let i = 0; i < votes.length; i++) votes[i] = f[2 * i + 1]; }
    } else votes = null;
    const acc = n ? attempt(card, () => forest.score(test.X, test.y), NaN) : NaN;
    const oob = n ? forest.oobScore() : NaN;
    statVoters.set(formatNumber(n, 0));
    statTest.set(pct(acc, 1));
    statFirst.set(pct(firstVoterTest, 1));
    statOob.set(Number.isFinite(oob) ? pct(oob, 1) : '–');
    if (n === 0) card.setMessage(t('bagging.noVoters'), 'info');
    else if (n === 1) {
      const { cuts, classes } = memberShapes[0] || { cuts: 0, classes: 0 };
      card.setMessage(t('bagging.oneVoter', { cuts, classes, accuracy: pct(acc, 1), where: imported ? testWords() : t('bagging.freshTestPoints') }), 'info');
    } else {
      const diff = shownGain(acc, firstVoterTest);
      const verdict = diff > 0 ? t('bagging.verdict.better', { points: fixed(diff, 1) }) : diff < 0 ? t('bagging.verdict.worse', { points: fixed(-diff, 1), voters: n }) : t('bagging.verdict.level');
      // The words follow the boundaries drawn (crowdShape): a crowd of stumps keeps what all of
      // them get wrong and may draw one straight line, as each does; deeper trees' majority is
      // called smoother only when it has fewer corners than every member's.
      const shape = memberShapes.length === n ? crowdShape(memberShapes, votes, GRID, GRID) : 'combined';
      const why = shape === 'stumpLine' ? t('bagging.why.stumpLine') : shape === 'stumps' ? t('bagging.why.stumps')
        : shape === 'smoother' ? t('bagging.why.smoother') : shape === 'finer' ? t('bagging.why.finer') : t('bagging.why.combined');
      const crowd = t('bagging.crowd', { voters: n, accuracy: pct(acc, 1), where: imported ? testWords() : t('bagging.anyTestPoints'), verdict, why });
      card.setMessage(n >= opts.maxVoters ? `${crowd} ${t('bagging.full', { voters: opts.maxVoters })}` : crowd, diff > 0 ? 'ok' : 'info');
    }
    if (n >= opts.maxVoters) addButton.setAttribute('aria-disabled', 'true');
    else addButton.removeAttribute('aria-disabled');
    plot.canvas.setAttribute('aria-label', t('bagging.figure', { voters: n, accuracy: pct(acc, 1) }));
    judgeCrowd(acc);
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!train) return;
    const { x0, x1, y0, y1 } = domain;
    plot.setDomain(x0, x1, y0, y1);
    plot.begin();
    const th = plot.theme;
    if (votes) drawHeatmap(plot, votes, GRID, GRID, probabilityRgb(th), { alpha: 0.38 });
    plot.axes({ xLabel: t('bagging.axis.x'), yLabel: t('bagging.axis.y'), xTicks: 5, yTicks: 5 });
    plot.clipToArea(() => {
      const n = memberLines.length;
      const alpha = Math.max(0.08, Math.min(0.5, 1.4 / Math.sqrt(Math.max(1, n))));
      memberLines.forEach((segs, i) => { if (i < n - 1) drawSegments(plot, segs, { color: th.textMuted, width: 1, alpha }); });
      if (n) drawSegments(plot, memberLines[n - 1], { color: th.accent, width: 1.5, alpha: 0.9, dash: [4, 3] });
      for (let i = 0; i < train.rows; i++) plot.point(train.X[2 * i], train.X[2 * i + 1], train.y[i], { size: 3.8 });
      if (votes && n >= 1) drawSegments(plot, contourSegments(votes, GRID, GRID, domain, 0.5), { color: th.model, width: 3 });
    });
  }

  loadData();

  return {
    update(next) { play.stop(); if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; showOptions({ depth: depthSlider, features: featuresSelect, dataset: dataMenu }, opts); loadData(); prediction.ask(t('bagging.predict.question', { voters: opts.maxVoters })); }, // loadData forgets a pending prediction
    // Shared by a link: the settings changed with the card's own controls, imported points.
    currentOptions() { return { depth: opts.depth, features: opts.features, dataset: opts.dataset }; },
    state: {
      get() { return imported ? pointsState(imported.X, imported.y) : null; },
      set(value) {
        const points = pointsFromState(value, CSV_RULES); // checked before anything changes
        play.stop();
        imported = { X: points.X, y: points.y };
        loadData();
      },
    },
  };
}

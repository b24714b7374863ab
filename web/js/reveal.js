// Reveal blocks on a lesson page (`::: reveal` in a lesson, rendered by scripts/lesson-render.mjs as
// <details class="dw-reveal">): the sentences that say what a widget shows stay closed until the
// learner has seen that outcome, so reading down the page never answers a "Predict, then check"
// box before the learner has tried it. A block belongs to the nearest widget above it; with
// data-reveal-for it belongs to the predict box of that id instead, wherever it is on the page (a
// widget with two boxes, or text that follows a second widget but is about the first one's box).
//
// A block opens when its box's outcome reaches the screen: the box sends 'dw:outcome-shown'
// (web/lib/predict.js) on a verdict, and when the learner ran the experiment before predicting.
// It opens at load when saved progress already holds that box's prediction (an earlier visit).
// Each block opens by itself once: a learner who closes it again is not overruled by a practice
// try. Opening adds no words of its own: the block's summary stays where the learner can find it.
//
// A block the learner opens by hand states the outcome: before the box has one, a prediction made
// after reading it could copy it. So the page sends 'dw:reveal-read' to the block's box(es) (the
// box data-reveal-for names, else every box of the widget above), and web/lib/predict.js makes the
// box's next verdict practice, saying why (nothing changes for a box with a verdict or a recorded
// prediction). An id of data-reveal-for that no box has goes to the widget mounts instead, as
// 'dw:reveal-read' with detail { predict: id }, for the widget whose task it answers. A block
// opened before its widget has built its box is told again once the widgets
// are ready (openSavedReveals).
import { lessonState } from './progress.js';

const PREDICT_PREFIX = 'predict:';
const opened = new WeakSet();
const readByLearner = new Set(); // blocks the learner opened by hand, in the order opened

// Each reveal block with the widget mount above it (null before any widget), in page order.
function revealBlocks(root) {
  let mount = null;
  const blocks = [];
  for (const node of root.querySelectorAll('.dw-mount[data-widget], details.dw-reveal')) {
    if (node.matches('.dw-mount')) mount = node;
    else blocks.push({ details: node, mount });
  }
  return blocks;
}

function openBlocks(root, mount, predictId) {
  for (const { details, mount: owner } of revealBlocks(root)) {
    if (opened.has(details)) continue;
    if (details.dataset.revealFor ? details.dataset.revealFor !== predictId : owner !== mount) continue;
    opened.add(details);
    details.open = true;
  }
}

// The widget mount an event came from (its path, so a widget drawn in a shadow root counts too).
function mountOf(event) {
  return event.composedPath().find((node) => node instanceof Element && node.matches('.dw-mount[data-widget]')) || null;
}

// Tells the predict box(es) a block belongs to that the learner has read it (see above).
function tellRead(root, details) {
  const block = revealBlocks(root).find((b) => b.details === details);
  if (!block) return;
  const boxes = details.dataset.revealFor
    ? root.querySelectorAll(`fieldset.dw-predict[data-predict="${CSS.escape(details.dataset.revealFor)}"]`)
    : block.mount ? block.mount.querySelectorAll('fieldset.dw-predict[data-predict]') : [];
  for (const box of boxes) box.dispatchEvent(new CustomEvent('dw:reveal-read'));
  // An id no box has names a task of a widget (sin-experiment's best degree, empirical-risk's best
  // line, which report it with reportOutcomeShown): the widget mounts are told, with the id, and
  // the widget that owns it takes its answer as shown (its first try on this page is practice).
  if (details.dataset.revealFor && !boxes.length) {
    for (const mount of root.querySelectorAll('.dw-mount[data-widget]')) mount.dispatchEvent(new CustomEvent('dw:reveal-read', { detail: { predict: details.dataset.revealFor } }));
  }
}

export function watchReveals(root = document) {
  if (!root.querySelector('details.dw-reveal')) return;
  // 'toggle' does not bubble: listened for on each block. One the page opened itself is no reading
  // ahead (its box has shown its outcome, or saved progress holds the prediction).
  for (const details of root.querySelectorAll('details.dw-reveal')) {
    details.addEventListener('toggle', () => {
      if (!details.open || opened.has(details)) return;
      readByLearner.add(details);
      tellRead(root, details);
    });
  }
  root.addEventListener('dw:outcome-shown', (event) => {
    const name = String(event.detail && event.detail.widget || '');
    const mount = mountOf(event);
    if (mount && name.startsWith(PREDICT_PREFIX)) openBlocks(root, mount, name.slice(PREDICT_PREFIX.length));
  });
}

// After the widgets have built their predict boxes: tell them of the blocks the learner opened
// before they were built, then open the blocks whose box's prediction is already in saved progress.
export function openSavedReveals(root = document) {
  for (const details of readByLearner) tellRead(root, details);
  const lesson = root.querySelector('.lesson-complete[data-lesson]');
  if (!lesson || !root.querySelector('details.dw-reveal')) return;
  const { activities } = lessonState(lesson.dataset.lesson);
  for (const mount of root.querySelectorAll('.dw-mount[data-widget]')) {
    for (const box of mount.querySelectorAll('fieldset.dw-predict[data-predict]')) {
      // A prediction, not a mark that the outcome was seen first (seenFirst, no score): a glimpse of
      // part of a run leaves the text closed on that visit, and so on later ones.
      const record = activities[PREDICT_PREFIX + box.dataset.predict];
      if (record && Number.isFinite(record.best)) openBlocks(root, mount, box.dataset.predict);
    }
  }
}

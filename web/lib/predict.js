// "Predict, then check" inside a widget. The learner commits a prediction (one of a few choices,
// or a number) before an experiment; the widget, which alone can tell when the experiment is done,
// calls settle() with what really happened, and the box says whether the prediction held and why.
// Committing first matters: a guess made after seeing the result teaches nothing, so the answer
// is locked until the outcome arrives.
//
// The result is reported like a game's (web/lib/report.js): 'dw:score' and 'dw:complete' with
// widget `predict:<id>`, score 1 if the prediction held, else 0, max 1 — so saved progress records
// each prediction the learner actually tested, and nothing for one never committed or never settled.
// Whenever the outcome reaches the screen (a verdict, or outcomeSeen) the box also sends
// 'dw:outcome-shown', which records nothing: a lesson page then opens the text that states it.
//
//   const task = createPrediction(ctx, {
//     id: 'quadruple-n',                              // stable name, recorded in progress
//     question: 'With n four times larger, the spread of the means will…',
//     choices: [['same', 'stay the same'], ['half', 'halve'], ['quarter', 'fall to a quarter']],
//     //   or  numeric: { label: 'test error', tolerance: 0.05, min: 0, max: 1, digits: 2 }
//     //   (integer: true for a count: 3.5 is refused as not a whole number)
//     //   (percent: true for a box that asks for a percentage, which then takes "50%" as 50, and
//     //   locks "0.17" as 0.17% saying that 17 is the number to type for a share of 0.17)
//     //   Typed text that is no prediction is refused in words for its own reason (predict-number.js),
//     //   said as every number box says it (number-field.js, refusalReason), with the box's label.
//     ready: () => (drawn >= 100 ? null : 'Draw at least 100 means first.'), // optional gate
//     onCommit: (value) => { start = current(); },    // optional: remember where the learner began
//     onUnlock: () => { slider.setDisabled(false); }, // optional: the box is open again (a verdict,
//                                                     // Change my prediction, or reset)
//     next: 'Now set n to 40 and press Fast-forward.', // shown once locked (or a function of the value)
//     progress: () => runShown,                       // optional: part of the outcome has been on
//                                                     // screen since the lock (see below)
//   });
//   … later, when the widget sees the outcome of the experiment:
//   if (task.pending !== null && done) task.settle(outcome, 'Four times n divides the spread by √4 = 2.');
//   … and when a setting the question names is changed from outside (the widget's update()):
//   task.ask('With n = 40, the spread of the means will…', { numeric: { max: 40 }, why: 'n changed.' });
//
// settle(actual, why) compares a choice by equality and a number within the stated tolerance
// (absolute, inclusive), shows "held"/"did not hold" with `why`, reports, and unlocks the box for
// another try. It returns true/false, or null when nothing was committed (then it does nothing).
//
// Only the first verdict is a prediction: once the learner has seen an outcome, a second try can
// copy it. So a box reports once per page (with firstTry, so saved progress keeps the first result
// over later visits too); later tries are judged and shown as practice. A number is compared as it
// is shown: the learner's as typed, the outcome rounded to the box's digits, so the verdict always
// agrees with the two numbers on screen (2.2501 against 2.20 is outside ± 0.05, and reads so).
// The same on a later visit: a box whose prediction the lesson already recorded (recordedResult,
// web/lib/report.js; only a lesson page answers; asked at the verdict, so a reset of progress in
// another tab since the page opened is seen) reports nothing more: a verdict now is practice
// and says which way the recorded first prediction went (or, if the outcome was on screen first,
// says that).
// A widget that shows the outcome before anything was committed (the learner ran the experiment
// first) calls outcomeSeen(): a later prediction could copy it, so it is judged as practice.
// That is kept beyond this page: a box whose outcome was on screen first, by any of the routes
// below, sends 'dw:seen-first' (reportSeenFirst), and a lesson page keeps it in the box's record
// with no score and not complete, so a prediction made on a later visit is practice too and says
// why (until progress is reset).
// Part of the run is enough to guess from (curves half grown, a few darts): outcomeGlimpsed()
// makes a later prediction practice too, without opening the lesson's text that states the outcome.
// The same holds for a prediction unlocked part-way through its own run: pressing Change my
// prediction (or a reset by the widget) with results so far on screen, then locking again, would
// judge a guess made from them. A box whose experiment unfolds after the lock passes `progress`,
// which says whether any of it has reached the screen since the lock; when it has, the unlock
// counts as outcomeGlimpsed (a verdict, which unlocks too, does not ask).
// A lesson's text that states the outcome (a "What the widget shows" block, web/js/reveal.js)
// opened by the learner before the box has a verdict is the outcome on screen first too: the page
// sends 'dw:reveal-read' to the box, and a later prediction is practice, said so in the box. Read
// while a prediction is locked, it leaves that prediction standing, but one locked again after
// Change my prediction is practice. Nothing changes for a box with a verdict on this page or a
// first prediction already recorded.
import { el, nextId } from './ui.js';
import { formatNumber, formatShort, asShown } from './format.js';
import { hasFirstResult, recordedResult, reportComplete, reportOutcomeShown, reportScore, reportSeenFirst } from './report.js';
import { readNumberInBox, refusalReason } from './number-field.js';

export function createPrediction(ctx, spec) {
  const { card, t } = ctx;
  const { id, choices = null, ready = null, onCommit = null, onUnlock = null, progress = null, next = '' } = spec;
  let { question, numeric = null } = spec; // a setting the question names may change (ask)
  if (!id || !question || (!choices === !numeric)) throw new Error('createPrediction needs an id, a question, and either choices or numeric');
  let title = spec.title || t('predict.title', { question });
  const digits = numeric ? numeric.digits ?? 3 : 3;
  // The tolerance is a rule, not a measurement: written shortest (± 0.05, not ± 0.050 in a 3-digit box).
  let shownTolerance = numeric ? formatShort(numeric.tolerance, 3) : '';
  const inputId = nextId('dw-predict');

  let pending = null;   // the committed prediction (a choice value or a number), or null
  let typed = '';       // a numeric prediction as the learner typed it (shown back unchanged)
  let reported = false; // the first verdict on this page has been reported
  let seenFirst = false; // the outcome was on screen before any prediction was committed
  let glimpsed = false;  // only part of the experiment was on screen (outcomeGlimpsed), not yet its outcome
  let readWhileLocked = false; // the lesson's text stating the outcome was opened with a prediction locked
  // What the lesson recorded of this box on an earlier visit (or in another tab): its first
  // prediction, 'held' or 'missed'; 'seen' when the outcome was on screen before any prediction;
  // null when it has nothing (or the page records nothing). Asked at the verdict, not when the box
  // mounts, so progress reset in another tab since then counts as reset.
  function recordedFirst() {
    const earlier = recordedResult(card, `predict:${id}`);
    if (hasFirstResult(earlier)) return earlier.best >= 1 ? 'held' : 'missed';
    return earlier && earlier.seenFirst === true ? 'seen' : null;
  }
  let input;
  if (choices) {
    input = el('select', { id: inputId, className: 'dw-select' }, [
      el('option', { value: '', text: t('predict.choose') }),
      ...choices.map(([value, label]) => el('option', { value, text: label })),
    ]);
  } else {
    input = el('input', { id: inputId, type: 'text', inputmode: numeric.integer ? 'numeric' : 'decimal', className: 'dw-input', autocomplete: 'off', size: '8' });
  }
  const questionText = () => (numeric && numeric.label ? `${question} (${numeric.label})` : question);
  const label = el('label', { for: inputId, className: 'dw-predict-question', text: questionText() });
  const commit = el('button', { type: 'button', className: 'dw-btn dw-btn-primary', text: t('predict.lock') });
  const status = el('p', { className: 'dw-predict-status', role: 'status', 'aria-live': 'polite' });
  const tolerance = numeric ? el('p', { className: 'dw-predict-tolerance', text: t('predict.tolerance', { tolerance: shownTolerance }) }) : null;
  const box = el('fieldset', { className: 'dw-predict', 'data-predict': id }, [
    el('legend', { text: t('predict.legend') }),
    el('div', { className: 'dw-predict-row' }, [label, input, commit]),
    ...(tolerance ? [tolerance] : []),
    status,
  ]);
  (spec.parent || card.card).insertBefore(box, spec.parent ? null : card.message);

  commit.addEventListener('click', () => (pending === null ? lock() : unlockPartWay('')));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); if (pending === null) lock(); } });
  box.addEventListener('dw:reveal-read', () => readAhead());

  function say(text, tone) { status.textContent = text; status.dataset.tone = tone; }
  // A box that asks for a percentage writes its numbers as the site writes a percentage ("17%",
  // as the verdict's own sentence does), so "50%" typed is said back as 50%, never as a bare 50.
  const unit = numeric && numeric.percent ? '%' : '';
  function describe(value) {
    if (choices) return (choices.find(([v]) => v === value) || [value, String(value)])[1];
    return `${formatNumber(value, digits)}${unit}`;
  }
  // What the learner said: a choice by its words, a number with the decimals they typed (at least
  // the box's, at most 6).
  function said(value) {
    if (choices) return describe(value);
    const decimals = (/\.(\d+)/.exec(typed) || ['', ''])[1].length;
    return `${formatNumber(value, Math.min(6, Math.max(digits, decimals)))}${unit}`;
  }
  function parse() {
    if (choices) return input.value === '' ? { error: t('predict.needChoice') } : { value: input.value };
    // A percentage is often typed with its sign; only a box that asks for a percentage drops it
    // ("30%" in a box for a share from 0 to 1 stays an error, rather than becoming 30).
    const read = readNumberInBox(input.value, numeric);
    if (read.refusal) return { error: refusedPrediction(t, read, numeric) };
    const { value } = read;
    // "0.17" in a box that asks for a percentage is 0.17%, a possible answer, but it may be a share
    // of 1 meant as 17%: locked as typed, with how it was read.
    const note = read.looksLikeShare ? t('predict.readAsPercent', { typed: read.written, percent: formatShort(value * 100, 6) }) : '';
    return { value, written: read.written, note };
  }
  function lock() {
    const why = ready ? ready() : null;
    if (why) { say(why, 'info'); return; }
    const { value, error, written = '', note = '' } = parse();
    if (error) { say(error, 'info'); return; }
    pending = value;
    typed = written;
    // Locking disables the box the learner typed or chose in (Enter locks too): keep the keyboard
    // in the box, on the button that changes the prediction, rather than dropping it on the page.
    const hadFocus = input.matches(':focus');
    input.disabled = true;
    if (hadFocus) commit.focus({ preventScroll: true });
    commit.textContent = t('predict.change');
    box.dataset.state = 'committed';
    if (onCommit) onCommit(value);
    say(`${t('predict.locked', { value: said(value), next: typeof next === 'function' ? next(value) : next }).trim()}${note ? ` ${note}` : ''}`, 'info');
  }
  function unlock(text, tone = 'info') {
    pending = null;
    input.disabled = false;
    commit.textContent = t('predict.lock');
    box.dataset.state = text ? 'settled' : '';
    if (text !== undefined) say(text, tone);
    if (onUnlock) onUnlock();
  }

  // Unlocks a prediction that no verdict has judged. Asked before unlocking, while the widget still
  // knows what was on screen under this lock (onUnlock may forget it).
  function unlockPartWay(why) {
    const partShown = pending !== null && progress !== null && Boolean(progress());
    const read = pending !== null && readWhileLocked;
    readWhileLocked = false;
    unlock(why);
    if (read) seen(why ? `${why} ${t('predict.revealRead')}` : t('predict.revealRead'));
    else if (partShown) glimpse(why ? `${why} ${t('predict.changedPartWay')}` : t('predict.changedPartWay'));
  }
  function glimpse(why) {
    if (pending !== null || reported) return;
    reported = true;
    seenFirst = true;
    glimpsed = true;
    reportSeenFirst(card, { widget: `predict:${id}`, title });
    if (why) say(why, 'info');
  }
  // The outcome was on screen with nothing committed: no later verdict on this page is recorded.
  function seen(why) {
    if (pending !== null || (reported && !glimpsed)) return false;
    if (!seenFirst) reportSeenFirst(card, { widget: `predict:${id}`, title });
    reported = true;
    seenFirst = true;
    glimpsed = false;
    if (why) say(why, 'info');
    return true;
  }
  // The learner opened the lesson's text that states the outcome ('dw:reveal-read').
  function readAhead() {
    if ((reported && !glimpsed) || recordedFirst() !== null) return;
    if (pending !== null) readWhileLocked = true;
    else seen(t('predict.revealRead'));
  }

  return {
    element: box,
    get pending() { return pending; },
    settle(actual, why = '') {
      if (pending === null) return null;
      // The outcome as the box writes it ("2.20"); NaN when written in powers of ten.
      const rounded = choices ? NaN : asShown(actual, digits);
      const shown = Number.isFinite(rounded) ? rounded : actual;
      const held = choices ? actual === pending : Math.abs(shown - pending) <= numeric.tolerance + 1e-12;
      const words = { said: said(pending), seen: describe(actual), why, tolerance: shownTolerance };
      let text = t(`predict.${choices ? 'choice' : 'number'}${held ? 'Held' : 'Missed'}`, words).trim();
      box.dataset.result = held ? 'held' : 'missed';
      const earlier = reported ? null : recordedFirst();
      if (!reported && earlier === null) {
        reported = true;
        const detail = { widget: `predict:${id}`, title, score: held ? 1 : 0, max: 1, firstTry: true };
        reportScore(card, detail);
        reportComplete(card, detail);
      } else {
        reported = true;
        if (seenFirst) text = `${text} ${t('predict.practiceSeen')}`;
        else if (earlier === 'seen') text = `${text} ${t('predict.practiceSeenEarlier')}`;
        else if (earlier !== null) text = `${text} ${t('predict.practiceRecorded', { held: earlier === 'held' })}`;
        else text = `${text} ${t('predict.practice')}`;
      }
      glimpsed = false;
      readWhileLocked = false;
      unlock(text, held ? 'ok' : 'info');
      reportOutcomeShown(card, { widget: `predict:${id}` });
      return held;
    },
    // A word in the box that leaves the prediction as it is (locked or not): e.g. why a run does
    // not settle it.
    note(text, tone = 'info') { say(text, tone); },
    // The learner saw the outcome with nothing committed: no later verdict on this page is
    // recorded. `why` says so in the box. Does nothing once a prediction is committed or recorded
    // (after outcomeGlimpsed, it still opens the lesson's text and says `why`).
    outcomeSeen(why = '') {
      if (seen(why)) reportOutcomeShown(card, { widget: `predict:${id}` });
    },
    // Part of the experiment reached the screen with nothing committed (a run stopped half-way, a
    // few darts): enough to guess the outcome from, so no later verdict on this page is recorded,
    // but not the outcome itself, so the lesson's text that states it stays closed (it opens with
    // outcomeSeen or a verdict). `why` says so in the box.
    outcomeGlimpsed(why = '') { glimpse(why); },
    // Forget a committed prediction (e.g. the learner changed the data set, so the experiment no
    // longer tests it); `why` says so.
    reset(why = '') {
      if (pending === null) return;
      unlockPartWay(why);
      delete box.dataset.result;
    },
    // The question in new words, when a setting it names was changed from outside (an embedder's
    // update: 130 voters, not 60), as a box made with that setting would ask it. A numeric box
    // takes its new label, range and tolerance too (`numeric`, laid over the old one). A committed
    // prediction answered the old question: it is set aside first, with `why`.
    ask(nextQuestion, { numeric: nextNumeric = null, why = '' } = {}) {
      if (pending !== null) { unlockPartWay(why); delete box.dataset.result; }
      question = nextQuestion;
      if (!spec.title) title = t('predict.title', { question });
      if (numeric && nextNumeric) {
        numeric = { ...numeric, ...nextNumeric };
        shownTolerance = formatShort(numeric.tolerance, 3);
        if (tolerance) tolerance.textContent = t('predict.tolerance', { tolerance: shownTolerance });
      }
      label.textContent = questionText();
    },
  };
}

// Why a typed text is no prediction (a refusal of readNumberInBox), in the words every number box
// on the site uses (refusalReason), then what this box asks for: its label names the quantity
// ("0.25" as an example made no sense for a count from 0 to 200).
export function refusedPrediction(t, read, numeric) {
  const label = numeric.label || '';
  const reason = refusalReason(t, read);
  // These two say how to type the number already.
  if (read.refusal === 'separators' || read.refusal === 'ambiguous') return t('predict.refused', { reason, hint: '', label: '' });
  if (read.refusal === 'belowMin' || read.refusal === 'aboveMax') return t('predict.refused', { reason, hint: '', label });
  if (read.refusal === 'percentSign') {
    // In a box for a share of 1, "30%" was surely meant as 0.3: say so, but let the learner type it.
    const share = numeric.max !== undefined && numeric.max <= 1 && read.value >= 0 && read.value <= 100 ? formatShort(read.value / 100, 6) : '';
    return t('predict.refused', { reason, hint: t('predict.typeWithoutPercent', { typed: read.typed, share }), label });
  }
  return t('predict.refused', { reason, hint: t('predict.typeNumber', { count: Boolean(numeric.integer), label }), label });
}

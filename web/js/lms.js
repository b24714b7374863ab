// Reports a lesson to the learning platform (Moodle, Canvas, Blackboard, …) that launched it from
// a SCORM package (npm run build:scorm). Outside a platform it finds no runtime and does nothing.
//   find:     the runtime object the standards name — API (SCORM 1.2) or API_1484_11 (SCORM 2004) —
//             on this window or an ancestor (at most 7 levels up), then on window.opener's chain;
//   start:    Initialize, then restore the lesson's progress from the runtime's suspend data (the
//             platform knows the learner; this browser's storage may hold someone else's progress);
//   report:   on every 'dw:score' / 'dw:complete' of the page's games and checks, and when the
//             lesson becomes complete (web/js/progress.js 'dw:lesson-complete'): completion,
//             a score from 0 to 100 (scaled 0 … 1 for 2004), the suspend data, then Commit;
//   finish:   session time and Finish/Terminate when the page goes away (pagehide).
// The lesson score is the mean over the page's activities of best/max (an activity that
// reports no score counts 1 when finished, 0 before); a lesson with no activities has none. For
// the check-yourself block and other first-try checks, best is the first-try score
// (web/js/progress.js never raises it on a later try).
import { lessonState, restoreLessonState } from './progress.js';

const SEARCH_LEVELS = 7; // the ADL API discovery algorithm looks at most 7 parents up
const SUSPEND_LIMIT_12 = 4096; // cmi.suspend_data is a CMIString4096 in SCORM 1.2

// The two runtimes differ only in names.
const RUNTIMES = {
  '2004': {
    global: 'API_1484_11',
    call: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
    suspendLimit: 64000,
  },
  '1.2': {
    global: 'API',
    call: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
    suspendLimit: SUSPEND_LIMIT_12,
  },
};

// A window of another origin throws on property access: skip it and keep climbing.
function lookUp(start, name) {
  let win = start;
  for (let level = 0; win && level <= SEARCH_LEVELS; level += 1) {
    try {
      if (win[name] && typeof win[name] === 'object') return win[name];
    } catch { /* cross-origin ancestor */ }
    let parent = null;
    try { parent = win.parent; } catch { parent = null; }
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

// The package says which version it is (<html data-scorm="1.2">); that runtime is tried first.
export function findRuntime(win = window) {
  const declared = win.document.documentElement.dataset.scorm;
  const order = declared === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  let opener = null;
  try { opener = win.opener; } catch { opener = null; }
  for (const version of order) {
    const api = lookUp(win, RUNTIMES[version].global) || (opener ? lookUp(opener, RUNTIMES[version].global) : null);
    if (api && typeof api[RUNTIMES[version].call.init] === 'function') return { version, api };
  }
  return null;
}

// Per-question first answers (the check-yourself block's, see web/js/progress.js) as one short
// string: "1" right, "0" wrong, "-" not answered yet.
const encodeAnswers = (answers) => answers.map((v) => (v === true ? '1' : v === false ? '0' : '-')).join('');
const decodeAnswers = (text) => (typeof text === 'string' && /^[01-]{0,100}$/.test(text)
  ? [...text].map((c) => (c === '1' ? true : c === '0' ? false : null)) : undefined);

// Compact progress for the suspend data:
//   { c: 1 if complete, a: { widget: [best, max, done, title or null, first answers "10-1"] } },
// the last two left out when empty; done is 1 for complete, 2 for a record that only says the
// answer was seen before any result (seenFirst, web/js/progress.js recordSeenFirst), else 0. The first answers go with the best: without them the next
// session would count a question's later answer as its first, and raise the best.
export function encodeProgress(state, limit = SUSPEND_LIMIT_12, keep = []) {
  const entries = Object.entries(state.activities || {});
  const pack = (withTitles, names) => JSON.stringify({
    c: state.complete ? 1 : 0,
    a: Object.fromEntries(entries.filter(([name]) => !names || names.includes(name)).map(([name, a]) => {
      const row = [Number.isFinite(a.best) ? a.best : null, Number.isFinite(a.max) ? a.max : null, a.complete ? 1 : a.seenFirst ? 2 : 0];
      const title = withTitles && a.title && a.title !== name ? a.title : null;
      if (title) row.push(title);
      if (Array.isArray(a.answers) && a.answers.length) {
        if (!title) row.push(null);
        row.push(encodeAnswers(a.answers));
      }
      return [name, row];
    })),
  });
  // Shed what the page can rebuild (titles), then activities not on this page, to fit the limit.
  for (const text of [pack(true), pack(false), pack(false, keep)]) if (text.length <= limit) return text;
  return JSON.stringify({ c: state.complete ? 1 : 0, a: {} });
}

export function decodeProgress(text) {
  let data;
  try { data = JSON.parse(text); } catch { return null; }
  if (!data || typeof data !== 'object') return null;
  const activities = {};
  for (const [name, row] of Object.entries(data.a && typeof data.a === 'object' ? data.a : {})) {
    if (!Array.isArray(row)) continue;
    const [best, max, done, title, firstAnswers] = row;
    activities[name] = { best: best ?? undefined, score: best ?? undefined, max: max ?? undefined, complete: done === 1, title: typeof title === 'string' ? title : undefined };
    if (done === 2 && best === null) activities[name].seenFirst = true;
    const answers = decodeAnswers(firstAnswers);
    if (answers) activities[name].answers = answers;
  }
  return { complete: data.c === 1, activities };
}

// Whether any of the page's activities has a result (a score or a completion); a record that only
// says an answer was seen before any result (seenFirst) is no attempt.
export function attempted(state, expected) {
  return expected.some((name) => { const a = state.activities[name]; return !!a && (Number.isFinite(a.best) || !!a.complete); });
}

// 0 … 1 over the page's activities, or null when the page has none.
export function lessonScore(state, expected) {
  if (!expected.length) return null;
  const part = (a) => {
    if (!a) return 0;
    if (Number.isFinite(a.best) && Number.isFinite(a.max) && a.max > 0) return Math.min(1, Math.max(0, a.best / a.max));
    return a.complete ? 1 : 0;
  };
  return expected.reduce((sum, name) => sum + part(state.activities[name]), 0) / expected.length;
}

// SCORM 1.2 CMITimespan HHHH:MM:SS.SS; SCORM 2004 ISO 8601 duration.
function timespan(ms, version) {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (version === '2004') return `PT${h}H${m}M${s.toFixed(2)}S`;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

function connect(runtime, slug, expected) {
  const { version, api } = runtime;
  const names = RUNTIMES[version].call;
  const ok = (value) => value === true || value === 'true';
  const call = (fn, ...args) => {
    try { return api[fn](...args); } catch { return 'false'; }
  };
  const get = (key) => String(call(names.get, key) ?? '');
  const set = (key, value) => call(names.set, key, String(value));

  if (!ok(call(names.init, ''))) return null;
  const started = Date.now();
  let open = true;

  const saved = decodeProgress(get('cmi.suspend_data'));
  restoreLessonState(slug, saved || { complete: false, activities: {} });
  const mastery = Number.parseFloat(get(version === '2004' ? 'cmi.scaled_passing_score' : 'cmi.student_data.mastery_score'));

  function report() {
    if (!open) return;
    const state = lessonState(slug);
    // No score before the first attempt: a platform would record a 0 the learner never earned.
    const score = attempted(state, expected) ? lessonScore(state, expected) : null;
    const done = expected.filter((name) => state.activities[name] && state.activities[name].complete).length;
    if (score !== null) {
      const raw = Math.round(score * 10000) / 100;
      const prefix = version === '2004' ? 'cmi.score' : 'cmi.core.score';
      set(`${prefix}.min`, 0);
      set(`${prefix}.max`, 100);
      set(`${prefix}.raw`, raw);
      if (version === '2004') set('cmi.score.scaled', Math.round(score * 10000) / 10000);
    }
    if (version === '2004') {
      set('cmi.completion_status', state.complete ? 'completed' : 'incomplete');
      set('cmi.progress_measure', expected.length ? Math.round((done / expected.length) * 10000) / 10000 : state.complete ? 1 : 0);
      // Passed or failed only against a passing score the platform set; otherwise unknown.
      if (state.complete && score !== null && Number.isFinite(mastery)) set('cmi.success_status', score >= mastery ? 'passed' : 'failed');
      else set('cmi.success_status', 'unknown');
    } else {
      let status = state.complete ? 'completed' : 'incomplete';
      if (state.complete && score !== null && Number.isFinite(mastery)) status = score * 100 >= mastery ? 'passed' : 'failed';
      set('cmi.core.lesson_status', status);
    }
    set('cmi.suspend_data', encodeProgress(state, RUNTIMES[version].suspendLimit, expected));
    // "suspend": the learner may come back, and the platform keeps the suspend data for that.
    set(version === '2004' ? 'cmi.exit' : 'cmi.core.exit', 'suspend');
    call(names.commit, '');
  }

  // Several events can arrive together (an activity completes and so does the lesson): one report.
  let queued = false;
  function schedule() {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; report(); });
  }

  function finish() {
    if (!open) return;
    report();
    set(version === '2004' ? 'cmi.session_time' : 'cmi.core.session_time', timespan(Date.now() - started, version));
    call(names.commit, '');
    call(names.finish, '');
    open = false;
  }

  report(); // first launch: "incomplete" rather than "not attempted"
  for (const type of ['dw:score', 'dw:complete', 'dw:lesson-complete']) document.addEventListener(type, schedule);
  window.addEventListener('pagehide', finish);
  return { version, report, finish };
}

function start() {
  const host = document.querySelector('.lesson-complete[data-lesson]');
  if (!host) return null;
  const runtime = findRuntime(window);
  if (!runtime) return null;
  const expected = (host.dataset.activities || '').split(/\s+/).filter(Boolean);
  return connect(runtime, host.dataset.lesson, expected);
}

// Runs before web/js/check-yourself.js (script order on the page), so that what it shows as
// saved is the platform's record.
export const session = typeof document !== 'undefined' ? start() : null;

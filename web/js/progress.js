// Course progress, kept in this browser only (localStorage, keys prefixed "dw:"; an in-memory
// fallback when storage is blocked, e.g. private modes or sandboxed frames, so nothing throws).
//   lesson pages: a course progress bar (.course-progress), a "Mark this lesson complete"
//                 toggle (.lesson-complete) and a list of the activities finished on the page;
//   home page:    the same bar, a "Completed" tick on every finished lesson with its check-yourself
//                 result beside it, "Reset progress".
// Widgets report without importing this module: they dispatch a bubbling, composed
// CustomEvent 'dw:score' (detail { widget, title, score, max }: an attempt, whatever its
// result) or 'dw:complete' (same detail: the learner finished the game or check) from their
// card, and this module listens on document. An activity's saved best is its highest score,
// except that a first try is what counts for checks: detail.firstTry === true keeps the first
// score ever recorded, and detail.answers (per question: true, false or null; see
// recordActivity) keeps each question's first answer across visits. The other way round, a widget
// asks what the lesson recorded for it with a synchronous 'dw:recorded' event (detail
// { widget, record: null }, sent by recordedResult in web/lib/report.js): this module fills in
// detail.record with that activity's record (or { complete: false } when there is none yet), so a
// game that counts its first try knows, after a reload, that a try now is practice; the storage
// format stays in this module. Only a lesson page answers. A lesson page lists its games and checks in
// .lesson-complete[data-activities]; once every one has reported 'dw:complete' the lesson counts
// as complete. A predict box whose outcome was on screen before any prediction sends
// 'dw:seen-first' (web/lib/report.js): its record then says only that (seenFirst, no score, not
// complete), so its later verdicts are practice, and nothing counts it as done. The manual button
// stays for lessons read without playing, and to undo, except on
// lessons marked data-completion="activities" (the badge challenge): only their activities
// complete them, and a mark made by hand before that rule is undone when the page is shown.
import { clipText, formatNumber, formatPercent } from '../lib/format.js';
import { PASS_FRACTION, passMark as badgePassMark } from '../lib/badge-pass-rule.js';

const PREFIX = 'dw:';

const memory = new Map();
const store = (() => {
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
})();

function read(key) {
  try {
    const raw = store ? store.getItem(PREFIX + key) : memory.get(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
function write(key, value) {
  const raw = JSON.stringify(value);
  try {
    if (store) store.setItem(PREFIX + key, raw); else memory.set(key, raw);
  } catch {
    memory.set(key, raw); // quota exceeded or storage revoked: keep it for this page at least
  }
}
function keys() {
  if (!store) return [...memory.keys()];
  const out = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k && k.startsWith(PREFIX)) out.push(k.slice(PREFIX.length));
    }
  } catch { /* storage revoked mid-way: report what we saw */ }
  return out;
}

// A lesson's record as saved, checked when read: storage can be edited by hand or damaged, and
// nothing shown or counted may come from a value no report could have written. A lesson is
// complete only when `complete` is true; an activity keeps only what is well formed: a title that
// is text, complete when true, a max that is a whole number 1…MAX_COUNT, a best and a score that
// are whole numbers 0…max (without a usable max, neither), answers as sanitizeAnswers reads them.
// An activity that is not an object is dropped.
const MAX_COUNT = 1000; // more than any game or check reports (a percentage, a test set of 360)
const MAX_NAME = 60;
export function sanitizeActivity(a) {
  if (!a || typeof a !== 'object' || Array.isArray(a)) return null;
  const out = {};
  if (typeof a.title === 'string' && a.title.trim()) out.title = clipText(a.title, 80);
  // Keys in the order a report writes them (title, score, max, best), so that reading and saving a
  // record unchanged leaves its stored text unchanged.
  const max = Number.isInteger(a.max) && a.max >= 1 && a.max <= MAX_COUNT ? a.max : undefined;
  const count = (v) => max !== undefined && Number.isInteger(v) && v >= 0 && v <= max;
  if (count(a.score)) out.score = a.score;
  if (max !== undefined) out.max = max;
  if (count(a.best)) out.best = a.best;
  out.complete = a.complete === true;
  // Only a record with no result says the outcome was seen first (recordSeenFirst).
  if (a.seenFirst === true && out.best === undefined && !out.complete) out.seenFirst = true;
  const answers = sanitizeAnswers(a.answers);
  if (answers) out.answers = answers;
  return out;
}
export function sanitizeLesson(s) {
  const out = { complete: !!s && typeof s === 'object' && s.complete === true, activities: {} };
  const activities = s && typeof s === 'object' && s.activities && typeof s.activities === 'object' && !Array.isArray(s.activities) ? s.activities : {};
  for (const [name, a] of Object.entries(activities)) {
    if (name.length > MAX_NAME || name === '__proto__') continue;
    const record = sanitizeActivity(a);
    if (record) out.activities[name] = record;
  }
  return out;
}
export function lessonState(slug) {
  return sanitizeLesson(read(`lesson:${slug}`));
}
function saveLesson(slug, state) { write(`lesson:${slug}`, state); }

// Tells other modules (web/js/lms.js reports it to a learning platform) when a lesson's
// completion changes, whether by finishing its activities or by the manual button.
export function setLessonComplete(slug, complete) {
  const s = lessonState(slug);
  const changed = s.complete !== !!complete;
  s.complete = !!complete;
  saveLesson(slug, s);
  if (changed && typeof document !== 'undefined') {
    document.dispatchEvent(new CustomEvent('dw:lesson-complete', { detail: { lesson: slug, complete: s.complete } }));
  }
}

// Per-question first results of a multi-question activity (the check-yourself block): one entry a
// question, true (first answer right), false (first answer wrong) or null (not answered yet).
// Anything else reads as "no answers".
const MAX_ANSWERS = 100;
export function sanitizeAnswers(value) {
  if (!Array.isArray(value) || value.length > MAX_ANSWERS) return undefined;
  return value.map((v) => (v === true || v === false ? v : null));
}

// The first answer to a question is the one that counts, whichever visit gave it: an entry already
// true or false never changes; a null one takes the new value. Answers for another number of
// questions belong to another version of the block (the lesson was edited) and are replaced.
function mergeAnswers(stored, reported) {
  if (!reported) return stored;
  if (!stored || stored.length !== reported.length) return reported;
  return stored.map((v, i) => (v === null ? reported[i] : v));
}

// A report's title when it is text, else the record's, else the activity's name.
const titleOf = (detail, prev, name) => (typeof detail.title === 'string' && detail.title.trim() ? detail.title : prev.title || name);

const countRight = (answers) => answers.filter((v) => v === true).length;

export function recordActivity(slug, detail, complete) {
  const name = String(detail.widget || 'activity').slice(0, 60);
  const s = lessonState(slug);
  const prev = s.activities[name] || {};
  let score = Number.isFinite(detail.score) ? detail.score : prev.score;
  const max = Number.isFinite(detail.max) ? detail.max : prev.max;
  const prevAnswers = sanitizeAnswers(prev.answers);
  const reported = sanitizeAnswers(detail.answers);
  // Saved before answers were kept per question, for the same questions: a finished block already
  // had every first answer, so its best stands and later answers are practice (nothing of them is
  // kept, or a later visit would count them); an unfinished one cannot tell which questions were
  // answered, so it keeps the higher of the two.
  const legacy = reported && !prevAnswers && Number.isFinite(prev.best) && prev.max === max;
  const answers = legacy && prev.complete ? undefined : mergeAnswers(prevAnswers, reported);
  // A best is a count out of its own max: one made out of another max (draw-boundary's points,
  // a check edited to more questions) is another game's and is never compared as a count, or
  // "best 78 of 4" could follow. The record with the higher share stands, its best with its max.
  if (!reported && Number.isFinite(prev.best) && Number.isFinite(prev.max) && Number.isFinite(max) && prev.max !== max) {
    const share = (v, m) => (m > 0 ? v / m : 0);
    const keep = detail.firstTry !== true && !(Number.isFinite(score) && share(score, max) > share(prev.best, prev.max));
    const record = keep
      ? { ...prev, title: clipText(titleOf(detail, prev, name), 80), complete: !!(prev.complete || complete) }
      : { title: clipText(titleOf(detail, prev, name), 80), score, max, best: score, complete: !!(prev.complete || complete) };
    if (!Number.isFinite(record.best)) delete record.best;
    s.activities[name] = record;
    saveLesson(slug, s);
    return s;
  }
  let best;
  if (reported) {
    // The best is what the first answers earned: a later try never raises it.
    if (legacy) best = prev.complete ? prev.best : Math.max(prev.best, countRight(answers));
    else best = countRight(answers);
    score = best;
  } else if (detail.firstTry === true) {
    // A first-try check (e.g. a 'predict:*' box): the first score ever recorded is the one that counts.
    best = Number.isFinite(prev.best) ? prev.best : score;
  } else {
    best = Number.isFinite(score) && (!Number.isFinite(prev.best) || score > prev.best) ? score : prev.best;
  }
  const record = { title: clipText(titleOf(detail, prev, name), 80), score, max, best, complete: !!(prev.complete || complete) };
  if (answers) record.answers = answers;
  s.activities[name] = record;
  saveLesson(slug, s);
  return s;
}

// A predict box's outcome was on screen before any prediction (detail { widget, title }): its record
// says so and claims nothing more, no score and not complete. A recorded result stands: the mark
// never replaces one (a first prediction recorded, then the outcome seen again on a later visit).
export function recordSeenFirst(slug, detail) {
  const name = String(detail.widget || 'activity').slice(0, 60);
  const s = lessonState(slug);
  const prev = s.activities[name] || {};
  if (Number.isFinite(prev.best) || prev.complete) return s;
  s.activities[name] = { title: clipText(titleOf(detail, prev, name), 80), complete: false, seenFirst: true };
  saveLesson(slug, s);
  return s;
}

// Replaces a lesson's saved progress with progress kept elsewhere: a learning platform's suspend
// data (web/js/lms.js). There the platform, not this browser, knows who the learner is, so its
// record wins over whatever an earlier user of this browser left. Re-renders the page.
export function restoreLessonState(slug, saved) {
  const s = sanitizeLesson(saved);
  saveLesson(slug, s);
  if (typeof document !== 'undefined' && document.readyState !== 'loading') refresh();
  return s;
}

export function resetProgress() {
  for (const k of keys()) {
    try { if (store) store.removeItem(PREFIX + k); } catch { /* ignore */ }
    memory.delete(k);
  }
}

function completedCount(slugs) { return slugs.filter((s) => lessonState(s).complete).length; }

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// <div class="course-progress" data-lessons="a b c"> → "n of m lessons complete" + a bar.
function renderBars() {
  for (const host of document.querySelectorAll('.course-progress[data-lessons]')) {
    const slugs = host.dataset.lessons.split(/\s+/).filter(Boolean);
    const done = completedCount(slugs);
    if (!host.firstChild) {
      const label = make('span', 'course-progress-label');
      const bar = make('progress', 'course-progress-bar');
      host.append(label, bar);
    }
    const label = host.querySelector('.course-progress-label');
    const bar = host.querySelector('.course-progress-bar');
    label.textContent = `Course progress: ${formatNumber(done, 0)} of ${formatNumber(slugs.length, 0)} lessons complete`;
    bar.max = Math.max(1, slugs.length);
    bar.value = done;
    bar.setAttribute('aria-label', label.textContent);
  }
}

// A lesson's tick says it was worked through (every activity played, or marked by hand), not how
// well: so beside it the card shows its check-yourself result, first tries as the level sums count
// them, and a learner never reads "✓ Completed" alone over 0 of 4 right.
function checksText(state) {
  const a = state.activities['check-yourself'];
  if (!a || !Number.isFinite(a.best) || !Number.isFinite(a.max)) return '';
  return `Check yourself: ${formatNumber(a.best, 0)} of ${formatNumber(a.max, 0)} right at the first try${a.complete ? '' : ' (not finished)'}`;
}

// Whether the home page ticks a lesson: marked complete and, on a lesson completed only by its
// activities (the badge challenge), every one of them finished.
function homeTicked(item, state) {
  return state.complete && (item.dataset.completion !== 'activities'
    || activitiesFinished(state, (item.dataset.activities || '').split(/\s+/).filter(Boolean)));
}

function renderHomeTicks() {
  for (const item of document.querySelectorAll('.lesson-list [data-lesson]')) {
    const state = lessonState(item.dataset.lesson);
    const done = homeTicked(item, state);
    let tick = item.querySelector('.lesson-done');
    if (done && !tick) {
      tick = make('em', 'lesson-done', '✓ Completed');
      // Before the card's link: the tick floats, and the title's lines flow round what precedes them.
      item.prepend(tick);
    } else if (!done && tick) tick.remove();
    item.classList.toggle('is-complete', done);
    const checks = checksText(state);
    const card = item.querySelector('a') || item;
    let line = item.querySelector('.lesson-checks');
    if (checks && !line) {
      line = make('span', 'lesson-checks');
      card.append(line);
    }
    if (line) {
      if (checks) line.textContent = checks;
      else line.remove();
    }
  }
}

// The lesson a node belongs to: its .lesson-complete[data-lesson] host. A page normally holds one
// lesson; the single-file build's course.html holds every lesson, each in its own element marked
// data-lesson-scope (scripts/build-single.mjs), and a node belongs to the lesson whose scope holds
// it, so each lesson's reports are kept under its own slug as on its own page.
export function lessonHost(node) {
  const scope = node && typeof node.closest === 'function' ? node.closest('[data-lesson-scope]') : null;
  return (scope || document).querySelector('.lesson-complete[data-lesson]');
}
const scopeOf = (host) => (host && host.closest('[data-lesson-scope]')) || document;

// The games and checks of a lesson (names as in web/widgets/registry.js).
function pageActivities(host) {
  return host && host.dataset.activities ? host.dataset.activities.split(/\s+/).filter(Boolean) : [];
}

// An activity not yet reported, named as its reports will name it: the title its reports carry
// where that is not its card's (data-report-title, written by the lesson build from the widget's
// message table: scripts/lesson-render.mjs reportTitle), else its card's title, which is then the
// same. So a row of the panel keeps its name once the activity is played.
function activityTitle(name, scope = document) {
  for (const mount of scope.querySelectorAll('.dw-mount[data-widget]')) {
    if (mount.dataset.widget !== name) continue;
    if (mount.dataset.reportTitle) return mount.dataset.reportTitle;
    const title = mount.querySelector('.dw-title');
    if (title && title.textContent) return title.textContent;
  }
  const block = name === 'check-yourself' && scope.querySelector('section[data-check-yourself] h2');
  if (block && block.textContent) return block.textContent;
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// One line of the panel. A check's saved result is its first answers, never a best of tries, so
// it reads as the home page says it; so does a prediction's (a 'predict:*' record keeps the first
// verdict, and any verdict completes it: web/lib/predict.js); a badge attempt is only reported once
// it has ended, so one below the pass mark says what was missing, not that it is unfinished.
function describeActivity(name, a, scope) {
  const title = a.title || activityTitle(name, scope);
  if (a.seenFirst && name.startsWith('predict:')) return `• ${title} — outcome seen before a prediction: tries here are practice, none is recorded`;
  // A game whose answer was shown on the points its lesson opens with before any score of it
  // (web/lib/shown-answers.js): unfinished, and a round on those points is practice.
  if (a.seenFirst) return `• ${title} (not finished yet) — answer shown before a score of yours: rounds on the points the lesson opens with are practice`;
  const scored = Number.isFinite(a.best) && Number.isFinite(a.max);
  if (scored && name.startsWith('predict:')) return `${a.complete ? '✓' : '•'} ${title} — first prediction ${a.best >= 1 ? 'held' : 'did not hold'}`;
  const firstTries = name === 'check-yourself' || Array.isArray(a.answers);
  let score = '';
  const best = formatNumber(a.best, 0);
  const max = formatNumber(a.max, 0);
  if (scored) score = firstTries ? ` — ${best} of ${max} right at the first try` : ` — best ${best} of ${max}`;
  let unfinished = ' (not finished yet)';
  if (name === BADGE_ACTIVITY && scored) unfinished = ` (${formatNumber(badgePassMark(a.max), 0)} needed to pass)`;
  return `${a.complete ? '✓' : '•'} ${title}${score}${a.complete ? '' : unfinished}`;
}

function activitiesFinished(state, names) {
  return names.every((name) => state.activities[name] && state.activities[name].complete);
}

function renderLessonPanel(host) {
  const slug = host.dataset.lesson;
  const scope = scopeOf(host);
  const expected = pageActivities(host);
  const byActivitiesOnly = host.dataset.completion === 'activities';
  if (byActivitiesOnly && lessonState(slug).complete && !activitiesFinished(lessonState(slug), expected)) setLessonComplete(slug, false);
  const state = lessonState(slug);
  if (!host.firstChild) {
    const list = make('ul', 'lesson-activities');
    const btn = make('button', 'dw-btn');
    btn.type = 'button';
    btn.addEventListener('click', () => {
      setLessonComplete(slug, !lessonState(slug).complete);
      refresh();
    });
    host.append(make('p', 'lesson-complete-status'), list, btn);
  }
  const status = host.querySelector('.lesson-complete-status');
  const list = host.querySelector('.lesson-activities');
  const btn = host.querySelector('button');
  const finished = expected.filter((name) => state.activities[name] && state.activities[name].complete).length;
  if (state.complete) status.textContent = '✓ You have completed this lesson.';
  else if (byActivitiesOnly) {
    const noun = expected.length === 1 ? 'the activity' : `all ${expected.length} activities`;
    status.textContent = `Only finishing ${noun} on this page completes this lesson (${finished} of ${expected.length} done).`;
  } else if (expected.length) {
    const noun = expected.length === 1 ? 'activity' : 'activities';
    status.textContent = `Finish the ${expected.length === 1 ? '' : `${expected.length} `}${noun} on this page to complete the lesson (${finished} of ${expected.length} done), or mark it complete yourself.`;
  } else {
    // The single-file edition has no home page: its course file (course.html) lists the ticks.
    const where = document.documentElement.hasAttribute('data-single-file') ? 'in the whole-course file (course.html)' : 'on the home page';
    status.textContent = `Finished reading and trying things out? Mark the lesson complete to tick it off ${where}.`;
  }
  btn.hidden = byActivitiesOnly;
  btn.textContent = state.complete ? 'Mark as not complete' : 'Mark this lesson complete';
  btn.setAttribute('aria-pressed', String(state.complete));
  // Every activity of the page, finished or not, then anything else this lesson recorded.
  const rows = expected.map((name) => [name, state.activities[name] || { title: activityTitle(name, scope), complete: false }]);
  for (const [name, a] of Object.entries(state.activities)) if (!expected.includes(name)) rows.push([name, a]);
  list.replaceChildren(...rows.map(([name, a]) => make('li', a.complete ? 'is-complete' : '', describeActivity(name, a, scope))));
}

// Home page, per level: the check-yourself questions answered right at the first try, summed
// over the level's lessons that have a check-yourself block (.level-checks[data-lessons]).
function renderLevelChecks() {
  for (const host of document.querySelectorAll('.level-checks[data-lessons]')) {
    const slugs = host.dataset.lessons.split(/\s+/).filter(Boolean);
    let right = 0;
    let asked = 0;
    let lessons = 0;
    for (const slug of slugs) {
      const a = lessonState(slug).activities['check-yourself'];
      if (!a || !Number.isFinite(a.best) || !Number.isFinite(a.max)) continue;
      right += a.best;
      asked += a.max;
      if (a.complete) lessons += 1;
    }
    host.textContent = asked
      ? `Check yourself: ${formatNumber(right, 0)} of ${formatNumber(asked, 0)} questions right at the first try; ${formatNumber(lessons, 0)} of ${formatNumber(slugs.length, 0)} lesson${slugs.length === 1 ? '' : 's'} fully checked.`
      : `Check yourself: ${formatNumber(slugs.length, 0)} lesson${slugs.length === 1 ? ' ends' : 's end'} with questions; none answered yet.`;
  }
}

// Home page: the Machine Learning badge, from the badge lesson's own record (what its challenge
// reported on the lesson page), the record the lesson's tick comes from, so the medal shows exactly
// when the lesson is ticked. The challenge's "dw:badge" key is not read here: embeds write it too
// (embed.html has no progress panel), and an attempt made outside the course would put a medal or a
// best score beside an unticked lesson. Its pass rule is read from the badge's one statement of it
// (web/lib/badge-pass-rule.js).
const BADGE_LESSON = 'badge';
const BADGE_ACTIVITY = 'ml-badge';
function renderBadge() {
  const slot = document.querySelector('.badge-slot');
  if (!slot) return;
  const state = lessonState(BADGE_LESSON);
  const item = document.querySelector(`.lesson-list [data-lesson="${BADGE_LESSON}"]`);
  const a = state.activities[BADGE_ACTIVITY];
  const passed = item ? homeTicked(item, state) : state.complete && !!(a && a.complete);
  const scored = !!a && Number.isFinite(a.best) && Number.isFinite(a.max);
  slot.replaceChildren();
  if (!passed && !scored) {
    slot.hidden = true;
    return;
  }
  const link = make('a', '', passed ? 'Machine Learning badge earned' : `Best so far: ${formatNumber(a.best, 0)} of ${formatNumber(a.max, 0)} — pass with ${formatPercent(PASS_FRACTION, 0)}`);
  link.href = 'lessons/badge.html';
  if (passed) {
    const medal = make('div', 'dw-badge-medal');
    medal.append(make('span', 'dw-badge-ml', 'ML'));
    if (scored) medal.append(make('span', 'dw-badge-sub', `${formatNumber(a.best, 0)}/${formatNumber(a.max, 0)}`));
    const text = make('div', 'dw-badge-text');
    text.append(make('strong', '', ''), make('span', '', 'Earned in the challenge lesson'));
    text.firstChild.append(link);
    slot.append(medal, text);
    slot.className = 'badge-slot dw-badge';
  } else {
    slot.append(link);
    slot.className = 'badge-slot';
  }
  slot.hidden = false;
}

function refresh() {
  renderBars();
  renderHomeTicks();
  renderLevelChecks();
  renderBadge();
  for (const host of document.querySelectorAll('.lesson-complete[data-lesson]')) renderLessonPanel(host);
}

// A report is kept for the lesson of the element that sent it (its card, or the check's section).
function onReport(event, complete) {
  const host = lessonHost(event.target);
  if (!host || !event.detail || typeof event.detail !== 'object') return;
  const slug = host.dataset.lesson;
  const state = recordActivity(slug, event.detail, complete);
  const expected = pageActivities(host);
  if (complete && expected.length && expected.every((name) => state.activities[name] && state.activities[name].complete)) {
    setLessonComplete(slug, true);
  }
  refresh();
}

// A predict box's 'dw:seen-first', kept for the lesson of the box that sent it.
function onSeenFirst(event) {
  const host = lessonHost(event.target);
  if (!host || !event.detail || typeof event.detail !== 'object') return;
  recordSeenFirst(host.dataset.lesson, event.detail);
  refresh();
}

// A widget's question 'dw:recorded' (web/lib/report.js, recordedResult), answered on a lesson
// page with a copy of the lesson's record of that activity (the one its reports are kept in).
function onRecordedQuery(event) {
  const host = lessonHost(event.target);
  const slug = host && host.dataset.lesson;
  const detail = event.detail;
  if (!slug || !detail || typeof detail !== 'object') return;
  const record = lessonState(slug).activities[String(detail.widget || 'activity').slice(0, 60)];
  detail.record = record && typeof record === 'object' ? { ...record } : { complete: false };
}

function init() {
  document.addEventListener('dw:score', (e) => onReport(e, false));
  document.addEventListener('dw:complete', (e) => onReport(e, true));
  document.addEventListener('dw:seen-first', onSeenFirst);
  for (const host of document.querySelectorAll('.progress-reset')) {
    const btn = make('button', 'dw-btn', 'Reset progress');
    btn.type = 'button';
    btn.addEventListener('click', () => {
      if (typeof window.confirm === 'function' && !window.confirm('Forget every completed lesson and game score saved in this browser?')) return;
      resetProgress();
      refresh();
      btn.textContent = 'Progress reset';
      setTimeout(() => { btn.textContent = 'Reset progress'; }, 2000);
    });
    host.append(btn);
  }
  // The panel names unplayed activities by their cards' titles, which exist once widgets mount.
  document.addEventListener('dw:widgets-mounted', refresh);
  // Another tab finished a lesson: keep this page in step.
  window.addEventListener('storage', (e) => { if (!e.key || e.key.startsWith(PREFIX)) refresh(); });
  refresh();
}

if (typeof document !== 'undefined') {
  // Answered from the start, before any widget mounts (lesson.js imports this module through reveal.js).
  document.addEventListener('dw:recorded', onRecordedQuery);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}

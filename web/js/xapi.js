// Every game and check also reports its result as an xAPI-shaped statement, so a host page
// connected to a Learning Record Store can record it without knowing our event format. One
// listener on the document translates the widgets' own events (no widget knows about xAPI):
//   'dw:score'    (an attempt)                 → verb "scored" ("answered" for check-yourself)
//   'dw:complete' (the game or check finished) → verb "completed"
// and dispatches a bubbling, composed CustomEvent 'dw:xapi' from the same element, its detail a
// statement without actor (the host knows who the learner is; we do not) and without timestamp
// or id (the host's LRS client adds those when it sends the statement):
//   { verb: { id, display: { 'en-US' } },
//     object: { objectType: 'Activity', id, definition: { name: { 'en-US' }, type } },
//     result: { score: { raw, min, max, scaled }, completion, success } }
// The object id is the page's address (without query or hash) followed by #widget-name; when a
// page holds several widgets of one name, the second is #widget-name-2, the third -3 … in page
// order (as their keys in the address are named, web/lib/widget.js). An embedder names the
// activity itself with <dw-widget activity="…"> or the iframe's activity= parameter: a full IRI
// (https://…, urn:…) is the id as it is; any other text replaces the fragment (#week1-practice).
// `success` is given on completion only: a game that completes only when it is passed says so
// (detail.passed, e.g. the badge at 18 of 22 or Draw the boundary at 78 of 80); otherwise true
// when the score reaches the game's pass mark (detail.passMark, the sorting games'), or, for an
// activity without either (a first pick, check-yourself), full marks.

import { clipText } from '../lib/format.js';

const VERBS = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
};
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const INTERACTION = 'http://adlnet.gov/expapi/activities/interaction';

// The object id for `widget` on the page at `pageUrl`; `activity` is an embedder's own name or
// IRI for it (see above), or the instance's fragment (widget-name-2).
export function activityId(widget, pageUrl, activity) {
  const page = String(pageUrl || 'urn:data-workshop').split(/[?#]/)[0];
  const text = typeof activity === 'string' ? activity.trim() : '';
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) return text.slice(0, 500);
  return `${page}#${encodeURIComponent(text ? text.slice(0, 80) : widget)}`;
}

// The activity name an event's element carries: the `activity` attribute of its <dw-widget>, or
// the iframe's activity= parameter (kept as data-dw-activity on the embed's mount point); else,
// for the second and later widget of one name on the page, its instance name (NAME-2, NAME-3, …).
export function activityOf(target, widget) {
  if (!target || typeof target.closest !== 'function') return '';
  const named = target.closest('dw-widget[activity], [data-dw-activity]');
  const given = named ? (named.getAttribute('activity') ?? named.getAttribute('data-dw-activity') ?? '').trim() : '';
  if (given) return given;
  const host = target.closest('dw-widget, .dw-mount');
  if (!host || !host.ownerDocument) return '';
  const same = host.localName === 'dw-widget'
    ? [...host.ownerDocument.querySelectorAll('dw-widget')].filter((h) => h.getAttribute('name') === widget)
    : [...host.ownerDocument.querySelectorAll('.dw-mount')].filter((h) => h.dataset.widget === widget);
  const index = same.indexOf(host);
  return index > 0 ? `${widget}-${index + 1}` : '';
}

// Builds the statement for one widget event. Pure: tested in Node (tests/node/scorm.test.mjs).
export function statementFor(type, detail, pageUrl, activity) {
  const d = detail && typeof detail === 'object' ? detail : {};
  const widget = String(d.widget || 'activity').slice(0, 60);
  const title = clipText(d.title || widget, 80);
  const complete = type === 'dw:complete';
  const verb = complete ? 'completed' : widget === 'check-yourself' ? 'answered' : 'scored';
  const result = { completion: complete };
  if (Number.isFinite(d.score) && Number.isFinite(d.max) && d.max > 0) {
    // xAPI: scaled ∈ [-1, 1], raw between min and max.
    const raw = Math.min(Math.max(d.score, 0), d.max);
    result.score = { raw, min: 0, max: d.max, scaled: Math.round((raw / d.max) * 10000) / 10000 };
    // Success is reaching the activity's aim: a game with a pass mark (the sorting games: 9 of
    // 12) says so in `passMark`, and a round it completes is a success; otherwise full marks.
    const mark = Number.isFinite(d.passMark) && d.passMark > 0 ? Math.min(d.passMark, d.max) : d.max;
    if (complete) result.success = typeof d.passed === 'boolean' ? d.passed : raw >= mark;
  }
  return {
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: {
      objectType: 'Activity',
      id: activityId(widget, pageUrl, activity),
      definition: { name: { 'en-US': title }, type: widget === 'check-yourself' ? ASSESSMENT : INTERACTION },
    },
    result,
  };
}

function relay(event) {
  const target = event.target && typeof event.target.dispatchEvent === 'function' ? event.target : document;
  const widget = event.detail && typeof event.detail === 'object' ? String(event.detail.widget || 'activity').slice(0, 60) : 'activity';
  const statement = statementFor(event.type, event.detail, location.href, activityOf(event.target, widget));
  target.dispatchEvent(new CustomEvent('dw:xapi', { bubbles: true, composed: true, detail: statement }));
}

// Installed once per page, whichever script (lesson page, embed.js, embed.html) loads it first:
// a module runs once however many scripts import it.
if (typeof document !== 'undefined') {
  document.addEventListener('dw:score', relay);
  document.addEventListener('dw:complete', relay);
}

// The iframe embed: embed.html?w=fit-line&seed=3 mounts one widget with options from the URL
// (kebab-case names as in docs/embedding.md; camelCase and lower-case spellings are accepted
// too; unknown names are reported in a note like a bad value), reports its height to the
// parent page (postMessage {type: 'dw:resize', height}: the height of the content, so the iframe
// shrinks as well as grows) so the iframe can size itself (web/embed-resize.js does that for the
// parent), and forwards the widget's 'dw:score' / 'dw:complete' events, and each result as an
// xAPI statement ('dw:xapi', web/js/xapi.js), as postMessage. Incoming messages are validated:
// {type: 'dw:update', options: {...}} updates the widget; everything else is ignored.
// `activity=` is not an option: it names the xAPI activity (web/js/xapi.js). A bare name is read
// against this page's address (embed.html#NAME), as <dw-widget>'s `activity` is against its page:
// the parent page's address is not ours to know (document.referrer holds at most the parent's
// origin across origins, and nothing under a no-referrer policy), and an id that changed with the
// referrer policy would split one activity in the record store. docs/embedding.md says so.
import { loadWidget, widgetNames } from '../widgets/registry.js';
import { MOUNT_CONTEXT } from '../lib/widget.js';
import './xapi.js'; // adds 'dw:xapi' (an xAPI statement) to each result, forwarded below

const params = new URLSearchParams(location.search);
const root = document.getElementById('widget');
const name = params.get('w') || '';
let handle = null;

// Every parameter but the first `w` (the widget's name; a later w is an option, such as the
// tip predictor's slope) and `activity`.
function queryOptions(search) {
  const options = {};
  let sawName = false;
  for (const [key, value] of search) {
    if (key === 'w' && !sawName) { sawName = true; continue; }
    if (key.toLowerCase() === 'activity') continue;
    options[key] = value;
  }
  return options;
}

function post(message) {
  if (window.parent !== window) window.parent.postMessage({ source: 'data-workshop', widget: name, ...message }, '*');
}

const activity = [...params].find(([key]) => key.toLowerCase() === 'activity');
if (activity && activity[1].trim()) root.dataset.dwActivity = activity[1].trim().slice(0, 500);

try {
  const module = await loadWidget(name);
  document.title = `${module.meta.title} — Data Workshop`;
  handle = module.mount(root, { ...queryOptions(params), [MOUNT_CONTEXT]: { name, source: 'address' } });
  root.dwHandle = handle; // as lesson pages keep it on the mount point (for tests and page scripts)
} catch {
  const p = document.createElement('p');
  p.className = 'dw-message';
  p.dataset.tone = 'bad';
  p.textContent = name ? `Unknown widget "${name.slice(0, 40)}". Available: ${widgetNames().join(', ')}.` : `Add ?w=NAME to the address. Available widgets: ${widgetNames().join(', ')}.`;
  root.append(p);
}

// The content's height: where #widget ends, or an open Share panel below it, plus the body's
// bottom margin. Not the document's scrollHeight, which is never less than the frame itself, so a
// frame once made taller than its widget (or a widget that shrank, after a dw:update) would never
// be told to shrink. The Share panel (web/lib/share.js) is positioned absolutely, over the card,
// so #widget's box leaves it out: on a short widget it reaches past the card's bottom.
const OPEN_SHARE_PANELS = '.dw-share[open] > .dw-share-panel';
function contentHeight() {
  const bottom = Math.max(...[root, ...root.querySelectorAll(OPEN_SHARE_PANELS)].map((e) => e.getBoundingClientRect().bottom)) + window.scrollY;
  const margin = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
  return Math.ceil(bottom + margin);
}
let lastHeight = 0;
function reportHeight() {
  const height = contentHeight();
  if (height !== lastHeight) { lastHeight = height; post({ type: 'dw:resize', height }); }
}
const resized = new ResizeObserver(reportHeight);
resized.observe(root);
resized.observe(document.body);
// A Share panel opening or closing moves no box the observer watches ('toggle' does not bubble,
// so it is caught on the way down); once opened, the panel is watched too, as its status line
// ("Copied") changes its height.
root.addEventListener('toggle', (event) => {
  const panel = event.target.querySelector(':scope > .dw-share-panel');
  if (panel) resized.observe(panel);
  reportHeight();
}, true);

for (const type of ['dw:score', 'dw:complete', 'dw:xapi']) {
  document.addEventListener(type, (event) => {
    const detail = event.detail && typeof event.detail === 'object' ? event.detail : {};
    post({ type, detail: JSON.parse(JSON.stringify(detail)) });
  });
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'dw:update' || !handle) return;
  if (!data.options || typeof data.options !== 'object' || Array.isArray(data.options)) return;
  handle.update(data.options, 'update');
});

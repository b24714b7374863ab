// The iframe embed: embed.html?w=fit-line&seed=3 mounts one widget with options from the URL
// (kebab-case names as in docs/embedding.md; camelCase and lower-case spellings are accepted
// too; unknown names are reported in a note like a bad value), reports its height to the
// parent page (postMessage {type: 'dw:resize', height}) so the iframe can size itself, and
// forwards the widget's 'dw:score' / 'dw:complete' events, and each result as an xAPI statement
// ('dw:xapi', web/js/xapi.js), as postMessage. Incoming messages are validated:
// {type: 'dw:update', options: {...}} updates the widget; everything else is ignored.
import { loadWidget, widgetNames } from '../widgets/registry.js';
import { MOUNT_CONTEXT } from '../lib/widget.js';
import './xapi.js'; // adds 'dw:xapi' (an xAPI statement) to each result, forwarded below

const params = new URLSearchParams(location.search);
const root = document.getElementById('widget');
const name = params.get('w') || '';
let handle = null;

// Every parameter but the first `w` (the widget's name; a later w is an option, such as the
// tip predictor's slope).
function queryOptions(search) {
  const options = {};
  let sawName = false;
  for (const [key, value] of search) {
    if (key === 'w' && !sawName) { sawName = true; continue; }
    options[key] = value;
  }
  return options;
}

function post(message) {
  if (window.parent !== window) window.parent.postMessage({ source: 'data-workshop', widget: name, ...message }, '*');
}

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

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== lastHeight) { lastHeight = height; post({ type: 'dw:resize', height }); }
}).observe(document.body);

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

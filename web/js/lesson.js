// Mounts every widget placeholder on a lesson page: <div class="dw-mount" data-widget="name"
// data-options='{"seed":3}'></div> (written by scripts/build-site.mjs from lesson directives).
import { loadWidget } from '../widgets/registry.js';
import { english } from '../lib/messages.js';
import { tableWrap } from '../lib/table.js';
import { openSavedReveals, watchReveals } from './reveal.js';
import './glossary-popup.js';

async function mountAll() {
  const handles = [];
  for (const host of document.querySelectorAll('.dw-mount[data-widget]')) {
    let options = {};
    try {
      options = JSON.parse(host.dataset.options || '{}');
    } catch {
      options = {};
    }
    try {
      const module = await loadWidget(host.dataset.widget);
      host.dwHandle = module.mount(host, options);
      handles.push(host.dwHandle);
    } catch (err) {
      const p = document.createElement('p');
      p.className = 'dw-message';
      p.dataset.tone = 'bad';
      p.textContent = err.message;
      host.append(p);
    }
  }
  return handles;
}

// Display formulas wider than the text column (long derivations on a phone) are scaled down to
// fit, to no less than MIN_FORMULA_SCALE of the text size; beyond that they scroll sideways in
// their own box (site.css), never the page. Re-fitted whenever a formula's width changes: on
// resize, and when a hidden derivation step is revealed.
const MIN_FORMULA_SCALE = 0.7;
const fittedWidth = new WeakMap();

function fitFormula(box) {
  const width = box.clientWidth;
  if (!width || fittedWidth.get(box) === width) return;
  fittedWidth.set(box, width);
  box.style.fontSize = '';
  if (box.scrollWidth > width + 1) box.style.fontSize = `${Math.max(MIN_FORMULA_SCALE, width / box.scrollWidth).toFixed(3)}em`;
}

// Fitting changes the box's height, so it runs in the next frame rather than inside the
// observer's callback (which would otherwise be notified again within the same frame).
const formulaObserver = new ResizeObserver((entries) => {
  requestAnimationFrame(() => entries.forEach((entry) => fitFormula(entry.target)));
});
function observeFormulas() {
  for (const box of document.querySelectorAll('.katex-display')) formulaObserver.observe(box);
}

observeFormulas();

// The lesson's own Markdown tables scroll in the same wrapper as widget tables, with the same
// "scroll for more" line. They live as long as the page, so nothing they create is ever released.
const pageContext = { own: (thing) => thing, listen: (target, type, fn, options) => target.addEventListener(type, fn, options), t: english };
// A header's words as a screen reader reads them: typeset maths once, from its MathML, without
// the TeX source or the drawn copy beside it.
function headerText(th) {
  const copy = th.cloneNode(true);
  for (const node of copy.querySelectorAll('.katex-html, annotation')) node.remove();
  return copy.textContent.replace(/\s+/g, ' ').trim();
}
function wrapLessonTables() {
  for (const table of document.querySelectorAll('.prose table')) {
    if (table.closest('.dw-mount, .dw-table-wrap')) continue;
    const columns = [...table.querySelectorAll('thead th')].map(headerText).filter(Boolean).join(', ');
    const wrapped = tableWrap(pageContext, null, { label: pageContext.t('table.lessonLabel', { columns }) });
    table.replaceWith(wrapped.element);
    wrapped.replace(table);
  }
}
wrapLessonTables();

// Reveal blocks belong to the widgets of their own lesson: per lesson scope in the single-file
// build's course.html (data-lesson-scope, scripts/build-single.mjs), else the whole page.
const lessonRoots = () => {
  const scopes = [...document.querySelectorAll('[data-lesson-scope]')];
  return scopes.length ? scopes : [document];
};
for (const root of lessonRoots()) watchReveals(root);
// Once every widget has built its card (or failed in words), the page says so: the progress
// panel then names each activity by its card's title.
mountAll().then(async (handles) => {
  observeFormulas();
  await Promise.allSettled(handles.map((h) => h && h.ready));
  for (const root of lessonRoots()) openSavedReveals(root);
  document.dispatchEvent(new CustomEvent('dw:widgets-mounted'));
});

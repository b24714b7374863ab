// Step-through derivation (Frontier lessons): reveals, one click at a time, the steps a lesson
// writes in its own Markdown inside <div class="dw-derivation-steps" id="…"><div class="dw-step">…</div>…</div>
// (typeset by KaTeX at build time). Without JavaScript the steps simply show as prose; with it,
// this card takes them over, hides the original block and shows one more step per "Next step".
// The widget computes nothing: it only reveals text the lesson already contains. Without a
// `steps` option (the gallery, an embed) it shows a short example of its own instead of an empty
// card: the slope of the squared error for one point, the first derivation of the course.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el, setDisabled } from '../lib/ui.js';
import { messages } from './derivation.messages.js';

export const schema = {
  steps: { type: 'string', default: '', maxLength: 80, description: 'id of the lesson block (class dw-derivation-steps) holding the steps.' },
  title: { type: 'string', default: 'Derivation, one step at a time', maxLength: 120, description: 'Card title.' },
};

export const meta = { title: messages['derivation.title'], hint: messages['derivation.hint'] };

export function mount(element, options) {
  const titled = { ...meta, title: (options && options.title) || meta.title };
  return mountWidget(element, options, { schema, meta: titled, build, messages });
}

// The lesson's block with this id: in the card's own document, or, for a card inside a shadow
// root (<dw-widget>), in the page around it, where the embedder wrote the steps.
function findSource(element, id) {
  if (!id || !/^[A-Za-z][\w-]*$/.test(id)) return null;
  let root = element.getRootNode ? element.getRootNode() : document;
  for (;;) {
    const found = root.getElementById ? root.getElementById(id) : null;
    if (found && found.classList.contains('dw-derivation-steps')) return found;
    if (!root.host || !root.host.getRootNode) break; // a document (or a detached tree)
    root = root.host.getRootNode();
  }
  return null;
}

// Plain text (the card is built without KaTeX), the words of the table (derivation.example.1 …
// 4); tests/node/derivation_example.test.mjs checks the numbers against the engine in English.
const EXAMPLE_COUNT = 4;
export const EXAMPLE_STEPS = Array.from({ length: EXAMPLE_COUNT }, (_, i) => messages[`derivation.example.${i + 1}`]);

function build(ctx) {
  const { card, options, element, t } = ctx;
  // The schema's default title is the table's: only a title an embedder chose replaces it.
  const title = options.title && options.title !== schema.title.default ? options.title : t('derivation.title');
  card.card.querySelector('.dw-title').textContent = title;
  card.card.setAttribute('aria-label', title);
  const source = findSource(element, options.steps);
  const list = el('ol', { className: 'derivation-list', tabindex: '0', 'aria-label': t('derivation.steps') });
  card.stage.append(list);
  const items = [];
  // Each step starts with its number as text in the page (a screen reader reads it, a translation
  // changes it), not as generated content.
  const numberedStep = (n) => el('li', { className: 'derivation-step' }, el('span', { className: 'derivation-step-number', text: t('derivation.stepNumber', { n }) }));
  if (source) {
    for (const step of source.querySelectorAll(':scope > .dw-step')) {
      const li = numberedStep(items.length + 1);
      for (const child of step.childNodes) li.append(child.cloneNode(true));
      li.hidden = true;
      list.append(li);
      items.push(li);
    }
    source.classList.add('derivation-taken');
    source.hidden = true;
  } else if (!options.steps) {
    for (let i = 1; i <= EXAMPLE_COUNT; i++) {
      const li = numberedStep(i);
      li.append(t(`derivation.example.${i}`));
      li.hidden = true;
      list.append(li);
      items.push(li);
    }
  }
  let shown = 0;

  const row = buttonRow(card.controls);
  const nextBtn = button(row, t('derivation.next'), () => reveal(shown + 1), { primary: true });
  const backBtn = button(row, t('derivation.back'), () => reveal(shown - 1));
  const allBtn = button(row, t('derivation.showAll'), () => reveal(items.length));
  const resetBtn = button(row, t('derivation.reset'), () => reveal(1));
  const progress = card.stat(t('derivation.stat.step'));

  function reveal(n) {
    shown = Math.max(items.length ? 1 : 0, Math.min(items.length, n));
    items.forEach((li, i) => {
      li.hidden = i >= shown;
      li.classList.toggle('derivation-current', i === shown - 1);
    });
    progress.set(t('derivation.progress', { shown, total: items.length }));
    // Next and Show all end the derivation and disable themselves: the focus moves to Back (or
    // Start again); Back at the first step hands it to Next.
    setDisabled(backBtn, shown <= 1, [nextBtn, resetBtn]);
    setDisabled(nextBtn, shown >= items.length, [backBtn, resetBtn]);
    setDisabled(allBtn, shown >= items.length, [backBtn, resetBtn]);
    if (!items.length) {
      card.setMessage(t('derivation.notFound', { id: options.steps }), 'warn');
    } else if (shown >= items.length) {
      card.setMessage(t('derivation.complete', { example: !source }), 'ok');
    } else {
      card.setMessage(t('derivation.stepOf', { shown, total: items.length }), 'info');
    }
  }

  const onKey = (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') { reveal(shown + 1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { reveal(shown - 1); e.preventDefault(); }
    else if (e.key === 'End') { reveal(items.length); e.preventDefault(); }
    else if (e.key === 'Home' || e.key === 'Escape') { reveal(1); e.preventDefault(); }
  };
  ctx.listen(list, 'keydown', onKey);
  reveal(1);

  // No update(): new options (another block, another title) build the card again.
  return {
    // What is truly the widget's own: the page's steps block it borrowed is put back.
    destroy() {
      if (source) { source.hidden = false; source.classList.remove('derivation-taken'); }
    },
  };
}

// Step-through derivation (Frontier lessons): reveals, one click at a time, the steps a lesson
// writes in its own Markdown inside <div class="dw-derivation-steps" id="…"><div class="dw-step">…</div>…</div>
// (typeset by KaTeX at build time). Without JavaScript the steps simply show as prose; with it,
// this card takes them over, hides the original block and shows one more step per "Next step".
// The widget computes nothing: it only reveals text the lesson already contains. Without a
// `steps` option (the gallery, an embed) it shows a short example of its own instead of an empty
// card: the slope of the squared error for one point, the first derivation of the course.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';

export const schema = {
  steps: { type: 'string', default: '', maxLength: 80, description: 'id of the lesson block (class dw-derivation-steps) holding the steps.' },
  title: { type: 'string', default: 'Derivation, one step at a time', maxLength: 120, description: 'Card title.' },
};

export const meta = {
  title: 'Derivation, one step at a time',
  hint: 'Press “Next step” (or focus the steps and press the right arrow) to reveal the argument line by line; “Show all” opens the whole proof.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta: { ...meta, title: (options && options.title) || meta.title }, build });
}

function findSource(element, id) {
  if (!id || !/^[A-Za-z][\w-]*$/.test(id)) return null;
  const root = element.getRootNode ? element.getRootNode() : document;
  const found = root.getElementById ? root.getElementById(id) : document.getElementById(id);
  return found && found.classList.contains('dw-derivation-steps') ? found : null;
}

// Plain text (the card is built without KaTeX); tests/node/derivation_example.test.mjs checks the
// numbers against the engine.
export const EXAMPLE_STEPS = [
  'For one point (x, y), the squared error of the line ŷ = w·x + b is L(w) = (w·x + b − y)².',
  'The chain rule: the outer square contributes 2·(w·x + b − y), the inner w·x + b contributes x, so dL/dw = 2·(w·x + b − y)·x.',
  'With x = 1, y = 4, w = 3 and b = 0 the error is 3 − 4 = −1, so dL/dw = 2·(−1)·1 = −2.',
  'A gradient step with η = 0.1 moves w against the slope: w ← 3 − 0.1·(−2) = 3.2. The intercept steps the same way, since dL/db = 2·(w·x + b − y) = −2 as well: b ← 0 − 0.1·(−2) = 0.2.',
];

function build(ctx) {
  const { card, options, element } = ctx;
  card.card.querySelector('.dw-title').textContent = options.title || meta.title;
  card.card.setAttribute('aria-label', options.title || meta.title);
  const source = findSource(element, options.steps);
  const list = el('ol', { className: 'dwf-derivation', tabindex: '0', 'aria-label': 'Derivation steps' });
  card.stage.append(list);
  const items = [];
  if (source) {
    for (const step of source.querySelectorAll(':scope > .dw-step')) {
      const li = el('li', { className: 'dwf-step' });
      for (const child of step.childNodes) li.append(child.cloneNode(true));
      li.hidden = true;
      list.append(li);
      items.push(li);
    }
    source.classList.add('dwf-taken');
    source.hidden = true;
  } else if (!options.steps) {
    for (const text of EXAMPLE_STEPS) {
      const li = el('li', { className: 'dwf-step', text });
      li.hidden = true;
      list.append(li);
      items.push(li);
    }
  }
  let shown = 0;

  const row = buttonRow(card.controls);
  const nextBtn = button(row, 'Next step', () => reveal(shown + 1), { primary: true });
  const backBtn = button(row, 'Back', () => reveal(shown - 1));
  const allBtn = button(row, 'Show all', () => reveal(items.length));
  button(row, 'Reset', () => reveal(1));
  const progress = card.stat('step');

  function reveal(n) {
    shown = Math.max(items.length ? 1 : 0, Math.min(items.length, n));
    items.forEach((li, i) => {
      li.hidden = i >= shown;
      li.classList.toggle('dwf-current', i === shown - 1);
    });
    progress.set(`${shown} of ${items.length}`);
    nextBtn.disabled = shown >= items.length;
    backBtn.disabled = shown <= 1;
    allBtn.disabled = shown >= items.length;
    if (!items.length) {
      card.setMessage(`No derivation steps with the id "${options.steps}" were found on this page: this card reveals the steps a lesson writes in a block marked dw-derivation-steps.`, 'warn');
    } else if (shown >= items.length) {
      card.setMessage(`That completes the argument${source ? '' : ' (an example: in a lesson, this card reveals the lesson’s own steps)'}. Read it again from the top with Reset.`, 'ok');
    } else {
      card.setMessage(`Step ${shown} of ${items.length}. Think about what the next line must be, then press “Next step”.`, 'info');
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
      if (source) { source.hidden = false; source.classList.remove('dwf-taken'); }
    },
  };
}

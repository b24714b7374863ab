// Reveal blocks (`::: reveal` … `:::` in a lesson, scripts/lesson-render.mjs): the text that says
// what a widget shows renders as a closed <details> with the site's summary, its Markdown and math
// typeset like the rest of the page; a block left open, a stray ":::", a block inside a block and
// a widget inside a block are refused in words at build time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REVEAL_SUMMARY, renderMarkdown } from '../../scripts/lesson-render.mjs';

const render = (text) => renderMarkdown(text, 'lessons/example.md');

test('a reveal block renders as a closed details with the summary and its own Markdown and math', () => {
  const html = render([
    'Press **Run** and watch the loss.',
    '',
    '::: widget fit-line',
    '',
    'Predict first.',
    '::: reveal',
    'The loss falls to $0.25$ after **12** steps:',
    '',
    '- the line tilts,',
    '- then it settles.',
    '',
    '$$L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2$$',
    ':::',
    'After the block.',
  ].join('\n'));
  const m = /<details class="dw-reveal">\n<summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/.exec(html);
  assert.ok(m, html);
  assert.equal(m[1], 'What the widget shows — open it after you predict');
  assert.equal(REVEAL_SUMMARY, m[1]);
  assert.doesNotMatch(html, /<details[^>]*\sopen/, 'closed when the page loads');
  const inside = m[2];
  assert.match(inside, /<p>The loss falls to <span class="katex">[\s\S]*?<mn>0.25<\/mn>[\s\S]*? after <strong>12<\/strong> steps:<\/p>/);
  assert.match(inside, /<ul>\n<li>the line tilts,<\/li>\n<li>then it settles.<\/li>\n<\/ul>/);
  assert.match(inside, /class="katex-display"/);
  assert.doesNotMatch(inside, /:::|<p>\s*<\/p>|<p><details|<\/details><\/p>/);
  // Text around the block stays outside it, as its own paragraphs.
  assert.match(html, /<p>Predict first.<\/p>\n<details/);
  assert.match(html, /<\/details>\n<p>After the block.<\/p>/);
  assert.match(html, /<div class="dw-mount lesson-widget" data-widget="fit-line"/);
});

test('predict=ID ties a block to one predict box; other options are refused', () => {
  const html = render('::: reveal predict=search-budget-5\nFive tries find it.\n:::\n');
  assert.match(html, /<details class="dw-reveal" data-reveal-for="search-budget-5">/);
  assert.throws(() => render('::: reveal open=true\nx\n:::\n'), /lessons\/example\.md: reveal: "::: reveal open=true": the only option is predict=ID/);
});

test('a reveal block beside a check-yourself block: each closes at its own ":::"', () => {
  const html = render([
    '::: reveal', 'It rises.', ':::', '',
    '::: check-yourself', '? Does it rise?', '+ Yes :: It does.', '- No :: It does not.', ':::', '',
    'The end.',
  ].join('\n'));
  assert.match(html, /<details class="dw-reveal">\n<summary>[^<]*<\/summary>\n<p>It rises.<\/p>\n<\/details>/);
  assert.match(html, /<section class="check-yourself"/);
  assert.match(html, /<p>The end.<\/p>/);
});

test('mistakes in a reveal block are errors in words at build time', () => {
  assert.throws(() => render('Before.\n\n::: reveal\nThe crowd ends at 90.3 %.\n\nMore.\n'),
    { message: 'lessons/example.md: reveal: the "::: reveal" block before "The crowd ends at 90.3 %." is never closed: end it with a line ":::"' });
  assert.throws(() => render('Some text.\n:::\n'), { message: 'lessons/example.md: reveal: a ":::" line closes no block (after "Some text.")' });
  assert.throws(() => render('::: reveal\nOne.\n::: reveal\nTwo.\n:::\n'), /a "::: reveal" block opens inside another \(before "One\."\)/);
  assert.throws(() => render('::: reveal\nOne.\n::: widget fit-line\n:::\n'), /a widget cannot sit inside a reveal block \(before "One\."\)/);
});

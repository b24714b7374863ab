// The code that shows a check-yourself block's words (read by widget_messages.test.mjs and
// widget_message_params.test.mjs, as a widget's sources are): the page's runtime
// (web/js/check-yourself.js), the reader of typed answers (web/js/check-computations.js) and the
// block the build writes (renderCheckYourself in scripts/lesson-render.mjs).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const checkYourselfMessagesFile = path.join(root, 'web', 'js', 'check-yourself.messages.js');

export function checkYourselfSources() {
  const render = fs.readFileSync(path.join(root, 'scripts', 'lesson-render.mjs'), 'utf8');
  const start = render.indexOf('export function renderCheckYourself');
  return [
    fs.readFileSync(path.join(root, 'web', 'js', 'check-yourself.js'), 'utf8'),
    fs.readFileSync(path.join(root, 'web', 'js', 'check-computations.js'), 'utf8'),
    render.slice(start, render.indexOf('\n}\n', start)),
  ].join('\n');
}

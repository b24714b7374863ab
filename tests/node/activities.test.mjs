// The registry's list of games and checks (activityWidgets) is what completes a lesson, so it
// must name exactly the widgets that report a finished activity ('dw:complete'), and every
// lesson page must list the activities its directives mount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { activityWidgets, widgetNames } from '../../web/widgets/registry.js';
import { readCourse } from '../../scripts/lesson-render.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const widgetsDir = path.join(root, 'web', 'widgets');

// A widget module and the modules it imports (one level: its own folder's parts and shared
// helpers such as web/lib/quiz.js), leaving out the event plumbing itself (report.js, widget.js)
// and the predict-then-check box (predict.js): a settled prediction is saved with the lesson's
// progress, but it is an optional experiment, so it never gates the lesson's completion.
function sourceOf(name) {
  const file = path.join(widgetsDir, `${name}.js`);
  let text = fs.readFileSync(file, 'utf8');
  for (const [, rel] of text.matchAll(/from '(\.\.?\/[^']+\.js)'/g)) {
    const dep = path.join(widgetsDir, rel);
    if (fs.existsSync(dep) && !/\/(report|widget|predict)\.js$/.test(rel)) text += fs.readFileSync(dep, 'utf8');
  }
  return text;
}

test('activityWidgets names exactly the widgets that report a finished activity', () => {
  const reporting = widgetNames().filter((name) => /reportComplete\(|'dw:complete'/.test(sourceOf(name))).sort();
  assert.deepEqual([...activityWidgets].sort(), reporting);
});

test('every lesson page lists the activities its widgets provide', () => {
  const course = readCourse(path.join(root, 'lessons'));
  const dist = path.join(root, 'dist', 'lessons');
  for (const lesson of course.lessons) {
    const html = fs.readFileSync(path.join(dist, `${lesson.slug}.html`), 'utf8');
    const listed = (/data-activities="([^"]*)"/.exec(html) || [, ''])[1].split(' ').filter(Boolean);
    const expected = [...new Set([...lesson.body.matchAll(/^::: *widget +([a-z0-9-]+)/gm)].map((m) => m[1]))].filter((n) => activityWidgets.has(n));
    if (/^::: *check-yourself *$/m.test(lesson.body)) expected.push('check-yourself');
    assert.deepEqual(listed, expected, lesson.slug);
  }
});

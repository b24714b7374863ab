// Builds the static site into dist/: copies web/ (pages, CSS, ES modules), the engine's WASM
// build and KaTeX's stylesheet and fonts, and renders every lessons/*.md into an HTML page
// (math typeset by KaTeX at build time, widget directives turned into mount points).
// The result needs no server logic and no network: any static server, or file:// for the
// single-file builds, can host it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderLesson, readCourse, page, esc, katexPageStyleSheets, lessonActivities, completionAttribute } from './lesson-render.mjs';
import { widgetCatalogue, renderGallery } from './embed-docs.mjs';
import { renderLessonMap } from './lesson-map.mjs';
import { precompress } from './precompress.mjs';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, process.argv[2] || 'dist');
const buildRoot = process.env.BUILD_ROOT || path.join(root, 'build');

function copyDir(from, to, transform = null) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst, transform);
    else if (transform && transform.test(src)) fs.writeFileSync(dst, transform.apply(fs.readFileSync(src, 'utf8'), src));
    else fs.copyFileSync(src, dst);
  }
}

// The site's own scripts ship without their comments: the comments are for the people who read
// web/, not for every learner's first download (about a third of the bytes of web/js and web/lib).
// esbuild reprints each file from its syntax tree, as is otherwise (no bundling, no renaming, the
// same module format and syntax), so a stack trace still names the readable functions.
// Style sheets lose their comments and the whitespace between rules too (a third of
// widget.css's gzip bytes): the rules and their order are kept as written.
const withoutComments = {
  test: (file) => file.endsWith('.js') || file.endsWith('.css'),
  apply: (code, file) => (file.endsWith('.css') ? minifyCss(code, file)
    : esbuild.transformSync(code, { loader: 'js', legalComments: 'none', sourcefile: path.relative(root, file) }).code),
};
function minifyCss(code, file) {
  return esbuild.transformSync(code, { loader: 'css', minifyWhitespace: true, legalComments: 'none', sourcefile: path.relative(root, file) }).code;
}

fs.rmSync(dist, { recursive: true, force: true });
copyDir(path.join(root, 'web'), dist, withoutComments);
// Both engine modules: the full one and the core one the first levels' pages load (web/engine/index.js).
for (const f of ['dw-engine.mjs', 'dw-engine.wasm', 'dw-core.mjs', 'dw-core.wasm']) {
  fs.copyFileSync(path.join(buildRoot, 'wasm', f), path.join(dist, 'engine', f));
}
// Pages and embeds load one stylesheet: the shared widget anatomy (widget.css), then the styles
// several widgets share, each named by what it styles (web/css/shared/*.css: legend, quiz, bars,
// layout …), then each widget's own styles (web/css/widgets/<widget>.css). The order is part of
// the cascade: a widget's rules come after the shared ones they refine (a swatch modifier after
// the swatch), so shared files always precede widget files; within a folder, name order.
const cssFolder = (folder) => fs.readdirSync(path.join(root, 'web', 'css', folder)).filter((f) => f.endsWith('.css')).sort()
  .map((f) => path.join(root, 'web', 'css', folder, f));
fs.writeFileSync(path.join(dist, 'css', 'widget.css'), minifyCss([path.join(root, 'web', 'css', 'widget.css'), ...cssFolder('shared'), ...cssFolder('widgets')]
  .map((f) => fs.readFileSync(f, 'utf8')).join('\n'), 'web/css/widget.css'));
for (const folder of ['shared', 'widgets']) fs.rmSync(path.join(dist, 'css', folder), { recursive: true, force: true });

const katexDist = path.join(root, 'node_modules', 'katex', 'dist');
fs.mkdirSync(path.join(dist, 'vendor', 'katex'), { recursive: true });
fs.copyFileSync(path.join(katexDist, 'katex.min.css'), path.join(dist, 'vendor', 'katex', 'katex.min.css'));
copyDir(path.join(katexDist, 'fonts'), path.join(dist, 'vendor', 'katex', 'fonts'));

const course = readCourse(path.join(root, 'lessons'));
fs.mkdirSync(path.join(dist, 'lessons'), { recursive: true });
for (const lesson of course.lessons) {
  fs.writeFileSync(path.join(dist, 'lessons', `${lesson.slug}.html`), renderLesson(lesson, course));
}
fs.writeFileSync(path.join(dist, 'index.html'), renderHome(course));
fs.writeFileSync(path.join(dist, 'gallery.html'), renderGallery(await widgetCatalogue(dist)));
// Each page's typeset-math classes (scripts/lesson-render.mjs, katexSheetFor), once every page is written.
for (const [name, css] of katexPageStyleSheets()) fs.writeFileSync(path.join(dist, 'css', name), css);
// Precompressed copies for hosts that serve them (scripts/precompress.mjs); DW_NO_PRECOMPRESS=1
// skips the few seconds this takes when only the pages matter.
const packed = process.env.DW_NO_PRECOMPRESS ? null : precompress(dist);
console.log(`site: ${course.lessons.length} lessons → ${path.relative(root, dist)}/${packed ? ` (+ .gz and .br copies: ${(packed.gz / 1048576).toFixed(2)} / ${(packed.br / 1048576).toFixed(2)} MiB)` : ''}`);

// What the whole course leaves a learner able to do: one line per level (course.json `outcome`),
// each linked to the level's section below.
function renderOutcomes(c) {
  const items = c.levels.filter((level) => level.outcome && c.lessons.some((l) => l.level === level.id))
    .map((level) => `<li><a href="#level-${esc(level.id)}">${esc(level.title)}</a>: ${esc(level.outcome)}.</li>`).join('\n');
  return items ? `<h2 class="course-outcomes-title" id="h-outcomes">By the end you will be able to</h2>
<ul class="course-outcomes" aria-labelledby="h-outcomes">
${items}
</ul>` : '';
}

function renderHome(c) {
  const sections = c.levels.map((level) => {
    const items = c.lessons.filter((l) => l.level === level.id);
    if (!items.length) return '';
    // Lessons of this level with a check-yourself block: the home page sums their saved answers.
    const checks = items.filter((l) => /^::: *check-yourself *$/m.test(l.body)).map((l) => l.slug);
    // A lesson only its activities complete carries them, so the tick can check they were finished.
    const only = (l) => (l.completion === 'activities' ? `${completionAttribute(l)} data-activities="${esc(lessonActivities(l).join(' '))}"` : '');
    const lis = items.map((l) => `<li data-lesson="${esc(l.slug)}"${only(l)}><a href="lessons/${l.slug}.html"><strong>${esc(l.title)}</strong><span>${esc(l.summary || '')}</span></a></li>`).join('\n');
    return `<section class="level" id="level-${esc(level.id)}" aria-labelledby="h-${esc(level.id)}">
<h2 id="h-${esc(level.id)}">${esc(level.title)}</h2>
<p>${esc(level.blurb)}</p>
<ul class="lesson-list">
${lis}
</ul>
${checks.length ? `<p class="level-checks" data-lessons="${esc(checks.join(' '))}"></p>` : ''}
</section>`;
  }).join('\n');
  return page({
    title: 'Data Workshop — learn machine learning by doing it',
    base: '',
    body: `<div class="hero" id="course"><h1>Learn machine learning by doing it</h1>
<p>Drag a line through points, drop centroids, slide a learning rate and watch gradient descent crawl, glide or explode. Every number on these pages is computed live by a real learning engine running in your browser. <a href="#map">See how the lessons build on each other.</a></p>
${renderOutcomes(c)}
<div class="badge-slot" hidden></div><div class="course-progress" data-lessons="${esc(c.lessons.map((l) => l.slug).join(' '))}"></div><div class="progress-reset"></div></div>
${sections}
${renderLessonMap(c)}`,
    scripts: ['js/progress.js'],
  });
}

// `node scripts/build-single.mjs` (after the site build: `npm run build:single` runs both): one
// self-contained HTML file per lesson, plus one with the whole course, in dist-single/. Each works when opened from file:// by double-click (Chromium refuses ES
// modules and fetch from file://, so everything is inlined): the WASM engine module the page needs
// as base64 (the core one for a page whose widgets and checks are all core, else the full one), every
// script bundled into one classic script by esbuild, the CSS, and KaTeX's fonts as data: URLs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { readCourse, renderLesson, esc, katexInlineStyleSheet, pageEngine, lessonActivities, completionAttribute } from './lesson-render.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'dist-single');
if (!fs.existsSync(path.join(dist, 'engine', 'dw-engine.wasm'))) throw new Error('build-single: run npm run build first (dist/ is missing)');

// Everything a lesson page loads as modules: the widgets, progress (with lesson completion) and
// the check-yourself blocks.
const bundle = await esbuild.build({
  stdin: {
    contents: "import './lesson.js';\nimport './progress.js';\nimport './check-yourself.js';\n",
    resolveDir: path.join(dist, 'js'),
    sourcefile: 'single-file-entry.js',
  },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2020',
  minify: true,
  external: ['node:*'],
  // The Emscripten loader asks import.meta.url where the .wasm lives; here the bytes are inline.
  define: { 'import.meta.url': 'location.href' },
  logLevel: 'error',
});
// '</script' inside the inlined code would end the script element early.
const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
const wasmFiles = { core: 'dw-core.wasm', full: 'dw-engine.wasm' };
const wasmBase64 = {};
const wasmOf = (module) => (wasmBase64[module] ||= fs.readFileSync(path.join(dist, 'engine', wasmFiles[module])).toString('base64'));

function inlineFonts(css, cssDir) {
  return css.replace(/url\(([^)]+)\)/g, (m, ref) => {
    const clean = ref.replace(/["']/g, '');
    if (!/\.(woff2)$/.test(clean)) return /\.(woff|ttf)$/.test(clean) ? 'url(data:,)' : m; // woff2 is enough for every browser we support
    return `url(data:font/woff2;base64,${fs.readFileSync(path.join(cssDir, clean)).toString('base64')})`;
  });
}

const course = readCourse(path.join(root, 'lessons'));
// Render every lesson first so the KaTeX style classes they use are all collected.
const rendered = course.lessons.map((lesson) => ({ lesson, html: renderLesson(lesson, course) }));
const css = [
  fs.readFileSync(path.join(dist, 'css', 'tokens.css'), 'utf8'),
  fs.readFileSync(path.join(dist, 'css', 'site.css'), 'utf8'),
  fs.readFileSync(path.join(dist, 'css', 'widget.css'), 'utf8'),
  inlineFonts(fs.readFileSync(path.join(dist, 'vendor', 'katex', 'katex.min.css'), 'utf8'), path.join(dist, 'vendor', 'katex')),
  katexInlineStyleSheet(),
].join('\n').replace(/<\/style/gi, '<\\/style');

// engine: the module the page's widgets and checks need (web/engine/index.js reads { core } or { full }).
// data-single-file: the pages are side by side (widgets that link to a lesson, such as the
// badge's missed topics, link beside the page, not into lessons/).
function standalone(title, mainHtml, engine = 'full') {
  return `<!doctype html>
<html lang="en" data-single-file>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
${css}
</style>
</head>
<body>
<main id="main">
${mainHtml}
</main>
<footer class="site-footer">Data Workshop, single-file edition: everything runs inside this file, with no network.</footer>
<script>globalThis.__DW_WASM_BASE64__ = { ${engine}: "${wasmOf(engine)}" };</script>
<script>
${script}
</script>
</body>
</html>
`;
}

// A lesson's article as its own file shows it: the lesson page's article with its lesson order
// (the files sit side by side, so its relative links work) and a link to the whole course.
export function lessonArticle(html) {
  return /<article class="prose">[\s\S]*<\/article>/.exec(html)[0]
    .replace(/(<nav class="lesson-nav"[\s\S]*?<\/nav>)/, '$1\n<p class="single-course-link"><a href="course.html">The whole course in one file, with your progress: course.html</a></p>');
}

// One lesson inside course.html: the same article (title, level line, aims, text, progress panel),
// as a lesson scope (web/js/progress.js records what happens inside it under the lesson's slug),
// without its own course bar and lesson order (the page's contents list both). Every id in it is
// prefixed with the slug ("knn--cy-1-input"), and so is every reference to one (for, aria-*, #…),
// so that ids are unique across the page and the article's own id (the slug) is never also a
// heading's. Links to another lesson's file stay inside the page.
export function courseArticle(html, slug, slugs) {
  const own = (id) => `${slug}--${id}`;
  return lessonArticle(html)
    .replace(/<p class="single-course-link">[\s\S]*?<\/p>/, '')
    .replace(/<nav class="lesson-nav"[\s\S]*?<\/nav>/, '')
    .replace(/<div class="course-progress"[^>]*><\/div>/, '')
    .replace(/(\s(?:id|for))="([^"]+)"/g, (_, attr, id) => `${attr}="${own(id)}"`)
    .replace(/(\saria-(?:describedby|labelledby|controls|details|errormessage))="([^"]+)"/g,
      (_, attr, ids) => `${attr}="${ids.split(/\s+/).filter(Boolean).map(own).join(' ')}"`)
    .replace(/(\shref)="([a-z0-9-]*)(?:\.html)?(?:#([^"]*))?"/g, (whole, attr, file, fragment) => {
      if (!file) return fragment ? `${attr}="#${own(fragment)}"` : whole;
      if (!slugs.has(file) || !whole.includes('.html')) return whole;
      return `${attr}="#${fragment ? `${file}--${fragment}` : file}"`;
    })
    .replace(/^<article class="prose">/, `<article class="prose" id="${esc(slug)}" data-lesson-scope>`);
}

// The contents of course.html, as the site's home page lists lessons: a card per lesson (the
// progress script ticks the finished ones and shows their check-yourself result), the check
// totals per level, the course bar and "Reset progress".
function courseContents() {
  const toc = course.levels.map((level) => {
    const items = course.lessons.filter((l) => l.level === level.id);
    if (!items.length) return '';
    const checks = items.filter((l) => /^::: *check-yourself *$/m.test(l.body)).map((l) => l.slug);
    const only = (l) => (l.completion === 'activities' ? `${completionAttribute(l)} data-activities="${esc(lessonActivities(l).join(' '))}"` : '');
    const lis = items.map((l) => `<li data-lesson="${esc(l.slug)}"${only(l)}><a href="#${esc(l.slug)}"><strong>${esc(l.title)}</strong><span>${esc(l.summary || '')}</span></a></li>`).join('\n');
    return `<h2>${esc(level.title)}</h2>
<ul class="lesson-list">
${lis}
</ul>
${checks.length ? `<p class="level-checks" data-lessons="${esc(checks.join(' '))}"></p>` : ''}`;
  }).join('\n');
  return `<div class="prose"><h1>Data Workshop</h1>
<p>The whole course in one file. What you do in a lesson here counts for that lesson, as in its own file beside
this one: progress, first answers and the badge are saved in this browser, and both files show the same.</p>
<div class="course-progress" data-lessons="${esc(course.lessons.map((l) => l.slug).join(' '))}"></div><div class="progress-reset"></div>
${toc}</div>`;
}

// Every file of dist-single/, one at a time: [file name, its HTML].
export function* singleFiles() {
  for (const { lesson, html } of rendered) {
    yield [`${lesson.slug}.html`, standalone(`${lesson.title} — Data Workshop`, lessonArticle(html), pageEngine(lesson) || 'full')];
  }
  const slugs = new Set(course.lessons.map((l) => l.slug));
  const all = rendered.map(({ lesson, html }) => courseArticle(html, lesson.slug, slugs)).join('\n<hr>\n');
  yield ['course.html', standalone('Data Workshop — the whole course', `${courseContents()}\n${all}`)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const [file, html] of singleFiles()) fs.writeFileSync(path.join(out, file), html);
  console.log(`single-file: ${course.lessons.length} lessons + course.html → dist-single/ (${(fs.statSync(path.join(out, 'course.html')).size / 1048576).toFixed(1)} MiB each at most)`);
}

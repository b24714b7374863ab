// `npm run build:single`: one self-contained HTML file per lesson, plus one with the whole course,
// in dist-single/. Each works when opened from file:// by double-click (Chromium refuses ES
// modules and fetch from file://, so everything is inlined): the WASM engine module the page needs
// as base64 (the core one for a page whose widgets and checks are all core, else the full one), every
// script bundled into one classic script by esbuild, the CSS, and KaTeX's fonts as data: URLs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { readCourse, renderLesson, renderMarkdown, esc, katexInlineStyleSheet, pageEngine } from './lesson-render.mjs';

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

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const { lesson, html } of rendered) {
  const article = /<article class="prose">[\s\S]*<\/article>/.exec(html)[0]
    .replace(/<nav class="lesson-nav"[\s\S]*?<\/nav>/, '');
  fs.writeFileSync(path.join(out, `${lesson.slug}.html`), standalone(`${lesson.title} — Data Workshop`, article, pageEngine(lesson) || 'full'));
}
const toc = course.levels.map((level) => {
  const items = course.lessons.filter((l) => l.level === level.id);
  if (!items.length) return '';
  return `<h2>${esc(level.title)}</h2><ul>${items.map((l) => `<li><a href="#${esc(l.slug)}">${esc(l.title)}</a></li>`).join('')}</ul>`;
}).join('\n');
const all = course.lessons.map((lesson) => `<article class="prose" id="${esc(lesson.slug)}">
<h1>${esc(lesson.title)}</h1>
${renderMarkdown(lesson.body, lesson.file)}
</article>`).join('\n<hr>\n');
fs.writeFileSync(path.join(out, 'course.html'), standalone('Data Workshop — the whole course', `<div class="prose"><h1>Data Workshop</h1><p>The whole course in one file.</p>${toc}</div>\n${all}`));
console.log(`single-file: ${course.lessons.length} lessons + course.html → dist-single/ (${(fs.statSync(path.join(out, 'course.html')).size / 1048576).toFixed(1)} MiB each at most)`);

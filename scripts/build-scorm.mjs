// `npm run build:scorm`: course packages for learning platforms (Moodle, Canvas, Blackboard,
// Brightspace, …) in dist-scorm/:
//   scorm12/<slug>.zip, scorm2004/<slug>.zip            one package per lesson (one SCO)
//   scorm12/data-workshop-course.zip, scorm2004/…       the whole course: one SCO per lesson,
//                                                       grouped by level, in course order
// Each zip holds imsmanifest.xml at its root and every file its pages use (engine, scripts,
// styles, KaTeX fonts): nothing is fetched from anywhere. Lesson pages report to the platform
// through web/js/lms.js. Built from dist/ (npm run build first).
//   node scripts/build-scorm.mjs [--out DIR] [--lessons slug,slug] [--no-course]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCourse, renderLesson, katexPageStyleSheets } from './lesson-render.mjs';
import { scormManifest } from './scorm-manifest.mjs';
import { writeZip, zipEntry } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const VERSIONS = ['1.2', '2004'];
export const COURSE_PACKAGE = 'data-workshop-course';
export const versionFolder = (version) => `scorm${version.replace('.', '')}`;

// The files every page of a package shares: the site's scripts, styles, engine and KaTeX, from
// dist/. Not the site's other pages (home, gallery, iframe embed): a package has only lessons.
// Nor dist/'s typeset-math stylesheets (css/katex-<hash>.css): their class numbers come from
// rendering the whole site, and a package's pages are rendered here, numbered afresh
// (packageMathSheets).
function sharedFiles() {
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dist, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  for (const folder of ['css', 'js', 'lib', 'widgets', 'data', 'engine', 'vendor']) walk(folder);
  files.push('favicon.svg');
  // KaTeX lists woff2, woff and ttf for each font; every browser we support takes woff2.
  // Nor the precompressed .gz/.br copies (a package's platform serves the files as they are).
  return files.filter((f) => !/\.(woff|ttf|gz|br)$/.test(f) && !/^css\/(embed|katex-)|^js\/embed-frame/.test(f)).sort();
}

function sharedContent(file) {
  const bytes = fs.readFileSync(path.join(dist, file));
  if (file !== 'vendor/katex/katex.min.css') return bytes;
  return bytes.toString('utf8').replace(/,url\([^)]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g, '');
}

// The typeset-math stylesheets the rendered pages link, as [file, CSS]. scripts/lesson-render.mjs
// numbers KaTeX's styles in the order this process renders pages, so `--lessons a,b` gives other
// class numbers, and other sheet names, than the site build: each sheet comes from this rendering.
function packageMathSheets(pages) {
  const sheets = katexPageStyleSheets();
  const names = new Set();
  for (const html of pages) for (const m of html.matchAll(/href="(?:\.\.\/)?css\/(katex-[0-9a-f]+\.css)"/g)) names.add(m[1]);
  return [...names].sort().map((name) => [`css/${name}`, sheets.get(name)]);
}

// A link to a lesson page (the glossary's on notation.html too), with its attributes either side of
// href; $3 is the link's text.
const LESSON_LINK = /<a ((?:[^>]*?\s)?)href="(?:\.\.\/lessons\/)?[a-z0-9-]+\.html(?:#[^"]*)?"([^>]*)>([\s\S]*?)<\/a>/g;

// A lesson page as a package shows it: the platform is the navigation (no site header links,
// no previous/next, no whole-course bar), links to other lessons become plain text (a SCO that
// navigates to another page would leave the platform's tracking; a one-lesson package has no
// other page) — a glossary term keeps its definition as the text's title — and the footer says
// where results go.
export function packagePage(html, version) {
  return html
    .replace('<html lang="en">', `<html lang="en" data-scorm="${version}">`)
    .replace(/<a class="brand" href="[^"]*">([\s\S]*?)<\/a>/, '<span class="brand">$1</span>')
    .replace(/<nav class="site-nav"[\s\S]*?<\/nav>/, '')
    .replace(/<nav class="lesson-nav"[\s\S]*?<\/nav>/, '')
    .replace(/<div class="course-progress"[^>]*><\/div>\n?/, '')
    .replace(LESSON_LINK, (link, before, after, text) => {
      const title = /(?:^|\s)title="([^"]*)"/.exec(`${before} ${after}`);
      return title ? `<span class="lesson-ref glossary-term" title="${title[1]}">${text}</span>` : `<span class="lesson-ref">${text}</span>`;
    })
    .replace(/<footer class="site-footer">[\s\S]*?<\/footer>/, '<footer class="site-footer">Data Workshop runs in your browser. Opened from a learning platform, this lesson tells it whether you completed it, your score and your saved progress; nothing else leaves your browser.</footer>');
}

export function buildPackages({ out = path.join(root, 'dist-scorm'), lessons: only = null, course: withCourse = true } = {}) {
  if (!fs.existsSync(path.join(dist, 'engine', 'dw-engine.wasm'))) throw new Error('build-scorm: run npm run build first (dist/ is missing)');
  const course = readCourse(path.join(root, 'lessons'));
  const lessons = only ? course.lessons.filter((l) => only.includes(l.slug)) : course.lessons;
  if (only && lessons.length !== only.length) throw new Error(`build-scorm: unknown lesson in ${only.join(', ')}`);
  const rendered = new Map((withCourse ? course.lessons : lessons).map((l) => [l.slug, renderLesson(l, course, { lms: true })]));
  const mathSheets = packageMathSheets(rendered.values());
  const siteFiles = sharedFiles();
  const shared = [...siteFiles, ...mathSheets.map(([file]) => file)].sort();
  // Compressed once, reused by every package.
  const sharedEntries = [...siteFiles.map((f) => zipEntry(f, sharedContent(f))), ...mathSheets.map(([file, css]) => zipEntry(file, css))];
  const written = [];
  fs.rmSync(out, { recursive: true, force: true });
  for (const version of VERSIONS) {
    const folder = path.join(out, versionFolder(version));
    fs.mkdirSync(folder, { recursive: true });
    const pages = new Map([...rendered].map(([slug, html]) => [slug, zipEntry(`lessons/${slug}.html`, packagePage(html, version))]));
    const pack = (name, title, items) => {
      const manifest = scormManifest({ version, identifier: name === COURSE_PACKAGE ? name : `data-workshop-${name}`, title, items, shared, levels: course.levels });
      const zip = writeZip([zipEntry('imsmanifest.xml', manifest), ...items.map((l) => pages.get(l.slug)), ...sharedEntries]);
      const file = path.join(folder, `${name}.zip`);
      fs.writeFileSync(file, zip);
      written.push(file);
    };
    for (const lesson of lessons) pack(lesson.slug, lesson.title, [lesson]);
    if (withCourse) pack(COURSE_PACKAGE, course.title || 'Data Workshop', course.lessons);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : null; };
  const out = value('--out') ? path.resolve(value('--out')) : undefined;
  const lessons = value('--lessons') ? value('--lessons').split(',').filter(Boolean) : null;
  const written = buildPackages({ out, lessons, course: !args.includes('--no-course') });
  const mib = Math.max(...written.map((f) => fs.statSync(f).size)) / 1048576;
  console.log(`scorm: ${written.length} packages (SCORM 1.2 and 2004) → ${path.relative(root, path.dirname(path.dirname(written[0])))}/ (${mib.toFixed(1)} MiB each at most)`);
}

// Counts the 8-word runs a text of the course shares with the course's source texts. Lessons,
// widget message tables and the badge's questions are written in our own words: facts and
// formulas carry over, sentences do not, so each may share at most MAX_SHARED_RUNS such runs.
// What is read:
//   - a lesson (lessons/<slug>.md): its prose and check blocks, and the front matter a learner
//     reads (title, summary, outcomes: the home page and the lesson header);
//   - every message table (web/widgets/<name>.messages.js, web/widgets/<name>/messages.js and the
//     shared web/lib/messages-en.js) and the badge's question banks (web/widgets/ml-badge/
//     questions-*.js): every string literal in them, each on its own, so runs never join across
//     two strings.
// Runs made only of a formula may be excluded from a lesson, one by one, in
// lessons/own-words-exclusions.json ({ slug: ["run", …] }); the test checks they are formulas.
// Shorter runs (6 or 7 words with at least SHORT_RUN_CONTENT_WORDS words that are not stop
// words) are listed for a person to read; they do not count towards the limit.
// The source texts live outside this repository (../shared/seeds, or DW_SEEDS_DIR); the repo keeps
// only a hash of each of their runs (tests/fixtures/seed-runs.json), so the check runs anywhere
// without redistributing the texts.
//   node scripts/own-words.mjs            every lesson and table: counts, worst first, with runs
//   node scripts/own-words.mjs kmeans     one lesson (or one widget: pick-the-model, or a path)
//   node scripts/own-words.mjs --short    also the 6- and 7-word runs, for a person to read
//   node scripts/own-words.mjs --hashes   rewrite tests/fixtures/seed-runs.json from the texts
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const RUN_LENGTH = 8;
export const MAX_SHARED_RUNS = 3;
export const SHORT_RUN_LENGTHS = [6, 7];
export const SHORT_RUN_CONTENT_WORDS = 3;

const root = path.resolve(import.meta.dirname, '..');
export const lessonsDir = path.join(root, 'lessons');
const widgetsDir = path.join(root, 'web', 'widgets');

export function seedsDir() {
  return process.env.DW_SEEDS_DIR || path.resolve(root, '..', 'shared', 'seeds');
}

// Lower-case words of letters and digits; everything else separates words, so punctuation,
// Markdown marks and line breaks never hide a shared run.
export function words(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) || [];
}

// Words that say nothing on their own: a short run needs SHORT_RUN_CONTENT_WORDS others.
const STOP_WORDS = new Set(('a an the and or but nor so if then than that this these those it its is are was were be been '
  + 'being am do does did done has have had having of to in on at by for from with as into onto over under about '
  + 'out up down off not no yes all any each every some more most less one two you your we our they their them he '
  + 'she his her i me my what which who whom whose when where why how can could will would shall should may might '
  + 'must also just only very too there here s t x y').split(' '));
export function contentWordCount(run) {
  return run.split(' ').filter((w) => !STOP_WORDS.has(w)).length;
}

function runsOf(list, length = RUN_LENGTH) {
  const out = new Set();
  for (let i = 0; i + length <= list.length; i++) out.add(list.slice(i, i + length).join(' '));
  return out;
}

// The front matter fields a learner reads: the title, the home page's summary and the lesson
// header's outcomes.
export const SHOWN_FRONT_MATTER = ['title', 'summary', 'outcomes'];

function frontMatterOf(markdown) {
  const m = markdown.match(/^---\n([\s\S]*?)\n---\n/);
  const fields = {};
  if (!m) return fields;
  for (const line of m[1].split('\n')) {
    const f = line.match(/^([a-z]+):\s*(.*)$/);
    if (f) fields[f[1]] = f[2].replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

// The lesson's prose as a reader sees it: front matter and widget/check directives are not prose.
export function lessonProse(markdown) {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => !/^:::/.test(line.trim()))
    .join('\n');
}

// Everything of a lesson a learner reads, as separate pieces (a run never joins two of them):
// the shown front matter fields, then the prose.
export function lessonPieces(markdown) {
  const fm = frontMatterOf(markdown);
  return [...SHOWN_FRONT_MATTER.map((k) => fm[k]).filter(Boolean), lessonProse(markdown)];
}

// The string literals of a JavaScript module ('…', "…", `…`), comments left out. A template's
// text is one piece per stretch between its ${…} holes; strings inside a hole are pieces too.
export function stringLiterals(source) {
  const out = [];
  let i = 0;
  const n = source.length;
  const unescape = (s) => s.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\(.)/gs,
    (_, cp, u, x, c) => (cp || u || x ? String.fromCodePoint(parseInt(cp || u || x, 16)) : c === 'n' || c === 't' ? ' ' : c));
  // Reads code until an unmatched '}' (inside a template's hole) or the end.
  const code = (inHole) => {
    let depth = 0;
    let prev = '';
    while (i < n) {
      const c = source[i];
      if (c === '/' && source[i + 1] === '/') { while (i < n && source[i] !== '\n') i++; continue; }
      if (c === '/' && source[i + 1] === '*') { const e = source.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
      if (c === '/' && (prev === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(prev))) {
        // A regular expression literal: skip it, character classes included.
        i++;
        let inClass = false;
        while (i < n && (inClass || source[i] !== '/')) {
          if (source[i] === '\\') i++;
          else if (source[i] === '[') inClass = true;
          else if (source[i] === ']') inClass = false;
          i++;
        }
        i++;
        prev = ')';
        continue;
      }
      if (c === '\'' || c === '"') {
        let j = i + 1;
        while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
        out.push(unescape(source.slice(i + 1, j)));
        i = j + 1;
        prev = ')';
        continue;
      }
      if (c === '`') { i++; template(); prev = ')'; continue; }
      if (c === '{') depth++;
      if (c === '}') {
        if (inHole && depth === 0) { i++; return; }
        depth--;
      }
      if (!/\s/.test(c)) prev = c;
      i++;
    }
  };
  const template = () => {
    let text = '';
    while (i < n && source[i] !== '`') {
      if (source[i] === '\\') { text += unescape(source.slice(i, i + 2)); i += 2; continue; }
      if (source[i] === '$' && source[i + 1] === '{') {
        out.push(text);
        text = '';
        i += 2;
        code(true);
        continue;
      }
      text += source[i++];
    }
    out.push(text);
    i++;
  };
  code(false);
  return out.filter((s) => words(s).length);
}

// The message tables and question banks, as paths relative to the repository.
export function messageTableFiles() {
  const rel = (f) => path.relative(root, f);
  const files = [path.join(root, 'web', 'lib', 'messages-en.js')];
  for (const entry of fs.readdirSync(widgetsDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.messages.js')) files.push(path.join(widgetsDir, entry.name));
    if (!entry.isDirectory()) continue;
    const dir = path.join(widgetsDir, entry.name);
    for (const f of fs.readdirSync(dir)) {
      if (f === 'messages.js' || f.endsWith('.messages.js') || (entry.name === 'ml-badge' && /^questions-.*\.js$/.test(f))) files.push(path.join(dir, f));
    }
  }
  return files.filter((f) => fs.existsSync(f)).map(rel).sort();
}

const hashesFile = path.join(root, 'tests', 'fixtures', 'seed-runs.json');
export function runHash(run) { return crypto.createHash('sha1').update(run).digest('hex').slice(0, 12); }

// The runs of the source texts: every 8-word run, and the 6- and 7-word runs with enough
// content words (the only short runs ever reported).
function runsOfSeedTexts() {
  const dir = seedsDir();
  const all = new Set();
  const short = new Set();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const list = words(fs.readFileSync(path.join(dir, name), 'utf8'));
    for (const run of runsOf(list)) all.add(run);
    for (const length of SHORT_RUN_LENGTHS) {
      for (const run of runsOf(list, length)) if (contentWordCount(run) >= SHORT_RUN_CONTENT_WORDS) short.add(run);
    }
  }
  return { all, short };
}

// The hashes of the source texts' runs ({ long, short }): from the texts when they are here,
// else from the committed fixture.
let seedHashCache = null;
function seedHashes() {
  if (seedHashCache) return seedHashCache;
  if (fs.existsSync(seedsDir())) {
    const { all, short } = runsOfSeedTexts();
    seedHashCache = { long: new Set([...all].map(runHash)), short: new Set([...short].map(runHash)) };
  } else {
    const fixture = JSON.parse(fs.readFileSync(hashesFile, 'utf8'));
    seedHashCache = { long: new Set(fixture.hashes), short: new Set(fixture.shortHashes || []) };
  }
  return seedHashCache;
}
export function seedRunHashes() { return seedHashes().long; }

export function exclusions() {
  const file = path.join(lessonsDir, 'own-words-exclusions.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

// The distinct 8-word runs of some pieces of text also found in a seed, minus excluded runs.
export function sharedRunsOfPieces(pieces, excludedRuns = []) {
  const seeds = seedRunHashes();
  const excluded = new Set(excludedRuns.map((r) => words(r).join(' ')));
  const found = new Set();
  for (const piece of pieces) {
    for (const r of runsOf(words(piece))) if (seeds.has(runHash(r)) && !excluded.has(r)) found.add(r);
  }
  return [...found];
}

// The shared stretches of 6 or 7 words (with enough content words) that are not inside a
// shared 8-word run: each the longest such stretch, for a person to read.
export function shortSharedRunsOfPieces(pieces) {
  const { long, short } = seedHashes();
  const found = new Set();
  for (const piece of pieces) {
    const list = words(piece);
    const inLong = new Array(list.length).fill(false);
    for (let i = 0; i + RUN_LENGTH <= list.length; i++) {
      if (long.has(runHash(list.slice(i, i + RUN_LENGTH).join(' ')))) inLong.fill(true, i, i + RUN_LENGTH);
    }
    for (let i = 0; i < list.length; i++) {
      for (const length of [...SHORT_RUN_LENGTHS].sort((a, b) => b - a)) {
        const span = list.slice(i, i + length);
        if (span.length < length || inLong.slice(i, i + length).every(Boolean)) continue;
        const run = span.join(' ');
        if (contentWordCount(run) >= SHORT_RUN_CONTENT_WORDS && short.has(runHash(run))) { found.add(run); break; }
      }
    }
  }
  // A 6-word run inside a reported 7-word one says nothing more.
  return [...found].filter((r) => ![...found].some((o) => o !== r && o.includes(r)));
}

export function sharedRunsOfText(markdown, excludedRuns = []) {
  return sharedRunsOfPieces(lessonPieces(markdown), excludedRuns);
}

// The distinct runs of one lesson also found in a seed, minus its explicit formula exclusions.
export function sharedRuns(slug) {
  return sharedRunsOfText(fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8'), exclusions()[slug] || []);
}

// The runs a message table or question bank (a path relative to the repository) shares.
export function tablePieces(file) {
  return stringLiterals(fs.readFileSync(path.join(root, file), 'utf8'));
}
export function sharedRunsOfTable(file) {
  return sharedRunsOfPieces(tablePieces(file));
}

// The words inside a lesson's math ($…$ and $$…$$): where an excluded run must come from.
export function lessonMathWords(slug) {
  const prose = lessonProse(fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8'));
  const math = [...prose.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((m) => m[1] || m[2]);
  return math.map((m) => words(m).join(' '));
}

export function lessonSlugs() {
  return fs.readdirSync(lessonsDir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
}

// Every text the check reads: { name, pieces, excluded } for each lesson and table.
export function allTexts() {
  const ex = exclusions();
  return [
    ...lessonSlugs().map((slug) => ({ name: slug, pieces: lessonPieces(fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8')), excluded: ex[slug] || [] })),
    ...messageTableFiles().map((file) => ({ name: file, pieces: tablePieces(file), excluded: [] })),
  ];
}

const cli = import.meta.url === `file://${process.argv[1]}`;
if (cli && process.argv[2] === '--hashes') {
  const { all, short } = runsOfSeedTexts();
  const hashes = [...new Set([...all].map(runHash))].sort();
  const shortHashes = [...new Set([...short].map(runHash))].sort();
  fs.writeFileSync(hashesFile, `${JSON.stringify({
    runLength: RUN_LENGTH,
    note: `sha1 (first 12 hex digits) of every run of ${RUN_LENGTH} words in the source texts (hashes), and of every run of ${SHORT_RUN_LENGTHS.join(' or ')} words with at least ${SHORT_RUN_CONTENT_WORDS} words that are not stop words (shortHashes); written by node scripts/own-words.mjs --hashes`,
    hashes,
    shortHashes,
  })}\n`);
  console.log(`${hashes.length} run hashes and ${shortHashes.length} short-run hashes → ${path.relative(root, hashesFile)}`);
} else if (cli) {
  const args = process.argv.slice(2);
  const showShort = args.includes('--short');
  const which = args.find((a) => !a.startsWith('--'));
  let texts = allTexts();
  if (which) {
    texts = texts.filter((t) => t.name === which || t.name === which.replace(/^\.\//, '')
      || t.name === `web/widgets/${which}.messages.js` || t.name === `web/widgets/${which}/messages.js`);
    if (!texts.length) { console.error(`no lesson or message table called ${which}`); process.exit(1); }
  }
  const rows = texts.map((t) => ({
    name: t.name,
    runs: sharedRunsOfPieces(t.pieces, t.excluded),
    short: showShort || which ? shortSharedRunsOfPieces(t.pieces) : [],
  })).sort((a, b) => b.runs.length - a.runs.length || b.short.length - a.short.length);
  for (const { name, runs, short } of rows) {
    if (!runs.length && !short.length && !which) continue;
    console.log(`${runs.length > MAX_SHARED_RUNS ? 'OVER' : 'ok  '} ${String(runs.length).padStart(4)}  ${name}`);
    for (const r of runs) console.log(`           ${r}`);
    for (const r of short) console.log(`         ~ ${r}   (${r.split(' ').length} words, read it)`);
  }
}

// Counts the 8-word runs a lesson shares with the course's source texts. Lessons are written in
// our own words: facts and formulas carry over, sentences do not, so a lesson may share at most
// MAX_SHARED_RUNS such runs. Runs made only of a formula may be excluded, one by one, in
// lessons/own-words-exclusions.json ({ slug: ["run", …] }); the test checks they are formulas.
// The source texts live outside this repository (../shared/seeds, or DW_SEEDS_DIR); the repo keeps
// only a hash of each of their runs (tests/fixtures/seed-runs.json), so the check runs anywhere
// without redistributing the texts.
//   node scripts/own-words.mjs            every lesson's count, worst first, with its runs
//   node scripts/own-words.mjs kmeans     one lesson
//   node scripts/own-words.mjs --hashes   rewrite tests/fixtures/seed-runs.json from the texts
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const RUN_LENGTH = 8;
export const MAX_SHARED_RUNS = 3;

const root = path.resolve(import.meta.dirname, '..');
export const lessonsDir = path.join(root, 'lessons');

export function seedsDir() {
  return process.env.DW_SEEDS_DIR || path.resolve(root, '..', 'shared', 'seeds');
}

// Lower-case words of letters and digits; everything else separates words, so punctuation,
// Markdown marks and line breaks never hide a shared run.
export function words(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) || [];
}

function runsOf(list) {
  const out = new Set();
  for (let i = 0; i + RUN_LENGTH <= list.length; i++) out.add(list.slice(i, i + RUN_LENGTH).join(' '));
  return out;
}

// The lesson's prose as a reader sees it: front matter and widget/check directives are not prose.
export function lessonProse(markdown) {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => !/^:::/.test(line.trim()))
    .join('\n');
}

const hashesFile = path.join(root, 'tests', 'fixtures', 'seed-runs.json');
export function runHash(run) { return crypto.createHash('sha1').update(run).digest('hex').slice(0, 12); }

function runsOfSeedTexts() {
  const dir = seedsDir();
  const all = new Set();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    for (const run of runsOf(words(fs.readFileSync(path.join(dir, name), 'utf8')))) all.add(run);
  }
  return all;
}

// The hashes of every run of the source texts: from the texts when they are here, else from
// the committed fixture.
let seedHashCache = null;
export function seedRunHashes() {
  if (seedHashCache) return seedHashCache;
  seedHashCache = fs.existsSync(seedsDir())
    ? new Set([...runsOfSeedTexts()].map(runHash))
    : new Set(JSON.parse(fs.readFileSync(hashesFile, 'utf8')).hashes);
  return seedHashCache;
}

export function exclusions() {
  const file = path.join(lessonsDir, 'own-words-exclusions.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

// The distinct runs of one lesson also found in a seed, minus its explicit formula exclusions.
export function sharedRuns(slug) {
  return sharedRunsOfText(fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8'), exclusions()[slug] || []);
}

export function sharedRunsOfText(markdown, excludedRuns = []) {
  const seeds = seedRunHashes();
  const excluded = new Set(excludedRuns.map((r) => words(r).join(' ')));
  return [...runsOf(words(lessonProse(markdown)))].filter((r) => seeds.has(runHash(r)) && !excluded.has(r));
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

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--hashes') {
  const hashes = [...new Set([...runsOfSeedTexts()].map(runHash))].sort();
  fs.writeFileSync(hashesFile, `${JSON.stringify({ runLength: RUN_LENGTH, note: 'sha1 (first 12 hex digits) of every run of 8 words in the source texts; written by node scripts/own-words.mjs --hashes', hashes })}\n`);
  console.log(`${hashes.length} run hashes → ${path.relative(root, hashesFile)}`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const slugs = process.argv[2] ? [process.argv[2]] : lessonSlugs();
  const rows = slugs.map((slug) => ({ slug, runs: sharedRuns(slug) })).sort((a, b) => b.runs.length - a.runs.length);
  for (const { slug, runs } of rows) {
    if (!runs.length && !process.argv[2]) continue;
    console.log(`${runs.length > MAX_SHARED_RUNS ? 'OVER' : 'ok  '} ${String(runs.length).padStart(4)}  ${slug}`);
    for (const r of runs) console.log(`           ${r}`);
  }
}

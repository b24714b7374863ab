// Runs every test of one widget (after `npm run build`): its browser test file
// (tests/browser/<widget>.test.mjs), the claims tests of the lessons that mount it, the every-page
// checks of those lessons' pages, and its mount/destroy cycles in the lifecycle test, with screenshots
// (DW_SCREENSHOTS=1: test-output/screenshots/, to look at; npm test takes none).
//   node scripts/test-widget.mjs kmeans-convergence [more widgets…]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const names = process.argv.slice(2);
if (names.length === 0 || names.includes('--help')) {
  console.log('usage: node scripts/test-widget.mjs <widget> [<widget> …]   (names as in web/widgets/registry.js)');
  process.exit(names.length === 0 ? 2 : 0);
}
const registry = fs.readFileSync(path.join(root, 'web/widgets/registry.js'), 'utf8');
const lessonsDir = path.join(root, 'lessons');
const files = [];
const slugs = [];
for (const name of names) {
  if (!new RegExp(`^\\s*'?${name.replace(/[-]/g, '\\-')}'?\\s*:`, 'm').test(registry)) {
    console.error(`test-widget: "${name}" is not a widget in web/widgets/registry.js`);
    process.exit(2);
  }
  const own = path.join('tests/browser', `${name}.test.mjs`);
  if (fs.existsSync(path.join(root, own))) files.push(own);
  else console.warn(`test-widget: no ${own}; running its lessons' tests only`);
  for (const f of fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(lessonsDir, f), 'utf8');
    if (!new RegExp(`^::: widget ${name}(\\s|$)`, 'm').test(text)) continue;
    const slug = f.slice(0, -3);
    slugs.push(slug);
    const claims = path.join('lessons', `${slug}.claims.test.mjs`);
    if (fs.existsSync(path.join(root, claims))) files.push(claims);
  }
}
files.push('tests/browser/widget-lifecycle.test.mjs');
if (slugs.length) files.push('tests/browser/every-page.test.mjs');
const env = { DW_SCREENSHOTS: '1', ...process.env, LIFECYCLE_WIDGETS: names.join(','), DW_PAGES: [...new Set(slugs)].map((s) => `/${s}.html`).join(',') };
console.log(`test-widget: ${[...new Set(files)].join(' ')}`);
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...new Set(files)], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);

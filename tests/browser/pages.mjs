// Every page of the built site, for tests that visit them all (accessibility, offline, CSP,
// random input: tests/browser/every-page.test.mjs). Lessons come from the course listing so a new lesson is covered automatically.
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');

// DW_PAGES=fit-the-line,gallery narrows every sweep to the pages whose path contains one of the
// words: for working on one page without waiting for all of them.
export function sitePages() {
  const lessons = fs.readdirSync(path.join(dist, 'lessons')).filter((f) => f.endsWith('.html')).sort().map((f) => `/lessons/${f}`);
  const all = ['/index.html', '/gallery.html', ...lessons];
  const only = (process.env.DW_PAGES || '').split(',').map((w) => w.trim()).filter(Boolean);
  return only.length ? all.filter((p) => only.some((w) => p.includes(w))) : all;
}

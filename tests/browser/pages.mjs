// Every page of the built site, for tests that visit them all (accessibility, offline, CSP,
// chaos). Lessons come from the course listing so a new lesson is covered automatically.
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');

export function sitePages() {
  const lessons = fs.readdirSync(path.join(dist, 'lessons')).filter((f) => f.endsWith('.html')).sort().map((f) => `/lessons/${f}`);
  return ['/index.html', '/gallery.html', ...lessons];
}

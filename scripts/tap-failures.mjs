#!/usr/bin/env node
// Prints the failures found in TAP logs (node:test's output), with each failure's message and place,
// so the last lines of a long `npm test` say what failed: CI keeps only the end of what a run prints.
// Usage: node scripts/tap-failures.mjs LOG…   (exit status 0 always; the caller decides)
import { readFileSync } from 'node:fs';

const shown = ['error:', 'location:', 'failureType:', 'code:', 'expected:', 'actual:'];
let count = 0;
for (const file of process.argv.slice(2)) {
  let lines;
  try { lines = readFileSync(file, 'utf8').split('\n'); } catch { continue; }
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    // A parent whose only failure is a child's ("N subtests failed") adds nothing: the child is listed.
    let detail = [];
    for (let j = i + 1; j < lines.length && j < i + 60; j++) {
      const l = lines[j];
      if (/^\s*\.\.\.\s*$/.test(l)) break;
      const t = l.trim();
      if (shown.some((k) => t.startsWith(k))) {
        detail.push(t.length > 300 ? `${t.slice(0, 300)}…` : t);
        // a multi-line error (|-) continues on the deeper-indented lines below
        if (/^error: \|-?$/.test(t)) {
          const depth = l.length - l.trimStart().length;
          for (let k = j + 1; k < lines.length && k < j + 8; k++) {
            const c = lines[k];
            if (c.length - c.trimStart().length <= depth) break;
            detail.push(`  ${c.trim().slice(0, 300)}`);
          }
        }
      }
    }
    if (detail.some((d) => /subtests? failed/.test(d))) continue;
    count++;
    console.log(`${' '.repeat(Math.min(indent, 8))}✗ ${m[2]}`);
    for (const d of detail) console.log(`${' '.repeat(Math.min(indent, 8))}    ${d}`);
  }
}
console.log(count ? `${count} failing test(s) above` : 'no failing tests');

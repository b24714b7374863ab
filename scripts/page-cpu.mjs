// Sums what DW_PAGE_CPU=FILE recorded during a run of browser tests (tests/browser/browser.mjs):
// per test file, the pages opened, their main threads' busy seconds (all, script, layout + style)
// and the file's own Node CPU-seconds; the files with the most come first.
//   DW_PAGE_CPU=/tmp/cpu.tsv node scripts/shared-chromium.mjs node --test tests/browser/*.test.mjs
//   node scripts/page-cpu.mjs /tmp/cpu.tsv
import fs from 'node:fs';

const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => l.split('\t'));
const files = new Map();
for (const [kind, file, ...values] of lines) {
  const f = files.get(file) ?? { pages: 0, task: 0, script: 0, layout: 0, node: 0 };
  files.set(file, f);
  if (kind === 'page') {
    f.pages += 1;
    f.task += Number(values[0]); f.script += Number(values[1]); f.layout += Number(values[2]);
  } else f.node += Number(values[0]);
}
const rows = [...files].sort((a, b) => (b[1].task + b[1].node) - (a[1].task + a[1].node));
const total = { pages: 0, task: 0, script: 0, layout: 0, node: 0 };
console.log('pages\tmain s\tscript\tlayout\tnode s\tfile');
for (const [file, f] of rows) {
  for (const k of Object.keys(total)) total[k] += f[k];
  console.log(`${f.pages}\t${f.task.toFixed(1)}\t${f.script.toFixed(1)}\t${f.layout.toFixed(1)}\t${f.node.toFixed(1)}\t${file}`);
}
console.log(`${total.pages}\t${total.task.toFixed(1)}\t${total.script.toFixed(1)}\t${total.layout.toFixed(1)}\t${total.node.toFixed(1)}\tall`);

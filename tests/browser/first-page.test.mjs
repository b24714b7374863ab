// The course's first lesson with a model at work ("How does a model learn?") stays light: a first
// visit (cache off) loads the core engine module, not the full one, and everything it fetches
// until its widget is drawn is at most 250 KiB gzip (issue 20's budget; bench/first-page.mjs
// measures it for bench/REPORT.md, this test keeps a change from quietly going over it). Bytes,
// not time: the byte count does not depend on the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { measureOne } from '../../bench/first-page.mjs';

const BUDGET_GZIP = 250 * 1024;
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('how-models-learn: the core engine, its widget drawn, at most 250 KiB gzip in all', async () => {
  const m = await measureOne(site, 'how-models-learn');
  assert.equal(m.engine, 'core');
  assert.ok(Number.isFinite(m.firstWidgetMs), 'the widget was drawn');
  const top = [...m.files].sort((a, b) => b.gzip - a.gzip).slice(0, 6).map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)}`).join(', ');
  assert.ok(m.gzip <= BUDGET_GZIP, `${(m.gzip / 1024).toFixed(1)} KiB gzip over ${m.responses} responses (largest: ${top})`);
  assert.ok(!m.files.some((f) => f.path.endsWith('/dw-engine.wasm')), 'the full engine module was fetched');
});

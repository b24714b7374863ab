// The SCORM packages (scripts/build-scorm.mjs) inside a real SCORM runtime: scorm-again's
// Scorm12API / Scorm2004API play the learning platform in a host page that launches a lesson
// package in an iframe, as Moodle or Canvas would. A learner plays a game or answers the
// check-yourself questions; the runtime must receive completion, score and suspend data, and a
// new session restored from what the runtime saved must show the learner's progress again.
// Also: the manifests are well-formed and every file they name is in the zip (and vice versa),
// and a packaged page opened without any platform works and stays quiet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage } from './browser.mjs';
import { failBadgeAttempt } from './probes.mjs';
import { buildPackages, versionFolder, COURSE_PACKAGE } from '../../scripts/build-scorm.mjs';
import { readZip } from '../../scripts/zip.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// A lesson with two games (one finished in a click) for SCORM 1.2; one whose only activity is
// the check-yourself block (a numeric question and two choices) for SCORM 2004.
const GAME_LESSON = 'data-features-labels';
const CHECK_LESSON = 'explore-or-exploit';
// The badge challenge, alone in its package: its missed topics must not link to lessons it lacks.
const BADGE_LESSON = 'badge';

let out;
let hostDir;
let site;
let packages;

// The platform: a runtime object on window.API (1.2) or window.API_1484_11 (2004), state
// restored from what a previous session saved (window.savedCmi, set by the test), the lesson
// launched in an iframe. Runtime errors are logged (logLevel 4) and fail the test.
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test learning platform</title><link rel="icon" href="data:,">
<script src="runtime/scorm12.min.js"></script>
<script src="runtime/scorm2004.min.js"></script>
</head><body>
<iframe id="sco" title="Lesson" width="1200" height="850"></iframe>
<script>
  const params = new URLSearchParams(location.search);
  const version = params.get('v');
  const settings = { autocommit: false, logLevel: 4 };
  const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (window.savedCmi) api.loadFromJSON(window.savedCmi);
  window.commits = 0;
  window.received = {}; // the last value the lesson set for each element (some are write-only)
  api.on(version === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element, value) => { window.received[element] = value; });
  api.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => { window.commits += 1; });
  if (version === '1.2') window.API = api; else window.API_1484_11 = api;
  window.lms = api;
  // What a platform keeps for the learner's next session after an exit of "suspend".
  window.nextSession = () => {
    const cmi = api.renderCMIToJSONObject().cmi;
    if (version === '1.2') return { suspend_data: cmi.suspend_data, core: { lesson_status: cmi.core.lesson_status, score: cmi.core.score, entry: 'resume' } };
    return { suspend_data: cmi.suspend_data, completion_status: cmi.completion_status, success_status: cmi.success_status, score: cmi.score, entry: 'resume' };
  };
  if (params.get('launch')) document.getElementById('sco').src = params.get('launch');
</script>
</body></html>
`;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-scorm-'));
  packages = buildPackages({ out, lessons: [GAME_LESSON, CHECK_LESSON, BADGE_LESSON], course: true });
  hostDir = path.join(out, 'host');
  fs.mkdirSync(path.join(hostDir, 'runtime'), { recursive: true });
  for (const f of ['scorm12.min.js', 'scorm2004.min.js']) {
    fs.copyFileSync(path.join(root, 'node_modules', 'scorm-again', 'dist', f), path.join(hostDir, 'runtime', f));
  }
  fs.writeFileSync(path.join(hostDir, 'host.html'), HOST_PAGE);
  // "Upload": unzip each lesson package into its own folder of the platform's site.
  for (const [version, slug, folder] of [['1.2', GAME_LESSON], ['2004', CHECK_LESSON], ['1.2', BADGE_LESSON, 'badge-package']]) {
    const files = readZip(fs.readFileSync(path.join(out, versionFolder(version), `${slug}.zip`)));
    for (const [name, data] of files) {
      const file = path.join(hostDir, folder || versionFolder(version), name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
    }
  }
  site = await startSite({ dir: hostDir });
});
after(async () => {
  if (site) await site.close();
  fs.rmSync(out, { recursive: true, force: true });
});

// Launches a package's lesson in the host page; returns the lesson's frame once its widgets are up.
async function launch(page, version, slug, savedCmi = null) {
  if (savedCmi) await page.addInitScript((cmi) => { window.savedCmi = cmi; }, savedCmi);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  page.failed = failed;
  await page.goto(`${site.base}/host.html?v=${version}&launch=${versionFolder(version)}/lessons/${slug}.html`);
  const frame = await (await page.$('#sco')).contentFrame();
  await frame.waitForURL((url) => url.pathname.endsWith(`/lessons/${slug}.html`));
  await frame.waitForLoadState('load');
  await widgetsReady(frame);
  return frame;
}

// The learner leaves (the platform closes the lesson's frame): the lesson must Finish/Terminate.
async function leave(page) {
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.lms.isTerminated());
  return page.evaluate(() => ({ sessionTime: window.received['cmi.core.session_time'] ?? window.received['cmi.session_time'], next: window.nextSession() }));
}

test('SCORM 1.2: a finished game reaches the runtime (status, score, suspend data) and comes back in the next session', async () => {
  const page = await site.newPage();
  let frame = await launch(page, '1.2', GAME_LESSON);
  assert.equal(await page.evaluate(() => window.lms.cmi.core.lesson_status), 'incomplete', 'launched: incomplete, not "not attempted"');
  assert.equal(await page.evaluate(() => window.lms.cmi.core.score.raw), '', 'no score before an attempt');
  await frame.evaluate(() => {
    window.statements = [];
    document.addEventListener('dw:xapi', (e) => window.statements.push(e.detail));
  });
  // The house-table game: spotting the noise column finishes it (1 of the page's 3 activities:
  // two games and the check-yourself block), so the lesson's score is 100 · 1/3.
  await frame.locator('.house-table-col-pick', { hasText: 'shoe' }).click();
  await page.waitForFunction(() => window.lms.cmi.core.score.raw === '33.33');
  const cmi = await page.evaluate(() => ({
    status: window.lms.cmi.core.lesson_status,
    raw: window.lms.cmi.core.score.raw,
    min: window.lms.cmi.core.score.min,
    max: window.lms.cmi.core.score.max,
    exit: window.received['cmi.core.exit'],
    suspend: window.lms.cmi.suspend_data,
    commits: window.commits,
  }));
  assert.equal(cmi.status, 'incomplete', 'one of three activities finished: the lesson is not complete yet');
  assert.deepEqual([cmi.min, cmi.max], ['0', '100']);
  assert.equal(cmi.exit, 'suspend');
  assert.ok(cmi.commits >= 2, 'committed at launch and after the game');
  const suspended = JSON.parse(cmi.suspend);
  assert.equal(suspended.c, 0);
  assert.deepEqual(suspended.a['house-table'].slice(0, 3), [1, 1, 1]);
  assert.ok(cmi.suspend.length <= 4096);
  // The same result as an xAPI statement, for an LRS-connected host.
  const statement = (await frame.evaluate(() => window.statements)).find((s) => s.verb.id.endsWith('/completed'));
  assert.ok(statement, 'a "completed" statement was dispatched');
  assert.match(statement.object.id, /\/lessons\/data-features-labels\.html#house-table$/);
  assert.deepEqual(statement.result, { completion: true, score: { raw: 1, min: 0, max: 1, scaled: 1 }, success: true });
  assert.equal(statement.actor, undefined, 'the actor is left to the host');
  await screenshot(frame.page(), 'scorm12-host-1280');

  // Finishing by hand completes the lesson; the runtime hears it at once.
  await frame.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await page.waitForFunction(() => window.lms.cmi.core.lesson_status === 'completed');
  const { sessionTime, next: saved } = await leave(page);
  assert.match(sessionTime, /^\d{4}:\d{2}:\d{2}\.\d{2}$/, 'session time as a CMITimespan');
  assert.deepEqual(page.failed, []);
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();

  // Next session, maybe on another computer: this browser's own record is gone; the runtime's
  // suspend data brings the progress back.
  const next = await site.newPage();
  await next.goto(`${site.base}/host.html?v=none`);
  await next.evaluate(() => localStorage.clear());
  frame = await launch(next, '1.2', GAME_LESSON, saved);
  assert.match(await frame.locator('.lesson-activities').textContent(), /✓ Spot the noise column/);
  assert.equal(await frame.locator('.lesson-complete-status').textContent(), '✓ You have completed this lesson.');
  assert.equal(await next.evaluate(() => window.lms.cmi.core.lesson_status), 'completed');
  assert.deepEqual(next.record.errors, []);
  await next.close();
});

test('SCORM 2004: answering the check-yourself questions completes the lesson with a scaled score, restored next time', async () => {
  const page = await site.newPage();
  let frame = await launch(page, '2004', CHECK_LESSON);
  assert.equal(await page.evaluate(() => window.lms.cmi.completion_status), 'incomplete');
  const forms = frame.locator('section[data-check-yourself] form.cy-item');
  assert.equal(await forms.count(), 3);
  // Question 1 (a number from the engine): a wrong answer. Question 2: the right choice.
  // Question 3: a wrong choice. First answers count: 1 of 3 right.
  await forms.nth(0).locator('input').fill('0.9'); // a share, so a wrong one inside 0–1 (0.15 is right)
  await forms.nth(0).getByRole('button', { name: 'Check' }).click();
  await frame.waitForFunction(() => document.querySelector('form.cy-item .cy-feedback').dataset.tone === 'bad');
  for (const [i, right] of [[1, true], [2, false]]) {
    const value = await forms.nth(i).evaluate((form, r) => form.querySelector(`template.cy-why[data-right="${r}"]`).dataset.choice, right);
    await forms.nth(i).locator(`input[type=radio][value="${value}"]`).check();
    await forms.nth(i).getByRole('button', { name: 'Check' }).click();
  }
  await page.waitForFunction(() => window.lms.cmi.completion_status === 'completed');
  const cmi = await page.evaluate(() => ({
    completion: window.lms.cmi.completion_status,
    success: window.lms.cmi.success_status,
    scaled: window.lms.cmi.score.scaled,
    raw: window.lms.cmi.score.raw,
    min: window.lms.cmi.score.min,
    max: window.lms.cmi.score.max,
    progress: window.lms.cmi.progress_measure,
    exit: window.received['cmi.exit'],
    suspend: window.lms.cmi.suspend_data,
  }));
  assert.equal(cmi.completion, 'completed');
  assert.equal(cmi.success, 'unknown', 'no passing score was set by the platform');
  assert.equal(Number(cmi.scaled), 0.3333);
  assert.equal(Number(cmi.raw), 33.33);
  assert.deepEqual([cmi.min, cmi.max, cmi.progress, cmi.exit], ['0', '100', '1', 'suspend']);
  assert.deepEqual(JSON.parse(cmi.suspend).a['check-yourself'].slice(0, 3), [1, 3, 1]);
  await screenshot(page, 'scorm2004-host-1280');
  const { sessionTime, next: saved } = await leave(page);
  assert.match(sessionTime, /^PT\d+H\d+M[\d.]+S$/, 'session time as an ISO 8601 duration');
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.record.errors, []);
  await page.close();

  const next = await site.newPage({ width: 375 });
  await next.goto(`${site.base}/host.html?v=none`);
  await next.evaluate(() => localStorage.clear());
  frame = await launch(next, '2004', CHECK_LESSON, saved);
  assert.equal(await frame.locator('.cy-score').textContent(), 'Saved from an earlier visit: 1 of 3 right at the first try, every question answered.');
  assert.equal(await frame.locator('.lesson-complete-status').textContent(), '✓ You have completed this lesson.');
  assert.equal(await next.evaluate(() => window.lms.cmi.completion_status), 'completed');
  assert.deepEqual(next.record.errors, []);
  await next.close();
});

test('a packaged lesson opened without a learning platform works and reports nothing', async () => {
  const page = await openPage(site, `/${versionFolder('1.2')}/lessons/${GAME_LESSON}.html`);
  await page.locator('.house-table-col-pick', { hasText: 'shoe' }).click();
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Spot the noise column/);
  assert.equal(await page.locator('.site-nav, .lesson-nav, .course-progress').count(), 0, 'the platform is the navigation');
  assert.deepEqual(page.failed ?? [], []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The audit's case: the badge's "Topics you missed" linked to lessons/<slug>.html, which a one-lesson
// package does not hold. In a package they are plain text, like the lesson's other links to lessons.
test('the badge challenge alone in a package lists the missed topics without links to lessons it lacks', async () => {
  const page = await openPage(site, `/badge-package/lessons/${BADGE_LESSON}.html`, { width: 375 });
  const card = page.locator('.dw-card').filter({ hasText: 'earn the Machine Learning badge' });
  await failBadgeAttempt(card);
  assert.ok(await card.locator('.ml-badge-missed li').count() > 0, 'topics were missed');
  assert.equal(await card.locator('.ml-badge-quiz-result a').count(), 0, 'no link to a lesson outside the package');
  assert.match(await card.locator('.ml-badge-missed li').first().textContent(), / — revisit the lesson$/);
  assert.match(await card.locator('.dw-message').textContent(), /Revisit the lessons on the topics under “Topics you missed” above and press Start again\.$/);
  await screenshot(page, 'scorm-badge-missed-375');
  assert.deepEqual(page.failed ?? [], []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Manifests parsed by the browser's XML parser; their structure checked against the zip.
test('every package has a well-formed imsmanifest.xml naming exactly the files in the zip', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/host.html?v=none`);
  const zips = packages.filter((f) => f.endsWith('.zip'));
  assert.equal(zips.length, 8, 'three lessons and the course, in SCORM 1.2 and 2004');
  for (const file of zips) {
    const version = file.includes(`${path.sep}${versionFolder('1.2')}${path.sep}`) ? '1.2' : '2004';
    const files = readZip(fs.readFileSync(file));
    const manifest = files.get('imsmanifest.xml');
    assert.ok(manifest, `${file}: imsmanifest.xml at the root`);
    const m = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const all = (name) => [...doc.getElementsByTagName(name)];
      const attr = (el, name) => el.getAttribute(name);
      const orgs = doc.getElementsByTagName('organizations')[0];
      return {
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        schema: all('schema')[0]?.textContent,
        schemaversion: all('schemaversion')[0]?.textContent,
        defaultOrg: attr(orgs, 'default'),
        organizations: all('organization').map((o) => attr(o, 'identifier')),
        title: all('organization')[0]?.getElementsByTagName('title')[0]?.textContent,
        itemRefs: all('item').map((i) => attr(i, 'identifierref')).filter(Boolean),
        ids: all('*').map((e) => attr(e, 'identifier')).filter(Boolean),
        resources: all('resource').map((r) => ({
          id: attr(r, 'identifier'),
          href: attr(r, 'href'),
          type: attr(r, 'type'),
          scormType: attr(r, 'adlcp:scormtype') ?? attr(r, 'adlcp:scormType'),
          files: [...r.getElementsByTagName('file')].map((f) => attr(f, 'href')),
          deps: [...r.getElementsByTagName('dependency')].map((d) => attr(d, 'identifierref')),
        })),
      };
    }, manifest.toString('utf8'));
    assert.equal(m.error, undefined, `${file}: ${m.error}`);
    assert.equal(m.root, 'manifest');
    assert.equal(m.namespace, version === '1.2' ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1');
    assert.equal(m.schema, 'ADL SCORM');
    assert.equal(m.schemaversion, version === '1.2' ? '1.2' : '2004 4th Edition');
    assert.ok(m.organizations.includes(m.defaultOrg), 'the default organization exists');
    assert.equal(new Set(m.ids).size, m.ids.length, 'identifiers are unique');
    const resourceIds = new Set(m.resources.map((r) => r.id));
    for (const ref of m.itemRefs) assert.ok(resourceIds.has(ref), `item refers to resource ${ref}`);
    const listed = new Set();
    for (const r of m.resources) {
      assert.equal(r.type, 'webcontent');
      assert.ok(['sco', 'asset'].includes(r.scormType), `${r.id}: scormType ${r.scormType}`);
      if (r.scormType === 'sco') assert.ok(r.files.includes(r.href), `${r.id}: its launch page is one of its files`);
      for (const d of r.deps) assert.ok(resourceIds.has(d), `${r.id} depends on ${d}`);
      for (const f of r.files) { assert.ok(files.has(f), `${path.basename(file)}: ${f} is in the zip`); listed.add(f); }
    }
    const unlisted = [...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !listed.has(f));
    assert.deepEqual(unlisted, [], 'every file in the zip is named by the manifest');
    assert.ok(files.has('engine/dw-engine.wasm') && files.has('engine/dw-core.wasm') && files.has('js/lms.js'), 'both engine modules and the runtime bridge are inside');
    // Every page's references and every module's imports resolve inside the package.
    for (const [name, data] of files) {
      const text = /\.(html|js|mjs|css)$/.test(name) ? data.toString('utf8') : null;
      if (!text) continue;
      // A lesson's links stay on its page (or leave the course): none goes to another lesson,
      // glossary terms included (a SCO that navigates leaves the platform's tracking).
      if (name.endsWith('.html')) {
        const away = [...text.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((x) => x[1]).filter((href) => !/^(#|https?:|mailto:)/.test(href));
        assert.deepEqual(away, [], `${path.basename(file)}: ${name} links to another page`);
      }
      const refs = name.endsWith('.html')
        ? [...text.matchAll(/(?:src|href)="([^"#:]+)"/g)].map((x) => x[1])
        : name.endsWith('.css')
          ? [...text.matchAll(/url\(["']?([^"')]+)["']?\)/g)].map((x) => x[1]).filter((u) => !u.startsWith('data:'))
          : [...text.matchAll(/^import\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm)].map((x) => x[1] || x[2]);
      for (const ref of refs) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), ref));
        assert.ok(files.has(target), `${path.basename(file)}: ${name} refers to ${ref}, which is in the zip`);
      }
    }
    if (file.endsWith(`${COURSE_PACKAGE}.zip`)) {
      const course = JSON.parse(fs.readFileSync(path.join(root, 'lessons', 'course.json'), 'utf8'));
      assert.equal(m.resources.filter((r) => r.scormType === 'sco').length, m.itemRefs.length);
      assert.ok(m.itemRefs.length >= 40, 'one SCO per lesson');
      assert.equal(m.title, course.title || 'Data Workshop');
    }
  }
  await page.close();
});

// The embedding documentation and the gallery are generated from the widgets' own schemas,
// so an option is described in exactly one place (its schema).
//   node scripts/embed-docs.mjs          rewrites docs/embedding.md
//   (build-site.mjs calls renderGallery() to write dist/gallery.html)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esc, page } from './lesson-render.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Reads the built site (dist/), where the engine module the widgets import exists.
export async function widgetCatalogue(webDir = path.join(root, 'dist')) {
  const { widgets } = await import(pathToFileURL(path.join(webDir, 'widgets', 'registry.js')).href);
  const { describeSchema, kebabName } = await import(pathToFileURL(path.join(webDir, 'lib', 'schema.js')).href);
  const out = [];
  for (const name of Object.keys(widgets).sort()) {
    const module = await widgets[name]();
    // Attributes and address parameters are written in kebab-case (train-pct), the one spelling
    // the docs show; the schema's camelCase still works.
    out.push({ name, meta: module.meta, options: describeSchema(module.schema).map((o) => ({ ...o, name: kebabName(o.name) })) });
  }
  return out;
}

function exampleAttributes(options) {
  return options.slice(0, 2).map((o) => ` ${o.name}="${o.default}"`).join('');
}

// Results as xAPI statements (web/js/xapi.js).
const XAPI_SECTION = [
  '## 4. Results as xAPI statements',
  '',
  'Every game and check also reports each result as an xAPI-shaped statement, so a page connected to a Learning',
  'Record Store (LRS) can record it. With the same `dw:score` / `dw:complete` events, lesson pages and `<dw-widget>`',
  'dispatch a bubbling `dw:xapi` event whose `detail` is the statement; the iframe embed posts it to the parent as',
  '`{source: "data-workshop", type: "dw:xapi", detail}`. The statement has a verb, an object and a result; the',
  '**actor is left to you** (your page knows who the learner is; the widgets do not), and so are `id` and `timestamp`.',
  '',
  '| event | verb |',
  '|---|---|',
  '| `dw:complete` (a game or check finished) | `http://adlnet.gov/expapi/verbs/completed` |',
  '| `dw:score` from a game (an attempt) | `http://adlnet.gov/expapi/verbs/scored` |',
  '| `dw:score` from a check-yourself block (a question answered) | `http://adlnet.gov/expapi/verbs/answered` |',
  '',
  'The object id is the page address (no query, no fragment) followed by `#` and the widget name; a second widget of',
  'the same name on the page is `#NAME-2`, a third `#NAME-3` (in page order, so adding a widget above them renumbers',
  'them). To give an activity an id of your own that stays put, set the element\'s `activity` attribute or the',
  'iframe\'s `activity=` parameter (section 1). A check-yourself block sends `answered` for every question, the',
  'last one included, then `completed`. `result.score` has',
  '`raw`, `min` (0), `max` and `scaled` (raw / max) when the widget reports a score; `result.completion` is true on',
  '`completed`; `result.success` is given on `completed` only. A game that completes only when it is passed says',
  '`passed: true` in the event\'s `detail` (the badge at 18 of 22, Draw the boundary at 78 of 80, Place the centroids,',
  'Widen the street, Pick the model, the digits network), and that is a success; a sorting game gives its pass mark',
  '(`passMark`: every round that completes it is a success); an activity with neither (a first pick, a check-yourself',
  'block) is a success when the learner finished with full marks.',
  '',
  '```json',
  '{',
  '  "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } },',
  '  "object": {',
  '    "objectType": "Activity",',
  '    "id": "https://your-host/data-workshop/lessons/data-features-labels.html#house-table",',
  '    "definition": { "name": { "en-US": "Spot the noise column (first pick)" }, "type": "http://adlnet.gov/expapi/activities/interaction" }',
  '  },',
  '  "result": { "completion": true, "score": { "raw": 1, "min": 0, "max": 1, "scaled": 1 }, "success": true }',
  '}',
  '```',
  '',
  'Sending them to an LRS takes a few lines (xAPI 1.0.3 `POST /statements`; use your LRS\'s address and credentials):',
  '',
  '```js',
  "document.addEventListener('dw:xapi', (event) => {",
  '  const statement = {',
  "    actor: { objectType: 'Agent', name: 'Ada Lovelace', mbox: 'mailto:ada@example.org' },",
  '    ...event.detail,',
  '    timestamp: new Date().toISOString(),',
  '  };',
  "  fetch('https://lrs.example.org/xapi/statements', {",
  "    method: 'POST',",
  "    headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic ' + btoa('key:secret') },",
  '    body: JSON.stringify(statement),',
  '  });',
  '});',
  '```',
  '',
];

// SCORM packages (scripts/build-scorm.mjs, web/js/lms.js).
const PLATFORM_SECTION = [
  '## Use it in your learning platform',
  '',
  'Moodle, Canvas, Blackboard, Brightspace and most other learning platforms import **SCORM packages**, and put the',
  'scores they report in the gradebook. `npm run build:scorm` writes them into `dist-scorm/`:',
  '',
  '| file | what it is |',
  '|---|---|',
  '| `dist-scorm/scorm12/<lesson>.zip` | one lesson, SCORM 1.2 |',
  '| `dist-scorm/scorm2004/<lesson>.zip` | one lesson, SCORM 2004 (4th edition) |',
  '| `dist-scorm/scorm12/data-workshop-course.zip` | the whole course, SCORM 1.2 |',
  '| `dist-scorm/scorm2004/data-workshop-course.zip` | the whole course, SCORM 2004 |',
  '',
  'Each zip holds an `imsmanifest.xml` and every file the lessons use, the learning engine included: nothing is fetched',
  'from anywhere, so the packages work on a platform with no internet access. Pick **SCORM 1.2** unless your platform',
  'asks for 2004: every platform supports 1.2, and Moodle supports 2004 only in part.',
  '',
  '**The whole-course package has one SCO (one trackable item) per lesson**, grouped by level in course order. We chose',
  'this over a single SCO holding the whole course because each lesson then reports its own completion and score, the',
  'platform\'s table of contents is the course menu, a learner resumes each lesson where they left it, and the platform',
  'always knows which page is open (a single SCO would have to move between 50 pages behind the platform\'s back, and',
  'SCORM 1.2 gives one SCO only 4,096 characters to save progress in). Moodle shows the lessons as a table of',
  'contents beside the player. Canvas turns one package into one assignment with one score, so for a gradebook',
  'column per lesson in Canvas, upload the lesson packages you use instead of the course package.',
  '',
  '### What a lesson reports',
  '',
  'A lesson finds the platform\'s runtime the way the SCORM standards describe (the `API` or `API_1484_11` object on',
  'its window\'s parents, then its opener), and reports:',
  '',
  '| | SCORM 1.2 | SCORM 2004 |',
  '|---|---|---|',
  '| completion: every game and check on the page finished, or "Mark this lesson complete" pressed | `cmi.core.lesson_status` = `completed` (before: `incomplete`) | `cmi.completion_status` = `completed` (before: `incomplete`); `cmi.progress_measure` = share of the activities finished |',
  '| score: the mean over the page\'s games and checks of best score ÷ maximum (one not yet played counts 0) | `cmi.core.score.raw` from 0 to 100, `min` 0, `max` 100 | the same, and `cmi.score.scaled` from 0 to 1 |',
  '| pass or fail, only if the platform sets a passing score | `passed` / `failed` in `cmi.core.lesson_status` against `cmi.student_data.mastery_score` | `cmi.success_status` against `cmi.scaled_passing_score` (otherwise `unknown`) |',
  '| progress, for the next visit | `cmi.suspend_data` (kept under 4,096 characters), `cmi.core.exit` = `suspend` | `cmi.suspend_data`, `cmi.exit` = `suspend` |',
  '| time spent | `cmi.core.session_time` | `cmi.session_time` |',
  '',
  'A lesson without games or checks reports completion only (when the learner marks it complete), never a score.',
  'Each change is committed at once; the session ends (`LMSFinish` / `Terminate`) when the learner leaves the page.',
  'Inside a platform, the progress the platform saved is what the lesson shows, not what an earlier user left in the',
  'browser. Opened outside a platform, a packaged lesson works as on the site and reports nothing.',
  '',
  '### Moodle, step by step',
  '',
  '1. In your course, turn editing on, then in a section choose **Add an activity or resource → SCORM package → Add**.',
  '2. Give it a name and drag the zip (`dist-scorm/scorm12/<lesson>.zip` or `data-workshop-course.zip`) onto **Package file**.',
  '3. **Appearance**: *Display package* "Current window" or "New window"; for the course package, set *Display course',
  '   structure in player* to "To the side" so learners see the lessons.',
  '4. **Grade**: *Grading method* "Highest grade" for a lesson package. For the course package, "Average grade" (the',
  '   mean of the lesson scores, counting only lessons that reported one) or "Learning objects" (the number of lessons',
  '   completed; set *Maximum grade* to the number of lessons). Keep *Maximum grade* at 100 otherwise: scores run 0 to 100.',
  '5. **Attempts management**: *Number of attempts* "Unlimited", *Attempts grading* "Highest attempt", *Force new',
  '   attempt* "No", so learners come back to their progress.',
  '6. **Activity completion** (optional): *Require status* "Completed", or *Receive a grade*.',
  '7. **Save and display**, then open it as a student (or with *Preview*) and play a game.',
  '',
  'The gradebook then shows one column for the activity: the lesson score out of 100 (for the course package, the',
  'average or the count chosen above). The activity\'s *Reports* page lists, per learner and attempt, each lesson\'s',
  'status (incomplete, completed), score and time.',
  '',
  '### Canvas, step by step',
  '',
  '1. SCORM lives in the **SCORM** page of the course navigation. If you do not see it, an administrator must enable',
  '   the SCORM app for your account, then you show it under **Settings → Navigation**.',
  '2. Open **SCORM**, choose the zip (`dist-scorm/scorm12/<lesson>.zip`), tick **Import as graded assignment**, and',
  '   press **Upload**. Wait until the package shows as processed.',
  '3. Canvas creates an assignment of the same name. Edit it to set its points and due date, and publish it; add it to',
  '   a module like any assignment.',
  '4. Open it with **Student view** and play a game to check that it reports.',
  '',
  'The gradebook shows one column per package: the lesson score as a percentage of the assignment\'s points',
  '(a score of 75 on a 10-point assignment gives 7.5). Upload one package per lesson for one column per lesson.',
  '',
  '### Blackboard, Brightspace and others',
  '',
  'Upload the zip wherever the platform accepts "SCORM package", "content package" or "SCORM/AICC"; the lesson needs',
  'nothing else. If the platform offers a choice of score to grade by, pick the *score* (0 to 100), not completion alone.',
  '',
];

export function renderEmbeddingMarkdown(catalogue) {
  const lines = [
    '# Embedding Data Workshop widgets',
    '',
    '<!-- Generated by scripts/embed-docs.mjs from the widget schemas: do not edit by hand. -->',
    '',
    'Every widget of the course can live inside your own pages: a Moodle or Canvas course, a static blog, a Jupyter Book.',
    'Host the built site (`npm run build` → `dist/`) anywhere, then use one of two ways.',
    '',
    '## 1. A custom element (recommended)',
    '',
    'Load `embed.js` once per page, then place as many widgets as you like. They share one engine instance and each',
    'renders in its own Shadow DOM, so your page\'s CSS and the widget\'s CSS cannot interfere.',
    '',
    '```html',
    '<script type="module" src="https://your-host/data-workshop/embed.js"></script>',
    '<dw-widget name="fit-line" seed="3" points="40">',
    '  <a href="https://your-host/data-workshop/embed.html?w=fit-line&seed=3&points=40">Fit the line: open the widget</a>',
    '</dw-widget>',
    '```',
    '',
    'What you write inside `<dw-widget>` shows until `embed.js` has loaded (a moment), and then the widget takes its',
    'place. If `embed.js` cannot load, it stays: a link to the same widget on its own page (section 2) gives your',
    'learners a way on, and tells you that something is wrong. An empty `<dw-widget></dw-widget>` works as well, but',
    'shows nothing at all when the script is blocked.',
    '',
    '**A page on another origin needs CORS.** When your course page and the built site are on different origins',
    '(a Moodle at `https://moodle.school.example`, the site at `https://static.school.example`), the browser loads',
    '`embed.js`, the modules it imports and the learning engine only if the site\'s server sends',
    '`Access-Control-Allow-Origin: *` (or your course page\'s origin) with every file. Without it the widget never',
    'appears (the browser console says "blocked by CORS policy") and only the element\'s own content shows. The',
    'project\'s server sends it with `node scripts/serve.mjs dist 8080 --cors`; on nginx add',
    '`add_header Access-Control-Allow-Origin *;`, on Apache `Header set Access-Control-Allow-Origin "*"`; GitHub',
    'Pages sends it already (`python3 -m http.server` does not). A page on the site\'s own origin needs nothing.',
    'If you cannot set headers on the host, use the iframe (section 2): it needs no CORS.',
    '',
    'Attribute names are written in kebab-case, as in the tables below (`train-pct`, `show-test`); the camelCase',
    'spelling of older embeds (`trainPct`, which HTML reads as `trainpct`) names the same option. Attributes are',
    'validated against the widget\'s options: out-of-range numbers are clamped, an unknown attribute is ignored, and a',
    'note inside the widget says so once, with where the setting came from ("in the attributes", "in the page',
    'address"). An unknown widget name shows a message listing the available ones. HTML\'s own attributes (`id`,',
    '`class`, `style`, `title`, `hidden`, `role`, `aria-*`, `data-*`, `on…` handlers and the other global attributes)',
    'belong to the element as on any other, and are never reported; a widget with an option of the same name (the',
    'derivation\'s `title`) gets its value too.',
    '',
    'Changing an attribute after the widget is on the page updates it in place (removing one restores its default);',
    'changing `name` shows another widget. A page script can also update the options:',
    '',
    '```js',
    "const widget = document.querySelector('dw-widget');",
    "widget.setAttribute('points', '80');                                   // like any attribute",
    "widget.dispatchEvent(new CustomEvent('dw:update', { detail: { points: 80 } })); // or an event",
    '```',
    '',
    'The element dispatches `dw:score` (an attempt, with `detail` `{widget, title, score, max}`) and `dw:complete`',
    '(the learner achieved what the game or check asks, same `detail`) that your page can listen to. Every game',
    'reports a `dw:score` before its `dw:complete`; a game with a pass mark (the sorting games: 9 of 12 right) adds it',
    'to the `detail` as `passMark`, sends `dw:complete` only for a round that reaches it, and sends `dw:score` once for',
    'every round, when the round ends (a card answered is not an attempt):',
    '',
    '```js',
    "document.querySelector('dw-widget').addEventListener('dw:complete', (e) => console.log(e.detail));",
    '```',
    '',
    'Four attributes work on every widget:',
    '',
    '| attribute | meaning |',
    '|---|---|',
    '| `address` | Keep the widget\'s state in the page address (`#…`) so the page\'s own link restores it. Off unless you add it. The widget writes only keys of its own, `NAME.option=value` (`nn-playground.lr=0.1`); your page\'s anchors (`#week4`) and other widgets\' keys are left as they are and never reported, and a page opened at `#week4&NAME.…` is brought to `#week4`\'s element as `#week4` alone would (CSS `:target` does not match it, though). Two widgets of the same name get `NAME` and `NAME-2`; `address="mine"` picks the prefix. |',
    '| `share` | `share="false"` hides the Share control. |',
    '| `state` | What the widget\'s learner did (points placed, a line, centroids), as a Share link or snippet writes it. A damaged value gets a note and the widget starts from its defaults. |',
    '| `activity` | The xAPI activity this widget\'s results are about (section 4): a name (`activity="week1-practice"` gives `…/your-page.html#week1-practice`) or a full IRI (`activity="https://school.example/ml/week1/practice"`). Without it, the id is your page\'s address and `#NAME`, `#NAME-2` for a second widget of the same name. |',
    '',
    '## 2. An iframe',
    '',
    'For hosts that only allow iframes, `embed.html?w=NAME&option=value` shows one widget without the site around it.',
    'The parameters are the attributes below, with the same names (`embed.html?w=nn-playground&train-pct=70&show-test=true`);',
    'unknown parameters are reported in a note, like unknown attributes.',
    'It posts `{source: "data-workshop", type: "dw:resize", height}` to the parent whenever the height of its content',
    'changes, smaller as well as larger (after a `dw:update` with fewer examples, say), and forwards `dw:score` /',
    '`dw:complete` the same way. It accepts one message, `{type: "dw:update", options: {...}}`; every other message is',
    'ignored. The iframe needs no CORS: it works from any host.',
    '',
    '```html',
    '<iframe src="https://your-host/data-workshop/embed.html?w=fit-line&seed=3" title="Fit the line" width="100%" height="720"></iframe>',
    '<script src="https://your-host/data-workshop/embed-resize.js"></script>',
    '```',
    '',
    '`embed-resize.js`, a small file of the site, sets the `height` of each of your page\'s iframes that show the site\'s',
    '`embed.html` to the height its content reports; load it once per page, however many iframes there are. Without it',
    'an iframe keeps the `height` you wrote, and a taller widget scrolls inside it. If you would rather write the',
    'listener yourself: on a `message` event whose `data.source` is `"data-workshop"` and `data.type` is `"dw:resize"`,',
    'set the `height` of the iframe whose `contentWindow` is `event.source` to `data.height`.',
    '',
    '`activity=` names the xAPI activity (section 4), but a name is read against the iframe\'s own address, not your',
    'page\'s: the frame cannot know which page it sits on (a browser tells a frame from another origin at most the',
    'origin of the page around it). So `embed.html?w=spot-the-job&rounds=6&activity=week1-practice` reports',
    '`https://your-host/data-workshop/embed.html#week1-practice` on every page that uses that name; use one name per',
    'activity across your course, or a full IRI that says where it belongs',
    '(`activity=https://school.example/ml/week1/practice`; write a `#` or `&` in it as `%23` or `%26`). Without',
    '`activity=` every iframe of a widget reports the same id, `…/embed.html#NAME`, whichever page it sits on.',
    '',
    '**Under a Content-Security-Policy.** The widgets need no inline script or style and no `eval`, only',
    '`\'wasm-unsafe-eval\'` for the learning engine. On a page of the site\'s own origin both ways work under a policy as',
    'strict as `default-src \'self\'; script-src \'self\' \'wasm-unsafe-eval\'; style-src \'self\'`. When the built site is',
    'on another origin, your page\'s policy must also allow that origin: for `<dw-widget>` in `script-src` (embed.js',
    'and its modules), `style-src` (the widgets\' stylesheets) and `connect-src` (the engine\'s `.wasm` and data files),',
    'and for the iframe in `frame-src`. A directive the policy leaves out falls back to `default-src`, so adding the',
    'origin there and to the two directives it already lists is enough:',
    '`default-src \'self\' https://static.school.example; script-src \'self\' \'wasm-unsafe-eval\' https://static.school.example; style-src \'self\' https://static.school.example`.',
    'Without that, the browser console names the directive that blocked the file and only the element\'s own content',
    'shows (or the iframe stays empty). The policy belongs to the course page, so on a platform such as Moodle it is',
    'the administrator\'s to change. `embed-resize.js` is a file for the same reason: a policy without',
    '`\'unsafe-inline\'` refuses a script written into the page, so a listener of your own must be a file too.',
    'The gallery page of the built site (`gallery.html`) shows every widget embedded with its snippet.',
    '',
    '## 3. Share',
    '',
    'Every widget has a Share button in its top corner. It shows a link and an embed snippet (a `<dw-widget>` element or',
    'an iframe) that restore the widget exactly as it is: its options and what the learner did with it. On a lesson',
    'page the link opens the lesson with the widget\'s own keys in the address (`#place-centroids.state=…`); elsewhere',
    'it opens `embed.html`. The snippet is what you paste into your own page: the `<dw-widget>` one holds a link to the',
    'same widget on its own page, which shows if `embed.js` cannot load (section 1), and the iframe one loads',
    '`embed-resize.js` after the frame (section 2).',
    '',
    'In the single-file edition (`dist-single/`, opened from file://) Share offers the link alone and says why: the link',
    'points at the file on this computer, so it restores the widget there only, and embedding needs the hosted site\'s',
    'scripts, which a file does not have.',
    '',
    'On the course\'s own lesson pages, the page\'s only widget (such as the neural-network playground) keeps its state',
    'in the page address as you work, so the address itself is always a link to what you see.',
    '',
    '### Your own points (CSV)',
    '',
    'Every widget whose data are points (fit-line, draw-boundary, place-centroids, kmeans-by-hand, kmeans-convergence,',
    'dbscan-vs-kmeans, pca-projection, knn-vote, widen-the-street, kernel-svm, tree-splits, build-dataset,',
    'adaboost-rounds, nn-playground, train-vs-test, bagging, regression-metrics, regression-race, gan-lab, anomaly-detector) has **Import CSV** and **Export CSV**',
    'buttons. A file is plain lines of numbers,',
    'comma, semicolon or tab separated, with an optional header line: `x1,x2,label` for classes, `x,y` for a',
    'regression line, `x1,x2` for clustering, PCA and the GAN\'s real points, one column `x` for the number line, and the seven house columns',
    'then `price` for build-dataset (the exported file shows each widget\'s header). The same rules hold everywhere:',
    'a line that cannot be used is skipped and named by its number (the playground refuses the whole file instead);',
    'labels such as −1/1 or 1/2 are read as classes 0/1 with a note; points outside a widget\'s plot, too many',
    'points, an empty file, a file that is not text and files over 2 MB are refused in words and leave the widget as',
    'it was. Export writes the points as the widget shows them (with the clusters, weights, projections or the',
    'train/test split it made, where it shows one). Imported points are part of the widget\'s state, so a Share',
    'link or snippet carries them.',
    '',
    ...XAPI_SECTION,
    ...PLATFORM_SECTION,
    '## Widgets and their attributes',
    '',
  ];
  for (const w of catalogue) {
    lines.push(`### ${w.meta.title} — \`${w.name}\``, '', w.meta.hint, '', '```html', `<dw-widget name="${w.name}"${exampleAttributes(w.options)}></dw-widget>`, '```', '');
    if (w.options.length) {
      lines.push('| attribute | type | range | default | meaning |', '|---|---|---|---|---|');
      // A '|' inside a cell (enum values are listed as a | b) must be escaped in a Markdown table.
      const cell = (v) => String(v).replace(/\|/g, '\\|');
      for (const o of w.options) lines.push(`| \`${o.name}\` | ${cell(o.type)} | ${cell(o.range)} | ${cell(o.default)} | ${cell(o.description)} |`);
    } else {
      lines.push('This widget has no options.');
    }
    lines.push('');
  }
  return lines.join('\n');
}

// A long snippet scrolls sideways; tabindex lets a keyboard reach and scroll it (as lesson pages do).
export function renderGallery(catalogue) {
  const items = catalogue.map((w) => {
    const snippet = `<dw-widget name="${w.name}"${exampleAttributes(w.options)}></dw-widget>`;
    return `<section class="gallery-item" id="w-${esc(w.name)}">
<h2>${esc(w.meta.title)} <code>${esc(w.name)}</code></h2>
<pre tabindex="0"><code>${esc(snippet)}</code></pre>
<dw-widget name="${esc(w.name)}"></dw-widget>
</section>`;
  }).join('\n');
  return page({
    title: 'Widget gallery — Data Workshop',
    base: '',
    scripts: ['embed.js'],
    body: `<div class="prose"><h1>Widget gallery</h1>
<p>Every widget, embedded exactly as your own page would embed it. Copy a snippet, load <code>embed.js</code> once, and the widget appears. See docs/embedding.md for the attributes.</p></div>
${items}`,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const catalogue = await widgetCatalogue();
  fs.writeFileSync(path.join(root, 'docs', 'embedding.md'), renderEmbeddingMarkdown(catalogue));
  console.log(`docs/embedding.md: ${catalogue.length} widgets`);
}

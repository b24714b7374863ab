// Renders lesson content files (lessons/*.md) to HTML pages. A lesson is Markdown with front
// matter (title, level, order, summary; assumes, outcomes, requires — see readCourse; completion:
// activities for a lesson only its activities can complete, e.g. the badge challenge, which has no
// "Mark this lesson complete" button — see lessonActivities) and these
// extensions:
//   math:      $inline$ and $$display$$, typeset by KaTeX at build time (no KaTeX JS at run time);
//   widgets:   a line `::: widget NAME key=value key2="text"` becomes a mount point for NAME;
//   checks:    a `::: check-yourself` block (renderCheckYourself);
//   reveals:   a `::: reveal` block, text that says what the widget before it shows (markRevealBlocks).
// lessons/course.json lists the levels in order. Shared by the site build and the single-file build.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { marked } from 'marked';
import { addGlossaryIds, linkGlossary, readGlossary } from './glossary.mjs';
import { plainText } from './plain-text.mjs';
import { activityWidgets } from '../web/widgets/registry.js';
import { answerKinds, parseComputation, wholeKinds } from '../web/js/check-computations.js';
import { messages as checkMessages } from '../web/js/check-yourself.messages.js';
import { addMessages, messageFunction } from '../web/lib/messages.js';
import { resolveOptions } from '../web/lib/schema.js';
import { formatNumber } from '../web/lib/format.js';
import { coreComputations } from '../web/js/check-computations/core-names.js';

export function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function parseFrontMatter(text, file) {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) throw new Error(`${file}: missing front matter (--- title/level/order ---)`);
  const meta = {};
  for (const line of m[1].split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (!kv) continue;
    let v = kv[2].trim();
    if (/^".*"$/.test(v)) v = v.slice(1, -1);
    meta[kv[1]] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  for (const key of ['title', 'level', 'order']) if (meta[key] === undefined) throw new Error(`${file}: front matter lacks "${key}"`);
  return { meta, body: text.slice(m[0].length) };
}

export function readCourse(dir) {
  const course = JSON.parse(fs.readFileSync(path.join(dir, 'course.json'), 'utf8'));
  const levelIds = course.levels.map((l) => l.id);
  const lessons = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => {
    const { meta, body } = parseFrontMatter(fs.readFileSync(path.join(dir, f), 'utf8'), f);
    if (!levelIds.includes(meta.level)) throw new Error(`${f}: unknown level "${meta.level}" (course.json has ${levelIds.join(', ')})`);
    if (meta.completion !== undefined && meta.completion !== 'activities') throw new Error(`${f}: completion: "${meta.completion}" (the only value is "activities": only the page's games and checks complete the lesson)`);
    return { ...meta, slug: f.replace(/\.md$/, ''), body, file: f };
  });
  lessons.sort((a, b) => levelIds.indexOf(a.level) - levelIds.indexOf(b.level) || a.order - b.order);
  const result = { ...course, lessons };
  checkRequires(result);
  return result;
}

// `requires:` names, space-separated, the lessons a lesson builds on directly. Each must exist
// and come earlier in the course, so reading in course order never meets an idea before the
// lesson that teaches it. Replaces the string with an array of slugs (empty when none).
function checkRequires(course) {
  const position = new Map(course.lessons.map((l, i) => [l.slug, i]));
  const where = (l) => `"${l.title}" (${course.levels.find((v) => v.id === l.level).title})`;
  course.lessons.forEach((lesson, i) => {
    const slugs = String(lesson.requires ?? '').split(/[\s,]+/).filter(Boolean);
    for (const slug of slugs) {
      const j = position.get(slug);
      const fail = (why) => { throw new Error(`${lesson.file}: requires "${slug}", ${why}. A lesson may only build on lessons that come before it in the course.`); };
      if (j === undefined) fail(`but there is no lesson of that name (no lessons/${slug}.md)`);
      if (j === i) fail('which is this lesson itself');
      if (j > i) fail(`but ${where(course.lessons[j])} comes after ${where(lesson)} in the course`);
    }
    if (new Set(slugs).size !== slugs.length) throw new Error(`${lesson.file}: requires names a lesson twice: "${lesson.requires}"`);
    // A lesson that says `requires:` with no names is a starting point; one without the field
    // (the notation page, the badge challenge) is neither built on nor a start.
    lesson.startsHere = lesson.requires !== undefined && !slugs.length;
    lesson.requires = slugs;
  });
}

// The two lines under a lesson's title: what it assumes (with links to the lessons it builds
// on) and what the learner will be able to do after it. Empty when the front matter has neither.
export function renderAims(lesson, course, base = '') {
  const required = (lesson.requires || []).map((slug) => course.lessons.find((l) => l.slug === slug));
  const links = required.map((l) => `<a href="${base}${esc(l.slug)}.html">${esc(l.title)}</a>`);
  const sentence = (text) => `${esc(String(text).replace(/[.\s]+$/, ''))}.`;
  const rows = [];
  if (lesson.assumes || links.length) {
    const stop = required.length && /[?!]$/.test(required[required.length - 1].title) ? '' : '.';
    const builds = links.length ? `<span class="aims-builds">Builds on ${joinWords(links)}${stop}</span>` : '';
    rows.push(`<dt>You need</dt><dd>${lesson.assumes ? sentence(lesson.assumes) : ''}${lesson.assumes && builds ? ' ' : ''}${builds}</dd>`);
  }
  if (lesson.outcomes) rows.push(`<dt>You will be able to</dt><dd>${sentence(lesson.outcomes)}</dd>`);
  if (!rows.length) return '';
  return `<dl class="lesson-aims">\n${rows.join('\n')}\n</dl>`;
}

// "A", "A and B", "A, B and C".
export function joinWords(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// The title a game's reports carry, where it is not its card's title (house-table's card is "A tiny
// house dataset", its reports "Spot the noise column (first pick)"): '<name>.report' or
// '<name>.reportTitle' in the widget's message table, its {parameters} filled from the widget's
// options as the mount resolves them (whole numbers as formatNumber(v, 0) writes them, as the
// widget does). The mount carries it as data-report-title, so the lesson's progress panel
// (web/js/progress.js) names an activity the same way before it is played as after.
const reportTexts = new Map();
for (const name of activityWidgets) {
  const dir = path.join(import.meta.dirname, '..', 'web', 'widgets');
  const file = [`${name}.messages.js`, `${name}/messages.js`].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file || !fs.existsSync(path.join(dir, `${name}.js`))) continue;
  const { messages } = await import(pathToFileURL(file).href);
  const key = [`${name}.report`, `${name}.reportTitle`].find((k) => messages && k in messages);
  if (!key) continue;
  const { schema } = await import(pathToFileURL(path.join(dir, `${name}.js`)).href);
  reportTexts.set(name, { key, messages, schema });
}
export function reportTitle(name, options = {}) {
  const entry = reportTexts.get(name);
  if (!entry) return null;
  addMessages('en', entry.messages, { keep: true });
  const { values } = resolveOptions(entry.schema || {}, options, { ignoreUnknown: true });
  const params = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, 0) : v]));
  return messageFunction('en')(entry.key, params);
}

function parseDirectiveArgs(text) {
  const options = {};
  const re = /(\w+)=("([^"]*)"|\S+)/g;
  let m;
  while ((m = re.exec(text))) {
    const raw = m[3] !== undefined ? m[3] : m[2];
    options[m[1]] = m[3] === undefined && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return options;
}

// KaTeX sizes glyph boxes with inline style="" attributes, which a strict Content-Security-
// Policy (style-src 'self') refuses. Each distinct style becomes a class (ks0, ks1, … numbered
// over the whole site), so typeset math works under that policy too. A page links a stylesheet
// of only the classes it uses (css/katex-<hash>.css, named by its content, so pages with the
// same formulas share one file): a first visit fetches its own rules, not the course's 900.
// The single-file build inlines every class (katexInlineStyleSheet).
const inlineStyles = new Map();
// !important gives the class the precedence the inline style had over katex.min.css.
const important = (style) => style.split(';').filter((d) => d.trim()).map((d) => `${d.trim()} !important`).join(';');
const styleRules = (entries) => entries.map(([style, cls]) => `.${cls}{${important(style)}}`).join('\n') + '\n';
export function katexInlineStyleSheet() {
  return styleRules([...inlineStyles]);
}
const pageStyleSheets = new Map(); // file name → its CSS, for build-site to write
export function katexPageStyleSheets() {
  return pageStyleSheets;
}
function katexSheetFor(html) {
  const used = new Set();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (/^ks\d+$/.test(c)) used.add(c);
  if (!used.size) return null;
  const css = styleRules([...inlineStyles].filter(([, cls]) => used.has(cls)));
  const name = `katex-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
  pageStyleSheets.set(name, css);
  return name;
}
function moveInlineStyles(html) {
  return html.replace(/<(\w+)((?:\s+[\w-]+="[^"]*")*?)\s+style="([^"]*)"((?:\s+[\w-]+="[^"]*")*)\s*(\/?)>/g, (_, tag, before, style, after, selfClose) => {
    let cls = inlineStyles.get(style);
    if (!cls) { cls = `ks${inlineStyles.size}`; inlineStyles.set(style, cls); }
    let attrs = `${before}${after}`;
    if (/\sclass="/.test(attrs)) attrs = attrs.replace(/\sclass="([^"]*)"/, (m, c) => ` class="${c} ${cls}"`);
    else attrs += ` class="${cls}"`;
    return `<${tag}${attrs}${selfClose ? ' /' : ''}>`;
  });
}

// A `::: check-yourself` block (closed by a line `:::`) → a form per question, rendered here so
// it reads (and its explanations exist) before any script runs; web/js/check-yourself.js makes
// it answerable. Lines:
//   ? The question (Markdown and $math$).
//   - A wrong choice :: why it is wrong          + The right choice :: why it is right
//   = computation.result name=value … ± tolerance :: the explanation ({answer} = the engine's number)
//   = computation.result … ± tolerance share :: …   (a part of 1: "35%" is read as 0.35)
//   = computation.result … ± tolerance percent :: … (in percent or points: "35%" is read as 35)
//   = computation.result … count :: …               (a whole number from 0, only the exact one right)
//   = computation.result … whole :: …               (a whole number of either sign, exact)
// A question has either choices (exactly one right) or one `=` line; every answer carries an
// explanation. Numeric answers come from web/js/check-computations.js, never from the page.
export function renderCheckYourself(block, file = 'lesson', prefix = 'cy') {
  // The block's own words (web/js/check-yourself.messages.js), in English: the site's pages are.
  addMessages('en', checkMessages, { keep: true });
  const t = messageFunction('en');
  const items = [];
  const fail = (msg) => { throw new Error(`${file}: check-yourself: ${msg}`); };
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [head, ...rest] = line.slice(1).split(' :: ');
    const why = rest.join(' :: ').trim();
    if (line.startsWith('?')) { items.push({ question: head.trim(), choices: [], numeric: null }); continue; }
    const item = items[items.length - 1];
    if (!item) fail(`"${line.slice(0, 40)}" comes before the first "?" question line`);
    if (!why) fail(`"${line.slice(0, 40)}" needs an explanation after " :: "`);
    if (line.startsWith('-') || line.startsWith('+')) item.choices.push({ text: head.trim(), right: line[0] === '+', why });
    else if (line.startsWith('=')) {
      const exact = new RegExp(`^(.*?)\\s+(${wholeKinds.join('|')})\\s*$`).exec(head.trim());
      if (exact && exact[1].includes('±')) fail(`"${line.slice(0, 50)}": a ${exact[2]} answer is exact, so it takes no tolerance`);
      const m = exact ? [exact[0], exact[1], '0', exact[2]] : /^(.*?)\s*±\s*([0-9.]+)(?:\s+([a-z]+))?\s*$/.exec(head.trim());
      if (!m || !(exact || Number(m[2]) > 0)) fail(`"${line.slice(0, 50)}" needs a tolerance, e.g. "± 0.01", or "count" for a whole number`);
      if (m[3] && !exact && !answerKinds.includes(m[3])) fail(`"${m[3]}" after the tolerance must be one of: ${answerKinds.join(', ')}`);
      try { parseComputation(m[1]); } catch (err) { fail(err.message); }
      item.numeric = { compute: m[1], tolerance: m[2], kind: m[3] || '', why };
    } else fail(`a line must start with ?, -, + or =: "${line.slice(0, 40)}"`);
  }
  if (items.length < 1) fail('needs at least one question');
  const md = (text) => renderMarkdown(text, file, { inline: true });
  const forms = items.map((item, i) => {
    const id = `${prefix}-${i + 1}`;
    const q = `<span class="cy-number">${i + 1}.</span> ${md(item.question)}`;
    const feedback = `<p class="cy-feedback" id="${id}-feedback" role="status" aria-live="polite"></p>`;
    const check = `<button type="submit" class="dw-btn">${esc(t('check-yourself.check'))}</button>`;
    if (item.numeric && item.choices.length) fail(`question ${i + 1} has both choices and a numeric answer`);
    if (item.numeric) {
      const { compute, tolerance, kind, why } = item.numeric;
      const rule = esc(wholeKinds.includes(kind) ? t(`check-yourself.rule.${kind}`)
        : answerKinds.includes(kind) ? t(`check-yourself.rule.${kind}`, { tolerance }) : t('check-yourself.rule.tolerance', { tolerance }));
      return `<form class="cy-item" data-kind="number" data-compute="${esc(compute)}" data-tolerance="${esc(tolerance)}"${kind ? ` data-answer="${kind}"` : ''} novalidate>
<p class="cy-question"><label for="${id}-input">${q}</label></p>
<p class="cy-answer"><input id="${id}-input" type="text" inputmode="${kind === 'count' ? 'numeric' : 'decimal'}" autocomplete="off" spellcheck="false" aria-describedby="${id}-tolerance ${id}-feedback"> <span class="cy-tolerance" id="${id}-tolerance">${rule}</span></p>
${check}${feedback}<template class="cy-why" data-right="true">${md(why)}</template>
</form>`;
    }
    if (item.choices.length < 2) fail(`question ${i + 1} needs two or more choices or one "=" line`);
    if (item.choices.filter((c) => c.right).length !== 1) fail(`question ${i + 1} needs exactly one right choice (+)`);
    // A choice that holds math also gets its words as the radio's name: assistive tools (and
    // axe) do not all read KaTeX's MathML as a label.
    const choices = item.choices.map((c, j) => {
      const named = c.text.includes('$') ? ` aria-label="${esc(plainText(c.text))}"` : '';
      return `<label class="cy-choice"><input type="radio" name="${id}" value="${j}"${named}> <span>${md(c.text)}</span></label>`;
    }).join('\n');
    const whys = item.choices.map((c, j) => `<template class="cy-why" data-choice="${j}" data-right="${c.right}">${md(c.why)}</template>`).join('');
    return `<form class="cy-item" data-kind="choice" novalidate>
<fieldset><legend class="cy-question">${q}</legend>
${choices}
</fieldset>
${check}${feedback}${whys}
</form>`;
  });
  return `<section class="check-yourself" data-check-yourself aria-labelledby="${prefix}-heading">
<h2 id="${prefix}-heading">${esc(t('check-yourself.title'))}</h2>
<p class="cy-intro">${esc(t('check-yourself.intro'))}</p>
${forms.join('\n')}
<p class="cy-score" role="status" aria-live="polite"></p>
</section>`;
}

// A `::: reveal` block (closed by a line `:::`) holds the sentences that say what the widget
// before it will show: the outcome its "Predict, then check" box asks the learner to foresee.
// It renders as a closed <details>, so a learner reading down the page meets the question before
// its answer; web/js/lesson.js opens it once that widget's outcome has been on screen, and the
// learner can open it by hand at any time. It belongs to the nearest widget above it;
// `::: reveal predict=ID` ties it to the predict box ID instead, wherever that box is on the page
// (for a widget with more than one box, or text about an earlier widget's box). The block's text is ordinary lesson
// Markdown (math, lists, glossary links), parsed with the rest of the page; only the opening and
// closing tags are set aside here. The summary is one of the lesson page's own words, like the
// check-yourself heading.
export const REVEAL_SUMMARY = 'What the widget shows — open it after you predict';
function markRevealBlocks(body, file, keep) {
  const fail = (msg) => { throw new Error(`${file}: reveal: ${msg}`); };
  const opening = (line) => `"${line.trim().slice(0, 60)}"`;
  let open = null;       // the text that follows the open block's first line, to name it in an error
  let inCheck = false;   // inside a check-yourself block, whose own ":::" closes it
  const lines = body.split('\n').map((line, i, all) => {
    if (/^::: *check-yourself *$/.test(line)) { inCheck = true; return line; }
    if (inCheck) { if (/^::: *$/.test(line)) inCheck = false; return line; }
    const start = /^::: *reveal(\s.*)?$/.exec(line);
    if (start) {
      const next = all.slice(i + 1).find((l) => l.trim()) || '';
      if (open !== null) fail(`a "::: reveal" block opens inside another (before ${opening(open)}): close the first with a line ":::"`);
      const { predict, ...other } = parseDirectiveArgs(start[1] || '');
      if (Object.keys(other).length) fail(`"${line.trim()}": the only option is predict=ID`);
      open = next;
      const tie = predict ? ` data-reveal-for="${esc(predict)}"` : '';
      return `\n${keep(`<details class="dw-reveal"${tie}>\n<summary>${esc(REVEAL_SUMMARY)}</summary>`)}\n`;
    }
    if (/^::: *$/.test(line)) {
      if (open === null) fail(`a ":::" line closes no block (after ${opening(all.slice(0, i).reverse().find((l) => l.trim()) || '')})`);
      open = null;
      return `\n${keep('</details>')}\n`;
    }
    if (open !== null && /^::: *widget\b/.test(line)) fail(`a widget cannot sit inside a reveal block (before ${opening(open)}): close the block with ":::" first`);
    return line;
  });
  if (open !== null) fail(`the "::: reveal" block before ${opening(open)} is never closed: end it with a line ":::"`);
  return lines.join('\n');
}

// Markdown + math + widget, check-yourself and reveal directives → HTML fragment (inline: one line of
// text, no paragraph). glossary: the notation page's entries, whose first use is linked
// (scripts/glossary.mjs); glossaryIds: give the glossary's own paragraphs their ids.
export function renderMarkdown(body, file = 'lesson', { inline = false, glossary = null, glossaryIds = false } = {}) {
  const stash = [];
  const keep = (html) => `\u0000${stash.push(html) - 1}\u0000`;
  let blocks = 0;
  body = markRevealBlocks(body, file, keep);
  body = body.replace(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm, (_, block) => {
    blocks += 1;
    return `\n${keep(renderCheckYourself(block, file, blocks === 1 ? 'cy' : `cy${blocks}`))}\n`;
  });
  let text = body.replace(/^::: *widget +([a-z0-9-]+)(.*)$/gm, (_, name, args) => {
    const options = parseDirectiveArgs(args);
    const report = reportTitle(name, options);
    const named = report ? ` data-report-title="${esc(report)}"` : '';
    return `\n<div class="dw-mount lesson-widget" data-widget="${esc(name)}" data-options="${esc(JSON.stringify(options))}"${named}></div>\n`;
  });
  text = text.replace(/\\\$/g, () => keep('$'));
  const tex = (src, display) => {
    try {
      return keep(moveInlineStyles(katex.renderToString(src.trim(), { displayMode: display, throwOnError: true, output: 'htmlAndMathml' })));
    } catch (err) {
      throw new Error(`${file}: KaTeX could not typeset "${src.trim().slice(0, 60)}": ${err.message}`);
    }
  };
  text = text.replace(/\$\$([\s\S]+?)\$\$/g, (_, src) => `\n\n${tex(src, true)}\n\n`);
  text = text.replace(/\$([^$\n]+?)\$/g, (_, src) => tex(src, false));
  let html = inline ? marked.parseInline(text, { async: false, gfm: true }) : marked.parse(text, { async: false, gfm: true });
  if (!inline) html = addHeadingIds(html);
  if (glossary) html = linkGlossary(html, glossary);
  if (glossaryIds) html = addGlossaryIds(html);
  // Wide code blocks scroll sideways on phones; tabindex lets keyboard users scroll them too.
  html = html.replace(/<pre>/g, '<pre tabindex="0">');
  html = html.replace(/<p>\s*(\u0000\d+\u0000)\s*<\/p>/g, '$1');
  return html.replace(/\u0000(\d+)\u0000/g, (_, i) => stash[Number(i)]);
}

// Section headings get ids made from their words, so a lesson can link to another lesson's
// section: "## The chain rule" → id="the-chain-rule" (lessons/maths-primer.html#the-chain-rule).
// Typeset math (still a stash placeholder here) and tags are left out; a repeated heading gets
// "-2", "-3"; a heading with no letters or digits gets no id.
export function headingId(text) {
  return text.replace(/\u0000\d+\u0000/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ')
    .toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
function addHeadingIds(html) {
  const seen = new Map();
  return html.replace(/<h([2-4])>([\s\S]*?)<\/h\1>/g, (whole, level, inner) => {
    const base = headingId(inner);
    if (!base) return whole;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return `<h${level} id="${n === 1 ? base : `${base}-${n}`}">${inner}</h${level}>`;
  });
}

// The engine module a widget declares next to its schema (`export const engine = 'core';` near the
// top of web/widgets/<name>.js); 'full' when it declares none. web/lib/engine-need.js reads the
// same declaration at run time; tests/node/engine_core.test.mjs checks the two agree.
const widgetEngines = new Map();
export function widgetEngine(name) {
  if (!widgetEngines.has(name)) {
    const file = path.join(import.meta.dirname, '..', 'web', 'widgets', `${name}.js`);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const m = /^export const engine = '(core|full)';/m.exec(text);
    widgetEngines.set(name, m ? m[1] : 'full');
  }
  return widgetEngines.get(name);
}

// The engine module a lesson page needs: null without widgets (nothing to preload), 'core' when
// every widget on it declares 'core' and every check-yourself computation is one of the core
// module's (web/js/check-computations/core-names.js), else 'full'.
export function pageEngine(lesson) {
  const widgets = [...lesson.body.matchAll(/^::: *widget +([a-z0-9-]+)/gm)].map((m) => m[1]);
  if (!widgets.length) return null;
  const computations = [...lesson.body.matchAll(/^\s*=\s*([a-z0-9-]+)\./gm)].map((m) => m[1]);
  const core = widgets.every((w) => widgetEngine(w) === 'core') && computations.every((c) => coreComputations.has(c));
  return core ? 'core' : 'full';
}

// A page whose widgets use the engine names the module in `engine` ('core' or 'full'): its head
// then starts that module's WASM download and compilation at once (web/js/engine-early.js reads
// the dw-engine meta; the module glue preloaded, the .wasm preloaded with the request the glue
// makes — credentials same-origin — so the glue's fetch reuses it).
const ENGINE_FILES = { core: 'dw-core', full: 'dw-engine' };
const engineHead = (base, engine) => `<meta name="dw-engine" content="${engine}">
<link rel="preload" href="${base}engine/${ENGINE_FILES[engine]}.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="modulepreload" href="${base}engine/index.js">
<link rel="modulepreload" href="${base}engine/${ENGINE_FILES[engine]}.mjs">
<script type="module" src="${base}js/engine-early.js"></script>
`;

export function page({ title, body, base = '../', scripts = [], engine = null }) {
  const mathSheet = katexSheetFor(body);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${engine ? engineHead(base, engine === true ? 'full' : engine) : ''}<link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}css/tokens.css">
<link rel="stylesheet" href="${base}css/site.css">
<link rel="stylesheet" href="${base}css/widget.css">
<link rel="stylesheet" href="${base}vendor/katex/katex.min.css">
${mathSheet ? `<link rel="stylesheet" href="${base}css/${mathSheet}">\n` : ''}${scripts.map((s) => `<script type="module" src="${base}${s}"></script>`).join('\n')}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="inner">
<a class="brand" href="${base}index.html">Data <span>Workshop</span></a>
<nav class="site-nav" aria-label="Site"><a href="${base}index.html#course">Course</a><a href="${base}lessons/neural-network-playground.html">Playground</a><a href="${base}gallery.html">Widget gallery</a></nav>
</div></header>
<main id="main">
${body}
</main>
<footer class="site-footer">Data Workshop runs entirely in your browser: nothing you do here leaves your machine.</footer>
</body>
</html>
`;
}

// The glossary entries of the course's notation page, read once per course.
const glossaries = new WeakMap();
function glossaryOf(course) {
  if (!glossaries.has(course)) {
    const notation = course.lessons.find((l) => l.slug === 'notation');
    glossaries.set(course, notation ? readGlossary(notation.body) : []);
  }
  return glossaries.get(course);
}

// The games and checks on a lesson page, in page order: finishing all of them completes the lesson.
export function lessonActivities(lesson) {
  const activities = [...new Set([...lesson.body.matchAll(/^::: *widget +([a-z0-9-]+)/gm)].map((m) => m[1]))]
    .filter((name) => activityWidgets.has(name));
  if (/^::: *check-yourself *$/m.test(lesson.body)) activities.push('check-yourself');
  return activities;
}

// `completion: activities`: progress.js offers no manual "complete" for the lesson and ticks it only
// when every activity listed beside it has been finished (the home page's list carries them too).
export function completionAttribute(lesson) {
  return lesson.completion === 'activities' ? ' data-completion="activities"' : '';
}

// lms: the page goes into a SCORM package (scripts/build-scorm.mjs) and loads web/js/lms.js, the
// bridge to the learning platform that launches it; a page of the site or of the offline copy is
// never launched by one, so it does not fetch the bridge (2.6 KiB gzip of the first lesson's budget).
export function renderLesson(lesson, course, { lms = false } = {}) {
  const i = course.lessons.indexOf(lesson);
  const prev = course.lessons[i - 1];
  const next = course.lessons[i + 1];
  const level = course.levels.find((l) => l.id === lesson.level);
  const nav = `<nav class="lesson-nav" aria-label="Lesson order">
${prev ? `<a href="${prev.slug}.html" rel="prev">← ${esc(prev.title)}</a>` : '<span></span>'}
${next ? `<a href="${next.slug}.html" rel="next">${esc(next.title)} →</a>` : '<span></span>'}
</nav>`;
  const activities = lessonActivities(lesson);
  const body = `<article class="prose">
<h1>${esc(lesson.title)}</h1>
<p class="lesson-meta">${esc(level.title)}${lesson.summary ? ` · ${esc(lesson.summary)}` : ''}</p>
${renderAims(lesson, course)}
<div class="course-progress" data-lessons="${esc(course.lessons.map((l) => l.slug).join(' '))}"></div>
${renderMarkdown(lesson.body, lesson.file, lesson.slug === 'notation' ? { glossaryIds: true } : { glossary: glossaryOf(course) })}
<div class="lesson-complete" data-lesson="${esc(lesson.slug)}" data-activities="${esc(activities.join(' '))}"${completionAttribute(lesson)}></div>
${nav}
</article>`;
  // lms.js (the learning platform's runtime) restores progress before check-yourself.js reads it.
  const engine = pageEngine(lesson);
  const scripts = ['js/lesson.js', 'js/progress.js', ...(lms ? ['js/lms.js'] : []), 'js/xapi.js', 'js/check-yourself.js'];
  return page({ title: `${lesson.title} — Data Workshop`, body, engine, scripts });
}

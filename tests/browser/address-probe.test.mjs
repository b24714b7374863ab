// Hostile values in a widget's address, for every widget: the embed page (embed.html?w=NAME&…)
// reads each option the widget declares from its address, as a Share link or an iframe snippet
// writes it, so whoever writes the link writes the values. Each widget is loaded once, every one
// of its options given a hostile value at once (the values rotate over the options and the
// widgets, so each kind of option meets each value somewhere), plus a hostile `state`. It must
// still build its card, say in words which values it refused (name="value" …, web/lib/schema.js),
// show no NaN, undefined or Infinity, run no script from a value, and log no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';

const HOSTILE = ['NaN', '1e999', '-1', 'x'.repeat(10000), '<img src=x onerror=alert(1)>', '0x10'];
// Words a number that went wrong turns into on screen.
const BROKEN = /\bNaN\b|\bundefined\b|\bInfinity\b|\bnull\b/;

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('every widget refuses hostile values in its address in words, and still builds its card', async () => {
  const page = await site.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(`${site.base}/embed.html?w=`);
  await page.locator('#widget .dw-message').waitFor();
  // Each widget's declared options, and the notes the shared schema reader gives for the hostile
  // values: the card must show these (a widget must not drop or overwrite them).
  const widgets = await page.evaluate(async (hostile) => {
    const { widgetNames, loadWidget } = await import('/widgets/registry.js');
    const { resolveOptions, kebabName } = await import('/lib/schema.js');
    const out = [];
    for (const [w, name] of widgetNames().entries()) {
      const { schema } = await loadWidget(name);
      const raw = {};
      // One long value per widget: two would pass the 16 kB a request line may hold (Node's server).
      let long = false;
      Object.keys(schema).forEach((option, i) => {
        let value = hostile[(i + w) % hostile.length];
        if (value.length > 1000 && long) value = hostile[(i + w + 1) % hostile.length];
        long ||= value.length > 1000;
        raw[kebabName(option)] = value;
      });
      const { notes } = resolveOptions(schema, raw);
      const refused = Object.keys(schema).filter((option) => notes.some((n) => n.startsWith(`${option}=`) || n.startsWith(`${option} `)));
      // A text option takes any words as they are ("NaN" is a question one may ask): its value
      // may be on screen, so it is left out of the search for broken numbers.
      const ownWords = Object.keys(schema).filter((option) => schema[option].type === 'string').map((option) => raw[kebabName(option)]);
      out.push({ name, raw, notes, refused, ownWords, options: Object.keys(schema) });
    }
    return out;
  }, HOSTILE);
  assert.ok(widgets.length >= 70, `${widgets.length} widgets`);
  const failures = [];
  for (const { name, raw, notes, refused, ownWords, options } of widgets) {
    const query = new URLSearchParams([['w', name], ...Object.entries(raw), ['state', HOSTILE[4]]]).toString();
    page.record.errors.length = 0;
    // Mounted as embed-frame.js mounts the widget of embed.html?QUERY (every parameter but the
    // first w, read from the address), into the page already loaded: a fresh load per widget
    // cost a second each, most of it the engine starting again.
    const seen = await page.evaluate(async ({ name, query }) => {
      const { loadWidget } = await import('/widgets/registry.js');
      const { MOUNT_CONTEXT } = await import('/lib/widget.js');
      const { en } = await import('/lib/messages-en.js');
      const cannotStartPrefix = en['widget.cannotStart'].split('{')[0];
      const options = {};
      let sawName = false;
      for (const [key, value] of new URLSearchParams(query)) {
        if (key === 'w' && !sawName) { sawName = true; continue; }
        options[key] = value;
      }
      const root = document.getElementById('widget');
      root.replaceChildren();
      const module = await loadWidget(name);
      const handle = module.mount(root, { ...options, [MOUNT_CONTEXT]: { name, source: 'address' } });
      await handle.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const card = root.querySelector('.dw-card');
      const result = card && (() => {
        const noteText = card.querySelector('.dw-notes').textContent;
        const clone = card.cloneNode(true);
        clone.querySelector('.dw-notes').remove();
        // What is on screen besides the notes (which quote the hostile values, "NaN" among
        // them); form fields show their value, not their text.
        const fields = [...card.querySelectorAll('input:not([type=range]), output, textarea')].map((f) => f.value).join(' ');
        root.append(clone);
        const text = clone.innerText;
        clone.remove();
        return {
          noteText,
          text: `${text} ${fields}`,
          stage: card.querySelector('.dw-stage').childElementCount,
          // The runtime's own failure (widget.js, widget.cannotStart), not a widget's verdict that
          // happens to be bad news (time-series-split: "Far too optimistic…" on some settings).
          cannotStart: (card.querySelector('.dw-message')?.textContent || '').startsWith(cannotStartPrefix) ? card.querySelector('.dw-message').textContent : '',
          injected: document.querySelectorAll('img[src="x"]').length,
        };
      })();
      handle.destroy();
      return result;
    }, { name, query }).catch((err) => ({ thrown: err.message.slice(0, 200) }));
    const problems = [];
    if (!seen) problems.push('no card');
    else if (seen.thrown) problems.push(`mounting threw: ${seen.thrown}`);
    else {
      if (!seen.stage) problems.push('an empty stage');
      if (seen.cannotStart) problems.push(`could not start: ${seen.cannotStart}`);
      for (const note of notes) if (!seen.noteText.includes(note)) problems.push(`the note "${note.slice(0, 120)}" is missing`);
      if (refused.length && !/^Settings adjusted/.test(seen.noteText)) problems.push(`notes do not start in words: ${seen.noteText.slice(0, 80)}`);
      if (!/state="[^"]*" was not used|The saved state could not be read/.test(seen.noteText)) problems.push('no word about the refused state');
      if (seen.noteText.length > 400 * (options.length + 1)) problems.push(`notes ${seen.noteText.length} characters long: a hostile value was not cut`);
      const broken = BROKEN.exec(ownWords.reduce((text, words) => text.split(words).join(' '), seen.text));
      if (broken) problems.push(`"${broken[0]}" on screen: …${seen.text.slice(Math.max(0, broken.index - 60), broken.index + 20)}…`);
      if (seen.injected) problems.push('a value became an <img>');
    }
    if (page.record.errors.length) problems.push(`errors: ${page.record.errors.join(' | ').slice(0, 300)}`);
    if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(failures, []);
  await page.close();
});

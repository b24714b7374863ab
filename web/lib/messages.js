// Every text the shared widget runtime shows a learner (the card, Share, Play/Pause, the
// Predict-then-check box, CSV import, the sorting games) is looked up by key through one message
// function, so a second language is one more table, not an edit to widget logic. A widget gets
// its function as ctx.t (and card.t for helpers that hold only the card); the language is the
// nearest `lang` attribute around the widget (an embedder's <dw-widget lang="…">, else the page's
// <html lang>), falling back from "pt-BR" to "pt" to English, key by key.
//
// A message is a string with {name} placeholders, or a function of the parameters where the words
// depend on them (plurals, choices). Numbers reach a message already formatted (web/lib/format.js),
// so the table never decides how a number looks; a number that reaches a string's placeholder as a
// number is written by the formatter too (a count of 2100 reads "2 100", as the lessons write it).
// An identifier that is no quantity (a token id, a year) is passed as a string to stay ungrouped.
// An unknown key is a programming error and throws.
import { en } from './messages-en.js';
import { formatNumber, formatShort } from './format.js';

const placeholderText = (v) => (typeof v !== 'number' ? String(v) : Number.isInteger(v) ? formatNumber(v, 0) : formatShort(v, 6));

const tables = new Map([['en', en]]);

// Adds (or extends) a language's table: { key: string | (params) => string }. With keep, keys the
// table already has stay as they are (a widget's English words, added each time it mounts, never
// replace what a page set up before).
export function addMessages(lang, table, { keep = false } = {}) {
  const code = String(lang).toLowerCase();
  const current = tables.get(code) || {};
  tables.set(code, keep ? { ...table, ...current } : { ...current, ...table });
}

// The language that applies to `element`: the nearest lang attribute, else English.
export function languageOf(element) {
  const root = element && element.getRootNode ? element.getRootNode() : null;
  const host = root && root.host ? root.host : element;
  const marked = host && host.closest ? host.closest('[lang]') : null;
  const lang = marked ? marked.getAttribute('lang') : (typeof document !== 'undefined' && document.documentElement.lang);
  return lang || 'en';
}

export function messageFunction(lang = 'en') {
  const code = String(lang).toLowerCase();
  const chain = [code, code.split('-')[0], 'en'].filter((c, i, all) => tables.has(c) && all.indexOf(c) === i).map((c) => tables.get(c));
  return function t(key, params = {}) {
    for (const table of chain) {
      if (!Object.prototype.hasOwnProperty.call(table, key)) continue;
      const m = table[key];
      return typeof m === 'function' ? m(params) : m.replace(/\{(\w+)\}/g, (_, name) => (name in params ? placeholderText(params[name]) : `{${name}}`));
    }
    throw new Error(`No message "${key}"`);
  };
}

// English, for code that runs outside any widget (parsing a file in a Node test). Looked up at
// each call, so it sees tables added after this module loaded.
export function english(key, params) {
  return messageFunction('en')(key, params);
}

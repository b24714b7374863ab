// Widget options are declared once as a schema; the same table validates mount() options,
// <dw-widget> attributes and URL parameters, and generates the embedding docs.
// Names: the schema writes camelCase (trainPct); attributes and addresses use kebab-case
// (train-pct), because HTML attribute names are case-insensitive. Every spelling that differs
// only in case and dashes (train-pct, trainPct, trainpct) names the same option, so old links
// and embeds keep working.
//   { points: { type: 'int', min: 5, max: 200, default: 40, description: '…' }, … }
// Types: 'number', 'int', 'boolean', 'enum' (with `values`), 'string' (with `maxLength`).
// Values that are out of range are clamped and explained in `notes`; values that cannot be
// read fall back to the default, also with a note (words from the shared table, options.*, in
// the language of the `t` passed; English by default). Nothing is ever interpreted as HTML.
import { english } from './messages.js';
import { formatShort } from './format.js';
import { readPredictedNumber } from './predict-number.js';
import { refusalReason, typeable } from './number-field.js';

export function resolveOptions(schema, raw = {}, { ignoreUnknown = false, t = english } = {}) {
  const values = {};
  const notes = [];
  // A note names the option as it was written (train-pct in an address, trainPct from code), so
  // the embedder finds it in what they typed.
  const written = writtenNames(schema, raw);
  raw = canonicalOptions(schema, raw);
  for (const [name, spec] of Object.entries(schema)) {
    const has = raw != null && Object.prototype.hasOwnProperty.call(raw, name) && raw[name] !== undefined && raw[name] !== null;
    values[name] = has ? coerce(clip(written[name] ?? name), spec, raw[name], notes, t) : spec.default;
  }
  if (!ignoreUnknown && raw) {
    for (const name of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(schema, name)) notes.push(t('options.unknown', { name: clip(name) }));
    }
  }
  return { values, notes };
}

function clip(text, n = 40) {
  const s = String(text);
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function coerce(name, spec, value, notes, t) {
  switch (spec.type) {
    case 'number':
    case 'int': {
      // A value written in an address or an attribute is read as every typed number on the site
      // (web/lib/predict-number.js): "0,5" is 0.5, "0x10" is no number (Number() read it as 16),
      // and "-1e999" is too large to read (Number() made it -Infinity, called "not a number").
      const read = typeof value === 'number'
        ? (Number.isFinite(value) ? { value } : { refusal: Number.isNaN(value) ? 'notNumber' : 'tooLarge', typed: String(value) })
        : readPredictedNumber(value);
      if (read.refusal === 'empty') {
        notes.push(t('options.empty', { name, fallback: typeable(spec.default) }));
        return spec.default;
      }
      if (read.refusal) {
        notes.push(t('options.unread', { name, reason: refusalReason(t, { ...read, typed: clip(String(value).trim()) }), fallback: typeable(spec.default) }));
        return spec.default;
      }
      const n = read.value;
      let v = spec.type === 'int' ? Math.round(n) : n;
      // The value as it was written (an attribute or a link says "1e99", which String(n) would
      // turn into "1e+99"); a number passed from code as the formatter writes it, ungrouped, since
      // name=value reads as the setting is typed ("points=100000"), not as a quantity in a sentence.
      const given = typeof value === 'string' ? clip(value.trim()) : formatShort(n, 6, { grouping: false });
      if (spec.type === 'int' && v !== n) notes.push(t('options.rounded', { name, value: given, rounded: typeable(v) }));
      if (spec.min !== undefined && v < spec.min) { notes.push(t('options.belowMin', { name, value: given, min: typeable(spec.min) })); v = spec.min; }
      if (spec.max !== undefined && v > spec.max) { notes.push(t('options.aboveMax', { name, value: given, max: typeable(spec.max) })); v = spec.max; }
      return v;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (['', 'true', '1', 'yes', 'on'].includes(s)) return true;
      if (['false', '0', 'no', 'off'].includes(s)) return false;
      notes.push(t('options.notBoolean', { name, value: clip(value), fallback: spec.default }));
      return spec.default;
    }
    case 'enum': {
      const s = String(value);
      if (spec.values.includes(s)) return s;
      notes.push(t('options.notOneOf', { name, value: clip(s), values: spec.values.join(', '), fallback: spec.default }));
      return spec.default;
    }
    case 'string': {
      const s = String(value);
      const max = spec.maxLength ?? 200;
      if (s.length > max) { notes.push(t('options.tooLong', { name, max })); return s.slice(0, max); }
      return s;
    }
    default:
      throw new Error(`schema: unknown type ${spec.type} for ${name}`);
  }
}

// trainPct → train-pct: the spelling used in attributes, addresses and the docs.
export function kebabName(name) {
  return String(name).replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const looseName = (name) => String(name).toLowerCase().replace(/[-_]/g, '');

// The schema's name for `name` in any accepted spelling, or null.
export function schemaName(schema, name) {
  if (Object.prototype.hasOwnProperty.call(schema, name)) return name;
  const loose = looseName(name);
  return Object.keys(schema).find((k) => looseName(k) === loose) || null;
}

// Raw options with every recognised spelling renamed to the schema's name; unknown names are
// kept as they are (resolveOptions reports them). When two spellings of one option are given,
// the later one wins, as in an object spread.
export function canonicalOptions(schema, raw) {
  if (!raw || typeof raw !== 'object') return {};
  const out = {};
  for (const [name, value] of Object.entries(raw)) {
    const key = schemaName(schema, name) || name;
    if (key !== name && Object.prototype.hasOwnProperty.call(out, key)) delete out[key];
    out[key] = value;
  }
  return out;
}

// { schema name: the spelling that set it } for the options in `raw` (the later spelling when two
// are given, as canonicalOptions keeps the later value).
function writtenNames(schema, raw) {
  const out = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const name of Object.keys(raw)) {
    const key = schemaName(schema, name);
    if (key) out[key] = name;
  }
  return out;
}

// Schema values → { kebab-name: text } for the options that differ from `reference` (the
// defaults unless given), in schema order: what a link or an embed snippet needs to restore them.
export function changedOptionText(schema, values, reference = null) {
  const out = {};
  for (const [name, spec] of Object.entries(schema)) {
    const v = values[name];
    if (v === undefined || v === null || v === (reference ? reference[name] : spec.default)) continue;
    out[kebabName(name)] = String(v);
  }
  return out;
}

// A human-readable table row per option, for the embedding docs and the gallery.
export function describeSchema(schema) {
  return Object.entries(schema).map(([name, spec]) => ({
    name,
    type: spec.type,
    range: spec.type === 'enum' ? spec.values.join(' | ')
      : spec.min !== undefined || spec.max !== undefined ? `${spec.min ?? '−∞'} … ${spec.max ?? '∞'}` : '',
    default: spec.default,
    description: spec.description || '',
  }));
}

// The seed option of every widget with random data: a whole number the engine's dw::Rng takes,
// kept below 2³¹ so it survives any integer conversion on the way. nextSeed() is what a
// "New points" button moves to.
export const SEED_MAX = 2147483647;

export function seedOption(defaultSeed, description = 'Random seed for the points.') {
  return { type: 'int', min: 0, max: SEED_MAX, default: defaultSeed, description };
}

export function nextSeed(seed) {
  return (seed + 1) % SEED_MAX;
}

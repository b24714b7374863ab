// Widget options are declared once as a schema; the same table validates mount() options,
// <dw-widget> attributes and URL parameters, and generates the embedding docs.
//   { points: { type: 'int', min: 5, max: 200, default: 40, description: '…' }, … }
// Types: 'number', 'int', 'boolean', 'enum' (with `values`), 'string' (with `maxLength`).
// Values that are out of range are clamped and explained in `notes`; values that cannot be
// read fall back to the default, also with a note. Nothing is ever interpreted as HTML.

export function resolveOptions(schema, raw = {}, { ignoreUnknown = false } = {}) {
  const values = {};
  const notes = [];
  for (const [name, spec] of Object.entries(schema)) {
    const has = raw != null && Object.prototype.hasOwnProperty.call(raw, name) && raw[name] !== undefined && raw[name] !== null;
    values[name] = has ? coerce(name, spec, raw[name], notes) : spec.default;
  }
  if (!ignoreUnknown && raw) {
    for (const name of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(schema, name)) notes.push(`Unknown option "${clip(name)}" was ignored.`);
    }
  }
  return { values, notes };
}

function clip(text, n = 40) {
  const s = String(text);
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function coerce(name, spec, value, notes) {
  switch (spec.type) {
    case 'number':
    case 'int': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (typeof value === 'string' && value.trim() === '' || !Number.isFinite(n)) {
        notes.push(`${name}="${clip(value)}" is not a number; using ${spec.default}.`);
        return spec.default;
      }
      let v = spec.type === 'int' ? Math.round(n) : n;
      if (spec.type === 'int' && v !== n) notes.push(`${name}=${n} rounded to ${v}.`);
      if (spec.min !== undefined && v < spec.min) { notes.push(`${name}=${v} is below ${spec.min}; using ${spec.min}.`); v = spec.min; }
      if (spec.max !== undefined && v > spec.max) { notes.push(`${name}=${v} is above ${spec.max}; using ${spec.max}.`); v = spec.max; }
      return v;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (['', 'true', '1', 'yes', 'on'].includes(s)) return true;
      if (['false', '0', 'no', 'off'].includes(s)) return false;
      notes.push(`${name}="${clip(value)}" is not true/false; using ${spec.default}.`);
      return spec.default;
    }
    case 'enum': {
      const s = String(value);
      if (spec.values.includes(s)) return s;
      notes.push(`${name}="${clip(s)}" is not one of ${spec.values.join(', ')}; using ${spec.default}.`);
      return spec.default;
    }
    case 'string': {
      const s = String(value);
      const max = spec.maxLength ?? 200;
      if (s.length > max) { notes.push(`${name} was longer than ${max} characters and was cut.`); return s.slice(0, max); }
      return s;
    }
    default:
      throw new Error(`schema: unknown type ${spec.type} for ${name}`);
  }
}

// Options from a URL query or hash string, restricted to the schema's names.
export function optionsFromParams(schema, params) {
  const raw = {};
  for (const name of Object.keys(schema)) if (params.has(name)) raw[name] = params.get(name);
  return raw;
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

// Argument readers shared by every check-yourself computation: named numbers or comma lists from
// a lesson's directive, refused in words when missing or not finite; and a scope that frees
// every engine object a computation made.

export function need(args, name, kind = 'number') {
  const v = args[name];
  if (kind === 'list') {
    const list = Array.isArray(v) ? v : (typeof v === 'number' ? [v] : null);
    if (!list || !list.length || !list.every(Number.isFinite)) throw new RangeError(`needs ${name}= a list of numbers`);
    return list;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`needs ${name}= a number`);
  return v;
}
export function opt(args, name, fallback) { return args[name] === undefined ? fallback : need(args, name); }
export function whole(args, name, lo, hi, fallback) {
  const v = fallback === undefined ? need(args, name) : opt(args, name, fallback);
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`needs ${name}= a whole number from ${lo} to ${hi}`);
  return v;
}

// Runs fn with engine objects that are always freed.
export function scoped(fn) {
  const made = [];
  try {
    return fn((obj) => { made.push(obj); return obj; });
  } finally {
    for (const obj of made) obj.delete();
  }
}

// Argument readers shared by every check-yourself computation: named numbers or comma lists from
// a lesson's directive (whole numbers, indices, lists of the same length, points of the plane),
// refused in words when missing or not finite; and a scope that frees every engine object a
// computation made.

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
// A whole-number index into something of this length (0 when not given).
export function index(args, name, length) { return whole(args, name, 0, length - 1, 0); }
export function sameLength(a, b, what) {
  if (a.length !== b.length) throw new RangeError(`needs ${what} lists of the same length`);
}
// Points of the plane given as one flat list x1,y1,x2,y2,… .
export function plane(args, name = 'points') {
  const flat = need(args, name, 'list');
  if (flat.length % 2) throw new RangeError(`needs ${name}= pairs x,y (an even count of numbers)`);
  return flat;
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

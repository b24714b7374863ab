// Where the WASM module's bytes go: parses the code and name sections of a module linked with
// function names (em++ … --profiling-funcs; the shipped build strips them, the code is the same)
// and adds up each function body by the engine class or family its name mentions (the embind
// glue instantiated for a class counts with it). Each family's bodies are also gzipped together,
// which estimates what a module holding only that family would cost on the wire.
//   node bench/engine-size.mjs path/to/dw-engine.wasm   (prints a Markdown table)
import fs from 'node:fs';
import zlib from 'node:zlib';

function readLeb(buf, pos) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

export function functionSizes(bytes) {
  let pos = 8;
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  while (pos < bytes.length) {
    const id = bytes[pos++];
    let size;
    [size, pos] = readLeb(bytes, pos);
    const end = pos + size;
    if (id === 2) { // imports: count the functions (they come first in the index space)
      let p = pos;
      let count;
      [count, p] = readLeb(bytes, p);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = readLeb(bytes, p); p += len;
        [len, p] = readLeb(bytes, p); p += len;
        const kind = bytes[p++];
        if (kind === 0) { importedFunctions++; [, p] = readLeb(bytes, p); }
        else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = readLeb(bytes, p); if (flags & 1) [, p] = readLeb(bytes, p); }
        else if (kind === 2) { const flags = bytes[p++]; [, p] = readLeb(bytes, p); if (flags & 1) [, p] = readLeb(bytes, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = readLeb(bytes, p); }
      }
    } else if (id === 10) {
      let p = pos;
      let count;
      [count, p] = readLeb(bytes, p);
      for (let i = 0; i < count; i++) {
        let len;
        const start = p;
        [len, p] = readLeb(bytes, p);
        bodies.push({ index: importedFunctions + i, start, end: p + len });
        p += len;
      }
    } else if (id === 0) {
      let p = pos;
      let len;
      [len, p] = readLeb(bytes, p);
      const name = bytes.subarray(p, p + len).toString();
      p += len;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = readLeb(bytes, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let count;
            [count, p] = readLeb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let l;
              [index, p] = readLeb(bytes, p);
              [l, p] = readLeb(bytes, p);
              names.set(index, bytes.subarray(p, p + l).toString());
              p += l;
            }
          }
          p = subEnd;
        }
      }
    }
    pos = end;
  }
  return bodies.map((b) => ({ name: names.get(b.index) || `f${b.index}`, size: b.end - b.start, bytes: bytes.subarray(b.start, b.end) }));
}

// A function's family: the first engine class or free-function group its name mentions.
export function familyOf(name) {
  // The binding layer (engine/bindings/): by its namespace or bind_<what>() function.
  const b = /dw::js::(?:bind_)?([a-z][a-z0-9_]*)(?:::|\()/.exec(name);
  if (b && b[1] !== 'guarded') return `bindings: ${b[1].replace(/_(bind|detail)$/, '')}`;
  const m = /dw::(?:\(anonymous namespace\)::)?([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  if (m) return m[1];
  if (/Eigen::/.test(name)) return '(Eigen, not attributable)';
  if (/emscripten::|embind|_embind/.test(name)) return '(embind runtime)';
  return '(C/C++ runtime and the rest)';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = fs.readFileSync(process.argv[2]);
  const fns = functionSizes(bytes);
  const families = new Map();
  for (const f of fns) {
    const k = familyOf(f.name);
    const e = families.get(k) || { raw: 0, parts: [], count: 0 };
    e.raw += f.size;
    e.parts.push(f.bytes);
    e.count++;
    families.set(k, e);
  }
  const total = fns.reduce((s, f) => s + f.size, 0);
  const rows = [...families.entries()].map(([k, e]) => ({ k, raw: e.raw, count: e.count, gzip: zlib.gzipSync(Buffer.concat(e.parts), { level: 9 }).length }))
    .sort((a, b) => b.raw - a.raw);
  console.log(`module ${(bytes.length / 1024).toFixed(0)} KiB, code ${(total / 1024).toFixed(0)} KiB in ${fns.length} functions (gzip of the module: ${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB)\n`);
  console.log('| family | functions | code KiB | gzip KiB (alone) |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.k} | ${r.count} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} |`);
}

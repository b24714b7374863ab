// Writes a gzip (.gz) and a brotli (.br) copy beside every text file and the WASM module in a
// built folder, for static hosts that serve precompressed files (nginx gzip_static/brotli_static,
// Caddy precompressed, Netlify and others do) and for scripts/serve.mjs. Maximum compression:
// this is paid once per build, not per request. A copy is kept only when it is smaller.
//   node scripts/precompress.mjs [dir]     (build-site.mjs runs it on dist/)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const PRECOMPRESSED = /\.(html|js|mjs|css|wasm|svg|json|txt|md)$/;

export function precompress(dir) {
  let raw = 0;
  let gz = 0;
  let br = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      if (!PRECOMPRESSED.test(entry.name)) continue;
      const bytes = fs.readFileSync(file);
      if (bytes.length < 1024) continue; // a small file gains nothing worth a second request path
      const g = zlib.gzipSync(bytes, { level: 9 });
      const b = zlib.brotliCompressSync(bytes, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.constants.BROTLI_PARAM_MODE]: entry.name.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      } });
      raw += bytes.length;
      if (g.length < bytes.length) { fs.writeFileSync(`${file}.gz`, g); gz += g.length; }
      if (b.length < bytes.length) { fs.writeFileSync(`${file}.br`, b); br += b.length; }
    }
  };
  walk(dir);
  return { raw, gz, br };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] || 'dist');
  const t0 = Date.now();
  const { raw, gz, br } = precompress(dir);
  console.log(`precompressed ${(raw / 1048576).toFixed(1)} MiB → ${(gz / 1048576).toFixed(2)} MiB gzip, ${(br / 1048576).toFixed(2)} MiB brotli in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// A small static file server for dist/ (no dependencies):
//   node scripts/serve.mjs [dir] [port] [--csp] [--cors]
// Serves .wasm as application/wasm so browsers can compile while downloading, sends the
// precompressed copy of a file (file.br or file.gz, written by scripts/precompress.mjs) when the
// client accepts that encoding and the copy is not older than the file, refuses paths
// outside the folder, and with --csp sends the strict Content-Security-Policy the site is built
// to work under (STRICT_CSP; the browser tests use the same one), to try a page as a strict host would.
// With --cors every response says `Access-Control-Allow-Origin: *`, which a course page on another
// origin needs to load <dw-widget> from here (embed.js, the modules it imports and the engine's
// WASM are fetched with CORS); the iframe embed needs nothing. Off unless asked for.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

// No inline scripts or styles, no eval; WebAssembly compilation allowed; everything from this origin.
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// The precompressed copy to send for `file`, if the client accepts its encoding (brotli first).
function precompressedEncoding(file, accept = '') {
  const accepted = new Set(String(accept).split(',').map((a) => a.trim().split(';')[0].toLowerCase()));
  for (const e of [{ name: 'br', ext: 'br' }, { name: 'gzip', ext: 'gz' }]) {
    if (!accepted.has(e.name)) continue;
    try {
      const copy = fs.statSync(`${file}.${e.ext}`);
      if (copy.mtimeMs >= fs.statSync(file).mtimeMs) return e;
    } catch { /* no copy */ }
  }
  return null;
}

export function createServer(dir, { csp = null, cors = false } = {}) {
  const rootDir = path.resolve(dir);
  return http.createServer((req, res) => {
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    let file = path.join(rootDir, pathname);
    if (!file.startsWith(rootDir)) { res.writeHead(403).end('Forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const encoding = precompressedEncoding(file, req.headers['accept-encoding']);
    const served = encoding ? `${file}.${encoding.ext}` : file;
    fs.stat(served, (statErr, stat) => {
      if (statErr || !stat.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'); return; }
      // no-cache with a validator: the browser asks each time and gets "304 Not Modified" for a
      // file it has, so a reload reuses what it downloaded and compiled (the WASM module above all).
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding.ext}` : ''}"`;
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ETag: etag };
      if (encoding) headers['Content-Encoding'] = encoding.name;
      if (csp) headers['Content-Security-Policy'] = csp;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      fs.readFile(served, (err, data) => {
        if (err) { res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'); return; }
        res.writeHead(200, headers).end(data);
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const csp = args.includes('--csp') ? STRICT_CSP : null;
  const cors = args.includes('--cors');
  const [dir = 'dist', portArg] = args.filter((a) => a !== '--csp' && a !== '--cors');
  const port = Number(portArg || process.env.PORT || 8080);
  createServer(dir, { csp, cors }).listen(port, () => {
    const extras = [csp && 'with a strict Content-Security-Policy', cors && 'to pages of any origin (Access-Control-Allow-Origin: *)'].filter(Boolean);
    console.log(`Data Workshop is being served at http://localhost:${port}/${extras.length ? `  ${extras.join(', ')}` : ''}  (Ctrl-C to stop)`);
  });
}

// Runs a command (its arguments) with one headless Chromium for every browser test file it starts:
// the command gets the browser's address in DW_CHROMIUM_WS, and tests/browser/browser.mjs connects
// there instead of launching a Chromium per file. The browser is started with the same executable,
// flags and viewport as a test's own (chromiumLaunch()), in a fresh profile that is removed at the
// end. Exits with the command's status; Ctrl-C or a TERM reaches the command, and the browser is
// closed however the command ends.
//   node scripts/shared-chromium.mjs node --test tests/browser/a.test.mjs tests/browser/b.test.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../tests/browser/browser.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/shared-chromium.mjs COMMAND [ARGS…]');
  process.exit(2);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-chromium-shared-'));
// _userDataDir and _sharedBrowser (playwright-core's own launchServer options, pinned in
// package-lock.json): a persistent context that every connection sees as browser.contexts()[0].
// Contexts made with browser.newContext() are incognito ones, without the code cache that spares
// later page loads compiling the engine's WASM again (measured: more CPU than a browser per file).
const server = await chromium.launchServer({
  ...chromiumLaunch(),
  host: '127.0.0.1',
  _userDataDir: userDataDir,
  _sharedBrowser: true,
  // The signals are the command's to answer: the browser is closed once it has ended.
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DW_CHROMIUM_WS: server.wsEndpoint() } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
const status = await new Promise((resolve) => {
  child.on('error', (err) => { console.error(`shared-chromium: ${err.message}`); resolve(127); });
  child.on('exit', (code, signal) => resolve(code ?? 128 + os.constants.signals[signal]));
});
await server.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
process.exit(status);

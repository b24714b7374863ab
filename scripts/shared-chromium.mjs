// Runs a command (its arguments) with one headless Chromium for every browser test file it starts:
// the command gets the browser's address in DW_CHROMIUM_WS, and tests/browser/browser.mjs connects
// there instead of launching a Chromium per file. The browser is started by launchSharedChromium()
// (tests/browser/browser.mjs), in a fresh profile that is removed at the end. Exits with the
// command's status; Ctrl-C or a TERM reaches the command, and the browser is closed however the
// command ends.
//   node scripts/shared-chromium.mjs node --test tests/browser/a.test.mjs tests/browser/b.test.mjs
import { spawn } from 'node:child_process';
import os from 'node:os';
import { launchSharedChromium } from '../tests/browser/browser.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/shared-chromium.mjs COMMAND [ARGS…]');
  process.exit(2);
}

// The signals are the command's to answer: the browser is closed once it has ended.
const browser = await launchSharedChromium({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DW_CHROMIUM_WS: browser.endpoint } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
const status = await new Promise((resolve) => {
  child.on('error', (err) => { console.error(`shared-chromium: ${err.message}`); resolve(127); });
  child.on('exit', (code, signal) => resolve(code ?? 128 + os.constants.signals[signal]));
});
await browser.close();
process.exit(status);

// WebKitGTK (the engine of Safari) through Debian's WebKitWebDriver (webkit2gtk-driver) and
// selenium-webdriver. WebKitGTK's MiniBrowser needs an X display, so an Xvfb server is started
// for it on a free display number. One browser window, reused for every page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { Builder, Key, Origin } from 'selenium-webdriver';

const DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const KEYS = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, Enter: Key.ENTER, Space: Key.SPACE };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// Xvfb picks a free display itself and writes its number to the file descriptor we give it.
function startXvfb() {
  return new Promise((resolve, reject) => {
    const proc = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ proc, display: `:${out.trim()}` });
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${err.slice(-500)}`)));
  });
}

async function connect(port, deadline) {
  for (;;) {
    try {
      return await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({ browserName: 'MiniBrowser' }).build();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function launchWebKit() {
  for (const [file, pkg] of [[DRIVER, 'webkit2gtk-driver'], [XVFB, 'xvfb']]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run bash scripts/setup.sh (apt package ${pkg})`);
  }
  const xvfb = await startXvfb();
  const port = await freePort();
  const driverProc = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } });
  let driver;
  try {
    driver = await connect(port, Date.now() + 60000);
  } catch (err) {
    driverProc.kill();
    xvfb.proc.kill();
    throw err;
  }
  // The page's own waits (page-probe.js) can take up to a minute on a slow machine.
  await driver.manage().setTimeouts({ script: 90000 });
  const caps = await driver.getCapabilities();
  return {
    name: 'webkit',
    version: `WebKitGTK ${caps.get('browserVersion')}`,
    // The window has no browser chrome in automation mode, but sizes are corrected from what the
    // page reports anyway so the layout viewport is exactly width × height.
    async viewport(width, height) {
      await driver.manage().window().setRect({ width, height });
      const [w, h] = await driver.executeScript('return [innerWidth, innerHeight]');
      if (w !== width || h !== height) await driver.manage().window().setRect({ width: width * 2 - w, height: height * 2 - h });
    },
    async goto(url) { await driver.get(url); },
    eval(expression) { return driver.executeScript(`return (${expression})`); },
    async run(script) { await driver.executeScript(script); },
    async click(x, y) { await driver.actions({ async: true }).move({ x, y, origin: Origin.VIEWPORT }).click().perform(); },
    async drag(x1, y1, x2, y2) {
      await driver.actions({ async: true }).move({ x: x1, y: y1, origin: Origin.VIEWPORT }).press()
        .move({ x: x2, y: y2, origin: Origin.VIEWPORT, duration: 100 }).release().perform();
    },
    async press(key) { await driver.actions({ async: true }).sendKeys(KEYS[key] || key).perform(); },
    async type(text) { await driver.actions({ async: true }).sendKeys(text).perform(); },
    async screenshot(file) { fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')); },
    driverErrors() { return []; }, // classic WebDriver has no console: error-recorder.js records them in the page
    async close() {
      try { await driver.quit(); } finally { driverProc.kill(); xvfb.proc.kill(); }
    },
  };
}

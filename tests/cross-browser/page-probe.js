// Runs inside the page under test, in every engine (installed once per page by smoke.mjs through
// the driver's script evaluation, so Firefox and WebKit run exactly the same probe). It finds
// every widget card — in the page, inside <dw-widget> shadow roots and inside same-origin iframes —
// and answers small questions about them as plain JSON; the driver then makes the real input
// (pointer, keyboard) at the viewport coordinates the probe reports.
(() => {
  if (window.__dwProbe) return;

  // Every document or shadow root that can hold a card, with the viewport offset of its frame.
  function roots() {
    const out = [];
    const visit = (doc, dx, dy) => {
      out.push({ root: doc, dx, dy });
      for (const host of doc.querySelectorAll('dw-widget')) if (host.shadowRoot) out.push({ root: host.shadowRoot, dx, dy });
      for (const frame of doc.querySelectorAll('iframe')) {
        let inner = null;
        try { inner = frame.contentDocument; } catch { inner = null; }
        if (!inner) continue;
        const r = frame.getBoundingClientRect();
        visit(inner, dx + r.left + frame.clientLeft, dy + r.top + frame.clientTop);
      }
    };
    visit(document, 0, 0);
    return out;
  }

  function all(selector) {
    return roots().flatMap(({ root, dx, dy }) => [...root.querySelectorAll(selector)].map((node) => ({ node, dx, dy })));
  }

  const cards = () => all('.dw-card');

  // A hosting element per widget: .dw-mount on lesson pages, <dw-widget> elsewhere, the iframe
  // embed's <main id="widget">.
  function hostCount() {
    return all('.dw-mount').length + all('dw-widget').length + all('body > main#widget').length;
  }

  // Ready: no widget still loading, and every host holds a card or an error message.
  function ready() {
    const loading = all('.dw-loading').length;
    const done = cards().length + all('.dw-message[data-tone="bad"]').length;
    return loading === 0 && done >= hostCount();
  }

  // 32-bit FNV-1a over a canvas's pixels, and whether it shows more than one colour.
  function canvasState(canvas) {
    if (!canvas.width || !canvas.height) return { hash: 0, colours: 0 };
    const ctx = canvas.getContext('2d');
    if (!ctx) return { hash: 0, colours: 0 };
    const px = new Uint32Array(ctx.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    let hash = 0x811c9dc5;
    let colours = 1;
    const first = px[0];
    for (let i = 0; i < px.length; i++) {
      hash = Math.imul(hash ^ px[i], 16777619) >>> 0;
      if (colours === 1 && px[i] !== first) colours = 2;
    }
    return { hash, colours };
  }

  function visible(node) {
    const r = node.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  }

  // What a card shows: its text and controls' values, and every canvas's pixels.
  function cardState(i) {
    const { node } = cards()[i];
    const canvases = [...node.querySelectorAll('canvas')].filter(visible).map(canvasState);
    const values = [...node.querySelectorAll('input, select, textarea')].map((e) => (e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value));
    return JSON.stringify({ text: node.innerText, values, canvases: canvases.map((c) => c.hash) });
  }

  // One card's health: its title, how many visible canvases it has and how many show a picture,
  // any error message, and any NaN or undefined in its text.
  function inspect(i) {
    const { node } = cards()[i];
    const canvases = [...node.querySelectorAll('canvas')].filter(visible);
    const drawn = canvases.filter((c) => canvasState(c).colours > 1).length;
    const text = node.innerText;
    const nan = text.match(/.{0,40}\b(NaN|undefined)\b.{0,20}/s);
    return {
      title: (node.querySelector('.dw-title') || node).textContent.trim().slice(0, 80),
      canvases: canvases.length,
      drawn,
      // A bad-toned message can be a lesson's point ("Leak: …"); a widget that failed says so in
      // these words (web/lib/widget.js, web/lib/ui.js describeError).
      bad: [...node.querySelectorAll('.dw-message[data-tone="bad"]')].map((m) => m.textContent).filter((t) => /could not start|went wrong/i.test(t)),
      nan: nan ? nan[0] : null,
      textLength: text.trim().length,
    };
  }

  // Off-screen widgets do not draw (web/lib/frame.js pauses them), so each is brought into view first.
  function scrollCard(i) {
    cards()[i].node.scrollIntoView({ block: 'start' });
    return true;
  }

  // Scrolls a node to the middle of the viewport and returns its centre in viewport pixels, once it
  // has stopped moving: a card that grows after an interaction (a race's results appearing) pushes
  // what is below it down, and WebKit has no scroll anchoring to hold the view, so a position read
  // at once can be stale by the time the driver clicks. Reads until two frames apart agree (≤ 2 s).
  const twoFrames = () => new Promise((resolve) => {
    const timer = setTimeout(resolve, 100); // a page that draws no frames still moves on
    requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); resolve(); }));
  });
  function place(node) {
    node.scrollIntoView({ block: 'center', inline: 'center' });
    const r = node.getBoundingClientRect();
    // The frame's offset is read after scrolling: an iframe's host page may have scrolled too.
    const { dx, dy } = roots().find(({ root }) => root === node.getRootNode()) || { dx: 0, dy: 0 };
    return { x: Math.round(dx + r.left + r.width / 2), y: Math.round(dy + r.top + r.height / 2), w: Math.round(r.width), h: Math.round(r.height) };
  }
  async function centre(node) {
    const end = performance.now() + 2000;
    let at = place(node);
    for (;;) {
      await twoFrames();
      const again = place(node);
      if ((again.x === at.x && again.y === at.y && again.w === at.w && again.h === at.h) || performance.now() > end) return again;
      at = again;
    }
  }

  // The cheap, generic interactions a card offers, in the order smoke.mjs tries them:
  // drag an interactive canvas, press an arrow on it, click a button, step a slider.
  function targets(i) {
    const { node } = cards()[i];
    const out = [];
    const canvas = [...node.querySelectorAll('canvas')].find((c) => visible(c) && c.tabIndex >= 0);
    // Arrow keys on a plot: Right (most plots move their selection or value with it), then Up
    // (plots whose Left/Right pick a point move it with Up/Down).
    if (canvas) out.push({ kind: 'drag', selector: 'canvas' }, { kind: 'key', selector: 'canvas' }, { kind: 'key', selector: 'canvas', key: 'ArrowUp' });
    const buttons = [...node.querySelectorAll('button')].filter((b) => !b.disabled && visible(b) && !/copy|link|share|download|reset/i.test(b.textContent));
    buttons.slice(0, 2).forEach((b, k) => out.push({ kind: 'click', selector: 'button', index: [...node.querySelectorAll('button')].indexOf(b), label: b.textContent.trim().slice(0, 30), k }));
    // A widget's typed number box (web/lib/number-field.js) steps with the arrow keys as a number input did.
    for (const selector of ['input[type=range]', 'input[type=number]', 'input.dw-number-box']) {
      const input = [...node.querySelectorAll(selector)].find((r) => !r.disabled && visible(r));
      if (input) out.push({ kind: 'slider', selector });
    }
    const box = [...node.querySelectorAll('input[type=checkbox]')].find((r) => !r.disabled && visible(r));
    if (box) out.push({ kind: 'click', selector: 'input[type=checkbox]', label: 'checkbox' });
    const other = [...node.querySelectorAll('[tabindex="0"]:not(canvas), select')].find(visible);
    if (other) out.push({ kind: 'key', selector: other.tagName === 'SELECT' ? 'select' : '[tabindex="0"]:not(canvas)' });
    return out;
  }

  // Finds a target again, scrolls it into view and (for key and slider) focuses it.
  async function aim(i, target) {
    const { node } = cards()[i];
    let el = null;
    if (target.kind === 'click' && target.selector === 'button') el = node.querySelectorAll('button')[target.index];
    else if (target.kind === 'slider' || target.kind === 'click') el = [...node.querySelectorAll(target.selector)].find((r) => !r.disabled && visible(r));
    else el = [...node.querySelectorAll(target.selector)].find((c) => visible(c) && (c.tabIndex >= 0 || c.tagName === 'SELECT'));
    if (!el) return null;
    const at = await centre(el);
    if (target.kind === 'key' || target.kind === 'slider') {
      el.focus({ preventScroll: true });
      at.focused = (el.getRootNode().activeElement === el);
    }
    return at;
  }

  // Check-yourself forms (section[data-check-yourself] form.cy-item), 0 or more per page.
  function checkForms() {
    return [...document.querySelectorAll('section[data-check-yourself] form.cy-item')].map((f) => f.dataset.kind);
  }
  async function aimCheck(i, part) {
    const form = document.querySelectorAll('section[data-check-yourself] form.cy-item')[i];
    const el = part === 'submit' ? form.querySelector('button[type=submit]')
      : form.dataset.kind === 'choice' ? form.querySelector('input[type=radio]') : form.querySelector('input[type=text]');
    return centre(el);
  }
  function checkFeedback(i) {
    const form = document.querySelectorAll('section[data-check-yourself] form.cy-item')[i];
    // A verdict has a tone; 'Checking with the learning engine…' (the engine still loading) has none.
    const out = form.querySelector('.cy-feedback');
    return out.dataset.tone ? out.textContent.trim() : '';
  }

  // In-page waiting: one driver round trip instead of one per poll (WebDriver calls are slow).
  function until(fn, timeout, every = 100) {
    const end = performance.now() + timeout;
    return new Promise((resolve) => {
      const tick = () => {
        const value = fn();
        if (value || performance.now() > end) resolve(value);
        else setTimeout(tick, every);
      };
      tick();
    });
  }
  const whenReady = (timeout) => until(ready, timeout, 100);
  // Card i brought into view, its canvases given time to draw, then its health.
  async function settle(i, timeout) {
    scrollCard(i);
    let info = inspect(i);
    if (info.drawn < info.canvases) await until(() => { info = inspect(i); return info.drawn >= info.canvases; }, timeout, 150);
    return info;
  }
  // Aims at a target and remembers what the card shows, in one call.
  async function prepare(i, target) {
    const at = await aim(i, target);
    if (at) at.before = cardState(i);
    return at;
  }
  const changedSince = (i, before, timeout) => until(() => cardState(i) !== before, timeout, 120);

  const failed = () => all('.dw-message[data-tone="bad"]').map(({ node }) => node.textContent).filter((t) => /could not start|went wrong/i.test(t));

  window.__dwProbe = { failed, until, whenReady, settle, prepare, changedSince, ready, inspect, scrollCard, cardState, targets, aim, checkForms, aimCheck, checkFeedback, count: () => cards().length };
})();

// A click or a tap on a plot is not keyboard focus (audit 6, after place-centroids' H6). Pressing a
// canvas focuses it, and these widgets took any focus for the keyboard's: the message switched to the
// keys' help and a keyboard cursor, cross or focus ring was drawn where the learner had not pointed.
// drag.js's keyboardFocused (trackKeyboardFocus) is the one rule now: focus by Tab (or a key pressed
// on the plot) says the keys and draws the ring; a pointer press takes them away again.
// For each widget: a press on an empty spot of the plot (mouse, then a finger) focuses it, yet the
// message is no keys' help and the canvas is drawn exactly as when it is not focused; Tab to it
// brings the help and the ring; a click takes them away; a key brings them back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady, afterNextFrame } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// widget, which focusable canvas of its card, the keys' help it says on keyboard focus (null: it
// only draws a ring), and a key that acts on the plot and whose mark is drawn only while it has the
// keyboard's focus (null: none such).
const CASES = [
  ['anomaly-detector', 0, /^Arrow keys move the ringed point/, 'Enter'],
  ['dot-product', 0, /^Arrow keys move a by/, 'ArrowRight'],
  ['draw-boundary', 0, /^Keyboard: Enter switches/, 'ArrowRight'],
  ['empirical-risk', 0, null, 'ArrowUp'],
  ['fit-line', 0, /^Arrow keys move the selected end/, 'ArrowUp'],
  ['kmeans-by-hand', 0, /^Left\/Right move c₁/, 'ArrowRight'],
  ['kmeans-convergence', 0, /^Press 1–4 to pick a centroid/, 'ArrowRight'],
  ['likelihood-fit', 0, null, 'ArrowRight'],
  ['loss-penalties', 0, /^Left and right arrows move the prediction/, 'ArrowRight'],
  ['loss-penalties', 1, /^Arrows move the probability/, 'ArrowRight'],
  ['matrix-transform', 0, /^Arrow keys move Aî/, 'ArrowRight'],
  ['place-centroids', 0, /^Arrow keys move the cross/, null], // (its own test: a key after clicks draws the cross),
  ['primer-sum', 0, /^Up\/Down move the selected point/, 'ArrowUp'],
  ['regression-metrics', 0, null, 'ArrowUp'],
  ['roc-sweep', 0, /^Arrows move the threshold/, 'ArrowRight'],
  ['roc-sweep', 1, /^Arrows step along the ROC curve/, 'ArrowRight'],
  ['threshold', 0, /^Left and right arrows move the threshold/, 'ArrowRight'],
  ['loss-surface', 0, null, null], // (a key's cursor is drawn focused or not),
  ['tip-predictor', 0, null, 'ArrowRight'],
  // Their own tap handling keeps a mouse press from focusing the plot; a finger's tap did focus it.
  ['word-embeddings', 0, /^Arrow keys step through the words/, 'ArrowRight', { pressMayNotFocus: true }],
  ['gridworld', 0, null, 'ArrowRight', { pressMayNotFocus: true }],
];

// A press at 37 % across, 41 % down: on none of these widgets' handles, so it focuses the canvas
// (a press that grabs a handle keeps the focus where it was).
const AT = [0.37, 0.41];

async function press(page, canvas, how, [fx, fy] = AT) {
  const box = await canvas.boundingBox();
  const x = box.x + box.width * fx; const y = box.y + box.height * fy;
  if (how === 'mouse') { await page.mouse.click(x, y); return; }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  await cdp.detach();
}

for (const [name, index, keys, key, { pressMayNotFocus = false } = {}] of CASES) {
  test(`${name}${index ? ` (plot ${index + 1})` : ''}: a click or a tap on the plot is not keyboard focus; Tab and keys are`, async () => {
    for (const how of ['mouse', 'touch']) {
      const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
      await page.goto(`${site.base}/embed.html?w=${name}`);
      await widgetsReady(page);
      const card = page.locator('.dw-card').first();
      const canvas = card.locator('canvas[tabindex="0"]').nth(index);
      await canvas.scrollIntoViewIfNeeded();
      const message = async () => (await card.locator('.dw-message').first().textContent()).trim();
      const frames = async () => { await afterNextFrame(page); await afterNextFrame(page); };
      // The canvas's pixels, as a short fingerprint (equal pictures, equal strings).
      const drawn = () => canvas.evaluate((el) => {
        const { data } = el.getContext('2d').getImageData(0, 0, el.width, el.height);
        let h = 0x811c9dc5;
        for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 16777619) >>> 0;
        return `${el.width}×${el.height} ${h.toString(16)}`;
      });
      const isActive = () => canvas.evaluate((el) => el === document.activeElement);
      const blurred = async () => { await canvas.evaluate((el) => el.blur()); await frames(); return drawn(); };
      const label = `${name} ${how}`;

      await press(page, canvas, how);
      await frames();
      if (!pressMayNotFocus) assert.equal(await isActive(), true, `${label}: the press focused the plot`);
      if (keys) assert.doesNotMatch(await message(), keys, `${label}: no keys' help for a press`);
      const pressed = await drawn();
      assert.equal(await blurred(), pressed, `${label}: nothing drawn for keyboard focus after a press`);

      // Tab to the plot: the keys' help and the keyboard's ring.
      const plain = await drawn();
      await page.keyboard.press('Shift+Tab'); // back from where the plot was, and on to it
      for (let i = 0; i < 60 && !(await isActive()); i++) await page.keyboard.press('Tab');
      assert.equal(await isActive(), true, `${label}: Tab reaches the plot`);
      await frames();
      if (keys) assert.match(await message(), keys, `${label}: keyboard focus says the keys`);
      assert.notEqual(await drawn(), plain, `${label}: keyboard focus is drawn`);

      // A press on the keyboard-focused plot takes the keyboard's marks away; a key brings them back.
      await press(page, canvas, how);
      await frames();
      const again = await drawn();
      if (!pressMayNotFocus) assert.equal(await isActive(), true);
      assert.equal(await blurred(), again, `${label}: a press ends the keyboard's marks`);
      if (key) {
        // Somewhere else than AT (a point may be planted there now), and off the handles: a press
        // that grabs one leaves the focus where it was.
        for (const at of [[0.63, 0.59], [0.15, 0.2], [0.85, 0.2]]) {
          await press(page, canvas, how, at);
          await frames();
          if (await isActive()) break;
        }
        if (pressMayNotFocus && !(await isActive())) await canvas.evaluate((el) => el.focus()); // after the press, so not the keyboard's yet
        assert.equal(await isActive(), true);
        await page.keyboard.press(key);
        await frames();
        const keyed = await drawn();
        assert.notEqual(await blurred(), keyed, `${label}: a key on the plot brings the keyboard's marks back`);
      }
      assert.deepEqual(page.record ? page.record.errors : [], [], `${label}: no page errors`);
      await page.close();
    }
  });
}

// Shared steps for the browser tests of "Predict, then check" boxes (web/lib/predict.js): lock in
// a prediction (a choice or a number) and read the verdict the widget gives.
import assert from 'node:assert/strict';

export function predictBox(scope, id) {
  return scope.locator(`[data-predict="${id}"]`);
}

// Chooses (a choice box) or types (a numeric box) `value`, presses Lock in, and checks it locked.
export async function lockPrediction(scope, id, value) {
  const box = predictBox(scope, id);
  await box.scrollIntoViewIfNeeded();
  const select = box.locator('select');
  if (await select.count()) await select.selectOption(String(value));
  else await box.locator('input').fill(String(value));
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  // 'settled' when the widget could run the whole experiment at once (reduced motion).
  assert.ok(['committed', 'settled'].includes(await box.getAttribute('data-state')), await box.getByRole('status').textContent());
  return box;
}

// { result: 'held' | 'missed' | null, text } of the box's verdict, once the box has settled (an
// animated experiment may take a moment; gives up after `wait` ms and returns what is there).
export async function verdict(scope, id, wait = 15000) {
  const box = predictBox(scope, id);
  for (let t = 0; t < wait && (await box.getAttribute('data-state')) === 'committed'; t += 50) await box.page().waitForTimeout(50);
  return { result: await box.getAttribute('data-result'), text: (await box.getByRole('status').textContent()).trim() };
}

// Chooses `value` in a choice box and presses Lock in, asserting nothing (for tests of a box that
// refuses); returns the box.
export async function lockChoice(scope, id, value) {
  const box = predictBox(scope, id);
  await box.getByRole('combobox').selectOption(value);
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  return box;
}

// { result, text } of a box as it is now (no waiting).
export async function boxVerdict(box) {
  return { result: await box.getAttribute('data-result'), text: await box.getByRole('status').textContent() };
}

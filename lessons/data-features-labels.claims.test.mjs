// Claims of "Examples, features and labels" about the house-table and build-dataset widgets:
// houseRows() of house-table.js for its nine houses (seed 001's three and the engine's six); courseHouses(240, 0.4, 51) with a least-squares
// LinearRegression on the chosen columns (closedForm), scored by R² on the validation rows,
// exactly as build-dataset fits them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/linear-models.js';

const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema, VALIDATION_FRACTION, columnOrder } = await import(pathToFileURL(path.join(dist, 'widgets', 'build-dataset.js')).href);
const { houseRows } = await import(pathToFileURL(path.join(dist, 'widgets', 'house-table.js')).href);
const data = ml.courseHouses(schema.houses.default, VALIDATION_FRACTION, schema.seed.default);
const COL = { size: 0, bedrooms: 1, age: 2, distance: 3, shoe: 4, colour: 5, id: 6 };

function fit(cols) {
  const slice = (rows) => {
    const X = [];
    const y = [];
    for (const r of rows) { for (const c of cols) X.push(data.X[r * data.cols + c]); y.push(data.y[r]); }
    return { X, y };
  };
  const tr = slice(Array.from(data.train));
  const va = slice(Array.from(data.validation));
  return ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData(tr.X, cols.length, tr.y);
    m.setParams(m.closedForm());
    return { val: m.score(va.X, va.y), train: m.score(tr.X, tr.y) };
  });
}
const INFORMATIVE = [COL.size, COL.bedrooms, COL.age, COL.distance];

test('nine houses, from smallest to largest: three feature columns, one of them the owner’s shoe size, and a price label; seed 001’s three houses among them', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /## Nine houses\n\nBelow are nine houses, listed from smallest to largest, with three feature columns and a price column as the label\./);
  const { columns, rows } = houseRows(ml);
  assert.equal(rows.length, 9);
  assert.deepEqual(columns, ['size_m2', 'bedrooms', 'owner_shoe_size']);
  assert.ok(rows.every((r) => r.length === 4), 'three features and the price');
  assert.ok(rows.every((r, i) => i === 0 || r[0] >= rows[i - 1][0]), 'smallest to largest');
  const courseHouses = [{ size: 60, beds: 2, shoe: 42, price: 180 }, { size: 95, beds: 3, shoe: 38, price: 270 }, { size: 120, beds: 4, shoe: 44, price: 340 }];
  for (const { size, beds, shoe, price } of courseHouses) {
    assert.ok(rows.some((r) => r.join() === [size, beds, shoe, price].join()), `the course's house of ${size} m²`);
  }
  // The game stays sound: price climbs from row to row, the shoe size goes both up and down.
  assert.ok(rows.every((r, i) => i === 0 || r[3] > rows[i - 1][3]));
  const shoe = rows.map((r) => r[2]);
  assert.ok(shoe.some((v, i) => i > 0 && v < shoe[i - 1]) && shoe.some((v, i) => i > 0 && v > shoe[i - 1]));
});

// The words are taught on the nine-house table (a row, then a column, then the price column), and
// signal and noise are read off it after the game: the price climbs at every row, size and
// bedrooms never fall as it does, and the shoe size goes both up and down.
test('the words are defined on the nine-house table, and signal and noise by how the columns move down it', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  const top = lesson.slice(lesson.indexOf('## Nine houses'), lesson.indexOf('::: widget house-table'));
  const at = (term) => top.indexOf(`**${term}**`);
  assert.ok(at('example') > 0 && at('example') < at('feature') && at('feature') < at('label') && at('label') < at('dataset'));
  assert.match(top, /Read along one row:.*\*\*example\*\*/);
  assert.match(top, /Read down one of the first three columns:.*\*\*feature\*\*/);
  assert.match(top, /The last column, the price,.*\*\*label\*\*/);
  assert.doesNotMatch(top, /signal|noise/, 'signal and noise come after the game');
  assert.match(lesson, /::: widget house-table\n\nWhat gives the useless column away\? Down the table the price climbs at every row, and the two useful columns climb with it, or at least never fall, while the useless one goes up and down with no pattern/);
  const { rows } = houseRows(ml);
  const never = (j, dir) => rows.every((r, i) => i === 0 || dir * (r[j] - rows[i - 1][j]) >= 0);
  assert.ok(rows.every((r, i) => i === 0 || r[3] > rows[i - 1][3]), 'price climbs at every row');
  assert.ok(never(0, 1) && never(1, 1), 'size and bedrooms never fall');
  assert.ok(!never(2, 1) && !never(2, -1), 'shoe size goes up and down');
  assert.equal(schema.houses.default, 240, '240 houses in the game further down');
});

// The rule the lesson gives for the noise-column game, replayed through the progress store
// (web/js/progress.js) with the reports the widget sends: a wrong first pick reports 0 of 1 at
// once, finding the column completes the game (1 as the first pick, 0 after a miss), both with
// firstTry (tests/browser/house-table.test.mjs checks the widget does that, across a reload).
test('house table: the first pick is the one progress records; finding the column after a miss still completes the game', async () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /Pick it by its column header: your first pick is the one your progress records, and finding the column after a miss still completes the game\./);
  const { recordActivity } = await import('../web/js/progress.js');
  const report = { widget: 'house-table', title: 'Spot the noise column (first pick)', max: 1, firstTry: true };
  const saved = (state) => { const a = state.activities['house-table']; return { best: a.best, complete: a.complete }; };
  // A miss, the page left; after a reload the noise column is the first pick of the visit.
  assert.deepEqual(saved(recordActivity('claims-missed', { ...report, score: 0 }, false)), { best: 0, complete: false });
  assert.deepEqual(saved(recordActivity('claims-missed', { ...report, score: 1 }, true)), { best: 0, complete: true });
  // Right first: 1 of 1, and a later visit's miss does not lower it.
  assert.deepEqual(saved(recordActivity('claims-right', { ...report, score: 1 }, true)), { best: 1, complete: true });
  assert.deepEqual(saved(recordActivity('claims-right', { ...report, score: 0 }, false)), { best: 1, complete: true });
});

test('check yourself: the table has 9 examples and 3 features (the price is the label)', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /\? In the table of nine houses at the top of this page, how many examples and how many features are there\?\n(?:[-+] .*\n){3}/);
  assert.match(lesson, /\n\+ 9 examples and 3 features :: /);
  const { columns, rows } = houseRows(ml);
  assert.equal(rows.length, 9);
  assert.equal(columns.length, 3);
});

test('240 houses, seven candidate features, 144 for fitting and 96 for scoring', () => {
  assert.equal(data.rows, 240);
  assert.equal(data.cols, 7);
  assert.equal(data.train.length, 144);
  assert.equal(data.validation.length, 96);
  assert.deepEqual(Array.from(data.informative), [1, 1, 1, 1, 0, 0, 0]);
});

// Every house sells for something: the generator's noise is drawn again while a price would come
// out under 10 thousand (engine/include/dw/house_prices.hpp), for any seed the widget accepts and
// up to its largest table. (Seed 51 once had two houses at about -33.5 thousand.)
test('no generated house sells for less than 10 thousand, whatever the seed', () => {
  const { min: seedMin, max: seedMax } = schema.seed;
  const seeds = [seedMin, 1, 2, 51, seedMax - 1, seedMax];
  for (let k = 0; k < 300; k++) seeds.push(Math.floor(seedMax * ((k * 0.6180339887498949) % 1)));
  for (const seed of seeds) {
    const { y } = ml.courseHouses(schema.houses.max, VALIDATION_FRACTION, seed);
    assert.equal(y.length, schema.houses.max);
    const cheapest = Math.min(...y);
    assert.ok(cheapest >= 10, `seed ${seed}: a house sold for ${cheapest} thousand`);
  }
  assert.ok(Math.min(...data.y) >= 10, 'the lesson\'s own houses');
});

test('size alone 0.825; distance adds by far the most (0.896), age and bedrooms about 0.02 each (0.848, 0.842); the four informative columns 0.917, the best of every combination', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /Size on its own already explains most of the variation in price \(validation \$R\^2\$ 0\.825\)/);
  assert.match(lesson, /distance to the centre adds by far the most on top of size \(0\.825 → 0\.896\)\. Age and bedrooms each add only about 0\.02 \(0\.848 with age, 0\.842 with bedrooms\)\./);
  assert.match(lesson, /The four informative columns together reach 0\.917\./);
  const size = fit([COL.size]).val;
  assert.equal(size.toFixed(3), '0.825');
  const withDistance = fit([COL.size, COL.distance]).val;
  const withAge = fit([COL.size, COL.age]).val;
  const withBedrooms = fit([COL.size, COL.bedrooms]).val;
  assert.equal(withDistance.toFixed(3), '0.896');
  assert.equal(withAge.toFixed(3), '0.848');
  assert.equal(withBedrooms.toFixed(3), '0.842');
  // "By far the most": distance's gain is more than twice either other's; "about 0.02" each.
  assert.ok(withDistance - size > 2 * Math.max(withAge - size, withBedrooms - size));
  for (const gain of [withAge - size, withBedrooms - size]) assert.equal(gain.toFixed(2), '0.02', `gain ${gain}`);
  const four = fit(INFORMATIVE).val;
  assert.equal(four.toFixed(3), '0.917');
  for (let mask = 1; mask < 1 << 7; mask++) {
    const cols = [0, 1, 2, 3, 4, 5, 6].filter((j) => mask & (1 << j));
    assert.ok(fit(cols).val <= four + 1e-12, `columns ${cols} beat the four informative ones`);
  }
});

test('each noise column lowers the validation R² of the four informative ones, by less than 0.01', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /the random ID to those four \*lowers\* the validation score, each by less than 0\.01\./);
  const base = fit(INFORMATIVE).val;
  for (const noise of [COL.shoe, COL.colour, COL.id]) {
    const drop = base - fit([...INFORMATIVE, noise]).val;
    assert.ok(drop > 0 && drop < 0.01, `column ${noise}: drop ${drop}`);
  }
});

test('adding any column never lowers the training R²', () => {
  for (let mask = 1; mask < 1 << 7; mask++) {
    const cols = [0, 1, 2, 3, 4, 5, 6].filter((j) => mask & (1 << j));
    const train = fit(cols).train;
    for (let j = 0; j < 7; j++) {
      if (cols.includes(j)) continue;
      const more = [...cols, j].sort((a, b) => a - b);
      assert.ok(fit(more).train >= train - 1e-9, `adding ${j} to ${cols}`);
    }
  }
});

test('worked example: w₁ = 2, w₂ = 10, b = 20 prices a 100 m², 3-bedroom house at 250', () => {
  const price = ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([100, 3, 50, 2], 2, [250, 150]);
    m.setParams([2, 10, 20]);
    return m.predict([100, 3])[0];
  });
  assert.equal(price, 250);
});

// Three validation houses sold for 100, 200, 300; predictions are made by a line in x = 1, 2, 3.
const r2 = (w, b) => computations.linear(ml, { x: [1, 2, 3], y: [100, 200, 300], w, b }).r2;
test('worked example: predictions 110, 200, 290 give R² = 1 − 200/20 000 = 0.99', () => {
  assert.ok(Math.abs(r2(90, 20) - (1 - 200 / 20000)) < 1e-12, `R² ${r2(90, 20)}`);
});

test('check yourself: predictions 130, 230, 330 give R² = 1 − 2700/20 000 = 0.865; always guessing the average gives 0', () => {
  assert.ok(Math.abs(r2(100, 30) - 0.865) < 1e-12, `R² ${r2(100, 30)}`);
  assert.ok(Math.abs(r2(0, 200)) < 1e-12, `average R² ${r2(0, 200)}`);
  assert.ok(r2(0, 0) < -1, 'guessing 0 everywhere is far worse than the average');
});

test('predict, then check: with exactly the informative columns in, each meaningless column makes the validation R² fall (the widget\'s verdict)', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /\*\*Predict, then check\.\*\* Find the columns that really drive the price and switch on exactly those\..*will the validation \$R\^2\$ rise, stay exactly the same, or fall\?/);
  assert.deepEqual(Array.from(data.informative), [1, 1, 1, 1, 0, 0, 0], 'the informative columns the widget asks for');
  const base = fit(INFORMATIVE).val;
  for (const noise of [COL.shoe, COL.colour, COL.id]) assert.ok(fit([...INFORMATIVE, noise]).val < base - 1e-12, `column ${noise}`);
});

// The game completes on the best set of columns; the buttons are dealt by columnOrder (the widget's
// own), in which no run of buttons from either end is that set, so pressing them all in turn, or
// switching them all off in turn, never passes through it.
test('build the dataset: the best set is the four informative columns, and never the first or last buttons in the dealt order', () => {
  const lesson = fs.readFileSync(new URL('./data-features-labels.md', import.meta.url), 'utf8');
  assert.match(lesson, /Reaching that mark with columns you chose completes the game\. The buttons are dealt in a shuffled order, so pressing them one after another \(or switching them all off again one by one\) never lands on the best set without a judgement of your own\./);
  let best = null;
  for (let mask = 1; mask < 1 << data.cols; mask++) {
    const cols = [];
    for (let j = 0; j < data.cols; j++) if (mask & (1 << j)) cols.push(j);
    const { val } = fit(cols);
    if (!best || val > best.val) best = { val, mask, cols };
  }
  assert.deepEqual(best.cols, INFORMATIVE);
  const order = columnOrder(data.cols, best.mask, schema.seed.default);
  assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4, 5, 6]);
  const same = (set) => set.length === INFORMATIVE.length && set.every((j) => INFORMATIVE.includes(j));
  for (let k = 1; k < data.cols; k++) {
    assert.ok(!same(order.slice(0, k)), `the first ${k} buttons are not the best set`);
    assert.ok(!same(order.slice(data.cols - k)), `the last ${k} buttons are not the best set`);
  }
  // The order is not the engine's (whose first four columns are the informative ones).
  assert.notDeepEqual(order.slice(0, 4).sort(), INFORMATIVE);
});

// Shared checks for the landscape widget tests: canvas has drawn something, readouts by label,
// and no NaN anywhere in a card.
export async function canvasInk(page, selector) {
  return page.locator(selector).first().evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] > 0) painted += 1;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { painted, colours: colours.size };
  });
}

export function statReader(page, scope = page) {
  return async (label) => (await scope.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).first().textContent()).trim();
}

export async function noNaN(page) {
  // Widget cards only: typeset math such as N_a legitimately contains the letters "NaN".
  const texts = await page.locator('.dw-card').allTextContents();
  return texts.every((t) => !/NaN/.test(t));
}

// Every word the primer-chain widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-chain.title': 'The chain rule: outer × inner',
  'primer-chain.hint': 'Slide z. The loss (σ(z) − y)² is a square wrapped around σ; its slope is the square’s slope times σ’s slope.',
  'primer-chain.plot': 'σ(z) and the loss (σ(z) − y)² with its tangent',
  'primer-chain.slider.z': 'z',
  'primer-chain.stat.sigma': 'σ(z)',
  'primer-chain.stat.inner': 'inner: σ′(z)',
  'primer-chain.stat.outer': 'outer: 2(σ(z) − y)',
  'primer-chain.stat.product': 'dL/dz = outer × inner',
  'primer-chain.predict.question': 'With y = 1, at z = −6 (σ(z) near 0, badly wrong) the size of dL/dz will be…',
  'primer-chain.predict.large': 'large, at least 0.1: a bad miss gets a big push',
  'primer-chain.predict.moderate': 'between 0.01 and 0.1',
  'primer-chain.predict.tiny': 'tiny, below 0.01',
  'primer-chain.predict.next': ({ labelIsOne }) => (labelIsOne ? 'Now slide z all the way down to −6.' : 'Now press y = 1 and slide z all the way down to −6.'),
  'primer-chain.predict.seen': 'The slope at z = -6 has been on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'primer-chain.predict.why': ({ outer, inner, product, approx }) => `dL/dz = ${outer} × ${inner} ${approx ? '≈' : '='} ${product}. The outer factor is nearly −2, as large as it gets, but the inner one, σ′(−6), is almost 0 because σ is flat out there, and the product takes the small factor's size.`,
  // Sizes as the Predict box names them: large ≥ 0.1, small from 0.01, tiny below 0.01. "≈" when
  // the rounded factors do not multiply to the rounded product.
  'primer-chain.product': ({ outer, inner, product, approx, far, size, wrong }) => `dL/dz = ${outer} × ${inner} ${approx ? '≈' : '='} ${product}. ${far ? `Far from 0, σ is nearly flat, so the product is ${{ large: 'still large', small: 'small (between 0.01 and 0.1)', tiny: 'tiny (below 0.01)' }[size]}${wrong ? ', although the prediction is badly wrong' : ''}.` : 'Each factor is one link of the chain.'}`,
  'primer-chain.figure': 'At z = {z}: σ(z) = {sigma}, dL/dz = {product}',
  'primer-chain.axis.x': 'z',
  'primer-chain.axis.y': 'σ(z) dashed, L(z) solid',
  'primer-chain.labels': 'Label y',
  'primer-chain.label': 'y = {y}',
};

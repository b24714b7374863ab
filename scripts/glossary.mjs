// The glossary of lessons/notation.md, linked from every lesson: the first use of each glossary
// term in a lesson's text becomes a link to its entry (notation.html#glossary-…), whose
// definition is also the link's title. Headings, links, code, math and the check-yourself block
// are left alone. An entry is a paragraph of the "## Glossary" section that starts with its name
// in bold and a full stop ("**Empirical risk.** The average loss …").

import { plainText } from './plain-text.mjs';

// The words each entry is found by in running text, besides its own name (lower case; plurals
// and verb forms are added by `forms`). Entries that name several terms list each one.
const ALIASES = {
  'example': [],
  'dataset': ['data set'],
  'generalisation': ['generalise', 'generalises', 'generalising', 'generalisation error'],
  'overfitting': ['overfit', 'overfits', 'overfitted'],
  'underfitting': ['underfit', 'underfits'],
  'regularisation': ['regularise', 'regularised'],
  'supervised-unsupervised-reinforcement-and-self-supervised-learning': ['supervised learning', 'unsupervised learning', 'reinforcement learning', 'self-supervised learning'],
  'classification-and-regression': ['classification', 'regression'],
  'data-leakage': ['leakage'],
  'entropy-cross-entropy-and-kl-divergence': ['entropy', 'cross-entropy', 'kl divergence', 'kullback–leibler divergence'],
  'stemming-and-lemmatisation': ['stemming', 'stemmer', 'lemmatisation', 'lemmatiser'],
  'label': ['target'],
  'empirical-risk': ['training error'],
  'training-set': ['training data'],
  'mean-squared-error': ['mse'],
  'neural-network': ['neural net'],
  'cross-validation': ['cross validation', 'cross-validate', 'cross-validated'],
  'backpropagation': ['backprop', 'back-propagation', 'backpropagate', 'backpropagates'],
};

// Compound names in which a glossary word has another sense, so it is not linked there: logistic
// regression is a classifier; "for example", a worked example and a textbook's "example 6.6" are
// illustrations, not rows of data, and an "example text" is a sample sentence a widget offers;
// batch scoring (a batch job) runs a model over a whole table, with no gradient step; a CNN's
// feature map is a layer's output; the SVD lesson's "diagonal gradient" is a picture. `before` is
// tested on the text just before the word, `after` on the text just after it.
const OTHER_SENSE = [
  { id: 'glossary-classification-and-regression', before: /\blogistic\s+$/i },
  { id: 'glossary-example', before: /\b(?:for|worked)\s+$/i },
  { id: 'glossary-example', after: /^\s+\d/ },
  { id: 'glossary-example', after: /^\s+texts?\b/i },
  { id: 'glossary-batch', after: /^\s+(?:scoring|inference|jobs?)\b/i },
  { id: 'glossary-feature', after: /^\s+maps?\b/i },
  { id: 'glossary-gradient', before: /\bdiagonal\s+$/i },
  // "Bias" is the statistical one (an estimate's systematic error). The bias b of a line or a
  // neuron is the intercept and keeps that meaning ("weights and biases", "bias $b$", "the bias
  // shifts it"), and "checks for bias" is about fairness, so "bias" links only where its words
  // say it is the statistical sense (`unlessBefore`/`unlessAfter`: the rule holds unless one
  // matches): "high/low/less bias", "bias²", "bias and variance", "bias: …", "(bias)", "the bias
  // is how far", "the bias of starting", "bias correction".
  { id: 'glossary-bias', word: /^biases$/i },
  { id: 'glossary-bias', before: /\bintercept\s*\(\s*$/i },
  { id: 'glossary-bias', unlessBefore: /\b(?:high|low|large|little|less|more|small|squared)\s+$/i, unlessAfter: /^(?:\s*[²:)]|[–-]variance|\s+(?:and|for|with)\s+variance|\s+is\s+how\s+far|\s+of\s+starting|\s+correction)/i },
  // The root mean squared error is another metric.
  { id: 'glossary-mean-squared-error', before: /\broot\s+$/i },
  // "Target" is a label where a model learns to predict it, not DQN's target network, a TD
  // target, the spot an arrow or a gradient step aims at, a score to beat or the verb.
  { id: 'glossary-label', word: /^targets?$/i, after: /^\s+network/i },
  { id: 'glossary-label', word: /^targets?$/i, before: /\b(?:TD|temporal-difference|exaggerated|95%|past|on|to|towards|each new|beaten|this)\s+(?:the\s+)?$/i },
  { id: 'glossary-label', word: /^targets$/i, after: /^\s+a\b/i },
  { id: 'glossary-label', word: /^targets?$/i, after: /^\s+keeps\s+its\b/i },
  // "Label" as a verb is giving something a class, not the answer a model learns: "a sorter that
  // labels each picture", "a tree, which labels the plane", "nobody had to label anything" (but
  // "that labels are noisy" and "inputs to labels" are the noun).
  { id: 'glossary-label', word: /^labels$/i, before: /\b(?:that|which|who|it)\s+$/i, unlessAfter: /^\s+(?:are|were|is|was|do|did|have|had|can|could|may|must|will|would)\b/i },
  { id: 'glossary-label', word: /^label$/i, before: /\bto\s+$/i, unlessAfter: /^\s+(?:noise|errors?|\d)/i },
  // A number's precision (full, 16-bit, digits of) is not the classifier's; recall@k is a retriever's.
  { id: 'glossary-precision', before: /\b(?:full|higher|lower|half|single|double|floating-point|numerical|of|\d+-bit)\s+$/i },
  { id: 'glossary-recall', after: /^@/ },
];
// A paragraph of references ("**References.** …", "**Further reading.** …"): the words in its
// titles are the authors', not the course's terms.
const REFERENCES = /(<p[^>]*>\s*<strong>(?:References|Further reading)\.<\/strong>[\s\S]*?<\/p>)/;

// A definition is the link's title (its pop-up and its accessible description), so its Markdown
// becomes plain words: a link keeps its text, and math is written as the page shows it
// (plainText: $(\\hat y - y)^2$ → "(ŷ − y)²", $\\theta \\leftarrow \\theta - \\eta$ → "θ ← θ − η"), never
// as TeX a reader would see, or a screen reader spell out, backslash by backslash.
export function glossaryId(name) {
  return `glossary-${name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

// The glossary entries of the notation page's Markdown: [{ id, name, definition, words }].
export function readGlossary(notationMarkdown) {
  const section = notationMarkdown.split(/^## Glossary\s*$/m)[1];
  if (!section) return [];
  const entries = [];
  for (const m of section.split(/^## /m)[0].matchAll(/^\*\*([^*]+?)\.\*\*\s+(.+)$/gm)) {
    const name = m[1].trim();
    const id = glossaryId(name);
    const key = id.slice('glossary-'.length);
    const words = ALIASES[key] && ALIASES[key].length && /,| and /.test(name) ? ALIASES[key] : [name.toLowerCase(), ...(ALIASES[key] || [])];
    const definition = plainText(m[2].replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
    entries.push({ id, name, definition, words });
  }
  return entries;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A word and its plural: "loss" → losses, "batch" → batches, "model" → models.
function forms(word) {
  const last = word.split(' ').pop();
  const plural = /(s|x|ch|sh)$/.test(last) ? `${word}es` : /[^aeiou]y$/.test(last) ? `${word.slice(0, -1)}ies` : `${word}s`;
  return [word, plural];
}

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'summary', 'button']);
const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Links the first use of each entry in `html` (marked's output, with math still stashed as
// placeholders) to `${href}#${id}`.
export function linkGlossary(html, entries, href = 'notation.html') {
  if (!entries.length) return html;
  const byWord = new Map();
  for (const e of entries) for (const w of e.words) for (const f of forms(w)) if (!byWord.has(f)) byWord.set(f, e);
  // Longest first, so "gradient descent" wins over "gradient" and "test set" over "set".
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(${words.map(escapeRe).join('|')})(?![\\w-])`, 'gi');
  const linked = new Set();
  const stack = [];
  let tail = ''; // the text just before the current part, for OTHER_SENSE
  const linkPart = (part) => {
    if (part.startsWith('<')) {
      const m = /^<(\/?)([a-z0-9]+)/i.exec(part);
      if (m && SKIP.has(m[2].toLowerCase())) {
        if (m[1]) stack.pop(); else if (!part.endsWith('/>')) stack.push(m[2]);
      }
      return part;
    }
    const before = tail;
    tail = (tail + part).slice(-40);
    if (stack.length || !part.trim()) return part;
    return part.replace(pattern, (found, _w, offset, whole) => {
      const e = byWord.get(found.toLowerCase());
      if (!e || linked.has(e.id)) return found;
      const preceding = before + whole.slice(0, offset);
      const following = whole.slice(offset + found.length);
      if (OTHER_SENSE.some((o) => o.id === e.id && (!o.word || o.word.test(found)) && (!o.before || o.before.test(preceding)) && (!o.after || o.after.test(following)) && !(o.unlessBefore && o.unlessBefore.test(preceding)) && !(o.unlessAfter && o.unlessAfter.test(following)))) return found;
      linked.add(e.id);
      return `<a class="glossary-link" href="${href}#${e.id}" title="${escAttr(`${e.name}: ${e.definition}`)}">${found}</a>`;
    });
  };
  return html.split(REFERENCES).map((piece, i) => (i % 2 ? piece : piece.split(/(<[^>]+>)/).map(linkPart).join(''))).join('');
}

// The notation page: each glossary paragraph gets its entry's id, so links can land on it.
export function addGlossaryIds(html) {
  return html.replace(/<p><strong>([^<]+?)\.<\/strong>/g, (whole, name) => `<p id="${glossaryId(name)}"><strong>${name}.</strong>`);
}

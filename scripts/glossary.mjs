// The glossary of lessons/notation.md, linked from every lesson: the first use of each glossary
// term in a lesson's text becomes a link to its entry (notation.html#glossary-…), whose
// definition is also the link's title. Headings, links, code, math and the check-yourself block
// are left alone. An entry is a paragraph of the "## Glossary" section that starts with its name
// in bold and a full stop ("**Empirical risk.** The average loss …").

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
};

// Compound names in which a glossary word has another sense, so it is not linked there: logistic
// regression is a classifier; "for example", a worked example and a textbook's "example 6.6" are
// illustrations, not rows of data; a CNN's feature map is a layer's output; the SVD lesson's
// "diagonal gradient" is a picture. `before` is tested on the text just before the word, `after`
// on the text just after it.
const OTHER_SENSE = [
  { id: 'glossary-classification-and-regression', before: /\blogistic\s+$/i },
  { id: 'glossary-example', before: /\b(?:for|worked)\s+$/i },
  { id: 'glossary-example', after: /^\s+\d/ },
  { id: 'glossary-feature', after: /^\s+maps?\b/i },
  { id: 'glossary-gradient', before: /\bdiagonal\s+$/i },
];
// A paragraph of references ("**References.** …", "**Further reading.** …"): the words in its
// titles are the authors', not the course's terms.
const REFERENCES = /(<p[^>]*>\s*<strong>(?:References|Further reading)\.<\/strong>[\s\S]*?<\/p>)/;

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
    const definition = m[2].replace(/\$[^$]*\$/g, (t) => t.slice(1, -1)).replace(/\*\*?|`/g, '').trim();
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
      if (OTHER_SENSE.some((o) => o.id === e.id && (o.before ? o.before.test(preceding) : o.after.test(following)))) return found;
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

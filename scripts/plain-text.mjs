// Markdown with TeX math turned into the plain words and signs a page shows, for text that cannot
// hold rendered math: a check-yourself choice's accessible name, a glossary link's pop-up.

// For example "$13 \\times 13$" → "13 × 13".
const TEX_WORDS = { times: '×', cdot: '·', le: '≤', ge: '≥', leq: '≤', geq: '≥', approx: '≈', ne: '≠', pm: '±', infty: '∞', to: '→', leftarrow: '←', rightarrow: '→', mid: '|', nabla: '∇', partial: '∂', in: '∈', dots: '…', ldots: '…', cdots: '⋯', sigma: 'σ', eta: 'η', theta: 'θ', mu: 'μ', lambda: 'λ', gamma: 'γ', alpha: 'α', beta: 'β', epsilon: 'ε', varepsilon: 'ε', phi: 'φ', varphi: 'φ', omega: 'ω', delta: 'δ', Delta: 'Δ', rho: 'ρ', tau: 'τ', xi: 'ξ', psi: 'ψ', pi: 'π', chi: 'χ', Sigma: 'Σ', Phi: 'Φ', ell: 'ℓ', odot: '⊙', lvert: '|', rvert: '|', lVert: '‖', rVert: '‖', prime: '′', sum: 'Σ', log: 'log', ln: 'ln', max: 'max', min: 'min', top: 'ᵀ', hat: '', bar: '', mathbf: '', boldsymbol: '', mathrm: '', mathcal: '', operatorname: '', text: '', frac: '', left: '', right: '', allowbreak: '', nobreak: '' };
// Sizing commands (\big[, \Bigr), \biggl|) only make a bracket taller: the bracket stays, the command goes.
const SIZING = /\\[bB]igg?[lrm]?(?![a-zA-Z])/g;
// A blackboard letter as the page draws it: \mathbb{E} → 𝔼 (the expectation), \mathbb{R} → ℝ.
const DOUBLE_STRUCK = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };
const doubleStruck = (s) => s.replace(/[A-Z]/g, (c) => DOUBLE_STRUCK[c] ?? String.fromCodePoint(0x1d538 + c.charCodeAt(0) - 65));
// A star in math is a name ($D^*$, the best discriminator: "D*"), not Markdown emphasis, so only
// the text between the math loses its * and _; a ^ before a superscript sign (ᵀ, ²) is dropped.
// A hat or bar sits on its letter (\\hat y → ŷ), a root takes its argument (\\sqrt n → √n), a minus
// is a minus sign (−), and a one-letter or one-digit subscript is written small where Unicode can (w_j → wⱼ).
// A max or min over a set reads as it is said: \\max_{a'} Q → "max over a′ Q", and a prime in math
// is the prime sign the page draws (s′), not an apostrophe.
// A gradient's subscript names what it is taken with respect to; one with no small form (∇_θ L) is
// dropped rather than written full size, where "∇θ L" would read as ∇ times θ times L: "∇L", the
// gradient of L, as the notation page reads it.
// A numeric power read aloud as it is printed: e^{1000} → e¹⁰⁰⁰ (a bare "^" is a symbol nobody can say).
// A grouped power keeps its group (e^{1\,000} → e¹ ⁰⁰⁰ with a narrow no-break space), and a narrow
// no-break space anywhere stays one: it holds a grouped number together.
const SUPERSCRIPTS = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '−': '⁻' };
const SUBSCRIPTS = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ' };
const ACCENTS = { hat: '\u0302', bar: '\u0304', tilde: '\u0303' };
const TEX_ARG = String.raw`\s*(?:\{\s*(\\[a-zA-Z]+|[^{}]*?)\s*\}|(\\[a-zA-Z]+|\w))`;
export function plainText(markdown) {
  const tex = (src) => src
    .replace(SIZING, '')
    .replace(new RegExp(String.raw`\\mathbb` + TEX_ARG, 'g'), (m, group, one) => doubleStruck(group ?? one))
    .replace(new RegExp(String.raw`\\(max|min)\s*_` + TEX_ARG, 'g'), (m, op, group, one) => `${op} over ${group ?? one} `)
    .replace(new RegExp(String.raw`\\nabla\s*_` + TEX_ARG + String.raw`\s*`, 'g'), (m, group, one) => (SUBSCRIPTS[group ?? one] ? `\\nabla${SUBSCRIPTS[group ?? one]} ` : '\\nabla{}'))
    .replace(/'/g, '′')
    .replace(new RegExp(String.raw`\\(hat|bar|tilde)` + TEX_ARG, 'g'), (m, accent, group, one) => `${group ?? one}${ACCENTS[accent]}`)
    .replace(new RegExp(String.raw`\\sqrt` + TEX_ARG, 'g'), (m, group, one) => (/^(?:\\[a-zA-Z]+|\w+)$/.test(group ?? one) ? `√${group ?? one}` : `√(${group})`))
    .replace(/_\s*(?:\{\s*([0-9a-z])\s*\}|([0-9a-z])(?![0-9a-zA-Z]))/g, (m, group, one) => SUBSCRIPTS[group ?? one] ?? m)
    .replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\^\s*(?:\{\s*(?:\*|\\ast|\\star)\s*\}|\*|\\ast\b|\\star\b)/g, '*')
    .replace(/\\([a-zA-Z]+)/g, (m, name) => (name in TEX_WORDS ? TEX_WORDS[name] : name))
    .replace(/\^\s*(?:\{\s*([-−]?\d+(?:\\,\d{3})*)\s*\}|(\d))/g, (m, many, one) => [...(many || one).replaceAll('\\,', '\u202f')].map((c) => SUPERSCRIPTS[c] ?? c).join('')).replace(/\^\s*\{?\s*(?=[ᵀ²′])/g, '').replace(/[{}_`]/g, '').replace(/\\[,;! ]/g, ' ').replace(/-/g, '−').replace(/[^\S\u202f]+/g, ' ').trim();
  // An escaped dollar (Markdown's \$1) is a dollar sign in the text, never the edge of math.
  return markdown.replace(/\\\$/g, '\uE000').split(/(\$\$?[^$]+\$\$?)/).map((part, i) => (i % 2 ? tex(part.replace(/^\$\$?|\$\$?$/g, '')) : part.replace(/[*_`]/g, '')))
    .join('').replaceAll('\uE000', '$').replace(/[^\S\u202f]+/g, ' ').trim().normalize('NFC');
}

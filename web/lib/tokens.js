// Token chips and a safe cut of typed text, for the text widgets. Text is always set with
// textContent, so words typed by the learner can never become markup.
import { el } from './ui.js';

// A chip for one token: the word as typed, and a small line under it (its id, or a number).
export function chip(word, sub, { tone = '', title } = {}) {
  return el('span', { className: `dw-token-chip${tone ? ` dw-token-chip-${tone}` : ''}`, title }, [
    el('span', { className: 'dw-token-chip-word', text: word }),
    el('span', { className: 'dw-token-chip-sub', text: sub }),
  ]);
}

// Cuts text typed by the learner to `max` characters without splitting a surrogate pair.
export function capText(text, max) {
  const s = String(text ?? '');
  if (s.length <= max) return { text: s, cut: false };
  let end = max;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: s.slice(0, end), cut: true };
}

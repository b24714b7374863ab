// Sharing a widget: its state as text (for links and embed snippets) and the "Share" control
// every card carries. mountWidget (widget.js) decides what the state is — the options that
// differ from their defaults, plus whatever the widget reports through `state.get()` — and
// this module only encodes it and shows it.
import { el, nextId } from './ui.js';
// The snippet goes into another page, whose language this one cannot know: its words are English.
import { english } from './messages.js';

// A widget's extra state (any JSON value) ↔ base64url text of its JSON. Numbers are written
// with JavaScript's shortest round-trip form, so a restored state is exactly the shared one.
export function encodeState(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Text → value, or throws a RangeError saying in words why the text cannot be read.
export function decodeState(text) {
  const clean = String(text).trim();
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) throw new RangeError('it is not the text a Share link holds');
  let json;
  try {
    const bin = atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch { throw new RangeError('it is not the text a Share link holds'); }
  try { return JSON.parse(json); } catch { throw new RangeError('it is cut short or altered'); }
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// `<dw-widget name="…" key="value" …>` for the given kebab-case attributes, holding a link to the
// same widget on its own page (embed.html) as docs/embedding.md section 1 advises: it shows until
// embed.js has loaded, and stays if it cannot (blocked, or a site without CORS), where an empty
// element would show nothing. `title` (the widget's) names the link when given.
export function elementSnippet(siteBase, name, attributes, title = '') {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const fallback = `<a href="${escapeAttribute(frameAddress(siteBase, name, attributes))}">${escapeAttribute(english('share.fallback', { title }))}</a>`;
  return `<script type="module" src="${escapeAttribute(new URL('embed.js', siteBase).href)}"></script>\n<dw-widget name="${escapeAttribute(name)}"${attrs}>\n  ${fallback}\n</dw-widget>`;
}

// embed.html?w=name&key=value… on the site that serves the widget.
export function frameAddress(siteBase, name, attributes) {
  const url = new URL('embed.html', siteBase);
  // append, not set: an option may itself be called w (tip-predictor's slope); the first w
  // names the widget (embed-frame.js).
  url.searchParams.append('w', name);
  for (const [k, v] of Object.entries(attributes)) url.searchParams.append(k, v);
  return url.href.replace(/%2C/gi, ',');
}

// The iframe, at the height the widget has now, and the site's embed-resize.js, which keeps the
// frame as tall as its content wherever it is pasted (a narrower page makes the widget taller).
export function frameSnippet(siteBase, name, attributes, title, height) {
  return `<iframe src="${escapeAttribute(frameAddress(siteBase, name, attributes))}" title="${escapeAttribute(title)}" width="100%" height="${Math.max(300, Math.ceil(height))}"></iframe>`
    + `\n<script src="${escapeAttribute(new URL('embed-resize.js', siteBase).href)}"></script>`;
}

async function copyText(field) {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) { await navigator.clipboard.writeText(field.value); return true; }
  } catch { /* denied (no user permission, or an iframe without clipboard-write): select instead */ }
  field.focus();
  field.select();
  try { return document.execCommand('copy'); } catch { return false; }
}

// The Share control: a disclosure in the card's top corner. `describe()` is called each time it
// opens and returns { link, element, frame } (texts ready to copy).
export function createShareControl(card, describe) {
  const { t } = card;
  const details = el('details', { className: 'dw-share' });
  const summary = el('summary', { className: 'dw-btn dw-share-toggle', text: t('share.button') });
  const panel = el('div', { className: 'dw-share-panel', role: 'group', 'aria-label': t('share.panel') });
  const status = el('p', { className: 'dw-share-status', role: 'status', 'aria-live': 'polite' });
  const linkId = nextId('share-link');
  const codeId = nextId('share-code');
  const link = el('input', { id: linkId, type: 'text', readonly: true, className: 'dw-share-field', spellcheck: 'false' });
  const kind = el('select', { 'aria-label': t('share.kind') }, [
    el('option', { value: 'element', text: t('share.kind.element') }),
    el('option', { value: 'frame', text: t('share.kind.frame') }),
  ]);
  const code = el('textarea', { id: codeId, readonly: true, rows: '4', className: 'dw-share-field', spellcheck: 'false' });
  let texts = { link: '', element: '', frame: '' };
  const copyButton = (field, what) => {
    const b = el('button', { type: 'button', className: 'dw-btn', text: t('share.copy') });
    b.addEventListener('click', async () => { status.textContent = (await copyText(field)) ? t('share.copied', { what }) : t('share.copyByHand'); });
    return b;
  };
  // The single-file edition (<html data-single-file>, scripts/build-single.mjs) is a file on this
  // computer: its link opens nowhere else, and embed code needs the hosted site's scripts, which
  // it does not have. So it offers the link alone and says so.
  const offline = typeof document !== 'undefined' && document.documentElement.hasAttribute('data-single-file');
  panel.append(
    el('p', { className: 'dw-share-intro', text: offline ? t('share.introOffline') : t('share.intro') }),
    el('label', { for: linkId, text: t('share.link') }),
    el('div', { className: 'dw-share-row' }, [link, copyButton(link, t('share.link'))]),
    ...(offline ? [] : [
      el('div', { className: 'dw-share-row dw-share-kind' }, [el('label', { for: codeId, text: t('share.code') }), kind]),
      code,
      el('div', { className: 'dw-share-row' }, [copyButton(code, t('share.code'))]),
    ]),
    status,
  );
  details.append(summary, panel);
  const refresh = () => {
    texts = describe();
    link.value = texts.link;
    code.value = kind.value === 'frame' ? texts.frame : texts.element;
    status.textContent = '';
  };
  kind.addEventListener('change', () => { code.value = kind.value === 'frame' ? texts.frame : texts.element; });
  details.addEventListener('toggle', () => { if (details.open) refresh(); });
  details.addEventListener('keydown', (e) => { if (e.key === 'Escape' && details.open) { details.open = false; summary.focus(); } });
  // First in the card and floated right, so the title wraps around it and nothing else moves.
  card.card.prepend(details);
  return { element: details, refresh, get texts() { return texts; } };
}

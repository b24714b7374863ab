// A widget's state in the page address (#…), namespaced so that the page and other widgets keep
// theirs. The fragment is read as '&'-separated parts; a widget owns exactly the parts named
// `NAMESPACE.key=value` (for example `nn-playground.lr=0.1`). Every other part — a host page's
// own anchor (#week4), another widget's keys, the lesson's #main — is left exactly as written
// and never reported. A widget uses the address only when asked (its lesson page's only widget,
// or an embedder's `address` attribute): see mountWidget in widget.js.
//
// Values are percent-encoded as in a query string; the state blob is base64url (share.js).

const claimed = new Set();

// One namespace per widget instance on the page: the name given, else `name-2`, `name-3`, …
// The first instance keeps the plain name, so a link to a page with one widget stays short.
export function claimNamespace(wanted) {
  const base = String(wanted || 'widget').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40) || 'widget';
  let ns = base;
  for (let i = 2; claimed.has(ns); i++) ns = `${base}-${i}`;
  claimed.add(ns);
  return ns;
}

export function releaseNamespace(ns) { claimed.delete(ns); }

function splitHash(hash) {
  const text = String(hash || '').replace(/^#/, '');
  return text ? text.split('&') : [];
}

function decode(text) {
  try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch { return null; }
}

// Commas and colons read better unescaped in an address and are safe in a fragment.
function encode(text) {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

// The parts of `hash` that belong to `ns`: { entries: [[key, value], …], damaged: [part, …] }.
export function readNamespace(hash, ns) {
  const entries = [];
  const damaged = [];
  const prefix = `${ns}.`;
  for (const part of splitHash(hash)) {
    const rawKey = part.split('=')[0];
    const key = decode(rawKey);
    if (key === null || !key.startsWith(prefix)) continue;
    const eq = part.indexOf('=');
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (value === null) { damaged.push(key.slice(prefix.length)); continue; }
    entries.push([key.slice(prefix.length), value]);
  }
  return { entries, damaged };
}

// Unprefixed parts whose names `accept(name)` recognises: links written before the keys were
// namespaced (#dataset=xor&lr=0.1). Read only by a lesson page's main widget.
export function readLegacy(hash, accept) {
  const entries = [];
  for (const part of splitHash(hash)) {
    if (part.includes('.')) continue;
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = decode(part.slice(0, eq));
    const value = decode(part.slice(eq + 1));
    if (key !== null && value !== null && accept(key)) entries.push([key, value]);
  }
  return entries;
}

// The hash with `ns`'s parts replaced by `entries` (and parts `drop(part)` names removed);
// every other part keeps its text and its place. Returns '' when nothing is left.
export function writeNamespace(hash, ns, entries, drop = () => false) {
  const prefix = `${ns}.`;
  const own = entries.map(([k, v]) => `${encode(prefix + k)}=${encode(v)}`);
  const out = [];
  let placed = false;
  for (const part of splitHash(hash)) {
    const key = decode(part.split('=')[0]);
    if ((key !== null && key.startsWith(prefix)) || drop(part)) {
      if (!placed) { out.push(...own); placed = true; }
      continue;
    }
    out.push(part);
  }
  if (!placed) out.push(...own);
  return out.join('&');
}

// The namespace's entries as the text of a fragment (for a share link): '#ns.k=v&…', after the
// page's own `anchor` when given ('#anchor&ns.k=v&…', which followPageAnchor brings into view).
export function fragmentFor(ns, entries, anchor = '') {
  const text = writeNamespace(anchor ? encode(anchor) : '', ns, entries);
  return text ? `#${text}` : '';
}

// A host page's own anchor ahead of the widgets' parts (#week4&fit-line.state=…) names no element
// as a whole, so a browser opening that address stays at the top. The first binding on the page
// brings the anchor's element into view as a lone #week4 would: when the page is opened at the
// address, not when a reload or Back restores the scroll position the learner left (the browser
// does the same for a lone anchor). Later growth of the cards above it is the browser's scroll
// anchoring to absorb; one more scroll at the page's load covers a browser without it, unless the
// learner has scrolled by then. CSS :target still matches nothing (that would take a navigation).
let anchorFollowed = false;
function followPageAnchor() {
  if (anchorFollowed) return;
  anchorFollowed = true;
  const parts = splitHash(location.hash);
  if (parts.length < 2 || parts[0].includes('=')) return; // a lone anchor is the browser's own
  const id = decode(parts[0]);
  if (!id || !document.getElementById(id)) return;
  const kind = (typeof performance !== 'undefined' && performance.getEntriesByType?.('navigation')[0]?.type) || 'navigate';
  if ((kind === 'reload' || kind === 'back_forward') && history.scrollRestoration !== 'manual') return;
  let moved = false;
  const user = ['wheel', 'touchstart', 'keydown', 'mousedown'];
  const onUser = () => { moved = true; for (const type of user) window.removeEventListener(type, onUser, true); };
  for (const type of user) window.addEventListener(type, onUser, { capture: true, passive: true });
  const go = () => { if (!moved && location.hash.startsWith(`#${parts[0]}`)) document.getElementById(id)?.scrollIntoView(); };
  go();
  if (document.readyState !== 'complete') window.addEventListener('load', go, { once: true });
}

// Live binding to the address for one widget instance.
//   read()            → { entries, damaged } of its namespace now
//   write(entries)    debounced replaceState with its parts replaced (write mode only)
//   onExternalChange  called with { entries, damaged } when someone else edits its parts
export function bindAddress(ns, { write = false, legacy = null, onExternalChange = () => {} } = {}) {
  const available = typeof location !== 'undefined' && typeof history !== 'undefined' && typeof window !== 'undefined';
  let timer = 0;
  let lastOwn = available ? ownText(location.hash) : '';
  let legacyParts = new Set();
  function ownText(hash) { return readNamespace(hash, ns).entries.map((e) => e.join('=')).join('&'); }
  const onHashChange = () => {
    const own = ownText(location.hash);
    // Someone navigated to an anchor (the skip link's #main) or cleared the address: the
    // widget's parts are gone, not changed; the widget keeps its state and stays quiet.
    if (own === lastOwn || own === '') return;
    lastOwn = own;
    clearTimeout(timer); // a write still waiting holds the state from before this change
    onExternalChange(readNamespace(location.hash, ns));
  };
  if (available) {
    window.addEventListener('hashchange', onHashChange);
    if (typeof document !== 'undefined') followPageAnchor();
  }
  return {
    namespace: ns,
    read() {
      if (!available) return { entries: [], damaged: [] };
      const found = readNamespace(location.hash, ns);
      if (!found.entries.length && !found.damaged.length && legacy) {
        const entries = readLegacy(location.hash, legacy);
        legacyParts = new Set(splitHash(location.hash).filter((part) => entries.some(([k]) => decode(part.split('=')[0]) === k)));
        return { entries, damaged: [] };
      }
      return found;
    },
    write(entries) {
      if (!available || !write) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const hash = writeNamespace(location.hash, ns, entries, (part) => legacyParts.has(part));
        // Nothing changed since the last write (a key released on the card, a click that moved
        // nothing): the address is left as it is, so an anchor the learner followed meanwhile
        // (the skip link's #main) is not replaced by the same state again.
        if (ownText(hash) === lastOwn && !legacyParts.size) return;
        legacyParts = new Set();
        const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
        lastOwn = ownText(hash);
        if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(history.state, '', url);
      }, 250);
    },
    destroy() {
      clearTimeout(timer);
      if (available) window.removeEventListener('hashchange', onHashChange);
      releaseNamespace(ns);
    },
  };
}

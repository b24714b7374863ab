// The settings in the page address: written (debounced, with history.replaceState so the back
// button is not flooded) whenever they change, and read back when the address's #… is edited.
// Values read from the address go through the settings table, so they are clamped with notes.
import { fromHash, resolveSettings, toHash } from './settings.js';

const HASH_DELAY_MS = 250;

// getSettings() → current settings; onExternalChange(values, notes) when the user edits the hash.
export function createUrlState({ getSettings, onExternalChange }) {
  let timer = 0;
  const enabled = () => getSettings().urlState && typeof history !== 'undefined' && typeof location !== 'undefined';
  const onHashChange = () => {
    const h = fromHash(location.hash);
    const r = resolveSettings({ ...getSettings(), ...h.raw });
    onExternalChange(r.values, [...h.notes, ...r.notes]);
  };
  if (enabled()) window.addEventListener('hashchange', onHashChange);
  return {
    schedule() {
      if (!enabled()) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const hash = toHash(getSettings());
        const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
        if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(history.state, '', url);
      }, HASH_DELAY_MS);
    },
    destroy() {
      clearTimeout(timer);
      if (typeof window !== 'undefined') window.removeEventListener('hashchange', onHashChange);
    },
  };
}

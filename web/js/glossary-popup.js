// A glossary term (the first use of a term in a lesson, linked by scripts/glossary.mjs to its entry
// on the notation page, with "Name: definition" as the link's title) shows its definition in a small
// box under the word, so a keyboard or touch reader sees it without leaving the lesson: the title
// alone is a mouse-only tooltip, and a tap used to go straight to notation.html.
//   - Keyboard focus (focus-visible) opens the box; a first click or tap opens it instead of
//     following the link.
//   - A second activation while it is open (Enter, click or tap) follows the link to the full
//     entry; so does any click with a modifier key (new tab, new window).
//   - Escape closes it and keeps (or puts) focus on the term; moving focus away, or pressing
//     anywhere else, closes it.
// The title stays the term's accessible description. While the box is open the description comes
// from the box instead (aria-describedby, the same words), and the title is set aside so the
// browser's own tooltip does not repeat them.
const GAP = 6; // px between the word and the box
const MARGIN = 8; // px the box keeps from the edges of the screen

function setUp() {
  if (!document.querySelector('a.glossary-link[title]')) return;
  const box = document.createElement('div');
  box.className = 'glossary-pop';
  box.id = 'glossary-pop';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  const name = document.createElement('strong');
  const definition = document.createElement('span');
  box.append(name, definition);
  document.body.append(box);

  let current = null; // the open term
  let savedTitle = '';
  let openAtPointerDown = null; // the open term when the current press began

  function place(link) {
    const rects = link.getClientRects();
    const rect = rects.length ? rects[0] : link.getBoundingClientRect();
    const screen = document.documentElement.clientWidth;
    box.style.maxWidth = `${Math.max(0, Math.min(352, screen - 2 * MARGIN))}px`;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const left = Math.min(Math.max(MARGIN, rect.left), Math.max(MARGIN, screen - width - MARGIN));
    const below = rect.bottom + GAP;
    const above = rect.top - GAP - height;
    const top = below + height > window.innerHeight - MARGIN && above >= MARGIN ? above : below;
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${top + window.scrollY}px`;
  }

  function open(link) {
    if (current === link) return;
    close(false);
    const title = link.getAttribute('title') || '';
    const cut = title.indexOf(': ');
    name.textContent = cut > 0 ? title.slice(0, cut + 1) : '';
    definition.textContent = cut > 0 ? ` ${title.slice(cut + 2)}` : title;
    current = link;
    savedTitle = title;
    link.removeAttribute('title');
    link.setAttribute('aria-describedby', box.id);
    box.hidden = false;
    place(link);
  }

  function close(returnFocus) {
    if (!current) return;
    const link = current;
    current = null;
    link.setAttribute('title', savedTitle);
    link.removeAttribute('aria-describedby');
    box.hidden = true;
    if (returnFocus && document.activeElement !== link) link.focus();
  }

  document.addEventListener('pointerdown', (event) => {
    openAtPointerDown = current;
    const target = event.target instanceof Element ? event.target : null;
    if (current && !(target && (target.closest('#glossary-pop') || target.closest('a.glossary-link') === current))) close(false);
  }, true);

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.glossary-link') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // A keyboard activation (detail 0) finds the box already open from focus; a press, open before it began.
    const wasOpen = event.detail === 0 ? current === link : openAtPointerDown === link && current === link;
    if (wasOpen) {
      close(false);
      return; // the second activation follows the link to the full entry
    }
    event.preventDefault();
    open(link);
  });

  document.addEventListener('focusin', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.glossary-link') : null;
    if (link && link.matches(':focus-visible')) open(link);
  });
  document.addEventListener('focusout', (event) => {
    if (current && event.target === current) close(false);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) {
      event.preventDefault();
      close(true);
    }
  });

  window.addEventListener('resize', () => { if (current) place(current); });
}

setUp();

// A table that may be wider than its column (a phone, large text) scrolls sideways in a box of
// its own, never the page. Nothing in a clipped table shows that columns are hidden, so while the
// table is wider than its box a short line above it says so ("Scroll sideways for more →"), and it
// stops saying so once the learner has scrolled to the right end. The box is a labelled region,
// focusable only while there is something to scroll, so a keyboard can scroll it with the arrow
// keys and a screen reader announces what the table holds.
//
// Every widget table goes through tableWrap(ctx, table, …); lesson pages wrap their Markdown
// tables with the same function (web/js/lesson.js), so there is one way a table scrolls.
import { el, nextId } from './ui.js';

// The region's accessible name: the label given (words, or an element whose words name it),
// else the table's caption, else what the table already names itself by. Elements are referred
// to by id, so a caption whose words change keeps naming the region.
function labelledBy(region, element) {
  if (!element.id) element.id = nextId('dw-table-label');
  region.setAttribute('aria-labelledby', element.id);
}
function nameRegion(region, children, label) {
  region.removeAttribute('aria-label');
  region.removeAttribute('aria-labelledby');
  if (label && typeof label === 'object') { labelledBy(region, label); return; }
  if (label) { region.setAttribute('aria-label', label); return; }
  const table = children.find((c) => c && c.localName === 'table');
  if (!table) return;
  if (table.caption) labelledBy(region, table.caption);
  else if (table.getAttribute('aria-labelledby')) {
    region.setAttribute('aria-labelledby', table.getAttribute('aria-labelledby'));
  } else if (table.getAttribute('aria-label')) {
    region.setAttribute('aria-label', table.getAttribute('aria-label'));
  }
}

// Keeps `hint` and the region's tabindex in step with whether `region` overflows: on any change
// of the region's size or of its content's size (a ResizeObserver owned by ctx), and on scroll.
// Returns { check(), observeContent() }; call observeContent() after replacing the region's
// children so the new ones are watched.
export function watchOverflow(ctx, region, hint) {
  const check = () => {
    const overflows = region.scrollWidth > region.clientWidth + 1;
    const atEnd = region.scrollLeft + region.clientWidth >= region.scrollWidth - 1;
    hint.hidden = !overflows;
    // At the right end the hint is hidden but keeps its line, so the table does not jump while
    // the learner is scrolling it.
    hint.toggleAttribute('data-at-end', overflows && atEnd);
    if (overflows) region.tabIndex = 0;
    // A region that has the focus keeps its tabindex until the focus leaves (the blur listener
    // below), so the focus never drops to the page body.
    else if (!region.matches(':focus')) region.removeAttribute('tabindex');
  };
  const observer = ctx.own(new ResizeObserver(check));
  let watched = [];
  const observeContent = () => {
    for (const child of watched) observer.unobserve(child);
    watched = [...region.children];
    for (const child of watched) observer.observe(child);
    check();
  };
  observer.observe(region);
  observeContent();
  ctx.listen(region, 'scroll', check, { passive: true });
  ctx.listen(region, 'blur', check);
  return { check, observeContent };
}

// Wraps `content` (a table, or nothing yet) in the scrolling region. Options: label (the
// region's name, words or an element, when the table has no caption of its own yet), hint (a widget's own words for the hint),
// className (extra classes for the region), caption (an element, e.g. a <p>, shown under the
// region and naming the region and its table: a <caption> is as wide as its table, so on a phone
// its end scrolls out of sight with the hidden columns). Returns
//   element   the box to append (hint line + region)
//   region    the scrolling element (.dw-table-wrap)
//   hint      the hint line
//   replace(...children)  puts new content in the region (a re-rendered table) and watches it.
export function tableWrap(ctx, content = null, { label = '', hint = '', className = '', caption = null } = {}) {
  const region = el('div', { className: className ? `dw-table-wrap ${className}` : 'dw-table-wrap', role: 'region' });
  const hintLine = el('p', { className: 'dw-table-hint', text: hint || ctx.t('table.scrollHint') });
  hintLine.hidden = true;
  const element = el('div', { className: 'dw-table-box' }, caption ? [hintLine, region, caption] : [hintLine, region]);
  if (caption) caption.classList.add('dw-table-caption');
  const name = label || caption || '';
  const nameTables = (children) => {
    if (!caption) return;
    for (const child of children) if (child && child.localName === 'table') labelledBy(child, caption);
  };
  const children = [].concat(content || []);
  region.append(...children);
  nameRegion(region, children, name);
  nameTables(children);
  const watch = watchOverflow(ctx, region, hintLine);
  return {
    element,
    region,
    hint: hintLine,
    replace(...next) {
      region.replaceChildren(...next);
      nameRegion(region, next, name);
      nameTables(next);
      watch.observeContent();
    },
  };
}

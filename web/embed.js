// Embeds Data Workshop widgets in any page with one script:
//   <script type="module" src="/data-workshop/embed.js"></script>
//   <dw-widget name="fit-line" seed="3" points="40"></dw-widget>
// Each <dw-widget> renders into its own Shadow DOM (the host page's CSS cannot break it, and its
// styles cannot leak out). Attributes are validated against the widget's schema: out-of-range
// values are clamped with a visible note, unknown names get a clear message, nothing is ever
// inserted as HTML. All widgets on a page share one engine instance (loadEngine caches it).
// The element re-dispatches the widget's 'dw:score' and 'dw:complete' events from itself, and
// 'dw:xapi' with each result as an xAPI statement (web/js/xapi.js).
//
// Attribute names are kebab-case (train-pct); the schema's camelCase spelling is accepted too
// (HTML lower-cases it to trainpct, which names the same option). Changing an attribute after
// the widget is on the page updates it in place; changing `name` mounts another widget. A page
// script can also call element.update({ option: value }) or dispatch a 'dw:update' event with
// the options as its detail. The widget never touches the page address unless the element has
// an `address` attribute (see web/lib/address-state.js).
import { loadWidget, widgetNames } from './widgets/registry.js';
import { MOUNT_CONTEXT } from './lib/widget.js';
import { schemaName } from './lib/schema.js';
import './js/xapi.js'; // each result is also dispatched as an xAPI-shaped 'dw:xapi' statement

const STYLESHEETS = ['css/tokens.css', 'css/widget.css', 'css/embed-host.css'].map((p) => new URL(p, import.meta.url).href);
// Attributes that belong to the element, not to the widget: `name`, `activity` (the xAPI activity
// id, web/js/xapi.js), and HTML's global attributes, which the browser applies to the element
// (aria-*, data-*, on* handlers, role, …) and which are therefore never reported as unknown
// options. A widget whose options include one of the global names (derivation's `title`) gets
// its value as well; aria-* and data-* are the page's alone.
const GLOBAL_ATTRIBUTES = new Set(['accesskey', 'autocapitalize', 'autocorrect', 'autofocus', 'class', 'contenteditable',
  'dir', 'draggable', 'enterkeyhint', 'exportparts', 'hidden', 'id', 'inert', 'inputmode', 'is', 'itemid', 'itemprop',
  'itemref', 'itemscope', 'itemtype', 'lang', 'nonce', 'part', 'popover', 'role', 'slot', 'spellcheck', 'style',
  'tabindex', 'title', 'translate', 'virtualkeyboardpolicy', 'writingsuggestions', 'xmlns', 'xml:lang', 'xml:space']);

export function isElementAttribute(name, schema) {
  const attribute = String(name).toLowerCase();
  if (attribute === 'name' || attribute === 'activity' || /^(aria|data)-/.test(attribute)) return true;
  if (schema && schemaName(schema, attribute)) return false;
  return GLOBAL_ATTRIBUTES.has(attribute) || /^on[a-z]/.test(attribute) || attribute.startsWith('xmlns:');
}

// The learner's own default text size in px: what the browser's `medium` is (16 px unless the
// learner chose larger text). Widget CSS writes its text-relative lengths as
// calc(N * var(--dw-rem, 1rem)) rather than Nrem, because inside a shadow root `rem` is still the
// HOST page's root size: a host with html { font-size: 62.5% } set the dartboards' table in 6.9 px
// type and squeezed the nn-playground's columns. On the site's own pages --dw-rem is unset and
// 1rem is the learner's size. Measured on a probe in the shadow root (the host's selectors cannot
// reach it; `font` resets the family too, since Chromium's `medium` is 13 px in monospace).
function learnerTextSize(shadowRoot) {
  const probe = document.createElement('span');
  probe.style.font = 'medium sans-serif';
  shadowRoot.append(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(px) && px > 0 ? px : 16;
}

class DataWorkshopWidget extends HTMLElement {
  // `name` mounts a different widget. Every other attribute is an option of the widget, and
  // which names exist depends on the widget, so a MutationObserver (which sees every
  // attribute) forwards their changes instead of a fixed observedAttributes list.
  static get observedAttributes() { return ['name']; }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.handle = null;
    this.generation = 0;
    this.observer = new MutationObserver((records) => this.attributesChanged(records));
    this.addEventListener('dw:update', (event) => {
      // Only the page's own event, not the widget's events bubbling out of the shadow root.
      if (event.target === this && event.detail && typeof event.detail === 'object' && !Array.isArray(event.detail)) this.update(event.detail);
    });
  }

  connectedCallback() {
    this.observer.observe(this, { attributes: true });
    this.render();
  }

  disconnectedCallback() {
    this.observer.disconnect();
    this.generation += 1;
    if (this.handle) this.handle.destroy();
    this.handle = null;
  }

  attributeChangedCallback(attribute, before, after) {
    if (this.isConnected && before !== after && this.rendered) this.render();
  }

  // Options changed by a page script: update the widget in place (no new mount).
  update(options) {
    if (this.handle) this.handle.update(options, 'update');
  }

  attributesChanged(records) {
    if (!this.handle) return;
    const next = {};
    for (const { attributeName } of records) {
      if (isElementAttribute(attributeName, this.schema)) continue;
      // A removed attribute goes back to the option's default.
      next[attributeName] = this.hasAttribute(attributeName) ? this.getAttribute(attributeName) : undefined;
    }
    if (Object.keys(next).length) this.handle.update(next, 'attribute');
  }

  // The widget's options: every attribute except the element's own, as strings; the schema
  // converts them (and maps every spelling of a name onto the schema's).
  attributeOptions() {
    const options = {};
    for (const attr of this.attributes) if (!isElementAttribute(attr.name, this.schema)) options[attr.name] = attr.value;
    return options;
  }

  async render() {
    this.rendered = true;
    const generation = ++this.generation;
    if (this.handle) this.handle.destroy();
    this.handle = null;
    this.shadow.replaceChildren();
    for (const href of STYLESHEETS) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      this.shadow.append(link);
    }
    const container = document.createElement('div');
    container.className = 'dw-embed';
    container.style.setProperty('--dw-rem', `${learnerTextSize(this.shadow)}px`);
    this.shadow.append(container);
    const name = this.getAttribute('name') || '';
    let module;
    try {
      module = await loadWidget(name);
    } catch {
      if (generation !== this.generation) return;
      const p = document.createElement('p');
      p.className = 'dw-message';
      p.dataset.tone = 'bad';
      p.textContent = name ? `Unknown widget "${name.slice(0, 40)}". Available: ${widgetNames().join(', ')}.` : `The name attribute is missing. Available widgets: ${widgetNames().join(', ')}.`;
      container.append(p);
      return;
    }
    if (generation !== this.generation) return;
    this.schema = module.schema || null;
    this.handle = module.mount(container, { ...this.attributeOptions(), [MOUNT_CONTEXT]: { name, source: 'attribute' } });
  }
}

if (!customElements.get('dw-widget')) customElements.define('dw-widget', DataWorkshopWidget);
export { DataWorkshopWidget };

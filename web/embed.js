// Embeds Data Workshop widgets in any page with one script:
//   <script type="module" src="/data-workshop/embed.js"></script>
//   <dw-widget name="fit-line" seed="3" points="40"></dw-widget>
// Each <dw-widget> renders into its own Shadow DOM (the host page's CSS cannot break it, and its
// styles cannot leak out). Attributes are validated against the widget's schema: out-of-range
// values are clamped with a visible note, unknown names get a clear message, nothing is ever
// inserted as HTML. All widgets on a page share one engine instance (loadEngine caches it).
// The element re-dispatches the widget's 'dw:score' and 'dw:complete' events from itself, and
// 'dw:xapi' with each result as an xAPI statement (web/js/xapi.js).
import { loadWidget, widgetNames } from './widgets/registry.js';
import './js/xapi.js'; // each result is also dispatched as an xAPI-shaped 'dw:xapi' statement

const STYLESHEETS = ['css/tokens.css', 'css/widget.css', 'css/embed-host.css'].map((p) => new URL(p, import.meta.url).href);

class DataWorkshopWidget extends HTMLElement {
  static get observedAttributes() { return ['name']; }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.handle = null;
    this.generation = 0;
  }

  connectedCallback() { this.render(); }

  disconnectedCallback() {
    this.generation += 1;
    if (this.handle) this.handle.destroy();
    this.handle = null;
  }

  attributeChangedCallback() { if (this.isConnected) this.render(); }

  // The widget's options: every attribute except `name`, as strings; the schema converts them.
  attributeOptions() {
    const options = {};
    for (const attr of this.attributes) if (attr.name !== 'name' && attr.name !== 'class' && attr.name !== 'id' && attr.name !== 'style') options[attr.name] = attr.value;
    return options;
  }

  async render() {
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
    // Attribute names are lower-case in HTML; map them onto the schema's camelCase names.
    const raw = this.attributeOptions();
    const options = {};
    for (const key of Object.keys(module.schema)) {
      const attr = key.toLowerCase();
      if (attr in raw) options[key] = raw[attr];
    }
    for (const attr of Object.keys(raw)) {
      if (!Object.keys(module.schema).some((k) => k.toLowerCase() === attr)) options[attr] = raw[attr];
    }
    this.handle = module.mount(container, options);
  }
}

if (!customElements.get('dw-widget')) customElements.define('dw-widget', DataWorkshopWidget);
export { DataWorkshopWidget };

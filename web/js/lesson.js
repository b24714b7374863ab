// Mounts every widget placeholder on a lesson page: <div class="dw-mount" data-widget="name"
// data-options='{"seed":3}'></div> (written by scripts/build-site.mjs from lesson directives).
import { loadWidget } from '../widgets/registry.js';

async function mountAll() {
  for (const host of document.querySelectorAll('.dw-mount[data-widget]')) {
    let options = {};
    try {
      options = JSON.parse(host.dataset.options || '{}');
    } catch {
      options = {};
    }
    try {
      const module = await loadWidget(host.dataset.widget);
      host.dwHandle = module.mount(host, options);
    } catch (err) {
      const p = document.createElement('p');
      p.className = 'dw-message';
      p.dataset.tone = 'bad';
      p.textContent = err.message;
      host.append(p);
    }
  }
}

mountAll();

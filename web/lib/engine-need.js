// Which engine module a widget needs ('core' or 'full', web/engine/index.js). A widget module
// declares it next to its schema — `export const engine = 'core';` — when everything it calls is
// in the core module; without a declaration it gets the full module. The registry records the
// declaration when it loads the widget (web/widgets/registry.js, loadWidget), keyed by the
// widget's schema object, and mountWidget asks here which module to load.
const needs = new WeakMap();

export function recordEngineNeed(module) {
  if (module && module.schema && (module.engine === 'core' || module.engine === 'full')) needs.set(module.schema, module.engine);
  return module;
}

export function engineNeedOf(schema) {
  return (schema && needs.get(schema)) || 'full';
}

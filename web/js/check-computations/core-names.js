// The check-yourself computations that need only the engine's core module (web/engine/index.js):
// a lesson page whose widgets are all 'core' and whose computations are all listed here loads the
// small core module (scripts/lesson-render.mjs, pageEngine), and its check-yourself block asks
// for the same module (web/js/check-yourself.js). Any other computation gets the full module.
// tests/node/engine_core.test.mjs evaluates every lesson's use of these with the core module.
export const coreComputations = new Set(['gd-step', 'linear', 'line-fit', 'line-predict']);

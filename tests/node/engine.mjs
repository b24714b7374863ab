// Loads the staged engine for Node tests. DW_ENGINE_DIR picks another staging folder
// (helpers and parallel work trees); the default is the site build's dist/engine.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.DW_ENGINE_DIR || path.resolve(import.meta.dirname, '../../dist/engine');
const { loadEngine } = await import(pathToFileURL(path.join(dir, 'index.js')).href);
export const ml = await loadEngine();
export { loadEngine };

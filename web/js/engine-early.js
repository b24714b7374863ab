// Starts downloading and compiling the engine as soon as a lesson page's head is read, instead
// of when the first widget asks for it at the end of the module chain (lesson.js → registry →
// widget → web/lib → engine), which held the WASM request back by 0.6–1.5 s (issue 20). The
// widgets later call loadEngine() from the same module and share this promise; they also report
// its errors in words, so this script has nothing to say about them. The page's head names the
// module its widgets need (<meta name="dw-engine" content="core|full">, scripts/lesson-render.mjs).
import { loadEngine } from '../engine/index.js';

const module = document.querySelector('meta[name="dw-engine"]')?.content || 'full';
loadEngine(module).catch(() => { /* each widget shows the error */ });

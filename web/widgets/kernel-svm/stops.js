// The values the kernel SVM's γ and C sliders stop at (web/lib/ladder.js): round numbers, so the
// γ = 0.05, 1, 20, 50 and 100 and the C = 0.01, 0.1, 1 and 1000 of the frontier-kernels lesson
// are each a stop, and the engine trains with exactly the value the readout shows.
import { roundLadder } from '../../lib/ladder.js';

export const GAMMA_STOPS = roundLadder(0.01, 100);
export const C_STOPS = roundLadder(0.01, 1000);

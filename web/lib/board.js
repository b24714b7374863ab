// A plain canvas that fills its parent's width with a fixed aspect (height = width × aspect,
// clamped), crisp at any devicePixelRatio: a Plot (same sizing and resizing) without margins,
// for boards and matrices where axes are not wanted. draw(ctx, width, height) is called by the owner.
import { Plot } from './plot.js';

export class Board extends Plot {
  constructor(parent, { aspect = 1, minHeight = 120, maxHeight = 520, label = 'Figure', onResize, growWithText = false } = {}) {
    super(parent, { aspect, minHeight, maxHeight, label, onResize, minWidth: 160, fallbackWidth: 400, growWithText });
    this.margin = { left: 0, right: 0, top: 0, bottom: 0 };
  }

  setAspect(aspect) { this.aspect = aspect; this.width = 0; this.resize(); }
}

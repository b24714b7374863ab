// The course map on the home page: every lesson by level, with an arrow from each lesson to the
// lessons that build on it (front matter `requires:`, checked by readCourse). Rendered at build
// time in two forms, one shown at a time by CSS (site.css, .course-map):
//   - wide screens: an inline SVG, one column per level, lessons in course order, arrows curving
//     from a lesson's right edge to its dependants' left edges (an arrow within a level bows out
//     to the right of the column). Each lesson is a link whose accessible name says what it
//     builds on; hovering or focusing one highlights the arrows coming into it.
//   - narrow screens: the same map as lists per level, each lesson with "builds on" links.
// No inline style attributes and no script, so it works under the strict Content-Security-Policy.
import { esc, joinWords } from './lesson-render.mjs';

// Geometry of the SVG in user units (1 unit = 1 CSS pixel when the map is 1240 px wide).
const COL_W = 152;       // width of a lesson box
const GUTTER = 28;       // space between columns, where the arrows run
const PAD = 6;           // margin around everything
const HEAD = 54;         // height of the level titles above the columns
const LINE = 16;         // line height of a lesson title
const BOX_PAD = 8;       // padding inside a box
const GAP = 14;          // vertical space between boxes
const CHARS = 19;        // characters per title line (13 px system sans, conservatively)
const ALIGN = 400;       // the most a box moves down to sit level with the lessons it builds on

// Word-wraps a title into lines of at most CHARS characters (a longer word gets a line alone).
export function wrapTitle(title, chars = CHARS) {
  const lines = [];
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

// Positions every lesson: { slug → { x, y, w, h, col, lines } }, and the map's size.
export function layoutMap(course) {
  const levels = course.levels.filter((level) => course.lessons.some((l) => l.level === level.id));
  const boxes = new Map();
  let height = 0;
  levels.forEach((level, col) => {
    let y = PAD + HEAD;
    for (const lesson of course.lessons.filter((l) => l.level === level.id)) {
      const lines = wrapTitle(lesson.title);
      const h = 2 * BOX_PAD + lines.length * LINE;
      // ALIGN: sit level with the lessons it builds on from earlier levels, if there is room.
      const sources = (lesson.requires || []).map((s) => boxes.get(s)).filter((b) => b.col < col);
      if (ALIGN && sources.length) {
        const want = sources.reduce((t, b) => t + b.y + b.h / 2, 0) / sources.length - h / 2;
        y = Math.max(y, Math.min(want, y + ALIGN));
      }
      boxes.set(lesson.slug, { x: PAD + col * (COL_W + GUTTER), y, w: COL_W, h, col, lines, lesson });
      y += h + GAP;
    }
    height = Math.max(height, y - GAP + PAD);
  });
  // The last gutter holds the arrows between lessons of the last level.
  const width = 2 * PAD + levels.length * (COL_W + GUTTER);
  return { levels, boxes, width, height };
}

const r1 = (v) => Math.round(v * 10) / 10;

// One arrow per (required lesson → lesson). Ports are spread along the box edge, ordered by the
// other end's height so that arrows into (and out of) one box do not cross each other there.
export function mapEdges(course, boxes) {
  const edges = [];
  for (const lesson of course.lessons) for (const from of lesson.requires || []) edges.push({ from, to: lesson.slug });
  const same = (e) => boxes.get(e.from).col === boxes.get(e.to).col;
  // Ports: cross-level arrows leave from the right edge and enter at the left edge; arrows
  // within a level leave and enter at the right edge.
  const ports = new Map();
  const port = (slug, side) => {
    const key = `${slug}:${side}`;
    if (!ports.has(key)) ports.set(key, []);
    return ports.get(key);
  };
  for (const e of edges) {
    e.out = port(e.from, 'right');
    e.in = port(e.to, same(e) ? 'right' : 'left');
    e.out.push(e);
    e.in.push(e);
  }
  const centre = (slug) => boxes.get(slug).y + boxes.get(slug).h / 2;
  for (const [key, list] of ports) {
    const [slug] = key.split(':');
    // Order by where the other end lies; on the right edge, outgoing arrows sit below incoming ones.
    list.sort((a, b) => {
      const other = (e) => (e.from === slug ? centre(e.to) : centre(e.from));
      const kind = (e) => (e.to === slug ? 0 : 1);
      return kind(a) - kind(b) || other(a) - other(b);
    });
  }
  const at = (list, e, slug) => {
    const b = boxes.get(slug);
    const i = list.indexOf(e);
    return b.y + (b.h * (i + 1)) / (list.length + 1);
  };
  const lanes = [];
  return edges.map((e) => {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    const y1 = at(e.out, e, e.from);
    const y2 = at(e.in, e, e.to);
    let d;
    if (same(e)) {
      // Bows out into the gutter to the right of the column, further for longer spans.
      const x = a.x + a.w;
      const bow = Math.min(GUTTER - 4, 8 + (y2 - y1) / 40);
      d = `M${r1(x)},${r1(y1)} C${r1(x + bow)},${r1(y1)} ${r1(x + bow)},${r1(y2)} ${r1(x + 4)},${r1(y2)}`;
    } else if (b.col - a.col > 1) {
      d = routeLong(a, b, y1, y2, boxes, lanes);
    } else {
      const x1 = a.x + a.w;
      const x2 = b.x - 4; // the arrowhead's tip lands on the box edge
      const dx = Math.max(GUTTER, (x2 - x1) / 2.5);
      d = `M${r1(x1)},${r1(y1)} C${r1(x1 + dx)},${r1(y1)} ${r1(x2 - dx)},${r1(y2)} ${r1(x2)},${r1(y2)}`;
    }
    return { from: e.from, to: e.to, d };
  });
}

// An arrow that skips a level would pass behind the boxes of the levels between and seem to
// start at one of them. It turns instead: along the gutter after its source to a height that is
// free in every level it crosses, across, and down (or up) the gutter before its target.
// `lanes` keeps the horizontal runs already taken so that two arrows never share one.
function routeLong(a, b, y1, y2, boxes, lanes) {
  const x1 = a.x + a.w;
  const x2 = b.x - 4;
  // Vertical runs in a gutter get their own lane (x) where they overlap another run there.
  const gutterX = (col, yA, yB) => {
    const lo = Math.min(yA, yB) - 3;
    const hi = Math.max(yA, yB) + 3;
    const runs = lanes.filter((l) => l.gutter === col && l.lo < hi && l.hi > lo);
    let k = 0;
    while (runs.some((l) => l.k === k)) k += 1;
    lanes.push({ gutter: col, k, lo, hi });
    return a.x + (col - a.col) * (COL_W + GUTTER) + COL_W + 6 + (k % 5) * 4;
  };
  let gx1 = x1 + GUTTER / 2;
  let gx2 = b.x - GUTTER / 2;
  const between = [...boxes.values()].filter((c) => c.col > a.col && c.col < b.col);
  const taken = lanes.filter((l) => l.y !== undefined && l.from < gx2 && l.to > gx1);
  const free = (y) => between.every((c) => y < c.y - 5 || y > c.y + c.h + 5) && taken.every((l) => Math.abs(l.y - y) >= 4);
  // Candidate heights, nearest first to the straight line between the two ends.
  const target = (y1 + y2) / 2;
  let lane = null;
  for (let step = 0; step < 4000 && lane === null; step += 1) {
    const y = target + (step % 2 ? -1 : 1) * Math.ceil(step / 2);
    if (y > PAD + HEAD - 8 && free(y)) lane = y;
  }
  if (lane === null) lane = target;
  lanes.push({ y: lane, from: gx1, to: gx2 });
  gx1 = gutterX(a.col, y1, lane);
  gx2 = gutterX(b.col - 1, lane, y2);
  const turn = (x, yFrom, yTo, rightAfter) => {
    if (Math.abs(yTo - yFrom) < 1) return `H${r1(rightAfter)}`;
    const r = Math.min(6, Math.abs(yTo - yFrom) / 2);
    const sgn = yTo > yFrom ? 1 : -1;
    return `H${r1(x - r)} Q${r1(x)},${r1(yFrom)} ${r1(x)},${r1(yFrom + sgn * r)} V${r1(yTo - sgn * r)} Q${r1(x)},${r1(yTo)} ${r1(x + r)},${r1(yTo)}`;
  };
  return `M${r1(x1)},${r1(y1)} ${turn(gx1, y1, lane, gx1)} ${turn(gx2, lane, y2, gx2)} H${r1(x2)}`;
}

function buildsOnText(lesson, course) {
  const titles = (lesson.requires || []).map((slug) => course.lessons.find((l) => l.slug === slug).title);
  return titles.length ? `builds on ${joinWords(titles)}` : lesson.startsHere ? 'a starting point' : '';
}

function renderSvg(course) {
  const { levels, boxes, width, height } = layoutMap(course);
  const edges = mapEdges(course, boxes);
  const arrow = (id, cls) => `<marker id="${id}" viewBox="0 0 8 8" refX="4" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="${cls}" d="M0,0 L8,4 L0,8 z"/></marker>`;
  const heads = levels.map((level, col) => {
    const x = PAD + col * (COL_W + GUTTER);
    const [first, second] = level.title.split(' · ');
    const text = second
      ? `<text class="map-level" x="${x + COL_W / 2}" y="${PAD + 18}"><tspan x="${x + COL_W / 2}">${esc(first)}</tspan><tspan x="${x + COL_W / 2}" dy="18">${esc(second)}</tspan></text>`
      : `<text class="map-level" x="${x + COL_W / 2}" y="${PAD + 27}">${esc(first)}</text>`;
    return `<rect class="map-column" x="${x - 4}" y="${PAD}" width="${COL_W + 8}" height="${height - 2 * PAD}" rx="10"/>${text}`;
  }).join('\n');
  const paths = (list, cls, marker) => list.map((e) => `<path class="${cls}" d="${e.d}" marker-end="url(#${marker})"/>`).join('');
  const columns = levels.map((level) => {
    const nodes = course.lessons.filter((l) => l.level === level.id).map((lesson) => {
      const b = boxes.get(lesson.slug);
      const tx = b.x + BOX_PAD;
      // A space ends every line but the last, so the text reads "A B", not "AB", to assistive
      // technology (and matches the link's accessible name).
      const tspans = b.lines.map((line, i) => `<tspan x="${tx}" y="${b.y + BOX_PAD + 12 + i * LINE}">${esc(line)}${i < b.lines.length - 1 ? ' ' : ''}</tspan>`).join('');
      const incoming = edges.filter((e) => e.to === lesson.slug);
      return `<g class="map-node" role="listitem">
<a href="lessons/${esc(lesson.slug)}.html" aria-label="${esc([lesson.title, buildsOnText(lesson, course)].filter(Boolean).join(' — '))}"><rect class="map-box" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/><text class="map-title">${tspans}</text></a>${incoming.length ? `<g class="map-in" aria-hidden="true">${paths(incoming, 'map-edge-hi', 'map-arrow-hi')}</g>` : ''}
</g>`;
    }).join('\n');
    return `<g role="list" aria-label="${esc(level.title)}">\n${nodes}\n</g>`;
  }).join('\n');
  return `<svg class="map-svg" viewBox="0 0 ${width} ${r1(height)}" width="${width}" height="${r1(height)}" role="group" aria-labelledby="h-map" aria-describedby="map-how">
<defs>${arrow('map-arrow', 'map-arrowhead')}${arrow('map-arrow-hi', 'map-arrowhead-hi')}</defs>
<g aria-hidden="true">
${heads}
${paths(edges, 'map-edge', 'map-arrow')}
</g>
${columns}
</svg>`;
}

function renderList(course) {
  const link = (l) => `<a href="lessons/${esc(l.slug)}.html">${esc(l.title)}</a>`;
  return course.levels.map((level) => {
    const items = course.lessons.filter((l) => l.level === level.id);
    if (!items.length) return '';
    const lis = items.map((lesson) => {
      const required = (lesson.requires || []).map((slug) => course.lessons.find((l) => l.slug === slug));
      const builds = required.length ? `builds on ${joinWords(required.map(link))}` : lesson.startsHere ? 'a starting point' : '';
      return `<li>${link(lesson)}${builds ? ` <span class="map-builds">— ${builds}</span>` : ''}</li>`;
    }).join('\n');
    return `<h3>${esc(level.title)}</h3>\n<ul>\n${lis}\n</ul>`;
  }).join('\n');
}

export function renderLessonMap(course) {
  return `<section class="course-map" id="map" aria-labelledby="h-map">
<h2 id="h-map">How the lessons build on each other</h2>
<p class="map-note-wide" id="map-how">Each arrow runs from a lesson to a lesson that builds on it directly. Levels run left to right and lessons top to bottom in course order, so every arrow points forwards. Hover over or focus a lesson to highlight the arrows coming into it.</p>
<p class="map-note-narrow">Each lesson names the lessons it builds on directly; all of them come before it in the course.</p>
<div class="map-figure">
${renderSvg(course)}
</div>
<div class="map-list">
${renderList(course)}
</div>
</section>`;
}

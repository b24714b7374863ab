// Where a course lesson's page is, for widgets that link to lessons (the badge's missed topics,
// the AI timeline's "try it" links), from whatever page shows them: a lesson, the gallery, the
// home page, a teacher's course page on another origin or in another folder (<dw-widget>,
// web/embed.js) or the iframe (embed.html). The address comes from this module's own
// (import.meta.url), not the page's: on the site lessons/ sits beside lib/, wherever the page is.
// Two builds differ:
// - the single-file edition (<html data-single-file>, scripts/build-single.mjs) is flat, every
//   lesson beside the page, and there import.meta.url is the page's address;
// - a SCORM package (<html data-scorm>, scripts/build-scorm.mjs) gets no links, as its other links
//   to lessons become plain text: it may hold one lesson alone, and a SCO that goes to another
//   page leaves the platform's tracking.
const hasPageAttribute = (name) => typeof document !== 'undefined' && document.documentElement.hasAttribute(name);

// Whether this page links to lessons at all (the badge words its advice differently without).
export const linksLessons = () => !hasPageAttribute('data-scorm');

// The lesson's address, or null where a link would lead nowhere.
export function lessonUrl(slug) {
  if (!linksLessons()) return null;
  if (hasPageAttribute('data-single-file')) return `${slug}.html`;
  try { return new URL(`../lessons/${slug}.html`, import.meta.url).href; } catch { return null; }
}

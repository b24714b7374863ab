// For a page that shows widgets in iframes (embed.html, docs/embedding.md section 2): load it once
// from the site that serves the widgets (a <script> whose src is this file's address on that
// site, as the docs' snippet shows), and each of the page's iframes that shows this site's
// embed.html takes the height its content reports (the dw:resize message, web/js/embed-frame.js),
// growing and shrinking with it.
// A file of the site's rather than a script written into the page, so it also runs under a
// Content-Security-Policy that refuses inline scripts (script-src 'self' and the site's origin).
// A plain script, not a module: a module's import.meta would tell the same, but a plain one works
// in the <head> or the <body>, before or after the iframes.
(() => {
  // Only this site's frames are resized; any other frame on the page may post what it likes.
  const site = new URL(document.currentScript.src).origin;
  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== site || !data) return;
    if (data.source !== 'data-workshop' || data.type !== 'dw:resize') return;
    const height = Math.ceil(Number(data.height));
    if (!(height > 0)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) { frame.height = String(height); return; }
    }
  });
})();

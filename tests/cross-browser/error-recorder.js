// Loaded first in every page the cross-browser smoke suite serves (a classic script from the
// same origin, so the strict CSP allows it). Classic WebDriver (WebKitGTK) has no console log, so
// the page records its own errors, the same way in every engine: uncaught errors, unhandled
// promise rejections, resources that failed to load, CSP violations and console.error calls.
(() => {
  const errors = [];
  window.__dwErrors = errors;
  const push = (kind, text) => errors.push(`${kind}: ${String(text).slice(0, 300)}`);
  addEventListener('error', (e) => {
    const t = e.target;
    if (t && t !== window && t.tagName) push('failed to load', `<${t.tagName.toLowerCase()}> ${t.src || t.href || ''}`);
    else push('error', e.error && e.error.stack ? `${e.message} ${e.error.stack.split('\n')[0]}` : e.message);
  }, true);
  addEventListener('unhandledrejection', (e) => push('unhandled rejection', e.reason && e.reason.message ? e.reason.message : e.reason));
  document.addEventListener('securitypolicyviolation', (e) => push('CSP violation', `${e.violatedDirective} blocked ${e.blockedURI}`));
  const original = console.error;
  console.error = function error(...args) {
    push('console.error', args.map((a) => (a && a.message) || String(a)).join(' '));
    return original.apply(this, args);
  };
})();

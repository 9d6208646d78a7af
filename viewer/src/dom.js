// DOM helpers that never parse markup: every name that comes from a run's files (threat, interceptor
// and layer names, event details: a shared scenario can name a threat `<img src=x onerror=...>`) goes
// into the page as text nodes, never through innerHTML.
export function element(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children.map((c) => (c instanceof Node ? c : String(c ?? ''))));
  return e;
}

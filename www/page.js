// The storylines page's own script (index.html only, not part of the element): `?src=<same-origin URL>`
// shows that manifest, export or bundle instead of the bundled articles. It runs before define.js, so the
// element starts with the chosen `src`.
const src = new URLSearchParams(location.search).get('src');
const explorer = document.querySelector('storylines-explorer');
if (src && explorer) {
  const url = new URL(src, location.href);
  if (url.origin === location.origin) explorer.setAttribute('src', `${url.pathname}${url.search}`);
  else console.warn(`storylines: only same-origin sources can be loaded, not ${url.origin}`);
}

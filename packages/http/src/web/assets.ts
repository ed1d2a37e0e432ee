import { shippedSchemes } from '@ragtrail/core';
import type { Env, Hono } from 'hono';

// The pages' stylesheet and script are served files, not inline: the Content-Security-Policy then
// allows 'self' and nothing inline at all (docs/security.md).

// Contrast: body text #1b1b1b on white, links #0b4f8a (AA). Colour is never the only signal:
// every swatch sits beside its number and label.
const layout = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.45;max-width:72rem}
a{color:#0b4f8a}h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #bbb}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #8a8a8a;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#ececec}caption{text-align:left;font-weight:600;padding:.3rem 0}
.rag{display:inline-block;width:.9em;height:.9em;border:1px solid #333;border-radius:2px;margin-right:.35em;vertical-align:-.1em}
form.inline{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:1rem 0;padding:.6rem;border:1px solid #ccc}
form.inline label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
form.signout{display:inline}
input,button{font:inherit;padding:.25rem .4rem}button{cursor:pointer}
.note{color:#444;font-size:.92rem}nav{margin-bottom:1rem}
.flag{font-weight:600}
@media print{body{margin:0;font-size:10pt;max-width:none}nav,form,#live{display:none}a{color:inherit;text-decoration:none}table,svg,section{break-inside:avoid}}
`;

/** The swatch class of a level's colour (`#C0392B` -> `rag-c0392b`): one rule per colour of the shipped schemes. */
export const swatchClass = (colour: string) => `rag-${colour.replace('#', '').toLowerCase()}`;
const colours = [...new Set(shippedSchemes.flatMap((s) => s.levels.map((l) => l.colour.toLowerCase())))];
export const pageStylesheet = layout + colours.map((c) => `.${swatchClass(c)}{background:${c}}`).join('\n') + '\n';

/**
 * The dashboard's live notice: with JavaScript, a notice appears when the plan changes (the
 * stream's address is the element's data-src), offering a reload rather than redrawing, so what
 * is on screen always matches one revision.
 */
export const liveScript = `(function(){var n=document.getElementById('live');if(!window.EventSource||!n||!n.dataset.src)return;
var es=new EventSource(n.dataset.src);var k=0;
es.onmessage=function(){k++;n.hidden=false;n.firstChild.textContent=k+(k===1?' change':' changes')+' recorded since this page was loaded. ';};})();
`;

/** /assets/pages.css and /assets/live.js, public (a sign-in page needs its stylesheet too). */
export function assetRoutes<E extends Env>(app: Hono<E>): void {
  const cache = { 'cache-control': 'public, max-age=3600' };
  app.get('/assets/pages.css', (c) => c.body(pageStylesheet, 200, { 'content-type': 'text/css; charset=utf-8', ...cache }));
  app.get('/assets/live.js', (c) => c.body(liveScript, 200, { 'content-type': 'text/javascript; charset=utf-8', ...cache }));
}

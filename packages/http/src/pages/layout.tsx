/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

// Contrast: body text #1b1b1b on white, links #0b4f8a (AA). Colour is never the only signal:
// every swatch sits beside its number and label.
const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.45;max-width:72rem}
a{color:#0b4f8a}h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #bbb}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #8a8a8a;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#ececec}caption{text-align:left;font-weight:600;padding:.3rem 0}
.rag{display:inline-block;width:.9em;height:.9em;border:1px solid #333;border-radius:2px;margin-right:.35em;vertical-align:-.1em}
form.inline{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:1rem 0;padding:.6rem;border:1px solid #ccc}
form.inline label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
input,button{font:inherit;padding:.25rem .4rem}button{cursor:pointer}
.note{color:#444;font-size:.92rem}nav{margin-bottom:1rem}
.flag{font-weight:600}
@media print{body{margin:0;font-size:10pt;max-width:none}nav,form,#live{display:none}a{color:inherit;text-decoration:none}table,svg,section{break-inside:avoid}}
`;

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · ragtrail</title>
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        <nav aria-label="Site"><a href="/">Plans</a> · <a href="/api/docs">API reference</a> · <form method="post" action="/logout" style="display:inline"><button type="submit">Sign out</button></form></nav>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

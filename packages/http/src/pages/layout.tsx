/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';


export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · ragtrail</title>
        <link rel="stylesheet" href="/assets/pages.css" />
      </head>
      <body>
        <nav aria-label="Site"><a href="/">Plans</a> · <a href="/api/docs">API reference</a> · <form method="post" action="/logout" class="signout"><button type="submit">Sign out</button></form></nav>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

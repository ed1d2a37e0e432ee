/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

export function ErrorPage(props: { status: number; detail: string }) {
  return (
    <Layout title={props.status === 404 ? 'Not found' : 'Cannot show this page'}>
      <h1>{props.status === 404 ? 'Not found' : 'Cannot show this page'}</h1>
      <p role="alert">{props.detail}</p>
      <p><a href="/">Back to the plans</a></p>
    </Layout>
  );
}

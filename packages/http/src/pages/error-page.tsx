/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

export function ErrorPage(props: { status: number; detail: string }) {
  const title = props.status === 404 ? 'Not found' : 'Cannot show this page';
  return (
    <Layout title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body" role="alert">{props.detail}</p>
      <p class="govuk-body"><a class="govuk-link" href="/">Back to the plans</a></p>
    </Layout>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

/**
 * What a council publishing these pages can build its own statement on (the Public Sector Bodies
 * Accessibility Regulations 2018 ask for one): the standard, how it is checked, what is known not
 * to meet it. docs/http-api.md ("Pages") holds the same facts.
 */
export function AccessibilityStatement() {
  return (
    <Layout title="Accessibility statement" signedIn={false}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Accessibility statement</h1>
          <p class="govuk-body">These pages are built to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, on the GOV.UK Design System's components. You should be able to use them with a keyboard alone, with a screen reader or speech recognition, zoomed to 400% and with your own colours.</p>
          <h2 class="govuk-heading-m">How the pages are checked</h2>
          <ul class="govuk-list govuk-list--bullet">
            <li>Every page, the API reference and each HTML report is checked with axe-core against WCAG 2.0, 2.1 and 2.2 at levels A and AA each time the tests run, and must show no failures.</li>
            <li>A test signs in, opens a plan, opens an action and changes the "as known at" date using only the Tab and Enter keys.</li>
            <li>A score is always written as its number and its level's name; colour only helps. Directions are words as well as arrows.</li>
          </ul>
          <h2 class="govuk-heading-m">What is known not to be fully accessible</h2>
          <ul class="govuk-list govuk-list--bullet">
            <li>Automated checks find only some accessibility problems: these pages have not had an audit by people with disabilities.</li>
            <li>An action's score history chart is a picture of the figures in its Updates table: read the table for the same facts.</li>
            <li>The PDF reports are not checked: use the web page or spreadsheet format of the same report.</li>
            <li>The API reference needs JavaScript; the raw description is at <a class="govuk-link" href="/api/openapi.json">/api/openapi.json</a>.</li>
          </ul>
          <h2 class="govuk-heading-m">Reporting a problem</h2>
          <p class="govuk-body">Tell the organisation that runs this service: it publishes its own contact for accessibility problems and the enforcement procedure (the Equality and Human Rights Commission in Great Britain, the Equality Commission for Northern Ireland).</p>
        </div>
      </div>
    </Layout>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { ErrorSummary } from './govuk.js';
import { Layout } from './layout.js';

const problem = 'That token is not valid or has been revoked: enter the token you were given';

/** The GOV.UK question-page pattern: an error summary on arrival after a failed try, the message on the field too. */
export function SignIn(props: { next: string; failed: boolean }) {
  return (
    <Layout title={props.failed ? 'Error: Sign in' : 'Sign in'} signedIn={false}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.failed ? [{ field: 'token', message: problem }] : []} />
          <h1 class="govuk-heading-l">Sign in</h1>
          <p class="govuk-body">Viewers can read every plan and change nothing.</p>
          {/* novalidate: an empty token gets the same error summary as a wrong one, not the browser's own bubble. */}
          <form method="post" action="/login" novalidate>
            <input type="hidden" name="next" value={props.next} />
            <div class={`govuk-form-group${props.failed ? ' govuk-form-group--error' : ''}`}>
              <label class="govuk-label govuk-label--s" for="token">Token</label>
              <div id="token-hint" class="govuk-hint">Paste the token you were given. An administrator issues one with <code>ragtrail token create</code>.</div>
              {props.failed ? <p id="token-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {problem}</p> : null}
              <input
                class={`govuk-input${props.failed ? ' govuk-input--error' : ''}`} id="token" name="token" type="password"
                autocomplete="off" spellcheck={false} aria-describedby={props.failed ? 'token-hint token-error' : 'token-hint'}
              />
            </div>
            <button type="submit" class="govuk-button">Sign in</button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

export function SignIn(props: { next: string; failed: boolean }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in</h1>
      <p>Paste the token you were given (an administrator issues one with <code>ragtrail token create</code>). Viewers can read every plan and change nothing.</p>
      {props.failed ? <p role="alert"><strong>That token is not valid or has been revoked.</strong></p> : null}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={props.next} />
        <p><label for="token">Token</label><br /><input id="token" name="token" type="password" autocomplete="off" required size={50} /></p>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { assetHref } from './assets.js';

export interface LayoutProps {
  title: string;
  children: Child;
  /** A page with wide tables (the RAG summary has a column per level): the page grows with them. */
  wide?: boolean;
  /** The sign-in page has nobody to sign out. */
  signedIn?: boolean;
}

/**
 * The GOV.UK Design System's page template, without the crown, the logotype or the Transport
 * font (reserved for GOV.UK itself): a skip link, a generic header naming the service, the
 * service navigation, one main region and a footer. Stylesheet only from /assets/ (no inline
 * style or script: the Content-Security-Policy allows neither).
 */
export function Layout({ title, children, wide = false, signedIn = true }: LayoutProps) {
  return (
    <html lang="en-GB" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <title>{title} · ragtrail</title>
        <link rel="stylesheet" href={assetHref('ragtrail.css')} />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
        <header class="govuk-generic-header">
          <div class={`govuk-generic-header__container govuk-width-container${wide ? ' app-width-container--wide' : ''}`}>
            <div class="govuk-generic-header__logo">
              <a href="/" class="govuk-generic-header__homepage-link">ragtrail</a>
            </div>
          </div>
        </header>
        <section aria-label="Service information" class="govuk-service-navigation">
          <div class={`govuk-width-container${wide ? ' app-width-container--wide' : ''}`}>
            <div class="govuk-service-navigation__container">
              <span class="govuk-service-navigation__service-name">Improvement plans</span>
              <nav aria-label="Site" class="govuk-service-navigation__wrapper">
                <ul class="govuk-service-navigation__list">
                  <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/">Plans</a></li>
                  <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/api/docs">API reference</a></li>
                  {signedIn ? (
                    <li class="govuk-service-navigation__item">
                      <form method="post" action="/logout" class="app-signout"><button type="submit">Sign out</button></form>
                    </li>
                  ) : null}
                </ul>
              </nav>
            </div>
          </div>
        </section>
        <div class={`govuk-width-container${wide ? ' app-width-container--wide' : ''}`}>
          <main class="govuk-main-wrapper" id="main-content">{children}</main>
        </div>
        <footer class="govuk-footer">
          <div class={`govuk-width-container${wide ? ' app-width-container--wide' : ''}`}>
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">Support links</h2>
                <ul class="govuk-footer__inline-list">
                  <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li>
                  <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/docs">API reference</a></li>
                </ul>
                <p class="govuk-body-s govuk-!-margin-bottom-0">ragtrail records improvement-plan scores as a tamper-evident log. Built with the GOV.UK Design System's components.</p>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PlanIntegrity } from '@ragtrail/core';

/**
 * The GOV.UK notification banner (the "important" kind) every page about a plan shows when the
 * plan's log is broken: the figures on the page come only from the events before the break, and a
 * reader must be told so before reading them. Nothing when the log holds.
 */
export function IntegrityBanner(props: { integrity: PlanIntegrity | undefined }) {
  const i = props.integrity;
  if (!i || i.ok) return null;
  const b = i.firstBreak;
  return (
    <div class="govuk-notification-banner" role="alert" aria-labelledby="integrity-banner-title" data-integrity={b.problem}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="integrity-banner-title">Important</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">This plan’s log is broken: these figures cannot be relied on</p>
        <p class="govuk-body">
          {b.revision === null ? b.stream : `${b.stream} at revision ${b.revision}`} ({b.problem}): {b.message}. The page shows only what
          the log held before the break, and the plan refuses every change until the log is restored from a backup. <code>ragtrail verify</code> names every break.
        </p>
      </div>
    </div>
  );
}

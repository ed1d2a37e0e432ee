/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { FieldError } from './govuk.js';
import type { MomentField, MomentValues } from './moment-form.js';

interface Part { field: MomentField; label: string; width: 2 | 4 }

/** One GOV.UK date input (a fieldset of day, month and year fields) with its hint and its error. */
function DateInput(props: { id: string; legend: string; hint: string; parts: Part[]; values: MomentValues; errors: readonly FieldError[] }) {
  const errors = props.errors.filter((e) => props.parts.some((p) => p.field === e.field));
  const errorId = `${props.id}-error`;
  return (
    <div class={`govuk-form-group${errors.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={`${props.id}-hint${errors.length ? ` ${errorId}` : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>
        {errors.length ? <p id={errorId} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.map((e) => e.message).join('. ')}</p> : null}
        <div class="govuk-date-input" id={props.id}>
          {props.parts.map((p) => (
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={p.field}>{p.label}</label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${p.width}${errors.some((e) => e.field === p.field) ? ' govuk-input--error' : ''}`}
                  id={p.field} name={p.field} type="text" inputmode="numeric" value={props.values[p.field]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The period and the moment the dashboard shows: GET to the same page, which redirects to ?period=&asOf=. */
export function AsKnownAt(props: { values: MomentValues; errors: readonly FieldError[]; asOf: string | null }) {
  return (
    <form method="get" role="search" aria-label="Choose the period and the moment" class="app-no-print" novalidate>
      <DateInput
        id="period" legend="Period" hint="The month of the review, for example 5 2017" values={props.values} errors={props.errors}
        parts={[{ field: 'period-month', label: 'Month', width: 2 }, { field: 'period-year', label: 'Year', width: 4 }]}
      />
      <DateInput
        id="asOf" legend="As known at the end of" hint="What had been recorded by the end of that day, for example 10 5 2017. Leave empty for what is recorded now." values={props.values} errors={props.errors}
        parts={[{ field: 'asOf-day', label: 'Day', width: 2 }, { field: 'asOf-month', label: 'Month', width: 2 }, { field: 'asOf-year', label: 'Year', width: 4 }]}
      />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">Show</button>
        {props.asOf ? <a class="govuk-link" href="?">Back to now</a> : null}
      </div>
    </form>
  );
}

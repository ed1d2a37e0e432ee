/** The address of an action's page, at the moment the page that links it shows. */
export const actionHref = (planId: string, actionId: string, asOf: string | null) =>
  `/plans/${encodeURIComponent(planId)}/actions/${encodeURIComponent(actionId)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;

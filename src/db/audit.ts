/**
 * Who wrote an audit row beyond the author's name: the tab (a random id per page load) and the
 * action (one id shared by every row one user action wrote, which undo looks up).
 */
export const SESSION_ID: string = crypto.randomUUID();

export function newActionId(): string {
  return crypto.randomUUID();
}

/** The fields every audit row carries for its action and tab. */
export function auditOrigin(actionId = newActionId()): { actionId: string; session: string } {
  return { actionId, session: SESSION_ID };
}

/** A request's success: its own latest outcome, else its task's latest outcome, else its HTTP status. */
import type { RequestRecord } from './records.ts';
import type { SuccessSource } from './store.ts';

export interface Decision {
  success: boolean;
  source: SuccessSource;
}

export function decideSuccess(
  request: RequestRecord,
  requestOutcome: boolean | undefined,
  taskOutcome: boolean | undefined,
): Decision {
  if (requestOutcome !== undefined) return { success: requestOutcome, source: 'request' };
  if (taskOutcome !== undefined) return { success: taskOutcome, source: 'task' };
  return { success: request.status >= 200 && request.status < 300 && request.errorClass === null, source: 'status' };
}

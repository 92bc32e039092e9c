import type { ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { Gateway } from '../gateway.ts';
import { sendJson } from '../http/send.ts';

/**
 * GET /v1/frugal/tasks/{id}: the task's requests and attempts, total and baseline cost,
 * outcome and cost per successful task. Everything acknowledged is written first, so a
 * request just answered is already in it.
 */
export async function handleTask(gateway: Gateway, taskId: string, response: ServerResponse): Promise<void> {
  await gateway.ledger.flush();
  const task = await gateway.ledger.getTask(taskId);
  if (task === null) throw new FrugalError('FRUGAL_NOT_FOUND', `no requests recorded for task "${taskId}" (send x-frugal-task: ${taskId} with its requests)`, { field: 'taskId' });
  sendJson(response, 200, task);
}

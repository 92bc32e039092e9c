/**
 * Function calls without an `id` get one (`call_<content>_<part>`); a response without an
 * id takes the id of the earliest unanswered call of the same name.
 */
export class CallIds {
  readonly #pending = new Map<string, string[]>();

  call(name: string, id: string | undefined, content: number, part: number): string {
    const callId = id ?? `call_${content}_${part}`;
    const queue = this.#pending.get(name) ?? [];
    queue.push(callId);
    this.#pending.set(name, queue);
    return callId;
  }

  response(name: string, id: string | undefined): string {
    const queue = this.#pending.get(name);
    if (id !== undefined) {
      const position = queue?.indexOf(id) ?? -1;
      if (position >= 0) queue?.splice(position, 1);
      return id;
    }
    return queue?.shift() ?? `call_${name}`;
  }
}

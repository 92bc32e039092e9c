/** Records each dropped path once: streams would otherwise report a field per chunk. */
export class DropLog {
  readonly paths: string[] = [];
  readonly #seen = new Set<string>();

  add(path: string): void {
    if (this.#seen.has(path)) return;
    this.#seen.add(path);
    this.paths.push(path);
  }

  /** Runs a function that reports into a plain array, then records its paths once each. */
  collect<T>(run: (dropped: string[]) => T): T {
    const dropped: string[] = [];
    const result = run(dropped);
    for (const path of dropped) this.add(path);
    return result;
  }
}

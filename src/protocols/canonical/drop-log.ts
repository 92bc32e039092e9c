/** Records each dropped path once: streams would otherwise report a field per chunk. */
export class DropLog {
  readonly paths: string[] = [];
  readonly #seen = new Set<string>();

  add(path: string): void {
    if (this.#seen.has(path)) return;
    this.#seen.add(path);
    this.paths.push(path);
  }
}

/** Record keys seen in a source, to report duplicates (each occurrence is still evaluated). */
export interface Seen {
  file: string;
  line: number;
}

export class KeyTracker {
  private readonly first = new Map<string, Seen>();

  /** Notes a key; returns where it was first seen when it is a repeat. */
  see(key: string, file: string, line: number): Seen | undefined {
    const prior = this.first.get(key);
    if (prior !== undefined) return prior;
    this.first.set(key, { file, line });
    return undefined;
  }
}

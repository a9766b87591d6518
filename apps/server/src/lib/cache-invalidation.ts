/**
 * Where cached responses learn the current cache versions (the "stamp" of a set of topics):
 * - embedded: only this process can write (the data folder is locked), so a stamp read once is
 *   remembered until this process commits a write (`clear()`);
 * - PostgreSQL: other app processes write too. A notification from the writer can arrive after the
 *   writer's client has already asked this process, so nothing is remembered: every request uses a
 *   stamp read after it arrived. Reads are shared — a request waits for the next read that starts
 *   after it came in — so under load one small query serves every request that arrived meanwhile.
 */
export class CacheStampMemo {
  private readonly stamps = new Map<string, string>();
  private readonly reads = new Map<
    string,
    { running: Promise<string> | null; next: Promise<string> | null }
  >();
  /** Bumped by every clear(), so a read that overlapped a write is not remembered. */
  private generation = 0;

  constructor(private readonly mode: 'embedded' | 'postgres') {}

  /** The stamp of a topic set, no older than this call: remembered, shared, or read by `load`. */
  read(key: string, load: () => Promise<string>): Promise<string> {
    return this.mode === 'embedded' ? this.remembered(key, load) : this.shared(key, load);
  }

  /** Forgets every remembered stamp (after a local write). */
  clear(): void {
    this.generation += 1;
    this.stamps.clear();
  }

  private async remembered(key: string, load: () => Promise<string>): Promise<string> {
    const known = this.stamps.get(key);
    if (known !== undefined) return known;
    const generation = this.generation;
    const stamp = await load();
    if (generation === this.generation) this.stamps.set(key, stamp);
    return stamp;
  }

  private shared(key: string, load: () => Promise<string>): Promise<string> {
    let slot = this.reads.get(key);
    if (!slot) {
      slot = { running: null, next: null };
      this.reads.set(key, slot);
    }
    const current = slot;
    const start = (): Promise<string> => {
      const running = load().finally(() => {
        if (current.running === running) current.running = null;
      });
      current.running = running;
      return running;
    };
    if (!current.running) return start();
    // A read is under way, but it may have started before this request came in: take the next one.
    current.next ??= current.running
      .catch(() => undefined)
      .then(() => {
        current.next = null;
        return start();
      });
    return current.next;
  }
}

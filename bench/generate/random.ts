// A small deterministic random source: the same seed and stream name give the same data on every
// machine and database, so two runs (and the embedded and PostgreSQL copies) hold identical rows.

/** 32-bit FNV-1a of a text: turns a stream name into part of a seed. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded random stream (mulberry32) with the helpers the generator needs. */
export class Random {
  private state: number;

  /** One stream per seed and name, so adding rows to one table never shifts another's. */
  constructor(seed: number, name: string) {
    this.state = (hashText(`${seed}:${name}`) ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, size). */
  int(size: number): number {
    return Math.floor(this.next() * size);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** One element, chosen with the given weights (same length as the items). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let point = this.next() * total;
    for (let index = 0; index < items.length; index++) {
      point -= weights[index]!;
      if (point < 0) return items[index]!;
    }
    return items[items.length - 1]!;
  }

  /**
   * A count with a long tail (most small, a few large), mean about `mean`: what supports per idea
   * look like in practice.
   */
  skewed(mean: number, max: number): number {
    const value = Math.floor(-Math.log(1 - this.next()) * mean * (this.chance(0.05) ? 6 : 0.75));
    return Math.min(max, value);
  }

  /** A version 4 UUID made of this stream's bits. */
  uuid(): string {
    const hex: string[] = [];
    for (let index = 0; index < 4; index++) {
      hex.push(
        Math.floor(this.next() * 0x100000000)
          .toString(16)
          .padStart(8, '0'),
      );
    }
    const text = hex.join('');
    const variant = ((Number.parseInt(text[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-${variant}${text.slice(17, 20)}-${text.slice(20, 32)}`;
  }
}

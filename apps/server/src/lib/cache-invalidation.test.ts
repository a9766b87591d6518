import { describe, expect, it } from 'vitest';
import { CacheStampMemo } from './cache-invalidation.ts';

/** A load whose answers the test releases by hand, counting the reads it was asked for. */
function controlledLoad() {
  const pending: ((stamp: string) => void)[] = [];
  let started = 0;
  return {
    load: () =>
      new Promise<string>((resolve) => {
        started += 1;
        pending.push(resolve);
      }),
    release: (stamp: string) => pending.shift()!(stamp),
    get started() {
      return started;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cache stamps on the embedded database (one writer: this process)', () => {
  it('reads once and remembers until a local write clears', async () => {
    const memo = new CacheStampMemo('embedded');
    let reads = 0;
    const load = async () => `v${++reads}`;
    expect(await memo.read('register', load)).toBe('v1');
    expect(await memo.read('register', load)).toBe('v1');
    memo.clear();
    expect(await memo.read('register', load)).toBe('v2');
    expect(reads).toBe(2);
  });

  it('does not remember a stamp read while a write was clearing', async () => {
    const memo = new CacheStampMemo('embedded');
    const control = controlledLoad();
    const first = memo.read('register', control.load);
    memo.clear();
    control.release('before-the-write');
    expect(await first).toBe('before-the-write');
    const second = memo.read('register', control.load);
    await tick();
    expect(control.started).toBe(2);
    control.release('after-the-write');
    expect(await second).toBe('after-the-write');
  });
});

describe('cache stamps on PostgreSQL (other processes write too)', () => {
  it('never answers from memory: each request after a read finished reads again', async () => {
    const memo = new CacheStampMemo('postgres');
    let reads = 0;
    const load = async () => `v${++reads}`;
    expect(await memo.read('register', load)).toBe('v1');
    expect(await memo.read('register', load)).toBe('v2');
  });

  it('gives a request that arrives during a read the next read, which starts after it arrived', async () => {
    const memo = new CacheStampMemo('postgres');
    const control = controlledLoad();
    const early = memo.read('register', control.load);
    // These arrive while the first read is under way: a write may have committed just before them.
    const late = [memo.read('register', control.load), memo.read('register', control.load)];
    expect(control.started).toBe(1);
    control.release('v1');
    expect(await early).toBe('v1');
    await tick();
    // One shared read for both late requests, started only now.
    expect(control.started).toBe(2);
    control.release('v2');
    expect(await Promise.all(late)).toEqual(['v2', 'v2']);
  });

  it('keeps topic sets apart', async () => {
    const memo = new CacheStampMemo('postgres');
    const control = controlledLoad();
    const register = memo.read('register', control.load);
    const portal = memo.read('portal', control.load);
    expect(control.started).toBe(2);
    control.release('r1');
    control.release('p1');
    expect([await register, await portal]).toEqual(['r1', 'p1']);
  });

  it('recovers after a failed read', async () => {
    const memo = new CacheStampMemo('postgres');
    await expect(
      memo.read('register', async () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow();
    expect(await memo.read('register', async () => 'v1')).toBe('v1');
  });
});

import { describe, expect, it } from 'vitest';
import type { ResponseBureau } from '../types';
import { signableBureaus, signatureProgress } from './co-announce';

const bureau = (id: string, hasSigned: boolean, isAssigned = false): ResponseBureau => ({
  id,
  name: `${id}局`,
  isAssigned,
  hasSigned,
  signedAt: hasSigned ? '2024-10-01T00:00:00.000Z' : null,
});

describe('co-announced responses', () => {
  it('counts the bureaus that agreed and those still waiting', () => {
    const bureaus = [bureau('kodomo', true, true), bureau('hoken', false), bureau('kankyo', true)];
    const progress = signatureProgress(bureaus);
    expect(progress).toMatchObject({ signedCount: 2, total: 3, isComplete: false });
    expect(progress.waiting.map((entry) => entry.id)).toEqual(['hoken']);
    expect(signatureProgress([bureau('kodomo', true, true)]).isComplete).toBe(true);
  });

  it('offers the sign button only for a waiting bureau the reader heads', () => {
    const bureaus = [bureau('kodomo', true, true), bureau('hoken', false), bureau('kankyo', false)];
    expect(signableBureaus(bureaus, ['hoken']).map((entry) => entry.id)).toEqual(['hoken']);
    expect(signableBureaus(bureaus, ['kodomo'])).toEqual([]);
    expect(signableBureaus(bureaus, [])).toEqual([]);
  });
});

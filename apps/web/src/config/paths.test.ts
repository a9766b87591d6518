import { describe, expect, it } from 'vitest';
import { isSafeRedirect } from './paths';

describe('isSafeRedirect', () => {
  it('accepts paths on this site', () => {
    expect(isSafeRedirect('/clusters?fy=2024')).toBe(true);
    expect(isSafeRedirect('/admin/users')).toBe(true);
  });

  it('refuses other sites, protocol-relative and backslash tricks, and the sign-in page', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login?x=1',
      '',
      undefined,
    ]) {
      expect(isSafeRedirect(value)).toBe(false);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('system endpoints', () => {
  it('answers /healthz once the database is ready', async () => {
    const response = await t.call('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('serves an OpenAPI 3.1 document generated from the routes, and a readable API page', async () => {
    const response = await t.call('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/session',
      '/api/v1/me',
      '/api/v1/clusters',
      '/api/v1/clusters/{id}',
      '/api/v1/users',
      '/api/v1/audit-events',
      '/api/v1/fiscal-years',
      '/api/v1/org-units',
      '/api/v1/meetings',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
    const page = await t.call('GET', '/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/v1/clusters');
    expect(page.text).toContain('lang="ja"');
  });

  it('sets the security headers and answers unknown API paths with problem+json', async () => {
    const response = await t.call('GET', '/api/v1/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('lists the fiscal years with Japanese labels and the six FY2024 meetings with their precision', async () => {
    const years = await t.call('GET', '/api/v1/fiscal-years');
    expect(years.body).toMatchObject({ items: [{ year: 2024, label: '令和6年度', isCurrent: true }] });
    const meetings = await t.call('GET', '/api/v1/meetings?fy=2024');
    const items = (
      meetings.body as {
        items: {
          sequence: number;
          title: string;
          planned: { precision: string; start: string; end: string };
          plannedLabel: string;
        }[];
      }
    ).items;
    expect(
      items.map((item) => [item.sequence, item.planned.precision, item.planned.start, item.planned.end]),
    ).toEqual([
      [0, 'day', '2024-06-04', '2024-06-04'],
      [1, 'day', '2024-07-22', '2024-07-22'],
      [2, 'day', '2024-08-21', '2024-08-21'],
      [3, 'early', '2024-10-01', '2024-10-10'],
      [4, 'early', '2024-11-01', '2024-11-10'],
      [5, 'late', '2024-12-21', '2024-12-31'],
    ]);
    expect(items.map((item) => item.plannedLabel)).toEqual([
      '6月4日',
      '7月22日',
      '8月21日',
      '10月上旬',
      '11月上旬',
      '12月下旬',
    ]);
  });
});

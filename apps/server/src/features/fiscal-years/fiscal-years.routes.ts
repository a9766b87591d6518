import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearLabel, fiscalYearOf } from '@totonoe/domain';
import type { App } from '../../lib/context.ts';
import { jsonResponse } from '../../lib/openapi.ts';
import { listFiscalYears } from './fiscal-years.queries.ts';

const fiscalYearSchema = z
  .object({
    year: z.number().int(),
    label: z.string(),
    labelEn: z.string(),
    status: z.enum(['open', 'closed']),
    isCurrent: z.boolean(),
  })
  .openapi('FiscalYear');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/fiscal-years',
  tags: ['fiscal-years'],
  summary: 'Fiscal years of the programme (public)',
  responses: { 200: jsonResponse(z.object({ items: z.array(fiscalYearSchema) }), 'Fiscal years') },
});

/** Fiscal years. */
export function registerFiscalYearRoutes(app: App): void {
  app.openapi(listRoute, async (c) => {
    const rows = await listFiscalYears(c.get('services').db);
    const current = fiscalYearOf(new Date());
    const years = rows.map((row) => row.year);
    // The current year is today's when the programme has it, otherwise the latest one it has.
    const effectiveCurrent = years.includes(current) ? current : (years.at(-1) ?? current);
    return c.json(
      {
        items: rows.map((row) => ({
          year: row.year,
          label: fiscalYearLabel(row.year),
          labelEn: fiscalYearLabel(row.year, 'en'),
          status: row.status,
          isCurrent: row.year === effectiveCurrent,
        })),
      },
      200,
    );
  });
}

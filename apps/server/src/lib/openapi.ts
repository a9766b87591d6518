import { z } from '@hono/zod-openapi';

/** The problem+json body every error answers with (RFC 9457). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    messages: z.object({ ja: z.string(), en: z.string() }),
    errors: z
      .array(z.object({ path: z.string(), messages: z.object({ ja: z.string(), en: z.string() }) }))
      .optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** Standard error responses for a route's OpenAPI entry. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict',
    412: 'Stale If-Match',
    413: 'Too large',
    415: 'Unsupported media type',
    422: 'Cannot be processed',
    428: 'If-Match required',
    429: 'Too many attempts',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: problemContent },
    ]),
  );
}

/** A JSON response entry for a route's OpenAPI document. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A required JSON request body entry. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } } as const;
}

export const uuidParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** A fiscal year in a query string: 1989..2100. */
export const fiscalYearQuery = z.coerce.number().int().min(1989).max(2100);

/** Paging in a query string. */
export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

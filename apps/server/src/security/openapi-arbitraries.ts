import fc from 'fast-check';

/**
 * fast-check arbitraries built from the API's own OpenAPI 3.1 document: values that follow a
 * schema most of the time (so requests get past validation and reach the handlers), and values
 * that break it on purpose (wrong types, missing and unknown fields, hostile strings).
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type OpenApiParameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
};

export type OpenApiOperation = {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
};

/** Strings that have broken web applications: markup, injection, odd Unicode, control characters. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; drop table users; --",
  '%00',
  '\u0000',
  '../../../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as it is.
  '{{7*7}}${7*7}',
  '\u202e\u2066evil',
  '𠮷野家🍣'.repeat(50),
  'ｱｲｳｴｵ　全角　スペース',
  ' ',
  '',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(5000),
] as const;

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Any JSON value, small: what a broken or hostile client might send instead of the right thing. */
export const anyJson = fc.oneof(
  { maxDepth: 2 },
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hostileString,
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) return {};
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([key]) => key !== '$ref')) };
  }
  return current;
}

function isoDate(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date('2019-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));
}

function stringFor(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case 'date':
      return isoDate();
    case 'date-time':
      return fc
        .date({
          min: new Date('2019-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] });
    default:
      break;
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const plain = fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
  const japanese = fc
    .array(fc.constantFrom('市', '政', '変', '革', 'ア', 'イ', 'の', 'ー', '　', 'A', '1'), {
      minLength: Math.max(minLength, 1),
      maxLength: Math.max(minLength, Math.min(maxLength, 20)),
    })
    .map((characters) => characters.join(''));
  const code = fc.stringMatching(/^[a-z0-9_-]{1,20}$/);
  const time = fc.constantFrom('09:00', '13:30', '23:59');
  return fc.oneof({ weight: 3, arbitrary: plain }, japanese, code, time);
}

type Options = { ids: readonly string[]; chaos: number };

/**
 * A value for the schema. With probability `chaos` (per value) something else is produced: any
 * JSON value or a hostile string, so every level of a body is tried with wrong input too.
 */
export function arbitraryFor(
  document: OpenApiDocument,
  schema: JsonSchema | undefined,
  options: Options,
  depth = 0,
): fc.Arbitrary<unknown> {
  const conforming = conformingFor(document, schema ?? {}, options, depth);
  if (options.chaos <= 0) return conforming;
  const weight = Math.max(1, Math.round((1 - options.chaos) / options.chaos));
  return fc.oneof(
    { weight, arbitrary: conforming },
    { weight: 1, arbitrary: fc.oneof(anyJson, hostileString) as fc.Arbitrary<unknown> },
  );
}

function conformingFor(
  document: OpenApiDocument,
  raw: JsonSchema,
  options: Options,
  depth: number,
): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length)
    return fc.oneof(
      ...alternatives.map((alternative) => arbitraryFor(document, alternative, options, depth + 1)),
    );
  if (schema.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.map((item) => resolve(document, item))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return conformingFor(document, merged, options, depth + 1);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => conformingFor(document, { ...schema, type }, options, depth + 1)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 100_000;
      return fc.oneof(
        fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
        fc.constantFrom(min, max, 2024, 1, 0).filter((value) => value >= min && value <= max),
      );
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'string':
      return stringFor(schema, options.ids);
    case 'array': {
      const item = arbitraryFor(document, schema.items, options, depth + 1);
      return fc.array(item, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    }
    default:
      break;
  }
  if (schema.properties || types[0] === 'object') return objectFor(document, schema, options, depth);
  return anyJson;
}

function objectFor(
  document: OpenApiDocument,
  schema: JsonSchema,
  options: Options,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties))
    record[name] = arbitraryFor(document, property, options, depth + 1);
  const requiredKeys = Object.keys(properties).filter((name) => required.has(name));
  const shaped = fc.record(record, { requiredKeys });
  if (options.chaos <= 0) return shaped;
  // Now and then: a required field dropped, or a field the schema does not know.
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom('isAdmin', '__proto__', 'constructor', 'id', 'version'))
        .map(([value, extra]) => ({ ...(value as object), [extra]: true })),
    },
    {
      weight: 1,
      arbitrary: shaped.map((value) => {
        const copy = { ...(value as Record<string, unknown>) };
        const first = requiredKeys[0];
        if (first) delete copy[first];
        return copy;
      }),
    },
  );
}

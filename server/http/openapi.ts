/**
 * The OpenAPI 3.1 document of the REST API (design.md §6), served at /api/v1/openapi.json. Query and body schemas are
 * generated from the same zod schemas the handlers validate with, so the document cannot drift from what is accepted.
 * tests/unit/openapi.test.ts checks that every route under app/api/v1 is documented.
 */
import { z } from 'zod';
import { newTokenInput, newUserInput } from '../auth/admin';
import { DATE_RANGE, DATETIME_FORMS_DOC } from '../domain/dates';
import { EXPORT_FORMATS } from '../endpoints/define';
import { ENDPOINTS } from '../endpoints/registry';
import { usccExceptionInput } from '../ingest/usccExceptions';
import { noticeInput } from '../calendar/admin';
import { MAX_JSON_CHARS, MAX_JSON_DEPTH, MAX_LIST_ITEMS, MAX_TEXT } from '../ingest/limits';
import { FIELD_RANGES, FINE_MAX, STREAM_FIELDS } from '../ingest/validate';
import { REFERENCE_LISTS } from '../reference/queries';

type JsonSchema = Record<string, unknown>;
const schemaOf = (s: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Query parameters from an object schema: one per property, required unless optional or defaulted. */
function queryParams(s: z.ZodType): JsonSchema[] {
  const js = schemaOf(s) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (js.required ?? []).includes(name) && !('default' in schema),
    schema,
  }));
}

const errorResponses = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '403': { $ref: '#/components/responses/Forbidden' },
};
const ok = (description: string) => ({ '200': { description, content: { 'application/json': { schema: { type: 'object' } } } }, ...errorResponses });
const exportFormats = { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', ...EXPORT_FORMATS], default: 'json' } };

/** `/api/v1/notices/{id}` → its path parameter names. */
const pathParamsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/**
 * The figures and item lists, from their definitions (server/endpoints/registry.ts). Endpoints sharing a path (the
 * 归集 items) are one operation whose `status` parameter picks the list; their parameters are the union of theirs.
 */
function endpointPaths(): Record<string, JsonSchema> {
  const byPath = new Map<string, typeof ENDPOINTS[number][]>();
  for (const e of ENDPOINTS) byPath.set(e.rest.path, [...(byPath.get(e.rest.path) ?? []), e]);
  return Object.fromEntries(
    [...byPath].map(([path, endpoints]) => {
      const inPath = pathParamsOf(path);
      const params = new Map<string, JsonSchema>();
      for (const e of endpoints) {
        for (const p of queryParams(e.input)) {
          const name = p.name as string;
          if (inPath.includes(name)) params.set(name, { ...p, in: 'path', required: true });
          else if (!params.has(name)) params.set(name, endpoints.length > 1 ? { ...p, required: false } : p);
        }
      }
      const when = endpoints[0]!.rest.when;
      const chooser = when && {
        name: when.param,
        in: 'query',
        required: false,
        schema: { type: 'string', enum: endpoints.map((e) => e.rest.when!.value), default: endpoints.find((e) => e.rest.when?.isDefault)?.rest.when?.value },
        description: endpoints.map((e) => `${e.rest.when!.value}: ${e.summary}`).join(' · '),
      };
      const summary = endpoints.length > 1 ? `Items behind the figures, by ${when?.param}` : endpoints[0]!.summary;
      const returns = [...new Set(endpoints.map((e) => e.rest.returns))].join(' | ');
      const responses = { ...ok(returns), ...(inPath.length ? { '404': { $ref: '#/components/responses/NotFound' } } : {}) };
      const audited = endpoints.some((e) => e.audit) ? ' Every answer and export is audited with the caller and the request id.' : '';
      return [
        path,
        {
          get: {
            operationId: endpoints.map((e) => e.name).join('|'),
            summary,
            description: `${summary}.${audited}`,
            parameters: [...(chooser ? [chooser] : []), ...params.values(), ...(endpoints.some((e) => e.exports) ? [exportFormats] : [])],
            responses,
          },
        },
      ];
    }),
  );
}

export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Credit Supervision Monitor API',
      version: '1',
      description:
        `Public credit information ingestion, double-publicity timeliness, joint reward/sanction feedback and assessment figures (design.md §4–§6). Dates are YYYY-MM-DD (Asia/Shanghai), real dates; a date in a query lies within ${DATE_RANGE.min}..${DATE_RANGE.max} (what a ClickHouse Date holds), else 400. Every datetime a client sends is ${DATETIME_FORMS_DOC}. Rates are fractions in [0, 1], null when the denominator is 0. Every answer is scoped to the caller: district and unit callers see aggregates city-wide and items of their own district or unit only.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/api/health': { get: { summary: 'Health and ClickHouse mode/version (no authentication)', security: [], responses: { '200': { description: '{ ok, clickhouse: { mode, version } }' }, '503': { description: 'ClickHouse unavailable' } } } },
      '/api/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/api/v1/reference/{list}': {
        get: {
          summary: 'Reference data',
          parameters: [{ name: 'list', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(REFERENCE_LISTS) } }],
          responses: { ...ok('{ items }'), '404': { $ref: '#/components/responses/NotFound' } },
        },
      },
      '/api/v1/ingest/{stream}': {
        post: {
          summary: 'Submit rows of a stream (JSON array, NDJSON or CSV with a header row); a bad row never sinks the good ones',
          parameters: [
            { name: 'stream', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(STREAM_FIELDS) } },
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'A retry with the same key returns the first answer without writing twice' },
          ],
          requestBody: {
            required: true,
            description:
              `Fields per stream (camelCase): ${Object.entries(STREAM_FIELDS).map(([s, f]) => `${s}: ${(f as readonly string[]).join(', ')}`).join(' · ')}. ` +
              `Dates are YYYY-MM-DD, real dates kept exactly as sent or refused (row error INVALID_DATE or DATE_OUT_OF_RANGE), within: ` +
              `${Object.entries(FIELD_RANGES).map(([f, r]) => `${f} ${r.min}..${r.max}`).join(', ')}; occurredOn and decisionDate not after the receipt date; ` +
              `leave validTo empty for a licence without end (9999-12-31 is refused). ` +
              `receivedAt (backfill tokens only; others get the platform's clock): ${DATETIME_FORMS_DOC}, not in the future. ` +
              `Every value is bounded by its column (a row error otherwise, the other rows are kept): fineAmount a decimal in yuan, 0..${FINE_MAX} with at most 2 decimals (Decimal(18, 2)); ` +
              `a JSON number that JSON cannot hold exactly (an integer beyond ±2^53, a fraction of 10^13 or more) must be sent as a string; text at most ${MAX_TEXT} characters (less for codes and names); ` +
              `penaltyTypes at most ${MAX_LIST_ITEMS} items; data a JSON object at most ${MAX_JSON_DEPTH} levels deep and ${MAX_JSON_CHARS} characters serialized.`,
            content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } }, 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          responses: {
            ...ok('{ batchId, accepted, rejected, errors: [{ row, field, code, message }] }'),
            '404': { $ref: '#/components/responses/NotFound' },
            '413': { description: 'Body too large (50 MB or 200,000 rows)' },
          },
        },
      },
      '/api/v1/ingest/batches/{batchId}': {
        get: { summary: "A batch's counts and all its row errors", parameters: [{ name: 'batchId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { ...ok('Batch detail'), '404': { $ref: '#/components/responses/NotFound' } } },
      },
      ...endpointPaths(),
      '/api/v1/admin/tokens': { post: { summary: 'Create an API token (admin); the token is shown in this answer only', requestBody: { required: true, content: { 'application/json': { schema: schemaOf(newTokenInput) } } }, responses: { ...ok('{ id, token }'), '201': { description: '{ id, token }' } } } },
      '/api/v1/admin/district-map': { post: { summary: "Upload the city's district map for the big screen (admin): a GeoJSON FeatureCollection, one feature per district, properties.code the district code; 400 names the missing, unknown and duplicated codes", requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok('{ features }') } },
      '/api/v1/screen/map': { get: { summary: 'The big screen\'s district map (GeoJSON FeatureCollection); display tokens may read it; ETag, 304 on If-None-Match', responses: { ...ok('GeoJSON FeatureCollection'), '304': { description: 'Not modified' } } } },
      '/api/v1/admin/tokens/{id}': { delete: { summary: 'Revoke a token (admin)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { ...ok('Revoked'), '404': { $ref: '#/components/responses/NotFound' } } } },
      '/api/v1/admin/users': { post: { summary: 'Provision a user (admin)', requestBody: { required: true, content: { 'application/json': { schema: schemaOf(newUserInput) } } }, responses: { ...ok('The user'), '201': { description: 'Created' } } } },
      '/api/v1/admin/calendar/notice': {
        post: {
          summary:
            "Import the State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as a year's calendar overrides (admin). " +
            'text is the notice as published, whole or just its numbered lines. dryRun (default true) only reads it; dryRun false also saves it, ' +
            "replacing that year's overrides, when every festival line was read, then rebuilds the calendar (audited).",
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(noticeInput) } } },
          responses: {
            ...ok('{ year, holidays: [dates], adjustedWorkdays: [dates], unparsed: [{ line, text, reason }], changes: [{ date, from, to }], saved }; kinds are workday, weekend, holiday, adjusted_workday'),
            '400': { description: 'A bad body (the message names the field), a notice that yields no holiday, or (dryRun false) unreadable lines: nothing saved', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/api/v1/admin/uscc-exceptions': {
        get: { summary: 'Registered codes that fail the check character but were genuinely issued', responses: ok('{ items }') },
        post: { summary: 'Register such a code (admin)', requestBody: { required: true, content: { 'application/json': { schema: schemaOf(usccExceptionInput) } } }, responses: { ...ok('Registered'), '201': { description: 'Registered' } } },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token issued by the platform office (scopes ingest, read, backfill, admin; display: the big screen figures only)' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'A signed-in browser session' },
      },
      responses: {
        BadRequest: { description: 'Invalid input: the message says what to fix', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Unauthorized: { description: 'Missing, unknown or revoked credentials', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Forbidden: { description: 'The caller lacks the role or scope', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        NotFound: { description: 'No such resource', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } },
    },
  };
}

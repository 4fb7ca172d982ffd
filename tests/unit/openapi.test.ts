import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/http/openapi';

/** Every route.ts under app/api/v1 (and /api/health) as its OpenAPI path: [param] → {param}. */
function routePaths(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile() && e.name === 'route.ts') return [prefix];
    if (!e.isDirectory()) return [];
    const seg = e.name.replace(/^\[(.+)\]$/, '{$1}');
    return routePaths(path.join(dir, e.name), `${prefix}/${seg}`);
  });
}

describe('OpenAPI document', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>> };
  it('documents every REST route of the app', () => {
    const routes = [...routePaths('app/api/v1', '/api/v1'), '/api/health'].sort();
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
  });
  it('derives query parameters from the validating schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    const assessment = doc.paths['/api/v1/assessment']!.get!.parameters!;
    expect(assessment.map((p) => p.name).sort()).toEqual(['level', 'period']);
    expect(assessment.find((p) => p.name === 'period')).toMatchObject({ required: true });
    expect(assessment.find((p) => p.name === 'level')).toMatchObject({ required: false });
    const kpi = doc.paths['/api/v1/kpi/sanctions']!.get!.parameters!.map((p) => p.name);
    expect(kpi).toEqual(expect.arrayContaining(['from', 'to', 'asOf', 'groupBy', 'district', 'unit', 'measure']));
    expect(doc.paths['/api/v1/kpi/ingestion']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'groupBy', 'catalog']));
  });
  it('says which datetime forms a client may send', () => {
    const text = JSON.stringify(doc);
    expect(text).toContain('RFC 3339');
    expect(text).toContain('YYYY-MM-DD HH:MM:SS');
  });
  it('says which dates a query and a body take, and their range', () => {
    for (const path of ['/api/v1/kpi/sanctions', '/api/v1/items/ingestion', '/api/v1/items/publicity']) {
      const from = doc.paths[path]!.get!.parameters!.find((p) => p.name === 'from') as unknown as { schema: { format: string; description: string } };
      expect(from.schema, path).toMatchObject({ format: 'date' });
      expect(from.schema.description, path).toContain('1970-01-01 .. 2149-06-06');
    }
    const ingest = JSON.stringify(doc.paths['/api/v1/ingest/{stream}']);
    expect(ingest).toContain('occurredOn 1900-01-01..2299-12-31');
    expect(ingest).toContain('validTo empty');
    expect(ingest).toContain('9999999999999999.99');
    expect(ingest).toContain('32 levels deep');
  });
});

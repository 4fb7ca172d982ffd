import { openApiDocument } from '@/server/http/openapi';
import { json } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API (no authentication: it holds no data). */
export function GET() {
  return json(openApiDocument());
}

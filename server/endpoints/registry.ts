import * as assessment from './assessment';
import * as calendar from './calendar';
import type { AnyEndpoint } from './define';
import * as ingestion from './ingestion';
import * as inspection from './inspection';
import * as publicity from './publicity';
import * as sanctions from './sanctions';
import * as screen from './screen';

/**
 * Every figure and item list of the product. Each is one definition (server/endpoints/define.ts) from which its tRPC
 * procedure (server/trpc/routers/*) and its REST route (app/api/v1/**) are made; OpenAPI documents them from here,
 * and tests/integration/endpoints.test.ts walks the list for audit and documentation.
 */
export const ENDPOINTS: readonly AnyEndpoint[] = [
  ...Object.values(ingestion),
  ...Object.values(publicity),
  ...Object.values(sanctions),
  ...Object.values(inspection),
  ...Object.values(assessment),
  ...Object.values(calendar),
  ...Object.values(screen),
];

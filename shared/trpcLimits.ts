/**
 * The most procedures one tRPC request may carry. Unbounded, one GET could ask for hundreds of figures at once (each a
 * ClickHouse query). The client's batch link splits at the same size, so the UI never meets the limit; no page asks
 * for nearly this many at once. Pure, so the client bundle may import it.
 */
export const TRPC_MAX_BATCH = 32;

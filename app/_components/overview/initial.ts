import 'server-only';
import { headers } from 'next/headers';
import { today } from '@/server/clock';
import type { Attention, IngestionCard, PublicityCard, SanctionsCard } from '@/server/metrics/overview/cockpit';
import { createCallerFactory, createContext } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';

/** The cockpit's figures computed while the page renders; a card whose query failed is left to fetch (and retry) itself. */
export type CockpitInitial = {
  ingestion?: IngestionCard;
  publicity?: PublicityCard;
  sanctions?: SanctionsCard;
  attention?: Attention;
  /** The districts' ranking of asOf's month. */
  ranking?: { period: string; rows: Array<{ code: string; name: string; total: number; rank: number; movement: number | null }> };
};

const createCaller = createCallerFactory(appRouter);

/**
 * The same tRPC procedures the cards call from the browser (same middleware, same item scope), called on the server
 * for the first paint: the figures arrive with the page instead of one round trip after hydration.
 */
export async function loadCockpit(asOf: string | undefined): Promise<CockpitInitial> {
  const caller = createCaller(await createContext({ headers: await headers() }));
  const input = { asOf };
  const [ingestion, publicity, sanctions, attention] = await Promise.allSettled([
    caller.overview.cockpit.ingestion(input),
    caller.overview.cockpit.publicity(input),
    caller.overview.cockpit.sanctions(input),
    caller.overview.cockpit.attention(input),
  ]);
  const month = (asOf ?? today()).slice(0, 7);
  // After the cards: chDB runs one query at a time, and the ranking reuses figures the cards have just warmed.
  const ranking = await caller.assessment
    .ranking({ period: month, level: 'district' })
    .then((r) => ({ period: month, rows: r.rows.map(({ code, name, total, rank, movement }) => ({ code, name, total, rank, movement })) }))
    .catch(() => undefined);
  const value = <T,>(r: PromiseSettledResult<T>) => (r.status === 'fulfilled' ? r.value : undefined);
  return { ingestion: value(ingestion), publicity: value(publicity), sanctions: value(sanctions), attention: value(attention), ranking };
}

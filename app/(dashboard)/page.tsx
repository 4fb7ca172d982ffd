import { Suspense } from 'react';
import { CalendarOutlookBanner } from '../_components/admin/CalendarOutlookBanner';
import { loadCockpit } from '../_components/overview/initial';
import { OverviewPage } from '../_components/overview/OverviewPage';
import { OverviewSkeleton } from '../_components/overview/OverviewSkeleton';

export const dynamic = 'force-dynamic';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The cockpit's figures are computed with the page and streamed in after the shell. */
async function Cockpit({ asOf }: { asOf: string | undefined }) {
  return <OverviewPage initial={await loadCockpit(asOf)} />;
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).asOf;
  const asOf = typeof raw === 'string' && DATE.test(raw) ? raw : undefined;
  return (
    <>
      {/* Admins only, from 1 November: next year's calendar is not known yet (issue 14.5). */}
      <Suspense>
        <div className="mb-4 empty:hidden">
          <CalendarOutlookBanner />
        </div>
      </Suspense>
      <Suspense key={asOf ?? 'today'} fallback={<OverviewSkeleton />}>
        <Cockpit asOf={asOf} />
      </Suspense>
    </>
  );
}

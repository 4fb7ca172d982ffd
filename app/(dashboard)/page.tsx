import { Suspense } from 'react';
import { OverviewPage } from '../_components/overview/OverviewPage';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <OverviewPage />
    </Suspense>
  );
}

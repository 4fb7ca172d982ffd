import { Suspense } from 'react';
import { IngestionDashboard } from '../../_components/ingestion/IngestionDashboard';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <IngestionDashboard />
    </Suspense>
  );
}

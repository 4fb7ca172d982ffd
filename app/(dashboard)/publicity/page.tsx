import { Suspense } from 'react';
import { PublicityDashboard } from '../../_components/publicity/PublicityDashboard';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <PublicityDashboard />
    </Suspense>
  );
}

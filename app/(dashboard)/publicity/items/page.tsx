import { Suspense } from 'react';
import { PublicityItemsPage } from '../../../_components/publicity/PublicityItemsPage';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <PublicityItemsPage />
    </Suspense>
  );
}

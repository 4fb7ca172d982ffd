import { Suspense } from 'react';
import { IngestionItemsPage } from '../../../_components/ingestion/IngestionItemsPage';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <IngestionItemsPage />
    </Suspense>
  );
}

import { Suspense } from 'react';
import { RejectedRowsPage } from '../../../_components/ingestion/RejectedRowsPage';

export default function Page() {
  return (
    <Suspense>
      <RejectedRowsPage />
    </Suspense>
  );
}

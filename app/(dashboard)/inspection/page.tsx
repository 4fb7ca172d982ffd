import { Suspense } from 'react';
import { InspectionPage } from '../../_components/inspection/InspectionPage';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense>
      <InspectionPage />
    </Suspense>
  );
}

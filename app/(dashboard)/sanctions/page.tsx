import { Suspense } from 'react';
import { SanctionsPage } from '../../_components/sanctions/SanctionsPage';

export default function Page() {
  return (
    <Suspense>
      <SanctionsPage />
    </Suspense>
  );
}

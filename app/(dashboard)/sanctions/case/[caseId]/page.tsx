import { Suspense } from 'react';
import { CasePage } from '../../../../_components/sanctions/CasePage';

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return (
    <Suspense>
      <CasePage caseId={decodeURIComponent(caseId)} />
    </Suspense>
  );
}

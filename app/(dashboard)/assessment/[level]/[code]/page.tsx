import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { EntityPage } from '../../../../_components/assessment/EntityPage';
import { periodDefaults } from '../../../../_components/assessment/serverDefaults';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ level: string; code: string }> }) {
  const { level, code } = await params;
  if (level !== 'district' && level !== 'unit') notFound();
  const { defaultMonth, currentMonth } = periodDefaults();
  return (
    <Suspense>
      <EntityPage level={level} code={decodeURIComponent(code)} defaultMonth={defaultMonth} currentMonth={currentMonth} />
    </Suspense>
  );
}

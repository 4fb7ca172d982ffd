import { Suspense } from 'react';
import { ReportPage } from '../../../_components/assessment/ReportPage';
import { periodDefaults } from '../../../_components/assessment/serverDefaults';
import { cityName } from '@/server/reference/queries';

export const dynamic = 'force-dynamic';

export default async function Page() {
  const { defaultMonth, today } = periodDefaults();
  return (
    <Suspense>
      <ReportPage defaultMonth={defaultMonth} today={today} city={await cityName()} />
    </Suspense>
  );
}

import { Suspense } from 'react';
import { ReportPage } from '../../../_components/assessment/ReportPage';
import { periodDefaults } from '../../../_components/assessment/serverDefaults';
import { CITY_NAME } from '@/seeds/reference/districts';

export const dynamic = 'force-dynamic';

export default function Page() {
  const { defaultMonth, today } = periodDefaults();
  return (
    <Suspense>
      <ReportPage defaultMonth={defaultMonth} today={today} city={CITY_NAME} />
    </Suspense>
  );
}

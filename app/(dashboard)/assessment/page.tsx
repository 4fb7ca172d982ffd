import { Suspense } from 'react';
import { RankingPage } from '../../_components/assessment/RankingPage';
import { periodDefaults } from '../../_components/assessment/serverDefaults';

export const dynamic = 'force-dynamic';

export default function Page() {
  const { defaultMonth, currentMonth } = periodDefaults();
  return (
    <Suspense>
      <RankingPage defaultMonth={defaultMonth} currentMonth={currentMonth} />
    </Suspense>
  );
}

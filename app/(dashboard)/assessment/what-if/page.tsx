import { Suspense } from 'react';
import { WhatIfPage } from '../../../_components/assessment/WhatIfPage';
import { periodDefaults } from '../../../_components/assessment/serverDefaults';

export const dynamic = 'force-dynamic';

export default function Page() {
  const { defaultMonth, currentMonth } = periodDefaults();
  return (
    <Suspense>
      <WhatIfPage defaultMonth={defaultMonth} currentMonth={currentMonth} />
    </Suspense>
  );
}

import { WhatIfPage } from '../../../_components/assessment/WhatIfPage';
import { periodDefaults } from '../../../_components/assessment/serverDefaults';
import { suspensePage } from '../../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(WhatIfPage, periodDefaults);

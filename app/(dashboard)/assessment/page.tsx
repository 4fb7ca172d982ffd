import { RankingPage } from '../../_components/assessment/RankingPage';
import { periodDefaults } from '../../_components/assessment/serverDefaults';
import { suspensePage } from '../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(RankingPage, periodDefaults);

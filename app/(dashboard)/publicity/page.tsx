import { PublicityDashboard } from '../../_components/publicity/PublicityDashboard';
import { suspensePage } from '../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(PublicityDashboard);

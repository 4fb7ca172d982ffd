import { IngestionDashboard } from '../../_components/ingestion/IngestionDashboard';
import { suspensePage } from '../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(IngestionDashboard);

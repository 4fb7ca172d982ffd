import { IngestionItemsPage } from '../../../_components/ingestion/IngestionItemsPage';
import { suspensePage } from '../../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(IngestionItemsPage);

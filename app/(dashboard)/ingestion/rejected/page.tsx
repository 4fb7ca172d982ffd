import { RejectedRowsPage } from '../../../_components/ingestion/RejectedRowsPage';
import { suspensePage } from '../../../_components/suspensePage';

export default suspensePage(RejectedRowsPage);

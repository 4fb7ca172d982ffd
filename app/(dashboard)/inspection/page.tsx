import { InspectionPage } from '../../_components/inspection/InspectionPage';
import { suspensePage } from '../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(InspectionPage);

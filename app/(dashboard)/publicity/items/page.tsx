import { PublicityItemsPage } from '../../../_components/publicity/PublicityItemsPage';
import { suspensePage } from '../../../_components/suspensePage';

export const dynamic = 'force-dynamic';

export default suspensePage(PublicityItemsPage);

import { SanctionsPage } from '../../_components/sanctions/SanctionsPage';
import { suspensePage } from '../../_components/suspensePage';

export default suspensePage(SanctionsPage);

import { UploadPage } from '../../../_components/upload/UploadPage';
import { principalFromSession } from '@/server/auth/principal';

export default async function Page() {
  const principal = await principalFromSession();
  return <UploadPage role={principal?.role ?? ''} unitCode={principal?.unitCode ?? ''} />;
}

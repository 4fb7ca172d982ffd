import { NoticePage } from '../../../../_components/inspection/NoticePage';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <NoticePage id={id} />;
}

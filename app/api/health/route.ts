import { health } from '@/server/health';
import { json } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return json(await health());
  } catch (error) {
    console.error('[health]', error);
    return json({ ok: false, error: 'ClickHouse unavailable' }, { status: 503 });
  }
}

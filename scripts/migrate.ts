// npm run db:migrate — apply pending ClickHouse migrations (also run by npm start).
import { closeClickHouse } from '../server/db/client';
import { migrate } from '../server/db/migrate';

const { applied } = await migrate((line) => console.log(line));
console.log(applied.length ? `${applied.length} migration(s) applied` : 'schema is up to date');
await closeClickHouse();

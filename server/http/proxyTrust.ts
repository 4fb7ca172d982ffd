import { BlockList, isIP } from 'node:net';
import { env } from '../env';

/**
 * Which peers may tell us who the client is. X-Forwarded-For, X-Forwarded-Host and X-Forwarded-Proto are plain
 * request headers that any client can write; they mean something only when a proxy we run wrote them. That proxy is
 * named in TRUSTED_PROXIES (addresses or CIDR ranges). Without it nobody is trusted and the client is the socket peer.
 */
let cached: { spec: string; list: BlockList } | undefined;

export function trustedProxies(): BlockList {
  const spec = env().TRUSTED_PROXIES ?? '';
  if (cached?.spec === spec) return cached.list;
  const list = new BlockList();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  cached = { spec, list };
  return list;
}

export function isTrustedProxy(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trustedProxies().check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The headers a proxy writes about the client; dropped at the edge (scripts/serve.ts) unless the peer is trusted. */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'] as const;

type HeaderSource = Headers | Record<string, unknown> | undefined;
function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.map(String).join(',') : undefined;
}

/**
 * The client's address. Each proxy appends the address it was reached from, so the chain is read from the right: the
 * last entry is what the nearest hop appended, and trusted proxies' own entries are skipped. The leftmost entries are
 * the client's own claims and never count. The edge (scripts/serve.ts) guarantees that for an untrusted peer the
 * header holds that peer's socket address alone (Next.js fills it in once the client's copy is dropped).
 */
export function clientIp(headers: HeaderSource): string {
  const chain = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrustedProxy(chain[i]!)) return chain[i]!;
  return chain[0] ?? '';
}

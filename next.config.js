// Pages get their Content-Security-Policy, with a per-request script nonce, and HSTS from proxy.ts
// (server/http/securityHeaders.ts). API answers are data, never documents to run: they may load nothing.
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // chdb is a native addon holding the embedded ClickHouse: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['chdb', '@clickhouse/client', '@node-rs/argon2'],
  // A second build directory lets a benchmark server run beside the e2e server without sharing .next.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;

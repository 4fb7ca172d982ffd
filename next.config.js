/** @type {import('next').NextConfig} */
const nextConfig = {
  // chdb is a native addon holding the embedded ClickHouse: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['chdb', '@clickhouse/client'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

/**
 * Headers on every response of the app's own pages. The invitation page (a route handler)
 * sends its own, stricter set: no scripts at all and no referrer, since its token is in the
 * address. A script-src with nonces for Next's own scripts is still to come, so the policy here
 * restricts framing, forms, plugins and the base URL.
 */
const everywhere = [
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // Behind https (the public address says so) browsers keep to https for a year.
  ...(process.env.NEXTAUTH_URL?.startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time;
  // bundling it breaks those paths and every request fails with a 500.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      // Addresses that hold a secret (a set-password link, a calendar feed) never pass it on as a referrer.
      { source: '/welcome/:path*', headers: [...everywhere, { key: 'Referrer-Policy', value: 'no-referrer' }] },
      {
        source: '/api/calendar-feeds/:path*',
        headers: [...everywhere, { key: 'Referrer-Policy', value: 'no-referrer' }],
      },
      {
        source: '/((?!invite/|welcome/|api/calendar-feeds/).*)',
        headers: [...everywhere, { key: 'Referrer-Policy', value: 'same-origin' }],
      },
    ];
  },
};

export default nextConfig;

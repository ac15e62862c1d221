// The app's production server: Next's own request handler behind one step of ours, which
// decides the client's address from the connection and TRUSTED_PROXIES (lib/security/forwarded.mjs).
// `next start` keeps whatever X-Forwarded-For a client writes, so rate limits and the audit could
// be fooled by any client; here the header Next sees is always the address we worked out.
// Usage (npm start): node server.mjs [-p port] [-H hostname]; PORT and HOSTNAME work too.
import { createServer } from 'node:http';
import next from 'next';
import { settleClientAddress, trustedProxiesFrom } from './lib/security/forwarded.mjs';

/** @param {string[]} names */
function option(names) {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => names.includes(arg));
  return at >= 0 ? args[at + 1] : undefined;
}

let trustedProxies;
try {
  trustedProxies = trustedProxiesFrom(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
const hostname = option(['-H', '--hostname']) ?? process.env.HOSTNAME ?? '0.0.0.0';

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  settleClientAddress(request, trustedProxies);
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});

server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname}:${port} (trusted proxies: ${trustedProxies})`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; do not wait for them for long.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

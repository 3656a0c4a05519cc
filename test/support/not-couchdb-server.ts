import { createServer, request, type IncomingMessage, type Server } from 'node:http';

/**
 * An HTTP server on 127.0.0.1 at an address a team was given, answering as something other than CouchDB: a web
 * page, or another JSON API (found, and not found). In `couch` mode it passes every request through to a team
 * server, so a laptop can join through it and then find the address answering as something else; in
 * `gateway-down` it answers as a reverse proxy does whose CouchDB is not running (502, a page of its own).
 */
export type Impersonation = 'couch' | 'web-page' | 'json-api' | 'json-api-not-found' | 'gateway-down';

export interface NotCouchDbServer {
  url: string;
  mode: Impersonation;
  stop(): Promise<void>;
}

const ANSWERS: Record<Exclude<Impersonation, 'couch'>, { status: number; type: string; body: string }> = {
  'web-page': { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>佳美服装</title></head><body><h1>Welcome</h1></body></html>' },
  'json-api': { status: 200, type: 'application/json', body: JSON.stringify({ status: 'ok', service: 'inventory', version: '2.4.1' }) },
  // Shaped as many web frameworks answer a path they do not serve: an `error`, but not CouchDB's.
  'gateway-down': { status: 502, type: 'text/html', body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>' },
  'json-api-not-found': { status: 404, type: 'application/json', body: JSON.stringify({ timestamp: '2026-12-01T08:00:00.000+00:00', status: 404, error: 'Not Found', path: '/shop' }) },
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startNotCouchDbServer(mode: Impersonation, couchUrl?: string): Promise<NotCouchDbServer> {
  const state = { mode };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (state.mode !== 'couch') {
        const answer = ANSWERS[state.mode];
        res.writeHead(answer.status, { 'content-type': answer.type });
        res.end(answer.body);
        return;
      }
      const upstream = new URL(couchUrl!);
      const out = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(next: Impersonation) {
      state.mode = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

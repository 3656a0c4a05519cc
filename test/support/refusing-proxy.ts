import { createServer, request, type IncomingMessage, type Server } from 'node:http';

/**
 * A small HTTP proxy on 127.0.0.1 in front of the test server that refuses chosen documents the way Apache
 * CouchDB does when its validate_doc_update throws `{forbidden: reason}`: `_bulk_docs` stores the other
 * documents and answers 201 with `{id, error: 'forbidden', reason}` for each refused one (or another
 * per-document error the test names). (pouchdb-server
 * 4.2 cannot host the design document itself: its validation plugin drops replicated revisions.)
 */
export interface RefusingProxy {
  url: string;
  /** How many times a document was refused so far. */
  refusals: number;
  stop(): Promise<void>;
}

type Doc = { _id: string; [key: string]: unknown };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startRefusingProxy(target: string, refuse: (doc: Doc) => { error: string; reason: string } | null): Promise<RefusingProxy> {
  const upstream = new URL(target);
  const state = { refusals: 0 };
  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      const out = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (res) => {
        void readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
      });
      out.on('error', reject);
      out.end(body);
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      let body = await readBody(req);
      const refused: { id: string; error: string; reason: string }[] = [];
      if (req.method === 'POST' && /\/_bulk_docs(\?|$)/.test(req.url ?? '')) {
        const parsed = JSON.parse(body.toString('utf8')) as { docs: Doc[]; new_edits?: boolean };
        const kept: Doc[] = [];
        for (const doc of parsed.docs) {
          const refusal = refuse(doc);
          if (refusal === null) kept.push(doc);
          else refused.push({ id: doc._id, ...refusal });
        }
        state.refusals += refused.length;
        body = Buffer.from(JSON.stringify({ ...parsed, docs: kept }));
      }
      const answer = await forward(req, body);
      let payload = answer.body;
      if (refused.length > 0 && answer.status < 300) {
        payload = Buffer.from(JSON.stringify([...(JSON.parse(answer.body.toString('utf8')) as unknown[]), ...refused]));
        answer.status = 201;
      }
      const headers: Record<string, string | string[] | undefined> = { ...answer.headers, 'content-length': String(payload.length) };
      delete headers['transfer-encoding'];
      res.writeHead(answer.status, headers);
      res.end(payload);
    })().catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'proxy_error', reason: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get refusals() {
      return state.refusals;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

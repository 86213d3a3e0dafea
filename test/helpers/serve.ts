/**
 * A tiny static web server for a built site, as a plain static host would serve it: `index.html`
 * for folder addresses, a redirect to the trailing slash for a folder asked without one, the right
 * content types, and 404 with the site's own 404.html for anything else. Listens on 127.0.0.1 on a
 * free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.asc': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Every request the server answered, as "STATUS METHOD /path". */
  log: string[];
  close(): Promise<void>;
}

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Serves the folder `root` until close(). */
export async function serve(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const log: string[] = [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
    log.push(`${status} ${req.method} ${req.url}`);
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = join(base, '404.html');
    if (existsSync(page)) send(req, res, 404, TYPES['.html']!, readFileSync(page));
    else send(req, res, 404, TYPES['.txt']!, 'Not found\n');
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, TYPES['.txt']!, 'Method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      notFound(req, res);
      return;
    }
    const file = resolve(base, `.${pathname}`);
    // Nothing outside the served folder, whatever the address says.
    if (file !== base && !file.startsWith(base + sep)) {
      notFound(req, res);
      return;
    }
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        send(req, res, 301, TYPES['.txt']!, 'Moved\n', { location: `${encodeURI(pathname)}/${query}` });
        return;
      }
      const index = join(file, 'index.html');
      if (existsSync(index)) send(req, res, 200, TYPES['.html']!, readFileSync(index));
      else notFound(req, res);
      return;
    }
    if (stat?.isFile()) send(req, res, 200, contentType(file), readFileSync(file));
    else notFound(req, res);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}

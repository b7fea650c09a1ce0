import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { tempDir } from '../helpers.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.json': 'application/json' };

/** Unpacks the vendored viewer (see README.md) into a fresh folder. */
export function unpackViewer(): string {
  const dir = tempDir();
  execFileSync('tar', ['xzf', join(import.meta.dirname, 'viewer.tar.gz'), '-C', dir]);
  return dir;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A static file server with HTTP range requests, as `inspect view bundle` output is hosted:
 * `/viewer/...` from the unpacked viewer, `/logs/...` from a log folder.
 */
export async function serveViewer(viewerDir: string, logDir: string): Promise<StaticServer> {
  const roots: [string, string][] = [['/viewer/', viewerDir], ['/logs/', logDir]];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const root = roots.find(([prefix]) => path.startsWith(prefix));
    const rel = root ? normalize(path.slice(root[0].length) || 'index.html') : '';
    const file = root && !rel.startsWith('..') ? join(root[1], rel) : '';
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

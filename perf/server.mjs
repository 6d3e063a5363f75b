// A static server for a built dist/ folder, as a host would serve it: brotli when the browser
// accepts it, the app shell for any path that is not a file (deep links), loopback only.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/atom+xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.xml', '.txt']);

// A host compresses static files once, ahead of time; so does this server, before it listens,
// so no timing includes compression. Files over a megabyte (only the synthetic datasets) get a
// faster quality: brotli's highest takes minutes on tens of megabytes.
function compress(body) {
  const quality = body.length > 2 ** 20 ? 5 : 11;
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
}

async function compressAll(dir, into) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      await compressAll(file, into);
    } else if (COMPRESSIBLE.has(extname(file))) {
      const body = await readFile(file);
      into.set(`${file}:${body.length}`, compress(body));
    }
  }
}

/** Serves `root` (and, for paths under `/vendor/`, files from `vendor`) on a free port. */
export async function serve(root, { vendor } = {}) {
  const compressed = new Map();
  await compressAll(root, compressed);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let base = root;
      let rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
      if (vendor && rel.startsWith('/vendor/')) {
        base = vendor;
        rel = rel.slice('/vendor'.length);
      }
      let file = join(base, rel);
      let info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        if (extname(rel) !== '') {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        file = join(root, 'index.html');
      }
      const ext = extname(file);
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
      headers['cache-control'] = /-[0-9a-f]{8,16}\./.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}`;
        if (!compressed.has(key)) {
          compressed.set(key, compress(body));
        }
        body = compressed.get(key);
        headers['content-encoding'] = 'br';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

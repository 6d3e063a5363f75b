// Writes <dir>/sw.js: the service worker with the precache list of everything in <dir>.
//
// Runs from scripts/post-build.sh after csp.sh, on the staging folder Trunk is about to
// publish as dist/, so every file earlier steps wrote is listed too. Also runs on any built folder:
// `node scripts/precache.mjs <dir>` (the update tests use it on an edited copy of dist/).
// Fails, and so fails the build, when Workbox warns (for example a file too large to precache).
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectManifest } from 'workbox-build';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/precache.mjs <built folder> (or run it as a Trunk hook)');
  process.exit(2);
}

// Workbox's prebuilt runtime, in dependency order; each file sets a part of `self.workbox`.
const runtime = ['workbox-core', 'workbox-routing', 'workbox-strategies', 'workbox-precaching'];
const parts = await Promise.all(
  runtime.map(async (name) => {
    const text = await readFile(require.resolve(`${name}/build/${name}.prod.js`), 'utf8');
    return text.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  }),
);
// A constant of the app's Rust code, read from the one place it is defined.
async function rustConstant(file, pattern, name) {
  const value = (await readFile(path.join(root, file), 'utf8')).match(pattern)?.[1];
  if (!value) {
    console.error(`precache: no ${name} in ${file}`);
    process.exit(1);
  }
  return value;
}
// The data format version the app reads, for the worker to refuse files of another version.
const version = await rustConstant('model/src/format.rs', /^pub const FORMAT_VERSION: u32 = (\d+);$/m, 'FORMAT_VERSION');
parts.push(`self.__FORMAT_VERSION = ${version};`);
// The names no post may take: the posts folder's own index and search files.
const reserved = await rustConstant('model/src/slug.rs', /^const RESERVED_POST_SLUGS: \[&str; \d+\] = (\[[^\]]*\]);$/m, 'RESERVED_POST_SLUGS');
parts.push(`self.__RESERVED_POST_SLUGS = ${JSON.stringify(JSON.parse(reserved))};`);
parts.push(await readFile(path.join(root, 'sw/service-worker.js'), 'utf8'));

const work = await mkdtemp(path.join(tmpdir(), 'precache-'));
try {
  const swSrc = path.join(work, 'sw.js');
  await writeFile(swSrc, parts.join('\n'));
  const { count, size, warnings } = await injectManifest({
    swSrc,
    swDest: path.join(dir, 'sw.js'),
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: ['sw.js', '**/*.map'],
    // Trunk's file names carry a content hash (filehash, in hex without leading zeros): the name
    // is the revision, and the browser's HTTP cache may answer for them, so the first visit
    // does not fetch them twice.
    dontCacheBustURLsMatching: /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/,
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  });
  if (warnings.length > 0) {
    console.error(`precache: ${warnings.join('\n')}`);
    process.exit(1);
  }
  console.log(`precache: sw.js lists ${count} files, ${(size / 1024).toFixed(1)} KB`);
} finally {
  await rm(work, { recursive: true, force: true });
}

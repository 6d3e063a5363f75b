// On Probation's service worker: the whole site offline after the first visit.
//
// scripts/precache.mjs builds dist/sw.js from this file: it puts Workbox's runtime (core,
// routing, strategies, precaching) in front of it, so the worker is one same-origin file with
// no imports, and puts the list of every file of the build, with revisions, where the
// precache call below names the manifest.
/* global workbox */

const { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, addPlugins } =
  workbox.precaching;
const { registerRoute, NavigationRoute } = workbox.routing;

// Data fetched from the network after install. A new version deletes it on activation, so its
// pages start from the data it was deployed with (in its precache), never the old version's.
const DATA_CACHE = 'on-probation-data';

// Every copy kept on the device carries the time it was stored (ms since the epoch): the app
// compares it with its own start to say when it shows data from an earlier visit.
const SAVED_AT_HEADER = 'X-On-Probation-Saved-At';

function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, String(Date.now()));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const POSTS_INDEX = '/data/posts/index.json';

// A slug the app would ask for a post file by (`model::slug::is_post_slug`).
const isPostSlug = (slug) =>
  typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug) && !self.__RESERVED_POST_SLUGS.includes(slug);

// The post slugs a posts index lists.
function postSlugs(index) {
  return (Array.isArray(index.posts) ? index.posts : []).map((post) => post && post.slug).filter(isPostSlug);
}

// The slugs the server's posts index lists now (or `null`), read once, and only when a post
// is missing.
let servedSlugs;
function servedPostSlugs() {
  servedSlugs ??= fetch(POSTS_INDEX, { cache: 'no-cache' })
    .then((response) => response.json())
    .then((index) => (Array.isArray(index.posts) ? postSlugs(index) : null))
    .catch(() => null);
  return servedSlugs;
}

// A post file the build listed that the server no longer has, and that the server's posts
// index no longer lists either: data published after the build, without that post. (The
// index and search texts share the folder and are never a post.)
async function isWithdrawnPost(path) {
  const slug = (path.match(/^\/data\/posts\/([^/]+)\.json$/) || [])[1];
  if (!isPostSlug(slug)) return false;
  const slugs = await servedPostSlugs();
  return slugs !== null && !slugs.includes(slug);
}

// Applies to the precache. A deploy missing a file (or a server that answers a missing file
// with the app's HTML page, as single-page-app servers do) fails the install, and the old
// version stays; only a withdrawn post is stored as missing, as the server answers it.
addPlugins([
  {
    cacheWillUpdate: async ({ request, response }) => {
      if (!response) return null;
      const path = new URL(request.url).pathname;
      const wantsPage = path.endsWith('/') || path.endsWith('.html');
      const isPage = (response.headers.get('content-type') || '').includes('text/html');
      const missing = response.status === 404 || (response.ok && isPage && !wantsPage);
      if (missing && (await isWithdrawnPost(path))) return new Response(null, { status: 404, statusText: 'Not Found' });
      if (!response.ok) return null;
      return isPage && !wantsPage ? null : stamped(response);
    },
  },
]);

// The data format version this build's app reads; scripts/precache.mjs writes in
// `model::format::FORMAT_VERSION`.
const FORMAT_VERSION = self.__FORMAT_VERSION;

// Only a whole data file this app can read may replace the copy on the device. A server that
// lost the file may answer with the app's HTML page (status 200), a cut-off answer is not JSON,
// and a file of another format or version is one this app would refuse: each would otherwise
// turn the next load's good data into an error.
async function isDataFile(response) {
  if (!response.ok || (response.headers.get('content-type') || '').includes('text/html')) return false;
  try {
    const file = await response.clone().json();
    return (
      typeof file?.format === 'string' && file.format.startsWith('on-probation/') && file.version === FORMAT_VERSION
    );
  } catch {
    return false;
  }
}

// Tells the app's pages what a refresh got: the answer's HTTP status, or 0 for none. With only
// the server gone (or a network without internet) browsers still report a network, so this is
// how a page answered from the device knows to say it is offline; the page decides which
// statuses count as the server's own (`src/components/offline_indicator.rs`).
async function tellPages(status) {
  for (const page of await self.clients.matchAll({ type: 'window' })) {
    page.postMessage({ type: 'SERVER_ANSWERED', status });
  }
}

// The build's list names the posts it was built with. Posts the served index lists besides
// (data published without a rebuild) are saved on activation, once the precache holds the
// served index, so every post reads offline; in a cache of this version's own, as a new
// version starts from the data it was installed with.
const MANIFEST = self.__WB_MANIFEST;
const POSTS_CACHE = `on-probation-posts-${MANIFEST.map((entry) => `${entry.url}${entry.revision}`)
  .join()
  .split('')
  .reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7)
  .toString(16)}`;

async function savePostsBeyondTheBuild() {
  const listed = new Set(MANIFEST.map((entry) => new URL(entry.url, self.location.origin).pathname));
  try {
    const index = await (await matchPrecache(POSTS_INDEX)).json();
    const cache = await caches.open(POSTS_CACHE);
    const paths = postSlugs(index)
      .map((slug) => `/data/posts/${slug}.json`)
      .filter((path) => !listed.has(path));
    await Promise.all(
      paths.map(async (path) => {
        const response = await fetch(path, { cache: 'no-cache' });
        if (await isDataFile(response)) await cache.put(path, stamped(response));
      }),
    );
  } catch {
    // Not worth failing over: those posts then read offline once opened online.
  }
}

// Stale-while-revalidate for the data JSON: answer from the device at once (the last copy
// fetched, else the copy installed with this version) and refresh the copy in the background.
async function dataFromDeviceThenNetwork({ request, event }) {
  const cache = await caches.open(DATA_CACHE);
  // A reader trying again (the app then asks with cache: 'reload') wants the server's answer
  // now, past every cache; the copy on the device is only the fallback.
  const afresh = request.cache === 'reload';
  // no-cache otherwise: ask the server (a cheap conditional request), not the browser's HTTP
  // cache, which would often hand back the very copy the device already has.
  const refresh = fetch(request, { cache: afresh ? 'reload' : 'no-cache' }).then(
    async (response) => {
      await tellPages(response.status);
      if (await isDataFile(response)) await cache.put(request, stamped(response.clone()));
      return response;
    },
    async (error) => {
      await tellPages(0);
      throw error;
    },
  );
  const found =
    (await cache.match(request)) ||
    (await caches.match(request, { cacheName: POSTS_CACHE })) ||
    (await matchPrecache(request));
  // A file stored as missing at install is asked for again, in case the server has it now.
  const saved = found && found.ok ? found : undefined;
  if (afresh) return refresh.catch((error) => saved || Promise.reject(error));
  if (!saved) return refresh;
  event.waitUntil(refresh.catch(() => undefined));
  return saved;
}

// Registered before the precache's own route, which would otherwise answer these cache-first.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith('/data/') && request.method === 'GET',
  dataFromDeviceThenNetwork,
);

precacheAndRoute(MANIFEST);
cleanupOutdatedCaches();

// Every route of the app is the same shell: deep links load offline. Files (a dot in the last
// path segment, whatever the query says) and data keep their own answers.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/data\//, /^[^?]*\/[^/?]*\.[^/?]*(\?|$)/],
  }),
);

// The first version takes control of the page that installed it, so it works offline at once.
// Later versions wait until the reader asks for them (the app's "Reload" button).
workbox.core.clientsClaim();
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await caches.delete(DATA_CACHE);
      for (const name of await caches.keys()) {
        if (name.startsWith('on-probation-posts-') && name !== POSTS_CACHE) await caches.delete(name);
      }
      await savePostsBeyondTheBuild();
    })(),
  );
});

/**
 * Writes `sw.js` into the build: a service worker that precaches every file of the build
 * (the app, its lazy chunks, the worker, the picture), so the app keeps working offline once
 * it has loaded. The cache name carries a hash of the file list, so a new build replaces it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'pointwise-service-worker',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const files = listFiles(dir).filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = SW_SOURCE.replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)])).replace('__VERSION__', version);
      writeFileSync(join(dir, 'sw.js'), source);
    },
  };
}

/** The worker itself, plain JavaScript (it runs as it is written). */
const SW_SOURCE = `// pointwise service worker: precache the build, serve it when offline.
const CACHE = 'pointwise-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('pointwise-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network when it answers (a new build), else the cached copy.
    event.respondWith(fetch(request).catch(() => caches.match('./', { ignoreSearch: true, ignoreVary: true }).then((r) => r || caches.match('./index.html', { ignoreVary: true }))));
    return;
  }
  // Hashed files never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)));
});
`;

// Berth's service worker: precaches every file of one build, serves them
// cache-first, and keeps one cache per build. scripts/sw-build fills in the
// version and the file list from dist/ at build time.
"use strict";
const VERSION = "__BERTH_VERSION__";
const FILES = __BERTH_FILES__;
const CACHE = "berth-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
  // No skipWaiting here: a page keeps the build it started with until the
  // user accepts the new one, so two builds' files never mix.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("berth-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "berth:skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Any scenario URL is the same page: answer with this build's index.html.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("./index.html")).then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request))
  );
});

/* Service worker of the visit recorded on a phone (scope /enforcement/): the visit page, the data of the
   officer's area (enterprises, officers, checklist, clauses) and the page's scripts and styles are kept so
   that the page opens and works with no network. Pages, data, scripts and styles: the network first, the
   kept copy when there is none. Nothing is sent from here: posting is the page's. */
"use strict";
var CACHE = "emgov-visit-v1";
var SCOPE = new URL(self.registration.scope);
var RECORD = SCOPE.pathname + "visits/record/";
var OFFLINE_DATA = RECORD + "offline.json";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll([RECORD, OFFLINE_DATA]); }).catch(function () {})
  );
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function kept(request) {
  return caches.match(request, { ignoreSearch: request.mode === "navigate" }).then(function (found) {
    return found || (request.mode === "navigate" ? caches.match(RECORD) : undefined);
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () { return kept(request); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === RECORD || url.pathname === OFFLINE_DATA) {
    event.respondWith(networkFirst(request));
  }
});

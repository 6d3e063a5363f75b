// On a first visit, starts downloading the data the address shows while the app's WebAssembly
// is still downloading, so the two arrive together instead of one after the other. The app's
// own request (gloo-net) then takes the preloaded response.
// Skipped when a service worker controls the page: the data then comes from the device, and
// WebKitGTK answers a preload from the network, past the worker, which broke offline reloads.
// The addresses mirror the app's routes (src/app.rs); tests/e2e/tests/early_data.rs checks that
// every one of these preloads is the request the app makes.
(function () {
  "use strict";
  if (navigator.serviceWorker && navigator.serviceWorker.controller) {
    return;
  }
  var path = location.pathname.replace(/\/+$/, "");
  var post = /^\/posts\/([a-z0-9-]+)$/.exec(path);
  var url = null;
  if (post && post[1] !== "index") {
    url = "/data/posts/" + post[1] + ".json";
  } else if (path === "" || path === "/posts") {
    url = "/data/posts/index.json";
  } else if (/^\/(league-table|compare|about|inspections\/[^/]+)$/.test(path)) {
    url = "/data/ratings.json";
  }
  if (url === null) {
    return;
  }
  var link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  // The app's fetch is a same-origin CORS request; a preload must say so to be reused by it.
  link.crossOrigin = "anonymous";
  link.href = url;
  document.head.appendChild(link);
})();

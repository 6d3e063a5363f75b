// Replaces index.html's loading message with its "could not start" panel when the browser has no
// WebAssembly, or when the app's loader fails before the app has mounted (a file that did not
// download, a module that would not compile), so the page never just says "Loading" forever.
// Once the app runs, an error that stops its WebAssembly (a Rust panic, which the release build
// turns into a trap) shows index.html's "something went wrong" panel above the page instead.
// A file rather than an inline script, so a Content Security Policy of script-src 'self' allows it.
(function () {
  "use strict";

  function show(reason) {
    var panel = document.getElementById("boot-failed");
    var boot = document.querySelector("#app .boot");
    // Once the app has mounted it has replaced both; a later error is its own to report.
    if (!panel || !boot || !panel.hidden) {
      return;
    }
    if (reason) {
      document.getElementById("boot-failed-reason").textContent = reason;
    }
    boot.parentNode.removeChild(boot);
    // Styled and announced as an error only now: hidden, it must not look like one to anybody.
    panel.className = "error-panel";
    panel.setAttribute("role", "alert");
    panel.hidden = false;
  }

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    show(null); // index.html's own text says WebAssembly is unavailable
    return;
  }

  var failed =
    "On Probation could not start: part of the app did not download or would not run. " +
    "Reloading the page may help.";
  // The capture phase also sees scripts and modules that failed to download.
  window.addEventListener("error", function () { show(failed); }, true);
  window.addEventListener("unhandledrejection", function () { show(failed); });
  // WebKit reports neither when the loader's top-level await fails (a wasm that will not
  // compile): by then the page has loaded everything, so a few seconds later an app that has
  // not mounted has failed. Were it only slow, mounting would still replace this message.
  window.addEventListener("load", function () {
    setTimeout(function () { show(failed); }, 5000);
  });

  // A trap surfaces as a WebAssembly.RuntimeError from whatever called into the app: an event
  // handler (an "error" event) or a promise callback (an "unhandledrejection").
  function stopped(error) {
    var panel = document.getElementById("panic-panel");
    // Before the app has mounted (the start panel is still in the page) the start panel says it.
    if (!(error instanceof WebAssembly.RuntimeError) || !panel || document.getElementById("boot-failed")) {
      return;
    }
    panel.className = "error-panel panic-panel";
    panel.setAttribute("role", "alert");
    panel.hidden = false;
  }
  window.addEventListener("error", function (event) { stopped(event.error); });
  window.addEventListener("unhandledrejection", function (event) { stopped(event.reason); });
})();

/* A survey's free texts: keep "N of M characters used" up to date as the
 * respondent types. Without this script the limit is shown and the browser
 * stops at it; the count then shows what the page was given. */
(function () {
  "use strict";

  // As the server counts: a line break is one character.
  function length(text) {
    return text.replace(/\r\n/g, "\n").trim().length;
  }

  function enhance(area) {
    var counter = document.getElementById(area.getAttribute("data-char-count"));
    if (!counter) return;
    var template = counter.getAttribute("data-template") || "";
    function update() {
      counter.textContent = template.replace("{count}", String(length(area.value)));
    }
    area.addEventListener("input", update);
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-char-count]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

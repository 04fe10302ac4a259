/* The module page: how far the learner has read, which section they are in,
 * and (signed in) remembering that section so "Continue" can lead back to it.
 * Without this script the page works the same, minus the progress bar. */
(function () {
  "use strict";
  var article = document.querySelector(".module");
  if (!article) return;
  var bar = article.querySelector(".reading-progress");
  var places = Array.prototype.slice.call(
    article.querySelectorAll('.lesson [id^="section-"], #quiz')
  );
  var contents = {};
  Array.prototype.forEach.call(
    document.querySelectorAll(".lesson-contents a[href^='#']"),
    function (link) { contents[link.getAttribute("href").slice(1)] = link; }
  );
  var saver = document.querySelector("[data-reading-position]");
  var current = null;
  var saved = null;
  var timer = null;
  var scheduled = false;

  function sectionOf(id) {
    return id === "quiz" ? "quiz" : id.replace(/^section-/, "");
  }

  function save(useBeacon) {
    if (!saver || !current || current === saved) return;
    var data = new FormData();
    data.append("section", sectionOf(current));
    data.append("csrfmiddlewaretoken", saver.getAttribute("data-csrf-token"));
    var url = saver.getAttribute("data-reading-position");
    saved = current;
    if (useBeacon && navigator.sendBeacon) {
      navigator.sendBeacon(url, data);
      return;
    }
    fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: true })
      .catch(function () { saved = null; });
  }

  function update() {
    scheduled = false;
    var rect = article.getBoundingClientRect();
    var seen = window.innerHeight - rect.top;
    var percent = Math.max(0, Math.min(100, Math.round((100 * seen) / rect.height)));
    if (bar) bar.value = percent;
    // The section is the last heading above the upper third of the screen.
    var line = window.innerHeight / 3;
    var reached = null;
    places.forEach(function (place) {
      if (place.getBoundingClientRect().top <= line) reached = place.id;
    });
    if (reached === current) return;
    if (current && contents[current]) contents[current].removeAttribute("aria-current");
    current = reached;
    if (current && contents[current]) contents[current].setAttribute("aria-current", "location");
    // Saved once the learner stays a moment, not for every heading scrolled past.
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { save(false); }, 1500);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(update);
  }

  if (bar) bar.hidden = false;
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  window.addEventListener("pagehide", function () { save(true); });
  update();
})();

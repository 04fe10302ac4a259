/* The LMS's launch parameters (cmi5) travel with the learner to the lesson in
   the language they choose. */
(function () {
  "use strict";
  if (!window.location.search) {
    return;
  }
  document.querySelectorAll("a[data-keep-launch]").forEach(function (link) {
    link.setAttribute("href", link.getAttribute("href") + window.location.search);
  });
})();

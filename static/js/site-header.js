/* On narrow screens the main menu folds behind a "Menu" button, so the header
 * stays one line. Without this script the menu is simply always shown. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var toggle = header && header.querySelector(".menu-toggle");
  var menu = document.getElementById("site-menu");
  if (!toggle || !menu) return;
  header.classList.add("site-header--folding");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("site-header--open", open);
    if (open) {
      var first = menu.querySelector("a, button, input");
      if (first) first.focus();
    }
  });
  // Escape closes whichever header menu is open and returns to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (header.classList.contains("site-header--open")) {
      toggle.setAttribute("aria-expanded", "false");
      header.classList.remove("site-header--open");
      toggle.focus();
    }
    var languages = header.querySelector(".language-menu[open]");
    if (languages) {
      languages.open = false;
      languages.querySelector("summary").focus();
    }
  });
  // A click elsewhere closes the language menu, as a menu does.
  document.addEventListener("click", function (event) {
    var languages = header.querySelector(".language-menu[open]");
    if (languages && !languages.contains(event.target)) languages.open = false;
  });
})();

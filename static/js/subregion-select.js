/* A sub-region select (data-subregion-select names the region field of the
 * same form) offers only the sub-regions of the region chosen there; with no
 * region chosen, all of them. Without this script every sub-region is offered,
 * grouped by region, and the form refuses one of another region with a
 * message. Each option carries its region in data-region. */
(function () {
  "use strict";

  function regionOf(group) {
    var option = group.querySelector("option[data-region]");
    return option ? option.getAttribute("data-region") : null;
  }

  function enhance(select) {
    var form = select.form;
    var region = form ? form.elements.namedItem(select.getAttribute("data-subregion-select")) : null;
    if (!region || !region.addEventListener) return;
    // Every group as the page gave it, in its order: the list is rebuilt from these.
    var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup"));

    function update() {
      var chosen = region.value;
      var selected = select.value;
      groups.forEach(function (group) {
        if (group.parentNode === select) select.removeChild(group);
      });
      var offered = groups.filter(function (group) {
        return !chosen || regionOf(group) === chosen;
      });
      offered.forEach(function (group) {
        select.appendChild(group);
      });
      var kept = Array.prototype.some.call(select.options, function (option) {
        return option.value === selected;
      });
      select.value = kept ? selected : "";
      // A region without sub-regions: nothing to choose.
      select.disabled = offered.length === 0;
    }

    region.addEventListener("change", update);
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-subregion-select]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* On narrow screens each table row becomes a card: every cell carries its
 * column's heading (data-label, shown by the stylesheet), so nothing scrolls
 * sideways. Without this script tables scroll inside their own region. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("table.table"), function (table) {
    var headings = table.querySelectorAll("thead tr:last-child th");
    if (!headings.length) return;
    var labels = Array.prototype.map.call(headings, function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (labels[index]) cell.setAttribute("data-label", labels[index]);
      });
    });
    table.classList.add("table--stacked");
  });
})();

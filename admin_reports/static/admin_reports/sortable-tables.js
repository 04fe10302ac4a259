/*
 * Sortable report tables: a progressive enhancement of tables marked
 * `data-sortable`. Each column heading becomes a button; activating it sorts
 * the rows by that column, ascending then descending, and `aria-sort` on the
 * heading says how the table is sorted. Without this script the table stays
 * in the order the server gave.
 *
 * What a cell sorts by: its `data-sort-value` if it has one (dates, as ISO),
 * else its text, read as a number with the separators the table declares
 * (`data-decimal-separator`, `data-thousand-separator`, as the page's language
 * writes numbers) or else compared as words. Cells marked `data-sort-last`
 * (a hidden figure, nothing to count) stay below the others whichever way the
 * column is sorted: their size is unknown, and placing them would hint at it.
 * The words announced after sorting come from the table too
 * (`data-sorted-ascending`, `data-sorted-descending`), already translated.
 */
(function () {
  "use strict";

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function numberReader(table) {
    const decimal = table.dataset.decimalSeparator || ".";
    const thousand = table.dataset.thousandSeparator || ",";
    // A space as the group separator may come as a no-break or narrow no-break space.
    const groups = /\s/.test(thousand)
      ? /[\s\u00a0\u202f]/g
      : new RegExp(escapeRegExp(thousand), "g");
    return function (text) {
      let number = text.trim().replace(/%$/, "").replace(groups, "");
      if (decimal !== ".") {
        number = number.split(decimal).join(".");
      }
      return /^[-\u2212]?\d+(\.\d+)?$/.test(number) ? Number(number.replace("\u2212", "-")) : null;
    };
  }

  function sortKey(cell) {
    return cell.dataset.sortValue !== undefined ? cell.dataset.sortValue : cell.textContent;
  }

  function enhance(table) {
    const head = table.tHead && table.tHead.rows[0];
    const body = table.tBodies[0];
    if (!head || !body || body.rows.length < 2) {
      return;
    }
    const readNumber = numberReader(table);
    const collator = new Intl.Collator(document.documentElement.lang || undefined, {
      numeric: true,
      sensitivity: "base",
    });
    const status = document.createElement("p");
    status.className = "w-sr-only";
    status.setAttribute("role", "status");
    table.insertAdjacentElement("afterend", status);
    const headings = Array.from(head.cells);

    function sortBy(index, direction) {
      const rows = Array.from(body.rows).map(function (row, position) {
        const cell = row.cells[index];
        return { row: row, position: position, cell: cell, last: !cell || "sortLast" in cell.dataset };
      });
      const ranked = rows.filter(function (item) { return !item.last; });
      const numbers = ranked.map(function (item) { return readNumber(sortKey(item.cell)); });
      const numeric = numbers.every(function (number) { return number !== null; });
      ranked.forEach(function (item, n) {
        item.key = numeric ? numbers[n] : sortKey(item.cell).trim();
      });
      const sign = direction === "ascending" ? 1 : -1;
      ranked.sort(function (a, b) {
        const order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
        return sign * order || a.position - b.position;
      });
      const fragment = document.createDocumentFragment();
      ranked.concat(rows.filter(function (item) { return item.last; })).forEach(function (item) {
        fragment.appendChild(item.row);
      });
      body.appendChild(fragment);
      headings.forEach(function (heading, n) {
        if (n === index) {
          heading.setAttribute("aria-sort", direction);
        } else {
          heading.removeAttribute("aria-sort");
        }
      });
      const words = direction === "ascending" ? table.dataset.sortedAscending : table.dataset.sortedDescending;
      status.textContent = headings[index].textContent.trim() + ": " + (words || direction);
    }

    headings.forEach(function (heading, index) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "report-sort";
      while (heading.firstChild) {
        button.appendChild(heading.firstChild);
      }
      const icon = document.createElement("span");
      icon.className = "report-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      heading.appendChild(button);
      button.addEventListener("click", function () {
        const ascending = heading.getAttribute("aria-sort") === "ascending";
        sortBy(index, ascending ? "descending" : "ascending");
      });
    });
  }

  function init() {
    document.querySelectorAll("table[data-sortable]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

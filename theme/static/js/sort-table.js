/* Sortable tables, as a progressive enhancement.
 * Every <table class="sortable"> is complete and readable without this script.
 * It turns each <th scope="col" data-sort="text|number"> into a button; a cell's
 * sort key is its data-sort-value (empty = no value, always listed last), else its
 * text. The current order is announced with aria-sort on the header.
 */
(function () {
  "use strict";
  var collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

  function key(cell, type) {
    var raw = cell.hasAttribute("data-sort-value")
      ? cell.getAttribute("data-sort-value")
      : cell.textContent.trim();
    if (raw === "") return null;
    if (type === "number") {
      var n = parseFloat(raw.replace(/\s/g, "").replace(",", "."));
      return isNaN(n) ? null : n;
    }
    return raw;
  }

  function sortBy(table, index, type, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var ka = key(a.cells[index], type);
      var kb = key(b.cells[index], type);
      if (ka === null && kb === null) return 0;
      if (ka === null) return 1;
      if (kb === null) return -1;
      var d = type === "number" ? ka - kb : collator.compare(ka, kb);
      return ascending ? d : -d;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhance(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var type = th.getAttribute("data-sort");
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          if (other !== th) other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sortBy(table, index, type, ascending);
      });
    });
    table.classList.add("is-sortable");
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
})();

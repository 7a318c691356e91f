/*
 * Charter: sorting and filtering for the generated tables marked data-charter-sortable.
 *
 * Sorting is tablesort (vendored from npm into vendor/tablesort.min.js): column headings
 * become focusable and sort on click or Enter, and announce their order with aria-sort.
 * The filter box is added here, only when scripts run, so without JavaScript the table
 * is simply complete.
 */
(function () {
  "use strict";

  function setUp(table) {
    if (table.getAttribute("data-charter-ready")) {
      return;
    }
    table.setAttribute("data-charter-ready", "1");
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    var caption = table.caption ? table.caption.textContent : "the table";

    if (window.Tablesort && rows.length > 1) {
      new window.Tablesort(table);
      if (table.caption) {
        var hint = document.createElement("span");
        hint.className = "charter-sr-only";
        hint.textContent = " (select a column heading to sort by it)";
        table.caption.appendChild(hint);
      }
    }

    var wrap = table.closest(".charter-table-wrap") || table;
    var box = document.createElement("div");
    box.className = "charter-filter";
    var label = document.createElement("label");
    label.setAttribute("for", table.id + "-filter");
    label.textContent = "Filter " + caption.charAt(0).toLowerCase() + caption.slice(1);
    var input = document.createElement("input");
    input.type = "search";
    input.id = table.id + "-filter";
    input.setAttribute("aria-controls", table.id);
    input.setAttribute("autocomplete", "off");
    input.spellcheck = false;
    var status = document.createElement("span");
    status.className = "charter-filter__status";
    status.setAttribute("role", "status");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    wrap.parentNode.insertBefore(box, wrap);

    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = words.length ? shown + " of " + rows.length + " rows shown" : "";
    });
  }

  function init() {
    var tables = document.querySelectorAll("table[data-charter-sortable]");
    Array.prototype.forEach.call(tables, setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

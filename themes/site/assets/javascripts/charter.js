/*
 * Charter: sorting and filtering for the generated tables marked data-charter-sortable,
 * and a cue on every table that is too wide for its box.
 *
 * Each heading of a sortable table gets a button (Space and Enter sort, like a click)
 * and aria-sort ("none", "ascending" or "descending"). Summary rows (a register's public
 * groups, class charter-summary-row) stay below the rows they summarise and are not
 * counted. The filter box is added here, only when scripts run, so without JavaScript the
 * table is simply complete.
 */
(function () {
  "use strict";

  // Charter's words in the page's language (the page template writes them as JSON); English without them.
  var WORDS = (function () {
    var element = document.getElementById("charter-words");
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  })();

  function word(key, english, fields) {
    var text = WORDS[key] || english;
    Object.keys(fields || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(fields[name]);
    });
    return text;
  }

  var collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
    sensitivity: "base",
  });

  function sortValue(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return "";
    }
    var value = cell.getAttribute("data-sort");
    return value !== null ? value : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = Number(a);
    var y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) {
      return x - y;
    }
    return collator.compare(a, b);
  }

  // Sorts the rows by one column; returns the function, for the headings' buttons and the
  // phone's "Sort by" menu to share.
  function makeSortable(table, rows, summaries) {
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];

    function sortBy(index, ascending) {
      headings.forEach(function (other) {
        other.setAttribute("aria-sort", "none");
      });
      headings[index].setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var order = rows.slice().sort(function (a, b) {
        var result = compare(sortValue(a, index), sortValue(b, index));
        return (ascending ? result : -result) || rows.indexOf(a) - rows.indexOf(b);
      });
      order.concat(summaries).forEach(function (row) {
        body.appendChild(row);
      });
    }

    headings.forEach(function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "charter-sort";
      while (heading.firstChild) {
        button.appendChild(heading.firstChild);
      }
      heading.appendChild(button);
      heading.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        sortBy(index, heading.getAttribute("aria-sort") !== "ascending");
      });
    });
    return sortBy;
  }

  // On a phone a card table hides its heading row, so it sorts from a menu instead.
  function addSortMenu(table, box, sortBy) {
    var label = document.createElement("label");
    label.className = "charter-filter__sort";
    label.appendChild(document.createTextNode(word("sort_by", "Sort by") + " "));
    var select = document.createElement("select");
    var none = document.createElement("option");
    none.value = "";
    none.textContent = word("as_published", "as published");
    select.appendChild(none);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, index) {
      var abbr = heading.querySelector("abbr");
      var name = abbr ? abbr.title : heading.textContent.trim();
      [
        ["a", word("ascending", "{column} (ascending)", { column: name })],
        ["d", word("descending", "{column} (descending)", { column: name })],
      ].forEach(function (way) {
        var option = document.createElement("option");
        option.value = index + way[0];
        option.textContent = way[1];
        select.appendChild(option);
      });
    });
    select.addEventListener("change", function () {
      if (select.value) {
        sortBy(parseInt(select.value, 10), select.value.slice(-1) === "a");
      }
    });
    label.appendChild(select);
    box.appendChild(label);
  }

  function addFilter(table, rows, summaries) {
    var caption = table.caption ? table.caption.textContent.trim() : word("the_table", "the table");
    var noun = (table.getAttribute("data-charter-noun") || word("row", "row") + "|" + word("rows", "rows")).split(
      "|"
    );
    var wrap = table.closest(".charter-table-wrap") || table;
    var box = document.createElement("div");
    box.className = "charter-filter";
    var label = document.createElement("label");
    label.setAttribute("for", table.id + "-filter");
    label.textContent = word("filter", "Filter {table}", {
      table: caption.charAt(0).toLowerCase() + caption.slice(1),
    });
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
      function matches(row) {
        var text = row.textContent.toLowerCase();
        return words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
      }
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) {
          shown += 1;
        }
      });
      summaries.forEach(function (row) {
        row.hidden = words.length > 0 && !matches(row);
      });
      var total = rows.length + " " + (rows.length === 1 ? noun[0] : noun[1]);
      status.textContent = words.length
        ? word("shown", "{shown} of {total} shown", { shown: shown, total: total })
        : "";
    });
    return box;
  }

  function setUp(table) {
    if (table.getAttribute("data-charter-ready")) {
      return;
    }
    table.setAttribute("data-charter-ready", "1");
    var body = table.tBodies[0];
    if (!body || !table.tHead) {
      return;
    }
    var all = Array.prototype.slice.call(body.rows);
    var rows = all.filter(function (row) {
      return !row.classList.contains("charter-summary-row");
    });
    var summaries = all.filter(function (row) {
      return row.classList.contains("charter-summary-row");
    });
    var sortBy = rows.length > 1 ? makeSortable(table, rows, summaries) : null;
    var box = addFilter(table, rows, summaries);
    if (sortBy && table.classList.contains("charter-table--cards")) {
      addSortMenu(table, box, sortBy);
    }
  }

  // A box too wide for the page scrolls sideways: say so, in words beside it.
  function watchWidth(wrap) {
    if (wrap.getAttribute("data-charter-watched")) {
      return;
    }
    wrap.setAttribute("data-charter-watched", "1");
    var cue = document.createElement("p");
    cue.className = "charter-scroll-cue";
    cue.textContent = word("scroll", "Scroll sideways to see the whole table →");
    cue.hidden = true;
    wrap.parentNode.insertBefore(cue, wrap.nextSibling);
    function update() {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("charter-scrolls", scrolls);
      if (scrolls) {
        wrap.setAttribute("data-charter-scrolls", "");
      } else {
        wrap.removeAttribute("data-charter-scrolls");
      }
      cue.hidden = !scrolls;
    }
    update();
    if (window.ResizeObserver) {
      new ResizeObserver(update).observe(wrap);
    }
  }

  function init() {
    var tables = document.querySelectorAll("table[data-charter-sortable]");
    Array.prototype.forEach.call(tables, setUp);
    var wraps = document.querySelectorAll(".charter-table-wrap");
    Array.prototype.forEach.call(wraps, watchWidth);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

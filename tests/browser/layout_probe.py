"""What a reader sees of a view, measured in the page: the JavaScript behind tests/browser/test_layout.py.

Each probe is one function that ``page.evaluate`` runs; it returns plain data (numbers and
strings), and the tests decide what is a failure. ``tests/browser/test_layout_probe.py``
runs every probe on small handmade pages, one that should pass and one that should fail,
so a probe that measures nothing cannot hide a broken layout.

The contracts the site must meet, as these probes read them:

- **A view box** is a ``.charter-table-wrap`` (the scroll region around a generated table),
  a ``.charter-diagram`` figure, or a ``.charter-diagram__scroll`` inside one. A box
  clips its content when ``scrollWidth > clientWidth + 1``.
- **A box that scrolls says so.** When a box's ``scrollWidth > clientWidth + 1`` it has
  ``tabindex="0"``, an accessible name (``aria-label`` or ``aria-labelledby`` pointing at
  text), the attribute ``data-charter-scrolls`` (charter.js sets it when the box
  overflows and removes it when it no longer does, on load and on resize), and a
  *visible cue*: a ``::before`` or ``::after`` pseudo-element of the box or of its parent
  with ``content`` other than ``none`` and a non-zero size, or a visible element of class
  ``charter-scroll-cue`` inside the box or beside it (a sibling). A box that does not
  overflow carries no ``data-charter-scrolls``.
- **Sticky first column and header.** When a table box scrolls sideways and is scrolled
  to its right end, the first cell of every row in view still lies inside the box and
  is the topmost element at its centre (not covered by the cells scrolling under it).
  When the table is taller than the window and the page is scrolled to its middle, the
  header cells above the visible columns are still in view and topmost.
- **IDs are one unit.** Any element of the article whose whole text looks like an ID
  (:data:`ID_PATTERN`) is laid out on one line.
- **Diagram text** in a view's SVG never overlaps other text (by more than 1 px each
  way), and is drawn at least 12 px tall (font size × the SVG's screen scale).
"""

from __future__ import annotations

ID_PATTERN = r"^[A-Z][A-Z0-9]{0,7}(?:-[A-Z0-9]{1,16})+$"
"""The text of an entity ID: R-PIR-01, OBJ-10, AG-COASTGUARD, ACT-31."""

VIEW_BOXES = ".charter-table-wrap, .charter-diagram, .charter-diagram__scroll"
"""The selectors of the boxes a view is drawn in."""

SETTLED = """() => document.readyState === "complete" &&
  [...document.querySelectorAll(".md-sidebar__scrollwrap")]
    .every(wrap => wrap.offsetParent === null || wrap.style.height !== "" ||
                   getComputedStyle(wrap.closest(".md-sidebar") || wrap).position === "fixed")"""
"""True once Material's script has sized the sidebars (see tests/browser/conftest.py LAID_OUT); on a
phone the navigation is a fixed drawer that Material never sizes."""

TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

_NAME = """
function boxName(el) {
  const table = el.querySelector && el.querySelector("table");
  const caption = table && table.caption ? table.caption.textContent : null;
  const label = el.getAttribute("aria-label");
  const by = el.getAttribute("aria-labelledby");
  const byText = by ? by.split(/\\s+/).map(id => document.getElementById(id))
    .filter(Boolean).map(n => n.textContent).join(" ") : "";
  const svgTitle = el.querySelector && el.querySelector("svg > title");
  const text = caption || label || byText || (svgTitle && svgTitle.textContent) || el.className || el.tagName;
  return text.replace(/\\s+/g, " ").trim().slice(0, 80);
}
function columnsOf(table) {
  let most = 0;
  for (const row of table.rows) {
    let n = 0;
    for (const cell of row.cells) n += cell.colSpan || 1;
    most = Math.max(most, n);
  }
  return most;
}
function shown(el) {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden";
}
"""

BOXES = (
    "(selector) => {"
    + _NAME
    + """
  function cue(el) {
    for (const host of [el, el.parentElement]) {
      if (!host) continue;
      for (const which of ["::before", "::after"]) {
        const s = getComputedStyle(host, which);
        const content = s.content;
        if (content && content !== "none" && content !== "normal" && s.display !== "none" &&
            s.visibility !== "hidden" && parseFloat(s.opacity || "1") > 0 &&
            (parseFloat(s.width) > 0 || parseFloat(s.height) > 0 || (s.width === "auto" && content !== '""'))) {
          return `${host === el ? "box" : "parent"}${which}`;
        }
      }
    }
    const near = [...el.querySelectorAll(".charter-scroll-cue")];
    if (el.parentElement) near.push(...[...el.parentElement.children].filter(c => c.matches(".charter-scroll-cue")));
    const visible = near.find(shown);
    return visible ? ".charter-scroll-cue" : null;
  }
  function label(el) {
    if ((el.getAttribute("aria-label") || "").trim()) return "aria-label";
    const by = el.getAttribute("aria-labelledby");
    if (by && by.split(/\\s+/).some(id => (document.getElementById(id) || {}).textContent)) return "aria-labelledby";
    return null;
  }
  const page = document.documentElement.clientWidth;
  return [...document.querySelectorAll(selector)].filter(shown).map(el => {
    const table = el.matches(".charter-table-wrap") ? el.querySelector("table") : null;
    const r = el.getBoundingClientRect();
    return {
      kind: table ? "table" : "diagram",
      cls: el.className,
      figure_cls: (el.closest(".charter-diagram") || {className: ""}).className,
      name: boxName(el),
      table_class: table ? table.className : "",
      columns: table ? columnsOf(table) : 0,
      scroll_width: el.scrollWidth,
      client_width: el.clientWidth,
      scroll_left: el.scrollLeft,
      left: r.left, right: r.right, page_width: page,
      column_right: (el.parentElement.closest("article, .md-content__inner") || document.body)
        .getBoundingClientRect().right,
      tabindex: el.getAttribute("tabindex"),
      label: label(el),
      scrolls_attr: el.hasAttribute("data-charter-scrolls") || el.classList.contains("charter-scrolls"),
      cue: cue(el),
    };
  });
}"""
)
"""Every view box of the page: its size, whether it scrolls, and how it says so."""

STICKY = (
    "() => {"
    + _NAME
    + """
  const out = [];
  const wraps = [...document.querySelectorAll(".charter-table-wrap")]
    .filter(w => shown(w) && w.querySelector("table") && w.scrollWidth > w.clientWidth + 1);
  for (const wrap of wraps) {
    const table = wrap.querySelector("table");
    const name = boxName(wrap);
    wrap.style.scrollBehavior = "auto";
    document.documentElement.style.scrollBehavior = "auto";
    // the page scrolled so that the table's middle is in view (or, for a box that also scrolls
    // down, the box in view and scrolled to its middle), then the box scrolled to its right end
    const own = wrap.scrollHeight > wrap.clientHeight + 1;
    const tall = own || table.getBoundingClientRect().height > window.innerHeight;
    const top = (own ? wrap : table).getBoundingClientRect().top + window.scrollY;
    const middle = own || !tall ? top - 80 : top + table.getBoundingClientRect().height / 2 - window.innerHeight / 2;
    window.scrollTo({top: Math.max(0, middle), left: 0, behavior: "instant"});
    if (own) wrap.scrollTop = (wrap.scrollHeight - wrap.clientHeight) / 2;
    wrap.scrollLeft = wrap.scrollWidth;
    const outer = wrap.getBoundingClientRect();
    const left = outer.left + wrap.clientLeft, top2 = outer.top + wrap.clientTop;
    // the box's visible inside, without its scrollbars
    const box = {left, right: left + wrap.clientWidth, top: top2, bottom: top2 + wrap.clientHeight};
    const failures = [];
    let checked = 0;
    // rows are checked below what legitimately covers them: the site's fixed header and the table's own
    const bar = document.querySelector(".md-header");
    const barBottom = bar && ["fixed", "sticky"].includes(getComputedStyle(bar).position) ?
      bar.getBoundingClientRect().bottom : 0;
    const headRows = table.tHead && shown(table.tHead) ? [...table.tHead.rows] : [];
    // (the header's cells, not the thead: sticky cells move, the row group they belong to does not)
    const headCells = headRows.flatMap(row => [...row.cells]);
    const headBottom = Math.max(0, ...headCells.map(c => c.getBoundingClientRect().bottom));
    const ceiling = Math.max(0, barBottom, headBottom > box.top ? headBottom : 0, box.top);
    const inView = r => r.top >= ceiling - 1 && r.bottom <= Math.min(window.innerHeight, box.bottom) + 1;
    const topmostIn = (cell, r) => {
      const x = Math.min(Math.max(r.left + r.width / 2, box.left + 1), box.right - 1);
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === cell || cell.contains(hit));
    };
    const coverName = (cell, r) => {
      const x = Math.min(Math.max(r.left + r.width / 2, box.left + 1), box.right - 1);
      const hit = document.elementFromPoint(x, r.top + r.height / 2);
      if (!hit) return "nothing";
      return `${hit.tagName.toLowerCase()}.${[...hit.classList].join(".")} "${hit.textContent.trim().slice(0, 20)}"`;
    };
    for (const row of table.tBodies.length ? [...table.tBodies].flatMap(b => [...b.rows]) : [...table.rows]) {
      if (!shown(row) || !row.cells.length) continue;
      const cell = row.cells[0];
      const r = cell.getBoundingClientRect();
      if (!inView(r)) continue;
      checked += 1;
      const inside = r.left >= box.left - 1 && r.right <= box.right + 1;
      if (!inside || !topmostIn(cell, r)) {
        failures.push(`first cell "${cell.textContent.trim().slice(0, 30)}" at x ${Math.round(r.left)}..` +
          `${Math.round(r.right)}, box x ${Math.round(box.left)}..${Math.round(box.right)}` +
          (inside ? ` (covered by ${coverName(cell, r)})` : ""));
      }
    }
    let header = null;
    const head = headRows.length ? headRows[headRows.length - 1] : null;
    if (head && tall) {
      header = [];
      // each header cell is tested at the middle of its part not under the (sticky) corner cell
      const corner = head.cells[0].getBoundingClientRect();
      const from = corner.left >= box.left - 1 ? Math.max(box.left, corner.right) : box.left;
      for (const [i, cell] of [...head.cells].entries()) {
        const r = cell.getBoundingClientRect();
        const l = i === 0 ? r.left : Math.max(r.left, from), rr = Math.min(r.right, box.right);
        if (rr - l < 4) continue;
        const part = {left: l, width: rr - l, top: r.top, height: r.height};
        const visible = r.top >= 0 && r.bottom <= window.innerHeight && topmostIn(cell, part);
        if (!visible) header.push(`header "${cell.textContent.trim().slice(0, 30)}" at y ` +
          `${Math.round(r.top)}..${Math.round(r.bottom)} (window 0..${window.innerHeight})`);
      }
    }
    out.push({name, scroll_width: wrap.scrollWidth, client_width: wrap.clientWidth,
              scroll_left: wrap.scrollLeft, rows_checked: checked, rows: failures, header});
    wrap.scrollLeft = 0;
    wrap.scrollTop = 0;
  }
  window.scrollTo({top: 0, left: 0, behavior: "instant"});
  return out;
}"""
)
"""For each table box that scrolls sideways: what is lost when a reader scrolls it to its end."""

IDS = """(pattern) => {
  const re = new RegExp(pattern);
  // a row or list joins its cells' text with no space ("ACT-01" + "R" reads "ACT-01R"): only inline holders count
  const BLOCKS = "table, thead, tbody, tfoot, tr, ul, ol, dl, figure, section, div, details, nav";
  const root = document.querySelector("article") || document.body;
  const split = [];
  let count = 0;
  for (const el of root.querySelectorAll("*")) {
    if (el.closest("svg, script, style, .md-source-file, .headerlink") || el.matches(BLOCKS)) continue;
    const text = el.textContent.trim();
    if (!re.test(text)) continue;
    if ([...el.children].some(c => c.textContent.trim() === text)) continue;  // the innermost holder only
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    count += 1;
    const tops = [...new Set(rects.map(r => Math.round(r.top)))].sort((a, b) => a - b);
    const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 2).length;
    if (lines > 1) {
      const cell = el.closest("td, th, li, p, dd");
      split.push({id: text, lines, tops, where: cell ? cell.tagName.toLowerCase() : el.tagName.toLowerCase(),
                  width: Math.round((cell || el).getBoundingClientRect().width)});
    }
  }
  return {count, split};
}"""
"""Every ID-looking text in the article, and those laid out on more than one line."""

SVG_TEXT = (
    "(minimum) => {"
    + _NAME
    + """
  const out = [];
  for (const figure of document.querySelectorAll(".charter-diagram")) {
    for (const svg of figure.querySelectorAll("svg")) {
      if (!shown(svg)) continue;
      const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim() && shown(t));
      const boxes = texts.map(t => t.getBoundingClientRect());
      const overlaps = [];
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = boxes[i], b = boxes[j];
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx > 1 && dy > 1) {
            const [one, two] = [texts[i], texts[j]].map(t => t.textContent.trim().slice(0, 30));
            overlaps.push(`"${one}" and "${two}" overlap ${dx.toFixed(1)} x ${dy.toFixed(1)} px`);
          }
        }
      }
      const small = [];
      let smallest = Infinity;
      for (const t of texts) {
        const m = t.getScreenCTM();
        const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        smallest = Math.min(smallest, px);
        if (px < minimum - 0.05) small.push(`"${t.textContent.trim().slice(0, 30)}" ${px.toFixed(1)} px`);
      }
      out.push({name: boxName(figure), texts: texts.length, overlaps, small,
                smallest: texts.length ? Math.round(smallest * 10) / 10 : null});
    }
  }
  return out;
}"""
)
"""For each view SVG: which of its texts overlap, and which are drawn smaller than ``minimum`` px."""

CARDS = (
    "() => {"
    + _NAME
    + """
  return [...document.querySelectorAll("table.charter-table--register")].filter(shown).map(table => {
    const wrap = table.closest(".charter-table-wrap") || table.parentElement;
    const tw = table.getBoundingClientRect().width;
    const page = document.documentElement.clientWidth;
    const rows = [...table.tBodies].flatMap(b => [...b.rows]).map(row => {
      const r = row.getBoundingClientRect();
      const cells = [...row.cells].filter(c => c.textContent.trim());
      const tops = cells.map(c => Math.round(c.getBoundingClientRect().top));
      const stacked = tops.every((t, i) => i === 0 || t > tops[i - 1]);
      const lost = cells.filter(c => {
        const cr = c.getBoundingClientRect();
        return !shown(c) || cr.left < -1 || cr.right > page + 1;
      }).map(c => c.textContent.trim().slice(0, 30));
      const first = row.cells[0];
      const fr = first ? first.getBoundingClientRect() : null;
      return {id: first ? first.textContent.trim() : "", width: Math.round(r.width),
              display: getComputedStyle(row).display, stacked, tops, lost,
              id_visible: !!fr && shown(first) && fr.left >= -1 && fr.right <= page + 1};
    });
    return {name: boxName(wrap), table_width: Math.round(tw), wrap_scroll: wrap.scrollWidth,
            wrap_client: wrap.clientWidth, rows};
  });
}"""
)
"""Each risk register of the page, row by row: how its rows are laid out on a narrow screen."""

TOC = """() => {
  const toc = document.querySelector(".md-sidebar--secondary");
  if (!toc) return {present: false, visible: false, width: 0};
  const r = toc.getBoundingClientRect();
  const s = getComputedStyle(toc);
  const visible = r.width > 0 && r.height > 0 && s.display !== "none" && s.visibility !== "hidden" &&
    !!toc.querySelector(".md-nav__link");
  return {present: true, visible, width: Math.round(r.width)};
}"""
"""Whether the page shows Material's table-of-contents sidebar (with at least one entry)."""

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"

SLATE = """() => { document.body.setAttribute('data-md-color-scheme', 'slate'); }"""
"""How Material applies its dark scheme."""

// A ¶ permalink on every paragraph that has an anchor (shown on hover, see edition.css).
// Added in the browser so that the ¶ stays out of the text, the search index and copied quotations.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset p[id]").forEach(function (paragraph) {
    if (paragraph.querySelector(":scope > .para-link")) return;
    var link = document.createElement("a");
    link.className = "para-link";
    link.href = "#" + paragraph.id;
    link.title = "此段落的固定連結";
    link.setAttribute("aria-label", "此段落的固定連結");
    link.textContent = "¶";
    paragraph.prepend(link);
  });
  reachScrollingTables();
});

// A table wider than the screen scrolls inside its box: the keyboard can reach and scroll it too
// (a focusable region named by the table's caption), while it is wider than its box.
function reachScrollingTables() {
  document.querySelectorAll(".md-typeset .md-typeset__scrollwrap, .md-typeset .table-scroll").forEach(function (box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
    if (scrolls && !box.hasAttribute("tabindex")) {
      var caption = box.closest("figure") && box.closest("figure").querySelector("figcaption");
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption ? caption.textContent.trim() + "：" : "") + "表格，可左右捲動");
    } else if (!scrolls && box.tabIndex === 0) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}
window.addEventListener("resize", function () {
  clearTimeout(reachScrollingTables.timer);
  reachScrollingTables.timer = setTimeout(reachScrollingTables, 200);
});

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
});

// The site's search: Pagefind's index (pagefind/, built by build_tools/search_index.py) searched
// with its JavaScript API, in the dialog of overrides/partials/search.html. Opened by the
// header's search button, the key / or ?q= in the address; loaded from the site itself, and only
// when the search is first opened.
//
// - A query in Simplified characters is converted with assets/s2t.json (the edition's own
//   characters) before it is searched, and the dialog says what was searched.
// - The index has one word per Han character (build_tools/search_index.py explains why): a query
//   is searched as its characters together, in order (Pagefind's exact search), and only if no page
//   has them so, as characters anywhere on a page; pages rank by the longest run of the query's
//   words they hold, then how often it occurs, then Pagefind's score.
// - Passages of the texts are listed first, the glossary, bibliography and annotations after them.
// - Each result names the section it comes from, shows the excerpt with the query highlighted (a
//   heading kept apart from the paragraph under it) and links to the paragraph, list item, note or
//   heading the match is in.
(function () {
  "use strict";
  var root = new URL("../", document.currentScript.src);   // assets/search.js -> the site's root
  var bundle = new URL("pagefind/", root).href;
  var TEXT_KIND = "正文";
  var SHOWN = { texts: 5, references: 3 };
  var table = {};
  var pagefind = null;
  var started = null;
  var selected = {};        // {filter name: [values]}
  var latest = 0;           // the number of the newest search, to drop the answers of older ones

  function $(selector) { return document.querySelector(selector); }
  function dialog() { return document.getElementById("edition-search"); }
  function toggle() { return document.getElementById("__search"); }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // 第二轨道外交 -> 第二軌道外交: only characters the edition never prints are converted.
  function traditional(term) {
    return Array.from(term, function (c) { return table[c] || c; }).join("");
  }

  // The index has one word per Han character (build_tools/search_index.py): so has the query.
  var HAN = "\u3400-\u9fff\uf900-\ufaff";
  var BETWEEN_HAN = new RegExp("(?<=[" + HAN + "])(?=[" + HAN + "])", "g");
  // ... and so has each full-width punctuation mark: none of them is written with spaces around it.
  var WIDE = "\u2000-\u206f\u3000-\u303f" + HAN + "\ufe30-\ufe4f\uff00-\uffef";
  var WIDE_END = new RegExp("[" + WIDE + "]$");
  var WIDE_START = new RegExp("^[" + WIDE + "]");
  var KINDS = ["詞彙表", "參考文獻", "編者註"];

  function words(term) {
    return term.replace(BETWEEN_HAN, " ").split(/\s+/).filter(Boolean);
  }

  // Words back into text: no space before or after a Han character or full-width punctuation mark.
  // Pagefind ends a list item or table cell with a Latin full stop (目次: 「摘要.第壹章 緒論.」);
  // after a Han character it is no stop of the text's (Chinese ends with 。): an ideographic space.
  var BLOCK_STOP = new RegExp("([" + HAN + "])\\.(?=[^.]|$)", "g");

  function joinWords(list) {
    return list.reduce(function (text, word) {
      return text + (text && !WIDE_END.test(text) && !WIDE_START.test(word) ? " " : "") + word;
    }, "").replace(BLOCK_STOP, "$1\u3000");
  }

  // The runs of consecutive word positions: [[start, length], ...].
  function runs(locations) {
    var sorted = Array.from(new Set(locations)).sort(function (a, b) { return a - b; });
    var found = [];
    sorted.forEach(function (location) {
      var last = found[found.length - 1];
      if (last && last[0] + last[1] === location) last[1] += 1;
      else found.push([location, 1]);
    });
    return found;
  }

  // How well a page holds the query: its longest run of matched words (the whole query, in order,
  // when it equals the query's length), how often that run occurs, and where it first does.
  function phrase(locations, length) {
    var all = runs(locations).map(function (run) { return [run[0], Math.min(run[1], length)]; });
    var longest = all.reduce(function (best, run) { return Math.max(best, run[1]); }, 0);
    var full = all.filter(function (run) { return run[1] === longest; });
    return { longest: longest, count: full.length, first: full.length ? full[0][0] : undefined };
  }

  function better(a, b) {
    return b.match.longest - a.match.longest || b.match.count - a.match.count || a.rank - b.rank;
  }

  // The element with an id that holds a word: the last anchor at or before it.
  function anchorAt(anchors, location) {
    var best = null;
    (anchors || []).forEach(function (anchor) {
      if (anchor.location <= location && (!best || anchor.location >= best.location)) best = anchor;
    });
    return best;
  }

  // The heading (a sub-result) whose section holds a word.
  function sectionAt(data, location) {
    var subs = (data.sub_results || []).filter(function (sub) {
      return (sub.locations || []).indexOf(location) >= 0;
    });
    return subs[0] || null;
  }

  // A heading's title as printed. The index's words have lost the spaces between Han characters
  // (「第壹章 緒論」 is 第 壹 章 緒 論 there); the page's `spacing` metadata has, for each heading in
  // order, '+' or '-' between each two words: a space as printed or none
  // (build_tools/search_index.py: printed_spacing).
  function printedHeading(data, number, spaced) {
    var list = words(spaced);
    var marks = ((data.meta || {}).spacing || "").split(",")[number];
    if (marks === undefined || marks.length !== list.length - 1) return joinWords(list);
    return list.reduce(function (text, word, n) { return text + (n && marks[n - 1] === "+" ? " " : "") + word; }, "");
  }

  // Which heading of its page a sub-result is (0 for the first).
  function headingNumber(data, section) {
    var headings = (data.anchors || []).filter(function (anchor) { return /^h[1-6]$/i.test(anchor.element); });
    var id = section.anchor && section.anchor.id;
    for (var n = 0; n < headings.length; n++) if (headings[n].id === id) return n;
    return -1;
  }

  function bare(word) { return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }

  // Where the matched words stand in the page's text. Pagefind's word positions and the words of
  // its `content` drift apart a little over a long page (it counts some Latin punctuation as
  // words), so the words are looked for near the position, nearest first.
  function textPosition(all, query, length, position) {
    var drift = Math.ceil(position * 0.05) + 20;
    var best = -1;
    for (var k = 0; k + length <= query.length; k++) {        // the run may be any part of the query
      var wanted = query.slice(k, k + length).map(bare);
      for (var i = Math.max(0, position - drift); i <= Math.min(all.length - 1, position + 20); i++) {
        var same = wanted.every(function (word, n) { return all[i + n] !== undefined && bare(all[i + n]) === word; });
        if (same && (best < 0 || Math.abs(i - position) < Math.abs(best - position))) best = i;
      }
    }
    return best;
  }

  // Where the page's headings begin and end among its words ({word number: true}). The index's
  // words run on from a heading into the paragraph under it (「一、研究動機基於歷史」): Pagefind
  // ends a block with a stop only where its last character is a letter or digit (never after 「：」
  // or 「）」), and the marked pages' headings end in the space before their permalink, which the
  // index leaves out. Pagefind's anchors give each heading's first word and its words.
  function headingBounds(data) {
    var bounds = {};
    (data.anchors || []).forEach(function (anchor) {
      if (!/^h[1-6]$/i.test(anchor.element)) return;
      bounds[anchor.location] = true;
      bounds[anchor.location + (anchor.text || "").split(/\s+/).filter(Boolean).length] = true;
    });
    return bounds;
  }

  // Two pieces of an excerpt with a block's mark (an ideographic space) between them.
  function apart(a, b) {
    return a && b && !/\u3000$/.test(a) && !/^\u3000/.test(b) ? a + "\u3000" + b : a + b;
  }

  // The words from..to as text, apart at each heading's bounds.
  function joinSpan(all, from, to, bounds) {
    var pieces = [[]];
    for (var i = from; i < to; i++) {
      if (i > from && bounds[i]) pieces.push([]);
      pieces[pieces.length - 1].push(all[i]);
    }
    return pieces.map(function (piece) { return joinWords(piece); }).reduce(apart, "");
  }

  // An excerpt around the match as nodes: the page's words, the query's in <mark>. It reaches back
  // 16 words, but never across a heading (the heading above the match is the result's section title).
  function excerpt(data, match, query) {
    var all = data.content.split(/[\r\n\s]+/);
    var bounds = headingBounds(data);
    var found = match.first === undefined ? -1 : textPosition(all, query, match.longest, match.first);
    var start = found >= 0 ? found : Math.min(match.first || 0, all.length - 1);
    var end = found >= 0 ? start + match.longest : start;
    var from = Math.max(0, start - 16);
    for (var i = start; i > from; i--) if (bounds[i]) { from = i; break; }
    var p = element("p", "edition-search__excerpt");
    p.appendChild(document.createTextNode((from > 0 && !bounds[from] ? "…" : "") + joinSpan(all, from, start, bounds)));
    var marked = end > start ? joinSpan(all, start, end, bounds) : "";
    var stop = /\u3000$/.test(marked) || (marked && bounds[end]) ? "\u3000" : "";   // a block's end: after the highlight
    if (marked) p.appendChild(element("mark", null, marked.replace(/\u3000$/, "")));
    var last = Math.min(all.length, end + 40);
    p.appendChild(document.createTextNode(stop + joinSpan(all, end, last, bounds) + (last < all.length ? "…" : "")));
    return p;
  }

  function describe(hit, data) {
    var match = hit.match;
    var at = match.first === undefined ? null : anchorAt(data.anchors, match.first);
    var section = match.first === undefined ? null : sectionAt(data, match.first);
    var page = data.url.split("#")[0];
    var title = (data.meta || {}).title ? printedHeading(data, 0, data.meta.title) : page;
    var sectionTitle = section ? printedHeading(data, headingNumber(data, section), section.title || "") : "";
    return {
      match: match, data: data,
      text: ((data.filters || {})["文獻"] || [])[0] || "",
      title: title,
      section: sectionTitle !== title ? sectionTitle : "",
      url: at ? page + "#" + at.id : data.url
    };
  }

  function renderResult(item, query) {
    var li = element("li", "edition-search__result");
    var link = element("a", "edition-search__link");
    link.href = item.url;
    link.appendChild(element("span", "edition-search__page", item.title));
    if (item.section) link.appendChild(element("span", "edition-search__section", item.section));
    li.appendChild(link);
    if (item.text && item.text !== item.title) li.appendChild(element("p", "edition-search__text", item.text));
    li.appendChild(excerpt(item.data, item.match, query));
    return li;
  }

  // Load and show `shown` more of a group's ranked hits, one after the other as they arrive (the
  // first result is shown as soon as its page's fragment is loaded).
  function showMore(group, list, hits, from, shown, query, number) {
    var more = group.querySelector(".edition-search__more");
    if (more) more.remove();
    return hits.slice(from, from + shown).reduce(function (chain, hit) {
      return chain.then(function () {
        if (number !== latest) return null;
        return hit.result.data().then(function (data) {
          if (number === latest) list.appendChild(renderResult(describe(hit, data), query));
        });
      });
    }, Promise.resolve()).then(function () {
      if (number !== latest || hits.length <= from + shown) return;
      var button = element("button", "edition-search__more", "顯示其餘 " + (hits.length - from - shown) + " 筆");
      button.type = "button";
      button.addEventListener("click", function () {
        showMore(group, list, hits, from + shown, shown, query, latest);
      });
      group.appendChild(button);
    });
  }

  function renderGroup(box, heading, hits, shown, query, number) {
    if (!hits.length) return Promise.resolve();
    var group = element("section", "edition-search__group");
    group.appendChild(element("h3", "edition-search__group-title", heading + "（" + hits.length + "）"));
    var list = element("ol", "edition-search__results");
    group.appendChild(list);
    box.appendChild(group);
    return showMore(group, list, hits, 0, shown, query, number);
  }

  // The hits of a search in rank order. `loose` is the same query's search for the words anywhere:
  // its word positions are all of a page's (the exact search gives only the first occurrence's),
  // and its order is Pagefind's score (the exact search scores every page alike).
  function ranked(found, length, loose) {
    var all = {};
    (loose || found).results.forEach(function (result, rank) { all[result.id] = { words: result.words, rank: rank }; });
    return found.results.map(function (result) {
      var seen = all[result.id] || { words: result.words, rank: 0 };
      return { result: result, rank: seen.rank, match: phrase(seen.words || [], length) };
    }).sort(better);
  }

  // The reader's filters, with 類型 narrowed to the texts or to the reference pages.
  function filtersFor(kinds) {
    var filters = {};
    Object.keys(selected).forEach(function (name) { if (name !== "類型") filters[name] = { any: selected[name] }; });
    var chosen = selected["類型"] ? kinds.filter(function (k) { return selected["類型"].indexOf(k) >= 0; }) : kinds;
    if (!chosen.length) return null;
    filters["類型"] = { any: chosen };
    return filters;
  }

  function searchKinds(query, kinds) {
    var filters = filtersFor(kinds);
    return filters ? pagefind.search(query, { filters: filters }) : Promise.resolve({ results: [] });
  }

  // The query's words together, as typed (Pagefind's exact search over one word per character);
  // if no page has them so, the words anywhere on a page, the pages where more of them stand
  // together first. {texts, references}: the texts' {found, loose}, and a promise of the
  // references' — the texts are searched first, so their results show while the references'
  // searches still run (they decide the mode only when no text has the words together).
  function find(query) {
    var exact = '"' + query.join(" ") + '"', loose = query.join(" ");
    var texts = Promise.all([searchKinds(exact, [TEXT_KIND]), searchKinds(loose, [TEXT_KIND])]);
    var references = Promise.all([searchKinds(exact, KINDS), searchKinds(loose, KINDS)]);
    return texts.then(function (t) {
      if (t[0].results.length || query.length < 2) {
        return { texts: { found: t[0], loose: t[1] },
                 references: references.then(function (r) { return { found: r[0], loose: r[1] }; }) };
      }
      return references.then(function (r) {
        return r[0].results.length
          ? { texts: { found: t[0], loose: t[1] }, references: Promise.resolve({ found: r[0], loose: r[1] }) }
          : { texts: { found: t[1] }, references: Promise.resolve({ found: r[1] }) };
      });
    });
  }

  function search() {
    var typed = dialog().querySelector(".edition-search__input").value.trim();
    var term = traditional(typed);
    var note = dialog().querySelector(".edition-search__searched");
    note.hidden = term === typed;
    note.textContent = term === typed ? "" : "已搜尋：" + term;
    var number = ++latest;
    var box = dialog().querySelector(".edition-search__output");
    var query = words(term);
    if (!query.length) { box.textContent = ""; box.removeAttribute("data-state"); return Promise.resolve(); }
    box.dataset.state = "searching";
    return new Promise(function (resolve) { setTimeout(resolve, 30); }).then(function () {
      return number === latest ? find(query) : null;          // else the reader is still typing
    }).then(function (found) {
      if (!found || number !== latest) return;
      var texts = ranked(found.texts.found, query.length, found.texts.loose);
      box.textContent = "";
      var summary = box.appendChild(element("p", "edition-search__summary"));   // its count once all is in
      var shown = renderGroup(box, "正文", texts, SHOWN.texts, query, number);
      return Promise.all([found.references, shown]).then(function (both) {
        if (number !== latest) return null;
        var references = ranked(both[0].found, query.length, both[0].loose);
        var total = texts.length + references.length;
        summary.textContent = total ? "找到 " + total + " 筆「" + term + "」的結果" : "找不到「" + term + "」的結果";
        return renderGroup(box, "詞彙表、參考文獻與編者註", references, SHOWN.references, query, number);
      }).then(function () { if (number === latest) box.dataset.state = "done"; });
    });
  }

  function renderFilters(filters) {
    var box = dialog().querySelector(".edition-search__filters");
    ["文獻", "類型"].forEach(function (name) {
      if (!filters[name]) return;
      var group = element("details", "edition-search__filter");
      group.appendChild(element("summary", null, name));
      Object.keys(filters[name]).sort().forEach(function (value) {
        var label = element("label");
        var box = element("input");
        box.type = "checkbox";
        box.value = value;
        box.addEventListener("change", function () {
          var values = (selected[name] || []).filter(function (v) { return v !== value; });
          if (box.checked) values.push(value);
          if (values.length) selected[name] = values; else delete selected[name];
          search();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(value + "（" + filters[name][value] + "）"));
        group.appendChild(label);
      });
      box.appendChild(group);
    });
  }

  function start() {
    if (started) return started;
    started = Promise.all([
      import(bundle + "pagefind.js"),
      fetch(new URL("assets/s2t.json", root)).then(function (r) { return r.json(); })
    ]).then(function (loaded) {
      pagefind = loaded[0];
      table = loaded[1];
      return pagefind.filters();
    }).then(renderFilters);
    return started;
  }

  function open(query) {
    var box = dialog();
    var input = box.querySelector(".edition-search__input");
    if (!box.open) box.showModal();
    if (toggle()) toggle().checked = true;
    input.focus();
    if (query) input.value = query;
    start().then(function () { if (input.value) search(); });
  }

  function close() {
    var box = dialog();
    if (box.open) box.close();
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = dialog();
    if (!box) return;
    box.addEventListener("close", function () { if (toggle()) toggle().checked = false; });
    box.querySelector(".edition-search__close").addEventListener("click", close);
    box.addEventListener("click", function (event) { if (event.target === box) close(); });  // the backdrop
    box.querySelector(".edition-search__input").addEventListener("input", function () {
      start().then(search);
    });
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();                 // Enter: to the first result
      var first = box.querySelector(".edition-search__link");
      if (first) location.href = first.href;
    });
    if (toggle()) {
      toggle().addEventListener("change", function () { if (toggle().checked) open(); else close(); });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !box.open && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    });
    var query = new URLSearchParams(location.search).get("q");
    if (query) open(query);
  });
})();

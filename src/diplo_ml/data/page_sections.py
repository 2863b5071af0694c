"""The section a saved page's HTML names for itself, where no line of its text says it: its breadcrumb (set in a
``<nav>``, which the text leaves out with the site's menus), its ``article:section`` meta, its JSON-LD
``articleSection`` or ``BreadcrumbList``, a post's category link (``rel="category tag"``) and a kicker classed as the
page's category above its title. :mod:`diplo_ml.data.page_kind` reads them; nothing else does."""

from __future__ import annotations

import re

SECTION_META = {"article:section", "section", "parsely-section", "articlesection", "og:section"}
CRUMB_BOX = re.compile(r"breadcrumb", re.IGNORECASE)  # class, id, aria-label or itemtype ("BreadcrumbList")
# a kicker's class: "category", "post-category", "cat-label", "article__section", "kicker", "rubric", "eyebrow"
KICKER_CLASS = re.compile(r"(?:^|[\s_-])(?:categor(?:y|ies)|kicker|section|rubric|eyebrow)(?:$|[\s_-])(?!item|tab)",
                          re.IGNORECASE)  # (not a widget's "cat-item", a menu's "section-tab", a review found)
SEPARATOR = re.compile(r"^[\s>/›»|·•→-]*$")  # the marks between crumbs
OWN_TAGS = {"a", "span", "div", "p", "strong", "em", "small"}  # (a kicker's tags: not a list's items, a widget's)


class SectionNotes:
    """What a page's HTML says of its section, gathered while the page is parsed: ``sections`` (meta, JSON-LD,
    category links, kickers), ``breadcrumb`` (its crumbs joined by " > ")."""

    def __init__(self) -> None:
        self.sections: list[str] = []
        self.breadcrumb: str | None = None
        self._crumbs: list[str] | None = None  # the crumbs read so far, while inside the breadcrumb
        self._crumb_box: list = []  # [tag, depth] of the breadcrumb's element
        self._kicker: list | None = None  # [tag, depth, text parts] of a kicker's element, while it is read
        self._category = False  # inside a category link

    def start(self, tag: str, values: dict[str, str], *, skipped: bool, in_story: bool, before_title: bool) -> None:
        """A start tag: ``skipped`` where the text leaves it out (a menu, an aside, a footer), ``in_story`` inside
        ``<article>`` or ``<main>``, ``before_title`` while the page's ``<h1>`` is still to come."""
        if tag == "meta":
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if name in SECTION_META and (values.get("content") or "").strip():
                self.sections.append(" ".join(values["content"].split()))
            return
        if self._crumb_box:
            self._crumb_box[1] += tag == self._crumb_box[0]
        elif self.breadcrumb is None and self._crumbs is None and any(
                CRUMB_BOX.search(values.get(key, "")) for key in ("class", "id", "aria-label", "itemtype")):
            self._crumb_box, self._crumbs = [tag, 1], []
        if tag == "a" and "category" in values.get("rel", "").lower().split() and in_story and not skipped:
            self._category = True  # a post's category link ("Posted in <a rel="category tag">Opinion</a>")
        if self._kicker is not None:
            self._kicker[1] += tag == self._kicker[0]
        elif tag in OWN_TAGS and before_title and not skipped and KICKER_CLASS.search(values.get("class", "")):
            self._kicker = [tag, 1, []]

    def end(self, tag: str) -> None:
        if self._crumb_box and tag == self._crumb_box[0]:
            self._crumb_box[1] -= 1
            if not self._crumb_box[1]:
                self.breadcrumb = " > ".join(self._crumbs or []) or None
                self._crumb_box, self._crumbs = [], None
        if tag == "a":
            self._category = False
        if self._kicker is not None and tag == self._kicker[0]:
            self._kicker[1] -= 1
            if not self._kicker[1]:
                text = " ".join("".join(self._kicker[2]).split())
                self.sections += [text] if 0 < len(text.split()) <= 4 else []
                self._kicker = None

    def data(self, text: str) -> None:
        if self._crumbs is not None and self._crumb_box and not SEPARATOR.match(text):
            self._crumbs.append(" ".join(text.split()))
        if self._category and text.strip():
            self.sections.append(" ".join(text.split()))
        if self._kicker is not None:
            self._kicker[2].append(text)

    def linked_data(self, data: object) -> None:
        """A JSON-LD block's ``articleSection`` (text or list) and ``BreadcrumbList`` (its items' names), also in an
        ``@graph`` or a list of objects."""
        nodes = data.get("@graph") if isinstance(data, dict) and isinstance(data.get("@graph"), list) else \
            data if isinstance(data, list) else [data]
        for node in (n for n in nodes if isinstance(n, dict)):
            section = node.get("articleSection")
            self.sections += [s.strip() for s in (section if isinstance(section, list) else [section])
                              if isinstance(s, str) and s.strip()]
            if "breadcrumblist" in str(node.get("@type", "")).lower() and self.breadcrumb is None:
                items = node.get("itemListElement")
                names = [_item_name(item) for item in items] if isinstance(items, list) else []
                self.breadcrumb = " > ".join(name for name in names if name) or None


def _item_name(item: object) -> str | None:
    """A breadcrumb item's name: ``{"name": …}`` or ``{"item": {"name": …}}``."""
    if not isinstance(item, dict):
        return None
    inner = item.get("item")
    name = item.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
    return " ".join(name.split()) if isinstance(name, str) and name.strip() else None

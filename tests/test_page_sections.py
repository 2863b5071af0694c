"""The section a saved page's HTML names (breadcrumb, section meta, JSON-LD, category link, kicker) and what it makes
of the page's kind (s64)."""

from __future__ import annotations

import json

import pytest

from diplo_ml.data.ingest import ingest_document
from diplo_ml.data.page_kind import OPINION, page_kind
from diplo_ml.data.page_text import html_page

STORY = ("<h1>Trade agreements need patient follow-through</h1>"
         "<p>Hanoi has signed sixteen free trade agreements in the past two decades, and more are on the way.</p>"
         "<p>The real test of economic diplomacy is whether small firms in the provinces can use them.</p>")
LD = '<script type="application/ld+json">{}</script>'


def _page(head: str = "", above: str = "", below: str = "", story: str = STORY, wrap: str = "article") -> str:
    return (f"<html><head><title>Trade agreements need patient follow-through</title>{head}</head><body>"
            f'<nav class="menu"><a href="/">Home</a><a href="/opinion">Opinion</a><a href="/world">World</a></nav>'
            f"{above}<{wrap}>{story}{below}</{wrap}></body></html>")


@pytest.mark.parametrize("markup", [
    _page(above='<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/opinion">Opinion</a> &gt; '
                '<span>Commentary</span></nav>'),
    _page(above='<ol class="breadcrumbs" aria-label="Breadcrumb"><li><a>Home</a></li><li><a>Opinion</a></li>'
                '<li>Trade agreements need patient follow-through</li></ol>'),
    _page(head='<meta property="article:section" content="Opinion">'),
    _page(head='<meta name="parsely-section" content="Op-Ed">'),
    _page(head=LD.format('{"@context": "https://schema.org", "@type": "NewsArticle", '
                         '"articleSection": ["Commentary"]}')),
    _page(head=LD.format('{"@graph": [{"@type": "WebPage"}, {"@type": "BreadcrumbList", "itemListElement": ['
                         '{"position": 1, "item": {"name": "Home"}}, {"position": 2, "name": "Opinion"}]}]}')),
    _page(below='<div class="entry-meta">Posted in <a href="/c/views" rel="category tag">Viewpoint</a></div>'),
    _page(story='<a class="post-category" href="/opinion">Opinion &amp; Analysis</a>' + STORY),
])
def test_a_section_named_in_the_pages_html_makes_it_an_opinion_piece(markup):
    article = ingest_document(markup, "o", "oped.html")
    assert article.sections
    assert page_kind(article) == OPINION
    assert article.headline == "Trade agreements need patient follow-through"


@pytest.mark.parametrize("markup", [
    _page(),  # the site's menu names its opinion section on every page
    _page(head='<meta property="article:section" content="Politics">',
          above='<nav class="breadcrumb"><a>Home</a> › <a>Politics</a></nav>'),
    _page(above='<nav class="breadcrumb"><a>Home</a> › <a>Opinion</a> › <a>World</a> › <a>Asia</a></nav>'),
    _page(below='<aside class="related"><a href="/c/op" rel="category tag">Opinion</a></aside>'),
    _page(below='<p><span class="category">Opinion</span> Other writers on trade</p>'),  # (below the title)
    _page(wrap="div", below='<div>Posted in <a href="/c/op" rel="category tag">Opinion</a></div>'),
])
def test_a_menu_a_related_list_or_another_section_does_not(markup):
    assert page_kind(ingest_document(markup, "n", "news.html")) is None


def test_the_breadcrumb_comes_first_and_the_pages_text_stays_the_same():
    crumbs = '<nav class="breadcrumb"><a>Home</a> / <a>Opinion</a></nav>'
    head = '<meta property="article:section" content="Commentary">'
    page = html_page(_page(head=head, above=crumbs))
    assert page.sections == ("Home > Opinion", "Commentary")
    assert page.text == html_page(_page()).text


def test_a_broken_json_ld_names_no_section_and_stops_nothing():
    page = html_page(_page(head=LD.format('{"articleSection": "Opinion",')))
    assert page.sections == ()
    assert "small firms" in page.text


@pytest.mark.parametrize("front, kind", [
    ("section: Opinion", OPINION), ('categories: ["Commentary", "Asia"]', OPINION), ("category: World", None),
    ("tags: [opinion polls]", None),
])
def test_a_clippings_front_matter_section(front, kind):
    text = f"---\ntitle: Trade agreements need patient follow-through\n{front}\n---\n\n" \
           "Hanoi has signed sixteen free trade agreements in the past two decades.\n\n" \
           "The real test of economic diplomacy is whether small firms can use them.\n"
    assert page_kind(ingest_document(text, "m", "clip.md")) == kind


def _rows(numbers: list[int | None], field: str = "para_idx") -> list[dict]:
    url = "https://example.vn/news/trade-talks-1"
    texts = ["Vietnam and Chile signed a trade protocol in Santiago on Monday.",
             "The protocol cuts tariffs on 300 lines of goods.", "It takes effect in January."]
    rows = [{"url": url, "title": "Vietnam, Chile sign trade protocol", field: n, "type": "paragraph",
             "text": texts[n] if n is not None else t} for n, t in zip(numbers, texts)]
    return rows + [{"url": url, "type": "related", "text": "Related: Vietnam, Peru talks"}]


def test_a_pages_rows_out_of_order_are_read_in_their_numbers_order(tmp_path):
    from diplo_ml.data.scraped_elements import in_part_order
    rows = _rows([2, 0, 1])
    ordered = in_part_order(rows)
    assert [r.get("para_idx") for r in ordered] == [0, 1, 2, None]  # (the related row stays last)
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    from diplo_ml.predict_inputs import read_units
    from diplo_ml.tasks.summarise import SummariseTask
    unit = next(iter(read_units([str(path)], SummariseTask({}))))  # (the related row, unnumbered: a row of its own)
    assert unit["_text"].startswith("Vietnam and Chile signed")
    assert unit["_text"].index("300 lines") < unit["_text"].index("January")


@pytest.mark.parametrize("numbers", [[0, 0, 1], [None, None, None], [0, 1, 2]])
def test_rows_numbered_twice_over_or_not_at_all_keep_their_order(numbers):
    from diplo_ml.data.scraped_elements import in_part_order
    rows = _rows(numbers)
    assert in_part_order(rows) == rows


def test_an_opinion_pieces_statement_that_tells_its_headlines_claim_leads():
    from diplo_ml.models.summarise.selection import statement_candidates
    text = ("Signing trade deals was the easy part.\n\n"
            "The harder task is making sure Vietnamese firms are inside the networks those deals create.\n\n"
            "At half past six on a humid Tuesday morning in Bình Dương, the loading bays of a parts maker are busy.\n\n"
            "Vietnam's economic diplomacy must now move beyond signing agreements and towards securing the country's "
            "place inside regional supply chains.\n\nThe record so far is impressive by any measure.")
    found = statement_candidates(text, "Supply chains are the new frontier of Vietnam's economic diplomacy", OPINION)
    first = next(s for s, ok in zip(found.sentences, found.allowed) if ok)
    assert first.startswith("Vietnam's economic diplomacy must now move")
    found = statement_candidates(text, "Supply chains are the new frontier of Vietnam's economic diplomacy", None)
    assert next(s for s, ok in zip(found.sentences, found.allowed) if ok).startswith("Signing trade deals")


@pytest.mark.parametrize("title, head", [
    ("Timeline: Embassy support for traders after fire - Embassy of Viet Nam in the Czech Republic",
     "Timeline: Embassy support for traders after fire"),
    ("Businesses showcase coffee at ANUGA 2025 - Embassy of Viet Nam in the Federal Republic of Germany",
     "Businesses showcase coffee at ANUGA 2025"),
    ("Talks held - Embassy of Viet Nam hosts reception", "Talks held - Embassy of Viet Nam hosts reception"),
])
def test_a_missions_site_name_after_a_title_is_no_part_of_it(title, head):
    from diplo_ml.data.page_noise import without_site
    assert without_site(title) == head


@pytest.mark.parametrize("markup", [
    _page(above='<ul class="widget"><li class="cat-item"><a href="/opinion">Opinion</a></li></ul>'),
    _page(below='<div class="entry-meta">Posted in <a href="/c/a" rel="category tag">Analysis</a></div>'),
])
def test_review_1_of_s64_a_category_widget_and_an_analysis_category_make_no_opinion_page(markup):
    assert page_kind(ingest_document(markup, "n", "news.html")) is None

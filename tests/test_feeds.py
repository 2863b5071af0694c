"""RSS/Atom feeds and the row shapes of other exporters (WordPress, scrapers) as predict's inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_ml.data.feeds import feed_articles, feed_records, is_feed
from diplo_ml.data.ingest import ingest_document, read_articles
from diplo_ml.data.scraped_elements import element_markup
from diplo_ml.errors import DataError, NoTextError
from diplo_ml.predict_inputs import _jsonl_units, expand_folders, read_units
from diplo_ml.tasks.pillars.task import PillarsTask
from diplo_ml.tasks.summarise.task import SummariseTask

LEAD = ("Hanoi and Bangkok on November 8 signed a cooperation programme for 2025&ndash;2027 on creative city "
        "development, covering design, craft villages and night-time tourism.")
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Hanoimoi | Foreign Affairs</title>
<link>https://example.org/foreign-affairs</link>
<lastBuildDate>Mon, 11 Nov 2024 07:00:12 +0700</lastBuildDate>
<item>
<title>Hanoi, Bangkok sign creative city programme</title>
<link>https://example.org/en/hanoi-bangkok-sign-creative-city-programme-70315.html</link>
<pubDate>Fri, 08 Nov 2024 18:42:00 +0700</pubDate>
<description>A teaser.</description>
<content:encoded><![CDATA[<p><em>The two officials at the signing ceremony. Photo: Hanoimoi</em></p>
<p>{LEAD}</p><p>Both cities are members of a network of creative cities in the field of design.</p>]]></content:encoded>
</item>
<item>
<title>Twenty fishermen return home</title>
<link>https://dtinews.vn/news/twenty-fishermen-return-home.htm</link>
<pubDate>Wed, 04 Dec 2024 08:15:00 +0700</pubDate>
<description>&lt;p&gt;(Dtinews) - Twenty Vietnamese fishermen held abroad arrived home on December 3 after consular
help from the embassy.&lt;/p&gt;&lt;p&gt;They were flown home on a commercial flight.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ministry news</title>
  <entry>
    <title type="html">Viet Nam, Chile discuss trade</title>
    <link rel="self" href="https://example.org/api/1"/>
    <link rel="alternate" href="https://example.org/news/viet-nam-chile-discuss-trade"/>
    <published>2025-05-02T08:00:00+07:00</published>
    <summary>Viet Nam and Chile on Thursday discussed ways to boost trade under their free trade agreement.</summary>
  </entry>
</feed>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_feed_item_is_a_row_with_its_full_text_title_date_and_outlet(tmp_path):
    (first, line1), (second, line2) = [(r, n) for n, r in feed_records(write(tmp_path, "f.xml", RSS))]
    assert (line1, line2) == (7, 15)  # the line each item opens on
    assert first["title"] == "Hanoi, Bangkok sign creative city programme" and first["feed"] == "Hanoimoi"
    assert first["date"] == "Fri, 08 Nov 2024 18:42:00 +0700"
    assert "A teaser" not in first["text"] and "2025–2027" in first["text"] and "<p>" not in first["text"]
    assert "<p>" not in second["text"] and second["text"].startswith("(Dtinews) - Twenty")  # escaped markup read
    (entry,) = [r for _, r in feed_records(write(tmp_path, "a.atom", ATOM))]
    assert entry["link"] == "https://example.org/news/viet-nam-chile-discuss-trade"  # the alternate link
    assert entry["feed"] == "Ministry news" and entry["date"].startswith("2025-05-02")


def test_predict_reads_a_feed_folder_beside_pages_and_leaves_out_xml_that_is_no_feed(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "feed.xml", RSS)
    write(folder, "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    inputs = expand_folders([str(folder)])
    assert [Path(i).name for i in inputs] == ["feed.xml", "sitemap.xml"]
    units = list(read_units(inputs, SummariseTask({})))
    assert [(u["doc"], u["headline"], u["date"], u["outlet"]) for u in units] == [
        ("feed:1", "Hanoi, Bangkok sign creative city programme", "2024-11-08", "Hanoimoi"),
        ("feed:2", "Twenty fishermen return home", "2024-12-04", "DTiNews")]
    assert units[0]["_text"].startswith("Hanoi and Bangkok on November 8")  # (the caption left out)
    assert units[1]["_text"].startswith("Twenty Vietnamese fishermen")  # (the dateline cut)
    paragraphs = list(read_units(inputs[:1], PillarsTask({})))  # a tagger tags each item's paragraphs
    assert [(u["doc"], u["paragraph_index"]) for u in paragraphs] == [("feed:1", 0), ("feed:1", 1), ("feed:2", 0),
                                                                       ("feed:2", 1)]
    assert "1 of 2 inputs left out" in capsys.readouterr().err and "not an RSS or Atom feed" in str(
        pytest.raises(NoTextError, lambda: list(read_units([inputs[1]], SummariseTask({})))).value)


def test_a_feed_saved_as_text_is_read_as_a_feed_and_a_page_about_rss_is_not(tmp_path):
    saved = write(tmp_path, "item.txt", "\n" + RSS)  # (read 48: a browser's "save as" of an RSS item)
    assert [(a.doc_id, a.headline) for a in read_articles(saved, "item")] == [
        ("item:1", "Hanoi, Bangkok sign creative city programme"), ("item:2", "Twenty fishermen return home")]
    page = write(tmp_path, "page.txt", "How to read <rss> feeds\n\nViet Nam and Chile on Thursday discussed trade.")
    assert is_feed(write(tmp_path, "a.html", ATOM)) and not is_feed(page)
    assert [a.doc_id for a in read_articles(page, "page")] == ["page"]
    # (a review's near misses, s54) a page's own <feed-item> element, and a feed's copy cut short, read as pages
    app = write(tmp_path, "app.html", "<feed-item><h1>Vietnam, Laos open border market</h1><p>Vietnam and Laos on "
                "Friday opened a border market at Cha Lo.</p></feed-item>")
    assert not is_feed(app) and read_articles(app, "app")[0].headline == "Vietnam, Laos open border market"
    cut = write(tmp_path, "cut.txt", RSS[:RSS.index("]]></content:encoded>")])
    assert is_feed(cut) and [a.doc_id for a in read_articles(cut, "cut")] == ["cut"]


def test_a_scrapers_rows_of_one_pages_elements_are_read_as_that_page(tmp_path):
    url = "https://vovworld.vn/en-US/news/viet-nam-chile-discuss-trade-1.vov"
    elements = [("meta[property=og:title]", "Viet Nam, Chile discuss trade - VOV World"), ("ul.menu li a", "News"),
                ("ul.menu li a", "Business"), ("h1.title", "Viet Nam and Chile discuss trade ties"),
                ("div.time", "Monday, 09 February 2026 | 17:20:41"),
                ("div.sapo", "(VOVWORLD) - Viet Nam and Chile on Monday agreed to review their free trade agreement."),
                ("div.body p", "The talks were held in Hanoi."), ("div.body p", "Trade rose 12 percent last year.")]
    rows = [{"url": url, "selector": sel, "text": text} for sel, text in elements]
    rows.append({"text": "Laos and Cambodia on Tuesday opened a border gate.", "url": url})  # a row of its own
    path = write(tmp_path, "scraped.jsonl", "\n".join(json.dumps(r) for r in rows))
    page, row = list(read_units([str(path)], SummariseTask({})))
    assert (page["line"], page["headline"], page["date"], page["outlet"]) == (
        1, "Viet Nam and Chile discuss trade ties", "2026-02-09", "VOV World")
    assert page["_text"].startswith("Viet Nam and Chile on Monday agreed") and "Business" not in page["_text"]
    assert row["line"] == 9 and row["_text"].startswith("Laos and Cambodia")
    assert element_markup("ul.menu > li a", "News") == ('<ul class="menu"><li><a>News</a></li></ul>', False)
    assert element_markup("meta[property='og:title']", "T") == ('<meta property="og:title" content="T">', True)


def test_a_scrapers_numbered_paragraph_rows_are_one_article_to_summarise_and_rows_to_tag(tmp_path):
    page = {"url": "https://e.vnexpress.net/news/travel/vietnamese-flock-to-laos-4998312.html", "site": "VnExpress",
            "title": "Vietnamese flock to Laos over Tet", "published": "2026-02-20T11:05:00+07:00"}
    parts = [(-1, "breadcrumb", "News > Travel > Places"),
             (0, "paragraph", "Nearly 48,000 Vietnamese tourists crossed into Laos during the Tet holiday."),
             (1, "paragraph", "The figure was released on Friday by the Lao tourism ministry."),
             (2, "related", "Related: Hanoi - Luang Prabang flights sell out | Lao Bao gate sees record crossings")]
    rows = [{**page, "para_idx": n, "type": kind, "text": text} for n, kind, text in parts]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
    (article,) = list(read_units([str(path)], SummariseTask({})))  # (before: four articles, the first a breadcrumb)
    assert (article["headline"], article["date"]) == ("Vietnamese flock to Laos over Tet", "2026-02-20")
    assert article["_text"].startswith("Nearly 48,000") and "Related" not in article["_text"]
    assert len(list(read_units([str(path)], PillarsTask({})))) == 4  # a tagger tags each row, as it always has
    # (a review's near misses, s54) a digest's briefs, each with a title of its own, and rows of a kind that is no
    # part of a page ("news": one article crawled twice) stay rows
    briefs = [{"url": page["url"], "selector": "article.brief", "position": n, "title": f"Brief number {n} of the day",
               "text": f"Vietnam and a partner on Monday agreed on step {n}."} for n in range(3)]
    crawled = [{**page, "type": "news", "position": n, "text": "Vietnam on Thursday protested a detention."}
               for n in (1, 2)]
    sapo = [{"title": "Vietnam, Laos speed up border zone", "url": page["url"], "sapo": "Vietnam and Laos have agreed "
             "to finish the legal framework for a cross-border zone by 2026.", "body": "Vientiane (VNA) – Deputy "
             "Minister Do Van Tuan co-chaired the meeting of the working group on April 9.\nTrade rose."}]
    path = write(tmp_path, "sapo.jsonl", json.dumps(sapo[0]))  # (reads 47, 50: the sapo states the news)
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("Vietnam and Laos have agreed")
    assert "Vietnam and Laos" not in next(read_units([str(path)], PillarsTask({})))["_text"]  # (a row to tag)
    for teaser in ({"sapo": "Vietnam and Laos are upgrading their…"}, {"lead": "LAO BAO DIARIES"},  # (a review, s54)
                   {"title": None}):
        row = {**{k: v for k, v in sapo[0].items() if k != "sapo" or "sapo" in teaser or "title" in teaser}, **teaser}
        path = write(tmp_path, "sapo.jsonl", json.dumps(row))
        assert not next(read_units([str(path)], SummariseTask({})))["_text"].startswith(("Vietnam and Laos", "LAO"))
    for rows in (briefs, crawled):
        path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
        assert len(list(read_units([str(path)], SummariseTask({})))) == len(rows)


def test_a_scrapers_rows_numbered_by_seq_are_one_page_even_where_only_the_first_gives_the_address(tmp_path):
    # (reads 51, 52) a CMS export of one row per block: "seq" numbers it, "block"/"block_type" names its kind
    # ("image_caption" is a caption by its last word), and only the first row gives the address; the doc_id joins them
    url = "https://en.baochinhphu.vn/viet-nam-rok-firms-sign-18-mous-at-busan-business-forum-111260528203315.htm"
    parts = [("title", "Viet Nam, RoK firms sign 18 MoUs at Busan business forum"),
             ("time", "May 28, 2026 8:33 PM GMT+7"),
             ("image_caption", "Minister Vo Thanh Tung and Busan Mayor Kim Jae-won witness the exchange of MoUs, "
              "Busan, May 28, 2026 - Photo: VGP"),
             ("sapo", "VGP - Vietnamese and Korean enterprises signed 18 memoranda of understanding worth about 2.3 "
              "billion USD on May 28 at a business forum in Busan."),
             ("paragraph", "The forum was co-organized by the Ministry of Industry and Trade and the Busan city "
              "government."), ("author", "Thanh Tam")]
    rows = [{"doc_id": "vgp-1", "seq": n, "block": kind, "text": text, **({"url": url} if n == 0 else {})}
            for n, (kind, text) in enumerate(parts)]
    path = write(tmp_path, "vgp.jsonl", "\n".join(json.dumps(r) for r in rows))
    (article,) = list(read_units([str(path)], SummariseTask({})))  # (before: six rows, the first four no summary)
    assert article["headline"] == "Viet Nam, RoK firms sign 18 MoUs at Busan business forum"
    assert article["_text"].startswith("Vietnamese and Korean enterprises signed 18")
    assert "Photo" not in article["_text"]
    assert len(list(read_units([str(path)], PillarsTask({})))) == len(rows)  # (the tagger reads rows)
    # rows of two documents stay two pages; rows with a doc_id and no part number stay rows
    other = [{**r, "doc_id": "vgp-2", "url": url + "?2"} if r["seq"] == 0 else {**r, "doc_id": "vgp-2"} for r in rows]
    path = write(tmp_path, "two.jsonl", "\n".join(json.dumps(r) for r in rows + other))
    assert [u["line"] for u in read_units([str(path)], SummariseTask({}))] == [1, 7]
    plain = [{"doc_id": "vgp-1", "text": text} for _, text in parts[3:5]]
    path = write(tmp_path, "plain.jsonl", "\n".join(json.dumps(r) for r in plain))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2


def test_a_broken_feed_names_its_line_and_an_item_without_text_is_left_out_with_a_warning(tmp_path, capsys):
    broken = write(tmp_path, "b.xml", RSS.replace("</item>\n<item>", "</item>\n<itm>", 1))
    with pytest.raises(NoTextError, match=r"b.xml:\d+: malformed XML \(mismatched tag"):
        list(feed_records(broken))  # (a NoTextError: among several inputs it is left out, not fatal)
    bare = write(tmp_path, "c.xml", RSS.replace("<description>&lt;p&gt;(Dtinews)", "<guid>(Dtinews)").replace(
        "flight.&lt;/p&gt;</description>", "flight.</guid>"))
    assert [a.doc_id for a in feed_articles(bare, "c")] == ["c:1"]
    assert "c.xml: 1 item(s) with no text left out (first at line 15)" in capsys.readouterr().err
    # RSS 0.91's DOCTYPE and HTML's entities; a one-line feed's items told apart; Atom's XHTML content read
    old = write(tmp_path, "o.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
                '0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>'
                'News</title><item><title>Minister&nbsp;visits</title><description>The minister on Monday met his '
                'counterpart in Hanoi.</description></item><item><title>Second</title><description>Trade rose by a '
                'tenth in May, the ministry said.</description></item></channel></rss>')
    assert [(a.doc_id, a.headline) for a in feed_articles(old, "o")] == [("o:1", "Minister\xa0visits"),
                                                                         ("o:2", "Second")]
    xhtml = write(tmp_path, "x.atom", ATOM.replace(
        "<summary>", '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Viet Nam and Chile agreed on '
        'Thursday to start talks on a new trade deal.</p><p>They meet again in May.</p></div></content><summary>'))
    (entry,) = [r for _, r in feed_records(xhtml)]
    assert entry["text"].startswith("Viet Nam and Chile agreed on Thursday") and "<" not in entry["text"]


def test_a_wordpress_rows_rendered_fields_and_a_scrapers_article_body_are_read(capsys):
    # a twenty-fourth read's shapes (s48): WordPress REST exports nest title and content as {"rendered": "<p>…"};
    # news scrapers write "article_body" and "date_published"
    wordpress = {"id": 4411, "date": "2025-03-04T16:20:00", "title": {"rendered": "Viet Nam, Brazil agree on trade"},
                 "content": {"rendered": "<p>Hanoi (VNA) &#8211; Viet Nam and Brazil&#8217;s ministers agreed on "
                                         "Tuesday to raise two-way trade.</p><p>They met in Hanoi.</p>",
                             "protected": False}, "excerpt": {"rendered": "<p>Teaser</p>"}}
    scraped = {"headline": "Viet Nam, Chile discuss trade", "date_published": "2025-05-02T08:00:00+07:00",
               "article_body": "SANTIAGO, May 1 (VNA) - Viet Nam and Chile discussed trade.\n\nThey will meet again."}
    first, second = _jsonl_units([(1, wordpress), (2, scraped)], "in.jsonl", SummariseTask({}))
    assert (first["id"], first["headline"], first["date"], first["outlet"]) == (
        4411, "Viet Nam, Brazil agree on trade", "2025-03-04", "VNA")
    assert first["_text"].startswith("Hanoi (VNA) – Viet Nam and Brazil’s ministers") and "Teaser" not in first["_text"]
    assert (second["date"], second["_text"][:8]) == ("2025-05-02", "SANTIAGO")
    assert "read from their 'content' field" in capsys.readouterr().err


def test_a_scrapers_own_names_for_headline_and_publication_time_are_read():
    # read 29 (s50): an in-house scraper writes "headline_h1" beside "headline_og", and "pub_ts" beside its crawl
    # time "fetched_at" and "pub_ts_source"
    row = {"doc_id": "r1", "fetched_at": "2025-04-18T07:51:33Z", "headline_og": "Short social title",
           "headline_h1": "Egypt and Viet Nam widen student exchange", "pub_ts_source": "meta[article:published_time]",
           "pub_ts": "2025-04-16T15:20:00+02:00", "lede_guess": "A photo caption.",
           "body": ["Egypt and Viet Nam on Wednesday agreed to double their student exchange.", "More follows."]}
    (unit,) = _jsonl_units([(1, row)], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"]) == ("Egypt and Viet Nam widen student exchange", "2025-04-16")
    assert unit["_text"].startswith("Egypt and Viet Nam on Wednesday")
    # a time in UTC is read on Viet Nam's day; a crawl time, an update or another title alone names nothing
    late = {**row, "pub_ts": "2025-02-11T18:30:00Z"}
    assert next(_jsonl_units([(1, late)], "in.jsonl", SummariseTask({})))["date"] == "2025-02-12"
    bare = {"fetched_at": "2025-04-18T07:51:33Z", "modified_date": "2025-04-17", "headline_og": "Short",
            "seo_title": "SEO", "body": ["Egypt and Viet Nam on Wednesday agreed to double their exchange."]}
    (unit,) = _jsonl_units([(1, bare)], "in.jsonl", SummariseTask({}))
    assert unit["date"] is None and unit["headline"] in (None, "")


def test_a_scrapers_blocks_h1_and_epoch_time_are_read():
    # read 30 (s50): paragraphs as blocks with their kind, the page's heading as "h1_text" (it was taken for the
    # text, and every summary was empty), its <title> as "title_tag", the time as seconds since 1970 in UTC
    row = {"rec_id": "e1", "crawl_utc": "2025-06-07T03:18:44Z", "outlet_name": "EFE",
           "title_tag": "Cervantes coming to Hanoi | EFE", "h1_text": "Spain and Vietnam to open cultural centres",
           "ts_epoch": 1749157800, "paras": [{"kind": "byline", "text": "By Ana Ruiz"},
                                             {"kind": "p", "text": "Madrid, Jun 5 (EFE).- Spain and Vietnam agreed on "
                                                                   "Thursday to open cultural centres."},
                                             {"kind": "p", "text": "The centres open next year."}]}
    (unit,) = _jsonl_units([(1, row)], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"]) == ("Spain and Vietnam to open cultural centres", "2025-06-06")
    assert unit["_text"].startswith("Madrid, Jun 5 (EFE).- Spain and Vietnam") and "Ana Ruiz" not in unit["_text"]
    # milliseconds too; a title alone is the headline; a count is no time
    later = {k: v for k, v in row.items() if k != "h1_text"} | {"ts_epoch": 1749157800000, "n_tokens": 303}
    (unit,) = _jsonl_units([(1, later)], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"]) == ("Cervantes coming to Hanoi", "2025-06-06")
    assert next(_jsonl_units([(1, {**later, "ts_epoch": 303})], "in.jsonl", SummariseTask({})))["date"] is None


@pytest.mark.parametrize("extra", [
    # a review's near misses (s50): fields named like a date or a headline that are neither
    {"publication": "Viet Nam News"}, {"issued_by": "Foreign, Commonwealth & Development Office"},
    {"pub_place": "Hanoi"}, {"timestamp": "a91f3c07"}, {"publication_id": 1500000000}, {"release_id": 1234567890},
    {"author_title": "Senior correspondent"}, {"category_title": "World"}, {"title_vi": "Việt Nam, Lào ký hiệp định"},
    {"related_blocks": ["Vietnam, Cambodia open border gate", "Lao PM visits Hanoi", "Rice exports rise again"]},
    # a second review's (s50)
    {"speaker_title": "Minister of Foreign Affairs"}, {"job_title": "Ambassador of Vietnam to Japan"},
    {"head_of_delegation": "Deputy Prime Minister Tran Hong Ha"}, {"head": "<meta charset='utf-8'><title>Home</title>"},
    {"effective_date": "2025-07-01"}, {"visit_date": "2025-06-20"},
])
def test_fields_named_like_a_date_headline_or_text_that_are_none_leave_the_texts_own(extra):
    text = ("Thursday, May 22, 2025 10:15\n\nHanoi (VNA) – Vietnam and Laos signed a border agreement on Thursday in "
            "Hanoi, the two foreign ministries said in a joint statement.\n\nThe agreement takes effect next year.")
    (plain,) = _jsonl_units([(1, {"article_body_html": text})], "in.jsonl", SummariseTask({}))
    (unit,) = _jsonl_units([(1, {"article_body_html": text, **extra})], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"], unit["_text"]) == (plain["headline"], plain["date"], plain["_text"])


def test_a_scrapers_blocks_may_keep_their_words_under_txt_and_its_heading_under_head_page():
    # read 31 (s50): {"role": "para", "txt": "…"} blocks, "head_page" beside "head_meta", "pub_local" then "pub_unix"
    row = {"head_meta": "Camoes Institute to open in Hanoi - Lusa",
           "head_page": "Portugal, Vietnam agree language centre", "pub_local": None, "pub_unix": 1741788240,
           "see_also": [{"text": "Portugal and Vietnam boost wine trade"}],
           "body_blocks": [{"role": "para", "txt": "Portugal and Vietnam signed an agreement on Wednesday to open a "
                                                    "language centre in Hanoi."}, {"role": "para", "txt": "More."}]}
    (unit,) = _jsonl_units([(1, row)], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"]) == ("Portugal, Vietnam agree language centre", "2025-03-12")
    assert unit["_text"].startswith("Portugal and Vietnam signed") and "wine" not in unit["_text"]


def test_a_us_browsers_print_stamp_reads_month_first_and_dtinews_is_a_dateline():
    page = ("4/2/25, 9:41 AM     Vietnam, Netherlands sign deal on water | VnEconomy\n\n"
            "The Netherlands will provide grants to help the Mekong Delta cope with subsidence, under a memorandum "
            "signed in Hanoi.\n\nThe memorandum covers five years.")
    assert ingest_document(page, "p", "p.txt").date == "2025-04-02"
    assert ingest_document(page.replace("9:41 AM", "09:41"), "p", "p.txt").date != "2025-04-02"
    # with no comma (read s48 24th), and under a date of the page's own, which comes first
    dated = page.replace("4/2/25,", "4/2/2025").replace("\n\nThe Netherlands", "\n\nApril 1, 2025\n\nThe Netherlands")
    assert ingest_document(dated, "p", "p.txt").date == "2025-04-01"
    lead = ingest_document("(Dtinews) - Twenty fishermen returned home on Tuesday after consular help.\n\nMore.",
                           "d", "d.txt")
    assert lead.outlet == "DTiNews" and lead.paragraphs[0].text.startswith("Twenty")


def test_ingest_reads_a_feeds_items_as_articles_and_a_page_command_names_feeds(tmp_path):
    from diplo_ml.cli import main as cli_main
    from diplo_ml.data.ingest import ingest_path
    from diplo_ml.data.io import read_jsonl

    feed = write(tmp_path, "feed.rss", RSS)
    assert cli_main(["ingest", str(feed), "-o", str(tmp_path / "p.jsonl")]) == 0
    rows = read_jsonl(tmp_path / "p.jsonl")
    assert sorted({r["doc_id"] for r in rows}) == ["feed:1", "feed:2"]
    assert {r["headline"] for r in rows if r["doc_id"] == "feed:2"} == {"Twenty fishermen return home"}
    with pytest.raises(DataError, match="a feed's items are read by `diplo-ml predict`, `ingest` and `brief`"):
        ingest_path(feed)


def test_a_stray_broken_xml_file_beside_pages_is_left_out_not_fatal(tmp_path, capsys):
    page = write(tmp_path, "a.txt", "Viet Nam and Laos signed a trade deal on Monday.\n\nThey will meet again.")
    broken = write(tmp_path, "sitemap.xml", '<?xml version="1.0"?>\n<urlset><url><loc>https://x.org/?a=1&b=2</loc>'
                   '</url></urlset>')
    units = list(read_units([str(page), str(broken)], SummariseTask({})))
    assert len(units) == 1 and "sitemap.xml:2: malformed XML" in capsys.readouterr().err
    with pytest.raises(NoTextError, match="sitemap.xml:2: malformed XML"):  # alone: its own error
        list(read_units([str(broken)], SummariseTask({})))


def test_a_part_of_a_kind_no_list_knows_stays_in_its_page_and_a_listings_numbered_briefs_stay_rows(tmp_path):
    # read 53 (s55): a "meta" row between the title and the paragraphs broke the page in three; a review (s55): a
    # listing's untitled briefs numbered by "index" under the listing's address were joined into one page
    url = "https://vovworld.vn/en-US/current-affairs/vietnams-diplomacy-this-week-1419088.vov"
    parts = [("title", "Vietnam's diplomacy this week: President heads to Latin America"),
             ("meta", "Saturday, 20/06/2026 | 10:30"),
             ("p", "(VOVWORLD) - President Nguyen Van Truong began a state visit to Brazil on Wednesday."),
             ("p", "He met the Brazilian president in Brasilia.")]
    rows = [{"doc_id": "vov-1", "url": url, "para_idx": n, "block": kind, "text": text}
            for n, (kind, text) in enumerate(parts)]
    path = write(tmp_path, "vov.jsonl", "\n".join(json.dumps(r) for r in rows))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"].startswith("Vietnam's diplomacy this week") and page["date"] == "2026-06-20"
    assert page["_text"].startswith("President Nguyen Van Truong began")
    briefs = [{"url": "https://example.vn/news-in-brief", "index": n, "text": f"Vietnam and a partner on Monday "
               f"agreed on step {n} of a plan."} for n in range(4)]
    path = write(tmp_path, "briefs.jsonl", "\n".join(json.dumps(r) for r in briefs))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 4
    comments = [{"article_id": "a-1", "url": url, "index": n, "text": f"Reader {n}: Vietnam and Brazil should trade "
                 f"more coffee and beef."} for n in range(3)]  # (a review, s55: an article's comments stay rows)
    path = write(tmp_path, "comments.jsonl", "\n".join(json.dumps(r) for r in comments))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 3


def test_a_vietnamese_outlets_description_is_its_sapo_unless_it_shortens_the_lead(tmp_path):
    # read 53 (s55): VnExpress's lead sits in the row's "description" only; read 54: VOV's description shortens the
    # body's own lead, which is kept; a foreign site's description is no sapo
    row = {"url": "https://e.vnexpress.net/news/business/vietnam-philippines-sign-rice-deal-4902317.html",
           "title": "Vietnam, Philippines sign five-year rice deal",
           "description": "Vietnam will supply the Philippines with up to 2 million tons of rice a year under a new "
                          "five-year agreement.",
           "content": "The agreement, signed in Hanoi on Tuesday by the two agriculture ministries, replaces a 2023 "
                      "memorandum.\n\nIt runs until 2031."}
    path = write(tmp_path, "v.jsonl", json.dumps(row))
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("Vietnam will supply")
    short = {**row, "description": "The two agriculture ministries signed in Hanoi an agreement that replaces a 2023 "
             "memorandum."}
    path = write(tmp_path, "s.jsonl", json.dumps(short))
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("The agreement, signed in Hanoi")
    summary = {k: v for k, v in {**row, "summary": row["description"]}.items() if k != "description"}  # (a dataset's
    path = write(tmp_path, "r.jsonl", json.dumps(summary))  # reference summary is never read as the page's sapo)
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("The agreement, signed in Hanoi")
    foreign = {**row, "url": "https://www.example.com/world/asia/rice-deal"}
    path = write(tmp_path, "f.jsonl", json.dumps(foreign))
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("The agreement, signed in Hanoi")


def test_a_scrapers_metadata_row_of_no_text_gives_its_page_a_title_and_date(tmp_path, capsys):
    # read 56 (s56): a "meta" row with the title and date but no text above paragraphs numbered by "index" beside a
    # "row_type", and a "tags" row of a list below them, stopped the whole run ("missing or empty 'text'")
    base = {"doc_id": "tt-1", "url": "https://tuoitrenews.vn/news/features/20260520/nurses/1.html"}
    rows = [{**base, "row_type": "meta", "title": "From Thai Binh to Bavaria: nurses and a partnership",
             "published": "20/05/2026 14:32 GMT+7"},
            {**base, "row_type": "caption", "index": 1, "text": "Dinh Thi Hoa at a care home. Photo: Tuoi Tre"},
            {**base, "row_type": "paragraph", "index": 2, "text": "Vietnam and Germany agreed on Monday to train 500 "
             "more nurses a year under their care-worker programme."},
            {**base, "row_type": "paragraph", "index": 3, "text": "The first group leaves in September."},
            {**base, "row_type": "tags", "tags": ["Vietnam-Germany", "nurses"]}]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "From Thai Binh to Bavaria: nurses and a partnership"
    assert page["date"] == "2026-05-20"
    assert page["_text"].startswith("Vietnam and Germany agreed on Monday")
    # a metadata row of no text alone is left out with a note naming its line (s60: a crawl's header rows stopped whole
    # folders); a row of no text that says no such kind is still an error; rows of separate articles stay rows
    path = write(tmp_path, "alone.jsonl", json.dumps(rows[0]) + "\n" + json.dumps(
        {"doc_id": "tt-2", "text": "Vietnam and Laos agreed on Monday to open a border gate."}))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["_text"].startswith("Vietnam and Laos agreed") and "alone.jsonl:1: a 'meta' row" in \
        capsys.readouterr().err
    path = write(tmp_path, "plain.jsonl", json.dumps({k: v for k, v in rows[0].items() if k != "row_type"}) + "\n"
                 + json.dumps({"doc_id": "tt-2", "text": "Vietnam and Laos agreed on Monday to open a border gate."}))
    with pytest.raises(DataError, match=r"plain\.jsonl:1: missing or empty 'text'"):
        list(read_units([str(path)], SummariseTask({})))


def test_rows_under_a_page_address_and_a_metadata_row_with_title_and_headline_are_one_page(tmp_path):
    # read 58 (s56): the address under "page"; review 6: a metadata row that gives both a title and a headline
    page = "https://en.vietnamplus.vn/blue-berets-from-vietnam-post319102.vnp"
    rows = [{"page": page, "row": "meta", "title": "Blue berets from Vietnam | VietnamPlus",
             "headline": "Blue berets from Vietnam"},
            {"page": page, "idx": 1, "type": "h1", "text": "Blue berets from Vietnam"},
            {"page": page, "idx": 2, "type": "p", "text": "Vietnam's field hospital returned home on Monday after a "
             "year with the UN mission in South Sudan."},
            {"page": page, "idx": 3, "type": "p", "text": "It treated more than 4,100 patients."}]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["headline"] == "Blue berets from Vietnam"
    assert unit["_text"].startswith("Vietnam's field hospital returned home")
    numbered = [{"page": "page 3", "idx": n, "type": "p", "text": f"Vietnam and Laos agreed on step {n}."}
                for n in range(2)]  # (a "page" that is no address joins nothing)
    path = write(tmp_path, "pages.jsonl", "\n".join(json.dumps(r) for r in numbered))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2


def test_an_interviews_rows_numbered_by_part_are_one_page(tmp_path):
    # read 63 (s57): rows numbered under "part" beside a "kind" (image, caption, title, meta, intro, question, answer)
    # were each read as an article of its own: no summary, no headline
    base = {"article_id": "vovworld-1"}
    kinds = [("image", "https://vovworld.vn/photos/f.jpg"), ("caption", "Visitors at the festival. (Photo: VOV)"),
             ("title", "Vietnam Festival in Tokyo: a bigger crowd"), ("meta", "Monday, 25 May 2026 | 10:05 | Culture"),
             ("intro", "(VOVWORLD) - The Vietnam Festival in Tokyo drew more than 180,000 visitors over the weekend, "
                       "its organisers said."),
             ("question", "VOV: What was new this year?"),
             ("answer", "Takahashi Rie: This is the 17th festival and the biggest so far.")]
    rows = [{**base, "part": n, "kind": kind, "content": text} for n, (kind, text) in enumerate(kinds, 1)]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "Vietnam Festival in Tokyo: a bigger crowd"
    assert page["_text"].startswith("The Vietnam Festival in Tokyo drew")  # (its dateline known as one)


def test_a_pages_paragraph_rows_numbered_n_with_a_style_are_one_page(tmp_path):
    # read 67 (s58): {"doc": …, "url": …, "n": 4, "style": "body", "para": …} stopped `predict` for the whole folder
    # (no text field it knew), and a monitoring tool's "fulltext" did too
    url = "https://vietnamnews.vn/society/1/handover.html"
    parts = [("title", "37 citizens handed over at border gate"), ("byline", "By Lê Hương"),
             ("caption", "Citizens receive health checks on May 6. — VNA/VNS Photo"),
             ("body", "TÂY NINH — Cambodian authorities on Wednesday handed over 37 Vietnamese citizens to Vietnamese "
                      "authorities at the Mộc Bài border gate."),
             ("body", "The citizens had been rescued from an online fraud compound.")]
    rows = [{"doc": "vns-1", "url": url, "n": n, "style": style, "para": text}
            for n, (style, text) in enumerate(parts, 1)]
    path = write(tmp_path, "paras.jsonl", "\n".join(json.dumps(r) for r in rows))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "37 citizens handed over at border gate"
    assert page["_text"].startswith("Cambodian authorities on Wednesday handed over 37")
    body = "Indonesian police on Friday helped 40 Vietnamese tourists stranded in Bali return home, the embassy said."
    monitor = {"alert_id": "a1", "headline": "Stranded tourists return", "snippet": "Indonesian police on Friday …",
               "fulltext": body}
    path = write(tmp_path, "monitor.jsonl", json.dumps(monitor))
    (row,) = list(read_units([str(path)], SummariseTask({})))
    assert row["_text"] == body
    # a review's (s58): a short "para" or "fulltext" beside a longer text field named so is not the text
    from diplo_ml.data.examples import record_text_field

    assert record_text_field({"title": "T", "body_html": f"<p>{body}</p>", "para": "A3"}) == "body_html"
    assert record_text_field({"articleText": body, "fulltext": "https://example.org/a"}) == "articleText"


def test_a_radio_interviews_segments_are_one_page_and_a_vietnamplus_subheadline_its_sapo(tmp_path):
    # read 67 (s58): rows numbered by "seg" beside a "role" (title, host, intro, question, answer) were each read as
    # an article of its own (the first, a host's greeting, gave an empty summary); VietnamPlus's lead sat only in the
    # row's "subheadline" (its sapo), above a body that opens on what the co-chair said
    url = "https://vovworld.vn/en-US/culture-talk/centre-in-france-1404480.vov"
    parts = [("title", "Vietnam Cultural Centre in France to mark 80 years"),
             ("host", "Hello and welcome to Culture Talk, I'm Minh Ngọc in Hanoi."),
             ("intro", "The Vietnam Cultural Centre in France will hold a month-long programme of exhibitions in "
                       "Paris from June 1, its director said."),
             ("question", "What will visitors see?"), ("answer", "They will see paintings, films and ao dai.")]
    rows = [{"url": url, "program": "Culture Talk", "seg": n, "role": role, "text": text}
            for n, (role, text) in enumerate(parts)]
    path = write(tmp_path, "talk.jsonl", "\n".join(json.dumps(r) for r in rows))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "Vietnam Cultural Centre in France to mark 80 years"
    assert "The Vietnam Cultural Centre in France will hold" in page["_text"]
    sapo = ("Vietnam and New Zealand agreed to speed up the opening of their markets to each other's farm products at "
            "a meeting held in Hanoi on May 8.")
    row = {"headline": "Vietnam, New Zealand agree to speed up opening markets", "subheadline": sapo,
           "url": "https://en.vietnamplus.vn/vietnam-new-zealand-post318511.vnp",
           "body": "Hanoi (VNA) – Co-chairing the meeting, Deputy Minister Vũ Minh Đạt said two-way trade grew 12 "
                   "per cent last year.\n\nThe two sides signed a plan."}
    path = write(tmp_path, "vnp.jsonl", json.dumps(row))
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("Vietnam and New Zealand agreed")
    foreign = {**row, "url": "https://www.reuters.com/world/asia-pacific/x"}  # (a foreign site's subheadline teases)
    path = write(tmp_path, "f.jsonl", json.dumps(foreign))
    assert next(read_units([str(path)], SummariseTask({})))["_text"].startswith("Hanoi (VNA) – Co-chairing")


def test_an_articles_text_over_numbered_chunks_or_pages_is_one_article(tmp_path):
    # read 68 (s58): a toast over two rows `{"url", "title", "page": 1, "pages": 2, "text"}` was read as two articles;
    # rows numbered beside their count are one article, each chunk's paragraphs kept apart
    url = "https://en.vietnamplus.vn/toast-by-president"
    texts = ["Hanoi (VNA) - President Vinh welcomed his guest.\n\nThe two countries have been friends for 55 years.",
             "I am pleased to announce that Vietnam and Chile have decided to upgrade their relationship.\n\nCheers."]
    for field in ("page", "chunk"):
        rows = [{"url": url, "title": "Toast by the President at the state banquet", field: n, f"{field}s": 2,
                 "text": text} for n, text in enumerate(texts, 1)]
        path = write(tmp_path, f"{field}.jsonl", "\n".join(json.dumps(r) for r in rows))
        (article,) = list(read_units([str(path)], SummariseTask({})))
        assert article["headline"] == "Toast by the President at the state banquet"
        assert article["_text"].split("\n\n")[:3] == ["President Vinh welcomed his guest.",
                                                      "The two countries have been friends for 55 years.",
                                                      texts[1].split("\n\n")[0]]
    other = [{"url": f"https://example.org/{n}", "title": f"Story {n}", "page": 1, "text": texts[0]} for n in range(2)]
    path = write(tmp_path, "listing.jsonl", "\n".join(json.dumps(r) for r in other))  # (other addresses: two stories)
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2
    # a review's (s58): a listing's page number on every story of one address, or a digest's chunks, give no count of
    # pages or chunks: each row stays an article
    for field in ("page", "chunk"):
        listing = [{"url": "https://baoquocte.vn/ngoai-giao?page=2", field: 2, "name": f"Story {n}", "text": texts[n]}
                   for n in range(2)]
        path = write(tmp_path, f"listing_{field}.jsonl", "\n".join(json.dumps(r) for r in listing))
        assert len(list(read_units([str(path)], SummariseTask({})))) == 2


SEGMENTS = ["(music) this is vov five the english language service here is the seven thirty bulletin",
            "good morning i'm minh khang and here's what's making news",
            "sixty four vietnamese rescued from scam compounds in myanmar are on their way home",
            "the vietnamese embassy in myanmar has received sixty four vietnamese citizens rescued from online scam "
            "compounds and is working with thai authorities to bring them home.",
            "the group includes fifty one men and thirteen women most of them from the central highlands"]


def test_a_transcripts_timed_segments_are_one_recording_with_no_headline(tmp_path):
    # read 71 (s59): one speech-recognition segment a row, `{"audio": …, "seg": 3, "start": 21.6, "end": 36.8, …}`,
    # gave 14 articles (most "no statement"); read 67's rows with a station, programme and clock times and no address
    # too. Timed rows of one recording are one article, read as a transcript (its speech gives no headline)
    rows = [{"audio": "vov5_0730.wav", "seg": n, "start": 7.5 * n, "end": 7.5 * n + 7.5, "speaker": "SPEAKER_00",
             "text": text, "asr": "whisperx"} for n, text in enumerate(SEGMENTS)]
    path = write(tmp_path, "asr.jsonl", "\n".join(json.dumps(r) for r in rows))
    (article,) = list(read_units([str(path)], SummariseTask({})))
    assert article["headline"] is None
    assert article["_text"].split("\n\n")[0] == SEGMENTS[3]
    clock = [{"station": "VOV5", "air_date": "2026-05-15", "t0": f"19:03:{10 + n:02d}", "t1": f"19:03:{11 + n:02d}",
              "speaker": "ANCHOR" if n % 2 else "REPORTER", "text": text} for n, text in enumerate(SEGMENTS)]
    path = write(tmp_path, "clock.jsonl", "\n".join(json.dumps(r) for r in clock))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 1
    # two recordings are two articles (the first, a station's call alone, with nothing to summarise)
    two = rows[:3] + [{**r, "audio": "vov5_0800.wav", "start": r["start"] - 22.5, "end": r["end"] - 22.5}
                      for r in rows[2:]]
    path = write(tmp_path, "two.jsonl", "\n".join(json.dumps(r) for r in two))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2
    # rows of their own (a review's near misses, s59): a calendar's events by the hour, clips that each start at 0, a
    # bulletin's stories of two sentences, two answers, dates for times
    story = "Vietnam and Japan agreed on Monday to boost chip cooperation. The deal was signed in Hanoi."
    for others in ([{"date": "2026-05-15", "start_time": f"{9 + n}:00", "end_time": f"{10 + n}:00", "text": s}
                    for n, s in enumerate(SEGMENTS)],
                   [{"channel": "VTV4", "start": 0, "end": 60 + n, "text": s} for n, s in enumerate(SEGMENTS)],
                   [{"programme": "News", "start": 60.0 * n, "end": 60.0 * n + 60, "text": story} for n in range(3)],
                   [{"event": "briefing", "start": "15:00:12", "end": "15:01:40", "text": SEGMENTS[3]},
                    {"event": "briefing", "start": "15:01:41", "end": "15:03:05", "text": SEGMENTS[4]}],
                   [{"title": f"Event {n}", "start": "2026-05-0{n}", "end": "2026-05-0{n}", "text": SEGMENTS[3]}
                    for n in range(1, 4)],
                   # a second review's: a timeline's years, a text's character offsets
                   [{"from": 1973 + 2 * n, "to": 1975 + 2 * n, "text": s} for n, s in enumerate(SEGMENTS)],
                   [{"start": 30 * n, "end": 30 * n + 29, "text": s} for n, s in enumerate(SEGMENTS)]):
        path = write(tmp_path, "others.jsonl", "\n".join(json.dumps(r) for r in others))
        assert len(list(read_units([str(path)], SummariseTask({})))) == len(others)


def test_a_rows_words_broken_at_a_line_end_hyphen_are_mended(tmp_path):
    # read 71 (s59): a PDF's text in a scraped row kept "congratu- late" (a line-end hyphen), so the speech's thanks
    # was no courtesy and became its summary; its other line breaks stay (a review: joining them as a printed page's
    # split a name)
    text = ("Mr. President,\n\n1. On behalf of the Vietnamese delegation, I would like to congratu-\n"
            "late you, Mr. President, on your election, and to thank the Secretariat\n"
            "for the comprehensive report on the work of the Organization over the year.\n\n"
            "2. Viet Nam calls on all Member States to bring the new agreement into\n"
            "force as soon as possible, and Viet Nam will complete its own procedures\n"
            "for a rules-based, win-win order that like-minded partners also support,\n"
            "before and after the summit, with pre- and post-summit talks and e-\n"
            "visas for the delegates, in what the ambassador called a rules-\n"
            "based approach that small- and medium-sized states can share.")
    path = write(tmp_path, "pdf.jsonl", json.dumps({"doc_id": "wha", "title": "Statement at the Assembly",
                                                     "text": text}))
    (row,) = list(read_units([str(path)], SummariseTask({})))
    assert "I would like to congratulate you, Mr. President" in row["_text"]
    assert "agreement into\nforce" in row["_text"]
    from diplo_ml.data.line_joins import mended_breaks

    assert "a rules-based approach" in row["_text"] and "e-visas" in row["_text"]  # (a review's near misses)
    assert "small-\nand medium" in row["_text"] or "small- and medium" in row["_text"]
    assert mended_breaks("the user-\nfriendly site") == "the user-\nfriendly site"  # (not hard-wrapped: as it is)


def test_an_articles_second_page_by_its_address_is_one_article_with_the_first(tmp_path):
    # read 68 (s59): a toast over two rows whose second address ends "?page=2" was read as two articles
    url = "https://en.vietnamplus.vn/toast-by-president-post319841.vnp"
    texts = ["Hanoi (VNA) - It is a great pleasure to receive you in Hanoi.\n\nOur friendship is 55 years old.",
             "I am pleased to announce that Vietnam and Chile have decided to upgrade their relationship."]
    rows = [{"id": f"p{n}", "url": url + ("?page=2" if n == 2 else ""), "title": "Toast by the President", "page": n,
             "pages": 2, "text": text} for n, text in enumerate(texts, 1)]
    path = write(tmp_path, "toast.jsonl", "\n".join(json.dumps(r) for r in rows))
    (article,) = list(read_units([str(path)], SummariseTask({})))
    assert texts[1] in article["_text"]
    posts = [{**row, "url": f"https://example.org/?p={410 + n}"} for n, row in enumerate(rows)]  # (WordPress's post
    path = write(tmp_path, "posts.jsonl", "\n".join(json.dumps(r) for r in posts))  # ids: two articles, a review)
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2


def test_a_pictures_row_beside_its_articles_row_is_left_out_with_a_note(tmp_path, capsys):
    # read 73 (s59): `{"block": "lead_image", "url": …, "caption": …, "credit": …}` above the article's row stopped
    # `predict` for the whole folder (no text field); a row with no text that is no picture still does, naming it
    url = "https://apnews.com/article/vietnam-ao-dai-unesco"
    rows = [{"block": "lead_image", "url": url, "caption": "Models wearing ao dai walk the runway. (AP Photo)",
             "credit": "AP"},
            {"block": "article", "url": url, "headline": "Vietnam seeks UNESCO status for the ao dai",
             "text": "HANOI, Vietnam (AP) — Vietnam asked UNESCO on Friday to list the ao dai as heritage."}]
    path = write(tmp_path, "ap.jsonl", "\n".join(json.dumps(r) for r in rows))
    (row,) = list(read_units([str(path)], SummariseTask({})))
    assert "Vietnam asked UNESCO on Friday" in row["_text"]
    assert "ap.jsonl:1: a picture's row" in capsys.readouterr().err
    path = write(tmp_path, "bad.jsonl", json.dumps({"block": "article", "url": url, "credit": "AP"}))
    with pytest.raises(DataError, match="bad.jsonl:1: missing or empty 'text'"):
        list(read_units([str(path)], SummariseTask({})))


def test_a_crawls_listing_a_feeds_own_row_and_a_header_of_no_text_are_left_out_with_a_note(tmp_path, capsys):
    # reads 75-77 (s60): a crawl's listing page (with its teasers, or none), an Atom export's feed row and a live
    # blog's header row above its updates stopped `predict` for the whole folder or were summarised as articles
    url = "https://en.baochinhphu.vn/vietnam-to-open-trade-office-in-nairobi-111260612.htm"
    article = {"type": "article", "url": url, "title": "Vietnam to open trade office in Nairobi",
               "text": "VGP - Vietnam will open a trade office in Nairobi, Kenya, in August, its first in East Africa."}
    rows = [{"type": "listing", "url": "https://en.baochinhphu.vn/economy.htm", "title": "Economy - VGP News",
             "text": "Economy\n\nVietnam to open trade office in Nairobi\nThe office is expected to open in August."},
            {"page_type": "listing", "url": "https://thanhhoa.gov.vn/en/news?page=1", "summary": "On the afternoon…",
             "text": None},
            {"record": "feed", "feed_title": "Nhan Dan Online – Culture", "feed_url": "https://en.nhandan.vn/rss"},
            {"type": "header", "page_title": "Kumamoto earthquake: live", "standfirst": "No Vietnamese were hurt."},
            article]
    path = write(tmp_path, "crawl.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert "Vietnam will open a trade office in Nairobi" in unit["_text"] and unit["line"] == 5
    err = capsys.readouterr().err
    for line, kind in ((1, "listing"), (2, "listing"), (3, "feed"), (4, "header")):
        assert f"crawl.jsonl:{line}: a '{kind}' row (not an article) is left out" in err
    # rows whose kind ends on no such word, or a section's kind with text, or a topic's tag, are articles (a review)
    crawl = write(tmp_path, "crawl_info.jsonl", json.dumps({"record_type": "crawl_info", "crawler": "sitewalker/2.3"})
                  + "\n" + json.dumps(article))  # (read 79: a crawl's "crawl_info" row; its kind's last word says so)
    assert len(list(read_units([str(crawl)], SummariseTask({})))) == 1
    kinds = [{"type": "feed_item"}, {"type": "channel_post"}, {"page_type": "category"}, {"record": "archive_article"},
             {"kind": "search-results-article"}, {"tag": "election results"}, {"type": "election results"},
             {"type": "comment"}, {"type": "related"}, {"role": "recommended"}]  # (with text: an op-ed, an article)
    path = write(tmp_path, "kinds.jsonl", "\n".join(json.dumps({**article, **kind}) for kind in kinds))
    assert len(list(read_units([str(path)], SummariseTask({})))) == len(kinds)
    # a file of nothing but such rows is noted and the run goes on
    path = write(tmp_path, "teasers.jsonl", json.dumps(rows[0]))
    assert list(read_units([str(path)], SummariseTask({}))) == []
    assert "teasers.jsonl: no article rows (1 left out)" in capsys.readouterr().err
    # a header or metadata row that holds text is read as an article; a row of no text of no such kind is an error
    path = write(tmp_path, "header.jsonl", json.dumps({**article, "type": "header"}))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 1
    path = write(tmp_path, "bad.jsonl", json.dumps({"type": "story", "url": url, "standfirst": "No text here."}))
    with pytest.raises(DataError, match="bad.jsonl:1: missing or empty 'text'"):
        list(read_units([str(path)], SummariseTask({})))


def test_a_feed_parsers_rows_a_spiders_related_rows_and_a_null_text_beside_maintext(tmp_path, capsys):
    # read 79 (s60): feedparser's `{"feed": {…}}` row stopped the run and its `{"entry": {…, "content": [{"value":
    # "<p>…"}]}}` row had no text; news-please's "text": null beside its "maintext"; a spider's "related" rows
    link = "https://e.vnexpress.net/news/business/japanese-firms-pledge-4937221.html"
    article_text = "Japanese companies pledged 4.2 billion USD in 23 projects in Vietnam at a forum in Osaka."
    rows = [{"feed": {"title": "VnExpress International - Business", "link": "https://e.vnexpress.net"}, "bozo": 0},
            {"entry": {"id": link, "link": link, "title": "Japanese firms pledge $4.2B in Vietnam projects",
                       "content": [{"type": "text/html", "value": "<p>Japanese companies pledged 4.2 billion USD in "
                                    "23 projects in Vietnam at a forum in Osaka on Thursday.</p><p>More will follow."
                                    "</p>"}]}},
            {"item_type": "related", "title": "ASEAN, GCC agree to hold a dialogue", "url": link + "?r=1",
             "snippet": "ASEAN and the Gulf Cooperation Council agreed on June 22 to hold a dialogue."},
            {"title": "Embassy takes consular services to Czech provinces", "text": None, "maintext": "The first "
             "session of the embassy's mobile consular service was held in Prague on Saturday.", "language": "en"}]
    path = write(tmp_path, "export.jsonl", "\n".join(json.dumps(r) for r in rows))
    entry, news = list(read_units([str(path)], SummariseTask({})))
    assert entry["headline"] == "Japanese firms pledge $4.2B in Vietnam projects" and "pledged 4.2 billion" in \
        entry["_text"]
    assert news["_text"].startswith("The first session of the embassy's mobile consular service")
    beside = write(tmp_path, "beside.jsonl", json.dumps({"body_txt": article_text, "item": {"type": "related",
                                                         "body": "Tokyo talks yield chip deal."}}))
    (unit,) = list(read_units([str(beside)], SummariseTask({})))  # (a wrapper beside a text of the row's own)
    assert unit["_text"].startswith(article_text[:40])
    err = capsys.readouterr().err
    assert "export.jsonl:1: a 'feed' row (not an article)" in err and "export.jsonl:3: a 'related' row" in err


def test_a_wires_flash_is_left_out_for_its_later_version_in_the_next_row(tmp_path, capsys):
    # read 78 (s60): a wire export's flash ("… More to follow.") and its first update in the next row; the flash gave
    # the summary and the update's "UPDATE 1-" stayed in its headline
    stem = "tag:reuters.com,2026:newsml_L4N3HX1A2"
    flash = {"id": f"{stem}:1", "version": 1, "headline": "EU INSPECTORS SAY VIETNAM MADE PROGRESS ON FISHING",
             "body": "HANOI, June 19 (Reuters) - EU inspectors said Vietnam had made progress.\n\nMore to follow."}
    update = {"id": f"{stem}:2", "version": 2, "headline": "UPDATE 1-EU signals Vietnam could shed seafood warning",
              "body": "HANOI, June 19 (Reuters) - The European Union could lift its warning on Vietnamese seafood by "
                      "December, its inspectors said on Friday."}
    path = write(tmp_path, "wire.jsonl", "\n".join(json.dumps(r) for r in (flash, update)))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["line"] == 2 and "The European Union could lift" in unit["_text"]
    assert unit["headline"] == "EU signals Vietnam could shed seafood warning"
    assert "wire.jsonl:1: an earlier version of line 2's story (version 1 of 2) is left out" in capsys.readouterr().err
    about = {"title": "VietnamPlus: 18 years telling Vietnam's story to the world", "text": update["body"]}
    path = write(tmp_path, "about.jsonl", json.dumps(about))  # (an outlet before a row's title is its subject)
    assert next(read_units([str(path)], SummariseTask({})))["headline"] == about["title"]
    # a version field beside the same id does as well; the tagger still reads every row
    rows = [{**flash, "id": "s1"}, {**update, "id": "s1"}]
    path = write(tmp_path, "cms.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert [u["line"] for u in read_units([str(path)], SummariseTask({}))] == [2]
    assert len(list(read_units([str(path)], PillarsTask({})))) == 2
    # not a version: other stories, an older version after the newer, rows apart, ids that end in a number
    others = [[{**flash, "id": f"{stem}:1"}, {**update, "id": "other:2"}],
              [{**update, "id": f"{stem}:2"}, {**flash, "id": f"{stem}:1"}],
              [{**flash, "id": "a:1"}, {**update, "id": "b", "version": 3}, {**update, "id": "a:2"}],
              [{**flash, "id": "story-2026"}, {**update, "id": "story-2027"}],
              [{**flash, "id": 41, "version": None}, {**update, "id": 42}],
              # (a review's: ids that end in a number with no version field, two sites' rows of one id)
              [{k: v for k, v in flash.items() if k != "version"}, {k: v for k, v in update.items() if k != "version"}],
              [{**flash, "id": 4821, "url": "https://vov.vn/a"}, {**update, "id": 4821, "url": "https://vnanet.vn/b"}],
              [{**flash, "id": 4821, "site": "vov.vn"}, {**update, "id": 4821, "site": "nhandan.vn"}]]
    for n, pair in enumerate(others):
        path = write(tmp_path, f"apart{n}.jsonl", "\n".join(json.dumps(r) for r in pair))
        assert len(list(read_units([str(path)], SummariseTask({})))) == len(pair), pair


def test_a_live_blogs_a_gallerys_and_a_briefings_rows_are_one_page_each(tmp_path, capsys):
    # reads 75, 80-82 (s60, s61): a live blog's header row (title, standfirst) above its updates gave each update as
    # an article; a gallery's header and its slides, and a briefing exported a question a row, stopped `predict`
    url = "https://english.vov.vn/en/politics/live-vietnam-at-the-un-forum-post1221904.vov"
    standfirst = "Vietnam presented its third Voluntary National Review at the UN forum in New York on July 14."
    live = [{"kind": "liveblog_header", "url": url, "title": "Live: Vietnam at the UN forum", "standfirst": standfirst,
             "published": "2026-07-14T20:00:00+07:00"},
            {"kind": "liveblog_update", "url": url, "update_title": "Coverage ends", "text": "That concludes our live "
             "coverage. The forum continues until July 17."},
            {"kind": "liveblog_update", "url": url, "text": "At a side event, officials presented a mangrove plan."}]
    path = write(tmp_path, "live.jsonl", "\n".join(json.dumps(r) for r in live))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "Live: Vietnam at the UN forum" and page["line"] == 1 and page["date"] == "2026-07-14"
    assert page["_text"].startswith(standfirst) and "a mangrove plan" in page["_text"]
    gallery = [{"type": "gallery", "url": url, "title": "Family Day brings generations together in Ansan",
                "intro": "More than 3,000 people took part in the first Vietnamese Family Day in Ansan on July 19."},
               *({"type": "slide", "n": n, "url": url, "caption": f"Children play game number {n}."} for n in (1, 2))]
    path = write(tmp_path, "gallery.jsonl", "\n".join(json.dumps(r) for r in gallery))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["_text"].startswith("More than 3,000 people") and "game number 2" in page["_text"]
    asked = [{"briefing_title": "Regular Press Briefing on 30 July 2026", "url": url, "item": n,
              "question": f"Could you comment on item {n}?", "answer": f"Vietnam will send unit {n} in August."}
             for n in (1, 2)]
    path = write(tmp_path, "briefing.jsonl", "\n".join(json.dumps(r) for r in asked))
    (page,) = list(read_units([str(path)], SummariseTask({})))
    assert page["headline"] == "Regular Press Briefing on 30 July 2026" and "send unit 2" in page["_text"]
    assert [u["_text"] for u in read_units([str(path)], PillarsTask({}))] == [
        f"Could you comment on item {n}?\n\nVietnam will send unit {n} in August." for n in (1, 2)]  # (rows to tag)
    # not one page: updates of another page, a row with a title of its own, a header with a teaser cut off
    other = [live[0], {**live[1], "url": url + "?other"}]
    scrolled = [live[0], {**live[1], "h1": "Peru and Vietnam sign a visa deal in Lima"}]  # (the next article, loaded
    # under the same address, a review found)
    boxed = [live[0], {**live[1], "box_title": "Fact box"}, live[2]]  # (a part's heading, a second review found)
    path = write(tmp_path, "boxed.jsonl", "\n".join(json.dumps(r) for r in boxed))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 1
    titled = [live[0], {**live[1], "title": "Another story altogether today"}]
    teaser = [{**live[0], "standfirst": "Vietnam presented its third review at the…"}, live[1]]
    for rows, expected in ((other, 1), (titled, 1), (teaser, 1), (scrolled, 1)):
        path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
        units = list(read_units([str(path)], SummariseTask({})))
        assert len(units) == expected and units[0]["line"] == 2, rows
    err = capsys.readouterr().err
    assert "a 'liveblog_header' row (not an article) is left out" in err


def test_a_crawlers_numbered_chunks_of_one_document_are_one_article(tmp_path):
    # read 83 (s61): four chunks under one doc_id, the first only the page's menus and a caption, were four articles
    # (the first with no statement)
    doc = {"doc_id": "vgp-1112607", "url": "https://en.baochinhphu.vn/viet-nam-australia-111260718.htm",
           "title": "Viet Nam, Australia agree to boost cooperation - VGP News"}
    texts = ["Home | Government | Foreign Affairs\nFont size: A A A | Print | Email\nThe two ministers at the meeting. "
             "Photo: VGP", "VGP - Viet Nam and Australia agreed on July 18 to step up cooperation in critical "
             "minerals.", "The two ministers agreed to set up a working group on critical minerals."]
    rows = [{**doc, "chunk_index": n, "text": text} for n, text in enumerate(texts)]
    path = write(tmp_path, "chunks.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert "agreed on July 18" in unit["_text"] and "working group" in unit["_text"]
    assert len(list(read_units([str(path)], PillarsTask({})))) == 3


def test_a_feeds_content_encoded_and_a_pdfs_pages_under_its_file_name(tmp_path):
    # read 85 (s61): an RSS export's "content_encoded" was no text (the run stopped); a PDF's two pages a row each,
    # titled by the file's name, were two articles headed "APEC2027_InfoNote_03_EN"
    item = {"title": "Vietnam and the UAE hold first CEPA Joint Committee", "link": "https://example.org/uae.html",
            "description": "<p>A teaser [&#8230;]</p>", "content_encoded": "<p>Vietnam and the United Arab Emirates "
            "held the first meeting of their CEPA Joint Committee in Dubai on July 21.</p><p>More talks follow.</p>"}
    path = write(tmp_path, "rss.jsonl", json.dumps(item))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert "held the first meeting" in unit["_text"]
    pages = [{"source_file": "APEC2027_InfoNote_03_EN.pdf", "page": n, "n_pages": 2, "title": "APEC2027_InfoNote_03_EN",
              "text": text} for n, text in ((1, "Viet Nam outlines APEC 2027 priorities\n\nViet Nam introduced the "
                                             "priorities of its APEC host year at the meeting on 24 July."),
                                            (2, "Senior officials welcomed the proposals of Viet Nam."))]
    path = write(tmp_path, "pdf.jsonl", "\n".join(json.dumps(r) for r in pages))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["headline"] == "Viet Nam outlines APEC 2027 priorities" and "Senior officials" in unit["_text"]
    dump = [{"source_file": "crawl-0712.jsonl", "url": f"https://example.org/{n}", "page": 1, "n_pages": 1,
             "title": f"Story number {n} of the crawl", "text": f"Vietnam and partner {n} signed a deal on Monday."}
            for n in (1, 2)]  # (a crawl's dump file holds many pages: each its address's, a review found)
    path = write(tmp_path, "dump.jsonl", "\n".join(json.dumps(r) for r in dump))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 2
    beside = {**item, "body_html": "<p>" + "Vietnam and the UAE agreed in Dubai on halal certification. " * 3 + "</p>",
              "content_encoded": "<p>A teaser [&#8230;]</p><p>The post appeared first on Vietnam Briefing, the site "
              "for investors in Vietnam, its neighbours and the wider region of Asia and more words here.</p>"}
    path = write(tmp_path, "both.jsonl", json.dumps(beside))  # (a feed's teaser beside the body, a review found)
    assert "halal certification" in next(read_units([str(path)], SummariseTask({})))["_text"]
    from diplo_ml.data.examples import record_title
    assert record_title({"title": "statement-final.pdf", "headline_h1": "Viet Nam at the UN"}) == "Viet Nam at the UN"
    assert record_title({"title": "Viet Nam_UN statement"}) == "Viet Nam_UN statement"  # (words: a title)


def test_rows_of_one_page_by_para_no_seq_chunk_count_row_and_segment_type_are_one_article(tmp_path):
    # reads 86, 88, 90, 91 (s62): a page's rows numbered "para_no" under a doc_id, "seq" under a doc_id with the
    # headline repeated, "chunk" beside "chunks_total", "row" beside a "segment_type", and a crawler's "content_chunk"
    # gave one article a row (the first a caption: an empty summary) or stopped the run (no text field)
    lead = ("Vietnam will host the first youth innovation forum of the Francophonie in Hanoi in 2027, the Vice "
            "President said.")
    base = {"doc_id": "vov-1352088", "title": "Vietnam to host Francophone youth forum"}
    texts = ["The Vice President at the summit. (Photo: VOV)", f"(VOVWORLD) - {lead}", "Delegates welcomed the offer."]
    shapes = {"para_no": [{**base, "para_no": n, "content": t} for n, t in enumerate(texts)],
              "seq": [{"doc_id": "xh-1", "seq": n, "headline": base["title"], "body": f"<p>{t}</p>"}
                      for n, t in enumerate(texts)],
              "chunks_total": [{"url": "https://example.org/a.html", "title": base["title"], "chunk": n + 1,
                                "chunks_total": 3, "content": t} for n, t in enumerate(texts)],
              "segment_type": [{"source_url": "https://example.org/b", "page_title": base["title"], "row": n,
                                "segment_type": kind, "body": t} for n, (kind, t) in
                               enumerate(zip(("meta", "announcement", "answer"), texts))],
              "content_chunk": [{"guid": "vgp-9", "link": "https://example.org/c", "title": base["title"],
                                 "chunk_index": n, "content_chunk": t}
                                for n, t in enumerate(texts)]}
    for name, rows in shapes.items():
        path = write(tmp_path, f"{name}.jsonl", "\n".join(json.dumps(r) for r in rows))
        (unit,) = list(read_units([str(path)], SummariseTask({})))
        assert lead in unit["_text"] and "Delegates welcomed" in unit["_text"], name
        assert unit["headline"] == base["title"], name
    # not one page: rows numbered by "seq" under a doc_id with no title (an article's comments), nor rows whose
    # titles differ (a digest's stories)
    comments = [{"article_id": "a1", "seq": n, "text": f"Comment number {n} says the forum is a good idea."}
                for n in (1, 2)]
    digest = [{**row, "headline": f"Story {n} of the day"} for n, row in enumerate(shapes["seq"])]
    for rows in (comments, digest):
        path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r) for r in rows))
        assert len(list(read_units([str(path)], SummariseTask({})))) == len(rows)


def test_a_wires_flash_is_left_out_for_its_lead_whose_version_is_a_word_over_counted_parts(tmp_path, capsys):
    # read 88 (s62): a wire export's flash (`"version": "flash"`, a headline only) above its "1stLD" story in three
    # counted parts and its related row: the flash was an article with an empty summary, the related row another
    slug = {"slug": "BC-VN-ECODIPLOMACY-CONF", "service": "VNA-ENG"}
    url = "https://en.vietnamplus.vn/pm-sets-target-post289413.vnp"
    rows = [{**slug, "version": "flash", "title": "PM URGES MISSIONS TO OPEN 20 NEW MARKETS", "part": 1, "parts": 1,
             "text": "PM URGES MISSIONS TO OPEN 20 NEW MARKETS - CONFERENCE", "url": None},
            *({**slug, "version": "1stLD", "title": "PM sets target of 20 new export markets", "part": n, "parts": 2,
               "url": url, "text": text} for n, text in
              ((1, "Hanoi (VNA) – The Prime Minister on July 9 tasked overseas missions with opening 20 markets."),
               (2, "The conference reviewed three years of economic diplomacy."))),
            {**slug, "version": "1stLD", "title": "PM sets target of 20 new export markets", "part": None,
             "parts": 2, "url": url, "block": "related", "text": "Related: Localities sign 300 deals"}]
    path = write(tmp_path, "wire.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["headline"] == "PM sets target of 20 new export markets" and "tasked overseas" in unit["_text"]
    assert "wire.jsonl:1: an earlier version of line 2's story (version 0 of 1) is left out" in capsys.readouterr().err
    from diplo_ml.predict_inputs import _version_number
    assert [_version_number(v) for v in ("flash", "URGENT", "1stLD", "2nd LD", "LEAD 2", "v3", 4, "final", True)] == [
        0, 0, 1, 2, 2, 3, 4, None, None]
    # not a version: another slug, a later version first
    for pair in ([rows[0], {**rows[1], "slug": "BC-OTHER"}], [{**rows[1], "part": None, "parts": None}, rows[0]]):
        path = write(tmp_path, "apart.jsonl", "\n".join(json.dumps(r) for r in pair))
        assert len(list(read_units([str(path)], SummariseTask({})))) == 2, pair


def test_a_feed_items_sections_a_row_each_are_one_article_and_its_description_is_no_summary(tmp_path):
    # read 87 (s62): an RSS item split into rows by "section_no" under its "item_link": five articles, the first the
    # item's title again, and the framing line a teaser cut ("… stated: …") the summary of the next
    base = {"feed": "mofa-en-rss", "item_title": "Spokesperson's remarks on the evacuation of workers from Libya",
            "item_link": "https://www.mofa.gov.vn/en/press/remarks-evacuation-libya", "guid": "mofa-8841"}
    texts = [("description", "Spokesperson's remarks on the evacuation of workers from Libya. On 29 March, in "
              "response to questions, the Spokesperson stated: …"),
             ("Remarks", "“143 Vietnamese workers were safely evacuated from Benghazi to Tunisia on 27 March,” the "
              "Spokesperson said."),
             ("related", "Regular Press Briefing on 27 March")]
    rows = [{**base, "section_no": n, "section_heading": kind, "content_text": text}
            for n, (kind, text) in enumerate(texts)]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert unit["headline"] == base["item_title"] and "143 Vietnamese workers" in unit["_text"]
    from diplo_ml.models.summarise.selection import statement_candidates
    found = statement_candidates(unit["_text"], unit["headline"])
    first = next(s for s, ok in zip(found.sentences, found.allowed) if ok)
    assert first.startswith("“143 Vietnamese workers")


def test_an_articles_pages_a_row_each_under_its_address_and_title_are_one_article(tmp_path):
    # read 89 (s62): an op-ed crawled a page a row (`"page": 2`, no count; "(continued)") was three articles
    base = {"url": "https://rwgo.asia/commentary/downstream-and-outspoken", "headline": "Vietnam's Mekong diplomacy"}
    texts = ["Vietnam's Mekong diplomacy is shifting from quiet accommodation towards a data-driven approach.",
             "(continued)\n\nThree developments illustrate the shift in the delta.",
             "(continued)\n\nThe approach has limits."]
    rows = [{**base, "page": n + 1, "content": text} for n, text in enumerate(texts)]
    path = write(tmp_path, "pages.jsonl", "\n".join(json.dumps(r) for r in rows))
    (unit,) = list(read_units([str(path)], SummariseTask({})))
    assert "Three developments" in unit["_text"] and "The approach has limits" in unit["_text"]
    # an e-paper's pages under one address, each its own story's title, stay apart
    epaper = [{**row, "headline": f"Story on page {row['page']} of the day"} for row in rows]
    path = write(tmp_path, "epaper.jsonl", "\n".join(json.dumps(r) for r in epaper))
    assert len(list(read_units([str(path)], SummariseTask({})))) == 3


def test_a_rows_lines_are_its_pages_paragraphs_unless_they_go_on():
    # reads 79, 80, 85, 90 (s62): a chunk's menu, page note and lead on lines of their own were one paragraph once its
    # rows made one page ("Home > Economy > Integration Page 1 of 2 Vietnam and …")
    from diplo_ml.data.scraped_elements import _row_lines
    assert _row_lines("Home > Economy > Integration\nPage 1 of 2\nVietnam and the EU agreed on June 11.") == [
        "Home > Economy > Integration", "Page 1 of 2", "Vietnam and the EU agreed on June 11."]
    wrapped = ("Signing the document on behalf of the National Committee for APEC\n2027, the Deputy Minister said the "
               "proposed theme would be \"Connecting\nGrowth, Empowering People\".")
    assert _row_lines(wrapped) == [" ".join(wrapped.split("\n"))]
    assert _row_lines("The minister said the plan\nwould start in June.") == ["The minister said the plan would start "
                                                                             "in June."]

"""Opinion pieces, features, interviews and feeds of reads 92 to 97 (s63): what leads each kind, what marks the kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_ml.data import page_noise
from diplo_ml.data.headlines import spaced_menus
from diplo_ml.data.ingest import ingest_document, read_articles
from diplo_ml.data.page_kind import OPINION, page_kind, row_kind
from diplo_ml.models.summarise.selection import is_statement, statement_candidates
from diplo_ml.predict_inputs import read_units
from diplo_ml.tasks.summarise import SummariseTask

BODY = ("For centuries the capital has welcomed visitors from afar.\n\n"
        "In 1994 the city signed its first friendship agreement with a European capital.\n\n"
        "Since then the list has grown to 107 agreements, most of which produce nothing but photographs.\n\n"
        "Hanoi should treat its sister-city agreements as working contracts with annual targets, not as ceremonial "
        "certificates.\n\n"
        "The partnerships that work show what is possible.\n")
THESIS = "Hanoi should treat its sister-city agreements"


def _first(text: str, headline: str | None = None, kind: str | None = None) -> str:
    found = statement_candidates(text, headline, kind)
    return next(s for s, ok in zip(found.sentences, found.allowed) if ok)


@pytest.mark.parametrize("label", [
    "Home / Opinion", "Home > Politics > Opinion", "Opinion › Academia", "OPINION", "COMMENTARY",
    "OPINION · SUPPLY CHAINS", "Analysis | Vietnam", "PACIFIC BUSINESS REVIEW | OPINION",
    "Commentary: Hanoi's sister cities need targets", "Commentary by Thu Hằng",
    "Hanoi's sister cities need targets - Opinion - Hanoi Times",
])
def test_a_label_the_page_sets_aside_makes_it_an_opinion_piece(label):
    page = f"{label}\n\n# Hanoi's sister cities need targets, not ceremonies\n\n{BODY}"
    article = ingest_document(page, "o", "oped.md")
    assert page_kind(article) == OPINION
    assert _first(article.summary_text, article.headline, page_kind(article)).startswith(THESIS)


@pytest.mark.parametrize("label", [
    "Opinion",  # (a menu's item as often as a kicker: the news pages of reads 42 to 91)
    "Home | Politics | Business | World | Opinion | Life",
    "News › Perspectives",  # (a site's features and interviews)
    "Related: Opinion: Sinking boats is not a policy",
])
def test_a_menu_or_a_lone_section_name_does_not(label):
    page = f"{label}\n\n# Hanoi's sister cities need targets, not ceremonies\n\n{BODY}"
    article = ingest_document(page, "o", "page.md")
    assert page_kind(article) is None
    assert _first(article.summary_text, article.headline, page_kind(article)).startswith("For centuries")


@pytest.mark.parametrize(("record", "kind"), [
    ({"section": "Opinion", "text": "…"}, OPINION), ({"categories": ["Commentary", "Asia"], "text": "…"}, OPINION),
    ({"url": "https://vietnamnews.vn/opinion/1702931/cultural-diplomacy", "text": "…"}, OPINION),
    ({"section": "Politics", "url": "https://vietnamnews.vn/politics/1702931/talks", "text": "…"}, None),
    ({"category": "Opinion poll results", "text": "…"}, None),
])
def test_a_rows_section_category_or_address_gives_its_kind(record, kind):
    assert row_kind(record) == kind


@pytest.mark.parametrize(("set_up", "thesis"), [
    # read 92: the claim after history, a straw man, figures or a scene, in forms ARGUES did not know
    ("Many foreign commentators believe that Viet Nam should simply stay neutral.",
     "Viet Nam's cultural diplomacy works best when it turns foreign audiences into participants."),
    ("In 1996 the first relief planes landed at Da Nang within four days.",
     "Vietnam's multilateral diplomacy earns its returns less through headline resolutions than through drafting."),
    ("The generator at the field hospital coughed into life at 4 a.m.",
     "Hanoi's outreach to the Gulf is best understood as insurance against over-dependence on a few markets."),
    ("Trade between us was measured in tens of millions of euro.",
     "Our central argument is that the free trade agreements are under-used because proving origin costs too much."),
])
def test_an_opinion_pieces_first_claim_in_the_writers_voice_leads(set_up, thesis):
    text = f"{set_up}\n\nThe numbers since then tell a mixed story for the region.\n\n{thesis}\n\nIt is not easy."
    assert _first(text, "A headline", OPINION).startswith(thesis[:30])
    assert _first(text, "A headline").startswith(set_up[:20])  # (no kind: the rules of any page)


@pytest.mark.parametrize("claim", [
    "They should, because they show what a state owes to those who carry its passport.",  # (leans on the one before)
    "Canberra should notice.",  # (a coda, too short to be a thesis)
    "Some analysts believe Vietnam should join more coalitions to protect its trade.",  # (someone else's view)
    "If it is hedging, it should keep its options open for as long as it possibly can.",  # (a condition's half)
])
def test_what_is_no_thesis(claim):
    text = (f"For centuries the capital has welcomed visitors from afar.\n\n{claim}\n\n"
            "Vietnam should treat its partnerships as working contracts with annual targets and reviews.")
    assert _first(text, "A headline", OPINION).startswith("Vietnam should treat")


def test_news_under_an_opinion_label_and_an_interview_keep_their_leads():
    news = ("The Foreign Ministry on Monday announced a new hotline for citizens abroad.\n\n"
            "Officials said the hotline should reach every mission by 2026 and must be staffed day and night.")
    assert _first(news, "Ministry opens hotline", OPINION).startswith("The Foreign Ministry on Monday")
    interview = ("The Hanoi Times spoke to Ambassador Lan about culture in Mexico.\n\n"
                 "Mexico is Vietnam's second-largest trading partner in Latin America.\n\n"
                 "Our two countries should now build the relationship around agri-food technology and education.")
    assert _first(interview, "Ambassador Lan: culture is our bridge", OPINION).startswith("The Hanoi Times")


def test_an_opinion_page_given_to_predict_leads_with_its_thesis(tmp_path):
    page = tmp_path / "oped.html"
    page.write_text("<html><body><div class='breadcrumb'>Home / Opinion</div><h1>Hanoi's sister cities need "
                    "targets</h1>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n") if p.strip())
                    + "</body></html>", encoding="utf-8")
    units = list(read_units([str(page)], SummariseTask({})))
    assert [u["_context"]["kind"] for u in units] == [OPINION]
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"section": "Opinion", "title": "Sister cities", "text": BODY}) + "\n"
                    + json.dumps({"section": "Politics", "title": "Talks", "text": BODY}) + "\n", encoding="utf-8")
    assert [u["_context"]["kind"] for u in read_units([str(rows)], SummariseTask({}))] == [OPINION, None]


FEATURE = ("Stepping off a long-haul flight, thousands of young workers begin new lives abroad every month.\n\n"
           "A small desk in the terminal is trying to make that first step a little lighter.\n\n"
           "\"I know the words, but everything moves so fast,\" he said, laughing nervously.\n\n"
           "The Vietnamese Embassy in Japan on September 3 opened a permanent citizen support desk at Narita "
           "International Airport.\n")


def test_a_features_opening_gives_way_to_the_dated_news_it_comes_to():
    # read 93: a teaser and a scene (its people quoted) above "… on September 3 opened …"
    assert _first(FEATURE, "Trainees in Japan find a lifeline at the airport desk").startswith("The Vietnamese Embassy")


@pytest.mark.parametrize("opening", [
    "The two maritime neighbours will notify each other within 24 hours whenever a fishing boat is held.",  # to come
    "Late on the night of 27 May, a fire broke out at a workers' dormitory in Gimhae City.",  # a date
    "The terminal's staff have taught themselves a little Vietnamese over the past year.",  # done, in the perfect
    "The embassy said thousands of young workers begin new lives abroad every month.",  # a speaker
])
def test_an_opening_that_is_news_of_its_own_stays(opening):
    text = (f"{opening}\n\nA small desk in the terminal is trying to help.\n\nThe Vietnamese Embassy in Japan on "
            "September 3 opened a permanent citizen support desk at Narita airport.\n")
    assert _first(text, "A lifeline at Narita").startswith(opening[:25])
    scene = "Thousands of young workers begin new lives abroad every month."  # (the scene of the same page)
    assert _first(text.replace(opening, scene), "A lifeline at Narita").startswith("The Vietnamese Embassy")


def test_a_framing_sentence_gives_way_to_news_given_to_its_speaker():
    # read 94: an interview's standfirst, framing first and its news second
    text = ("As the global economy enters another year of fragmented supply chains, Vietnamese diplomats are being "
            "asked to deliver results in dollars and jobs.\n\nVietnam will use economic diplomacy to attract at least "
            "15 billion USD in high-technology investment by 2026, Deputy Foreign Minister Nguyễn Hữu Khang has said."
            "\n\nQ: Why semiconductors?")
    assert _first(text, "Economic diplomacy to bring high-technology investment").startswith("Vietnam will use")
    fragment = "The President of Bangladesh, Md.\n\nZillur Rahman met the minister in 2012, the embassy said."
    assert _first(fragment, "President meets minister").startswith("The President")


@pytest.mark.parametrize("line", [
    "Before taking your questions, I would like to make the following announcements.",
    "Today I would like to begin with some announcements on Viet Nam's external activities.",
    "On the afternoon of October 16, 2025, Spokesperson of the Ministry of Foreign Affairs Phạm Thu Hà chaired the "
    "regular press conference of the Ministry.",
])
def test_a_briefings_order_of_business_is_no_statement(line):
    # reads 94 and 97: these stood above the first announcement
    assert not is_statement(line)
    assert is_statement("I would like to announce that the Prime Minister will visit New Zealand from October 22.")


def _rows(tmp_path: Path, rows: list[dict]) -> list[dict]:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return list(read_units([str(path)], SummariseTask({})))


def test_a_feed_items_description_or_summary_is_its_text(tmp_path):
    # read 95: an RSS export's items with a null "content_encoded", a feed reader's {"summary": {"content": …}}
    units = _rows(tmp_path, [
        {"title": "Vietnam, Brazil discuss cooperation", "link": "https://vovworld.vn/a.vov", "content_encoded": None,
         "description": "(VOVWORLD) - Deputy Prime Minister Hoàng Văn Lợi received a Brazilian delegation in Hanoi."},
        {"title": "Coast Guard rescues 14 Vietnamese fishermen", "canonical": [{"href": "https://m.ph/1"}],
         "summary": {"content": "<p>Fourteen Vietnamese fishermen were rescued off Palawan on Monday.</p>"}}])
    assert [u["headline"] for u in units] == ["Vietnam, Brazil discuss cooperation",
                                              "Coast Guard rescues 14 Vietnamese fishermen"]
    assert "received a Brazilian delegation" in units[0]["_text"] and "were rescued" in units[1]["_text"]


def test_a_header_rows_description_is_no_text_and_titled_chunks_are_one_page(tmp_path):
    header = {"type": "header", "article_id": "a1", "title": "Vietnam, Brazil agree on trade talks",
              "description": "Read more about Vietnam-Brazil relations on VOVWORLD."}
    body = {"type": "body", "article_id": "a1", "seq": 1, "role": "paragraph",
            "text": "Vietnam and Brazil agreed on Monday to push for trade talks."}
    units = _rows(tmp_path, [header, body])
    assert len(units) == 1 and "Read more" not in units[0]["_text"]
    # read 93: a feed's chunks of one item under its link and title, the first a teaser in "description"
    chunk = {"guid": "vnp-1", "link": "https://en.vietnamplus.vn/visit-1.vnp", "title": "A visit renews a friendship"}
    units = _rows(tmp_path, [{**chunk, "chunk": 0, "description": "Children waved two flags.", "content_chunk": None},
                             {**chunk, "chunk": 1, "description": None, "content_chunk":
                              "The two Presidents held talks in Vientiane on October 15, agreeing to lift trade."}])
    assert len(units) == 1 and "held talks" in units[0]["_text"]
    units = _rows(tmp_path, [{"page_url": "https://x.vn/fdi", "headline": "FDI rises", "seq": 1,
                              "body_part": "Foreign direct investment reached 31.52 billion USD in ten months."}])
    assert "31.52 billion" in units[0]["_text"]  # (read 97: a spider's "body_part")


def test_a_language_bar_a_menu_two_spaces_apart_and_a_promotion_are_no_headline():
    # read 97
    page = ("Exclusive news, data and analytics for financial market professionals  Learn more about Refinitiv\n\n"
            "Tiếng Việt English Français Español 中文 Русский 日本語 한국어 Deutsch ລາວ ខ្មែរ Bahasa\n\n"
            "World  Business  Markets  Sustainability  Legal  Breakingviews  Technology  Investigations\n\n"
            "Vietnam, Indonesia agree framework for 2026 rice supplies\n\n"
            "HANOI, Oct 15 (Reuters) - Vietnam and Indonesia have agreed on a framework for rice supplies, two "
            "officials said on Wednesday.\n")
    article = ingest_document(page, "r", "wire.txt")
    assert article.headline == "Vietnam, Indonesia agree framework for 2026 rice supplies"
    assert spaced_menus("Home  Truths  About  the  Trade  Gap") == "Home  Truths  About  the  Trade  Gap"
    assert page_noise.PROMOTION.search("Learn more about Refinitiv")
    assert not page_noise.PROMOTION.search("Learn more about how the new visa rules work for students abroad.")


def test_a_newsletters_story_title_may_have_a_colon_and_its_byline_is_none(tmp_path):
    # read 93: "Saturday school: keeping …" above "By the Embassy Press and Culture Section" under an issue's subject
    mail = tmp_path / "newsletter.eml"
    mail.write_text("From: Embassy of Viet Nam <newsletter@embassy.example>\nSubject: Embassy Newsletter - Issue 37 "
                    "(June 2024)\nDate: Wed, 19 Jun 2024 10:01:58 +1000\nContent-Type: text/plain; charset=utf-8\n\n"
                    "FEATURED STORY\n\nSaturday school: keeping Vietnamese alive in the suburbs\n\nBy the Embassy "
                    "Press and Culture Section\n\nAt 8.45 on a cold Saturday morning, the heaters in Room 14 of a "
                    "public school hum as twenty children settle down to their Vietnamese lessons.\n",
                    encoding="utf-8")
    assert read_articles(mail, "n")[0].headline == "Saturday school: keeping Vietnamese alive in the suburbs"


def test_a_posts_comment_count_above_its_text_does_not_make_the_text_comments():
    # read 92: a blog's "4 Comments" link under its title and "Leave a comment" at its end
    long = "In July 1998 I was the most junior member of our delegation to a ministerial meeting held by the sea. " * 3
    lines = ["4 Comments", long, long, long, "Tags: ASEAN, memoirs", "Leave a comment"]
    assert page_noise.comment_block(lines) == set()
    comments = ["4 Comments", "Lan Nguyen: Great piece, thank you.", "Reply · 2 hours ago", "Minh Tran: Agreed.",
                "Reply · 1 hour ago", "Leave a comment"]
    assert page_noise.comment_block(comments) == set(range(len(comments)))


def test_a_newsletters_issue_and_title_is_no_statement():
    # read 95: its title given as the first sentence, above the main story's news
    assert not is_statement("Hanoi Diplomatic Digest #42: Berlin wants Vietnamese nurses.")
    assert is_statement("The Hanoi Weekly Digest reported on Tuesday that Berlin wants more Vietnamese nurses.")


# review 1 of s63 (64 near misses, /work/exp/s63/review1): what the first version got wrong, each mended
def test_review_1_of_s63_what_no_opinion_label_is():
    from diplo_ml.data.article import Article

    menu = Article("m", "m.html", dropped=[(2, "breadcrumb", "Home / News / Politics / Opinion / Business / Life")])
    assert page_kind(menu) is None
    crumb = Article("c", "c.html", dropped=[(2, "breadcrumb", "Home / Opinion / Academia")])
    assert page_kind(crumb) == OPINION
    essays = Article("e", "e.html", dropped=[(1, "section label", "Essays by Vietnamese students win Japan prize")])
    assert page_kind(essays) is None
    assert page_kind(Article("b", "b.html", dropped=[(1, "section label", "Commentary by Thu Hằng")])) == OPINION


def test_review_1_of_s63_what_leads_an_opinion_page_and_a_framed_report():
    thesis_first = ("Putting off the Mekong water-data agreement for another year is a mistake the region cannot "
                    "afford.\n\nThe partners who fund the commission's work should make clear that the money depends "
                    "on sharing data.")
    assert _first(thesis_first, "Delaying the Mekong water-data agreement is a mistake", OPINION).startswith("Putting")
    straw_man = ("Many in Hanoi believe that Vietnam must sooner or later choose between Washington and Beijing."
                 "\n\nVietnam should keep building ties with both powers, because no partner can dictate its choices.")
    assert _first(straw_man, "Vietnam need not choose between Washington and Beijing", OPINION).startswith("Vietnam")
    dated = ("Vietnam and Indonesia on Tuesday exchanged instruments of ratification of their maritime boundary deal."
             "\n\nAnalysts say the deal should reduce clashes between fishing fleets in the overlapping waters.")
    assert _first(dated, "Analysis: a boundary that should calm the seas", OPINION).startswith("Vietnam and")
    news = ("Vietnam stands ready to send a second search and rescue team to Myanmar to help earthquake victims.\n\n"
            "The first team of 80 soldiers has pulled 12 people from the rubble so far, Deputy Defence Minister Hoang "
            "Van Long said.")
    assert _first(news, "Vietnam ready to send second rescue team to Myanmar earthquake").startswith("Vietnam stands")


def test_review_1_of_s63_an_announcement_after_a_colon_and_what_no_promotion_or_menu_is():
    assert is_statement("Today I would like to begin with some announcements: President Vo Hoang Lam will visit "
                        "Chile from May 3 to 6.")
    assert not page_noise.PROMOTION.search("Lao Students Learn More About Viet Nam")
    assert not page_noise.PROMOTION.search("A photo show opened in Paris to help French visitors learn more about "
                                           "Vietnam.")
    title = "World  Leaders  Hail  Vietnam's  Culture  Diplomacy"
    assert spaced_menus(title) == title


def test_review_1_of_s63_a_datasets_reference_summary_is_no_text_and_an_article_item_is_a_feed_item(tmp_path):
    with pytest.raises(Exception, match="missing or empty 'text'"):
        _rows(tmp_path, [{"document": "Vietnam and Laos signed a deal.", "summary": "Vietnam, Laos sign deal."}])
    units = _rows(tmp_path, [{"type": "article", "title": "Vietnam, Laos open joint border station",
                              "link": "https://x.vn/1", "description": "Border guards opened a joint station on "
                              "Sunday."}])
    assert "joint station" in units[0]["_text"]

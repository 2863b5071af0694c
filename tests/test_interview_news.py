"""An interview's news in a later answer leads over its set-up and general answers (s64: reads 65, 68, 72, 76)."""

from __future__ import annotations

import pytest

from diplo_ml.models.summarise.selection import statement_candidates

SETUP = ("The World & Vietnam Report spoke with Dr. Hồ Minh Triết, Vice President of the Diplomatic Academy, about "
         "the academy's plans.")
GENERAL = ("It is the best time to train young diplomats.\n\n"
           "Many of our young officers know the theory very well, but they lack practice at the table.\n\n")
NEWS = ("The Diplomatic Academy will launch an ASEAN Young Diplomats Fellowship in Hanoi this August, with 22 junior "
        "diplomats from all eleven member states.")
HEADLINE = "Multilateral diplomacy is learned at the table"


def _first(text: str, headline: str | None = HEADLINE, kind: str | None = None) -> str:
    found = statement_candidates(text, headline, kind)
    return next(s for s, ok in zip(found.sentences, found.allowed) if ok)


@pytest.mark.parametrize("news", [
    NEWS,
    "The two sides have agreed that a new direct air route between Đà Nẵng and Mumbai will open on July 1.",
    "After five years of negotiation, Brazil officially opened its market to Vietnamese pangasius on May 4.",
])
def test_an_interviews_news_in_a_later_answer_leads(news):
    text = f"{SETUP}\n\n{GENERAL}{news}\n\nThe fellows will spend six weeks together."
    assert _first(text) == news


@pytest.mark.parametrize("setup", [
    "On the occasion of Peru's National Day (July 28), Peruvian Ambassador Carmen Ortiz shared with The World & "
    "Vietnam Report her assessment of bilateral relations.",
    "Ahead of the state visit to Vietnam by the Kenyan President from April 15 to 17, Ambassador Kim Thoa spoke with "
    "The World & Vietnam Report about the prospects for cooperation.",
])
def test_a_set_ups_occasion_is_no_news_and_a_quarter_is_a_time(setup):
    news = "Peru will open a trade promotion office in Ho Chi Minh City in the first quarter of 2026."
    assert _first(f"{setup}\n\n{GENERAL}{news}\n\nIt will help small exporters.", "Interview: Peru's envoy") == news


def test_a_time_when_a_result_was_made_is_no_time_to_come():
    setup = "Peruvian Ambassador Carmen Ortiz shared with VNA her views on bilateral cooperation."
    result = "We will keep building on the momentum created in the second half of 2025, when our ministers met in Lima."
    news = "Peru will open a trade promotion office in Ho Chi Minh City in July."
    assert _first(f"{setup}\n\n{result}\n\n{news}", "Interview: Peru's ambassador") == news


@pytest.mark.parametrize("opening", [
    "Vietnam expects the remaining EU member states to ratify the agreement by mid-2027, Ambassador Đỗ Minh Khoa "
    "told The World & Vietnam Report in an exclusive interview.",
    "Vietnam and New Zealand aim to lift two-way trade to NZD 4 billion by 2028, Ambassador Hoàng Thị Minh Nguyệt "
    "told a Vietnam News Agency correspondent in Wellington.",
])
def test_an_opening_that_tells_news_itself_stays(opening):
    assert _first(f"{opening}\n\n{GENERAL}{NEWS}") == opening


@pytest.mark.parametrize("later", [
    "Within ASEAN, member states have agreed guidelines under which their missions help each other's citizens.",
    "Today the work is carried out by joint teams with modern equipment and well-established procedures.",
    "“We will launch a fellowship this August,” he said.",
])
def test_background_a_present_day_or_a_quotation_is_no_interviews_news(later):
    assert _first(f"{SETUP}\n\n{GENERAL}{later}") == SETUP


def test_no_interview_no_opinion_page_no_change():
    plain = f"It is the best time to train young diplomats.\n\n{GENERAL}{NEWS}"
    assert _first(plain, "Diplomats in training") == "It is the best time to train young diplomats."
    assert _first(f"{SETUP}\n\n{GENERAL}{NEWS}", kind="opinion") != NEWS


@pytest.mark.parametrize("headline, setup", [
    ("Q&A: 'India sees Việt Nam as a partner, not just a market'", "Sahyadri Lifesciences has exported medicines to "
     "Việt Nam for almost two decades."),
    ("Episode 47: The voice that carries ca tru to Europe", "Welcome back to the programme, dear listeners."),
    ("Deputy Foreign Minister answers questions on citizen protection abroad", "In the context of complex "
     "developments in many regions, protecting citizens remains a key task."),
    ("Trade with Africa", "Ahead of the visit, the Newsletter put a few questions to Ambassador Lưu Thị Hồng Nhung."),
])
def test_a_headline_or_set_up_that_says_interview_and_news_to_come_with_its_time(headline, setup):
    news = "The two prime ministers are expected to witness the signing of 14 documents in Canberra on March 6."
    assert _first(f"{setup}\n\n{GENERAL}{news}", headline) == news


@pytest.mark.parametrize("setup", [
    "As the Lunar New Year approaches, Deputy Foreign Minister Lê Hoài Nam talked to the Vietnam News Agency about "
    "the year's diplomacy.",
    "VOV's reporter talked with Deputy Foreign Minister Đỗ Hùng Việt about the results and the priorities ahead.",
])
def test_a_years_review_keeps_its_overview(setup):
    assert _first(f"{setup}\n\n{GENERAL}{NEWS}") != NEWS


def test_talks_between_leaders_are_no_interview():
    opening = "General Secretary Tô Lâm held talks with Lao leader Thongloun Sisoulith in Vientiane."
    later = "An official welcome ceremony was held in Vientiane on August 12 for the Vietnamese leader."
    assert _first(f"{opening}\n\nThe two sides reviewed their ties.\n\n{later}", "Tô Lâm visits Laos") == opening


@pytest.mark.parametrize("note", [
    "[recorded by: T.L. / checked against video, minor cuts marked ...]",
    "Previous version was released at 17:10.", "Entries appear in chronological order.",
    "Figures are preliminary unless otherwise stated.", "For reference only.",
    "The answers may be quoted in full or in part, provided that the meaning is not changed.",
    "Started streaming 38 minutes ago · 2,317 watching now.",
    "The briefing is broadcast live on the ministry's YouTube and Facebook channels.",
    "Simultaneous interpretation in English is available on the second audio track.",
    "Answers are unofficial English translations; in case of discrepancy, the Vietnamese version prevails.",
    "The Embassy of Viet Nam in the Philippines extends its warm greetings to the Vietnamese community.",
    "Our top stories tonight: fishermen return home; Hanoi and Vientiane agree to upgrade a highway.", "First tonight.",
])
def test_a_note_on_how_the_document_was_made_is_no_statement(note):
    from diplo_ml.models.summarise.selection import is_statement
    assert not is_statement(note)
    assert is_statement("Vietnam and Indonesia on November 25 adopted a Plan of Action for 2026-2030.")


def test_a_note_verbales_compliments_with_its_request_are_a_statement():
    from diplo_ml.models.summarise.selection import is_statement
    assert is_statement("The Embassy of Viet Nam in Japan extends its warm greetings to the community and informs that "
                        "its consular section will be closed from April 29 to May 6.")
    assert is_statement("The Embassy of Viet Nam presents its compliments to the Ministry of Foreign Affairs and has "
                        "the honour to request consular access to fourteen fishermen held in Ambon.")


def test_a_live_pages_first_news_leads_over_its_scene():
    text = ("The 34th Diplomatic Conference takes place in Hà Nội from December 16 to 19 with ambassadors from 94 "
            "missions.\n\nDelegates are arriving at the National Convention Centre.\n\n"
            "The opening session begins with the national anthem.\n\n"
            "Prime Minister Trần Quốc Hưng on December 16 tasked the diplomatic service with attracting 60 billion USD "
            "in new investment.\n\nHe spoke for forty minutes.")
    assert _first(text, "Live: 34th Diplomatic Conference – Opening session").startswith("Prime Minister")
    assert _first(text, "34th Diplomatic Conference opens").startswith("The 34th Diplomatic Conference")
    news_first = "The President arrived in New York on Monday for the UN General Assembly.\n\n" + text
    assert _first(news_first, "LIVE: President at the UN").startswith("The President arrived")
    assert not __import__("diplo_ml.models.summarise.selection", fromlist=["x"]).is_statement(
        "Local times are Central European Time (GMT+1).")


@pytest.mark.parametrize("headline, text", [
    # review 1 of s64: a routine event to come, talks between leaders, a press encounter, a speech, a feature's quote,
    # a job interview, an FAQ
    ("Ambassador: our community is strong", f"{SETUP}\n\n{GENERAL}We will hold our annual community party in "
     "December, as every year."),
    ("Vietnam, Japan leaders talk trade", "Prime Minister Phạm Minh Chính held phone talks with his Japanese "
     "counterpart on Monday.\n\nThe two leaders agreed to hold a summit in Tokyo in December."),
    ("Vietnam Airlines eyes US deal", "Vietnam is ready to buy more aircraft, Deputy Prime Minister Hồ Đức Phớc told "
     "reporters in Washington.\n\nVietnam Airlines will sign a deal with Boeing in September, he said."),
    ("'Bamboo diplomacy': how Hanoi balances its partners", "Hanoi's balancing act is older than its name.\n\n"
     "In 2023, Vietnam signed comprehensive strategic partnerships with two major powers."),
    ("Fake job interview offers lure Vietnamese to scam compounds", "Scammers are luring young Vietnamese with fake "
     "job interviews abroad, the ministry warned on Monday.\n\nThe embassy will open a hotline from next week."),
    ("Q&A: consular legalisation of documents", "Consular legalisation certifies the seal on a foreign document.\n\n"
     "Applications will be accepted online from July 1, 2025, the department said."),
])
def test_what_no_interviews_news_is(headline, text):
    assert _first(text, headline) == text.split("\n\n")[0]

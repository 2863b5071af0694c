"""What stands above a page's headline and is no headline: a transcript's header, a printed page's address lines, a
clipper's fields, a paywall's meter, a site's section in its title (s65, reads 104 to 108)."""

from __future__ import annotations

import pytest

from diplo_ml.data.ingest import ingest_document
from diplo_ml.data.page_noise import without_site

TITLE = "Vietnam and Chile open a joint trade office in Santiago"
BODY = ("Vietnam and Chile on Monday opened a joint trade office in Santiago to help small exporters find buyers, "
        "the two trade ministries said.\n\nThe office will have six staff and a showroom for Vietnamese goods.\n")


@pytest.mark.parametrize("header", [
    # a broadcast transcript's fields and its note on itself
    "VOV WORLD - ENGLISH SERVICE\nProgramme: Vietnam in the World (weekly, 20 min)\nAir date: Saturday, 26 July 2025, "
    "19:15 ICT\nTranscript prepared from broadcast audio. Not checked against delivery.\n\n",
    "MEDIAMONITOR ASIA-PACIFIC - BROADCAST TRANSCRIPT\nStation: Radio Pacific\nDate: 16/10/2025  Time: 17:10 AEDT\n"
    "Interviewee: Tran Huu Phuoc, Ambassador of Vietnam to Australia, Papua New Guinea and Fiji\n\n",
    # a printed page's masthead with its address, its page count, its licence notice
    "VIETNAM NEWS AGENCY                          en.vnanet.vn\nTHÔNG TẤN XÃ VIỆT NAM - VNA ENGLISH NEWS SERVICE\n\n",
    "PRINT EDITION-STYLE VIEW  ·  www.tradeobserver.example\nThis copy is for your personal, non-commercial use only. "
    "To order copies for distribution, use the Reprints tool.\n\n",
])
def test_a_transcripts_or_a_printed_pages_header_is_no_headline(header):
    article = ingest_document(f"{header}{TITLE}\n\n{BODY}", "t", "page.txt")
    assert article.headline == TITLE and article.paragraphs[0].text.startswith("Vietnam and Chile on Monday")


def test_a_clippers_fields_a_breadcrumbs_last_crumb_and_a_paywall_line_stand_above_the_title():
    clip = (f"Title: {TITLE}\nSource: example.vn (Trade News)\nClipped: 2025-12-16\n\n---\n\n"
            "[Home](https://example.vn/) / [Economy](https://example.vn/economy) / Trade\n\n"
            f"# {TITLE}\n\n**Trade News** | December 15, 2025 21:40\n\n{BODY}")
    assert ingest_document(clip, "c", "clip.md").headline == TITLE
    paywalled = (f"Business / Trade\n\n## {TITLE}\n\n### The office is the first of its kind in South America\n\n"
                 "> Trade News — *Subscribe for unlimited access to our journalism. 3 free articles remaining this "
                 f"month.* [Subscribe] [Log in]\n\n{BODY}")
    assert ingest_document(paywalled, "p", "clip.md").headline == TITLE


def test_a_sites_section_between_a_title_and_a_papers_name_is_cut():
    assert without_site(f"{TITLE} - World - The Jakarta Post") == TITLE
    assert without_site("Ties deepen - Vietnam") == "Ties deepen - Vietnam"


@pytest.mark.parametrize("page, headline", [
    # look-alikes a review of s65 found: a title and its site, a site's name as a subject, viewers in a headline, a
    # headline in capitals on a news service, a page of "## …" sections under its title
    (f"Viet Nam-Japan ties at 50 | vietnamnews.vn\n\nPolitics & Laws\n\n{BODY}", "Viet Nam-Japan ties at 50"),
    (f"Media\n\nNhandan.vn adds Lao-language edition\n\n{BODY}", "Nhandan.vn adds Lao-language edition"),
    (f"5,000 viewers watch concert in Havana\n\n{BODY}", "5,000 viewers watch concert in Havana"),
    (f"VNA LAUNCHES ARABIC NEWS SERVICE\n\n{BODY}", "Vna Launches Arabic News Service"),
])
def test_look_alikes_of_a_pages_header_stay_its_headline(page, headline):
    assert ingest_document(page, "h", "page.txt").headline.lower() == headline.lower()


def test_sections_in_second_level_headings_leave_the_title_above_them():
    page = f"ASEAN defence chiefs meet in Hanoi\n\n## What you need to know\n\n{BODY}\n## Background\n\n{BODY}"
    assert ingest_document(page, "m", "page.md").headline == "ASEAN defence chiefs meet in Hanoi"


def test_a_lead_that_opens_premiered_is_no_player_line():
    lead = "Premiered in Hanoi in March, 'Red Rain' will open the Busan festival on October 1."
    article = ingest_document(f"War drama to open Busan festival\n\n{lead}\n\nIt is a first.\n", "p", "p.txt")
    assert article.paragraphs[0].text == lead

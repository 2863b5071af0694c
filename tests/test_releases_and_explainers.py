"""Press releases, briefings, explainers and cultural pages of reads 110 to 115 (s66)."""

from __future__ import annotations

import pytest

from diplo_ml.data.datelines import strip_dateline
from diplo_ml.data.examples import record_text_field
from diplo_ml.data.headlines import names_site
from diplo_ml.data.ingest import ingest_document
from diplo_ml.data.page_noise import classify
from diplo_ml.models.summarise.selection import statement_candidates
from diplo_ml.predict_inputs import listing_row
from diplo_ml.text import split_sentences


def _first(text: str, headline: str | None = None) -> str:
    found = statement_candidates(text, headline)
    return next(s for s, ok in zip(found.sentences, found.allowed) if ok)


def test_a_listed_companys_ticker_and_a_pairs_us_do_not_end_a_sentence():
    text = ("Helionet Grid Systems Inc. (NASDAQ: HNGS) (“Helionet”), a storage maker, signed a memorandum. It was "
            "signed at the Vietnam–U.S. Business Roundtable on Energy. The firm is based in the U.S. The deal is "
            "non-binding. Samsung Co. (Photo: VNA) Workers load a truck.")
    assert split_sentences(text) == [
        "Helionet Grid Systems Inc. (NASDAQ: HNGS) (“Helionet”), a storage maker, signed a memorandum.",
        "It was signed at the Vietnam–U.S. Business Roundtable on Energy.", "The firm is based in the U.S.",
        "The deal is non-binding.", "Samsung Co.", "(Photo: VNA) Workers load a truck."]


@pytest.mark.parametrize("dateline", [
    "HO CHI MINH CITY, Vietnam, Oct. 14, 2025 /PRNewswire/ -- ",
    "AUSTIN, Texas, July 22, 2025 (GLOBE NEWSWIRE) -- ",
    "HANOI, Vietnam--(BUSINESS WIRE)--",
    "SINGAPORE, March 3, 2025 /PRNewswire-AsiaNet/ -- ",
])
def test_a_press_release_wires_dateline_is_stripped(dateline):
    lead = "Greenleaf Packaging Solutions Ltd. today announced that it will exhibit at VAFPEX 2025 in November."
    assert strip_dateline(dateline + lead) == lead


def test_a_transcribers_file_note_and_a_new_versions_note_are_furniture():
    assert classify("[file: mofa_briefing_2025-09-18_EN.txt | source: audio recording, English interpretation "
                    "channel | transcribed with auto-captioning, corrected by hand – N.T.]", False)
    assert classify("Updated at 16:45 (GMT+7): Adds confirmation from the Vietnamese Embassy in Japan that the last "
                    "three crew members have been found alive; previous version said three were missing.", False)
    assert classify("Updated at 16:45, the embassy said all 18 sailors were safe.", False) is None


def test_a_briefings_start_is_no_lead():
    news = ("President Do Minh Quang will lead a delegation to the UN General Assembly in New York from 21 to 26 "
            "September 2025.")
    assert _first(f"Ladies and gentlemen, we are starting now.\n\n{news}") == news


CLIP = ("> Clipped from: https://embassy.example/en/news/festival-2025\n> Clipped on: 6 November 2025\n\n"
        "Embassy of the Socialist Republic of Viet Nam in the Republic of India\n"
        "[Home](https://embassy.example/en) | [Consular](#) | **[News & Events](#)** | [Contact](#)\n\n"
        "⚠️ *Important: citizens in India needing emergency help please call the hotline +91 98 0000 0000.*\n\n---\n\n"
        "## Viet Nam Cultural Festival 2025 to be held in New Delhi and Kolkata\n\n*Updated: 05/11/2025*\n\n"
        "India and Viet Nam share civilisational links going back nearly two thousand years, when monks and "
        "merchants travelled the sea routes between the Bay of Bengal and the ports of Giao Chi.\n\n"
        "The Embassy of Viet Nam in India will organise the Viet Nam Cultural Festival 2025 in New Delhi from 21 to "
        "23 November and in Kolkata on 26 November.\n\nEntry is free.\n")


def test_a_clips_one_second_level_title_under_a_sites_name_menu_and_banner():
    article = ingest_document(CLIP, "c", "clip.md")
    assert article.headline == "Viet Nam Cultural Festival 2025 to be held in New Delhi and Kolkata"
    assert _first(article.summary_text, article.headline).startswith("The Embassy of Viet Nam in India will organise")


def test_ties_told_by_their_age_stand_without_news_to_come_on_a_date():
    ties = "Vietnam and Cuba share bonds of friendship going back more than sixty years."
    assert _first(f"{ties}\n\nThe two countries will keep working together.") == ties


def test_a_scene_at_dusk_and_a_quotation_give_way_to_the_news_below_them():
    lit = ("More than 2,000 lanterns from Hoi An were lit in Sydney on February 8 as part of a ten-day exhibition "
           "co-hosted by the consulate.")
    scene = ("As the sun dropped behind the Sydney skyline, the first lanterns flickered on, and the harbourside "
             "looked like an old street.")
    assert _first(f"{scene}\n\n{lit}\n\nThe garden is free to enter.") == lit
    award = ("The Ministry of Foreign Affairs awarded prizes to 45 foreign writers from 23 countries at the ceremony, "
             "the finale of the contest.")
    quote = ("\"I came to Vietnam to teach English and ended up being taught Vietnamese by the fish sellers,\" Kenyan "
             "teacher Grace Wanjiru told the audience, drawing laughter at the Diplomatic Academy.")
    assert _first(f"{quote}\n\n{award}\n\nEntries reached 2,100.") == award
    said = "\"We are proud of our writers,\" the minister said."
    assert _first(f"{said}\n\nThe ministry presented awards to 45 writers.\n\nEntries reached 2,100.") == said


TIMELINE = ("When Vietnam and Australia exchanged diplomatic notes on February 26, 1973, the war had barely ended.\n\n"
            "Below are the key milestones.\n\n1973 – Diplomatic relations established on February 26.\n\n"
            "2009 – The two countries establish a comprehensive partnership.\n\n"
            "2024 – Relations raised to a comprehensive strategic partnership.\n\nLatest milestone\n\n"
            "Foreign Minister Vu Duc Khiem and Australian Foreign Minister Helen Castleford co-chaired the sixth "
            "Foreign Ministers' Meeting in Canberra on February 26, agreeing on a new action plan for 2026–2030.\n\n"
            "The meeting also prepared an annual leaders' meeting.\n")


@pytest.mark.parametrize("headline", ["Timeline: Vietnam – Australia relations since 1973",
                                      "Five things to know about Vietnam and Australia",
                                      "Vietnam – Australia at 50: an overview of a strategic partnership"])
def test_an_explainer_comes_to_the_news_it_was_written_for(headline):
    assert _first(TIMELINE, headline).startswith("Foreign Minister Vu Duc Khiem and Australian Foreign Minister")


def test_an_explainers_point_and_a_timeline_under_another_headline_stand():
    point = ("The CPTPP general review, which the members aim to conclude by the end of 2026, could rewrite the rules "
             "of origin for Vietnamese exporters.")
    below = "Senior officials met again from May 25 to 28 in Vancouver to narrow differences on e-commerce."
    assert _first(f"{point}\n\n{below}\n\nMore talks follow.", "EXPLAINER: What the CPTPP review means") == point
    assert not _first(TIMELINE, "Vietnam and Australia: half a century of ties").startswith("Foreign Minister")


def test_a_rows_english_translation_is_read_where_its_text_is_vietnamese():
    post = {"type": "post", "text": "Đại sứ quán Việt Nam tại Romania cảnh báo công dân về các cá nhân quảng cáo visa "
                                    "lao động sang Romania với chi phí cao và hứa hẹn việc làm.",
            "text_translated": "The Embassy of Vietnam in Romania warns citizens about individuals advertising work "
                               "visas to Romania for high fees and promising jobs."}
    assert record_text_field(post) == "text_translated"
    assert record_text_field({**post, "text": "The embassy warns citizens about visa fraud in Romania today and "
                                              "asks them to use licensed agencies only."}) == "text"
    assert listing_row({"type": "page", "page_name": "Embassy of Vietnam in Romania", "followers": 18422}, False) \
        == "page"
    assert listing_row({"type": "page", "text": "The embassy warns citizens."}, True) is None


@pytest.mark.parametrize("line", [
    "Ministry of Foreign Affairs - Socialist Republic of Viet Nam          https://mofa.example/en/press-release/0412",
    "Permanent Mission of the Socialist Republic of Viet Nam to the United Nations Office, WTO and other "
    "international organizations in Geneva"])
def test_a_sites_name_with_its_address_or_a_missions_long_name(line):
    assert names_site(line)
    assert not names_site("Embassy of Vietnam holds culture days in Geneva")


def test_a_sites_name_beside_a_pages_address_is_no_headline():
    page = ("The Diplomat\nhttps://thediplomat.example/2025/11/vietnams-quiet-game-at-the-edges-of-the-g20/\n\n"
            "ASEAN | Economy | Southeast Asia\n\nVietnam's Quiet Game at the Edges of the G20\n\nBy D. Ostrowski\n\n"
            "Vietnam's prime minister held nine bilateral meetings in Johannesburg on Sunday, officials said.\n\n"
            "The talks covered trade and investment.\n")
    assert ingest_document(page.replace("\nhttps", " https"), "d", "page.txt").headline \
        == "Vietnam's Quiet Game at the Edges of the G20"


def test_a_releases_title_above_its_highlights_is_its_headline():
    mail = ("Dear colleagues,\n\nPlease find below the press release on the roadshow.\n\nBest regards,\nThu\n\n"
            "Korean Manufacturers Pledge US$860 Million for Northern Vietnam Industrial Parks\n\n"
            "- 11 investment pledges and 6 land-lease MoUs signed\n"
            "- Focus on automotive parts, shipbuilding supplies and secondary batteries\n\n"
            "BUSAN, 18 April 2025 – Eleven Korean manufacturers pledged a total of US$860 million for new factories in "
            "northern Vietnam at a roadshow in Busan on 18 April.\n\nThe largest pledge came from Daeyang Precision.\n")
    article = ingest_document(mail, "m", "mail.txt")
    assert article.headline == "Korean Manufacturers Pledge US$860 Million for Northern Vietnam Industrial Parks"


@pytest.mark.parametrize("dateline", ["(TTH.gov) - ", "(Thanhhoa.gov.vn) - "])
def test_a_portals_address_in_brackets_is_its_dateline(dateline):
    lead = "On November 21, the Department of Foreign Affairs handed over 40 flood-resistant houses to households."
    assert strip_dateline(dateline + lead) == lead
    assert strip_dateline("(Fiji) - " + lead) == "(Fiji) - " + lead


@pytest.mark.parametrize("headline", ["By the numbers: Five years of the EVFTA", "In numbers: Korean investment",
                                      "Vietnam's UNESCO journey: milestones since 1976",
                                      "Five things: Vietnam's trade push into the Gulf"])
def test_data_pieces_and_milestones_are_explainers(headline):
    assert _first(TIMELINE, headline).startswith("Foreign Minister Vu Duc Khiem")


def test_a_cover_notes_advisory_and_a_speakers_word_that_news_follows_are_no_lead():
    news = ("The Ministry of Foreign Affairs will hold the Diplomatic Culture Fair 2025 at the Imperial Citadel in "
            "Hanoi on 30 November.")
    note = ("Please find below and attached the media advisory for the Diplomatic Culture Fair 2025.\n\n"
            "Kindly note the new accreditation procedure this year.")
    assert _first(f"{note}\n\n{news}") == news
    fund = "Ho Chi Minh City will establish a Friendship Cities Cooperation Fund with capital of 50 billion VND."
    speech = ("Good morning.\n\nForty-nine years ago, our city was recovering from war.\n\nWe have partners in 57 "
              "cities.\n\nToday, I am pleased to announce a new commitment.\n\n")
    assert _first(f"{speech}{fund}\n\nThe fund will open next year.") == fund


def test_a_speeches_source_note_in_brackets_is_furniture():
    assert classify("[Source: Department of Foreign Affairs of Ho Chi Minh City – English version provided to "
                    "delegates. Check against delivery.]", False)


def test_a_portals_login_box_and_page_tools_stand_above_its_title():
    page = ("DONG THAP PROVINCIAL PORTAL\nUsername: [          ]  Password: [          ]  [Login]  Forgot password?\n\n"
            "Home > News > Foreign affairs\n\nPrint | Email | Back                    Font size: A- A A+\n\n"
            "Handing over clean water station funded by a Dutch foundation in Tam Nong district\n\n"
            "On the morning of 5 July, the provincial Union of Friendship Organizations handed over a clean water "
            "station to 320 households.\n\nThe station cost 2.1 billion VND.\n")
    article = ingest_document(page, "p", "page.txt")
    assert article.headline == "Handing over clean water station funded by a Dutch foundation in Tam Nong district"
    assert classify("Username: [ ]  Password: [ ]  [Login]", False) == "login box"


def test_a_clips_note_in_emphasis_leaves_a_newsletters_name_above_its_story():
    clip = ("*Clipped from the web version of \"Trade & Diplomacy Brief\", issue 28*\n\n# Trade & Diplomacy Brief\n\n"
            "**Monday, 13 July 2026** · [Read online](https://example.vn/brief) · [Forward to a friend](#)\n\n---\n\n"
            "## TOP STORY\n\n### Overseas missions told to bring in high-quality FDI leads\n\n*By Minh Chau*\n\n"
            "Vietnam's 94 diplomatic missions abroad will each be assigned annual targets for attracting investment "
            "under a programme adopted on Saturday.\n\nThe programme goes to the Government in August.\n")
    assert ingest_document(clip, "c", "clip.md").headline != "Trade & Diplomacy Brief"
    assert classify("[VOV WORLD - ENGLISH SERVICE - 2025-08-14 - CURRENT AFFAIRS SEGMENT - auto-transcript, lightly "
                    "corrected]", False)


def test_a_sites_vietnamese_name_after_an_english_title_is_cut():
    from diplo_ml.data.page_noise import without_site
    title = "Viet Nam's Mission to ASEAN brings Hue royal court music to ASEAN Day celebration"
    assert without_site(f"{title} - Phái đoàn Thường trực Việt Nam tại ASEAN") == title
    vietnamese = "Hội nghị Ngoại giao lần thứ 32 - Bộ Ngoại giao"
    assert without_site(vietnamese) == vietnamese


def test_a_sites_tagline_in_title_case_is_no_title_over_a_story():
    page = ("Economics, Politics and Public Policy in East Asia and the Pacific\n\n"
            "Vietnam's soft power is already on the menu abroad, and Hanoi should build on it\n\n"
            "Vietnam's restaurants abroad have done more for its image than any campaign, and the government should "
            "now fund them.\n\nThe author is a researcher.\n")
    assert ingest_document(page, "p", "page.txt").headline \
        == "Vietnam's soft power is already on the menu abroad, and Hanoi should build on it"
    assert classify("[Refresh this page for the latest. Questions are summarised; answers are transcribed from the "
                    "spokesperson's remarks.]", False) is None


def test_translated_rows_consent_boxes_and_vietnamese_sentences_are_not_read_as_english():
    row = {"text_vi": "Nhà hát Múa rối Thăng Long đã có buổi biểu diễn phục vụ khán giả Argentina tại Buenos Aires "
                      "nhân kỷ niệm năm mươi năm quan hệ ngoại giao.",
           "text_en_mt": "The Thang Long Puppet Theater gave a performance for the Argentine audience in Buenos Aires "
                         "to mark fifty years of diplomatic relations.",
           "title_en_mt": "Thang Long Puppet Theater performs in Argentina"}
    assert record_text_field(row) == "text_en_mt"
    assert classify("We and our 143 partners store and access information on your device.", False)
    news = "Vietnam and Morocco agreed to launch a joint feasibility study on a preferential trade agreement in Rabat."
    assert _first(f"Đại sứ quán tại Nam Phi hỗ trợ 5 doanh nghiệp Việt Nam thu hồi công nợ 1,2 triệu USD.\n\n"
                  f"[ENGLISH TRANSLATION – prepared by the Department. Unofficial.]\n\n{news}") == news
    names = "Nguyễn Thị Hương met Trần Văn Đức and Phạm Minh Chính in Hà Nội on Monday to sign a trade deal."
    assert _first(f"{names}\n\n{news}") == names


def test_a_parallel_texts_table_row_reads_as_its_sentences():
    page = ("# Parallel text\n\n| ¶ | Tiếng Việt | English |\n|---|---|---|\n"
            "| 3 | Tôi vui mừng thông báo rằng Chính phủ hai nước đã nhất trí đặt mục tiêu mới nâng kim ngạch. "
            "| I am pleased to announce that our two governments have agreed on a new trade target. |\n")
    article = ingest_document(page, "t", "table.md")
    assert "I am pleased to announce that our two governments" in article.summary_text
    assert "| I am pleased" not in article.summary_text


def test_release_mails_notes_on_pictures_and_credits_a_bulletins_menu_and_a_drizzle_are_no_lead():
    news = "The frigate 019-Le Loi arrived at the French naval base of Toulon on 20 May 2025 for a five-day visit."
    mail = ("On behalf of the Embassy, please find below our press release on the visit of the frigate to Toulon.\n\n"
            "Photos in high resolution can be downloaded from the link at the end of this message.\n\n"
            "Kindly credit \"Embassy of Viet Nam in France\".\n\n")
    assert _first(f"{mail}{news}\n\nThe ship carries 120 sailors.") == news
    menu = "Coming up in today's bulletin: a deputy minister's trip to Qatar, and a talk on workers' safety."
    assert _first(f"{menu}\n\n{news}") == news
    held = ("The Ministry of National Defence on October 3 held a ceremony in Hanoi to see off 63 officers of Level-2 "
            "Field Hospital No. 7.")
    drizzle = ("Under a fine drizzle on Friday morning, dozens of relatives held up small red flags as the doctors "
               "lined up in the courtyard.")
    assert _first(f"{drizzle}\n\n{held}\n\nThe hospital leaves next week.") == held
    assert strip_dateline("PINGXIANG, Guangxi, Sept. 21 (Xinhua) -- Before dawn breaks, trucks queue at the border.") \
        == "Before dawn breaks, trucks queue at the border."


def test_a_row_of_related_links_and_tags_is_no_article():
    from diplo_ml.predict_inputs import tail_row
    assert tail_row({"guid": "vov-1", "part": 3, "related": ["Typhoon toll climbs"], "tags": ["Typhoon Kalong"]})
    assert not tail_row({"guid": "vov-1", "part": 2, "content": "The UN launched a plan."})
    assert not tail_row({"guid": "vov-1", "part": 3})


@pytest.mark.parametrize("courtesy", [
    "On behalf of the Executive Board of the Vietnamese Community Association in the UK, we send you our warmest "
    "wishes for a healthy, peaceful and prosperous Year of the Snake.",
    "On behalf of the Embassy, Ambassador Phung The Quan would like to extend sincere thanks to all distinguished "
    "guests, friends and community leaders who joined us.",
    "The Management Board of Phuoc Hue Pagoda wishes to express its deepest gratitude to everyone who attended.",
    "Our heartfelt thanks go to the Embassy in London for its continued support.",
    "Thank you also to the 64 volunteers who stayed until 1 a.m. to clear the hall on Tet night.",
    "Distinguished guests included the Deputy Assistant Secretary of State and officials of the city.",
    "Chúc mừng năm mới!",
])
def test_a_communitys_thanks_and_wishes_are_no_lead(courtesy):
    news = ("The Embassy of Vietnam in the United States held a Lunar New Year reception in Washington on February 8, "
            "bringing together 500 guests.")
    assert _first(f"{courtesy}\n\n{news}\n\nThe reception ended with music.") == news


def test_thanks_that_announce_stay():
    said = ("The Embassy extends its warm greetings to the community and announces that it will open a consular desk "
            "in Houston on March 3.")
    assert _first(f"{said}\n\nThe desk will open weekly.") == said


def test_a_leaders_own_message_of_wishes_stays_a_statement():
    message = "As the Islamic holy month of Ramadan begins I send my warm wishes to Muslims in Britain and abroad."
    assert _first(f"{message}\n\nRamadan is a time of devotion.") == message


@pytest.mark.parametrize("news", [
    "The Ministry of Foreign Affairs expresses its appreciation to Cambodian authorities for rescuing 64 Vietnamese "
    "citizens on Monday.",
    "Under clear skies, President Luong Cuong presided over the official welcome ceremony for the visiting king.",
    "Guests included Deputy Foreign Minister Le Thi Thu Hang and ambassadors of 20 countries.",
    "Vietnamese Cuisine Day in Paris featured phở, bún chả, chả giò and cà phê sữa đá.",
])
def test_news_that_looks_like_this_sessions_furniture_stays_a_statement(news):
    assert _first(f"{news}\n\nThe event continues on Tuesday.") == news


def test_look_alikes_of_consent_boxes_update_notes_milestones_and_translations_stay():
    assert classify("We and our partners in ASEAN will continue to uphold international law, including UNCLOS.",
                    False) is None
    assert classify("Update on e-visa policy: changes take effect from August 15 for citizens of 13 countries.",
                    False) is None
    assert not _first(TIMELINE, "Vietnam, Japan mark new milestones in ties as PM visits Tokyo").startswith("Foreign")
    row = {"text": "Đại sứ quán Việt Nam tại Romania cảnh báo công dân về các cá nhân quảng cáo visa lao động.",
           "translation_status": "done by hand"}
    assert record_text_field(row) == "text"

"""Statement filtering, redundancy blocking, Lead-k per source, the document-level scorer and constrained generation."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from diplo_ml.data.ingest import ingest_text
from diplo_ml.faithfulness import unsupported_entities
from diplo_ml.models.summarise.constrained import SourceConstraint, Vocabulary, finish, rerank, tidy
from diplo_ml.models.summarise.document_scorer import DocumentScorerSummariser
from diplo_ml.models.summarise.lead import LeadSummariser
from diplo_ml.models.summarise.selection import candidates, choose, clean_statement, is_statement, strip_dateline
from diplo_ml.models.summarise.trim import cut_to_budget
from diplo_ml.tasks.summarise import SummariseTask

from .conftest import build_model, fit_context, summary_examples

INTERVIEW = ("Hanoi (VNA) – The minister reviewed the year of external work at the conference. "
             "Reporter: What are the priorities for next year? "
             "By Thanh Ha. "
             "The priorities are trade, citizen protection and work at the United Nations. "
             "Delegates at the conference. (Photo: VNA) "
             "The sector will also train more diplomats in finance and technology.")


def test_only_statements_are_candidates_and_datelines_are_stripped():
    sentences, allowed = candidates(INTERVIEW)
    assert sentences[0].startswith("The minister reviewed")  # the dateline is gone
    chosen = [s for s, ok in zip(sentences, allowed) if ok]
    assert not any(s.endswith("?") or s.startswith("By ") or "(Photo" in s for s in chosen)
    assert strip_dateline("(VOV5) - Japan's parliament in June adopted a law on skills.") == \
        "Japan's parliament in June adopted a law on skills."
    assert strip_dateline("(VOVWORLD) - Hundreds of overseas Vietnamese joined the programme.") == \
        "Hundreds of overseas Vietnamese joined the programme."


@pytest.mark.parametrize(("text", "first"), [
    ("VNA - New Delhi, Aug 1 - Vietnamese leaders met Indian business people in the capital on Thursday.",
     "Vietnamese leaders"),                                                     # two datelines, outlet then place
    ("BRUSSELS, Belgium — Vietnam's ambassador met Belgian officials on Monday to promote exports.", "Vietnam's"),
    ("Hà Nội (TTXVN) - Vietnam and Mongolia agreed to ease visa procedures for their citizens.", "Vietnam and"),
    ("(Photo: VNA) | Vietnam and Thailand on Monday agreed to lift two-way trade to 25 billion USD.", "Vietnam and"),
    ("Reporter: Could you tell us about the visit?\n\nDeputy FM Nguyen Minh Vu: The visit produced 15 agreements "
     "worth 3 billion USD.", "The visit produced"),                             # the speaker label is not summary
    ("Q: What is your assessment?\n\nA: The relationship is at its best, with trade at 10 billion USD.",
     "The relationship"),
    # a speech's thanks and courtesies, also after forms of address run into the sentence (a page's lines joined)
    ("Thank you, Mr. President. Excellencies, ladies and gentlemen, I thank the Secretary-General and the briefers "
     "for their presentations. Vietnam is deeply concerned that civilians bear the brunt of conflicts.", "Vietnam is"),
    ("Distinguished delegates,\nIt is a great honour for me to address this meeting on behalf of my delegation.\n"
     "We would also like to thank Indonesia for its able chairmanship. Allow me to begin by congratulating Laos. "
     "At the outset, I wish to congratulate Malaysia on the summit. Vietnam believes dialogue builds trust.",
     "Vietnam believes"),
    ("Mr. President, Vietnam supports the draft resolution on climate and security.", "Vietnam supports"),
    # a twenty-second read (s47): a host's word to the guests ("Your presence is a testament to …") is a courtesy
    ("On behalf of my wife and the staff of the Embassy, I would like to extend my warmest welcome to all of you. "
     "Your presence tonight is a testament to the friendship between our two countries. The Embassy will launch a "
     "scholarship for twenty students each year.", "The Embassy will launch"),
    # a byline run into an outlet's dateline; a list run into the sentence that introduces it
    ("By Minh Anh NDO – Vietnam and Japan agreed to expand cooperation in renewable energy.", "Vietnam and Japan"),
    ("By Nguyen Thi Minh Anh Hanoi (VNA) – Vietnam and Japan agreed to expand cooperation.", "Vietnam and Japan"),
    ("The committee met in Hanoi on September 9, with the following main outcomes: - Both sides agreed to implement "
     "the trade agreement. - The EU will support the energy transition.", "Both sides agreed"),
    # a second read: a byline after the dateline, an unspaced long dash, a courtesy among the address lines, a
    # "Full text of" heading run into the first words
    ("Hanoi (VNA) – By Thu Trang – Vietnam's army sent 50 officers to a regional drill held in Malaysia.",
     "Vietnam's army"),
    ("NDO—A ceremony to mark 75 years of relations between Vietnam and Hungary was held in Budapest.", "A ceremony"),
    ("Thank you, Mr. Chairman. Distinguished colleagues, I am pleased to join this meeting. Vietnam proposes that the "
     "countries share water data all year round.", "Vietnam proposes"),
    ("Full text of the statement Thank you, Mr. President. Excellencies, ladies and gentlemen. Vietnam is deeply "
     "concerned about the civilians killed in armed conflicts.", "Vietnam is deeply"),
    # a fifth read of unseen pages: the Vietnam+ dateline, an editor's note, an outlet introducing the full text, a
    # long "Thank you" and one asked for politely, a quoted speech's courtesy, a GOV.UK photo credit, page labels and
    # a bare outlet's dateline after a headline (lines joined)
    ("Chiang Mai, March 7 (Vietnam+) - Minister Bui Thanh Son proposed three measures to boost cooperation.",
     "Minister Bui"),
    ("Editor's note: As Vietnam sets a target of 8% growth, economic diplomacy is expected to play a bigger role. "
     "Vietnam Plus presents an article by the Deputy Foreign Minister. In 2024, trade reached a record high.",
     "In 2024"),
    ("Vietnam News Agency introduces the full text of the speech delivered by the President in Lima.\n"
     "Please allow me to express my thanks to the organisers. \"Ladies and gentlemen, I am delighted to attend the "
     "summit. The world is facing many challenges.", "The world"),
    ("Thank you, President, and thank you to our briefers for their sobering testimony. Last year was the deadliest "
     "year on record for aid workers.", "Last year"),
    ("Middle East Minister Hamish Falconer with Qatari officials in Doha. Crown copyright.\nThe minister travelled to "
     "Riyadh and Doha this week.", "The minister"),
    ("Press release New sanctions target 12 individuals supplying drones to Russia.", "New sanctions"),
    ("News story The Foreign Office is advising British nationals in Lebanon to leave.", "The Foreign Office"),
    ("Read the full statement We, the foreign ministers of France, Germany and the UK, are gravely concerned.",
     "We, the foreign"),
    ("(Original script, may differ from delivered version) Colleagues, the institutions we built are under strain.",
     "Colleagues, the"),
    ("Vietnamese citizens evacuated safely from conflict zone NDO – The Ministry of Foreign Affairs said all 87 "
     "citizens were safe.", "The Ministry"),
    # a sixth read: a briefing's welcome and order of business (also after a speaker label), a liveblog's entry time
    ("MODERATOR: Good afternoon, ladies and gentlemen, and welcome to the regular press briefing. The spokesperson "
     "will first make an announcement, then take your questions.\n\nPresident Prabowo will visit Viet Nam.",
     "President Prabowo"),
    ("MS HANG: Good afternoon.\n\nThe minister will visit Laos next week.", "The minister"),
    ("11:20 – Foreign Minister Bui Thanh Son called for faster talks on a Code of Conduct.", "Foreign Minister"),
    ("[10:45] Foreign Minister Bui Thanh Son arrived in Kuala Lumpur.", "Foreign Minister"),
    ("10.45am – Foreign Minister Bui Thanh Son arrived in Kuala Lumpur.", "Foreign Minister"),
    # a seventh read: a page's lines joined with its headline first (a GOV.UK label, an editor's note after it), a
    # GOV.UK header with "Last updated … — See all updates", a photo credit or the original-script note, its contents
    ("UK sanctions network supplying drones to Russia Press release New sanctions target 12 individuals.",
     "New sanctions"),
    ("Economic diplomacy - driving force for growth Editor's note: As Vietnam sets a target of 8% growth, diplomacy "
     "is expected to play a bigger role. In 2024, trade reached a record high.", "In 2024"),
    ("News story From: Foreign, Commonwealth & Development Office Published 2 October 2024 Last updated 4 October "
     "2024 — See all updates Photo: FCDO British nationals in Lebanon should leave now.", "British nationals"),
    ("Press release From: Foreign, Commonwealth & Development Office Published 10 March 2025 Read the full statement "
     "We, the foreign ministers of France, Germany and the UK, are gravely concerned.", "We, the foreign"),
    ("Speech From: Foreign, Commonwealth & Development Office Published 21 February 2025 Delivered on: 21 February "
     "2025 (Original script, may differ from delivered version) Colleagues, the institutions are under strain.",
     "Colleagues, the"),
    ("Contents Introduction Europe The Indo-Pacific Conclusion Introduction Good evening. When I became Foreign "
     "Secretary, I set out my approach.", "When I became"),
    ("Published 3 March 2025 From: Foreign, Commonwealth & Development Office and British Embassy Hanoi The British "
     "Embassy in Hanoi today launched a scholarship programme.", "The British Embassy in Hanoi today"),
    ("Published 3 March 2025 From: Foreign, Commonwealth & Development Office and The Rt Hon David Lammy MP The "
     "Foreign Secretary has announced new aid.", "The Foreign Secretary has"),
    # greetings and welcomes (read s36), Vietnamese capitals and other outlets in datelines, an outlet's end mark
    ("It is a real pleasure to be back in Ho Chi Minh City. Trade rose by 10 percent.", "Trade rose"),
    ("On behalf of the Government and people of Vietnam, I warmly welcome you to Hanoi for this forum. Trade rose.",
     "Trade rose"),
    ("SECRETARY RUBIO: Well, thank you. The United States will send aid.", "The United States"),
    ("Excellencies, ladies and gentlemen, dear friends, Good evening. Trade rose by 10 percent.", "Trade rose"),
    ("Welcome to Hanoi. It's great to be here. Xin chào! Happy New Year to you all. Trade rose.", "Trade rose"),
    ("HÀ NỘI — Việt Nam and Kenya have agreed to speed up talks on a trade deal.", "Việt Nam and Kenya"),
    ("ĐÀ NẴNG — The city hosted 300 delegates from ASEAN countries on Monday.", "The city hosted"),
    ("Hanoi (VNA): Vietnam and Laos signed an agreement on border gates on March 6.", "Vietnam and Laos"),
    ("Hanoi (Dan Tri) – Vietnam and Laos signed an agreement on border gates on March 6.", "Vietnam and Laos"),
    ("Speech · Ambassador Barbara Woodward told the UN Security Council the UK was appalled.", "Ambassador Barbara"),
    # (a verbless description of the page itself is never chosen: the statement below it is)
    ("Speech · Statement by Ambassador Barbara Woodward at the UN Security Council on Sudan. The UK is appalled by the "
     "violence.", "The UK is appalled"),
    ("Press release | The UK will provide £10 million for Sudan.", "The UK will"),
    ("Updated: 13/03/2025 08:10 GMT+7 Deputy Foreign Minister Nguyen Minh Hang held talks in Hanoi.", "Deputy Foreign"),
    ("Thu Ha, VNA correspondent in Vientiane.\n\nListen to this article. Share on Facebook. 3 min read. Last updated "
     "3 hours ago.\n\nLaos and Vietnam opened a new border gate.", "Laos and Vietnam"),
    ("A border gate between Vietnam and Laos. File photo.\n\nThe two countries opened a new gate.", "The two"),
    ("Vietnam, Chile hold sixth political consultation HANOI — Deputy Foreign Minister Nguyen Minh Hang held talks.",
     "Deputy Foreign"),
    ("Lt. Gen. Nguyen Tan Cuong and Gen. Charles A. Flynn at the meeting. Photo: QDND Hanoi (VNA) – Chief of the "
     "General Staff Nguyen Tan Cuong received Gen. Charles A. Flynn in Hanoi on March 11.", "Chief of the"),
    # an eighth read (s36): notes on the story, briefing and speech openers, live-coverage and media lines, embargoes,
    # a teaser's label, day-month datelines, a bracketed date, a colon after a dated place
    ("Correction: An earlier version of this story misstated the date. It is March 28.\n\nTrade rose.", "Trade rose"),
    ("This story has been updated to include comments from Fiji's Prime Minister.\n\nUpdated at 3:45 p.m. ET with "
     "comments from the minister.\n\n[This story has been updated.]\n\nNew Zealand and Fiji upgraded ties.",
     "New Zealand"),
    ("Poland, Baltics pledge aid Correction: An earlier version misstated the date.\n\nThe ministers met.",
     "The ministers"),
    ("Official Spokesperson, Shri Randhir Jaiswal: Good afternoon, friends. A couple of things at the top. I have a "
     "couple of announcements to make before we take your questions. The President will visit India.",
     "The President"),
    ("It is my great honour and privilege to welcome you all to the ASEAN Secretariat. It is with great pleasure that "
     "I welcome you. Allow me at the outset to express our deep appreciation to Malaysia. ASEAN and the EU launch "
     "talks.", "ASEAN and the EU"),
    ("Follow Nhan Dan Online's live coverage of the official visit to Laos by the National Assembly Chairman. Watch: "
     "Kallas says the EU will act. Embargoed until 00:01 AEDT on 14 March 2026. The chairman held talks.",
     "The chairman"),
    ("Teaser: The EU calls on the Georgian authorities to reverse course.", "The EU calls"),
    ("BANGKOK, 13 March 2026 – The second phase of the centre was launched today in Bangkok.", "The second"),
    ("GENEVA (13 March 2026) — The council met today in Geneva to discuss Sudan.", "The council"),
    ("NEW DELHI, March 16: External Affairs Minister S. Jaishankar will visit Sri Lanka.", "External Affairs"),
    ("Communiqué of the 1287th meeting\n\nTaking note of the opening remarks by the Chairperson of the Council for "
     "March 2026;\n\n1. Expresses deep concern over the continued deterioration of the security situation in the "
     "Sahel;\n\n2. Decides to remain actively seized of the matter.", "Expresses deep concern"),
    ("• The partnership has been upgraded to a comprehensive one.\n• Wellington pledged NZ$30 million.\n\nWellington "
     "(AFP) – New Zealand and Fiji upgraded their partnership on Friday.", "New Zealand and Fiji"),  # the dated lead
    ("The two countries will also work toward a Mercosur deal.\n\nHanoi (VNA) – Vietnam and Brazil set a target of "
     "15 billion USD in trade by 2030.", "Vietnam and Brazil"),
    ("Vietnam and Japan agreed to raise trade.\n\nASEAN - Japan trade rose 5 percent in the year to March.",
     "Vietnam and Japan"),  # "ASEAN -" names no outlet or date: not a lead's dateline
    # a writer's name run into a row's text with no dateline: it ends where a word no Vietnamese syllable or one that
    # opens sentences follows
    ("By Minh Nga Vietnam will open three new trade offices in Africa next year, the ministry said.", "Vietnam will"),
    ("By Nguyễn Hoài Deputy Prime Minister Tran Hong Ha met the Japanese ambassador in Hanoi on Monday.",
     "Deputy Prime Minister Tran"),
    ("By Thu Ha Viet Nam will open three new trade offices in Africa next year, the ministry said.", "Viet Nam will"),
    ("By John Smith The UK will open three new trade offices in Africa next year, the ministry said.", "The UK will"),
    ("By Nguyễn Thị Thu Hằng Việt Nam's exports to Africa rose by a third last year, the ministry said.",
     "Việt Nam's exports"),
    ("By Minh Nga March 5, 2024 | 08:00 pm GMT+7 Vietnam will open three new trade offices in Africa next year.",
     "Vietnam will open"),  # the date stamp after the name goes too
    ("By Minh Nga Quang Ninh province will host the forum on trade with Africa next year in May.", "Quang Ninh"),
    ("By Minh Nga, Hoang Phong Vietnam will open three new trade offices in Africa next year.", "Vietnam will"),
    ("By Thu Hang and Quoc Viet Viet Nam will open three new trade offices in Africa next year.", "Viet Nam will"),
    ("By Thu Hang, Quoc Viet and Minh Anh The two countries agreed to raise trade to 20 billion USD.", "The two"),
    # a twentieth read of unseen pages (s45): a caption's "(fourth from left)", a title and a name and "members of the
    # media" among the forms of address, greetings sent "on behalf of" a body
    ("Foreign Minister Le Hoai Nam (fourth from left) and other ministers pose for a group photo in Langkawi.\n\n"
     "NDO – Foreign Minister Le Hoai Nam joined his ASEAN counterparts at a retreat in Langkawi on Saturday.",
     "Foreign Minister Le Hoai Nam joined"),
    ("Minister Nam, Excellencies, ladies and gentlemen, members of the media.\n\nToday Minister Nam and I co-chaired "
     "the ninth meeting of our foreign ministers.", "Today Minister Nam"),
    ("On behalf of the State Committee for Overseas Vietnamese Affairs, I would like to extend my warmest greetings "
     "to all of you. Last year 200,000 overseas Vietnamese came home for the holiday.", "Last year 200,000"),
])
def test_datelines_credits_and_speaker_labels_never_open_a_statement(text, first):
    sentences, allowed = candidates(text)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


@pytest.mark.parametrize("text", [
    "EU - Vietnam trade rose 10 percent in the first half of the year.",            # after "Hanoi (VNA) –"
    "UK: The government said it would act on the report within a month.",         # not an interview
    "Speaking on Monday, Sept 2 – National Day – the President said it again.",   # a date in a sentence
    "It is a pleasure to announce that the UK will double its aid to the region.",   # news, not a courtesy
    "I welcome this step by the government and urge it to free all prisoners.",
    "By March the EU - Vietnam trade deal had doubled exports of rice and coffee.",  # "By" is not a byline here
    "I think the agreement is good for both sides and for the region.",
    "We welcome the decision of the UN to extend the mission for a year.",       # news, not a welcome (read s36)
    "Welcome to Hanoi, the city of peace, where 3,000 delegates gathered on Monday for the summit.",
    "The minister said it is a great pleasure to visit Laos again this year.",
    "Hà Nội has 8 million people and is growing by 2 percent each year.",       # not a capitals dateline
    "The correspondent in Hanoi said trade rose by ten percent this year.",      # not a correspondent's byline
    "Share prices rose sharply in Hanoi on Monday after the talks.",             # not a share button
    "Leaders of ASEAN — Vietnam among them — met in Jakarta on Monday to discuss trade.",  # not a dateline
    "His Royal Highness The Prince of Wales has visited Belfast City Hall.",     # a title, not a heading
    "The correction of the border line was agreed in 2024 after long talks.",   # not a note on the story
    "Video footage showed the missile launch over the sea on Monday.",          # not a video link
    "By Ho Chi Minh City's count, exports to Africa rose by a third last year.",  # a place's name, not a writer's
    "By Tet Vietnam hopes to have signed the deal with its partners in Europe and Asia.",  # one word: no name
    # a review (s45) of the first version: a time's, a place's or an outlet's name is no writer's
    "By Lunar New Year Vietnam hopes to have signed the deal with its partners in Europe.",
    "By Election Day President Biden had signed six deals with partners in Asia and Europe.",
    "By Ba Dinh Square the delegation was met by a guard of honour and a military band.",
    "By Tuoi Tre News estimates, exports to Africa rose by a third last year to 6 billion USD.",
    "By Da Nang Vietnam hopes to attract more investment from Japan and Korea this year.",
    "By Doi Moi Vietnam opened its economy to the world in the late 1980s, the book says.",
    "Ambassador Sari, who arrived in Hanoi in 2023, said trade rose by a third last year.",  # no form of address
    "Members of the media were briefed by the minister on the outcome of the talks.",
])
def test_text_that_only_looks_like_a_dateline_or_label_is_kept(text):
    sentences, allowed = candidates(f"Hanoi (VNA) – {text}" if text.startswith("EU") else text)
    assert sentences[0] == text and allowed[0]


@pytest.mark.parametrize(("sentence", "closed"), [
    ('Foreign Secretary David Lammy said: "I welcome the ceasefire agreed today.',
     'Foreign Secretary David Lammy said: "I welcome the ceasefire agreed today."'),  # it put a " before it all
    ('"We have built a strong foundation.', '"We have built a strong foundation."'),
    ('Now we must act," the minister said.', '"Now we must act," the minister said.'),
    ('It was "a win" for both.', 'It was "a win" for both.'),
    ("“We have built a strong foundation.", "“We have built a strong foundation.”"),
])
def test_a_quotation_cut_by_the_sentence_split_is_closed_on_the_side_it_is_open(sentence, closed):
    from diplo_ml.models.summarise.selection import closed_quotation

    assert closed_quotation(sentence) == closed


def test_the_trimmer_cuts_a_clause_at_and_but_never_a_list():
    from diplo_ml.models.summarise.trim import cuts

    clause = ("The Prime Minister held talks with President Ramos-Horta in Dili on Monday, and the two leaders "
              "signed five agreements.")
    listing = ("The deal spans twelve economies and their markets across Asia, the Pacific, and now Europe.")
    assert [c for c, _ in cuts(clause, None)][1:] == [
        "The Prime Minister held talks with President Ramos-Horta in Dili on Monday."]
    assert [c for c, _ in cuts(listing, None)] == [listing]


def test_headlines_are_refused_only_for_captions_questions_and_outlet_datelines():
    from diplo_ml.models.summarise.headline import usable

    assert usable("EU - Vietnam FTA boosts two-way trade strongly")
    assert usable("Image of Vietnam grows stronger abroad")
    assert not usable("PHOTO: Vietnam, Laos leaders meet (Photo: VNA)")
    assert not usable("Hanoi (VNA) - Vietnam and Laos leaders meet in the capital")
    assert not usable("Will the deal hold?")
    for furniture in ("IN PHOTOS: PRESIDENT'S STATE VISIT TO INDONESIA", "See also: Vietnam, Chile boost trade ties",
                      "Delegates pose for a group photo. Image: VGP",
                      "**Ambassador, please tell us about the priorities of the embassy this year**"):
        assert not usable(furniture), furniture


def _chosen(text: str) -> list[str]:
    sentences, allowed = candidates(text)
    return [s for s, ok in zip(sentences, allowed) if ok]


@pytest.mark.parametrize(("text", "first"), [
    # a caption whose credit is not bracketed, on its line or standing alone after it
    ("The two leaders witness the signing ceremony. Photo: VNA\n\nVietnam and Indonesia signed five documents.",
     "Vietnam and Indonesia signed five documents."),
    ("The welcome ceremony at the palace.\n\n(Photo: VNA)\n\nVietnam and Indonesia signed five documents.",
     "Vietnam and Indonesia signed five documents."),
    # a speech's forms of address, and a heading with a full stop
    ("Full text of the Foreign Minister's speech. Excellencies, ladies and gentlemen. Dear friends! Vietnam and the "
     "EU have made great strides in trade.", "Vietnam and the EU have made great strides in trade."),
    # a page's lines run together: date stamp, byline, masthead and a dateline in front of the lead
    ("Thursday, March 7, 2024 10:15 Hanoi (VNA) – Vietnam and Japan agreed to boost chip cooperation.",
     "Vietnam and Japan agreed to boost chip cooperation."),
    ("Monday, 11/03/2024 09:30 Reporter: Nguyễn Hoài VietNamNet Global Deputy Prime Minister Trần Lưu Quang met the "
     "EU trade chief.", "Deputy Prime Minister Trần Lưu Quang met the EU trade chief."),
    ("VIETNAM, NEW ZEALAND TARGET 3 BILLION USD IN TRADE (VOVWORLD) - Vietnam and New Zealand agreed to raise trade.",
     "Vietnam and New Zealand agreed to raise trade."),
    # datelines naming two outlets, another outlet's site, or no dash after a place in capitals
    ("NDO/VNA – Vietnam and Brazil agreed on new trade measures.", "Vietnam and Brazil agreed on new trade measures."),
    ("Hanoi (VNA/VNP) – Vietnam and India agreed on defence ties.", "Vietnam and India agreed on defence ties."),
    ("(Chinhphu.vn) – Vietnam and India agreed on defence ties.", "Vietnam and India agreed on defence ties."),
    ("NEW YORK (VNA) Vietnam has called for restraint in the region.", "Vietnam has called for restraint in the "
                                                                       "region."),
    # an interviewer's request that is not written as a question; a link to another article
    ("Ambassador, please tell us about the embassy's priorities. Our priority is trade with the two countries.",
     "Our priority is trade with the two countries."),
    ("Related: Vietnam, Chile boost trade ties. Vietnam and Chile agreed to start talks.",
     "Vietnam and Chile agreed to start talks."),
])
def test_page_furniture_found_on_unseen_outlet_pages_is_never_summary_material(text, first):
    assert _chosen(text)[0] == first


@pytest.mark.parametrize(("text", "first"), [
    # a speech's thanks, a briefing's place line, a statement's own header, a stage direction, a wire's notices
    ("Thank you, President. Two years ago, Russia invaded.", "Two years ago, Russia invaded."),
    ("Washington, D.C.\n\nToday the Secretary approved more aid.", "Today the Secretary approved more aid."),
    ("Statement made by the Minister for Africa on 12 February 2024. The UK is raising its aid to Sudan.",
     "The UK is raising its aid to Sudan."),
    ("(The briefing ended at 2:41 p.m.)\nCopyright 2024 The Associated Press. The EU opened talks with Moldova.",
     "The EU opened talks with Moldova."),
    ("We use some essential cookies to make this website work. The UK and France agreed to act.",
     "The UK and France agreed to act."),
    # other publishers' headers run into the lead (a scraped text whose lines were joined)
    ("From: Foreign, Commonwealth & Development Office Published 3 March 2024 The UK will provide £40 million.",
     "The UK will provide £40 million."),
    ("READOUT OFFICE OF THE SPOKESPERSON March 5, 2024 The below is attributable to Spokesperson Matthew Miller: "
     "Secretary Blinken spoke today with Secretary Manalo.", "Secretary Blinken spoke today with Secretary Manalo."),
    ("SG/SM/22134 4 March 2024 The following statement was issued today by the Spokesperson: The Secretary-General "
     "condemns the attack.", "The Secretary-General condemns the attack."),
    ("Kenyan police parade in Nairobi. (Photo by Tony Karumba / AFP) Nairobi (AFP) - The deployment was postponed "
     "again.", "The deployment was postponed again."),
    # a quotation that goes on in the next sentence is taken whole when the speaker is named, else closed
    ("“We will not stand by while civilians go without food. We will act,” the Foreign Secretary said.",
     "“We will not stand by while civilians go without food. We will act,” the Foreign Secretary said."),
    ("“We will not stand by while civilians go without food. We will act.” The minister left for Geneva.",
     "“We will not stand by while civilians go without food.”"),
])
def test_other_publishers_furniture_is_never_summary_material(text, first):
    assert _chosen(text)[0] == first


def test_headlines_that_are_labels_or_repeat_the_summary_are_not_put_first():
    from diplo_ml.models.summarise.headline import repeats, usable

    assert not usable("Department Press Briefing – March 6, 2024")
    assert not usable("From: Foreign, Commonwealth & Development Office and The Rt Hon David Lammy MP")
    assert usable("Vietnam and Laos sign 2024 cooperation plan")
    assert repeats("“We will not stand by while civilians in Gaza go without food.”",
                   "Foreign Secretary: “We will not stand by while civilians starve”")
    assert not repeats("Vietnam and Japan signed a trade deal.", "Japan deal boosts exports of seafood")
    lead = "The United States welcomes the release of journalist Daniel Okoro after 214 days in detention."
    assert repeats(lead, "U.S. Welcomes Release of Detained Journalist")  # "U.S." is "United States"
    briefing = ("MR MILLER: Good afternoon. I have one announcement at the top. The Secretary will travel to Laos."
                "\n\nQUESTION: When does he leave?")
    assert _chosen(briefing) == ["The Secretary will travel to Laos."]
    assert repeats("The UN and the EU agreed on a plan.", "United Nations, European Union agree plan")
    assert not repeats("USAID and UNESCO agreed on a plan.", "US, UN agree plan")  # initials inside a word are not


@pytest.mark.parametrize("sentence", [
    # reads 32 and 33 (s51): what a page, a newsletter, a programme or a release says of itself
    "We acknowledge the Traditional Custodians of Country throughout Australia and their continuing connection to "
    "land, sea and community.",
    "NOTE TO EDITORS: The Tánaiste will be available for interview at Iveagh House at 10:30 on Thursday.",
    "The following is the full text of the Joint Statement.",
    "[Notice] The JAPAN eVISA system will be unavailable from 22:00 on November 15.",
    "Beware of fraud!",
    "© WFP/Jorge Díaz | A farmer in Chiquimula, Guatemala, inspects a field of maize that failed.",
    "CITIZEN PROTECTION HOTLINE: Vietnamese citizens in need of emergency assistance abroad may call the embassy.",
    "In our series \"Citizens Abroad\", Việt Nam News looks at how the State protects and serves them.",
    "In this instalment, reporter Thu Hằng talks to the Director of the Consular Department.",
    "Hello and welcome to Overseas Vietnamese in Focus, VOV's weekly programme about Vietnamese communities.",
    "Our first stop today is Warsaw.",
    "Here is today's top story from Vietnam Law & Legal Forum Online.",
    "Your five-minute read on Vietnam this morning.",
    "Log in to read the full text of the legal documents mentioned.",
    "We apologise for any inconvenience.",
    "Tuoi Tre News' video team was at Noi Bai International Airport in Hanoi late on Tuesday night.",
    "Speech by Marieke van den Berg, Minister for Foreign Trade and Development, at the Water Partnership Forum in Can "
    "Tho, Viet Nam, on 12 May 2025.",
    "On 17 July 2025, the Ministry of Foreign Affairs held its regular press briefing, chaired by Spokesperson Doan "
    "Minh Chau.",
    "Thank you for joining us at this late hour for this special briefing on the visit of Prime Minister to Viet Nam.",
    "First of all, on behalf of the State Committee for Overseas Vietnamese, I warmly welcome 120 young overseas "
    "Vietnamese from 21 countries to the 2025 Summer Camp.",
    "This year, we have a special gift for you.",
    "Joining me on the dais is Secretary (East), Shri Anand Khurana, and Joint Secretary (South), Smt. Meera Pillai.",
    "As always, Secretary (East) will make some opening remarks, after which we will take a few questions.",
    "Sir, over to you.",
    "Secretary (East), Shri Anand Khurana: Thank you, Rohit.",
    # a second review's (s51)
    "I am joined today by Secretary (East), Shri Periasamy Kumaran.",
    "I shall be brief.",
    "The Ministry's regular press briefing took place on Thursday afternoon, chaired by Spokesperson Pham Thu Hang.",
    "The ministry held its regular press briefing on the afternoon of 17 July, chaired by Spokesperson Pham Thu Hang.",
    "The Ministry of Foreign Affairs continues to closely monitor the situation in the Middle East.",
    "The Vietnamese Embassy in Iran, together with the Consular Department, is closely monitoring the situation.",
    "The Leaders recall that the two countries established diplomatic relations in 1973.",
    "Remarks by the Ambassador at the reception, celebrating 50 years of diplomatic relations.",
    # read 68 (s58): an editor's label above a toast; a speaker's thanks "especially" given
    "The following is the toast delivered by President Hoang Quoc Vinh at the state banquet hosted in Hanoi.",
    "The following are the opening remarks of the Foreign Minister at the conference.",
    "I especially thank the representatives of overseas Vietnamese associations who have travelled long distances.",
    # read 69 (s59): an op-ed's standfirst of the piece
    "On the occasion of the International Day of UN Peacekeepers (May 29), the Director of the Vietnam Department of "
    "Peacekeeping Operations reflects on the journey so far.",
    # read 68 (s59): a briefing's framing with its spokesperson answering; a toast's pleasure to receive the guest
    "The Ministry of Foreign Affairs held its regular press briefing in Hanoi on May 14 afternoon, with spokesperson "
    "Vu Minh Chau answering questions from domestic and foreign reporters on a range of issues.",
    "It is a great pleasure to receive you in Hanoi during the most beautiful season of the year.",
    # read 72 (s59): a Czech greeting, a standfirst that says who writes, a mail's pointer, a transcript's note
    "Dobrý večer!",
    "Ahead of the mid-year review conference on economic diplomacy, Deputy Minister of Foreign Affairs Ton That Bao "
    "Khanh writes about the road ahead for the country.",
    "Please find below Ambassador Trinh Quang Vinh's written answers to your questions, in English as requested.",
    "(Transcript provided by the Embassy of Viet Nam in Japan.",
    "Translated from Vietnamese.)",
    "Pasting the full text since the link is behind the registration wall for some of you.",
    # reads 76 and 77 (s60): a club's and a minister's mails, a podcast's sponsor and guest, a portal's attendance list
    "A big thank you to the more than 200 of you who came to the Sapa centre in Prague on Saturday.",
    "Apologies for the delay; it has been a busy week with Canada Day preparations.",
    "My answers are inline below.", "Feel free to shorten them, but please keep the figures as they are.",
    "This episode is supported by Saigon Freight Partners — door-to-door logistics from Binh Duong to Europe.",
    "Use code MEKONG10 for 10% off your first consultation.",
    "Our guest: Luong Thi Kim Ngan is Trade Counsellor at the Vietnam Trade Office in the Netherlands.",
    "Many members who could not attend asked us for a summary, so here it is.",
    "Many of you have sent messages asking about the interns in Ota, so here is an update from the Executive Board.",
    "The full video is on our Facebook page.",
    "Attending the opening session were Mr. Hoang Nam Phong, Vice Chairman of the Quang Tri Provincial People's "
    "Committee; Ms. Sophea Chanthou, Executive Director of ARMAC.",
    "Also present were Deputy Minister Le Thi Thu Hang and representatives of the Ministry of Foreign Affairs.",
    "A big thank you, everyone, for coming this morning.", "Many thanks to the organisers for inviting me to Hanoi.",
    "This show is sponsored by Saigon Freight Partners.",
    # read 78 (s60): a ministry's cover note over its release; an outlet's introduction after the occasion
    "The Press and Information Department of the Ministry of Foreign Affairs would like to send you the following "
    "press release.", "The Vietnamese version and a photo of the candidate are attached.",
    "On the occasion of the 37th anniversary of Viet Nam – Brazil diplomatic relations, The World & Vietnam Report "
    "introduces an article by Vietnamese Ambassador to Brazil Nguyen Thanh Long.",
])
def test_a_pages_notes_about_itself_are_no_statements(sentence):
    assert not is_statement(sentence)


@pytest.mark.parametrize("sentence", [
    # near misses of s60's notes: news that opens as they do
    "This programme is supported by the EU and will train 500 customs officials in Hanoi this year.",
    "Thanks to the embassy's help, the 14 fishermen flew home on Saturday.",
    "The embassy apologised on Monday for the delay in issuing passports to workers in Busan.",
    "Attendance at the Hanoi forum rose to 3,000 delegates, the organisers said.",
    "The full text of the agreement will be published by the ministry next week.",
    "Vietnam is pleased to send the following delegation to the ASEAN summit in Kuala Lumpur.",
    # a review's near misses of s60's notes (s60)
    "Present at the signing ceremony was Japanese Foreign Minister Sato, who announced a 2 billion USD loan.",
    "Attending the summit were Vietnamese Prime Minister and ASEAN leaders, who adopted a five-year action plan.",
    "Apologies for the delay in visa processing were issued by the embassy in Seoul on Monday.",
    "A big thank you to Vietnam's rescue team came from Turkish President Erdogan on Monday.",
    "Many thanks to Japanese ODA, the Can Tho bridge opened to traffic on Monday.",
    "This show is presented by the Embassy of Viet Nam and brings 80 lacquer paintings to Paris.",
    "Great importance is attached to the visit, the ministry said on Monday.",
    "The ministry on Monday issued a statement on the East Sea, the full text of which is attached below.",
    "The ministry held its regular press briefing on Thursday, where the spokesperson said Vietnam protests the move.",
    "Statement by the Foreign Secretary was welcomed by the UN.",
    "The Government acknowledges the concerns of farmers in the delta.",
    "Vietnam opened a citizen protection hotline on Monday.",
    "Our team won the award.",
    "Welcome to Vietnam, the minister told the visiting delegation on Monday.",
    # a review's near misses (s51)
    "[Update] The death toll from the landslide in Lao Cai rose to 12 on Tuesday.",
    "[Important] The Embassy issued 12,000 emergency passports to citizens in the flooded areas.",
    "In this series of talks, Vietnam and China agreed to set up a hotline for fishermen.",
    "In this edition of the SEA Games, Vietnam won 87 gold medals.",
    "In this programme, 5,000 households will receive rooftop solar panels.",
    "Vietnam's women's team was knocked out in the quarter-finals on Sunday.",
    "Reuters' correspondents were expelled from Myanmar on Friday.",
    "The new law acknowledges the traditional owners of the land and gives them a veto over new mines.",
    "\"Good morning and welcome to Viet Nam,\" the Prime Minister told his guest as he arrived in Hanoi.",
    "Remarks by the Philippine ambassador at a forum in Manila prompted a formal protest from Beijing on Monday.",
    "The ministry held its regular press briefing on Thursday, during which the spokesperson confirmed that 12 "
    "fishermen had been released.",
    "The ministry held its regular press conference on Friday and spokesperson Lin Jian rejected the report.",
    # near misses of s59's rules: news of a reflection, a delegation's proposal
    "On the occasion of the festival, the minister reflected on 50 years of ties and announced a new fund.",
    "To mark the anniversary, Vietnam shares its experience in peacekeeping with 12 countries at a forum in Hanoi.",
    "On behalf of the Government, the minister signed a loan agreement worth USD 200 million with the bank.",
    "The ministry held its regular press briefing on Thursday, with spokesperson Pham Thu Hang saying Vietnam had "
    "protested the move.",
    "It is a great pleasure to host the summit, the minister said, announcing a USD 1 billion fund.",
    # a second review's (s59): thanks that are a letter's news; a briefing's announcement; an exhibition's reflection
    "On behalf of the Government and people of Viet Nam, we sincerely thank you for the relief goods worth JPY 100 "
    "million.",
    "The ministry held its regular press briefing on Thursday, with deputy spokesperson Doan Khac Viet announcing that "
    "the President will visit Chile before taking questions.",
    "To mark 50 years of ties, an exhibition opening at the Paris City Hall on Friday reflects on the friendship.",
    "Please find the full list of 120 companies at the fair on the trade office's website, the agency said.",
    "Dobrý Bar, a Czech restaurant chain, will open five outlets in Hanoi this year, its owner said.",
    "The ministry held its regular press briefing on Thursday and spokesperson Pham Thu Hang told reporters Vietnam "
    "had protested.",
    # a second review's (s51)
    "Vietnam is following Thailand and Malaysia in imposing a tax on online platforms from next year.",
    # near misses of read 68's (s58)
    "The following is a list of the 12 agreements signed, the ministry said.",
    "The following year, Vietnam and Chile upgraded their ties to a strategic partnership.",
    "Especially thanks to remittances, the delta's economy grew 7 per cent.",
    "We especially congratulate Viet Nam on its successful hosting of the signing ceremony on 25 October.",
    "The ministry is closely monitoring the case and on Tuesday evacuated 45 citizens from the border area.",
    "The ministry is closely monitoring the storm, and the embassy in Seoul has sent staff to the port.",
    "The ministry is closely monitoring the situation and advises citizens to avoid the area.",
    "Both sides recognise that the 2016 award is final and binding, the joint statement said.",
    "Here is the news that matters this week: Vietnam and the EU signed a fisheries deal on Monday.",
    "Prime Minister Albanese will give brief remarks on the visit and take questions at 2pm.",
    "Remarks by the Thai Prime Minister at a rally in Surin upset Phnom Penh on Monday.",
    "The ministry held its regular press briefing, chaired by Spokesperson Pham Thu Hang, who rejected China's map.",
    "We warmly welcome the ceasefire agreed by Thailand and Cambodia on Monday.",
    "On behalf of the Government, I warmly welcome the decision of the European Commission to lift the yellow card.",
])
def test_what_reads_like_a_pages_note_but_reports_news_is_kept(sentence):
    assert is_statement(sentence)


def test_a_note_to_editors_or_an_acknowledgement_goes_with_its_paragraph():
    lead = "Australia will provide $48 million to help farmers in the Mekong Delta."
    for note in ("We acknowledge the Traditional Custodians of Country. We pay our respects to Elders past and "
                 "present.",
                 "NOTE TO EDITORS: Photographs of the meeting will be available from 09:00 on Thursday."):
        assert _chosen(f"{note}\n\n{lead}") == [lead]


def test_what_looks_like_furniture_but_is_a_statement_is_kept():
    lead = "Vietnam News Agency (VNA) Director General Vu Viet Trang said the agency would open two bureaus."
    assert _chosen(lead) == [lead]  # no dash after the brackets, and not a place in capitals: a sentence
    visit = "It was his first visit since he took office."
    assert _chosen(f"The minister visited Nepal. {visit}\n\nVideo: watch a video report from the visit\n\n"
                   "He met the Prime Minister.")[1] == visit  # a video link is not the credit of a caption above
    assert _chosen("Ladies and gentlemen, the trade deal is signed.") == ["Ladies and gentlemen, the trade deal is "
                                                                           "signed."]
    for sentence in ("Thank you for the support, the minister told the EU envoys at the talks.", "NATO expands.",
                     "From: the desk of the minister came news on 3 March 2024. Trade rose a lot."):
        assert _chosen(sentence)[0] == sentence.split(". ")[0].rstrip(".") + "."


def test_captions_questions_and_the_vna_end_mark_are_never_summary_material():
    sentences, allowed = candidates("Photo: VNA\n\nDeputy Prime Minister Tran Hong Ha (C) poses with delegates at "
                                    "the conference.\n\nThe conference drew 300 delegates from 20 countries./.")
    assert [s for s, ok in zip(sentences, allowed) if ok] == ["The conference drew 300 delegates from 20 countries."]
    sentences, allowed = candidates("What next for ASEAN? How will Vietnam respond?")
    assert sentences and not allowed.any()  # questions only: nothing to summarise, not a question as the summary
    model = build_model(LeadSummariser, {"budget_words": 50})
    assert model.summarise(["What next for ASEAN? How will Vietnam respond?"]) == [""]


def test_choose_blocks_a_sentence_that_repeats_a_trigram():
    sentences = ["Trade between the two countries rose.", "Trade between the two countries rose again in May.",
                 "Officials met in Hanoi."]
    assert choose(sentences, [3.0, 2.0, 1.0], k=2) == "Trade between the two countries rose. Officials met in Hanoi."
    assert choose(sentences, [3.0, 2.0, 1.0], k=2, block_trigrams=False).count("Trade") == 2


def test_lead_takes_k_statements_per_source():
    lead = build_model(LeadSummariser, {"k": 1, "k_by_source": {"hard": 2}, "budget_words": None})
    text = INTERVIEW
    one, two = lead.summarise([text, text], {"source": ["govuk", "hard"]})
    assert one == "The minister reviewed the year of external work at the conference."
    assert two == one + " The priorities are trade, citizen protection and work at the United Nations."


@pytest.mark.parametrize(("sentence", "cleaned"), [
    ("Economic Diplomacy in a New Era In 2024, diplomacy helped attract 38 billion USD of investment.",
     "In 2024, diplomacy helped attract 38 billion USD of investment."),
    ("Priorities for 2025 This year, the sector will focus on three priorities.",
     "This year, the sector will focus on three priorities."),
    ("Vietnam, Chile Sign Trade Deal The two countries signed the deal on May 5.",
     "The two countries signed the deal on May 5."),
    ("The minister told The Times that trade rose.", None),  # a paper's name, not a sentence's start
    ("Talks with the U.S. In 2024 trade rose by 10 percent.", None),  # an abbreviation's full stop: not a heading
    ("Vietnam In Focus is a weekly programme on the radio.", None),  # no lowercase word after the opener
])
def test_a_heading_run_into_the_next_sentence_is_cut_off(sentence, cleaned):
    assert clean_statement(sentence) == (cleaned or sentence)


def test_a_quotation_over_two_sentences_is_taken_whole_with_its_speaker():
    text = ("“The UK stands with the people of Sudan. We will not allow this crisis to be forgotten,” Foreign "
            "Secretary David Lammy said today as he announced £120 million in aid.\n\nThe funding will provide food.")
    (summary,) = build_model(LeadSummariser, {"budget_words": 60}).summarise([text])
    assert summary == text.split("\n")[0]
    unattributed = "“Attacks on the grid are designed to plunge people into darkness. The UK will help.”\n\nMore."
    assert candidates(unattributed)[0][0] == "“Attacks on the grid are designed to plunge people into darkness.”"


def test_a_lead_over_the_budget_is_cut_to_fit_not_passed_over_for_a_later_sentence():
    reasons = ", ".join(f"because reason {n} matters to the people of both countries" for n in range(14))
    lead_text = f"“Viet Nam is running for a seat on the Council {reasons},” the Deputy Minister said in Geneva."
    text = f"{lead_text}\n\nVietnam served on the Council for the 2014-2016 term."
    (summary,) = build_model(LeadSummariser, {"k": 2, "budget_words": 60}).summarise([text])
    assert summary.startswith("“Viet Nam is running") and summary.endswith("matters to the people of both countries…”")
    assert len(summary.split()) <= 60 and "2014-2016" not in summary
    assert cut_to_budget("one two three four five six", 4) == "one two three four…"  # no clause boundary: words
    early = "The minister spoke, " + " ".join(["and trade grew"] * 40) + "."
    assert len(cut_to_budget(early, 60).split()) == 60  # a boundary that keeps under half the budget is not used
    assert cut_to_budget("A short lead.", 4) == "A short lead."


def test_lead_names_a_k_by_source_entry_the_data_never_uses(tmp_path, caplog):
    lead = build_model(LeadSummariser, {"k": 1, "k_by_source": {"hard": 2, "govuk_typo": 3}})
    split = summary_examples([INTERVIEW], ["The minister reviewed the year."])
    split.context = {"source": ["hard"]}
    with caplog.at_level("WARNING"):
        lead.fit(split, split, fit_context(tmp_path))
    assert "model.k_by_source: no data source govuk_typo in this run's data (it has hard); unused" in caplog.text


@pytest.mark.slow
def test_document_scorer_trains_chooses_lengths_and_reloads(tmp_path):
    texts = [INTERVIEW, "The embassy flew 300 citizens home from the war zone. Families thanked the consul. "
             "Another flight is planned next week. The ministry set up a hotline for relatives."] * 3
    refs = ["The minister reviewed external work and set priorities in trade and citizen protection.",
            "The embassy flew 300 citizens home and plans another flight."] * 3
    train = summary_examples(texts, refs)
    train.context = {"headline": ["Minister reviews the year", "Citizens flown home"] * 3,
                     "source": ["a", "b"] * 3}
    model = build_model(DocumentScorerSummariser, {"max_length": 96, "inter_layers": 1, "sentence_grid": [1, 2]})
    context = fit_context(tmp_path / "trainer", 0, SummariseTask({}).quick_score, max_steps=2, train_batch_size=2,
                          eval_strategy="no", logging_steps=1, disable_tqdm=True, pos_weight="sqrt")
    model.fit(train, train, context)
    assert set(model.k_by_source) == {"a", "b"} and model.default_k in (1, 2)
    scored = model.sentence_scores(texts[:1], ["Minister reviews the year"])[0][1]
    allowed = candidates(texts[0])[1]
    assert np.isfinite(scored[allowed]).all() and np.isneginf(scored[~allowed]).all()
    told = model.sentence_scores([DEFINITION], ["Lao and Vietnamese puppet troupes to tour joint water puppet show"])
    assert np.isneginf(told[0][1][0]) and np.isfinite(told[0][1][2])  # the untold opening is no candidate
    summaries = model.summarise(texts[:2], {"source": ["a", "b"]})
    model.save(tmp_path / "model")
    again = DocumentScorerSummariser.load(tmp_path / "model", model.options, model.spec)
    assert again.summarise(texts[:2], {"source": ["a", "b"]}) == summaries
    assert again.k_by_source == model.k_by_source


class ToyTokenizer:
    """A byte-level-BPE-like vocabulary: 'Ġ' marks a leading space."""

    VOCAB = ["Ġ", "ĠThe", "ĠLondon", "ĠLon", "don", "ĠParis", "Ġrose", "2", "0", "1", ".", '"B', "ritish", "ĠBritish",
             "ĠBerlin", "Ġthe", "ĠA", "-", "list", "ĠUK", "ĠUAE", "'s", "led", "based", "5", "%", ",", "Ġsold", "âĢĵ",
             "âĢĻs", "ĠS", "Æ", "¡", "n", "th", "Ġnine", "Ġninety", "Ġthree", "nine", "ĠNine", "Ġbillion", "Ġmillions"]
    # "âĢĻs" writes "’s"; "Æ" + "¡" the two bytes of "ơ"

    def get_vocab(self):
        return {t: i for i, t in enumerate(self.VOCAB)}

    def __len__(self):
        return len(self.VOCAB)


def _allowed(constraint: SourceConstraint, generated: list[str]) -> set[str]:
    vocab = ToyTokenizer().get_vocab()
    prompt = [vocab["Ġthe"]] * 3
    ids = torch.tensor([prompt + [vocab[t] for t in generated]])
    scores = constraint(ids, torch.zeros(1, len(vocab)))
    return {t for t, i in vocab.items() if torch.isfinite(scores[0, i])}


def test_source_constraint_blocks_names_and_numbers_the_article_lacks():
    vocabulary = Vocabulary(ToyTokenizer())
    constraint = SourceConstraint(vocabulary, ["Exports to London rose 20 percent in the British market."], 1, 3)
    start = _allowed(constraint, [])
    assert {"ĠLondon", "ĠLon", "ĠThe", "ĠBritish", '"B', "Ġrose"} <= start
    assert not {"ĠParis", "ĠBerlin"} & start  # not in the article
    assert _allowed(constraint, ["ĠLon"]) >= {"don"} and "Ġrose" not in _allowed(constraint, ["ĠLon"])  # spell it out
    after_space = _allowed(constraint, ["Ġ"])
    assert "2" in after_space and "1" not in after_space  # a number must begin as one of the article's
    assert "0" in _allowed(constraint, ["Ġ", "2"]) and "1" not in _allowed(constraint, ["Ġ", "2"])
    assert "ritish" in _allowed(constraint, ['"B'])  # a word opening with a quote is held to the article too


def test_source_constraint_follows_a_name_or_number_to_its_end():
    article = "The UAE and UK-based firms sold 15% more, 1,200 tonnes, in 2012."
    constraint = SourceConstraint(Vocabulary(ToyTokenizer()), [article], 1, 3)
    after_uae = _allowed(constraint, ["ĠUAE"])
    assert "âĢĻs" not in after_uae and "âĢĻs" in _allowed(SourceConstraint(
        Vocabulary(ToyTokenizer()), ["The UAE’s envoy."], 1, 3), ["ĠUAE"])  # "’s" too, read as the text it writes
    assert "'s" not in after_uae and {".", ",", "Ġsold"} <= after_uae  # "UAE's" is not in the article; "UAE" is
    assert "-" in _allowed(constraint, ["ĠUK"])
    assert "based" in _allowed(constraint, ["ĠUK", "-"]) and "led" not in _allowed(constraint, ["ĠUK", "-"])
    after_15 = _allowed(constraint, ["Ġ", "1", "5"])
    assert after_15 == {"%"}  # the article has "15%", never a bare 15
    assert "," in _allowed(constraint, ["Ġ", "1"]) and "Ġsold" not in _allowed(constraint, ["Ġ", "1"])
    after_comma = _allowed(constraint, ["Ġ", "1", ","])
    assert "2" in after_comma and "5" not in after_comma  # "1,2..." must stay a prefix of 1,200
    after_2012 = _allowed(constraint, ["Ġ", "2", "0", "1", "2"])
    assert {".", ",", "Ġsold"} <= after_2012 and not {"%", "5", "0"} & after_2012
    assert "5" not in _allowed(constraint, ["Ġ", "2", "0", "1", "2", "âĢĵ"])  # after an en dash: a new number


def test_source_constraint_follows_a_letter_split_over_two_tokens():
    constraint = SourceConstraint(Vocabulary(ToyTokenizer()), ["Minister Bùi Thanh Sơn met Singapore envoys."], 1, 3)
    assert "Æ" in _allowed(constraint, ["ĠS"])  # the first byte of "ơ": "Sơn" is the article's
    assert _allowed(constraint, ["ĠS", "Æ"]) == {"¡"}  # only the byte that finishes "ơ"
    assert "n" in _allowed(constraint, ["ĠS", "Æ", "¡"]) and "Ġsold" not in _allowed(constraint, ["ĠS", "Æ", "¡"])
    assert "Ġsold" in _allowed(constraint, ["ĠS", "Æ", "¡", "n"])  # "Sơn" is whole
    other = SourceConstraint(Vocabulary(ToyTokenizer()), ["Envoys from Singapore met."], 1, 3)
    assert "Æ" not in _allowed(other, ["ĠS"])


def test_source_constraint_holds_number_words_to_the_article():
    constraint = SourceConstraint(Vocabulary(ToyTokenizer()), ["The bloc's 97 members met for 3 days."], 1, 3)
    start = _allowed(constraint, [])
    assert {"Ġninety", "Ġthree"} <= start and not {"Ġnine", "nine", "ĠNine"} & start  # 97 is not nine; 3 is three
    assert "Ġnine" not in _allowed(constraint, ["Ġsold"]) and "nine" in _allowed(constraint, ["Ġsold"])  # a piece
    worded = SourceConstraint(Vocabulary(ToyTokenizer()), ["Nine envoys met for three days."], 1, 3)
    assert {"Ġnine", "Ġthree"} <= _allowed(worded, []) and "Ġninety" not in _allowed(worded, [])
    scaled = SourceConstraint(Vocabulary(ToyTokenizer()), ["Trade reached 70 million USD."], 1, 3)
    assert "Ġmillions" in _allowed(scaled, []) and "Ġbillion" not in _allowed(scaled, [])  # a scale the article uses
    counted = SourceConstraint(Vocabulary(ToyTokenizer()), ["Exports reached 2,500,000 tonnes in 2024."], 1, 3)
    assert "Ġmillions" in _allowed(counted, []) and "Ġbillion" not in _allowed(counted, [])  # or an amount reaches


def test_source_constraint_holds_an_amount_to_the_amounts_the_article_states():
    # a twenty-first read (s46): "increase bilateral trade by two billion USD" where the article has 15 and 8 billion
    # (and a "two" elsewhere): the number and the scale were each supported, the amount was not
    article = "Trade reached 15 billion USD, and three million tonnes of rice were sold by 2 firms."
    constraint = SourceConstraint(Vocabulary(ToyTokenizer()), [article], 1, 3)
    after_15 = _allowed(constraint, ["Ġ", "1", "5"])
    assert "Ġbillion" in after_15 and "Ġmillions" not in after_15
    assert "Ġmillions" in _allowed(constraint, ["Ġthree"]) and "Ġbillion" not in _allowed(constraint, ["Ġthree"])
    assert not {"Ġbillion", "Ġmillions"} & _allowed(constraint, ["Ġ", "2"])  # 2 firms, no 2 billion
    assert {"Ġbillion", "Ġmillions"} <= _allowed(constraint, ["Ġthe"])  # a scale after no number: as before


@pytest.mark.parametrize(("summary", "unsupported"), [
    ("Vietnam and Brazil will increase bilateral trade by two billion USD.", ["two billion"]),
    ("Vietnam and Brazil will raise trade to 15 billion USD.", []),
    ("Exports reached 2.5 million tonnes.", []),                     # the article writes 2,500,000
    ("The UK pledged £14 billion.", []),                             # the article writes £14billion
    ("Trade grew by 8 million USD.", ["8 million"]),                 # 8 billion, not 8 million
    ("The schools budget will reach £52.2 billion.", []),             # the article writes £52.2bn
])
def test_an_amount_is_supported_only_as_the_article_states_it(summary, unsupported):
    article = ("Vietnam and Brazil aim to raise two-way trade to 15 billion USD by 2030; it exceeded 8 billion USD "
               "last year. Exports reached 2,500,000 tonnes. The UK pledged £14billion, and £52.2bn in all.")
    assert unsupported_entities(summary, article) == unsupported


def test_source_constraint_never_leaves_a_step_without_a_token():
    vocab = ToyTokenizer().get_vocab()
    constraint = SourceConstraint(Vocabulary(ToyTokenizer()), ["Exports rose in 2012."], 1, 3)
    scores = torch.full((1, len(vocab)), float("-inf"))
    scores[0, vocab["ĠParis"]] = 0.0  # the only token another rule left: the constraint bans it, so it stands
    ids = torch.tensor([[vocab["Ġthe"]] * 3])
    assert torch.isfinite(constraint(ids, scores.clone())[0, vocab["ĠParis"]])
    ordinal = SourceConstraint(Vocabulary(ToyTokenizer()), ["On the 15th of May."], 1, 3)
    assert _allowed(ordinal, ["Ġ", "1", "5"]) == {"th"}  # the article writes "15th", never a bare 15


def test_finish_cuts_a_summary_stopped_mid_sentence():
    assert finish("The UK met Vietnam. The Royal Family attended a 20") == "The UK met Vietnam."
    assert finish("The UK met Vietnam. A") == "The UK met Vietnam."
    assert finish("It highlights the role of Davies in the 2") == "It highlights the role of Davies in the"
    assert finish('The minister said "yes."') == 'The minister said "yes."'
    assert finish("  The UK met Vietnam.  ") == "The UK met Vietnam."


@pytest.mark.parametrize(("generated", "tidied"), [
    # a copied title and "Summary" label above the summary go (1 of 190 zero-shot summaries on dev and test)
    ("Human Rights Day: Minister Opens Week of Events\n\nSummary\n\nThe minister opened a week of events in London.",
     "The minister opened a week of events in London."),
    ("1.\n\nViet Nam and Laos signed a deal on power.\n\n2.\n\nThey met in Vientiane.",
     "Viet Nam and Laos signed a deal on power. They met in Vientiane."),
    # what is no heading is joined, never dropped: a wrapped sentence, a line before a quote, a list's items, a
    # sentence that lacks its stop, a title that ends a sentence
    ("The minister said the two countries\nwould expand trade.", "The minister said the two countries would expand "
     "trade."),
    ('The Foreign Minister said:\n\n"We Will Expand Trade."', 'The Foreign Minister said: "We Will Expand Trade."'),
    ("Viet Nam will:\n\n- open an embassy;\n\n- sign a deal.", "Viet Nam will: open an embassy; sign a deal."),
    # a review (s45) of the first version: a sentence full of names or with a colon is no title, a list's first
    # item is none, labels and preambles go
    ("Prime Minister Pham Minh Chinh met Japanese Prime Minister Fumio Kishida\n\nThey signed a deal.",
     "Prime Minister Pham Minh Chinh met Japanese Prime Minister Fumio Kishida They signed a deal."),
    ("Minister Son said: trade will grow\n\nHe spoke in Hanoi.", "Minister Son said: trade will grow He spoke in "
     "Hanoi."),
    ("1.\n\nViet Nam Boosts Ties With Japan\n\n2.\n\nUK Funds New Schools",
     "Viet Nam Boosts Ties With Japan UK Funds New Schools"),
    ("**Summary:** The minister met the envoy.", "The minister met the envoy."),
    ("Summary:\nThe minister met the envoy.", "The minister met the envoy."),
    ("Here is a one-sentence summary of the article:\n\nThe minister met the envoy.", "The minister met the envoy."),
    ("1. Viet Nam signed a deal.\n2. They met in Hanoi.", "Viet Nam signed a deal. They met in Hanoi."),
    ("The two countries agreed to expand trade in 2024\n\nThey signed a deal.",
     "The two countries agreed to expand trade in 2024 They signed a deal."),
    ("Invisible Shield: Countering Threats With New Technology.\n\nThe UK will fund research.",
     "Invisible Shield: Countering Threats With New Technology. The UK will fund research."),
    ("Viet Nam Japan Boost Ties", "Viet Nam Japan Boost Ties"),  # nothing under it: kept
])
def test_tidy_drops_a_copied_heading_and_list_marks_and_joins_the_rest(generated, tidied):
    assert tidy(generated) == tidied


def test_finish_closes_the_clauses_before_the_one_the_token_limit_cut():
    """Unseen pages: 9 of 45 zero-shot summaries were one long sentence cut by the token limit ("… from Viet Nam's
    waters, and the ministry has handed a note to the Embassy in Ha"): the clauses before the cut one are kept and
    closed, where they hold eight words or more; a thousands comma is no clause break."""
    cut = ("The spokesperson has asked China to withdraw the vessel and its escorts from Viet Nam's waters, and the "
           "ministry has handed a diplomatic note to the Embassy in Ha")
    assert finish(cut) == cut[: cut.index(", and")] + "."
    assert finish("In Hanoi on Monday, Vietnam and Laos agreed to") == "In Hanoi on Monday, Vietnam and Laos agreed"
    assert finish("Vietnam will export 1,200 tonnes of rice to the Philippines under a new") == \
        "Vietnam will export 1,200 tonnes of rice to the Philippines under a"


def test_rerank_prefers_supported_then_target_length():
    article = "The Foreign Secretary met the Prime Minister of Vietnam in London."
    options = ["The Foreign Secretary met Angela Merkel in Berlin.", "The Foreign Secretary met the Prime Minister.",
               "The Foreign Secretary met the Prime Minister of Vietnam in London."]
    assert rerank(options, article, target_words=7) == options[1]
    assert rerank(options, article, target_words=12) == options[2]
    counted = "The 97 members of the bloc met in London for three days."
    beams = ["The nine members of the bloc met in London.", "The members of the bloc met in London for three days."]
    assert rerank(beams, counted, target_words=8) == beams[1]  # a number word the article lacks is an invention


PAGE = """Tiếng Việt | English
Home > Diplomacy > Interview
Minister talks about the year ahead for the diplomatic service
Updated: 2025-01-20 09:00
(VOVWORLD) - Foreign Minister Bùi Thanh Sơn gave an interview to VOV on the eve of the Lunar New Year.
Reporter: What will the sector focus on this year?
The sector will focus on economic diplomacy, protecting citizens abroad and work at the United Nations.
Minister Bùi Thanh Sơn at the interview. (Photo: VOV) |
Reporter: How will the ministry help Vietnamese workers abroad?
Embassies will open hotlines and send consular teams wherever workers run into difficulties.
By Thanh Hà
"""


def test_summaries_of_a_raw_interview_page_hold_statements_only(tmp_path, capsys):
    from diplo_ml.cli import main as cli_main

    from .test_hostile import _checkpoint

    lead3 = _checkpoint(tmp_path / "lead", ["task=summarise", "data=summaries_embedded", "model=lead", "debug=smoke",
                                            "model.k=3", "model.budget_words=200"])
    page = tmp_path / "interview.txt"
    page.write_text(PAGE)
    assert cli_main(["predict", str(lead3), str(page)]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    # the news in the first answer, not the set-up that tells none (reads 76, 80), nor "(VOVWORLD) -"
    assert summary.startswith("The sector will focus on economic diplomacy")
    assert "?" not in summary and "Reporter" not in summary and "Photo" not in summary and "By Thanh" not in summary
    assert "hotlines" in summary


def test_a_page_of_questions_only_gets_an_empty_summary_and_the_others_theirs(tmp_path, capsys):
    """It stopped the whole run ("texts[1] is empty"): the summariser was handed a page's answers, and it had none."""
    from diplo_ml.cli import main as cli_main
    from diplo_ml.tasks.summarise.summariser import NOTHING_TO_SUMMARISE

    from .test_hostile import _checkpoint

    lead = _checkpoint(tmp_path / "lead", ["task=summarise", "data=summaries_embedded", "model=lead", "debug=smoke"])
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("Readers ask about visas\nQ: Do citizens need a visa to visit Chile?\n"
                                 "Q: How long can tourists stay without one?\n")
    (pages / "b.txt").write_text(PAGE)
    for given in ([str(pages)], [str(pages / "a.txt")]):
        assert cli_main(["predict", str(lead), *given]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert rows[0]["summary"] == "" and rows[0]["note"] == NOTHING_TO_SUMMARISE
    assert rows[0]["doc"] == "a" and len(rows) == 1


def _trim_data(n: int = 40) -> tuple[list[str], list[str]]:
    places = ["Hanoi", "Jakarta", "Manila", "Bangkok", "Vientiane", "Canberra", "Seoul", "Tokyo"]
    sentences, references = [], []
    for i in range(n):
        place = places[i % len(places)]
        point = f"The minister opened trade office number {i} in {place} on Monday with partners from the region"
        sentences.append(f"{point}, which will serve exporters of rice, coffee and seafood for years to come.")
        references.append(point + ".")
    return sentences, references


def test_clause_trimmer_learns_a_cut_matches_scikit_learn_and_reloads(tmp_path):
    from sklearn.ensemble import GradientBoostingRegressor

    from diplo_ml.errors import DiploError
    from diplo_ml.models.summarise.boosted import BoostedTrees
    from diplo_ml.models.summarise.trim import ClauseTrimmer, cuts, training_rows

    sentences, references = _trim_data()
    options = cuts(sentences[0], None)
    assert options[0][0] == sentences[0] and all(text.endswith(".") for text, _ in options)
    assert all(sentences[0].startswith(text[:-1]) for text, _ in options[1:])  # the article's words, in order
    subject_only = "Ahead of the spring programme for the new year, Deputy Minister Le Thu Hang, who chairs it, spoke."
    assert [text for text, _ in cuts(subject_only, None)] == [subject_only]  # a cut must leave a verb
    assert cuts("“We will open trade offices in five new markets next year, which will help exporters.", None)[1][0] \
        == "“We will open trade offices in five new markets next year…”"  # shortened, and seen to be
    assert cuts('"We will open trade offices in five new markets next year, which will help exporters.', None)[1][0] \
        == '"We will open trade offices in five new markets next year…"'
    closed = "“We will open trade offices,” the Minister said, adding that five new markets would follow."
    assert cuts(closed, None)[1][0] == "“We will open trade offices,” the Minister said."  # a whole quotation
    features, gains = training_rows(sentences, [None] * len(sentences), references, 8)
    reference_model = GradientBoostingRegressor(n_estimators=20, learning_rate=0.1, max_leaf_nodes=4,
                                                min_samples_leaf=2, random_state=0).fit(features, gains)
    trimmer = ClauseTrimmer(BoostedTrees.from_sklearn(reference_model, features.shape[1]), 8)
    assert np.allclose(trimmer.predict(features), reference_model.predict(features))
    fitted = ClauseTrimmer.fit(sentences, [None] * len(sentences), references, trees=20, learning_rate=0.1,
                               max_leaf_nodes=4, min_samples_leaf=2, min_words=8, seed=0)
    assert fitted.trim(sentences[3]) == references[3]
    assert fitted.trim("Short sentence, which stays.") == "Short sentence, which stays."  # no cut keeps 8 words
    fitted.save(tmp_path / "trimmer.safetensors")
    again = ClauseTrimmer.load(tmp_path / "trimmer.safetensors")
    assert [again.trim(s) for s in sentences] == [fitted.trim(s) for s in sentences]
    (tmp_path / "bad.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(DiploError, match="bad.safetensors"):
        ClauseTrimmer.load(tmp_path / "bad.safetensors")
    broken = dict(fitted.model.trees)
    broken["left"] = broken["left"].copy()
    broken["left"][0] = 10**6  # a child that points nowhere: refused on load, not an IndexError (or a loop) later
    ClauseTrimmer(BoostedTrees(broken, fitted.model.base, fitted.model.features), 8).save(tmp_path / "loop.safetensors")
    with pytest.raises(DiploError, match="loop.safetensors: damaged clause trimmer .a child index out of range"):
        ClauseTrimmer.load(tmp_path / "loop.safetensors")


def test_lead_trim_chooses_per_source_on_dev_and_reloads(tmp_path):
    from diplo_ml.models.summarise.lead import LeadTrimSummariser

    sentences, references = _trim_data()
    texts = [f"{s} Officials said more offices would follow next year." for s in sentences]
    train = summary_examples(texts, references)
    long_references = [f"{s} Officials said more offices would follow next year." for s in sentences]
    dev = summary_examples(texts[:8], references[:4] + long_references[4:8])
    dev.context = {"source": ["short"] * 4 + ["long"] * 4, "headline": [None] * 8}
    model = build_model(LeadTrimSummariser, {"trees": 20, "learning_rate": 0.1, "max_leaf_nodes": 4,
                                             "min_samples_leaf": 2, "k_by_source": {"long": 2}})
    model.fit(train, dev, fit_context(tmp_path / "trainer"))
    assert model.edits_by_source == {"long": {"finder": False, "trim": False, "headline": False},
                                     "short": {"finder": False, "trim": True, "headline": False}}  # no quotes: the
    # headline ties, off (and no lead finder was asked for: nothing to switch)
    summaries = model.summarise(texts[:2], {"source": ["short", "long"]})
    assert summaries == [references[0], texts[1]]
    model.save(tmp_path / "model")
    again = LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    assert again.summarise(texts[:2], {"source": ["short", "long"]}) == summaries
    assert "each edit is used where it raised dev rouge-l" in again.card().summary.lower()
    settings = json.loads((tmp_path / "model" / "summariser.json").read_text())
    old = {k: v for k, v in settings.items() if not k.startswith("edits_")}  # as saved before the headline edit
    (tmp_path / "model" / "summariser.json").write_text(json.dumps({**old, "trim_by_source": {"short": True},
                                                                    "trim_default": False}))
    older = LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    assert older.edits_by_source == {"short": {"finder": False, "trim": True, "headline": False}}
    assert older.summarise(texts[:2], {"source": ["short", "long"]}) == summaries
    for unknown, expected in (("short", references[0]), ("long", texts[0])):  # trimmed, or two whole sentences
        model.options.unknown_source = unknown  # a new page (no source) is summarised as that source's articles are
        assert model.summarise(texts[:1], {"headline": [None]}) == [expected]
        assert f"articles of no known source, such as new pages: as {unknown}'s" in model.card().summary
    # a checkpoint without what its settings use, or without the settings, is refused (it loaded as plain Lead-k)
    from diplo_ml.errors import DiploError

    (tmp_path / "model" / "trimmer.safetensors").unlink()
    with pytest.raises(DiploError, match=r"trimmer.safetensors: missing; the summariser settings use the trim edit"):
        LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    (tmp_path / "model" / "summariser.json").write_text("{}")
    with pytest.raises(DiploError, match=r"summariser.json: damaged summariser settings"):
        LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    for bad in ({"edits_default": "garbage"}, {"edits_default": {}, "edits_by_source": [1]}):
        (tmp_path / "model" / "summariser.json").write_text(json.dumps(bad))  # the file is named (review s37 F6)
        with pytest.raises(DiploError, match=r"summariser.json: (edits must be|the edits by source must be)"):
            LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)


def test_an_unknown_source_the_data_does_not_hold_is_named(tmp_path, caplog):
    lead = build_model(LeadSummariser, {"k": 1, "unknown_source": "embeded"})
    split = summary_examples([INTERVIEW], ["The minister reviewed the year."])
    split.context = {"source": ["embedded"]}
    with caplog.at_level("WARNING"):
        lead.fit(split, split, fit_context(tmp_path))
    assert "model.unknown_source: no data source embeded in this run's data (it has embedded)" in caplog.text


def _headline_data(n: int = 40) -> tuple[list[str], list[str], list[str]]:
    """Quoted openings whose reference says who speaks (the headline helps) and plain statements (it does not)."""
    summaries, headlines, references = [], [], []
    for i in range(n):
        if i % 2:
            summaries.append(f"“We welcome agreement number {i} signed today in the capital by both sides.")
            headlines.append(f"Trade minister Lan welcomes agreement number {i}")
            references.append(f"Trade minister Lan welcomes agreement number {i} signed today by both sides.")
        else:
            summaries.append(f"Vietnam and Laos signed agreement number {i} on rice exports in Vientiane on Monday.")
            headlines.append(f"Rice deal number {i} for a busy season ahead")
            references.append(summaries[-1])
    return summaries, headlines, references


def test_headline_chooser_learns_when_the_headline_helps_and_reloads(tmp_path):
    from diplo_ml.errors import DiploError
    from diplo_ml.models.summarise.boosted import BoostedTrees
    from diplo_ml.models.summarise.headline import HeadlineChooser, usable, with_headline

    assert with_headline("“We welcome it.”", "Minister welcomes deal") == "Minister welcomes deal. “We welcome it.”"
    assert with_headline("It was signed.", "Deal signed!") == "Deal signed! It was signed."
    assert with_headline("It was signed.", 'He said: "We act."') == 'He said: "We act." It was signed.'
    assert with_headline("It was signed.", "Vietnam, Laos:") == "Vietnam, Laos. It was signed."
    assert with_headline("It was signed.", "Deal signed…") == "Deal signed… It was signed."
    for question in ("What next for the trade deal?", '"Will it hold?"', "Will it hold?”", "Deal signed?!", "  ", None):
        assert not usable(question), question
    assert usable("Deal signed!") and usable('Minister: "We act"')
    summaries, headlines, references = _headline_data()
    chooser = HeadlineChooser.fit(summaries, headlines, references, trees=20, learning_rate=0.1, max_leaf_nodes=4,
                                  min_samples_leaf=2, seed=0)
    assert chooser.place(summaries[1], headlines[1]) == with_headline(summaries[1], headlines[1])
    assert chooser.place(summaries[0], headlines[0]) == summaries[0]  # a plain statement stays as it is
    assert chooser.place(summaries[1], "Will the deal hold?") == summaries[1]  # never a question
    assert chooser.place(summaries[1], None) == summaries[1]
    assert HeadlineChooser().place(summaries[1], headlines[1]) == summaries[1]  # unfitted: no headline
    chooser.save(tmp_path / "headline.safetensors")
    again = HeadlineChooser.load(tmp_path / "headline.safetensors")
    assert [again.place(s, h) for s, h in zip(summaries, headlines)] == \
        [chooser.place(s, h) for s, h in zip(summaries, headlines)]
    (tmp_path / "bad.safetensors").write_bytes(b"not trees")
    with pytest.raises(DiploError, match="bad.safetensors: unreadable or damaged headline chooser"):
        HeadlineChooser.load(tmp_path / "bad.safetensors")
    for name, change in (("threshold", lambda a: np.where(a == a[0], np.nan, a)),
                         ("value", lambda a: a + np.inf), ("left", lambda a: a.astype(np.float64) + 0.7),
                         ("right", lambda a: a.astype(np.uint64))):
        trees = {**chooser.model.trees, name: change(chooser.model.trees[name])}
        BoostedTrees(trees, chooser.model.base, chooser.model.features).save(tmp_path / f"{name}.safetensors")
        with pytest.raises(DiploError, match=f"{name}.safetensors: damaged headline chooser .{name} holds"):
            HeadlineChooser.load(tmp_path / f"{name}.safetensors")
    BoostedTrees(chooser.model.trees, float("nan"), chooser.model.features).save(tmp_path / "base.safetensors")
    with pytest.raises(DiploError, match="damaged headline chooser .a base value"):
        HeadlineChooser.load(tmp_path / "base.safetensors")
    with pytest.raises(DiploError, match="rows of 13 features"):
        chooser.model.predict(np.zeros((1, 12)))
    with pytest.raises(DiploError, match="no training articles with a headline"):
        HeadlineChooser.fit(summaries, [None] * len(summaries), references, trees=2, learning_rate=0.1,
                            max_leaf_nodes=2, min_samples_leaf=1, seed=0)


def test_lead_trim_puts_the_headline_first_where_dev_says_so(tmp_path):
    from diplo_ml.errors import DiploError
    from diplo_ml.models.summarise.lead import LeadTrimSummariser

    summaries, headlines, references = _headline_data()
    texts = [f"{s} Officials said more agreements would follow." for s in summaries]
    train = summary_examples(texts, references)
    train.context = {"source": ["news"] * len(texts), "headline": headlines}
    dev = summary_examples(texts[:10], references[:10])
    dev.context = {"source": ["news"] * 10, "headline": headlines[:10]}
    model = build_model(LeadTrimSummariser, {"trees": 20, "learning_rate": 0.1, "max_leaf_nodes": 4,
                                             "min_samples_leaf": 2})
    model.fit(train, dev, fit_context(tmp_path / "trainer"))
    assert model.edits_by_source["news"]["headline"] is True
    from diplo_ml.models.summarise.selection import closed_quotation

    out = model.summarise(texts[:2], {"source": ["news"] * 2, "headline": headlines[:2]})
    quoted = closed_quotation(summaries[1])  # a quotation the summary leaves open is closed
    assert quoted.endswith("”") and out == [summaries[0], f"{headlines[1]}. {quoted}"]
    assert model.summarise(texts[1:2], {"source": ["news"]}) == [quoted]  # no headline known
    model.save(tmp_path / "model")
    again = LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    assert again.summarise(texts[:2], {"source": ["news"] * 2, "headline": headlines[:2]}) == out
    assert "headline may then be put first" in again.card().summary
    with pytest.raises(DiploError, match="context 'headline' has 1 entries for 2 texts"):
        model.summarise(texts[:2], {"headline": headlines[:1]})  # never a silently dropped article
    settings = tmp_path / "model" / "summariser.json"
    settings.write_text(json.dumps({**json.loads(settings.read_text()), "edits_default": {"trim": "false"}}))
    with pytest.raises(DiploError, match="true/false switches"):
        LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)


def test_no_repeat_in_answer_leaves_the_article_free_to_copy():
    from diplo_ml.models.summarise.constrained import NoRepeatInAnswer

    rule = NoRepeatInAnswer(3, prompt_length=3)
    prompt = [5, 6, 7]  # the article holds the trigram 5 6 7
    copied = rule(torch.tensor([prompt + [5, 6]]), torch.zeros(1, 10))
    assert torch.isfinite(copied[0, 7])  # copying it once is what a summary does
    repeated = rule(torch.tensor([prompt + [5, 6, 7, 5, 6]]), torch.zeros(1, 10))
    assert torch.isneginf(repeated[0, 7]) and torch.isfinite(repeated[0, 8])  # writing it twice is not
    vocab = ToyTokenizer().get_vocab()
    digits = NoRepeatInAnswer(3, 3, Vocabulary(ToyTokenizer()))
    number = [vocab[t] for t in ["Ġ", "2", "0", "0", ",", "0", "0", "0", "Ġ", "1", "0", "0"]]
    scores = digits(torch.tensor([prompt + number]), torch.zeros(1, len(vocab)))
    assert torch.isfinite(scores[0, vocab[","]])  # "100,..." after "200,000": "0 0 ," again, inside a number


def test_the_summariser_says_why_a_summary_is_empty_and_refuses_a_bare_string():
    from diplo_ml.errors import DiploError
    from diplo_ml.tasks.summarise.summariser import NOTHING_TO_SUMMARISE, Summariser

    summariser = Summariser(build_model(LeadSummariser, {"budget_words": 50}))
    rows = summariser.predict(["What next for ASEAN? How will Vietnam respond?",
                               "Vietnam and Laos signed a labour agreement on Tuesday."])
    assert rows[0] == {"summary": "", "unsupported_entities": [], "note": NOTHING_TO_SUMMARISE}
    assert rows[1]["summary"].startswith("Vietnam and Laos") and "note" not in rows[1]
    with pytest.raises(DiploError, match="wrap one text in a list"):
        summariser.summarise("Vietnam and Laos signed a labour agreement on Tuesday.")
    with pytest.raises(DiploError, match=r"texts\[1\] is NoneType"):
        summariser.summarise(["A text.", None])


@pytest.mark.parametrize("sentence", [
    "March 5, 2024 was a landmark day for the two countries.",  # a date opens it: not a page's stamp
    "Vietnam signed deals with the following partners: Japan, Korea and India.",  # not an attribution line
    "The report by the Vietnam News Agency (VNA) – Vietnam's national news agency – was widely read.",
    "Thanks to new rules, exports to the EU rose.",
    "The country wants a new image: a safe and friendly destination.",
    "The ministry released a video: the talks were productive.",
    "The full text of the agreement has not been made public.",
    "The cookie maker will use new ovens to expand exports to Japan.",
    "Speech therapists from Japan will train 200 Vietnamese doctors this year.",  # not a GOV.UK page label
    "The Vietnam News Agency introduced a new English service for readers in Africa.",
    "Vietnam presents a new plan to cut emissions at COP28.",
    "Welcome to the new era of relations, the minister said at the meeting.",
    "10.5 million foreign tourists visited Vietnam in the first half of the year.",
    "The spokesperson will take part in the conference in Geneva.",
    # a review of the fifth and sixth reads' rules: each of these was cut or refused
    "The Vietnam News Agency and Xinhua signed a VNA-Xinhua cooperation deal in Hanoi on Monday.",
    "The Ministry publishes the text of the agreement on its website, the spokesperson said.",
    "Vietnam offers an opinion on the draft resolution at the UN Security Council meeting.",
    "\"We would like to thank Japan for the new grant of 5 million USD for rural roads,\" he said.",
    "\"Thank you to all the countries that helped us,\" the minister told reporters in Geneva on Monday.",
])
def test_statements_that_look_like_page_furniture_are_kept_whole(sentence):
    """A review of the furniture rules: each of these real sentences was cut or dropped by a rule meant for pages."""
    assert _chosen(sentence) == [sentence]


def test_a_quotation_over_two_sentences_is_closed_and_reopened():
    assert _chosen("“We will not stand by while civilians go without food. We will act.” The Foreign Secretary "
                   "spoke in Geneva.")[:2] == ["“We will not stand by while civilians go without food.”",
                                               "“We will act.”"]


def test_the_salutation_rule_takes_linear_time_and_a_dated_headline_is_usable():
    import time

    from diplo_ml.data.page_noise import is_salutation
    from diplo_ml.models.summarise.headline import usable

    started = time.perf_counter()
    assert not is_salutation("Dear Friends, " * 22 + "x")  # the first regex took 12.6 s on this line
    assert time.perf_counter() - started < 0.5
    assert usable("Vietnam, Japan to hold talks on March 6, 2024")


@pytest.mark.parametrize(("opening", "kept"), [
    # read 49 (s54): a briefing's opening on what comes, and no more; one that says what is announced stays
    ("I would like to begin with an announcement.", False),
    ("Let me start today's briefing with two announcements.", False),
    ("I would like to begin with an announcement: Foreign Minister Vu Thanh Liem will visit Japan.", True),
])
def test_a_briefings_opening_on_what_comes_is_no_statement(opening, kept):
    first = _chosen(f"{opening}\n\nForeign Minister Vu Thanh Liem will pay an official visit to Japan from 16 to 19 "
                    "March.")[0]
    assert (first == opening) is kept


@pytest.mark.parametrize(("line", "alone"), [
    # read 47 (s54): a post's greeting of its people by who they are
    ("Dear members of the Vietnamese community in Laos and dear Lao friends!", True),
    ("Dear friends of Vietnam!", True),
    ("Dear members of the press, the minister arrived today.", False),
    ("Members of the community attended the event.", False),
])
def test_a_salutation_names_its_people_by_who_they_are(line, alone):
    from diplo_ml.data.page_noise import is_salutation

    assert is_salutation(line) is alone
    assert (_chosen(f"{line}\n\nMore than 600 people gathered at the embassy on Sunday.")[0] == line) is not alone


LEAD9 = "ASEAN and the GCC agreed on March 11 to begin a feasibility study for a free trade agreement."


@pytest.mark.parametrize(("text", "first"), [
    # a caption's label run into the text after it (a joined row): only the caption's sentence is left out
    (f"Photo: Ministers pose in Kuala Lumpur on March 11. {LEAD9} Trade reached 130 billion USD.", LEAD9),
    (f"Photo: VNA. {LEAD9} Trade reached 130 billion USD.", LEAD9),
    # "Source: VNA" after a caption, on a line of its own or run into the lead; at an article's end it credits nothing
    (f"The ministers pose for a photo in Kuala Lumpur.\n\nSource: VNA\n\n{LEAD9}\n\nMore talks follow.", LEAD9),
    (f"The ministers pose for a photo in Kuala Lumpur. Source: VNA {LEAD9} More talks follow.", LEAD9),
    # greetings of a speech
    (f"First of all, I would like to extend my warmest greetings to all of you. {LEAD9}", LEAD9),
    (f"First of all, I warmly welcome all of you to the forum. {LEAD9}", LEAD9),
    (f"On this occasion, I would like to send my sincere greetings and best wishes to all distinguished guests. "
     f"{LEAD9}", LEAD9),
    (f"Allow me to extend a warm welcome to all of you. {LEAD9}", LEAD9),
    # an opinion page's disclaimer, a briefing's chair
    (f"The views expressed are those of the authors and do not necessarily reflect the position of the institute. "
     f"{LEAD9}", LEAD9),
    (f"Disclaimer: The opinions expressed in this article are the author's own. {LEAD9}", LEAD9),
    (f"Spokesperson Pham Thu Hang chaired the regular press conference. {LEAD9}", LEAD9),
    # datelines with no outlet: a date alone, a well-known city, a bracketed outlet with no dash
    (f"12 March 2026 – {LEAD9}", LEAD9), (f"March 12, 2026 – {LEAD9}", LEAD9), (f"12/03/2026 – {LEAD9}", LEAD9),
    (f"Hanoi – {LEAD9}", LEAD9), (f"NEW DELHI: {LEAD9}", LEAD9), (f"(KPL) {LEAD9}", LEAD9),
    (f"Vientiane (KPL) – {LEAD9}", LEAD9), (f"Vientiane Times – {LEAD9}", LEAD9),
    # a byline before an undated dateline; a "Speech by …" heading and forms of address before the first words
    (f"By Rohani Mohd Ibrahim KUALA LUMPUR -- {LEAD9}", LEAD9),
    (f"Speech by the Prime Minister at the National Conference Dear comrades, Ladies and gentlemen, {LEAD9}", LEAD9),
    # a briefing's dated title and its speaker's label run into the first answer
    (f"Foreign Ministry Spokesperson Guo Jiakun's Regular Press Conference on March 10, 2026 Guo Jiakun: {LEAD9} "
     "Reuters: Will companies take part? Guo Jiakun: China stands ready.", LEAD9),
    # a teaser above a lead under a capitals dateline (a standfirst of a full sentence may be chosen)
    (f"A new landmark for the region. DA NANG – {LEAD9}", LEAD9),
    (f"After more than a decade of delays, construction has finally begun on the second metro line of the city. "
     f"DA NANG – {LEAD9}", "After more than a decade"),
])
def test_furniture_of_a_ninth_read_is_never_summary_material(text, first):
    assert _chosen(text)[0].startswith(first)


def test_a_title_with_small_words_is_a_speaker_label():
    page = ("Minister for Foreign Affairs Dr Vivian Balakrishnan: Good evening. We agreed to finalise the zone by "
            "June.\n\nQuestion: When will the link open?\n\nSenior Minister of State for Foreign Affairs Sim Ann: By "
            "December.")
    assert _chosen(page)[0] == "We agreed to finalise the zone by June."


@pytest.mark.parametrize("sentence", [
    "Vietnam – EU trade rose by 5% last year.",  # a country before a dash is a subject, not a dateline
    "Hanoi is where the two leaders met on Monday.",
    "Source: VNA",  # (at the end: nothing to credit, and not a statement)
    "The views of the two sides on the dispute were expressed at length.",
    "The ministry held its regular press conference, where the spokesperson announced a visit by the Prime Minister.",
])
def test_what_the_ninth_read_rules_leave_alone(sentence):
    kept = _chosen(f"The two leaders met in Hanoi.\n\n{sentence}")
    assert (sentence in kept) == sentence.endswith(".")


@pytest.mark.parametrize(("text", "first"), [
    (f"We use cookies to improve your experience. Accept {LEAD9}", LEAD9),
    (f"It's great to be in Hanoi. {LEAD9}", LEAD9), (f"I'm delighted to be back in Vietnam. {LEAD9}", LEAD9),
    (f"We had a very productive meeting today. {LEAD9}", LEAD9), (f"We have just had excellent talks. {LEAD9}", LEAD9),
    (f"Background: In June 2025, the National Assembly adopted amendments to the Penal Code. {LEAD9}", LEAD9),
    (f"More information about Vietnam is available on the Vietnam Page of the department. {LEAD9}", LEAD9),
    (f"Tóm tắt: Việt Nam và Campuchia nhất trí hoàn thành phân giới cắm mốc biên giới đất liền. {LEAD9}", LEAD9),
    (f"LIVE: {LEAD9}", LEAD9), (f"New Delhi, 11 March 2026 {LEAD9}", LEAD9),
    (f"Hanoi Times - {LEAD9}", LEAD9), (f"VIR - {LEAD9}", LEAD9),
    (f"{LEAD9[:-1]},[1] the ministry said.[2] [1] Decision 1017/QD-TTg. [2] Ministry of Education.",
     f"{LEAD9[:-1]}, the ministry said."),
    ("“Vietnam is proud to have sent more than 1,000 blue berets to UN missions over the past decade.” VOV.VN – "
     f"{LEAD9}", LEAD9),
])
def test_furniture_of_a_tenth_read_is_never_summary_material(text, first):
    assert _chosen(text)[0] == first


@pytest.mark.parametrize("sentence", [
    "We had productive talks on trade and agreed to double investment by 2030.",
    "The background to the dispute goes back to the 1970s.",
    "Nguyễn Hồng Diên met Đỗ Hùng Việt and the Korean minister in Seoul on Monday.",  # names, not Vietnamese text
    "It's great to be in Hanoi, the minister said, announcing a 2 billion USD loan.",
])
def test_what_the_tenth_read_rules_leave_alone(sentence):
    assert sentence in _chosen(f"The two leaders met in Hanoi.\n\n{sentence}")


def test_a_box_beside_the_story_is_left_out_whole_and_a_pointer_back_is_no_standfirst():
    box = "Background: In June 2025, the National Assembly amended the Penal Code. The amendments took effect in July."
    assert _chosen(f"{box}\n\n{LEAD9}")[0] == LEAD9
    quote = "“Vietnam is proud of its blue berets. We are ready to deploy an engineering company this year.”"
    pointer = "That was the message of the Deputy Minister of Defence at the UN conference in Berlin on March 11."
    assert _chosen(f"{quote}\n\n{pointer}\n\nVOV.VN – {LEAD9}")[0] == LEAD9


@pytest.mark.parametrize("sentence", [  # a review of the ninth and tenth reads' rules found these taken wrongly
    "Singapore - Malaysia ties have strengthened considerably over the past decade.",
    "Remarks by the President drew criticism from Friends of the Earth, which called them misleading.",
    "Deputy Prime Minister Trần Hồng Hà visited Đà Nẵng and Quảng Nam on Friday.",
    "President José María Pérez González visited Bogotá and Medellín on Friday.",
    "The EU's new rules sharply restrict the use of cookies by online advertisers.",
    "The army held its regular press conference in Kyiv on Monday amid heavy shelling.",
    "We are pleased to be in a position to confirm that the deal has been signed.",
    "The court cited Article 5[1] of the convention in its ruling against the government.",
])
def test_news_sentences_the_new_rules_leave_whole(sentence):
    assert _chosen(sentence) == [sentence]


def test_a_one_sentence_brief_ending_in_its_credit_keeps_its_sentence():
    assert _chosen("Vietnam's GDP grew 7 percent in 2025, the statistics office said. Source: VNA") == [
        "Vietnam's GDP grew 7 percent in 2025, the statistics office said."]
    assert _chosen("Vietnam's exports rose 10% in May. Beijing – Washington tensions rose again, analysts said.")[0] \
        == "Vietnam's exports rose 10% in May."  # a city in small letters before a dash marks no lead


def test_a_footnote_mark_after_a_year_and_a_cookie_consent_line():
    assert _chosen(f"By continuing to browse, you agree to our use of cookies. {LEAD9}")[0] == LEAD9
    assert _chosen("Vietnam aims to train 50,000 engineers by 2030[1] and to build chip plants.")[0] == \
        "Vietnam aims to train 50,000 engineers by 2030 and to build chip plants."


@pytest.mark.parametrize(("text", "first"), [
    # a writer's note and an event page's notices to the press (read s38)
    (f"The author is Vice President of the Diplomatic Academy of Viet Nam. The views expressed are his own. {LEAD9}",
     LEAD9),
    (f"Registration for this event is now closed. Media accreditation closes on 31 March 2026. Journalists must "
     f"bring their press cards. {LEAD9}", LEAD9),
    # a statement page's place, date, time and reference run into a joined row (EEAS)
    (f"Brussels, 03/03/2026 - 17:20, UNIQUE ID: 260303_12 Statements on behalf of the HR/VP {LEAD9}", LEAD9),
    # an answer that needs its question; a reason that opens a news sentence stays
    (f"Why Vietnam?\n\nBecause the country offers political stability, a young workforce and many trade deals. "
     f"{LEAD9}", LEAD9),
    (f"Because the talks collapsed, the two sides will meet again in May. {LEAD9}", "Because the talks"),  # news
    (f"Because of heavy rain, the opening ceremony was moved indoors. {LEAD9}", "Because of heavy rain"),
    # a time phrase after "By" is no byline
    (f"By Sunday, the delegation had visited four provinces and met local leaders. {LEAD9}", "By Sunday, the"),
    # ordinary sentences the new rules leave alone
    (f"The author of the resolution, Viet Nam, said the text reflected broad consensus. {LEAD9}", "The author of"),
    (f"Registration of foreign non-governmental organisations will open next month under a new decree. {LEAD9}",
     "Registration of foreign"),
    (f"Journalists in the region face growing risks, the report said. {LEAD9}", "Journalists in the region"),
    (f"Brussels, the EU's capital, hosted the summit on Monday. {LEAD9}", "Brussels, the EU's capital"),
    # near misses a review found
    (f"The author was arrested in Tehran last week. {LEAD9}", "The author was arrested"),
    (f"The writer is expected to receive the award in Hanoi. {LEAD9}", "The writer is expected"),
    (f"Journalists must be protected, the UN said. {LEAD9}", "Journalists must be protected"),
    (f"Registration opens Monday for the presidential election. {LEAD9}", "Registration opens Monday"),
    (f"The views expressed by the minister were his own, the spokesperson said. {LEAD9}", "The views expressed by"),
    (f"Brussels, 03/03/2026 - 17:20, UNIQUE ID: 260303_12 Remarks by the High Representative at the Council drew "
     f"praise. {LEAD9}", "Remarks by the High Representative at the Council drew praise."),
])
def test_furniture_of_an_eleventh_read_is_never_summary_material(text, first):
    assert _chosen(text)[0].startswith(first)


LEAD12 = "The two leaders agreed to raise two-way trade to 15 billion USD by 2030."


@pytest.mark.parametrize(("text", "first"), [
    # the items of a list that a sentence ending in ":" introduces (read s38, twelfth)
    (f"The two presidents witnessed the signing of the following documents:\n\n- Agreement on visa exemption;\n\n"
     f"- Memorandum of Understanding on agricultural cooperation;\n\n- three other documents between localities."
     f"\n\n{LEAD12}", LEAD12),
    (f"They witnessed the signing of the following documents:\n1. Agreement on visa exemption;\n2. Plan of action for "
     f"2026-2030.\n{LEAD12}", LEAD12),
    # an outlet introducing the text that follows; a site's welcome banner
    (f"The Vietnam News Agency introduces the article by General Secretary To Lam. {LEAD12}", LEAD12),
    (f"VOV World presents the speech by President Luong Cuong at the Brazilian National Congress. {LEAD12}", LEAD12),
    (f"Welcome to the website of the Embassy of Viet Nam in the Republic of Korea! {LEAD12}", LEAD12),
    # a verbless description of the page itself
    (f"Readout of the Foreign Secretary's call with the Indian External Affairs Minister. {LEAD12}", LEAD12),
    (f"Statement by Ambassador James Kariuki at the UN Security Council briefing on Myanmar. {LEAD12}", LEAD12),
    # a source in brackets before a dash is cut
    (f"(Embassy of Viet Nam in Mexico) – {LEAD12}", LEAD12),
    # a provincial portal's and VNA's business news' datelines (read 77)
    (f"(Portal) - {LEAD12}", LEAD12),
    (f"(Da Nang Portal) – {LEAD12}", LEAD12),
    (f"(BNEWS) - {LEAD12}", LEAD12),
    # an outlet no list knows, in capitals, alone in brackets (read 83); a story's tag, a genre's label, a speaker and
    # a place in brackets stay (a review)
    (f"(HCMCPV) – {LEAD12}", LEAD12),
    (f"(UPDATE) - {LEAD12}", "(UPDATE) - The two leaders"),
    (f"(São Paulo) – {LEAD12}", "(São Paulo) – The two leaders"),
    (f"(Đổi Mới) – {LEAD12}", "(Đổi Mới) – The two leaders"),
    # a rank abbreviation does not end the sentence
    ("Snr. Col. Nguyen Van Thanh led a Vietnamese ship to the Komodo 2026 exercise. It returned on Monday.",
     "Snr. Col. Nguyen Van Thanh led"),
    # ordinary sentences these rules leave alone
    (f"VNA introduces the new Vietnamese-language app for overseas readers on Monday, the agency said. {LEAD12}",
     "VNA introduces the new"),
    (f"Welcome to Viet Nam, President Lula told reporters as he arrived in Hanoi. {LEAD12}", "Welcome to Viet Nam"),
    (f"Statements by both leaders stressed the need for calm. {LEAD12}", "Statements by both leaders"),
    (f"The minister listed three priorities: trade, investment and tourism. {LEAD12}", "The minister listed"),
])
def test_furniture_of_a_twelfth_read_is_never_summary_material(text, first):
    assert _chosen(text)[0].startswith(first)


def test_an_interviewees_long_label_is_a_speaker_label():
    page = ("Reporter: How do Korean firms see Vietnam?\n\nHong Sun, Chairman of the Korean Chamber of Business in "
            "Vietnam (KoCham): Thank you for having me. Korean investors remain confident in Vietnam's economy.")
    assert _chosen(page)[0] == "Korean investors remain confident in Vietnam's economy."



LEAD13 = "Indonesia and Viet Nam agreed on May 14 to accelerate talks on their maritime boundary."


@pytest.mark.parametrize(("text", "first"), [
    # a site's alerts, sidebars and a gallery's slide counter; datelines with a site's name or a colon (read s38)
    (f"Alert: Beware of visa scams. {LEAD13}", LEAD13),
    (f"IMPORTANT: Due to high demand, processing times for national visas may be longer than usual. {LEAD13}",
     LEAD13),
    (f"Most read 1. Hanoi to ban motorbikes in inner districts. {LEAD13}", "Hanoi to ban"),
    (f"1/5 Overseas Vietnamese in Vientiane offer incense at the temple on April 26. {LEAD13}", LEAD13),
    (f"Jakarta, Kemlu.go.id – {LEAD13}", LEAD13),
    (f"Alert: Beware of visa scams. The U.S. Embassy does not use third-party agents.\n\n{LEAD13}", LEAD13),
    ("Secretary of Foreign Affairs Ma. Theresa P. Lazaro met Bui Thanh Son in Manila on May 14. They agreed.",
     "Secretary of Foreign Affairs Ma. Theresa P. Lazaro met"),
    ("At the invitation of the President of India, Smt. Droupadi Murmu, the President of Viet Nam visited India. "
     "Done.", "At the invitation of the President of India, Smt. Droupadi Murmu, the"),
    # ordinary sentences these rules leave alone
    (f"Important talks were held in Hanoi on Monday. {LEAD13}", "Important talks"),
    (f"24/7 Vietnam hotline opens for citizens abroad. {LEAD13}", "24/7 Vietnam hotline"),
    ("They met Jack Ma. The talks went well.", "They met Jack Ma."),
])
def test_furniture_of_a_thirteenth_read_is_never_summary_material(text, first):
    assert _chosen(text)[0].startswith(first)



@pytest.mark.parametrize(("text", "first"), [
    # near misses a second review found (s38): a time after "By", a bracketed caption, an outlet's name in a sentence,
    # a remark that is news, a list's last item that is a clause, a topic label in an interview
    ("By Dec. 31, all ministries must submit their plans. The plan follows.", "By Dec. 31, all ministries"),
    ("By June Vietnam had signed 17 trade deals. The plan follows.", "By June Vietnam had"),
    ("(From Left to Right) – The ministers pose for a photo. VIENTIANE (VNA) – Laos and Vietnam signed a deal on "
     "Monday.", "Laos and Vietnam signed"),
    ("Vietnam News – the English-language daily – marked its 35th anniversary in Hanoi on Monday. The paper grew.",
     "Vietnam News – the English-language daily"),
    ("Remarks by Putin on Tuesday suggest a shift in Russia's Asia policy. The ministry agreed.", "Remarks by Putin"),
    ("The agreement includes:\n\n- a visa waiver;\n\n- both countries will boost trade and investment.\n\nMore talks "
     "follow next year.", "both countries will boost"),
    ("Q: How are relations?\n\nRelations With the United States (US): They have never been better, the minister said.",
     "Relations With the United States (US): They have"),
])
def test_near_misses_of_a_second_review_stay_statements(text, first):
    assert _chosen(text)[0].startswith(first)



@pytest.mark.parametrize(("text", "first"), [
    # the answer to a question the writer asks needs the question (read s38, twelfth)
    ("What makes a medium-sized country's voice carry weight? For Viet Nam, the answer lies in consistency. Since "
     "1977, Viet Nam has pursued a foreign policy of independence.", "Since 1977"),
    ("Can diplomacy attract investment? Viet Nam's experience over the past year suggests that it can. In 2025, the "
     "country received 38 billion USD in FDI.", "In 2025"),
    # without a question before it, the same words are news
    ("The answer lies in consistency, the minister said. Since 1977, Viet Nam has pursued the policy.", "The answer"),
    ("Viet Nam says it can. The talks resume on Monday.", "Viet Nam says it can."),
])
def test_the_answer_to_a_writers_question_is_not_chosen(text, first):
    assert _chosen(text)[0].startswith(first)


LEAD14 = "Deputy Secretary of State Christopher Landau met Deputy Foreign Minister Le Thi Thu Hang in Washington today."


@pytest.mark.parametrize(("text", "first"), [
    # a scraped row's header that ends with its date, when the row's headline is not in it (read s38, thirteenth)
    (f"Skip to content U.S. Department of State Home Readout Office of the Spokesperson May 4, 2026 The following is "
     f"attributable to Deputy Spokesperson Tommy Pigott: {LEAD14} They discussed trade.", LEAD14),
    (f"Media release Joint media release with: The Hon Pat Conroy MP, Minister for International Development and the "
     f"Pacific 6 May 2026 {LEAD14} They discussed trade.", LEAD14),
    (f"Ministry of Foreign Affairs Home News Category: News Published: 10 May 2026 Hits: 318 {LEAD14} They discussed "
     "trade.", LEAD14),
    # a site's numbered list of other stories, each item ended by the next one's number
    (f"Most read 1. Hanoi to ban motorbikes in inner districts from July 2. Gold prices hit record high 3. Tourists "
     f"flock to Ha Long Bay. {LEAD14}", "Tourists flock"),
    # every sentence of a gallery's slide
    (f"1/3 Overseas Vietnamese offer incense at the temple. The temple was built in 2019.\n\n2/3 The ambassador "
     f"speaks.\n\n3/3 Children dance.\n\n{LEAD14}", LEAD14),
    # ordinary sentences these rules leave alone
    (f"Media reports said the talks were held on 6 May 2026 in Canberra. {LEAD14}", "Media reports said"),
    (f"The law takes effect on July 1. Registration opens on August 2. {LEAD14}", "The law takes effect"),
    (f"Most read 1. Talks in Hanoi went well. {LEAD14}", "Talks in Hanoi went well."),  # (an item not ended by a
    # number; "The talks went well." above a lead with its day is a deck since s51)
    (f"1/5 of the budget goes to schools, the minister said. {LEAD14}", "1/5 of the budget"),
])
def test_what_a_thirteenth_read_left_is_mended(text, first):
    assert _chosen(text)[0].startswith(first)


LEAD_SPEECH = "The United Kingdom is today announcing an additional 60 million pounds in aid for Sudan."


@pytest.mark.parametrize(("text", "first"), [
    # a civic occasion's forms of address, a briefing's role label, a host's welcome (read s39, fourteenth)
    (f"My Lord Mayor, Your Grace, Your Excellencies, my Lords, Aldermen, Sheriffs, ladies and gentlemen. "
     f"{LEAD_SPEECH}", LEAD_SPEECH),
    ("Spokesperson: Viet Nam's competent authorities have been closely monitoring the activities of the vessel. "
     "Viet Nam demands that China withdraw it.", "Viet Nam's competent authorities"),
    (f"On behalf of the State and people of Vietnam, and my spouse, I would like to extend my warmest welcome to His "
     f"Excellency the President of Chile and the delegation. {LEAD_SPEECH}", LEAD_SPEECH),
    # ordinary sentences these rules leave alone
    (f"The Lord Mayor, the Sheriffs and the Aldermen welcomed the Vietnamese delegation to Mansion House. "
     f"{LEAD_SPEECH}", "The Lord Mayor, the Sheriffs"),
    ("Ambassador: The vessel left Viet Nam's waters on March 14. The ministry welcomed it.", "Ambassador: The vessel"),
    (f"On behalf of the Party and State, President Luong Cuong extended deep condolences to the Japanese people. "
     f"{LEAD_SPEECH}", "On behalf of the Party and State, President"),
    (f"On behalf of the government, I welcome the decision of the Security Council to extend the mission. "
     f"{LEAD_SPEECH}", "On behalf of the government, I welcome the decision"),
])
def test_what_a_fourteenth_read_found(text, first):
    assert _chosen(text)[0].startswith(first)


def test_a_speechs_address_before_a_lower_case_clause_is_cut():
    speech = ("Thank you, President, and thank you to our briefers today.\n\nColleagues, almost three years into this "
              "conflict, Sudan remains the largest displacement crisis in the world.\n\nMore aid is coming.")
    assert _chosen(speech)[0] == "Almost three years into this conflict, Sudan remains the largest displacement " \
                                 "crisis in the world."
    news = ("Friends, family and former colleagues paid tribute to the late ambassador in Hanoi on Monday.\n\nHe "
            "served for forty years.")
    assert _chosen(news)[0].startswith("Friends, family and former colleagues")  # no speech: a list


@pytest.mark.parametrize(("text", "first"), [
    # a feature's opening scene, with the rest of its paragraph (read s39, fourteenth)
    ("Under a midday sun that pushes the thermometer past 45 degrees, Captain Huong steps out of a bulldozer cab. "
     "Behind her, a freshly graded road cuts across the plain.\n\nHuong is one of 184 Vietnamese peacekeepers in "
     "Abyei.", "Huong is one of 184"),
    ("On a misty morning on the Ma Pi Leng pass, ambassadors from 20 countries stood in silence. The trip, organised "
     "by the ministry, promoted cultural diplomacy.", "The trip, organised"),
    # no scene: a time of day with its date, an agreement, a lone scene with nothing after it
    ("On the morning of April 2, the Chairman received the Lao delegation in Hanoi. They discussed trade.",
     "On the morning of April 2"),
    ("Under a new agreement signed on Monday, the UAE will cut tariffs on Vietnamese goods. Trade will grow.",
     "Under a new agreement"),
    ("On a misty morning in Ha Giang, ambassadors from 20 countries visited the Dong Van plateau.",
     "On a misty morning"),
    # the small hours open news as often as scenes (a review, s46): no scene
    ("Shortly after 9 a.m., the Prime Minister arrived in Vientiane for talks.\n\nThe two sides discussed trade.",
     "Shortly after 9 a.m."),
    ("At dawn on Monday, coast guard vessels fired water cannon at two fishing boats.\n\nThe ministry protested.",
     "At dawn on Monday"),
])
def test_a_features_opening_scene_is_not_its_summary(text, first):
    assert _chosen(text)[0].startswith(first)


LEAD24 = "Hanoi and the French city of Toulouse on May 8 signed a new cooperation agreement on heritage conservation."


@pytest.mark.parametrize(("text", "first"), [
    # a feature's history or scene above its news lead (reads s47 22nd and s48 24th)
    (f"Thirty years ago, a team of young Hanoi architects spent a summer measuring every house on Ma May Street.\n\n"
     f"Their drawings became the first survey of the Old Quarter.\n\n{LEAD24}", LEAD24),
    (f"When the free trade agreement entered into force on August 1, 2020, exporters were promised lower tariffs."
     f"\n\n{LEAD24}", LEAD24),
    (f"Before sunrise at Tho Quang port, dozens of trawlers nose in from the sea.\n\n{LEAD24}", LEAD24),
    (f"Every weekend, in classrooms borrowed from pagodas, children practise the six tones.\n\n{LEAD24}", LEAD24),
    (f"Before the first light reaches the Perfume River, a cook presses bean paste into a mould.\n\n{LEAD24}", LEAD24),
    # a quotation and its speaker opening the story (read s48 24th); a quotation with no speaker after it opens a
    # GOV.UK statement, and the sentences of the quotation after it are no news lead
    (f"\"Egypt is our gateway to Africa, and Viet Nam can be Egypt's gateway to ASEAN,\" Deputy Foreign Minister "
     f"Nguyen Quoc Hung told reporters after the meeting.\n\n{LEAD24}", LEAD24),
    ("“It was a pleasure to welcome Murray to the Foreign Office this morning.\n\nAt our meeting today we discussed "
     "Syria and Iran.”", "“It was a pleasure"),
    # the opening reports an act itself, or no statement below reports one on a day: the opening stays
    (f"Thirty years ago, Hanoi and Toulouse signed their first cooperation agreement.\n\n{LEAD24}", "Thirty years"),
    ("Every weekend, in classrooms borrowed from pagodas, children practise the six tones.\n\nThe classes are free.",
     "Every weekend"),
    ("At dawn on Monday, coast guard vessels fired water cannon at two fishing boats.\n\nThe ministry on Tuesday "
     "summoned the ambassador and handed him a protest note.", "At dawn on Monday"),
])
def test_a_features_history_or_scene_above_its_news_lead_is_not_its_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a feature's background above a lead with its day before its act (reads s48 25th and 26th)
    ("The six Gulf states spend more than $50 billion a year on imported food.\n\nNegotiators at the launch of the "
     "talks.\n\nVietnam and the Gulf Cooperation Council on October 13 formally launched trade talks.",
     "Vietnam and the Gulf"),
    (f"Italy is home to some of the world's best-known fashion houses.\n\n{LEAD24}", LEAD24),
    # it stays where it names an act, a day, a speaker or what is to come, or where no dated lead follows closely
    (f"Hanoi is to open a conservation school next year.\n\n{LEAD24}", "Hanoi is to open"),
    (f"Toulouse's mayor said the city had long admired Hanoi's heritage.\n\n{LEAD24}", "Toulouse's mayor"),
    (f"Italy is home to some of the world's best-known fashion houses.\n\nMilan has many.\n\nRome has more.\n\n"
     f"Turin has some.\n\n{LEAD24}", "Italy is home"),
    ("Italy is home to some of the world's best-known fashion houses.\n\nThe designers on Monday spoke of it.",
     "Italy is home"),
])
def test_a_features_background_above_a_dated_lead_is_not_its_summary(text, first):
    assert _chosen(text)[0].startswith(first)


ANNOUNCEMENT = ("Tonight, I am pleased to announce that the Embassy and the National University will launch a "
                "scholarship for twenty students a year.")


@pytest.mark.parametrize(("text", "first"), [
    # a speech's news is its announcement, not its history or thanks (read s47 22nd: an ambassador's National Day
    # remarks)
    (f"Excellencies, ladies and gentlemen,\n\nGood evening.\n\nSeventy-nine years ago, President Ho Chi Minh read the "
     f"Declaration of Independence.\n\n{ANNOUNCEMENT}\n\nThis comes at a special moment.", "Tonight, I am pleased"),
    # a news lead above the speech stays the lead; a speech that announces nothing keeps its first statement
    (f"Ambassador Tran Van Hieu on Friday announced a scholarship for Australian students at a reception in Canberra."
     f"\n\nExcellencies, ladies and gentlemen,\n\nGood evening.\n\nIt is a great pleasure.\n\n{ANNOUNCEMENT}",
     "Ambassador Tran Van Hieu on Friday"),
    ("Excellencies, ladies and gentlemen,\n\nGood evening.\n\nSeventy-nine years ago, President Ho Chi Minh read the "
     "Declaration of Independence.\n\nOur two countries are close partners.", "Seventy-nine years ago"),
    # a speech in the first person whose forms of address ingestion left out (read s48 25th)
    (f"In the warm days before the Lunar New Year, I am delighted to welcome you home.\n\nEvery spring our thoughts "
     f"turn to those far away.\n\n{ANNOUNCEMENT}", "Tonight, I am pleased"),
    # a speech page's own description above it ("Ambassador … spoke about …": what GOV.UK's summaries are) stays
    (f"Ambassador Clare Hutton spoke about the partnership and education at the reception in Hanoi.\n\nLadies and "
     f"gentlemen,\n\nIt is a great pleasure to celebrate with so many friends.\n\n{ANNOUNCEMENT}",
     "Ambassador Clare Hutton spoke"),
    # read 68 (s58): a speech's point is the proposal it makes after thanks and history
    ("Excellencies, ladies and gentlemen,\n\nI especially thank the organisers for this forum.\n\nOur trade has grown "
     "fivefold in ten years.\n\nFirst, I propose that Viet Nam and the Gulf states conclude a free trade agreement "
     "before the end of 2026.\n\nSecond, we must open more flights.", "First, I propose that"),
    ("Mr. President,\n\nThe protection of civilians remains a duty of all.\n\nIn light of these considerations, Viet "
     "Nam proposes that the annual report include a chapter on the displaced.", "In light of these considerations"),
    # a review's near misses (s58): a report that opens with "our" and tells of a proposal, a speech's minor proposal
    # before what it announces, an agenda line: the lead stays
    ("Deputy Foreign Minister Do Hung Viet on Monday received the Australian Ambassador, saying our two countries had "
     "become partners in record time.\n\nThe two sides reviewed their strategy.\n\nViet Nam proposes to host the next "
     "meeting in Ha Long in 2025.", "Deputy Foreign Minister Do Hung Viet"),
    ("Excellencies, ladies and gentlemen,\n\nBefore we begin, I propose that we observe a minute of silence for the "
     "victims of the storm.\n\nOur partnership has grown.\n\nI am pleased to announce that Viet Nam will contribute "
     "USD 20 million to the fund.", "I am pleased to announce"),
    ("Excellencies, ladies and gentlemen,\n\nOur trade has grown fivefold in ten years.\n\nWe propose to discuss three "
     "topics today: trade, transport and tourism.", "Our trade has grown"),
    # near misses: a proposal recalled, or another's, is no point of the speech
    ("Excellencies, ladies and gentlemen,\n\nOur trade has grown fivefold in ten years.\n\nAs I proposed last year, "
     "our ministers now meet every spring.", "Our trade has grown"),
    ("Excellencies, ladies and gentlemen,\n\nOur trade has grown fivefold in ten years.\n\nJapan proposes that the "
     "forum meet every year.", "Our trade has grown"),
])
def test_a_speech_is_summarised_by_what_it_announces(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a review of these rules (s48): a report that quotes an announcement, "Our Ocean Conference", "Phase I", a quoted
    # "our", weather as news: the first statement stays the lead
    ("Viet Nam will host the next Our Ocean Conference in 2026, the ministry said on Monday.\n\nIt gathers 80 "
     "countries.\n\n“I can confirm that more than 80 countries have registered,” he said.", "Viet Nam will host"),
    ("Vietnam and Laos agreed on Monday to build a new border gate.\n\nThe two sides propose to open it in "
     "2027.\n\n“We propose that the gate be named Friendship,” the minister said.", "Vietnam and Laos agreed"),
    ("The Phase I expansion of Long Thanh airport was completed on Monday.\n\nThe minister spoke at the ceremony, "
     "adding: “I am pleased to announce that Phase II will start in May.”", "The Phase I expansion"),
    ("The minister set out the plan on Monday, saying “our growth target depends on it”.\n\n“I can confirm that the "
     "plan is approved,” he said.", "The minister set out"),
    ("Fog forced the closure of Noi Bai airport on Monday morning.\n\nThe aviation authority on Monday issued a "
     "warning to airlines.", "Fog forced"),
    ("Mist still hung over the Red River on Monday as the first truck eased into the lane.\n\nViet Nam and China on "
     "Monday began piloting a smart cargo lane.", "Viet Nam and China on Monday"),
    # a second review (s48): straight single quotes, a lead that reports what was said on a day
    ("Foreign Minister Bui Thanh Son said on Monday that 'we stand ready to work with all partners' in Hanoi.\n\nThe "
     "meeting drew 40 countries.\n\n'I can confirm today that Viet Nam will host the next round,' he said.",
     "Foreign Minister Bui Thanh Son said"),
    ("When asked about the growth target for 2026, the Finance Minister said on Monday that the economy could grow by "
     "10 per cent.\n\nThe Government on Sunday approved a plan to boost investment.", "When asked about"),
])
def test_reports_quoting_a_speaker_and_weather_news_keep_their_lead(text, first):
    assert _chosen(text)[0].startswith(first)


LEAD15 = "The UK will double its climate resilience funding for the Caribbean to 100 million pounds."


@pytest.mark.parametrize(("text", "first"), [
    # a GOV.UK page's description of itself, and a speaker's congratulations (read s39, fifteenth)
    (f"Joint statement by the Foreign Secretary and the Polish Foreign Minister following their meeting in Warsaw. "
     f"{LEAD15}", LEAD15),
    (f"Development Minister's speech at the Caribbean Investment Forum in London. {LEAD15}", LEAD15),
    (f"Statement by the UK Minister for the UN at the Security Council open debate on women, peace and security. "
     f"{LEAD15}", LEAD15),
    (f"I also want to congratulate the Commonwealth Secretariat on this excellent report. {LEAD15}", LEAD15),
    (f"High Commissioners, distinguished guests, ladies and gentlemen, good evening. {LEAD15}", LEAD15),
    # a statement's alignment with a group's (read s46, twenty-first)
    (f"Viet Nam aligns itself with the statements delivered on behalf of ASEAN and the G77. {LEAD15}", LEAD15),
    (f"We associate ourselves with the statement by the European Union. {LEAD15}", LEAD15),
    # reported, or with a call of its own, it is news
    ("Viet Nam aligns itself with the statement issued by ASEAN on Myanmar, the spokesperson said on Thursday. "
     f"{LEAD15}", "Viet Nam aligns itself"),
    (f"Indonesia aligns itself with the statements of ASEAN and calls for an immediate ceasefire. {LEAD15}",
     "Indonesia aligns itself"),
    # ordinary sentences these rules leave alone
    (f"The Prime Minister's speech at the summit was well received. {LEAD15}", "The Prime Minister's speech"),
    (f"Statement by the ambassador at the briefing on Myanmar said the crisis worsened. {LEAD15}", "Statement by"),
    (f"Statement by the Foreign Secretary on sanctions against Russian banks. {LEAD15}", "Statement by the Foreign"),
    (f"Vietnam congratulated Laos on its national day. {LEAD15}", "Vietnam congratulated"),
])
def test_what_a_fifteenth_read_found(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a statement's procedural opening (read s39, fifteenth)
    (f"With permission, Mr Speaker, I will make a statement on the situation in the eastern DRC. {LEAD15}", LEAD15),
    (f"My Rt Hon Friend the Minister for the Overseas Territories has today made the following Written Ministerial "
     f"Statement. {LEAD15}", LEAD15),
    (f"Chair, I have the honour of delivering this statement on behalf of France, Germany and the United Kingdom. "
     f"{LEAD15}", LEAD15),
    # news these leave alone
    (f"Vietnam has the honour of chairing ASEAN in 2027, the minister said. {LEAD15}", "Vietnam has the honour"),
    (f"I have the honour to inform you that the agreement entered into force on 1 May. {LEAD15}", "I have the honour"),
])
def test_a_statements_procedural_opening_is_not_chosen(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a second review (s39): a weather opening that is the news, a list or clause after a form of address
    ("On a sunny day in Hanoi, Vietnam and Japan signed an agreement on defence. The deal allows more.", "On a sunny"),
    ("On a rainy evening in London, the Foreign Secretary announced new sanctions. The measures target six officers.",
     "On a rainy evening"),
    ("Excellencies, ladies and gentlemen,\n\nIt is a great pleasure to be here today.\n\nFriends, family and "
     "colleagues of the late ambassador have gathered here to honour his memory.", "Friends, family"),
    ("Dear friends,\n\nThank you for coming.\n\nParticipants, who came from twenty countries, will discuss climate "
     "finance over two days.", "Participants, who came"),
])
def test_what_a_second_review_of_this_stops_selection_found(text, first):
    assert _chosen(text)[0].startswith(first)


def test_a_speechs_address_before_a_list_stays():
    speech = ("Excellencies, ladies and gentlemen,\n\nIt is a great pleasure to be here today.\n\nColleagues, partners "
              "and friends from across the region have joined us in this effort.")
    assert _chosen(speech)[0].startswith("Colleagues, partners and friends")


LEAD16 = "Vietnam and Mongolia agreed on Friday to raise two-way trade to 300 million USD."


@pytest.mark.parametrize(("text", "first"), [
    # a sixteenth read (s40): pages that describe themselves, a transcript's set-up, a weekday scene before the news,
    # a short yes or no after a question, a speech's lone "President,", a travel advice page's "Latest update:"
    (f"Statement by Ambassador James Kariuki, UK Chargé d'Affaires to the UN, at the UN Security Council meeting on "
     f"Sudan. {LEAD16}", LEAD16),
    (f"The October 2025 edition of the UK Mission to ASEAN's newsletter. {LEAD16}", LEAD16),
    # (s41, read 18) a newsletter's welcome and its contents
    (f"Welcome to the July edition of our newsletter. In this issue: a record year for trade, a forum in Melbourne "
     f"and changes to passport renewals. {LEAD16}", LEAD16),
    (f"In this issue of the bulletin, trade rose by a tenth in May. {LEAD16}", "In this issue of the bulletin"),
    (f"Remarks and questions and answers from the Foreign Secretary's joint press conference with the Polish Foreign "
     f"Minister in Warsaw. {LEAD16}", LEAD16),
    (f"Joint statement issued following the official visit of the General Secretary to the UK. {LEAD16}", LEAD16),
    (f"Following are questions and answers at the regular press briefing held in Hanoi on November 27. {LEAD16}",
     LEAD16),
    (f"Can Vietnam catch the chip wave? Yes, but only if it moves fast. {LEAD16}", LEAD16),
    (f"Thank you, President. President, the situation in El Fasher is a man-made catastrophe. {LEAD16}",
     "The situation in El Fasher"),
    (f"It's a great pleasure to be in Warsaw with Radek. {LEAD16}", LEAD16),
    (f"Latest update: The FCDO now advises against all travel to the border area. {LEAD16}", "The FCDO now advises"),
    (f"Page summary: Mr Daniel Pryce has been appointed Ambassador to Thailand. {LEAD16}", "Mr Daniel Pryce"),
    # what these rules leave alone: news, and a piece of history with no news lead below it ("Marking twenty years
    # since …"); an interview's set-up gives way to the news an answer gives with its day (s64: _interview_news,
    # reads 65 to 99; the embedded references' year-end and Tết interviews keep theirs, YEAR_REVIEW)
    (f"Ahead of the anniversary, VOV's reporter talked with Ambassador Bui Van Nghi about prospects for the "
     f"partnership. {LEAD16}", LEAD16),
    # (history above a statement that reports an act on a day is a feature's opening since reads 22 and 24, s48)
    (f"Seventy years ago, on November 17, 1954, Mongolia recognised Vietnam.\n\n{LEAD16}", LEAD16),
    ("Seventy years ago, on November 17, 1954, Mongolia recognised Vietnam.\n\nTrade has grown since.",
     "Seventy years ago"),
    (f"Prime Minister Pham Minh Chinh spoke with reporters about the outcome of the talks. {LEAD16}", "Prime Minister"),
    (f"The latest edition of the Vietnam-EU forum was held in Hanoi on Monday. {LEAD16}", "The latest edition"),
    (f"This issue of trade imbalances has long troubled the two countries. {LEAD16}", "This issue of trade"),
    (f"The statement of the G7 on Ukraine was adopted on Monday. {LEAD16}", "The statement of the G7"),
    (f"On Sunday morning, the two ministers signed a deal in Vientiane.\n\n{LEAD16}", "On Sunday morning"),
    (f"Two years after the upgrade, trade between the two countries has doubled.\n\n{LEAD16}", "Two years after"),
    (f"Will the talks resume? Yes, the two sides agreed to meet again in Hanoi in May to discuss the new trade "
     f"agreement and visas. {LEAD16}", "Yes, the two sides"),
    (f"President Luong Cuong, the talks were held in Hanoi on Monday. {LEAD16}", "President Luong Cuong"),
    # a review of these rules (s40): news told after a weekday, a yes or no with its own statement, an edition or
    # issue that is news, statements and remarks that did something, a pleasure "to be in a position", a list
    ("On a Saturday evening in Doha, Israel and Hamas reached a deal on a ceasefire.\n\nThe agreement will take "
     "effect on Sunday morning.", "On a Saturday evening"),
    ("On a quiet Sunday morning, Russian drones struck an apartment block in Dnipro, killing five civilians.\n\n"
     "Ukrainian officials said rescue work was continuing.", "On a quiet Sunday"),
    ("In a Monday night phone call, the two presidents discussed a ceasefire in Ukraine.\n\nAn aide said the call "
     "lasted two hours.", "In a Monday night"),
    ("Can British nationals visit Viet Nam without a visa?\n\nYes, British nationals can visit Viet Nam visa-free "
     "for 45 days.\n\nYou must have a valid passport.", "Yes, British nationals"),
    ("Did Viet Nam agree to host a base?\n\nNo, Viet Nam pursues a four-no defence policy, the ministry said.\n\n"
     "The country does not join military alliances.", "No, Viet Nam pursues"),
    (f"The fifth edition of the annual forum on Viet Nam - EU trade opens in Ha Noi on Thursday. {LEAD16}",
     "The fifth edition"),
    (f"The issue of the meeting on Myanmar's elections divides ASEAN members ahead of the summit. {LEAD16}",
     "The issue of the meeting"),
    (f"Statements issued following the summit on Gaza reflect deep divisions among Arab and European leaders over the "
     f"territory's future. {LEAD16}", "Statements issued"),
    (f"Remarks from the briefing on Taiwan drew a sharp response from Beijing on Friday. {LEAD16}", "Remarks from"),
    (f"It is my pleasure to be in a position to announce that the UK will provide £50 million to Sudan. {LEAD16}",
     "It is my pleasure to be in a position"),
    ("Excellencies, ladies and gentlemen,\n\nPresident, vice-president and ministers of the new government attended "
     "the conference in Brussels today.\n\nThe UK pledged £30 million in new support.", "President, vice-president"),
    (f"Here are the highlights of the new trade deal between the UK and India, which cuts tariffs on whisky and cars. "
     f"{LEAD16}", "Here are the highlights"),
    # a final review (s40): a weekday scene stays (past-tense news after "On a Friday evening …" could not be told
    # from a feature's scene: "sat down", "found", "drove home"), and so do these
    (f"On a Sunday morning in Vientiane, thirty children crowd into a classroom.\n\n{LEAD16}", "On a Sunday morning"),
    (f"On a Friday evening in Geneva, the two delegations finally found common ground.\n\n{LEAD16}", "On a Friday"),
    (f"Statement by Ambassador Barbara Woodward at the UN Security Council briefing on the maintenance of "
     f"international peace and security in the Asia-Pacific region. {LEAD16}", LEAD16),
    (f"The latest edition of the annual ranking put Viet Nam ahead of Thailand, according to Nikkei Asia magazine. "
     f"{LEAD16}", "The latest edition"),
    (f"Below is the text of the agreement, which the two governments signed in Hanoi on Tuesday. {LEAD16}", "Below is"),
    (f"Will trade grow? Absolutely, and trade rose 20 percent last year to 68 billion USD. {LEAD16}", "Absolutely"),
    (f"Is the waiver permanent? No, unless the government extends it before August 14, 2028. {LEAD16}", "No, unless"),
    (f"It is a pleasure to be in Parliament today to announce that the UK will provide 10 million pounds. {LEAD16}",
     "It is a pleasure to be in Parliament"),
])
def test_what_a_sixteenth_read_found(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("generated", "tidied"), [
    # a twenty-first read (s46): SmolLM2 wrote a dash and a closing quote as the bytes of their UTF-8 read as Latin-1
    ("Anna traces the letters \u00e2\u0080\u0093 a\u01a1\u00e2\u20ac\u009d again.",
     "Anna traces the letters – aơ” again."),
    ("Delegates visited a caf\u00c3\u00a9 in Hanoi.", "Delegates visited a café in Hanoi."),
    # real letters stay: Vietnamese names, curly quotes, a dash, and a run that is no letter's bytes
    ("Hà Nội and Việt Nam’s “ă” – an exhibition.", "Hà Nội and Việt Nam’s “ă” – an exhibition."),
    ("Ã la carte menus were served.", "Ã la carte menus were served."),
])
def test_tidy_reads_mojibake_back_as_the_letters_it_was(generated, tidied):
    assert tidy(generated) == tidied


@pytest.mark.parametrize(("summary", "article"), [
    # a review (s47): amounts the article writes in other forms
    ("The bank lent 2.4 billion USD.", "The bank approved a 2.4-billion-USD loan."),
    ("The fund holds 20 trillion dong.", "The fund holds VND20 trillion."),
    ("The loan is USD 1 billion.", "The bank approved a USD1 billion loan."),
    ("Trade reached 51 billion USD.", "Trade reached 51 bln USD last year."),
    ("Exports reached 1.5 billion USD.", "Exports reached 1,500 million USD."),
])
def test_an_amount_written_another_way_is_supported(summary, article):
    assert unsupported_entities(summary, article) == []


def test_a_hosts_word_to_the_guests_is_a_courtesy_in_its_other_forms():
    for courtesy in ("Your presence with us tonight is a testament to the strong friendship between our nations.",
                     "Your attendance at this reception is a clear sign of the warm ties between our peoples."):
        texts, statement = candidates(f"{courtesy} Japan has become Viet Nam's largest provider of development aid.")
        assert [t for t, ok in zip(texts, statement) if ok][0].startswith("Japan has become")


def test_a_capitals_dateline_from_a_city_abroad_is_cut():
    assert strip_dateline("Prague – Vietnam and the Czech Republic agreed on Monday to ease work permits.") == \
        "Vietnam and the Czech Republic agreed on Monday to ease work permits."
    assert strip_dateline("Prague – Vienna flights resume next week.") == "Prague – Vienna flights resume next week."


def test_a_newsletters_contents_line_and_sign_off_are_no_summary():
    # a twenty-third read (s47): a newsletter's "This week: …" and "Enjoy the read." stood above its first story
    text = ("Good morning. This week: a new negotiating track with Peru, an extra consular post in Japan. Enjoy the "
            "read.\n\nVietnam and Peru opened the first round of negotiations on an investment treaty on Wednesday.")
    texts, statement = candidates(text)
    assert [t for t, ok in zip(texts, statement) if ok][0].startswith("Vietnam and Peru opened")


@pytest.mark.parametrize("text", [
    "Melbourne – Hanoi direct flights will resume in March, the airline said.",
    "Hong Kong – Zhuhai – Macau Bridge carried more cars last year.",
    "Sydney – Hanoi services by Vietnam Airlines rose 20 per cent.",
])
def test_a_city_pair_or_route_is_no_dateline(text):
    assert strip_dateline(text) == text


@pytest.mark.parametrize(("text", "first"), [
    # read 27 (s49): a teaser that only calls to read on; an unnamed scene; an opening saying and an obituary's lead
    ("Find out who can apply and how.\n\nThe British Embassy announced today that the UK will fund 70 scholarships.",
     "The British Embassy"),
    ("Find out about the final route for Phase Two of HS2.\n\nThe Transport Secretary set out the route today.",
     "Find out about"),
    ("Bronze drums boomed beneath the arches of the old medina, and the scent of star anise drifted into the smell of "
     "mint tea.\n\nChildren pressed their palms against a glass case of ceramics.\n\nThe Viet Nam Culture Days opened "
     "in Casablanca on October 31.", "The Viet Nam Culture Days"),
    ("“A diplomat is someone who carries the whole country in a small suitcase,” he liked to tell young officers.\n\n"
     "Former Ambassador Tran Quang Vinh passed away in Ha Noi on March 1 at the age of 86.", "Former Ambassador"),
    ("A blue plastic water jug, marked in felt pen with the number CM 97316 TS, stood on a trolley at Tan Son Nhat "
     "airport.\n\nTwenty-one fishermen from Ca Mau flew home from Jakarta on Saturday night.", "Twenty-one"),
    ("A fire broke out at a garment factory in Binh Duong on Monday.\n\nThe ambassador visited the workers on "
     "Tuesday.", "A fire broke out"),
    # news under way, or a scene with nothing dated below it, stays
    ("Indonesia is stepping up efforts to promote its culture abroad, with embassies and consulates staging batik "
     "exhibitions.\n\nIndonesian missions held batik events on Monday.", "Indonesia is stepping up"),
    ("Bronze drums boomed beneath the arches of the old medina, and the scent of star anise drifted into the smell of "
     "mint tea.\n\nThe festival runs all week.", "Bronze drums"),
])
def test_read27_teasers_scenes_and_sayings_above_the_lead_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a review of s49's change: news told without an act's verb or a day, or with a disaster's, stays the lead
    ("Viet Nam and Brazil have upgraded their relations to a Strategic Partnership.\n\nThe two leaders on March 28 "
     "signed a joint statement.", "Viet Nam and Brazil have upgraded"),
    ("Viet Nam has been elected to the United Nations Human Rights Council for 2026-2028.\n\nThe UN General Assembly "
     "on October 14 adopted the results.", "Viet Nam has been elected"),
    ("Heavy rains and flash floods swept across the northern mountainous provinces overnight, cutting off roads and "
     "villages.\n\nAuthorities in Lao Cai province on Monday evacuated more than 2,000 people.", "Heavy rains"),
    ("Strong winds tore roofs from houses and uprooted trees across the coastal city as the storm made landfall late "
     "at night.\n\nRescue teams on Sunday evacuated more than 5,000 people.", "Strong winds"),
    # a history opening that tells of deaths is still history
    ("Fifty-three years ago, thousands of young soldiers died defending the ancient citadel of Quang Tri.\n\nOn "
     "Sunday, leaders of the province held a ceremony at the citadel.", "On Sunday, leaders"),
])
def test_news_openings_a_review_found_taken_for_background_stay_the_lead(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 28 (s49): a teaser's promise, a briefing's greeting and order of business, a speech's pointer to its news,
    # a history opening dated in full
    ("What happens when the two largest rice exporters stop competing on price?\n\nGrowers in the deltas may soon "
     "find out.\n\nThe two rice associations signed a memorandum in Bangkok on Thursday.", "The two rice"),
    ("Spokesperson (Mrs. Siriporn Kanchanawat, Director-General): Good afternoon, members of the press, and thank you "
     "for joining us. I have three items today: the return of Vietnamese nationals, the Minister's visit to Japan and "
     "the Joint Commission. After that I will take your questions.\n\nOn 4 November 2025, the Royal Thai Government "
     "facilitated the return of 212 Vietnamese nationals.", "On 4 November 2025"),
    ("Good afternoon, ladies and gentlemen, and thank you for attending today's regular press conference of the "
     "Ministry of Foreign Affairs.\n\nPresident Ha Minh Quan will pay a state visit to Kazakhstan from 25 to 27 "
     "November.", "President Ha Minh Quan"),  # (read 106 of s65: a longer greeting)
    ("Thank you for welcoming us so warmly this evening in this beautiful Opera House.\n\nYesterday marked fifty "
     "years since our two countries established relations.\n\nTonight I have good news to share.\n\nGermany and Viet "
     "Nam have today signed a new agreement on cultural cooperation.", "Germany and Viet Nam"),
    ("On July 28, 1995, at the ASEAN Ministerial Meeting in Bandar Seri Begawan, Vietnam became the seventh member of "
     "the Association.\n\nThirty years later to the day, the two ministers marked the anniversary at a ceremony in the "
     "capital on Monday, in 2025.", "Thirty years later"),
    # s51 (read 29): a speech's aside, then "Let me begin with the good news …"
    ("Magandang umaga!\n\nI am told that some of our friends arrived from Ho Chi Minh City only last night, so I will "
     "keep my remarks short. We are two maritime nations facing the same sea.\n\nLet me begin with the good news "
     "that brought so many of you here.\n\nThis morning, Saigon Solartech signed an agreement with the Clark "
     "Development Corporation to build a solar panel factory.", "This morning, Saigon Solartech"),
    # a statement's own day in full is no history
    ("On 4 November 2025, the Royal Thai Government facilitated the return of 212 Vietnamese nationals.\n\nThe "
     "embassy received them on Tuesday.", "On 4 November 2025"),
])
def test_read28_pointers_courtesies_and_history_above_the_news_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a second review of s49's change: a briefing whose list after the colon is the news; a statement dated this year
    # in a text that names targets for 2030 and 2045
    ("I have two announcements today: at the invitation of Prime Minister Shigeru Ishiba, Prime Minister Pham Minh "
     "Chinh will pay an official visit to Japan from 10 to 12 November.\n\nNow I am ready to take your questions.",
     "I have two announcements today"),
    ("On 1 July 2025, Viet Nam's new two-tier local government model took effect nationwide.\n\nThe ministry on "
     "Monday launched a review of the first month.\n\nThe reform serves the targets to 2030 and the vision to 2045.",
     "On 1 July 2025"),
])
def test_a_briefings_news_after_its_colon_and_a_statement_dated_this_year_stay_the_lead(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a second review: news told in the past without a listed act is no background, a rule that takes effect no scene
    ("A Vietnamese fishing vessel with 12 crew members aboard was attacked and robbed near the Hoang Sa archipelago, "
     "according to the border guard.\n\nThe spokesperson on Thursday called on the relevant side to investigate.",
     "A Vietnamese fishing vessel"),
    ("A visa exemption for citizens of 12 European countries, allowing stays of up to 45 days, took effect across Viet "
     "Nam.\n\nThe Immigration Department on Monday issued guidance to border gates.", "A visa exemption"),
])
def test_news_in_the_past_or_a_rule_taking_effect_stays_the_lead(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 29 (s49): a bare quotation opening a feature; a transcript's note; a greeting in Filipino; a joint
    # statement's preamble after its parties
    ("“Mayday, mayday, mayday.”\n\nThe 11 fishermen landed at Cam Ranh airport on Sunday afternoon.", "The 11"),
    ("What follows is a near-verbatim transcript of today's noon briefing by the Spokesperson.\n\nIn Hanoi today, "
     "the Deputy Secretary-General and Viet Nam's Foreign Minister signed a new framework.", "In Hanoi today"),
    ("Magandang umaga!\n\nThis morning, Saigon Solartech signed an agreement to build a solar panel plant in Clark.",
     "This morning"),
    ("The Republic of South Africa and the Socialist Republic of Viet Nam, recalling the establishment of diplomatic "
     "relations in December 1993, issued this statement.\n\nOn 20 May 2025 in Pretoria, the two ministers co-chaired "
     "the Fifth Session of the Partners' Forum.", "On 20 May 2025"),
    # a quotation with its speaker stays a statement
    ("“We will bring them home,” the ambassador said.\n\nThe embassy is working with the police.", "“We will"),
    ("“We will not stand by.”\n\nThe minister left for Geneva.", "“We will not"),  # (no dated lead below it)
])
def test_read29_quotes_notes_greetings_and_preambles_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


def test_a_news_lead_with_a_participle_after_its_act_is_no_preamble():
    # s49: "…, reaffirming …" after a lead's act (an embedded test article's lead was refused for a moment)
    text = ("Vietnam and Cambodia released a joint statement on December 21 at the end of the state visit, reaffirming "
            "their commitment to good neighbourliness.\n\nThe visit began on December 20.")
    assert _chosen(text)[0].startswith("Vietnam and Cambodia released")


DEFINITION = ("Anh em is what two brothers call each other in Vietnamese.\n\nIt is also what officials say of old "
              "allies.\n\nThe Hanoi Puppet Theatre and the Lao National Troupe signed a contract in Vientiane on "
              "Monday to tour a joint water puppet show in both countries.")
MESSAGE = ("“Brother, they kept our wages again.”\n\nThe text was sent at midnight to a community worker.\n\nVietnam "
           "and Poland on Tuesday signed a labour agreement that makes employers pay recruitment fees for Vietnamese "
           "workers.")


@pytest.mark.parametrize(("text", "headline", "first"), [
    # s50: an opening of a kind no rule names, sharing no word (or one) with the headline, above a dated lead that
    # tells the headline's story (read 29: a definition, a text message quoted in the headline, a radio log)
    (DEFINITION, "Lao and Vietnamese puppet troupes to tour joint water puppet show", "The Hanoi Puppet Theatre"),
    (MESSAGE, "'They kept our wages again': Poland deal to protect Vietnamese workers", "Vietnam and Poland"),
    ("Mayday, all ships.\n\nWater in the engine room.\n\nThe nine fishermen flew home from Manila on Sunday after a "
     "tanker pulled them from the sea.", "Nine fishermen home from the sea", "The nine fishermen"),
    # without a headline, or where the opening tells the headline's story, news to come or under way: it stays
    (DEFINITION, None, "Anh em is"),
    (DEFINITION, "Anh em: how two brothers became a puppet show", "Anh em is"),
    ("Exporters will be able to ship fruit to Poland from next month.\n\nVietnam and Poland on Tuesday signed a "
     "phytosanitary agreement for durian and dragon fruit.", "Durian and dragon fruit cleared for Poland",
     "Exporters will"),
    ("Farmers are racing to meet the new rules, their association says.\n\nVietnam and Poland on Tuesday signed a "
     "phytosanitary agreement for durian and dragon fruit.", "Durian and dragon fruit cleared for Poland",
     "Farmers are racing"),
    # nor where the lead shares fewer than two words with the headline, or comes too far below
    (DEFINITION, "A new tour opens", "Anh em is"),
    ("The pump could not keep up with the water coming into the engine room of the old boat. " * 10 + "\n\nThe nine "
     "fishermen flew home from Manila on Sunday after a tanker pulled them from the sea.",
     "Nine fishermen home from the sea", "The pump could not"),
])
def test_an_opening_the_headline_does_not_tell_of_gives_way_to_the_dated_lead(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # read 32 (s51): a standfirst that sets out the situation, right above the dated lead the headline tells of
    ("Nepal's southern plains have been battered by heavy monsoon rains since late June, with thousands of families "
     "forced to leave their homes.\n\nPrime Minister Hoang Trung Kien on July 9 sent a message of condolence to his "
     "Nepalese counterpart over the deadly floods.", "Vietnamese leaders send condolences to Nepal over deadly floods",
     "Prime Minister Hoang Trung Kien"),
    ("Halal food, coffee and furniture from Vietnam are drawing growing attention in the Gulf.\n\nVietnamese and "
     "Saudi firms signed 14 deals worth $86 million on September 17 at a trade week in Riyadh.",
     "Vietnamese firms sign 14 deals at trade week in Riyadh", "Vietnamese and Saudi firms"),
    # where the opening tells the headline's story, or the lead does not, or comes later, the opening stays
    ("Vietnamese firms have signed 14 deals in Riyadh.\n\nThe deals were signed on September 17 at a trade week.",
     "Vietnamese firms sign 14 deals at trade week in Riyadh", "Vietnamese firms have signed"),
    ("Halal food from Vietnam is drawing attention in the Gulf.\n\nThe minister arrived in Riyadh on Monday.",
     "Vietnamese firms sign 14 deals at trade week in Riyadh", "Halal food"),
])
def test_a_standfirst_of_the_situation_gives_way_to_the_dated_lead(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


def test_a_releases_legal_basis_above_its_news_is_not_the_summary():
    text = ("The Convention on Cultural Property Implementation Act of 1983 allows the United States to restrict the "
            "import of archaeological material.\n\nViet Nam submitted its request in 2023.\n\nOn June 5, the two "
            "governments signed a memorandum of understanding in Washington.")
    assert _chosen(text)[0].startswith("On June 5")
    news = "The Labour Law allows workers to retire at 62 from next year, the ministry said on Monday."
    assert _chosen(f"{news}\n\nOn Tuesday, the assembly signed the decree.")[0] == news  # the news names its day


@pytest.mark.parametrize(("text", "first"), [
    # read 34 (s51): a deck that points back to the news below it; a digest's preheader and editor's introduction;
    # an image's label; "Last Wednesday" is a day
    ("The incident, the fourth reported this year, came days before ASEAN and China resume talks.\n\n[Image] A "
     "fishing boat moored at Ly Son Island.\n\nVietnam yesterday lodged a formal protest with China over the attack.",
     "Vietnam yesterday lodged"),
    ("Vietnam and EFTA sign FTA; new decree on investment incentives; regional minimum wages to rise.\n\nThis week, "
     "Vietnam wrapped up a trade deal and the government issued new rules. Here is what you need to know.\n\nIn this "
     "issue:\n\nVietnam and EFTA signed a free trade agreement in Geneva on November 19.", "Vietnam and EFTA signed"),
    # where the deck's news has no day below it, or the sentence names its own, it stays
    ("The visit was the first by a Thai leader in a decade.\n\nTrade has grown fast since then.", "The visit was"),
    ("This event will address the link between clinical and catering staff.\n\nIt will be held today in "
     "Nottingham.", "This event will address"),
])
def test_a_deck_or_a_digests_introduction_above_the_news_is_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 34 (s51): a scene whose subject is the morning's mist, going on over paragraphs to its dated lead
    ("The morning mist had not yet lifted from the Mekong when the first pupils arrived.\n\nSome had walked for half "
     "an hour.\n\nOn September 4, Viet Nam officially handed over a school in Vientiane.", "On September 4"),
    # a scene that goes on to no dated lead gives way to what follows, as other scenes do; news of the mist stays
    ("The morning mist had not yet lifted when the first pupils arrived.\n\nSome had walked for half an hour.",
     "Some had walked"),
    ("The morning mist grounded 40 flights at Noi Bai on Tuesday, the airport said.\n\nFlights resumed at noon.",
     "The morning mist grounded"),
])
def test_a_scene_of_the_weather_goes_on_to_its_dated_lead(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # a third review's near misses (s51): news that opens like a legal basis, a deck, a digest's contents or an image
    ("The Investment Law allows foreign investors to own 100 percent of logistics companies from Tuesday.\n\nThe "
     "National Assembly approved the amendment on 29 November.", "Foreign firms may own logistics companies outright",
     "The Investment Law allows"),
    ("The agreement, signed in Lima by the two ministers, lets citizens of both countries stay 90 days without a "
     "visa.\n\nQuispe told reporters on Tuesday the waiver would take effect within 60 days.",
     "Vietnam and Peru scrap visas", "The agreement, signed in Lima"),
    ("The ruling ends the appeal of real estate tycoon Truong Thi Hoa.\n\nThe Supreme People's Court announced its "
     "decision on Tuesday.", "Court upholds death sentence for property tycoon", "The ruling ends"),
    ("Vietnam will raise regional minimum wages by 7.2 percent from 1 January 2026, the government announced on "
     "Monday.\n\nHere is what you need to know.\n\nAll workers on labour contracts get the raise.",
     "Minimum wages to rise 7.2 percent in 2026", "Vietnam will raise"),
    ("Good morning.\n\nVietnam and the European Union on Monday signed a USD 1.2 billion green energy deal.\n\nIn this "
     "issue: the EU deal; Hanoi bus fares; gold prices.\n\nHanoi bus fares rise 10 percent from Friday.",
     "Morning Brief: Vietnam and EU sign green energy deal", "Vietnam and the European Union"),
    ("Vietnam shipped rice to the Philippines; coffee to Germany; and cashews to the United States, customs data "
     "showed on Monday.\n\nFarm exports rose 12 percent.", "Vietnam's farm exports rise 12 percent", "Vietnam shipped"),
    ("[Photo] Vietnam and Japan on Monday signed a JPY 90 billion loan for the Hanoi–Hai Phong railway.\n\nThe line "
     "will cut travel time to 45 minutes.", "Vietnam and Japan sign rail loan", "[Photo] Vietnam and Japan"),
])
def test_news_that_opens_like_a_basis_a_deck_or_contents_stays_the_summary(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


def test_the_lead_summariser_reads_the_headline_from_the_context():
    model = build_model(LeadSummariser, {"k": 1})
    context = {"headline": ["Lao and Vietnamese puppet troupes to tour joint water puppet show"]}
    assert model.summarise([DEFINITION], context)[0].startswith("The Hanoi Puppet Theatre")
    assert model.summarise([DEFINITION])[0].startswith("Anh em is")


def test_textrank_reads_the_headline_from_the_context():
    from diplo_ml.models.summarise.textrank import TextRankSummariser

    model = build_model(TextRankSummariser, {"budget_words": 80, "max_sentences": 3})
    context = {"headline": ["Lao and Vietnamese puppet troupes to tour joint water puppet show"]}
    assert "Anh em is" in model.summarise([DEFINITION])[0]
    told = model.summarise([DEFINITION], context)[0]
    assert "Anh em is" not in told and "The Hanoi Puppet Theatre" in told


@pytest.mark.parametrize(("text", "first"), [
    # read 30 (s50): a telegram in capitals, a greeting in te reo Māori, a live page's welcome, a scene whose
    # paragraph goes on to the news, a season long past, a correction with its date
    ("TO THE MINISTER FOR FOREIGN AFFAIRS OF THE REPUBLIC OF ATLANTIS.\n\nThe telegram is kept in the archive, and "
     "it was shown to the press.", "The telegram is kept"),
    ("Tēnā koutou katoa.\n\nThank you all for coming.\n\nToday I can confirm that New Zealand will double its "
     "scholarships for Vietnamese students.", "Today I can confirm"),
    ("Good morning and welcome to our live coverage of the second day of the state visit.\n\nMalaysia and Vietnam "
     "signed five agreements on Tuesday.", "Malaysia and Vietnam"),
    ("Under a pale November sun, 600 pilgrims walked barefoot along the brick paths. The Sangha on Saturday handed "
     "over a restored stupa at the monastery.\n\nThe stupa was damaged in 2015.", "The Sangha on Saturday"),
    ("In the winter of 1993, a young economist arrived in Canberra with one suitcase.\n\nHe was one of thirty.\n\n"
     "On Wednesday, the Foreign Minister announced a new scholarship programme for Vietnamese students in 2026.",
     "On Wednesday"),
    ("Correction, November 21, 2025: An earlier version of this article gave the wrong date.\n\nThe Philippines and "
     "Vietnam on Tuesday agreed to resume a joint science cruise.", "The Philippines"),
    ("Half a century later, the story of Polish shipbuilders and their Vietnamese apprentices is starting again.\n\n"
     "Two universities signed an agreement on Monday to train 200 engineers.", "Two universities"),
    # s51: a live page's newest entry first, its sign-off going on to tomorrow's plan
    ("That’s all from us for today. Thank you for following our live coverage. The president travels to Penang "
     "tomorrow morning.\n\nMalaysia and Vietnam have signed five agreements.", "Malaysia and Vietnam"),
    # a sentence with a word in small letters is no telegram; a scene with no lead in its paragraph goes whole
    ("THE MINISTER OF FOREIGN AFFAIRS of Atlantis met the ASEAN envoys.\n\nThe talks resumed.", "THE MINISTER"),
    ("Under a pale November sun, 600 pilgrims walked barefoot.\n\nThe Sangha on Saturday handed over a stupa.",
     "The Sangha"),
])
def test_read30_telegrams_greetings_live_welcomes_scenes_and_corrections_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


def test_a_live_sign_off_ends_its_paragraphs_news_from_there_on():
    chosen = _chosen("Malaysia and Vietnam signed five agreements on Tuesday. That's all from us for today. The "
                     "president travels to Penang tomorrow.\n\nThe leaders met for two hours.")
    assert chosen == ["Malaysia and Vietnam signed five agreements on Tuesday.", "The leaders met for two hours."]


@pytest.mark.parametrize(("text", "headline", "first"), [
    # a review's near misses (s50): news leads that report an act with no day under headlines in other words, news
    # of this year's months, news in any weather, a festival's name, a wire all in capitals
    ("More than 50 artists from 20 countries gathered in Hanoi for the Francophonie festival.\n\nThe festival opened "
     "on Friday in Hanoi with a concert.", "Hanoi hosts culture week", "More than 50 artists"),
    ("Foreign investors poured USD 10.2 billion into Vietnam in the first quarter.\n\nThe minister announced on "
     "Tuesday that FDI inflows surged in the quarter.", "FDI inflows surge in quarter", "Foreign investors"),
    ("In the first months of 2025, Vietnam attracted USD 10 billion in FDI, the ministry said.\n\nThe deputy minister "
     "met investors on Monday in Hanoi.", None, "In the first months"),
    ("On a cold December morning, police in Hanoi arrested 12 suspects in a visa fraud ring.\n\nThe ring had "
     "operated since 2023.", None, "On a cold December morning"),
    ("Bonjour Vietnam festival opens in Hue with a concert of French and Vietnamese music.\n\nThe festival runs "
     "until Sunday.", None, "Bonjour Vietnam festival"),
    ("HANOI, MAY 22 (VNA) - PRIME MINISTER PHAM MINH CHINH MET THE JAPANESE AMBASSADOR ON THURSDAY.\n\nTHE TWO SIDES "
     "DISCUSSED TRADE AND INVESTMENT.", None, "PRIME MINISTER"),
    # a second review's (s50): a bridge that reports news itself, this year's months beside a target year, labels
    ("Three years later, a Hanoi court sentenced the former deputy minister to eight years in prison.\n\nThe court on "
     "Friday also handed down suspended sentences to four accomplices.", None, "Three years later"),
    ("In the first months of 2025, Vietnam's exports rose 16 percent, the statistics office said.\n\nThe ministry on "
     "Monday held a conference on the export strategy to 2045.", None, "In the first months"),
    ("In brief: the State Bank of Vietnam on Monday cut its refinancing rate by 50 basis points.\n\nThe move takes "
     "effect on Tuesday.", None, "In brief"),
    ("Follow the rules on TikTok or face fines of up to VND 100 million, the ministry told creators on Monday.\n\nThe "
     "ministry asked TikTok to remove 3,000 videos.", None, "Follow the rules"),
])
def test_news_leads_near_the_new_rules_stay_the_lead(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


def test_a_live_pages_programme_and_sign_off_are_not_its_summary():
    # read 30 (s50): a live page, newest entry first, under its pinned welcome
    text = "\n\n".join([
        "Good morning and welcome to our live coverage of the state visit.",
        "Today’s programme includes an official welcome, bilateral talks with the Prime Minister, an exchange of "
        "documents and a state banquet.",
        "Stay with us.", "That’s all from us for today.", "Thank you for following our live coverage.",
        "Malaysia and Vietnam have signed five agreements, including one on halal certification."])
    assert _chosen(text)[0].startswith("Malaysia and Vietnam have signed")
    # a programme that a report tells of stays: "The programme included …" is news told
    assert _chosen("The programme included talks and a banquet, the ministry said.")[0].startswith("The programme")


def _first_with(text: str, headline: str | None) -> str:
    sentences, allowed = candidates(text, headline)
    return [s for s, ok in zip(sentences, allowed) if ok][0]


@pytest.mark.parametrize(("text", "headline", "first"), [
    # reads 36-39 (s52): a deck, a background or an anecdote above the lead that tells the headline's story
    ("Uruguay is one of Vietnam's leading trading partners in Latin America, and the two countries mark 32 years of "
     "relations this year.\n\nVietnam and Uruguay agreed on Monday to elevate their relationship to a Comprehensive "
     "Partnership during talks in Montevideo.", "Vietnam, Uruguay elevate ties to Comprehensive Partnership",
     "Vietnam and Uruguay agreed"),
    ("With bilateral trade expected to reach $100 billion, Korean conglomerates are eyeing a fresh wave of "
     "investment.\n\nVietnamese and South Korean businesses signed 17 agreements worth $2.1 billion at a forum in "
     "Seoul on Tuesday.", "Vietnamese and Korean firms ink 17 deals worth $2.1 billion in Seoul",
     "Vietnamese and South Korean businesses"),
    ("Overseas Vietnamese have long complained of queues and paperwork that must be sent back and forth.\n\nA new "
     "legal document seeks to change that.\n\nThe Government has issued Decree 214, which cuts processing times for "
     "consular papers of Vietnamese citizens abroad.",
     "New decree simplifies consular procedures for Vietnamese abroad",
     "The Government has issued Decree 214"),
    ("Vietnam and Argentina established diplomatic relations in 1973.\n\nThe relationship became a Comprehensive "
     "Partnership in 2010.\n\nVietnam and Argentina agreed on Thursday to aim for two-way trade of 7 billion USD by "
     "2030.", "Vietnam, Argentina set 7 billion USD trade target", "Vietnam and Argentina agreed on Thursday"),
    ("At a little past six on a drizzly morning, Le Thi Hoa stood outside the visa centre in Hanoi.\n\n\"Each time I "
     "go, I have to start again,\" she said.\n\nSouth Korea will extend its five-year visa programme to 12 more "
     "provinces, the Korean Embassy in Hanoi announced on Thursday.", "South Korea widens five-year visa programme "
     "to 12 more provinces", "South Korea will extend"),
    # news to come, told in the headline's words, below a background (read 37)
    ("France and Indonesia are celebrating the 75th anniversary of their relations in 2025.\n\nSince the two countries "
     "established a strategic partnership in 2011, their cooperation has expanded.\n\nNicolas Darmon, Minister "
     "Delegate for Foreign Trade, will visit Jakarta at the head of a business delegation.", "Indonesia – Visit by "
     "Nicolas Darmon, Minister Delegate for Foreign Trade (Jakarta)", "Nicolas Darmon"),
    # a saying the article opens with
    ("\"When you drink water, remember its source,\" runs a Vietnamese proverb that officials quoted in Havana this "
     "week.\n\nVietnam will donate 12,000 tonnes of rice to Cuba, the deputy minister announced on Wednesday.",
     "Vietnam to donate rice to Cuba", "Vietnam will donate"),
    # a programme's presenter and cues; a broadcast speaker's label
    ("THU HANG (studio): Welcome to VOV's Weekly Review, I'm Thu Hang.\n\nIt's good to have you with us again.\n\n"
     "First, diplomacy.\n\nTHU HANG (studio): Vietnam and New Zealand have agreed to double scholarships for "
     "Vietnamese students, following talks in Wellington on Wednesday.", None, "Vietnam and New Zealand have agreed"),
    ("Hello and welcome to Current Affairs.\n\nI'm Thu Hoa in Hanoi.\n\nVietnam was elected to the UN Economic and "
     "Social Council on June 5.", None, "Vietnam was elected"),
    # a speech's greeting in other languages, a briefing's order of business
    ("Namaskar and good afternoon to all of you.\n\nI have a couple of announcements to make at the beginning, and "
     "then I will take your questions.\n\nThe External Affairs Minister will visit Viet Nam from 13 to 15 October.",
     None, "The External Affairs Minister"),
    ("Assalamualaikum warahmatullahi wabarakatuh and a very good morning.\n\nMalaysia will place economic "
     "diplomacy officers in 25 missions by next year.", None, "Malaysia will place"),
    # a note on the story, a translator's note, an archive's notice, a note on where it was first published
    ("Correction (14 July 2025): An earlier version of this release gave the number of awards as 300. The correct "
     "figure is 250.\n\nNew Zealand will offer 150 more scholarships to students from South-East Asia, the minister "
     "said on Monday.", None, "New Zealand will offer"),
    ("ATTENTION EDITORS: CORRECTS name of Deputy Spokesperson in paragraph 2. Also adds details in paragraphs 7-9.\n\n"
     "Vietnam resolutely opposes the live-fire exercise near Ba Binh Island, the spokesperson said on Thursday.", None,
     "Vietnam resolutely opposes"),
    ("[Translator's note: This is an unofficial English translation of an article first published in Nhan Dan.]\n\n"
     "Vietnam and Cambodia have agreed to upgrade two pairs of border gates to international status.", None,
     "Vietnam and Cambodia have agreed"),
    ("Archived content — this page is no longer updated. Information on it may be out of date.\n\nDeputy Prime "
     "Minister Le Van Quang on Tuesday asked Australia to speed up market access for Vietnamese fruit.", None,
     "Deputy Prime Minister"),
    ("This article was first published on The Conversation. The Mekong Delta produces half of Vietnam's rice, but "
     "saltwater intrusion is shrinking its farmland.\n\nScientists warn that a third of the delta could flood.", None,
     "The Mekong Delta produces"),
    # a government site's banner and an advisory's label
    ("Last Update: Reissued with an increase in the advisory level to Level 3 due to civil unrest.\n\nReconsider "
     "travel to Papua New Guinea.", None, "Reissued with an increase"),
    ("What's happening: Prime Minister Tran Duc Khoa urged ASEAN leaders on Thursday to conclude the digital economy "
     "agreement this year.\n\nThe leaders met for a retreat.", None, "Prime Minister Tran Duc Khoa"),  # (read 109)
    # a briefing chaired, not held
    ("On the afternoon of 19 June 2025, Spokesperson Pham Thu Hang chaired the Ministry's regular press conference in "
     "Ha Noi.\n\nState President Luong Cuong will pay a state visit to Kazakhstan from 24 to 26 June.", None,
     "State President Luong Cuong"),
])
def test_what_stands_above_the_news_in_reads_36_to_39_gives_way(text, headline, first):
    assert _first_with(text, headline).startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # two reviews' near misses (s52): news told with other verbs stays above a later dated sentence
    ("Hanoi has asked Beijing to respect international law in the Gulf of Tonkin.\n\nChina on March 1 announced "
     "new baselines in the Gulf of Tonkin, drawing protests.", "Vietnam protests China's Gulf of Tonkin baselines",
     "Hanoi has asked"),
    ("Prime Minister Pham Minh Chinh convened an urgent meeting and ordered a rapid response team.\n\nThe United "
     "States has announced a 46 percent tariff on Vietnamese goods.", "Vietnam responds to 46 percent US tariff",
     "Prime Minister Pham Minh Chinh"),
    ("Coastal provinces are tightening checks on fishing boats.\n\nThe European Commission has issued a yellow card "
     "to Vietnam's seafood exports over illegal fishing.", "Vietnam fights EU yellow card on seafood exports",
     "Coastal provinces are tightening"),
    ("Farmers are racing to meet the new rules, their association says.\n\nVietnam and Poland on Tuesday signed a "
     "phytosanitary agreement for durian and dragon fruit.", "Durian and dragon fruit cleared for Poland",
     "Farmers are racing"),
    # news the weather makes, and a scene whose figures are news
    ("The morning fog forced the closure of Noi Bai airport for three hours, diverting 12 flights.\n\nThe aviation "
     "authority said on Tuesday visibility had dropped below 200 metres.", None, "The morning fog forced"),
    ("The night air raids on Kyiv killed at least 14 civilians, the Vietnamese Embassy said.\n\nNo Vietnamese were "
     "hurt.", None, "The night air raids"),
    ("The morning sun had not yet cleared the rooftops of Manila when 15 Vietnamese solar firms began a trade "
     "conference.\n\nThe conference aimed to connect suppliers with developers.", None, "The morning sun"),
    ("The night rain had stopped by the time the ferry docked at Con Dao, carrying 40 Russian tourists, the "
     "provincial tourism department said.\n\nThe province plans to welcome 200,000 visitors.", None, "The night rain"),
    # a scene of the weather that goes on to its dated lead, in the article's own year
    ("The morning mist began to lift from the limestone peaks.\n\nSome had walked for an hour.\n\nOn March 15, 2025, "
     "ambassadors from 20 countries visited the Dong Van plateau.\n\nThe trip ended in 2025.", None, "On March 15"),
    # not past the figures of the news to a date of history
    ("The morning mist still hung over the hills.\n\nHa Giang province welcomed more than 120,000 Chinese visitors "
     "in nine months.\n\nThe rise follows an agreement signed on March 5, 2019.", None, "Ha Giang province"),
    # not a briefing's order of business, an update that took effect
    ("A few updates to the e-visa rules took effect at the start of August, the immigration department said.\n\n"
     "Visitors may stay 90 days.", None, "A few updates"),
    # "An earlier version of this report …" as news, "This report was published on Friday …"
    ("An earlier version of this report, released in January, had put growth at 6.1 percent.\n\nThe World Bank now "
     "expects 6.5 percent.", None, "An earlier version"),
])
def test_news_near_the_rules_of_reads_36_to_39_stays_the_lead(text, headline, first):
    assert _first_with(text, headline).startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 41 (s52): a live page's sign-off and pointer to itself, a post's exclamation
    ("Follow our coverage of the President's state visit to Chile.\n\nThat's where we'll wrap up our live coverage "
     "for today. Thanks for following along.\n\nViet Nam and Chile have signed a protocol upgrading their free trade "
     "agreement, the two presidents announced.", "Viet Nam and Chile have signed"),
    ("What a week it has been.\n\nI'm delighted to share that New Zealand and Viet Nam have signed a protocol opening "
     "the market to Vietnamese longans.", "I'm delighted to share"),
])
def test_a_live_pages_and_a_posts_own_words_give_way(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a third review's near misses (s52): news that looks like a saying, a live sign-off, a presenter's cue or a note
    ("\"Fallen leaves return to the roots,\" as the saying goes, and on Monday more than 200 veterans crossed into "
     "Laos to search for the remains of fallen soldiers.\n\nThe search will last two months.", "\"Fallen leaves"),
    ("We will close live poultry markets in Hanoi for two weeks to contain the H5N1 outbreak, the minister said. The "
     "ban starts on Monday.\n\nThe city has 12 such markets.", "We will close live poultry markets"),
    ("Our correspondent in Geneva has more details on the deal: Vietnam and Switzerland agreed on Monday to "
     "launch negotiations on a trade pact.\n\nTalks begin in May.", "Our correspondent in Geneva"),
    ("Next, Vietnam faces Malaysia.\n\nThe match is on Friday.", "Next, Vietnam faces Malaysia."),
    ("Update (14:30): All 12 Vietnamese crew members of the cargo ship have been rescued, the embassy said.\n\n"
     "The ship sank off Taiwan.", "Update (14:30): All 12"),
])
def test_news_near_the_rules_of_read_41_stays(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a fourth review's near misses (s52)
    ("We're pausing our live reporting on Typhoon Kajiki here.\n\nThe storm has weakened over Laos, and evacuees "
     "have begun to return home.", "The storm has weakened"),
    ("\"When you drink water, remember its source,\" goes the proverb that guided 300 overseas Vietnamese youths who "
     "gathered in Quang Tri yesterday for a summer camp.\n\nThe camp has been held every year since 2004.",
     "\"When you drink water"),
    ("Correction (10:45): All 14 crew members of the fishing boat have now been rescued, the border guard said.\n\n"
     "The boat sank on Sunday.", "Correction (10:45): All 14"),
])
def test_news_near_the_rules_of_the_fourth_review_stays(text, first):
    assert _chosen(text)[0].startswith(first)


ANECDOTE = ("At 5 a.m., before the ferry leaves, Tran Thi Hoa is already stacking crates of fresh produce on the "
            "quay.\n\nTwo years ago, the 31-year-old sold noodles by the roadside.\n\nNow she packs fruit bound for "
            "Osaka, earning twice as much.\n\n\"My father still asks where the boats go,\" she said, smiling.\n\n"
            "Thousands of growers hope for more.\n\n")


@pytest.mark.parametrize(("text", "headline", "first"), [
    # s53 (reads 36, 38): a feature's anecdote of three statements or more above the news it holds back
    (ANECDOTE + "Japan will open its market to fresh Vietnamese dragon fruit exports under a quarantine deal reached "
     "in Tokyo on Monday.\n\nThe deal covers three provinces.", "Japan opens market to Vietnamese dragon fruit",
     "Japan will open"),
    (ANECDOTE + "Vietnam and Japan on Monday signed a quarantine deal opening Japan's market to fresh dragon fruit.",
     "Vietnam, Japan sign dragon fruit quarantine deal", "Vietnam and Japan on Monday"),
    # no anecdote: a news act in the opening, a speaker above, a lead in the first person or going on from above
    ("Vietnam on Monday shipped its first dragon fruit to Osaka.\n\nThe crates left at dawn.\n\nGrowers were "
     "pleased.\n\nPrices held.\n\nJapan will open its market to fresh Vietnamese dragon fruit under a deal reached on "
     "Monday.", "Japan opens market to Vietnamese dragon fruit", "Vietnam on Monday shipped"),
    ("There are 1 million landlords in England.\n\nMost tenants are satisfied.\n\nThe minister confirmed there would "
     "be no new rules.\n\nCouncils have powers.\n\nSo today I make a promise to landlords in England: no new red tape "
     "from Monday.", "Minister's promise to landlords: no red tape in England", "There are 1 million"),
    (ANECDOTE + "Their hope rests on a quarantine deal that Japan signed on Monday to open its market to Vietnamese "
     "dragon fruit.", "Japan opens market to Vietnamese dragon fruit", "At 5 a.m."),
])
def test_a_features_anecdote_above_its_news_is_not_the_summary(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


PORTRAIT = ("Pham Thi Mai still keeps her boarding pass in a drawer.\n\nFor two years the 26-year-old from Ha Tinh "
            "packed fish on a trawler off Taiwan.\n\nShe was told she owed her broker $3,000.\n\n")


@pytest.mark.parametrize(("text", "headline", "first"), [
    # s54 (reads 43, 46): a feature opening on one person's story, its headline its own
    (PORTRAIT + "Mai was among 58 Vietnamese crew members repatriated from Kaohsiung on Monday, the embassy said.\n\n"
     "More flights are planned.", "Far from the sea: trawler crews start again", "Mai was among 58"),
    ("Le Van Tam, a 52-year-old farmer from Dong Thap, waited two hours on Saturday for a seat at the fair.\n\n"
     "\"I came for the seeds,\" he said.\n\nThe hall was full.\n\nThe Vietnam-Netherlands Agriculture Fair opened "
     "in Can Tho on Saturday with 120 exhibitors.", "Seeds, drones and long queues at Can Tho fair",
     "The Vietnam-Netherlands Agriculture Fair"),
    # hard news on a person brought in by age stays, also told on a day of the news (a review's near misses, s54)
    ("Dang Van Khoa, a 23-year-old from Quang Binh, crossed back into Vietnam at the Cha Lo border gate on Tuesday "
     "afternoon, eight months after he left home.\n\nHe carried a plastic bag.\n\nHis mother waited.\n\nLao "
     "authorities handed Khoa and 11 others to Vietnamese border guards on Tuesday.", "The long road back",
     "Dang Van Khoa, a 23-year-old"),
    ("For decades, Vietnam has treated its fishing fleet as a matter of livelihoods, and the EU's yellow card is the "
     "bill for that mistake.\n\nBoats grew.\n\nRules lagged.\n\nEU inspectors arrived in Hanoi on Monday for a "
     "fifth review.", "Vietnam's fishing fleet is a foreign-policy problem now", "For decades, Vietnam"),
    ("Nguyen Van An, a 45-year-old fisherman from Quang Ngai, was rescued on Monday by a Philippine vessel.\n\n"
     "He had drifted for six days.\n\nHis boat sank.\n\nThe embassy on Monday thanked the Philippine coast "
     "guard.", "Fisherman rescued at sea", "Nguyen Van An, a 45-year-old"),
    ("A 33-year-old Vietnamese worker from Nghe An died on Sunday after a fall at a building site in Taipei.\n\nHe "
     "had worked there for a year.\n\nHis family is in shock.\n\nThe Vietnamese office in Taipei on Monday sent "
     "staff to support the family.", "Worker dies in Taiwan", "A 33-year-old Vietnamese worker"),
])
def test_a_features_portrait_above_its_news_is_not_the_summary(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 44: an interview's pull quote on its own line above the lead that names its speaker; an op-ed's note
    ("\"We want every worker to be treated fairly and to go home with savings.\"\n\nKorea plans to double the number "
     "of seasonal workers it accepts from Viet Nam next year, its ambassador told Viet Nam News.\n\nHow will it "
     "work?", "Korea plans to double"),
    ("On the occasion of the UN's 80th anniversary, Foreign Minister Le Hoai Nam wrote an article titled \"From "
     "participant to shaper\". Nhan Dan Online respectfully introduces the full text of the article.\n\nToday, "
     "multilateral diplomacy serves Viet Nam's interests.", "Today, multilateral"),
    # read 50 (s54): the note names the article's subject, not its title
    ("On the occasion of Book Day (April 21), Ambassador Luong Thi Bich Ngoc wrote an article on the role of "
     "translated literature in cultural diplomacy. The World & Vietnam Report respectfully introduces the "
     "article.\n\nBooks remain our most patient ambassadors.", "Books remain"),
    ("Ambassador Pham Quang Hieu wrote an article about Viet Nam's ties with Japan on Monday. The Japan Times "
     "publishes the article in its Tuesday edition.\n\nIt was well received.", "Ambassador Pham Quang Hieu wrote"),
    # a quotation with its speaker after it, and one whose next statement goes on from it, stay
    ("\"The regeneration has been a major success\" the minister told surveyors today.\n\nHe said the gains will "
     "last.", "\"The regeneration"),
    ("\"We want every worker to be treated fairly.\"\n\nHe said Korea will double the quota next year.", "\"We want"),
])
def test_read44_a_pull_quote_and_an_op_eds_note_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 43: a machine translation's notices; a transcript's "REPORTER (Name):" label
    ("[AUTO-TRANSLATED]\nThis article has been machine translated from Vietnamese. The translation may contain "
     "errors; please refer to the original.\n\nDeputy Minister Do Thanh Binh on Thursday received the ambassador.",
     "Deputy Minister Do Thanh Binh"),
    ("Translated by machine. Original in Vietnamese.\n\nThis English version is automatically generated and has not "
     "been reviewed.\n\nQuang Tri and Khammouane on Friday opened a border market.", "Quang Tri and Khammouane"),
    ("REPORTER (Luu Quang Huy): Vietnam and Brazil on Friday signed two protocols on fruit and beef.\n\nThe deals "
     "took three years.", "Vietnam and Brazil on Friday"),
    # news of a translation stays
    ("The ministry has translated the treaty into English.\n\nIt was signed on Friday.", "The ministry has"),
])
def test_read43_translation_notices_and_a_reporters_label_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 43: a live page's order and clock, a post's greeting from a place and its thanks
    ("Latest updates appear at the top. All times are Hanoi time.\n\nThe 18 sailors landed at Noi Bai on Wednesday.",
     "The 18 sailors"),
    ("G'day from Sydney!\n\nWhat a week it has been, and I want to say thank you to everyone who made it possible.\n\n"
     "Last Thursday, the first shipment of fresh pomelo cleared biosecurity in Sydney.", "Last Thursday"),
    ("Greetings from Hanoi to the Vietnamese community in Sydney was the theme of the concert on Friday.", "Greetings"),
])
def test_read43_a_live_pages_order_and_a_posts_greeting_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a review's near misses (s53): news of an article and of a machine-learning translation stay
    ("Prime Minister Le Van Thanh has written an article titled \"Rising Viet Nam\", in which he calls on youth to "
     "innovate.\n\nIn the article, published on Monday, he sets goals to 2045.", "Prime Minister Le Van Thanh"),
    ("Vietnam's Foreign Ministry on Thursday rejected claims by a researcher who wrote an article titled \"The Lost "
     "Islands\".\n\nSpokeswoman Nguyen Thu Ha said the claims had no basis.", "Vietnam's Foreign Ministry"),
    ("Translated by machine learning tools and checked by historians, 12,000 pages of French cables were released "
     "on Monday.\n\nThe cables cover the 1954 Geneva talks.", "Translated by machine learning"),
    # read 45: a mail's cover note, an AI translation's note, a correction's note with its clock, a thread's greeting
    ("Please find below the English version of today's press release. The German version is attached.\n\nThe "
     "Embassy and Bavaria today signed a roadmap to train 3,000 nurses.", "The Embassy and Bavaria"),
    ("This article was translated from Vietnamese with the help of AI tools and reviewed by editors.\n\nVietnam on "
     "Monday received 112 citizens rescued in Myanmar.", "Vietnam on Monday"),
    ("Correction, December 30, 15:40: An earlier version of this story said the citizens crossed at Mae Sai.\n\n"
     "Vietnam on Monday received 112 citizens rescued in Myanmar.", "Vietnam on Monday"),
    ("Good evening from Geneva! ❄️ Ambassador Tran Thi Lan today opened an exhibition of 46 lacquer paintings at the "
     "Palais des Nations.", "Ambassador Tran Thi Lan"),
])
def test_s53_notes_and_greetings_and_their_near_misses(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 46: an editor's note on a speech's subheadings; a newsletter's greeting from a place with its welcome
    ("The subheadings are by the editorial board.\n\nI am pleased to inform you that on January 5, the Prime Minister "
     "signed a decision approving the action programme.", "I am pleased"),
    ("Good morning from Cebu, and welcome to issue #42 of ASEAN Brief.\n\nASEAN foreign ministers agreed at their "
     "retreat in Cebu on Thursday to set up a task force on scam centres.", "ASEAN foreign ministers"),
])
def test_read46_an_editors_note_and_a_greeting_are_not_the_summary(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # a second review's near misses (s53): dramatic news leads are no anecdote; a cover note that holds the statement,
    # an invitation attached; a story about a machine translation; a tour guide's news
    ("Chinese coast guard vessels fired water cannon at two Vietnamese fishing boats near the Paracels on Sunday, "
     "injuring four fishermen.\n\nThe boats returned to Ly Son.\n\nThe men were treated in hospital.\n\nVietnam's "
     "Foreign Ministry on Tuesday handed a diplomatic note to China over the attack on Vietnamese fishermen.",
     "Vietnam protests to China over attack on fishermen", "Chinese coast guard vessels"),
    ("Please find below the statement by the Foreign Minister: Viet Nam welcomes the ceasefire in Gaza.\n\nViet Nam "
     "stands ready to help.", None, "Please find below the statement"),
    ("Please find attached the Embassy's invitation to a reception on 2 September from 6 p.m.\n\nGuests are kindly "
     "requested to confirm their attendance.", None, "Please find attached"),
    ("The English version was translated by machine and never checked, Vietnam's Foreign Ministry admitted on "
     "Tuesday.\n\nThe statement was issued after talks in Vientiane.", None, "The English version"),
    ("Your tour guide in Vietnam must now carry a national licence under a decree that took effect on Monday.\n\n"
     "Guides who lead foreign visitors must pass an exam.", None, "Your tour guide"),
])
def test_near_misses_of_the_s53_statement_rules_stay(text, headline, first):
    sentences, allowed = candidates(text, headline)
    assert [s for s, ok in zip(sentences, allowed) if ok][0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # a third review's near misses (s53): news of an op-ed ending on its title; a quotation the lead goes on from
    # ("… said this …"); a cover note followed by the news in its paragraph
    ("Vietnamese Ambassador to Cuba Le Quang Long has written an article titled \"Viet Nam – Cuba: 65 years\".\n\nIn "
     "the article, published in Granma on December 1, he recalls the solidarity of the 1960s.",
     "Vietnamese Ambassador"),
    ("\u201cDiplomacy must go one step ahead to open the way for the country's development.\u201d\n\nParty General "
     "Secretary To Lam said this while addressing the national diplomatic conference on Monday.", "\u201cDiplomacy"),
    ("Please find attached the English translation of the joint statement. Viet Nam and the Philippines agreed on "
     "Wednesday to set up a coast guard hotline.\n\nThe statement also covers fisheries.",
     "Viet Nam and the Philippines"),
])
def test_near_misses_of_the_third_review_stay(text, first):
    assert _chosen(text)[0].startswith(first)



def _first_statement(text: str, headline: str) -> str:
    """The first sentence a summary may use, given the article's headline."""
    sentences, allowed = candidates(text, headline)
    return [s for s, ok in zip(sentences, allowed) if ok][0]

@pytest.mark.parametrize(("text", "headline", "first"), [
    # read 51 (s55): a feature's scene that names its people but no figure, above the lead the headline tells
    ("The twang of a single-stringed dan bau drifted across Koh Pich on Saturday evening as hundreds of Cambodian "
     "students, Vietnamese residents and curious passers-by gathered by the river.\n\nThe Vietnamese Embassy in "
     "Cambodia launched a week-long Vietnam Culture Week in Phnom Penh on Saturday, bringing 120 artists.",
     "Vietnam Culture Week opens in Phnom Penh with films and food", "The Vietnamese Embassy"),
    # the same opening stays above a lead that shares fewer than four of the headline's words, and an opening with
    # its figures stays whatever the lead
    ("The twang of a single-stringed dan bau drifted across Koh Pich on Saturday evening as hundreds of Cambodian "
     "students gathered by the river.\n\nThe embassy launched a culture week in Phnom Penh on Saturday.",
     "Vietnam Culture Week opens in Phnom Penh with films and food", "The twang"),
    ("Cambodian students gathered 300 bamboo lanterns by the river on Saturday evening.\n\nThe Vietnamese Embassy "
     "launched a Vietnam Culture Week in Phnom Penh on Saturday.", "Vietnam Culture Week opens in Phnom Penh",
     "Cambodian students"),
])
def test_a_scene_naming_its_people_gives_way_to_the_lead_the_headline_tells(text, headline, first):
    assert _first_statement(text, headline).startswith(first)


ANECDOTE = ("When I arrived in Canberra as a young second secretary in the late 1990s, my most important task each "
            "week was to find one more importer willing to try Vietnamese cashews. Success was measured in containers. "
            "Three decades later, the scale has changed beyond recognition. ")


@pytest.mark.parametrize(("text", "headline", "first"), [
    # reads 50, 52 (s55): an opinion piece's anecdote in the first person, or its background, above its thesis
    (ANECDOTE + "Viet Nam's economic diplomacy now needs to shift from chasing trade volumes to securing technology.",
     "Economic diplomacy must chase know-how, not just numbers", "Viet Nam's economic diplomacy now needs"),
    ("For most of the past eight decades, consular work was regarded as a quiet corner of Vietnamese diplomacy. Its "
     "officers rarely made the headlines. That picture no longer holds: protecting citizens abroad has become a "
     "frontline task of Vietnamese diplomacy, and it must be funded as one.",
     "Protecting citizens abroad: a frontline task of Vietnamese diplomacy", "That picture no longer holds"),
    # near misses: news on a day before the argument; advice to the reader; an argument that shares too little with
    # the headline; an opening in the government's own voice ("our"), not a writer's
    (ANECDOTE + "The ministry on Monday launched a programme for exporters. Viet Nam's economic diplomacy needs to "
     "chase know-how.", "Economic diplomacy must chase know-how, not just numbers", "When I arrived"),
    (ANECDOTE + "If you export cashews, you need to know economic diplomacy and its numbers.",
     "Economic diplomacy must chase know-how, not just numbers", "When I arrived"),
    (ANECDOTE + "Exporters must now look further afield.", "Economic diplomacy must chase know-how, not just numbers",
     "When I arrived"),
    ("Patient safety is our top priority. Pregnant women should continue to follow existing NHS guidance on "
     "paracetamol.", "Paracetamol guidance for pregnant women unchanged", "Patient safety is our top priority"),
])
def test_an_opinion_pieces_anecdote_or_background_gives_way_to_the_thesis_its_headline_argues(text, headline, first):
    assert _first_statement(text, headline).startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # a review's near misses (s55): a news lead that reports an act on its day stays above a later dated sentence
    # that the headline paraphrases
    ("Prime Minister Pham Minh Chinh on Tuesday received a delegation of Japanese investors in Hanoi.\n\nEarlier on "
     "Tuesday, officials of the two countries signed deals on semiconductors and clean energy investment.",
     "Vietnam, Japan sign deals on semiconductors and clean energy", "Prime Minister Pham Minh Chinh"),
    # an opinion piece's near misses: a speaker's announcement, a delegation's "My", an interview's headline and
    # set-up, someone else's view reported, "It is time" at a sentence's start (which argues)
    ("I am pleased to announce a new AUD 10 million package for Mekong farmers. Australia and Viet Nam must keep "
     "working together on Mekong farmers' climate resilience.", "Australia, Viet Nam must work together on Mekong "
     "resilience", "I am pleased to announce"),
    ("My delegation welcomes the unanimous adoption of the resolution. All parties in South Sudan must ensure the "
     "safety of peacekeepers in South Sudan.", "All parties in South Sudan must ensure peacekeepers' safety",
     "My delegation welcomes"),
    ("When I met Hungarian Ambassador Ban Tamas at his residence this month, he was preparing to leave Ha Noi. "
     "Hungary and Viet Nam should double the number of scholarship places.", "Hungarian ambassador: Hungary and "
     "Viet Nam should double scholarship places", "When I met"),
    ("I have attended every ASEAN foreign ministers' meeting since 2015. Some argue that ASEAN should speak with "
     "one voice on the sea.", "Should ASEAN speak with one voice on the sea", "I have attended"),
    ("Back in 1995, I watched the two flags go up in Hanoi. It is time for Viet Nam and the United States to build a "
     "semiconductor partnership.", "Viet Nam and the United States: time for a semiconductor partnership",
     "It is time for Viet Nam"),
])
def test_news_on_its_day_and_a_speakers_words_stay_first_and_it_is_time_argues(text, headline, first):
    assert _first_statement(text, headline).startswith(first)


SCENE = ("Nguyen Van Tu still keeps the crumpled boarding pass from the flight that brought him home from Phnom Penh "
         "last November.\n\nThe 24-year-old had answered an online advertisement for a job paying 1,500 USD a month."
         "\n\nInstead, he spent seven months in a guarded compound near the coast.\n\n")


@pytest.mark.parametrize(("text", "first"), [
    # read 56 (s56): a feature's scene about one person above its nut graf, which makes the person one of many
    (SCENE + "Tu is one of more than 3,400 Vietnamese citizens whom consular officials helped bring home this year.",
     "Tu is one of more than 3,400"),
    (SCENE + "Tu, a welder from Nghe An province, is part of a growing number of returnees who sue their brokers.",
     "Tu, a welder from Nghe An province, is part"),
    ("When Mohamad Ismail Ka unpacked his dried catfish at a fair in Kuala Lumpur last month, buyers asked about "
     "certificates.\n\n\"Until we solve that, we start from zero,\" he said.\n\nHis experience explains why Vietnam "
     "is counting on Malaysia to open the halal market.",
     "His experience explains why"),
    # near misses: news with a day above it; a place or a body that is one of many (no full name above it); a name
    # the opening never gave in full
    ("Nguyen Van An, a student at Hanoi University, won a gold medal at the olympiad in Tokyo on May 5.\n\nAn is one "
     "of six Vietnamese students who took part.", "Nguyen Van An, a student"),
    ("Last year, within three months of taking office, the Prime Minister arrived in Ankara.\n\nWhy Turkey?\n\n"
     "Turkey is one of the world's fastest growing economies.", "Last year, within three months"),
    ("The handbrake from a vintage 1968 Ford Cortina has been used to steer a camera into the Prototype Fast Reactor "
     "(PFR).\n\nPFR is one of three reactors at the former centre.", "The handbrake from a vintage"),
    (SCENE + "Lan is one of 12 consuls honoured this year.", "Nguyen Van Tu still keeps"),
    # review 6 (s56): news leads with no day, an election or a sentence reported, above "X is one of …"
    ("Nguyen Thi Thanh Ha, Vietnam's former ambassador to the Netherlands, has been elected a member of the "
     "International Law Commission, the Ministry of Foreign Affairs said.\n\nThe vote took place in New York.\n\nHa "
     "is one of eight candidates from the Asia-Pacific Group to win a seat.", "Nguyen Thi Thanh Ha"),
    ("Vietnamese national Nguyen Van Hieu has been sentenced to 12 years in prison by a court in Taoyuan.\n\nThe "
     "court heard the case in April.\n\nHis case is typical of a growing number of drug prosecutions.",
     "Vietnamese national Nguyen Van Hieu"),
])
def test_a_features_scene_about_one_person_gives_way_to_its_nut_graf(text, first):
    assert _first_statement(text, "Homecoming: the long road back for Vietnamese lured abroad").startswith(first)


@pytest.mark.parametrize(("text", "headline", "first"), [
    # read 56 (s56): a thesis that sets what a thing is against what it is not, and a speaker's "I want to argue"
    ("When Washington announced new tariffs in April 2025, Vietnam was handed one of the highest rates. A year on, "
     "Hanoi's tariff talks look less like capitulation than like a case study in how to negotiate.",
     "How Hanoi's tariff talks became a case study", "A year on, Hanoi's tariff talks"),
    ("When I first came to Singapore as a young attaché in 1998, the region was in crisis. They have written ASEAN's "
     "obituary ever since. Tonight I want to argue that ASEAN's consensus is the price of keeping every member at "
     "the table.", "ASEAN's consensus: the price of keeping every member at the table", "Tonight I want to argue"),
    # near misses: the contrast in an opening that is news; a fact of the past and a comparison (review 6)
    ("When I first visited Jakarta in 1998, few believed in ASEAN. In those years the sea was not a subject for "
     "ASEAN's formal meetings but for quiet talks. Today ASEAN must speak with one voice on the sea.",
     "ASEAN must speak with one voice on the sea", "Today ASEAN must speak"),
    ("Thirty years ago, a few hundred Vietnamese studied in Australia. Today trade in education is growing less "
     "quickly than trade in goods. Both governments should put education at the heart of the partnership.",
     "Education should be at the heart of the partnership", "Both governments should"),
    ("Vietnam on Monday signed a deal with Laos that is not a treaty but a memorandum. It is less binding than "
     "earlier accords.", "Vietnam, Laos sign memorandum, not a treaty", "Vietnam on Monday signed"),
])
def test_an_opinion_pieces_thesis_may_set_what_is_against_what_is_not(text, headline, first):
    assert _first_statement(text, headline).startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 56 (s56): a press office's cover note, its notes to the press, a speaker's thanks for the introduction, a
    # summary widget's line
    ("Please find below the full text of the lecture delivered by the Deputy Minister on Thursday, 28 May 2026. "
     "Photos are available on request. Please attribute quotations to the Deputy Minister. ASEAN has kept every "
     "member at the table for thirty years.", "ASEAN has kept"),
    ("Thank you for your kind introduction and for inviting me to this great school. ASEAN has kept every member at "
     "the table.", "ASEAN has kept"),
    ("Read a summary of this article on FAST.\n\nSome 330,000 Vietnamese live in South Korea.", "Some 330,000"),
])
def test_a_releases_cover_note_notes_to_the_press_and_thanks_are_no_summary(text, first):
    assert _first_statement(text, "ASEAN at the crossroads").startswith(first)


def test_a_ministrys_introduction_of_a_speech_and_its_framing_give_way_to_what_it_announces():
    # read 55 (s56): "… respectfully introduces the full text of …", the speaker's framing, then "I want to announce"
    text = ("The Ministry of Foreign Affairs respectfully introduces the full text of the opening speech delivered "
            "by the Deputy Prime Minister at the conference.\n\nExcellencies, ladies and gentlemen,\n\nLet me begin "
            "with a simple observation.\n\nLast year, Viet Nam's foreign trade exceeded 900 billion US dollars.\n\n"
            "Today, I want to announce that from 1 July, every embassy abroad will be paired with a province.")
    article = ingest_text(text, "s")
    assert _first_statement(article.summary_text, "Economic diplomacy for localities").startswith("Today, I want to")


def test_a_speech_that_opens_with_a_warm_welcome_gives_way_to_what_it_announces():
    # read 58 (s56): "On behalf of the Government, I warmly welcome more than 400 of you …" above the announcement
    text = ("On behalf of the Government, I warmly welcome more than 400 of you, who have travelled from 32 countries."
            "\n\nMany of you have left your laboratories for several days.\n\nToday, I am pleased to announce that the "
            "Government has approved a programme to attract overseas Vietnamese experts.")
    assert _first_statement(text, "Programme to attract overseas experts").startswith("Today, I am pleased")


@pytest.mark.parametrize(("text", "first"), [
    # read 58 (s56): a thesis the writer marks as one, below an opening that is neither a memory nor history
    ("Consensus has kept ASEAN together for nearly six decades. It has also slowed it down. My argument is simple: "
     "Vietnam should help ASEAN build a fast core of willing members.", "My argument is simple"),
    # a feature's scene whose broth "has been simmering" tells no news: its nut graf follows
    ("At 5am, Tran Van Khoa is already skimming the broth that has been simmering since midnight.\n\nThe beef bones "
     "come from a butcher in Rungis.\n\nKhoa is one of 30 overseas Vietnamese chefs named this month as cuisine "
     "ambassadors.", "Khoa is one of 30"),
])
def test_a_marked_thesis_and_a_scene_that_tells_no_news(text, first):
    assert _first_statement(text, "Vietnam should help ASEAN build a fast core").startswith(first)


@pytest.mark.parametrize("opening", [
    # review 7 (s56): a feature's scene whose relative clause tells something done, or whose subject "says" it
    "Nguyen Thi Lan walks past the courthouse where she has just defended a Vietnamese worker.",
    "\"I count the days,\" says Tran Thi Huong, who cleans offices in Osaka at night.",
])
def test_a_scenes_clause_or_present_says_is_no_news_above_its_nut_graf(opening):
    text = (f"{opening}\n\nThe case took eight months.\n\nHer name is known to every migrant in the district.\n\n"
            "Lan is one of five consular officers who handled 2,300 requests last year.")
    text = text.replace("Lan is one", "Huong is one") if "Huong" in opening else text
    assert _first_statement(text, "The consul who never sleeps").startswith(("Lan is one", "Huong is one"))


HISTORY = ("In July 1995, when Vietnam's flag was raised for the first time beside those of ASEAN's members, few "
           "expected the bloc to face the trade it faces today. Yet that is where the region finds itself. Vietnamese "
           "missions brought home 4,360 citizens from scam compounds in 2024 and 2025. ")


@pytest.mark.parametrize(("text", "headline", "first"), [
    # read 62 (s57): an op-ed's history dated a decade back above a thesis that touches a figurative headline
    (HISTORY + "Vietnam should use the ASEAN meeting in July to push for a binding protocol on rescues.",
     "A safer ASEAN starts with the people it cannot see", "Vietnam should use the ASEAN meeting"),
    ("On 11 January 2007, Vietnam became the 150th member of the World Trade Organization. By 2026 its exports had "
     "grown twelvefold. Vietnam should join the interim appeal arrangement this year.",
     "Why Vietnam should back the WTO's stopgap court in 2026", "Vietnam should join the interim"),
    # near misses: history of the same year as the news; a thesis that shares no word with the headline; a reported
    # view
    ("In July 2025, Vietnam and ASEAN agreed to a rescue plan. Vietnam should use the ASEAN meeting to push for a "
     "binding protocol.", "A safer ASEAN starts with the people it cannot see", "In July 2025"),
    (HISTORY + "Exporters should look further afield.", "A safer ASEAN starts with the people it cannot see",
     "In July 1995"),
    (HISTORY + "ASEAN should adopt a protocol, the minister said.",
     "A safer ASEAN starts with the people it cannot see", "In July 1995"),
])
def test_an_op_eds_history_a_decade_back_gives_way_to_its_thesis(text, headline, first):
    assert _first_statement(text, headline).startswith(first)


def test_a_speakers_thanks_with_a_relative_clause_that_says_is_no_statement():
    # read 61 (s57): ", whose namesake once said …" read as an attribution, so the thanks were the summary
    assert not is_statement("Thank you for inviting me to this distinguished school, whose namesake once said that a "
                            "small country must make itself relevant to survive.")
    assert is_statement("“Thank you to all who helped us,” the minister told reporters on Monday.")  # (news, as before)


LEAD80 = "Vietnam and Chile will launch negotiations on upgrading their free trade agreement on July 20."


@pytest.mark.parametrize(("text", "first"), [
    # an interview's set-up that tells no news, a cover note on written answers, a podcast's greeting (read 80)
    (f"On the occasion of the 55th anniversary of relations, a VNA correspondent in Santiago interviewed Ambassador "
     f"Truong Minh Khoa.\n\nQ: What will the visit bring?\n\nA: {LEAD80}", LEAD80),
    (f"Deputy Minister Luu Bao Ngan granted an interview to the Government Portal on the results of economic "
     f"diplomacy.\n\nQ: What are the results?\n\n{LEAD80}", LEAD80),
    (f"Ambassador Bui Van Nghia talked to VIR's Ngoc Lan about the road ahead.\n\nWhat comes next?\n\n{LEAD80}",
     LEAD80),
    (f"Further to your e-mail of 8 July, please find below the written answers of the Deputy Minister.\n\n{LEAD80}",
     LEAD80),
    (f"Hi everyone, and welcome to Diplomacy Dialogues. {LEAD80}", LEAD80),
    (f"The next regular press conference will be held on Thursday, July 30. {LEAD80}", LEAD80),
    # a speaker's label with Vietnamese capitals before the answer
    (f"VNA correspondent: What were the outcomes?\n\nAmbassador Nguyễn Đình Khải: {LEAD80}", LEAD80),
    # news that these rules leave alone
    (f"Prime Minister Pham Minh Chinh gave an interview to Reuters in which he announced a new fund. {LEAD80}",
     "Prime Minister Pham Minh Chinh gave an interview to Reuters"),
    (f"The minister spoke to reporters after the talks and said trade would double. {LEAD80}", "The minister spoke"),
    (f"Police interviewed 12 witnesses after the crash near the border. {LEAD80}", "Police interviewed 12"),
    (f"The next press conference will be held in Hanoi, where the minister will sign a visa deal with Japan and open "
     f"new flights. {LEAD80}", "The next press conference"),
    # a second review's (s61): a set-up that states the news, a briefing's date with news, answers' news after a colon
    (f"Ambassador Le Van Minh spoke to a VNA correspondent in Canberra, announcing that Viet Nam will open a consulate "
     f"in Perth. {LEAD80}", "Ambassador Le Van Minh spoke"),
    (f"The next regular press conference will be held on July 30 at the ministry's new headquarters. {LEAD80}",
     "The next regular press conference"),
    (f"Hi everyone, welcome to Viet Nam: with these words border officers greeted the first tourists on Monday. "
     f"{LEAD80}", "Hi everyone, welcome to Viet Nam"),
])
def test_an_interviews_set_up_cover_note_and_greeting_are_no_lead(text, first):
    assert _chosen(text)[0].startswith(first)


@pytest.mark.parametrize(("text", "first"), [
    # read 86 (s62): a reception's "Good evening, and a very warm welcome …" above its thanks, history and its news
    ("Good evening, and a very warm welcome to all of you.\n\nOn behalf of the Embassy, I would like to thank you for "
     "joining us tonight.\n\nFifty years ago, Viet Nam and Germany established diplomatic relations.\n\nTonight, I am "
     "pleased to announce that Viet Nam and Germany have agreed to launch a skilled-worker programme.",
     "Tonight, I am pleased"),
    # a forum's remarks under the lines of those addressed ("Your Excellency …,"), then history, then a proposal
    ("Your Excellency Prime Minister of the Republic of Korea,\n\nChairman of the Korea Chamber of Commerce,\n\nIt "
     "gives me great pleasure to return to Seoul.\n\nMore than thirty years ago, our two countries established "
     "relations.\n\nToday, Korea is Viet Nam's largest investor.\n\nIn this context, I propose that our two "
     "countries work "
     "towards two-way trade of 200 billion US dollars by 2030.", "In this context, I propose"),
    # "I hereby announce", "I am glad to share that", and a General Debate's announcement after twenty-odd statements
    ("Protecting citizens abroad is a long tradition of our diplomacy.\n\nLast year we assisted 18,000 citizens.\n\n"
     "I hereby announce that from 1 July the hotline will run in twelve languages.", "I hereby announce"),
    ("Excellencies, ladies and gentlemen,\n\nFifty years ago, New Zealand and Viet Nam established relations.\n\nI am "
     "glad to share that our two Governments have agreed to a new trade target of NZ$4 billion.", "I am glad to share"),
    ("At the outset, on behalf of the Vietnamese delegation, allow me to extend my warmest congratulations to you, Mr. "
     "President, on your election.\n\n" + "".join(f"Viet Nam has worked with partners on matter number {n} for years. "
                                                  for n in range(22))
     + "\n\nToday, I wish to announce that Viet Nam will deploy a field hospital to South Sudan in 2026.",
     "Today, I wish to announce"),
])
def test_a_speech_announces_after_a_welcome_its_addressees_or_a_long_review(text, first):
    assert _first_statement(text, "Speech at the reception").startswith(first)


def test_an_op_ed_far_down_that_proposes_is_no_speech_announcement():
    # (the wider reach is for speeches only: an op-ed in the first person keeps its lead)
    text = ("Vietnam's trade with Korea has grown tenfold in two decades, our analysis shows.\n\n"
            + "".join(f"Point number {n} of the analysis concerns the supply chains of the region. " for n in range(12))
            + "\n\nI propose that Viet Nam host a regional forum on supply chains in 2027.")
    assert _first_statement(text, "Trade with Korea").startswith("Vietnam's trade with Korea")


def test_a_radio_bulletins_station_id_and_headlines_give_way_to_its_first_story():
    # read 88 (s62): "This is the Voice of Vietnam …", "Here are the main points …" and the headlines read above the
    # stories were the summary
    text = ("ANNOUNCER: This is the Voice of Vietnam, broadcasting from Hanoi, the capital of Viet Nam.\n\n"
            "Here are the main points of this bulletin. The National Assembly Chairman is in New Zealand. Fishermen "
            "rescued off the Philippines are on their way home. Now the details.\n\nNational Assembly Chairman Phan "
            "Đình Khiêm and the Speaker of New Zealand agreed in Wellington on Monday to expand scholarships.")
    assert _first_statement(text, "Morning news").startswith("National Assembly Chairman Phan")
    assert not is_statement("You're listening to VOV World.")
    assert is_statement("This is the first visit by a Vietnamese leader to New Zealand in ten years.")


def test_a_features_scene_on_a_warm_evening_gives_way_to_its_news():
    # read 90 (s62)
    scene = "On a warm April evening in Riyadh, the lobby of the conference centre is full of traders with samples."
    text = (f"{scene}\n\nVietnam and Saudi Arabia agreed on Monday to launch talks on an investment agreement before "
            "the end of 2025.")
    assert _first_statement(text, "Vietnam eyes halal role").startswith("Vietnam and Saudi Arabia agreed")
    # (a review's: news on a named day's warm evening, and at a time of a cold morning, keep their leads)
    for lead in ("On a warm Thursday evening in Vientiane, Vietnam and Laos closed their Friendship Year with a gala.",
                 "Shortly after nine on a cold Saturday morning, Vietnamese army rescuers pulled a girl alive from the "
                 "rubble."):
        assert _first_statement(f"{lead}\n\nThe programme included 40 events.", "Vietnam, Laos close year") == lead


@pytest.mark.parametrize(("opening", "thesis"), [
    # read 89 (s62): op-eds whose thesis follows a scene, a quotation or an anecdote, argued as "… will only … if …",
    # "Far from being …", "… grounded not in … but in …", "… depends less on … than on …"
    ("At five in the morning, the packing shed behind the orchard already smells of ripe pomelo.",
     "Economic diplomacy will only keep its promise for farmers if trade deals reach the farm gate."),
    ("\"ASEAN is a house in which nobody owns the key,\" a veteran envoy once said.",
     "Far from being a sign of indecision, Vietnam's balancing in ASEAN is a strategy that serves farmers."),
    ("When agronomist Phạm Văn Tuấn first arrived in Nampula in 2011, he brought three suitcases of seeds.",
     "Vietnam's trade diplomacy with farmers is grounded not in aid but in shared harvests."),
])
def test_an_op_eds_thesis_after_a_scene_a_quotation_or_an_anecdote(opening, thesis):
    text = f"{opening}\n\nThe scene repeats itself across the delta every season.\n\n{thesis}"
    assert _first_statement(text, "Trade diplomacy must reach farmers in Vietnam").startswith(thesis[:30])


def test_a_news_lead_with_a_scene_word_keeps_its_lead_over_a_later_should():
    # (the wider openings are a scene's, not news: a dated act stops the search)
    text = ("On a rainy morning in Hanoi, the Foreign Ministry on Monday announced a new trade programme for farmers."
            "\n\nOfficials said the programme should reach farmers in Vietnam's delta by 2026.")
    assert _first_statement(text, "Trade programme for farmers in Vietnam").startswith("On a rainy morning")


@pytest.mark.parametrize("line", ["Today's briefing is chaired by Spokesperson Vu Thanh Mai.",
                                  "Please keep your phones on silent.", "Madam Spokesperson, the floor is yours."])
def test_a_briefings_chair_and_housekeeping_are_no_statement(line):
    # read 91 (s62): a transcript's moderator gave these as the summary
    assert not is_statement(line)
    assert is_statement("The briefing was told that 300 citizens had been evacuated from the city on Monday.")


def test_an_interviews_scene_on_a_named_day_is_passed_over():
    # read 90 (s62): "On a Saturday morning in Hanoi, Ambassador … arrives at the interview carrying …"
    text = ("On a Saturday morning in Hanoi, Ambassador Lucía Herrera Campos arrives at the interview carrying a small "
            "clay jar.\n\nMexico's National Autonomous University will open its first Vietnamese language programme in "
            "2026, the ambassador said.")
    assert _first_statement(text, "Ambassador on Vietnamese culture in Mexico").startswith("Mexico's National")
    news = ("On a Saturday morning in Hanoi, the Prime Minister received the Mexican ambassador, who arrives next "
            "week.\n\nThe two discussed trade.")
    assert _first_statement(news, "Prime Minister receives ambassador").startswith("On a Saturday morning")


def test_a_scene_on_a_named_days_drizzly_morning_is_passed_over_but_not_its_news():
    # read 73 and review 1 (s62): the weekday stays in a scene's time; what is done in it makes it news
    scene = ("On a drizzly Tuesday morning, 14 Vietnamese officials in matching navy windbreakers filed past the "
             "clean-room windows of a chip plant in Kumamoto.\n\nThe visit was the opening leg of a new campaign in "
             "which Vietnam's Foreign Ministry is courting Japanese chip suppliers.")
    assert _first_statement(scene, "Vietnam sends envoys to Kyushu").startswith("The visit was")


def test_review_2_of_s62_housekeeping_after_an_address_and_a_chair_being_named():
    assert not is_statement("Ladies and gentlemen, please switch off your mobile phones.")
    assert not is_statement("Today's briefing is being chaired by Spokeswoman Pham Thu Hang.")
    assert is_statement("Please switch off the lights in the hall after the reception, the embassy said.")

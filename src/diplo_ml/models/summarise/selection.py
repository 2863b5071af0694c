"""Choosing summary sentences: the greedy ROUGE oracle (training labels) and budgeted selection in document order."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from diplo_ml.data.datelines import (
    MONTHS,
    OUTLET_PATTERN,
    OUTLETS,
    TOLD_YEAR,
    WEEKDAYS,
    dateline_matches,
    marks_a_lead,
    strip_dateline,
    strip_page_header,
)
from diplo_ml.data.language import mostly_vietnamese, vietnamese_text
from diplo_ml.data.page_kind import OPINION
from diplo_ml.data.page_noise import (
    ATTRIBUTED,
    BARE_CREDIT,
    BYLINE,
    CAPTION,
    COOKIES,
    FOOTNOTE,
    FOOTNOTE_MARK,
    FULL_TEXT_HEADING,
    FULL_TEXT_OF,
    LEADING_CREDIT,
    MEDIA_OR_EMBARGO,
    OFFICE_TITLES,
    PICTURED,
    PROMPT,
    QUESTION_PREFIX,
    RELATED_LINK,
    SITE_WELCOME,
    SOURCE_CREDIT,
    SPEAKER,
    STORY_NOTE,
    STORY_VERB,
    WIRE_NOTICE,
    credited_caption,
    is_caption,
    is_salutation,
    labelled_caption_sentence,
    not_a_standfirst,
    source_note,
    without_end_mark,
)
from diplo_ml.metrics.rouge_core import f_measure, ngrams, tokens
from diplo_ml.models.summarise.trim import cut_to_budget, has_verb
from diplo_ml.text import split_sentences


def oracle_labels(sentences: Sequence[str], reference: str, max_sentences: int = 3) -> list[int]:
    """Greedy ROUGE oracle: 1 for the sentences whose union best matches ``reference``, else 0.

    Adds, one at a time, the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F (stemmed tokens,
    n-grams counted per sentence); stops when no sentence raises it or ``max_sentences`` are chosen.
    """
    ref_tokens = tokens(reference)
    refs = [ngrams(ref_tokens, n) for n in (1, 2)]
    grams = [[ngrams(toks, n) for n in (1, 2)] for toks in map(tokens, sentences)]
    labels = [0] * len(sentences)
    chosen: list[Counter] = [Counter(), Counter()]
    best = 0.0
    while sum(labels) < max_sentences:
        pick, pick_score = -1, best
        for i, sentence_grams in enumerate(grams):
            if labels[i]:
                continue
            score = sum(f_measure(chosen[k] + sentence_grams[k], refs[k]) for k in range(2)) / 2
            if score > pick_score:
                pick, pick_score = i, score
        if pick < 0:
            break
        labels[pick] = 1
        best = pick_score
        chosen = [chosen[k] + grams[pick][k] for k in range(2)]
    return labels


def select_indices(sentences: Sequence[str], scores: Sequence[float] | np.ndarray, budget_words: int | None = None,
                   max_sentences: int | None = None) -> list[int]:
    """Indices (in document order) of the highest scoring sentences that fit ``budget_words`` (at most
    ``max_sentences``). Sentences that would overrun the budget are skipped, not cut; non-finite scores mark
    sentences that may not be chosen; ties go to the earlier sentence. Empty when none fits."""
    values = np.asarray(scores, dtype=np.float64)
    order = [i for i in np.argsort(-values, kind="stable") if np.isfinite(values[i])]
    limit = max_sentences if max_sentences and max_sentences > 0 else len(order)
    chosen: list[int] = []
    used = 0
    for i in order:
        if len(chosen) >= limit:
            break
        size = len(sentences[i].split())
        if budget_words and used + size > budget_words:
            continue
        chosen.append(int(i))
        used += size
    return sorted(chosen)


def select_in_order(sentences: Sequence[str], scores: Sequence[float] | np.ndarray,
                    budget_words: int | None = None, max_sentences: int | None = None) -> str:
    """The sentences :func:`select_indices` chooses, joined; when even the best one is too long it is returned
    cut to the budget (:func:`~.trim.cut_to_budget`), so a non-empty text never gives an empty summary."""
    chosen = select_indices(sentences, scores, budget_words, max_sentences)
    if chosen:
        return " ".join(sentences[i] for i in chosen)
    values = np.asarray(scores, dtype=np.float64)
    finite = np.isfinite(values)
    if not finite.any():
        return ""
    best = int(np.argmax(np.where(finite, values, -np.inf)))
    return cut_to_budget(sentences[best], budget_words)


# statements ----------------------------------------------------------------------------------------------------

# what a speech, a briefing or a page says that is not news: "Thank you, President.", "Good afternoon, everyone.",
# "Statement made by the Minister for Development and Africa on 12 February 2024.", "(The briefing ended at 2:41 p.m.)"
# "I have one announcement at the top.", "Just a couple of things before we begin."
# a briefing's welcome and its order of business, at any length: "Good afternoon, ladies and gentlemen, and welcome to
# the regular press briefing.", "The spokesperson will first make an announcement, then take your questions."
WELCOME = re.compile(r"^(?:good (?:morning|afternoon|evening|day)\b[^.!?]{0,80}?,? and )?welcome (?:back )?"
                     r"(?:to|everyone|all)\b[^.!?,;]{0,60}\b(?:briefing|press conference|conference|meeting|session"
                     r"|event|ceremony|forum|programme|program|show|(?:live )?coverage|live ?blog|live updates)\b"
                     r"|^(?:the |our )?(?:deputy )?(?:spokes(?:person|man|woman)|moderator)\b[^.!?]{0,40}\bwill "
                     r"(?:first |now |then )?(?:make|read|give|deliver|begin with|start with|take)\b[^.!?]{0,40}"
                     r"\b(?:announcements?|questions|statements?)\b"
                     # (reads 94, 97: "Today I would like to begin with some announcements on Viet Nam's external
                     # activities.", "Before taking your questions, I would like to make the following announcements.")
                     r"|^(?:today,? |before (?:taking|I take|we take) (?:your |any )?questions,? )?(?:I|we) would like"
                     r" to (?:begin with|start with|make|give) (?:some|a few|the following|several|two|three) "
                     r"announcements?(?: on [^.!?:]{0,80})?[.:]?$"
                     r"|^(?:(?:I|we) (?:have|have got|'ve got) )?(?:one|two|three|a|a couple of|a few)(?: brief| quick"
                     r"| short)? (?:announcements?|things?|items?|updates?)\b[^.!?]{0,60}\b(?:at the top|to start"
                     r"|before (?:we|I) (?:take|turn to|go to)|to begin)\b"
                     r"|^(?:I|we) (?:have|have got|'ve got) (?:one|two|three|a|a couple of|a few)(?: brief| quick"
                     r"| short)? (?:announcements?|things?|items?|updates?)\b[^.!?]{0,60}\bat the (?:beginning|start"
                     r"|outset)\b"
                     # a briefing's start (read 113: "Ladies and gentlemen, we are starting now.")
                     r"|^(?:(?:ladies and gentlemen|everyone|good (?:morning|afternoon|evening)),? )?(?:we are|we're"
                     r"|let's|let us|I (?:will|would like to)) (?:starting|beginning|begin|start|get started)(?: now"
                     r"| the (?:briefing|press conference|session))?[.!]?$"
                     # a mission's letter's greetings (read 107: "The Embassy of … extends its warm greetings to the
                     # Vietnamese community … and sincerely thanks …"; not a note verbale's "… presents its
                     # compliments to the Ministry … and has the honour to request …", its news)
                     r"|^(?:the )?[^.!?]{0,160}?\b(?:extends?|sends?|conveys?) (?:its|his|her|their|our) "
                     r"(?:warm(?:est)? |best |sincere |cordial |respectful )?(?:greetings|regards)\b"
                     r"(?![^.!?]*\b(?:informs?|announces?|notif(?:y|ies)|advises?|reminds?|will|would like to)\b)",
                     re.IGNORECASE)
COURTESY = re.compile(r"^(?:(?:well|so|and|once again|again),? )?(?:thank you|thanks(?! to\b)"
                      r"|good (?:morning|afternoon|evening|day)|xin chào|chúc mừng năm mới|welcome (?:to|back)\b"
                      r"|magandang (?:umaga|hapon|gabi)|selamat (?:pagi|siang|petang|malam|datang)|sawasdee|mabuhay"
                      # other languages' greetings a speech opens with (read 30: "Tēnā koutou, tēnā koutou …")
                      r"|(?:t[eē]n[aā] koutou|kia ora|talofa|m[aā]l[oō] e lelei|namaste|namaskar(?:am)?"
                      r"|as-?salamu? ?(?:alaikum|alaykum)(?: wa ?rahmatullahi)?(?: wa ?barakatuh)?"
                      r"|sabaidee|mingalaba|chum reap suor|konnichiwa|ni hao|annyeong\w*|bonjour"
                      r"|buenos d[ií]as|buenas (?:tardes|noches)|dobr[ýy] (?:den|ve[čc]er)|guten (?:tag|abend|morgen)"
                      r"|bonsoir|buona ?sera|buongiorno|bom dia|boa (?:tarde|noite)|dzie[ńn] dobry)"
                      r"(?=\s*(?:[,!.]|$|koutou|katoa|everyone|all\b|friends|ladies|tatou|and\b))"
                      r"|happy (?:lunar )?new year|merry christmas|season'?s greetings"
                      r"|enjoy (?:the|your|this) (?:read|reading|issue|newsletter|weekend)\b"
                      r"|it(?: is|['’]s) (?:great|good|wonderful|nice|lovely) to (?:be (?:here|back|with|in|at)|see)\b"
                      r"|(?:I have|I've got|just|let me (?:start|begin) with) (?:one|two|three|a|a couple of|a few)"
                      r"(?: brief| quick| short)? (?:announcements?|things?|items?|updates?)\b)", re.IGNORECASE)
# a briefing's order of business, however long its list: "I have three items today: the return of …, the Foreign …"
ORDER_OF_BUSINESS = re.compile(r"^(?:I have|I've got|we have|let me (?:start|begin) with) (?:one|two|three|four|five"
                               r"|a few|a couple of|several) (?:brief |quick |short )?(?:announcements?|items?|things?"
                               r"|updates?)\b[^:.]{0,30}:", re.IGNORECASE)
# a speaker's thanks and courtesies before the point of a speech: "I thank the Secretary-General for his briefing.",
# "We would also like to thank Indonesia for …", "It is a great honour for me to address this meeting …", "Allow me to
# begin by congratulating …" ("It is a pleasure to announce …" and "I welcome this step" are news)
SPEECH_COURTESY = re.compile(
    # "Thank you, President, and thank you to our briefers …", "Thank you for joining us at this late hour …"
    # "A big thank you to the more than 200 of you who came …", "Apologies for the delay; …" (read 76's mails)
    # (not "A big thank you to Vietnam's rescue team came from …", "Many thanks to Japanese ODA, the bridge …": review)
    r"^(?:(?:a (?:very )?(?:big|huge|special|warm|heartfelt|sincere) )thank you(?:,|\s+(?:all|everyone)\b| to\b"
    r"(?![^.!?]*\b(?:came|comes|went|goes) (?:from|out)\b))"
    r"|thank you(?:,| to\b| all\b| (?:very|so) much\b| for joining us\b"
    # "Thank you for your kind introduction and for inviting me to …" (read 56)
    r"| for (?:your|the|this) (?:very )?(?:kind |warm |generous )?(?:introduction|invitation|welcome|words"
    r"|hospitality)\b| for (?:inviting|having|hosting|welcoming) (?:me|us)\b)"
    r"|many thanks to (?:all|everyone|you|our|those|each|the (?:more than |over )?\d|[^.!?,]{1,60}? for\b)"
    r"|(?:(?:my|our) )?(?:sincere |many )?apologies for (?:the|my|our) (?:late|slow|delay)(?![^.!?]*\b(?:were|was"
    r"|have been|has been) (?:issued|made|offered|given|sent)\b)"
    r"|(?:I am|I'm|I’m|we are|we're|we’re) (?:so |very )?sorry for (?:the|my|our) (?:late|slow|delay)"
    r"|(?:I|we)(?:,? (?:would|should|must|also|like|wish|want|to|first|of|all|sincerely|warmly|once|again"
    r"|too)){0,6},? (?:thank|congratulate|commend)\b"
    r"|(?:I|we) (?:also )?(?:especially|particularly|specially|deeply|heartily|cordially) thank\b"  # (read 68)
    r"|it(?: is|['’]s) (?:a|an|my|our) (?:great |real |special |distinct |particular |true )?(?:honou?r|pleasure"
    r"|privilege|joy)(?: and (?:a |my |our )?(?:great )?(?:honou?r|pleasure|privilege))?"
    r"(?: for (?:me|us|my delegation|our delegation))? to (?:be here|be back|be with|return|visit"
    r"|be in (?-i:(?=[A-Z])(?!Government|Parliament|Office|Power|Charge|Cabinet|Opposition|Congress))|welcome|address"
    r"|speak|join|attend|take part|participate|stand|represent|deliver|(?:receive|host|greet|meet|have) you)\b"
    r"|(?:(?:first of all|first|on this occasion|at the outset|once again|today),? )?"
    r"(?:on behalf of [^.!?]{3,160}?, )?(?:I|we)(?: would like to| wish to)?(?: warmly| sincerely| cordially|"
    r" heartily)? (?:welcome|extend (?:a |my |our )?(?:(?:most |very )?(?:warm|warmest|cordial|sincere|heartfelt) )?"
    r"welcome to) (?:you|all|everyone|our (?:distinguished )?guests|the distinguished|the delegates|the delegation"
    r"|(?:his|her|your) excellency|their excellencies|the (?:president|prime minister|high-ranking)|mr\b|madam)\b"
    # "I warmly welcome 120 young overseas Vietnamese …" (read 32), people, not a decision or a ceasefire
    r"|(?:(?:first of all|first|on this occasion|at the outset|once again|today),? )?(?:on behalf of [^.!?]{3,160}?, )?"
    r"(?:(?:I|we)(?: would like to| wish to)?|let me|allow me to) (?:warmly|sincerely|cordially|heartily) welcome"
    r" (?:you|all|everyone|our|the|[\d,]+)\b(?![^.!?]*\b(?:decision|agreement|ceasefire|cease-fire|deal|adoption"
    r"|announcement|release|move|step|outcome|resolution|statement|news|election|appointment|launch|signing)\b)"
    # "I know many of you have had a long day, so we will try to keep this brief." (read 33)
    r"|(?:I know [^.!?]{0,80}?,? )?(?:so )?(?:I|we)(?:['’]ll| will| shall)? (?:try to |aim to )?keep (?:this|it|my"
    r" remarks|my comments|our remarks)(?: very)? (?:brief|short)\b"
    r"|it is with (?:great |deep |real |sincere )?(?:pleasure|joy|honou?r|delight) that (?:I|we)\b"
    # a briefing's opening on what comes, and no more: "I would like to begin with an announcement." (read 49)
    r"|(?:I would like to|I'd like to|let me|allow me to) (?:start|begin|open)(?: today| this briefing"
    r"| today's briefing)? (?:with|by making) (?:an?|one|two|three|a few|some|a couple of) (?:brief |quick |short )?"
    r"(?:announcements?|items?|updates?|things?)(?: (?:today|this (?:morning|afternoon)))?[.!]?$"
    # "I would like to extend my warmest greetings to all of you.", "On this occasion, I would like to send my sincere
    # greetings and best wishes to all distinguished guests."
    r"|(?:(?:first of all|on this occasion|at the outset|once again),? )?(?:on behalf of [^.!?]{3,160}?, )?"
    r"(?:I|we)(?: would like to| wish to| want to)?(?: also| first)? (?:extend|send|convey|offer|express)"
    r"(?: to you(?: all)?)? (?:my|our|a|the)"
    r"(?: (?:warmest|warm|sincere|sincerest|cordial|best|heartfelt|respectful|kindest|new year))*"
    r" (?:greetings|welcome|regards|wishes)\b"
    r"|(?:please )?(?:allow|let) me(?: first| first of all| at the outset| once again| also)?,? (?:to )?"
    r"(?:begin|start)? ?(?:by )?"
    r"(?:thank|express|congratulat|join|extend|send|convey|welcome)"
    r"|(?:first of all|at the outset),? (?:I|we|let me|allow me)\b[^.]{0,40}\b(?:thank|congratulat)"
    # "Your presence is a testament to the friendship between Viet Nam and Australia." (a host to the guests)
    r"|your (?:presence|attendance|participation|being here)\b[^.!?,;]{0,40}?"  # ("… with us tonight")
    r" (?:is|are) (?:a |an |the )?(?:clear |true |strong |vivid |living )?(?:testament|testimony|sign|reflection|proof"
    r"|honou?r|tribute|symbol|demonstration)\b"
    r"|(?:I am|I'm|I’m|we are|we're|we’re) (?:very |most |truly |deeply |greatly |so )?(?:pleased|delighted|happy"
    r"|glad|honou?red|privileged) to (?:be here|be with|be back|join|attend|address|speak|take part|participate"
    r"|represent"
    r"|deliver)\b)",
    re.IGNORECASE)
# a statement's procedural opening: "With permission, Mr Speaker, I will make a statement on …", "My Rt Hon Friend the
# Minister … has today made the following Written Ministerial Statement.", "Chair, I have the honour of delivering this
# statement on behalf of France, Germany and the United Kingdom.", "We associate ourselves with the statement …"
PROCEDURAL = re.compile(r"^(?:with permission,? (?:mr|madam) (?:deputy )?speaker,? (?:i|we) (?:will|shall|would like to"
                        r"|wish to) (?:make|update)"
                        r"|my (?:rt\.? hon\.?|right honourable|hon\.?|noble) (?:and \w+ )?(?:friend|colleague|lord)\b"
                        r"[^.!?]{0,200}\bmade the following\b"
                        r"|(?:\w[\w ]{0,30}, )?(?:i|we) (?:have|has) the (?:honou?r|privilege) (?:of|to) "
                        r"(?:deliver|make|read|present|speak)"
                        # "Viet Nam aligns itself with the statements delivered on behalf of ASEAN …" (not reported:
                        # "…, the spokesperson said", nor with a call of its own: "… and calls for a ceasefire")
                        r"|(?:[\w’'. -]{1,40} )?(?:aligns?|associates?) (?:itself|myself|ourselves|themselves) "
                        r"(?:fully )?with the (?:\w+ )?statements?\b(?![^.!?]*\b(?:said|says|told|stated|according"
                        r"|calls?|urges?|condemn\w*|welcomes?)\b))", re.IGNORECASE)
# a briefing's housekeeping (read 91): "Please keep your phones on silent.", "Madam Spokesperson, the floor is yours."
HOUSEKEEPING = re.compile(r"^(?:please )?(?:keep|switch|turn|put|set)(?: off)? (?:your |all )?(?:mobile )?"
                          r"(?:phones?|devices?)"
                          r"\b[^.!?]{0,40}[.!]$|^(?:[\w.]+ ){0,3}[\w.]+, the floor is yours[.!]$", re.IGNORECASE)
# what a page says of itself before the article: "Editor's note: As Vietnam sets …", "Vietnam News Agency introduces
# the full text of the speech …", "Vietnam Plus presents an article by Deputy Foreign Minister …"
EDITOR_NOTE = re.compile(r"^\[?(?:editor|translator|author|publisher)['’]?s['’]? note\s*[:.–—-]", re.IGNORECASE)
# ("[Translator's note: This is an unofficial English translation …]", "Author's note: One of the authors …", reads
# 38-39)
# the same after the headline, as in a page whose lines were joined ("Economic diplomacy - driving force for growth
# Editor's note: As Vietnam sets …")
HEADED_EDITOR_NOTE = re.compile(r"^[^.!?]{3,200}?\s(?:Editor['’]?s['’]? [Nn]ote|Correction|CORRECTION|Clarification)"
                                r"\s*[:–—-]")
INTRODUCES_TEXT = re.compile(r"^(?:(?:On the occasion of|To mark|Marking|Ahead of)\b[^.!?]{3,160}?,\s+)?"  # (read 78)
                             r"(?:The )?(?:Vietnam News Agency|VNA|Vietnam ?Plus|VietnamPlus|Vietnam\+|Nhan Dan(?: "
                             r"Online)?|NDO|VOV(?: ?World)?|The World (?:&|and) Vietnam Report|WVR|Viet Nam News|VNS"
                             r"|(?:[A-Z][\w&+.'’-]*\s+){1,4}(?:News Agency|Newspaper|Online|Radio|Television|Portal"
                             r"|Magazine|Times|News)|We|This (?:newspaper|website|site|page))\s+"
                             r"(?:respectfully\s+|is pleased to\s+|would like to\s+)?(?:introduces?|presents?"
                             r"|publishes|brings|offers|carries)\s+(?:readers\s+|you\s+)?(?:the\s+)?(?:full\s+text"
                             r"|text|transcript|(?:an?|the)\s+(?:article|interview|op-ed|commentary|speech|remarks|address"
                             r"|piece|opinion|statement)s?)\b")
# what says an op-ed was written, above its text: "On the occasion of …, Foreign Minister Le Hoai Nam wrote an article
# titled "From participant to shaper: …"." (read 44; not "… wrote an article criticising …" as news of a row: a title)
_WROTE = (r"^(?![^.!?]*\b(?:who|which|that) (?:wrote|has written|penned|authored)\b)[^.!?]{0,200}?\b"
          r"(?:wrote|has written|penned|authored) (?:an? |the )(?:article|op-ed|essay|commentary)")
WROTE_ARTICLE = re.compile(_WROTE + r" (?:titled|entitled|headlined) (?:[\"“][^\"“”]{3,200}[\"”]|‘[^‘]{3,200}’)"
                                    r"\.?[\"”’]?$")
# the same naming the article's subject: "… wrote an article on the role of translated literature in …" (read 50),
# only above an outlet's "… respectfully introduces …" (not "The Japan Times publishes the article": news, a review
# found)
WROTE_ON = re.compile(_WROTE + r" (?:on|about) [^.!?\"“”]{3,200}\.$")
# what sets up a transcript, not a statement: "Following are questions and answers at the regular press briefing …"
# (an interview's set-up stays: "…, VOV World talked with Senior Colonel … about …" is how the embedded references
# open, "In an interview marking …, a deputy director … reviewed …"; passing it over lost ROUGE on both of train's)
SETS_UP = re.compile(r"^(?:(?:Following|Below) (?:are|is) (?:the )?(?:questions and answers|excerpts|highlights"
                     r"|(?:full )?(?:text|transcript)s?)\b(?![^.!?]*,\s+(?:which|who|after|as|signed)\b)"
                     r"|What follows is (?:an? |the )?(?:[\w-]+ ){0,2}(?:transcript|text|record)\b)")  # ("What follows
# is a near-verbatim transcript of today's noon briefing …")
# an interview's set-up that tells no news of its own: "On the occasion of …, a VNA correspondent in Santiago
# interviewed Ambassador …", "Deputy Minister … granted an interview to the Government Portal on the results of …",
# "Ambassador … talked to VIR's Ngoc Lan about the road ahead." (reads 76, 80: the news is in the answers; not "… gave
# an interview to Reuters in which he said …", nor "In an interview with VNA, the ambassador said …")
_OCCASION = r"(?:On the occasion of|To mark|Marking|Ahead of|On the sidelines of|During|After|Following)"
INTERVIEW_NO_NEWS = re.compile(
    r"^(?![^.!?]*\b(?:in which|where|saying|said|says|stressing|noting|adding|announced|revealed|confirmed|that)\b)"
    r"(?![^.!?]*,\s+(?:\w+ly\s+)?\w+ing\b)"  # (nor "…, announcing …", "…, highlighting …", a second review found)
    rf"(?:{_OCCASION}\b[^.!?]{{3,160}}?,\s+)?[^.!?]{{0,160}}?\b"
    r"(?:(?:gave|granted|gives|grants|has given|has granted) (?:an?|the) (?:written |exclusive |recent )?interview"
    r" (?:to|with)\b|(?:talked|spoke|speaks|talks) (?:to|with) (?:an? |the )?(?:[\w&.'’-]+ ){0,4}?"
    r"(?:correspondent|reporter|journalist)\b(?!s)|(?:talked|spoke) to [A-Z][\w&.'’-]*['’]s [A-Z]"  # (one
    # outlet's: not "… spoke with reporters about the outcome of the talks", a press encounter, a review found)
    r"|(?:correspondent|reporter)\b[^.!?]{0,40}\binterviewed\b)[^.!?]{0,200}[.!]$")
# a credit standing alone after a caption ("Crown copyright.", as GOV.UK prints under its photos)
CROWN_CREDIT = re.compile(r"^(?:©\s*)?crown copyright\.?$", re.IGNORECASE)
# what a live page, a release's notes and a government's page say around the story, each written once for the rules
# below: "That's all from us for today.", "We're pausing our live coverage …", "NOTES TO EDITORS: …", "We acknowledge
# the Traditional Custodians of Country …"
_ALL_FROM_US = r"that(?:['’]s| is) all (?:from us|for today)"
_PAUSING_LIVE = (r"(?:that['’]s where |this is where )?we(?:['’]re| are|['’]ll| will) (?:pausing|ending|wrapping up"
                 r"|closing|pause|end|wrap up|close) (?:our |this )?live (?:coverage|blog|updates?|page)")  # ("That's
# where we'll wrap up our live coverage …"; not "We will close live poultry markets …")
# (as a sentence of its own, any of its own live pages: "We're pausing our live reporting on Typhoon Kajiki here.")
_PAUSING_OUR_LIVE = (r"(?:that['’]s where |this is where )?we(?:['’]re| are|['’]ll| will) (?:pausing|ending"
                     r"|wrapping up|closing|pause|end|wrap up|close) (?:our|this) live [\w-]+")
_NOTE_TO_EDITORS = r"notes? (?:to|for) (?:the )?editors?\b"
_ACKNOWLEDGEMENT = r"(?-i:(?:We|[A-Z][\w ]{2,60}?) acknowledges? the Traditional (?:Owners|Custodians))\b"
# a page's furniture written as a sentence: "Listen to this article.", "Share on Facebook.", "3 min read.", "Last
# updated 3 hours ago.", and a correspondent's byline ("Thu Ha, VNA correspondent in Vientiane.", "From our
# correspondent in Vientiane.")
FURNITURE_SENTENCE = re.compile(
    r"^(?:listen to (?:this|the) (?:article|story)|share (?:on|via|this)\b|follow us\b|subscribe\b|sign up\b"
    r"|(?:gallery|photos)\s*:"  # (media links and embargo lines: page_noise.MEDIA_OR_EMBARGO)
    r"|(?:follow|read)\b[^.!?]{0,60}\blive (?:coverage|blog|updates)|stay tuned\b"
    # a live page's own words (read 30): "Stay with us.", "That's all from us for today.", "Thank you for following
    # our live coverage.", "Today's programme includes an official welcome, …"
    rf"|stay with us\b|{_ALL_FROM_US}\b|thanks? (?:you )?for following\b|{_PAUSING_LIVE}\b|{_PAUSING_OUR_LIVE}\b"
    r"|\d+\s*min(?:ute)?s?\s+read|[\d,.]+\s*(?:views|reads|comments)|see more|back to top|print(?: this)?"
    r"(?: article| page)?[.!]?$|(?:last )?(?:updated|posted|published)\s+\d+\s+\w+\s+ago"
    r"|(?:[^,.]{1,40},\s+)?(?:from\s+)?(?:(?:our|a|the|[\w.&]+)\s+)?correspondents?\s+(?:in|from|based in)\s+"
    r"(?-i:[A-Z])[\w -]{0,30}?(?:\s+reports?)?[.!]?$"
    # a release's notes to the press (read 56): "Please attribute quotations to …", "Photos are available on request."
    r"|please (?:attribute|credit)\b|photos?(?: and videos?)? (?:are|will be) available\b)",
    re.IGNORECASE)
# a live page's sign-off, which the rest of its entry goes on from ("That's all from us for today. … The president
# travels to Penang tomorrow morning, …": read 30, the newest entry of a live page that puts it first)
# and the paragraphs that go on from a note to editors, an acknowledgement of country or a warning box (read 33)
SIGN_OFF = re.compile(rf"^(?:{_ALL_FROM_US}|thanks? (?:you )?for following\b[^.!?]{{0,40}}\blive|{_PAUSING_LIVE}"
                      rf"|{_NOTE_TO_EDITORS}|{_ACKNOWLEDGEMENT})", re.IGNORECASE)


def _signed_off(line: list[str]) -> list[str]:
    """The sentences of a paragraph from its live sign-off (or a note of the page's own, :data:`SIGN_OFF`) on: what
    the page says around the story, not news."""
    start = next((i for i, sentence in enumerate(line) if SIGN_OFF.match(sentence.strip())), None)
    if start is None and line and COVER_NOTE.match(line[0].strip()):  # a mail's cover note and what it says of the
        return list(itertools.takewhile(  # copies (read 45: "Please find below the English version of … The German
            lambda s: COVER_NOTE.match(s.strip()) or ABOUT_THE_COPY.search(s), line))  # version … are attached.")
    return [] if start is None else line[start:]


ABOUT_THE_COPY = re.compile(r"\b(?:attached|enclosed|embargo|version|translation|high-resolution|photos?)\b",
                            re.IGNORECASE)
_PLEASE_FIND = r"please find (?:below|attached|enclosed|herewith) "  # a mail's cover note (also in PAGE_NOTE)
_SCRIPT_NOTE = r"original script|transcript|check against delivery"  # a speech's note on its text ("(Check against
# delivery)"; in PAGE_LABEL and PAGE_NOTE)
COVER_NOTE = re.compile(rf"^{_PLEASE_FIND}(?:the |our |a )?(?:[\w-]+ ){{0,2}}"
                        r"(?:version|translation|copy|text|transcript)\b[^:]*$", re.IGNORECASE)  # ("… the full text
# of the public lecture delivered by …", read 56; not "… the Embassy's invitation to a reception …", which it holds)


# what a page, a newsletter or a programme says of itself, and the notices around a release (s51, reads 32 and 33):
# an acknowledgement of country, a note to editors, "The following is the full text of …", "[Notice] …", "Beware of
# fraud!", a photo's "©" credit, a hotline's label, "In our series …", a programme's welcome, a newsletter's pointer
# to its top story or its tagline, the outlet's own team at work
PAGE_NOTE = re.compile(
    rf"^{_ACKNOWLEDGEMENT}|^{_NOTE_TO_EDITORS}|^(?:the )?following is (?:the )?(?:full )?text\b"
    # a release mail's note on its pictures (read 118: "Photos in high resolution can be downloaded from the link …")
    r"|^(?:high-resolution |hi-res )?(?:photos?|pictures|images)(?: in high resolution)? (?:can|may) be downloaded\b"
    # "The following is the toast delivered by President … at the state banquet …" (read 68)
    r"|^(?:the )?following (?:is|are) (?:the |an? )?(?:(?:full|unofficial|official|english|opening|closing|keynote"
    r"|welcome|prepared) ){0,2}(?:toast|speech|address|remarks|statement|transcript|translation|message)\b"
    r"|^(?:below|here) is the (?:full )?text(?: of [^.!?,]{1,80})?[.:]$"
    r"|^the full text of [^.!?]{0,80}\b(?:is|follows) (?:below|here)\b"
    r"|^(?:\[|【)(?:notice|attention)(?:\]|】)|^beware of\b|^©|^(?:[a-z]+ ){0,3}hotline\s*:"
    r"|^\[(?:image|photo|picture|video)\](?![^.!?]*\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|today|yesterday)\b)"
    r"|^in our (?:new |weekly |monthly |special )?series\b"
    r"|^in (?:this|today's|this week's) (?:instalment|installment|episode)\b"
    r"|^in (?:today's|this week's) (?:programme|program|edition|issue)\b"
    r"|^(?:log ?in|sign ?in|register|subscribe) (?:now )?to (?:read|see|access|view|download|continue)\b"
    r"|^we (?:apologi[sz]e|are sorry) for (?:any|the) inconvenience\b|^our (?:first|next|last|final) stop\b"
    r"|^(?:but |and )?(?:first|now|next|before that),? (?:some|a little|a bit of|a song|a piece of) music\b"
    # a briefing's panel and order: "Joining me on the dais is Secretary (East), …", "As always, Secretary (East) will
    # make some opening remarks, after which we will take a few questions.", "Sir, over to you." (read 33)
    r"|^(?:as always,? )?[^.!?]{1,60}\bwill (?:make|give|deliver) (?:some |a few |brief |his |her )?(?:opening )?"
    r"(?:remarks|statement)\b,? after which (?:we|I)(?: will|['’]ll) take\b[^.!?]{0,30}\bquestions\b"
    r"|^(?:(?:sir|madam|ma['’]am),? )?over to you\b"
    r"|^(?:joining (?:me|us)|with me)(?: here| today| this (?:morning|afternoon|evening))?(?: on the (?:dais|stage"
    r"|podium|panel))?(?: today)? (?:is|are)\b"
    r"|^(?:hello|hi|good (?:morning|afternoon|evening))(?: (?:everyone|everybody|all|folks|friends|listeners))?,?"
    r" (?:and )?welcome to\b(?![^.!?]{0,80}:\s)"  # ("Hi everyone, and welcome to Diplomacy Dialogues.", read 80;
    # not "Hi everyone, welcome to Viet Nam: with these words …", a second review found)
    r"|^welcome to (?:this|today's|our|the latest|another|the) (?:week's |[\w-]+ )?(?:edition|episode|programme"
    r"|program|show|issue)\b"
    r"|^here(?:['’]s| is| are) (?:today's|this week's|this morning's|your|the) (?:top )?(?:stor(?:y|ies)|news"
    r"|headlines|brief(?:ing)?|digest)\b(?![^.!?]*:)"
    r"|^(?:I am|I['’]m|we are|we['’]re) joined (?:today |here |this (?:morning|afternoon|evening) )?"
    r"(?:on the \w+ )?by\b"
    r"|^(?:I|we)(?: shall| will|['’]ll) be brief[.!]$"
    # a programme's sponsor and a mail's notes on its answers (read 76): "This episode is supported by Saigon Freight
    # Partners — …", "Use code MEKONG10 for 10% off …", "My answers are inline below.", "Feel free to shorten them, …"
    r"|^this (?:episode|show|podcast|newsletter|issue|edition|segment) is (?:kindly |proudly )?"  # (not "This
    # programme is supported by the EU and will train …", "This show is presented by the Embassy … and brings …")
    r"(?:supported|sponsored|brought to you|made possible|powered) by\b"
    r"|^this (?:episode|podcast|newsletter|issue|edition|segment) is (?:kindly |proudly )?presented by\b"
    r"|^use (?:the |our )?(?:promo |discount |coupon )?code (?-i:[A-Z0-9]{3,20}) (?:for|to get)\b"
    r"|^my (?:answers|replies|responses) (?:are|follow) (?:inline|in line|below)\b"
    r"|^(?:please )?feel free to (?:shorten|edit|cut|trim|abridge)\b"
    # a guest's label and a club's mail on its own summary (read 76): "Our guest: … is Trade Counsellor at …", "Many
    # members who could not attend asked us for a summary, so here it is.", "The full video is on our Facebook page."
    r"|^(?:our|today['’]s|this week['’]s|this episode['’]s) guests?\s*:"
    # a ministry's cover note over its release (read 78): "The Press and Information Department … would like to send
    # you the following press release.", "The Vietnamese version and a photo of the candidate are attached."
    r"|^[^.!?]{0,120}\b(?:would like to|is pleased to|are pleased to|wishes to) (?:send|share|forward)(?: to)?"
    r" (?:you )?"
    r"(?:the following|herewith|below) (?:[\w-]+ ){0,2}(?:press release|release|statement|information|text"
    r"|announcement|notice|news|update|article|message|letter|invitation)\b[^.!?]{0,40}[.:]$"
    # a briefing's closing line, on top of a live page that runs newest first: "The next regular press conference will
    # be held on Thursday, July 30." (read 80)
    r"|^the next (?:regular )?(?:press conference|press briefing|briefing) (?:will be held|will take place|is"
    r" scheduled) (?:on|for) (?:[A-Z][a-z]+day,? )?[\w ,]{1,25}[.!]$"  # (its day alone: not "… at the ministry's new
    # headquarters", "… but may be cancelled as …", a second review found)
    r"|^(?:further to [^,.!?]{3,80},\s*)?please find (?:below|attached|enclosed|herewith) (?:the |my |our |his |her )?"
    r"(?:written )?(?:answers|replies|responses)\b(?![^.!?]*:\s)"  # ("Further to your e-mail of 8 July, please find
    # below the written answers of …", read 80; not "Please find below the statement by the Foreign Minister: Viet Nam
    # …", nor the answers' news after a colon)
    r"|^(?:the |a |an |our |my )?(?:[\w-]+ ){0,4}(?:version|translation|cop(?:y|ies)|photos?|pictures?|images?|files?"
    r"|pdf|documents?|programme|program|agenda|invitation|biography|cv|slides)\b[^.!?,;]{0,60}\b(?:is|are) (?:attached"
    r"|enclosed)(?: (?:here|herewith|below|to this (?:e-?mail|message)))?[.!]$"  # (not "…, the full text of which is
    # attached below.", a statement's news)
    r"|^[^.!?]{0,120}\bso here(?: it is| they are|(?: is|['’]s) (?:an? |the |our )?"
    r"(?:(?:short|brief|quick|full|latest) )?(?:update|summary|round-?up|recap)\b[^.!?]{0,60})[.!]$"
    r"|^(?:the )?(?:full |whole |complete )?(?:video|recording|livestream|footage|photo album|slides)\b[^.!?]{0,30}"
    r" (?:is|are) (?:now )?(?:available )?(?:on|at) our\b[^.!?]{0,40}[.!]$"
    # an op-ed's or an interview's standfirst, of the piece (read 69): "On the occasion of the International Day of UN
    # Peacekeepers (May 29), the Director of … reflects on the journey so far." (news says "reflected", "shared")
    r"|^(?:on the occasion of|to mark|marking|ahead of) [^.!?]{3,160}?, (?=[^.!?,]{0,80}\b(?:minister|director"
    r"|ambassador|president|chairman|chairwoman|secretary|deputy|professor|dr|scholar|expert|official|diplomat|head"
    r"|chief|general|consul|editor|correspondent|veteran|writer|author|spokesperson)\b)"  # (a person: not "an
    # exhibition … reflects on …", "a documentary looks back at …", a review found)
    r"[^.!?,]{3,160}? (?:reflects on|looks back"
    r" (?:on|at)|shares (?:his|her|their) (?:views|thoughts|reflections|insights)|offers (?:his|her|their)"
    r" (?:views|thoughts)|writes (?:about|on))\b[^.!?]{0,100}\.$"  # (not "…, a move that reflects growing trust", a
    # review found; read 72: "Ahead of the mid-year review conference …, Deputy Minister … writes about the road …")
    # a mail's note on what it sends: "Pasting the full text since the link is behind the registration wall for some
    # of you." (read 73), "Please find below Ambassador …'s written answers to your questions …" (read 72)
    r"|^(?:I['’]m |I am |I['’]ve |I have )?(?:pasting|pasted|copying|copied|forwarding|sharing) (?:in |below |here )?"
    r"(?:the |this |its )?(?:full |whole |complete )?(?:text|article|story|piece)\b(?![^.!?]*\b(?:said|says)\b)"
    # (wider than COVER_NOTE, which sets aside what a paragraph it opens says of the copies, but a sentence alone)
    rf"|^{_PLEASE_FIND}[^.!?:\d]{{0,160}}\b(?:answers?|responses?|replies|text"
    r"|transcript|translation|copy|version)\b[^.!?:\d]{0,80}[.!]?$"  # (not a statement after a colon, an invitation)
    # (read 112: "Please find below and attached the media advisory for the Diplomatic Culture Fair 2025.")
    r"|^(?:on behalf of [^,.!?]{3,60},\s*)?please find (?:below|attached|enclosed|herewith)"
    r"(?: and (?:below|attached|enclosed))? (?:the |our |a )?"  # (read 118: "On behalf of the Embassy, please …")
    r"(?:media |press )?(?:advisory|release|statement|notice|programme|program)\b[^.!?:]{0,100}[.!]?$"
    r"|^(?:kindly|please) note (?:the|our) (?:new |revised |changed )?(?:accreditation |registration )?(?:procedure"
    r"|arrangements?|requirements?)\b[^.!?\d]{0,40}[.!]$|^(?:kindly|please) credit\b[^.!?]{0,80}[.!]$"  # (the cover
    # note's "Kindly credit “Embassy of Viet Nam in France”.", read 118; "Kindly note the new accreditation
    # procedure this year.", read 112)
    # a transcript's note in brackets, cut by its inner stop (read 72): "(Transcript provided by the Embassy … Japan."
    rf"|^\((?:{_SCRIPT_NOTE}|translated)\b[^)]{{0,120}}$"
    r"|^\[(?:english |unofficial )?(?:translation|translated)\b[^\]]{0,160}$"  # ("[ENGLISH TRANSLATION – …", read 121)
    r"|^translated from (?:the )?[A-Z]?[a-z]+(?: (?:by|into) [^.!?]{1,60})?\.\)?$"  # ("Translated from Vietnamese.)")
    # a live page's pointer to itself, a post's exclamation (read 41): "Follow our coverage of …", "What a week it
    # has been."
    r"|^follow (?:our|along with our|the) (?:live )?(?:coverage|updates)\b"
    r"|^(?:the )?(?:latest|newest|most recent) (?:updates?|posts?|entries) (?:appears?|are|is|come|comes)"
    r" (?:shown )?(?:at the top|first)\b"  # (a live page's order and clock, read 43: "All times are Hanoi time.")
    r"|^read (?:more )?about (?:our|this (?:month|week)['’]s|the latest)\b"  # (a mail's preheader, a review's)
    r"|^(?:g['’]day|hello|hi|greetings|xin chào|namaste|bonjour|kia ora|good (?:morning|afternoon|evening|day))"
    r" from (?-i:[A-Z])[\w .'’-]{1,40}(?:[!.]+\W*$|,? and welcome (?:back )?to\b)"
    r"|^(?:the )?(?:sub-?)?(?:headings?|headlines?|titles?|subtitles?) (?:are|is|were|was|have been) (?:added )?by the"
    r" (?:editorial|editors?|newsroom)\b"  # (an editor's note on a speech's text, read 46)
    r"|^all times (?:are|in|shown in) [^.!?]{1,40}?(?:time|GMT|UTC|ICT)(?:\s*\(?(?:GMT|UTC)?\s*[+-]\d{1,2}\)?)?\.?$"
    r"|^what an? (?:week|day|month|year|journey|trip|time|ride)(?: it['’]s| it has| this has)? been(?:[.!]+$|,? and "
    r"(?:I|we) (?:want|would like|wish) to (?:say )?thank\b)"
    # a machine translation's notice (read 43): "This article has been machine translated from Vietnamese.", "The
    # translation may contain errors; …", "This English version is automatically generated and …", "[AUTO-TRANSLATED]"
    r"|^(?![^.!?]*\b(?:said|says|admitted|told|announced|confirmed|reported)\b)"
    r"(?:\[?auto-?translated\]?\s*)?(?:this|the) (?:english )?(?:article|page|text|content|story|version|post)"
    r" (?:has been|was|is|is being) (?:machine[- ]translated|(?:automatically |machine[- ])(?:translated|generated)"
    r"|translated (?:automatically|by (?:a )?machine|using (?:machine|automatic) translation))\b"
    r"|^translated by (?:a )?machine(?:[- ]translation)?\s*(?:[.,;:(]|$)"
    r"|^(?![^.!?]*\b(?:said|says|admitted|told|announced|confirmed|reported)\b)"
    r"(?:this|the) (?:english )?(?:article|page|text|story|version) (?:was|has been|is) translated (?:from \w+ )?"
    r"(?:with the help of|using|by) (?:ai|artificial intelligence|machine|automatic)\b"
    r"|^(?:the )?(?:machine |automatic )?translation may contain (?:errors|mistakes"
    r"|inaccuracies)\b|^original (?:article|version|text) in \w+[.!]?$|^\[?auto-?translated\]?$"
    # a programme's presenter and its cues (read 39): "I'm Thu Hoa in Hanoi.", "It's good to have you with us again.",
    # "First, diplomacy.", "Our correspondent Minh Duc has more from Wellington."
    r"|^(?:I['’]m|I am|this is) (?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+)){1,3}(?:,? (?:in|from|reporting from)"
    r" (?-i:[A-Z])[\w ]{1,30})?[.!]$|^it['’]s (?:good|great|nice|a pleasure) to have you (?:with us|back)\b"
    r"|^(?:(?:first|next|now|finally|but first),|and now,?) (?:to |on )?(?:the )?(?:(?-i:[a-z])[\w-]*(?: [\w-]+){0,2}"
    r"|(?-i:[A-Z])[\w-]*)[.!:]$"  # (a topic: "First, diplomacy."; not "Next, Vietnam faces Malaysia.")
    rf"|^(?:our|(?:{OUTLET_PATTERN})['’]s) (?:correspondent|reporter)\b[^.!?]{{0,40}}\bhas (?:more|the (?:story|details"
    r"|report))(?: (?:from|in) [^.!?:]{1,40})?[.!]$"
    r"|^your (?:[\w-]+ ){0,3}(?:read|brief(?:ing)?|digest|round-?up|newsletter)\b[^.!?]{0,60}[.!]$"
    r"|^your (?:weekly|daily|monthly|fortnightly) guide to\b"
    rf"|^(?:our|(?:{OUTLET_PATTERN})(?: News| Online)?(?:['’]s|s?['’])) (?:video |news |reporting |camera |photo )?"
    r"(?:team|crew|reporters?|correspondents?|photographers?) (?:(?:was|were) (?:at|in|on|there)\b|went to\b"
    r"|visited\b|spent\b|joined\b)",
    re.IGNORECASE)
# a speech's heading written as a sentence (no verb of its own): "Speech by Marieke van den Berg, Minister for …, at
# the … Forum in Can Tho, Viet Nam, on 12 May 2025." (not "Remarks by the ambassador prompted a protest …")
# a verb a heading has none of: a past form, an auxiliary, a common irregular one ("Remarks by … prompted a protest",
# "… upset Phnom Penh"; not the plural nouns of "… celebrating 50 years of diplomatic relations")
FINITE_VERB = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|can|could|may|might|must|should|said"
                         r"|says|met|held|took|gave|made|sent|spoke|told|won|led|paid|came|went|became|began|saw|set"
                         r"|sought|brought|kept|left|put|upset|drew|hit|cut|struck|caught|shook)\b")
SPEECH_HEADING = re.compile(r"^(?:(?:opening |closing |keynote |welcome |welcoming )?(?:speech|remarks|address"
                            r"|statement)|keynote) (?:by|of|delivered by) [^.!?]*?(?:, | at )", re.IGNORECASE)
# a briefing's framing, nothing more: "On 17 July 2025, the Ministry of Foreign Affairs held its regular press briefing,
# chaired by Spokesperson …", "The ministry's regular press briefing was held on Thursday afternoon, chaired by …"
# (what was said there is the news)
BRIEFING_HELD = re.compile(r"(?:\b(?:held|holds|hosted|hosts|chaired|chairs|presided over) (?:its|the|a|their"
                           r"|the [A-Z]\w+['’]s) (?:regular |weekly |periodic "
                           r"|monthly |routine )+press (?:briefing|conference)|\b(?:regular|weekly|periodic|monthly"
                           r"|routine) press (?:briefing|conference) (?:was held|is held|took place|takes place))"
                           r"(?:(?:,? (?:on|in|at)(?: (?!(?:and|amid|as|after|while|during|despite|following|where"
                           r"|but)\b)[\w'’-]+){1,5})*(?:,? (?:chaired|hosted|led|presided over) by (?:(?!\b(?:who|which"
                           r"|and|where)\b)[^.!?]){1,120}|,? with (?:the )?(?:deputy )?spokes(?:person|man|woman) "
                           r"(?-i:(?:[A-Z][\w'’.-]*\s){1,5})(?:answering|taking|fielding|responding to) (?:questions"
                           r"|queries)(?: from [^.!?,]{1,80})?)?)[.!]$", re.IGNORECASE)  # (the spokesperson's name
# alone before it: not "… with deputy spokesperson Doan Khac Viet announcing … before taking questions", a review found)
# (read 68: "…, with spokesperson Vu Minh Chau answering questions from domestic and foreign reporters.")


# a holding line: "The Ministry of Foreign Affairs (MFA) is closely monitoring Typhoon Nakri, which …", "The Ministry …
# continues to closely monitor the situation …" (what it advises or does is the news: not "… is monitoring the case and
# has asked …", "…, and the embassy has sent …"; not "Vietnam is following Thailand in …")
HOLDING_LINE = re.compile(r"^(?:the |our )?(?-i:[A-Z])[\w ()'’&,-]{1,100}? (?:(?:is|are) (?:closely |carefully "
                          r"|continuously )?monitoring|continues? to (?:closely |carefully )?monitor)\b"
                          r"(?![^.!?]*\band\b(?:\s+[\w'’]+){0,5}\s+(?:has|have|had|will|is|are|was|were|[a-z]+ed|advises"
                          r"|urges|asks|calls|sends|issues|recommends)\b)", re.IGNORECASE)
# a joint statement's preamble: "The Republic of Korea and the Socialist Republic of Viet Nam recall that, since …",
# "The two sides recognise that secure … supply chains … are essential …" (read 33)
JOINT_PREAMBLE = re.compile(r"^(?:(?:the two|both|the) (?:sides|parties|countries|leaders|governments|ministers)"
                            r"|(?:the )?(?-i:[A-Z])[\w'’.–-]*(?: (?:of |the )*(?-i:[A-Z])[\w'’.–-]*)* and (?:the )?"
                            r"(?-i:[A-Z])[\w'’.–-]*(?: (?:of |the )*(?-i:[A-Z])[\w'’.–-]*)*)"
                            r"(?: \([^()]{1,60}\))? (?:recall|recognise|recognize) that\b", re.IGNORECASE)
# a page's table of contents run into its first words ("Contents Introduction Europe The Indo-Pacific …")
CONTENTS_LIST = re.compile(r"^Contents:?\s+[A-Z]")
# a meeting's pleasantry, nothing more: "We had a very productive meeting today.", "We have just had excellent talks."
PLEASANTRY = re.compile(r"^(?:we|I)(?: have|'ve|’ve)?(?: just)? (?:had|held)(?: a| an| some)?(?: very| really"
                        r"| extremely| most)?(?: (?:productive|excellent|good|great|fruitful|constructive|warm|candid"
                        r"|useful|wonderful|substantive|frank)(?:,| and)?)+ (?:meeting|talks|discussions?|conversation"
                        r"|exchanges?|session)(?: (?:today|this (?:morning|afternoon|evening)|here|together))?[.!]$",
                        re.IGNORECASE)
# a live page's programme, however long its list: "Today's programme includes an official welcome at Dataran Perdana,
# bilateral talks …"
PROGRAMME = re.compile(r"^today['’]s (?:programme|program|schedule|agenda) (?:includes|is)\b", re.IGNORECASE)
# a box beside the story: "Background: In June 2025, …", "Context: …", "Fact box: …"
BOX_LABEL = re.compile(r"^(?:(?:background|context|explainer|fact ?box|at a glance|key facts|did you know)\s*[:–—-]"
                       r"|(?:ai summary|key takeaways)\s*[:–—·•|])\s+", re.IGNORECASE)  # ("AI SUMMARY · This
# summary was generated …", read 29; not "In brief: the State Bank on Monday cut …", a lead)
# a page that sends the reader elsewhere: "More information about Vietnam is available on …", "Further information is
# available on the embassy website.", "For more information, visit …"
ELSEWHERE = re.compile(r"^(?:(?:more|further|additional) (?:information|details)\b[^.!?]{0,80}\b(?:is|are) available\b"
                       r"|for (?:more|further) (?:information|details)\b)", re.IGNORECASE)
# an opinion page's disclaimer: "The views expressed are those of the authors and do not necessarily reflect …",
# "Disclaimer: The opinions expressed in this article are the author's own."
DISCLAIMER = re.compile(r"^(?:disclaimer\s*[:.–—-]\s*)?(?:the |any |all )?(?:views|opinions)\b[^.!?]{0,60}\bexpressed\b"
                        r"[^.!?]{0,80}\b(?:(?:authors?|writers?|contributors?)(?:['’]s?)?\b"
                        r"|(?:are|is) (?:solely )?(?:his|her|their|my) own\s*[.!]?$)"
                        r"|^disclaimer\s*[:.–—-]",
                        re.IGNORECASE)
# who chaired a briefing, said and no more: "Spokesperson Pham Thu Hang chaired the regular press conference."
CHAIRED = re.compile(r"^(?:on the (?:morning|afternoon|evening) of [^.!?,;]{3,30},(?: \d{4},)? )?"  # (read 97)
                     r"[^.!?,;]{0,80}\b(?:chaired|hosted|presided over|held|gave)\s+(?:the|a|its|her|his)\s+"
                     r"(?:regular|weekly|daily|monthly|routine|periodic)\s+(?:press (?:conference|briefing)|briefing"
                     r"|news conference|media briefing)\b"
                     r"(?:\s+of the (?:Foreign )?Ministry(?: of Foreign Affairs)?)?"
                     r"(?:\s+(?:on|in|at|this)\s+(?:(?-i:[A-Z0-9])[\w'’-]*,?\s*){1,4})*"
                     r"\s*[.!]?$"  # (a place or date at most: "… amid heavy shelling" is news)
                     # and the other way round: "Today's briefing is chaired by Spokesperson Vu Thanh Mai." (read 91)
                     r"|^(?:today['’]s|this|the) (?:(?:regular|weekly) )?(?:press (?:conference|briefing)|briefing)"
                     r"(?: today)? (?:is|was|will be|is being) (?:chaired|hosted|presided over|led) by\b"
                     r"[^.!?,;]{0,80}[.!]?$",
                     re.IGNORECASE)
# who attended, not what happened (read 77): "Attending the opening session were Mr. …, Vice Chairman of …; Ms. …"
ATTENDANCE = re.compile(r"^(?![^.!?]*\b(?:who|which) (?:also |then |later )?(?:adopted|announced|signed|agreed|pledged"
                        r"|said|called|stressed|approved|launched|unveiled|committed|promised|proposed|urged)\b)"
                        # (not "…, who adopted a five-year action plan", a review; "…, who is …" still a list)
                        r"(?:also )?(?:attending|present at|in attendance at|taking part in|participating in)"
                        r" (?:the )?[^.!?,;:]{0,80}? (?:were|was)\s+(?-i:[A-Z])|^(?:also )?(?:present|attending"
                        r"|in attendance|taking part) (?:were|was)\s+(?-i:[A-Z])", re.IGNORECASE)
# a writer's note, not news: "The author is Vice President of the Diplomatic Academy.", "About the author: …" ("The
# author of the resolution said …" is news)
ABOUT_AUTHOR = re.compile(r"^(?:about the (?:authors?|writers?)\b|(?:the |this )?(?:authors?|writers?|columnist"
                          r"|contributor)s?\s+(?:is|are)\s+(?:an?\s|the\s|(?-i:[A-Z])))", re.IGNORECASE)  # (not "The
# author was arrested …", "The writer is expected to …")
# an event page's notice to the press: "Registration for this event is now closed.", "Media accreditation closes on 31
# March 2026.", "Journalists must bring their press cards."
EVENT_NOTICE = re.compile(r"^(?:(?:(?:media|press|online) (?:registration|accreditation|rsvps?)|(?:registration"
                          r"|accreditation|rsvps?) for (?:this|the) (?:event|meeting|conference|ceremony|briefing"
                          r"|forum))\s+(?:is |are )?(?:now )?(?:closed|closes|will close|opens|is open|are open)\b"
                          r"|(?:registration|accreditation|rsvps?) (?:is|are) now closed\b"
                          r"|(?:journalists|reporters|media representatives|members of the (?:press|media))\s+"
                          r"(?:(?:must|should) (?:bring|register|arrive|present|carry|show|wear|contact|send|confirm)"
                          r"|are (?:kindly )?(?:requested|asked|invited|reminded) to (?:register|bring|arrive|attend"
                          r"|present|contact|send|confirm))\b)", re.IGNORECASE)  # (not "Registration opens Monday for
# the election", "Journalists must be protected, the UN said.")
# an answer that needs its question ("Why Vietnam?" - "Because the country offers stability, …")
ANSWER_FRAGMENT = re.compile(r"^[\"“]?because\b(?!\s+of\b)", re.IGNORECASE)  # ("Because of the storm, …" is news)
# a site's alert or sidebar run into the text: "Alert: Beware of visa scams.", "IMPORTANT: Due to high demand, …",
# "Most read 1.", and a gallery's slide counter before its caption ("1/5 Overseas Vietnamese in Vientiane …")
ALERT_LABEL = re.compile(r"^(?:alert|important|notice|attention|warning|breaking news)\s*[:!]", re.IGNORECASE)
SITE_ALERT = re.compile(rf"{ALERT_LABEL.pattern}|^most (?:read|viewed|commented|popular)\b|^trending\b", re.IGNORECASE)
SLIDE = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})\s+(?=[A-Z])")
# what a page's description of itself holds besides names: small words and the event's kind; any other lower-case
# word is read as a verb ("Remarks by Putin on Tuesday suggest a shift …" is news)
DESCRIPTION_WORDS = set("""of by at on in to for with and the a an during before after between from over about
regarding his her its their s meeting briefing session conference summit forum debate visit call talks reception
ceremony opening closing launch event dialogue consultation consultations phone telephone video open high level
general assembly council annual regular joint press media counterpart following ahead official state working
newsletter bulletin digest d""".split())  # ("d" of "Chargé d'Affaires")
# a page's description of itself, with no verb: "Readout of the Foreign Secretary's call with …", "Statement by
# Ambassador … at the UN Security Council briefing on Myanmar." (the text below it says what was said)
SELF_DESCRIPTION = re.compile(r"^(?:(?i:readout of|(?:(?:joint|press|written|oral|national) )?statements? "
                              r"(?:by|from|of)|(?:(?:joint|press) )?statement (?:issued|released) (?:by|following)"
                              r"|speech(?:es)? by|remarks (?:and questions and answers )?by"
                              r"|remarks and questions and answers from|transcript of|address by|keynote (?:speech"
                              r"|address) by)"
                              # "Development Minister's speech at the Caribbean Investment Forum in London."
                              r"|(?:[A-Z][\w.-]*\s){1,6}[A-Z][\w.-]*['’]s (?:speech|remarks|statement|address)"
                              r" (?:at|to))\b")
# a newsletter's description of its issue: "The October 2025 edition of the UK Mission to ASEAN's newsletter.",
# "Welcome to the July edition of our newsletter.", "In this issue: a record year for trade, …", "This week: …"
EDITION_OF = re.compile(r"^(?:welcome to )?(?:the|this|our) (?:[\w-]+ ){0,3}(?:edition|issue) of [^,.!?]{0,80}"
                        r"\b(?:newsletter|bulletin|digest|magazine)[.!]?$"
                        r"|^(?:in|inside) this (?:issue|edition|newsletter|bulletin)\s*[:–—-]"
                        r"|^(?:this (?:week|month|issue)|today|inside)\s*:\s", re.IGNORECASE)  # ("This week: a new …")
# an occasion that names its topic: "… at the Security Council open debate on women, peace and security."
OCCASION_ON = re.compile(r"\b(?:debate|briefing|meeting|session|dialogue|conference|consultations?|talks|call|summit"
                         r"|forum) on ")
MADE_BY = re.compile(r"^(?:statement|speech|remarks|written statement|transcript)s? "
                     r"(?:made|delivered|given|issued) by\b", re.IGNORECASE)


def _names_only(text: str) -> bool:
    """A few words, none in lower case: a place or a name on its own ("Washington, D.C.", "Matthew Miller,
    Department Spokesperson"), not a sentence."""
    found = re.findall(r"[^\W\d_][\w’'.-]*", text)
    return len(found) <= 8 and not any(word[:1].islower() for word in found)


def _courtesy(text: str) -> bool:
    """A greeting, thanks or a briefing's order of business, also after a speaker label ("MODERATOR: Good afternoon
    and welcome.") or inside a quoted speech ("“Ladies and gentlemen, I am delighted to attend …")."""
    spoken = _after_address(SPEAKER.sub("", text.lstrip("\"“‘'"), count=1))
    return bool((COURTESY.match(spoken) and len(spoken.split()) <= 8) or SPEECH_COURTESY.match(spoken)
                or WELCOME.match(spoken) or GREETS_AND_THANKS.match(spoken)
                or bool((listed := ORDER_OF_BUSINESS.match(spoken)) and not CLAUSE.search(spoken[listed.end():])))
    # (a list of topics; "I have two announcements today: the Prime Minister will pay …" is the news itself)


# a community's or a mission's thanks and wishes, however long (read 117): "On behalf of the Executive Board of …, we
# send you our warmest wishes for …", "On behalf of the Embassy, Ambassador … would like to extend sincere thanks to
# all distinguished guests, …", "The Management Board of … wishes to express its deepest gratitude to everyone who …",
# "Our heartfelt thanks go to …", "We respectfully thank: …", "We wish you and your families a Year of the Snake full
# of …!", "Distinguished guests included …" (not what it announces or informs of, nor condolences, nor a leader's
# own message in the first person: "As the Islamic holy month of Ramadan begins I send my warm wishes to …", GOV.UK)
THANKS_AND_WISHES = re.compile(
    r"^(?![^.!?]*(?-i:\bI\b))(?:(?:on behalf of [^,.!?]{3,160},\s*)?[^.!?]{0,160}?\b(?:send|sends|extend|extends"
    r"|express|expresses|convey|conveys|offer|offers)(?: you)? (?:also )?(?:its |his |her |their |our |my )?"
    r"(?:most |very )?(?:sincere |deepest |heartfelt |warmest |warm |profound |special |best )?"
    r"(?:wishes|greetings|(?:thanks|gratitude|appreciation) to (?:all|everyone|everybody|every|you|our|the "
    r"(?:distinguished |honou?red )?guests)\b)\b"  # (thanks to all who came, not to a country for what it did:
    # "The Ministry … expresses its appreciation to Cambodian authorities for rescuing …" is news, a review found)
    r"|thank you (?:also |too |again )?to\b"  # (not condolences: a ministry's reaction to a disaster, its news)
    r"|(?:our|my|the) (?:heartfelt |sincere |deepest |special |warm )?(?:thanks|gratitude) (?:go|goes|are due) to\b"
    r"|we (?:respectfully |sincerely |warmly )?thank\b|we wish (?:you|all of you|everyone)\b"
    r"|(?:distinguished|honou?red) guests included\b|before [^,.!?]{1,30}, a few words of thanks\b)"
    r"(?![^.!?]*\b(?:informs?|announces?|announced|notif(?:y|ies)|will (?:open|hold|host|launch|sign|visit))\b)",
    re.IGNORECASE)
# "Good afternoon, members of the press, and thank you for joining us."
GREETS_AND_THANKS = re.compile(r"^good (?:morning|afternoon|evening|day)\b[^.!?]{0,80}?,? and (?:thank(?:s| you)\b"
                               # "Good evening, and a very warm welcome to all of you." (read 86)
                               r"|(?:a (?:very )?(?:warm|hearty|cordial) )?welcome\b)"
                               r"[^.!?]{0,120}[.!]$", re.IGNORECASE)  # ("… and thank you for attending today's
# regular press conference of the Ministry of Foreign Affairs.", read 106)


def _after_address(text: str) -> str:
    """What follows a speaker's forms of address, however short ("Ladies and gentlemen, good evening." -> "good
    evening."): a courtesy is judged on it."""
    rest = text
    while (comma := rest.find(",")) > 0 and is_salutation(rest[:comma]):
        rest = rest[comma + 1:].lstrip()
    return rest or text


def _in_capitals(text: str) -> bool:
    """A sentence of five words or more all in capitals: in a text that has sentences in small letters, a telegram's or
    a notice's words, a heading, a label ("TO THE MINISTER FOR FOREIGN AFFAIRS OF THE DEMOCRATIC REPUBLIC OF VIET
    NAM."), not the writer's statement (a wire all in capitals is its text)."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 5 and len(letters) >= 20 and all(c.isupper() for c in letters)


# a newsletter's issue and its title, given as a sentence: "Hanoi Diplomatic Digest #42: Berlin wants Vietnamese
# nurses." (read 95)
ISSUE_TITLE = re.compile(r"^(?:[A-Z][\w&'’.-]* ){1,5}(?:Digest|Weekly|Newsletter|Brief|Briefing|Bulletin|Dispatch"
                         r"|Letter|Roundup|Round-up)\s*(?:#\s?\d{1,4}|No\.\s?\d{1,4}|Issue \d{1,4})\s*[:|–—-]\s")


def is_statement(sentence: str) -> bool:
    """False for what is never summary material: questions, bylines, captions, credits, bare labels, a speech's
    forms of address, links to other articles."""
    text = sentence.strip()
    bare = text.rstrip("\"'”’»)]*").rstrip()
    if is_question(text):
        return False
    if bare[-1:] not in ".!…" or re.search(r":\s*(?:…|\.\.\.)$", bare):  # no closing full stop: an introduction to
        return False  # a quote or list (":"), also one a teaser cut ("… Spokesperson Le Thanh Van stated: …", read 87)
    if CAPTION.search(text) or PICTURED.search(text) or (BYLINE.match(text) and len(text.split()) <= 12):
        return False
    if is_salutation(text) or FULL_TEXT_HEADING.match(text) or RELATED_LINK.match(text):
        return False
    unemphasised = text.lstrip("*_")
    if MADE_BY.match(text) or _names_only(text) or EDITOR_NOTE.match(text) or HEADED_EDITOR_NOTE.match(text) \
            or CONTENTS_LIST.match(text) or INTRODUCES_TEXT.match(text) \
            or STORY_NOTE.match(unemphasised) \
            or source_note(unemphasised) \
            or ((FURNITURE_SENTENCE.match(text) or MEDIA_OR_EMBARGO.match(text)) and len(text.split()) <= 25) \
            or CROWN_CREDIT.match(text) or (_courtesy(text) and not ATTRIBUTED.search(text)) or PROCEDURAL.match(text) \
            or HOUSEKEEPING.match(_after_address(text)) \
            or (SETS_UP.match(unemphasised) and not ATTRIBUTED.search(text)) \
            or DISCLAIMER.match(unemphasised) or CHAIRED.match(text) or PLEASANTRY.match(text) \
            or ATTENDANCE.match(unemphasised) or INTERVIEW_NO_NEWS.match(unemphasised) \
            or (THANKS_AND_WISHES.match(unemphasised) and not ATTRIBUTED.search(text)) \
            or BOX_LABEL.match(unemphasised) or ELSEWHERE.match(unemphasised) or PROGRAMME.match(unemphasised) \
            or STATION_ID.match(SPEAKER.sub("", unemphasised, count=1)) \
            or (PAGE_NOTE.match(unemphasised) and not ATTRIBUTED.search(text)) \
            or (SPEECH_HEADING.match(unemphasised) and not FINITE_VERB.search(text)) or BRIEFING_HELD.search(text) \
            or ((HOLDING_LINE.match(unemphasised) or JOINT_PREAMBLE.match(unemphasised))
                and not ATTRIBUTED.search(text)) \
            or ((ABOUT_AUTHOR.match(unemphasised) or (EVENT_NOTICE.match(unemphasised) and len(text.split()) <= 20))
                and not ATTRIBUTED.search(text)):
        return False
    if (DOCUMENT_NOTE.search(unemphasised) and len(text.split()) <= 30) or FOOTNOTE.match(text) \
            or STORIES_MENU.match(unemphasised) \
            or vietnamese_text(text) or mostly_vietnamese(text) or _describes_itself(unemphasised) \
            or _answer_fragment(text) \
            or ISSUE_TITLE.match(unemphasised) \
            or (SITE_WELCOME.match(unemphasised) and not ATTRIBUTED.search(text)) \
            or (SITE_ALERT.match(unemphasised) and len(text.split()) <= 20) or _slide_caption(unemphasised):
        return False
    if (text.startswith("(") and text.rstrip(" .").endswith(")")) or WIRE_NOTICE.search(text) \
            or (COOKIES.search(text) and len(text.split()) <= 40) or BARE_CALL.match(unemphasised) \
            or (POINTER.search(unemphasised) and len(text.split()) <= 14) or PREAMBLE_AFTER_SUBJECT.match(text):
        return False
    return len(text.split()) >= 2


# a note on how the document was made or is to be read (reads 100, 101, 103): "[recorded by: T.L. / checked against
# video, minor cuts marked ...]", "[English interpretation channel – auto-transcribed, lightly edited …", "Previous
# version was released at 17:10.", "Entries appear in chronological order.", "Figures are preliminary unless otherwise
# stated.", "For reference only."; a written interview's terms of use, "The answers may be quoted in full or in part …"
# (read 80)
DOCUMENT_NOTE = re.compile(r"^\[?(?:recorded|transcribed|checked|edited|compiled|translated)(?: by)?\s*:"
                           r"|\b(?:auto-?transcribed|machine[- ]transcribed|lightly edited"
                           r"|checked against (?:the )?(?:video|audio|recording|delivery))\b"
                           r"|^(?:the )?(?:previous|earlier) version (?:was|of this (?:story|item) was) (?:released"
                           r"|published|issued|moved|sent)\b"
                           r"|^(?:entries|updates|posts|items) (?:appear|are (?:listed|shown|given|posted)) in"
                           r" (?:reverse )?chronological order\b"
                           r"|^(?:all )?figures (?:are|given are) (?:preliminary|provisional|estimates|rounded)\b"
                           r"|^(?:the|these|our) (?:written )?(?:answers|replies|responses|interview|text) (?:may|can)"
                           r" be (?:quoted|published|used|reproduced|cited)\b"
                           # a live page's notes on its stream (read 108): "Started streaming 38 minutes ago · 2,317
                           # watching now.", "The briefing is broadcast live on MOFA's … channels.", "Simultaneous
                           # interpretation in English is available …", "Answers are unofficial English translations …"
                           r"|^(?:started streaming|streamed live on)\b|\b[\d.,]+\s?[KkMm]? watching now\b"
                           r"|^(?:the )?(?:briefing|press (?:briefing|conference)|event|programme|program|ceremony"
                           r"|session|meeting) (?:is|will be) (?:being )?(?:broadcast|streamed|livestreamed|aired)"
                           r" live\b"
                           r"|^(?:simultaneous )?interpretation (?:in(?:to)? [A-Z]\w+ )?is (?:available|provided)\b"
                           r"|^(?:the )?(?:answers|replies|text|transcript) (?:are|is) (?:an? )?unofficial (?:\w+ )?"
                           r"translations?\b"
                           r"|^for reference only\b|^(?:all )?(?:local )?times (?:are|given are|shown are) (?:in )?"
                           r"(?:local|[A-Z][\w ]{1,40} time|GMT|UTC|ICT)\b", re.IGNORECASE)


# a bulletin's stories in one sentence after a colon, however long (read 108): "Our top stories tonight: families in
# Quảng Ngãi welcome fishermen home …; Hanoi and Vientiane agree …; and …" (its menu over several: _bulletin_menu)
STORIES_MENU = re.compile(r"^(?:(?:here are |these are )?(?:our|the) )?(?:top|main) (?:stories|headlines|news)"
                          r"(?: (?:tonight|today|this (?:morning|afternoon|evening|hour)))?\s*:"
                          # (read 121: "Coming up in today's bulletin: a deputy foreign minister's trip to …")
                          r"|^coming up (?:in|on) (?:today's|today’s|this week's|this week’s|this|our|the) "
                          r"(?:bulletin|programme|program|show|episode|edition|broadcast)\s*:"
                          r"|^(?:and )?(?:first|next|finally|also) (?:tonight|today|this (?:morning|evening|hour))"
                          r"\s*[.:]?$", re.IGNORECASE)  # (its turn to a story: "First tonight.")


# a quotation of a few words (six at most) with no speaker, as a feature opens: "“Mayday, mayday, mayday.”",
# "\"Sis, they took our passports again.\""
BARE_QUOTE = re.compile(r"^[\"“‘][^\"“”‘’]{1,60}[\"”’]$")
# a joint statement's preamble, its parties and what they recall: "The Republic of South Africa and the Socialist
# Republic of Viet Nam, recalling the establishment of diplomatic relations in December 1993 …"
PREAMBLE_AFTER_SUBJECT = re.compile(r"^(?:(?:[A-Z][\w'’.-]*|of|the|and|for|&)\s){2,20}?(?:[A-Z][\w'’.-]*),\s"
                                    r"(?:recalling|reaffirming|recognizing|recognising|bearing in mind|guided by"
                                    r"|desiring|noting|mindful of|convinced)\b")
# (its parties' names only: not "… released a joint statement on December 21 …, reaffirming …")
# what points to news without telling it: "Growers in the deltas may soon find out.", "Tonight I have good news to
# share.", a briefing's order of business ("After that I will take your questions.")
POINTER = re.compile(r"\b(?:may|might|will|could|(?:is|are) about to) (?:soon )?find out[.!]$"
                     r"|^(?:(?:tonight|today|now|and),? )?(?:I|we) (?:have|bring) (?:some )?(?:good|great|important)"
                     r" news(?: to share| for you)?[.!]$"
                     # (read 29) "Let me begin with the good news that brought so many of you here."
                     r"|^(?:let me|allow me to|I will|I['’]ll) (?:begin|start|open) with (?:the|some) (?:good|great)"
                     r" news\b[^.!?]{0,60}[.!]$"
                     r"|^(?:(?:this year|today|tonight|now),? )?(?:I|we) have (?:a |some )?(?:special |little |big )?"
                     r"(?:gift|surprise|present)s? for you[.!]$"
                     r"|^(?:after that|then),? I(?: will|['’]ll) take (?:your )?questions[.!]$"
                     # (read 114) "Today, I am pleased to announce a new commitment."
                     r"|^(?:(?:today|now),? )?(?:I am|I['’]m|we are|we['’]re) (?:very |most )?(?:pleased|happy"
                     r"|delighted|proud|honou?red|glad) to (?:announce|share) (?:a|an|the|two|three|some|our) "
                     r"(?:new |important |major |first |further )?(?:commitment|initiative|decision|step|measure"
                     r"|announcement|plan)s?[.!]$", re.IGNORECASE)
# a call to read on that names nothing: "Find out who can apply and how.", "Read technical briefing 6." (not "Find
# out about the final route for Phase Two of HS2.", whose names say what the page is about)
BARE_CALL = re.compile(r"^(?i:find out|read|learn|see|check|discover)\b(?:\s+[a-z0-9][\w'’-]*){0,10}[.!]?$")


# what a GOV.UK page prints above its lead, when its lines were run together: the kind of page ("Press release New
# sanctions target …", "News story The Foreign Office …", "Speech Statement by …"), a link to the full text ("Read the
# full statement We, the foreign ministers …") and a note on the transcript ("(Original script, may differ from
# delivered version) Thank you, …")
PAGE_LABEL = re.compile(r"^(?:(?:Press release|News story|Speech|(?:Oral |Written )?[Ss]tatement to Parliament"
                        r"|Policy paper|Correspondence|Read the full (?:statement|speech|text|transcript)"
                        r"|(?:Teaser|Summary|Page summary|Standfirst|Sapo|Latest update):)"
                        r"(?:\s*[·|•—–-])?\s+"  # "Speech · Statement by …", "Press release | The UK …"
                        rf"|(?i:\((?:{_SCRIPT_NOTE})[^)]{{0,80}}\))\s*)+"
                        r"(?=[A-Z\"“‘(])")
# the headline before such a label ("UK sanctions network supplying drones to Russia Press release New sanctions …"):
# a few words with no sentence's end, then the label in its page's own capitals
HEADED_PAGE_LABEL = re.compile(r"^[^.!?]{3,200}?\s(?=(?:Press release|News story|Speech|(?:Oral |Written )?[Ss]tatement"
                               r" to Parliament|Policy paper|Correspondence)\s+[A-Z\"“‘(])")


# a liveblog entry's time: "11:20 – Foreign Minister …", "[10:45] …", "10.45am – …", "10:45 AM – …"
ENTRY_TIME = re.compile(r"^(?:\[\d{1,2}[:.]\d{2}\]|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
                        r"|\d{1,2}\.\d{2}\s*[AaPp]\.?[Mm]\.?|\d{1,2}\.\d{2}(?=\s*[-–—]))\s*[-–—:]?\s+(?=[A-Z\"“‘])")


# a heading run into the sentence after it, as in a page whose lines were joined ("Economic Diplomacy in a New Era In
# 2024, economic diplomacy …", "Priorities for 2025 This year, the sector …"): words in title case (small words in
# lower case), then a capitalised word that opens sentences and never stands capitalised inside one, then a lowercase
# word or a number. ("told The Times" is kept: "Times" is capitalised; so is "His Royal Highness The Prince of Wales".)
_HEADING_WORD = (r"(?:[A-Z0-9][\w'’&+./-]*|\([A-Z]{1,4}\)|a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|into"
                 r"|amid|over|via)")  # "(AM)": a UN meeting's "9876th Meeting (AM)"
_OPENS_SENTENCE = ("In|On|At|As|After|During|Following|According|Amid|Despite|Since|With|This|These|Last|Earlier|The"
                   "|Today|Yesterday|Recently|Meanwhile|Speaking|Under|Over")
RUN_IN_HEADING = re.compile(rf"^[A-Z][\w'’&+/-]*(?:,?\s+{_HEADING_WORD}){{1,20}}?(?<![.,])\s+"
                            rf"(?=(?:{_OPENS_SENTENCE})\s+(?:[a-z]|\d)[^.!?]*?\s[a-z])")


# the end of a communiqué's or resolution's operative paragraph: "…;", "…; and"
OPERATIVE_END = re.compile(r";(?:\s+and)?\s*$")
# a preambular paragraph, which only sets the scene: "Recalling …;", "Taking note of …;", "Deeply concerned …;"
PREAMBULAR = re.compile(r"^(?:[A-Z][a-z]+ing\b|Having\b|Deeply\b|Gravely\b|Bearing in mind\b|Mindful\b|Aware\b"
                        r"|Concerned\b|Guided\b|Convinced\b)")


# a briefing's role label before the answer, in any page: "Spokesperson: Viet Nam's competent authorities …"
# and a broadcast transcript's speaker with a cue ("THU HANG (studio): …", "MINH DUC (voiceover): …", read 39)
ROLE_LABEL = re.compile(r"^(?:(?:Deputy )?(?:Spokes(?:person|man|woman)|SPOKES(?:PERSON|MAN|WOMAN))|Moderator"
                        r"|MODERATOR|(?i:presenter|reporter|correspondent|anchor|host|narrator))"
                        r"(?: \([^()]{1,120}\))?\s*:\s+(?=[A-Z\"“])"  # (also "Spokesperson (Mrs. …):", "REPORTER (…):")
                        r"|^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} \((?i:studio|voice-?over|vo|off-camera|on camera"
                        r"|in vision|presenter|anchor|host|reporter|correspondent|live|sot|package)\)\s*:\s+"
                        r"(?=[A-Z\"“])")


PICTOGRAPHS_BEFORE = re.compile(r"^[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d\s]+(?=\S)")  # "❄️ Ambassador …"


def clean_statement(sentence: str, interview: bool = False) -> str:
    """A sentence as a summary may use it: no leading dateline, "./." ended as "."; in an interview (the article
    asks questions) no speaker label before an answer either ("UK: The government …" elsewhere is kept)."""
    sentence = ENTRY_TIME.sub("", BULLET.sub("", PICTOGRAPHS_BEFORE.sub("", sentence.lstrip()), count=1), count=1)
    sentence = PAGE_LABEL.sub("", HEADED_PAGE_LABEL.sub("", sentence, count=1), count=1)
    sentence = PAGE_LABEL.sub("", strip_dateline(strip_page_header(sentence)), count=1)  # a label after a header
    sentence = RUN_IN_HEADING.sub("", DATED_TITLE_SPEAKER.sub("", sentence, count=1), count=1)
    sentence = FOOTNOTES_AFTER.sub("", FOOTNOTE_MARK.sub("", LIVE_LABEL.sub("", sentence, count=1)))
    sentence = without_salutation(FULL_TEXT_LEAD.sub("", BYLINE_DASH.sub("", sentence, count=1), count=1))
    if interview and not QUESTION_PREFIX.match(sentence):
        sentence = SPEAKER.sub("", sentence, count=1)
    sentence = ROLE_LABEL.sub("", sentence, count=1)
    if len(sentence.split()) >= 10 and not PREAMBULAR.match(sentence):  # an operative paragraph ("2. Strongly
        sentence = OPERATIVE_END.sub(".", sentence)                       # condemns …;") is a statement
    return closed_quotation(without_end_mark(sentence))


# a list run into the sentence that introduces it, as in a page whose lines were joined ("… the following outcomes:
# - Both sides agreed …"): the introduction (never chosen, it ends in ":") and the items are sentences of their own
LIST_START = re.compile(r"(?<=:)\s+(?=[-–—•*]\s+[A-Z\"“‘])")
BULLET = re.compile(r"^[-–—•*]\s+(?=[A-Z\"“‘])")


# footnotes run on after the last sentence, as in a page whose lines were joined ("… on March 11. [1] Decision …")
FOOTNOTES_AFTER = re.compile(r"(?<=[.!?”\"])\s+\[\^?\d{1,3}\]:?\s.*$")
# the button of a cookie notice left before the next sentence ("… use of cookies. Accept Vietnam and …")
COOKIE_BUTTON = re.compile(r"^(?:Accept|Reject|Accept all|Reject all|I agree|Agree|Got it|OK)\s+(?=[A-Z\"“])")
# a live page's label ("LIVE: Typhoon Kajiki makes landfall …"), an advisory's "Last Update: Reissued …" (read 37), a
# live page's summary box ("What's happening: Prime Minister … urged …", read 109)
LIVE_LABEL = re.compile(r"^(?:LIVE|BREAKING(?: NEWS)?|JUST IN|EXCLUSIVE)\s*[:|–—-]\s+(?=[A-Z\"“])"
                        r"|^(?i:last updated?|what(?:'s|’s| is) happening(?: now)?|what we know(?: so far)?"
                        r"|the latest)\s*:\s+(?=[A-Z\"“])")
# a briefing's dated title and the speaker's label run into the first answer, as in a page whose lines were joined
# ("Foreign Ministry Spokesperson Guo Jiakun's Regular Press Conference on March 10, 2026 Guo Jiakun: Vice Premier …")
DATED_TITLE_SPEAKER = re.compile(r"^[A-Z][^.!?:]{10,200}?\b\d{4}\s+(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*:\s+"
                                 r"(?=[A-Z\"“])")
# a byline between the dateline and the lead: "Hanoi (VNA) – By Thu Trang – Vietnam People's Army sent …"
BYLINE_DASH = re.compile(r"^By\s+(?:[A-Z][\w’'.-]*\s+){1,5}[–—-]\s+(?=[A-Z\"“])")
# a speech's "Full text of …" or "Speech by …" heading run into its first words ("Full text of the statement Thank you,
# Mr. President.", "Speech by General Secretary … Development Dear comrades, …")
FULL_TEXT_LEAD = re.compile(rf"^(?:(?i:{FULL_TEXT_OF})[^.!?:]{{0,100}}?\s+|(?:Keynote |Opening |Closing )?(?:Speech"
                            r"|Remarks|Address) (?:by|of|delivered by)\b[^.!?:]{0,160}?\s+(?=(?:Dear|Ladies and "
                            r"gentlemen|Excellenc|Your Excellenc|Distinguished|Thank you)\b))"
                            r"(?=(?:Thank you|Thanks|Mr\.? |Madam|Excellenc|Your Excellenc|Distinguished|Dear |Ladies"
                            r"|Good (?:morning|afternoon|evening)|Colleagues|Friends)\b)")


def without_salutation(sentence: str) -> str:
    """A sentence without the forms of address a speaker opens it with ("Excellencies, ladies and gentlemen, I thank
    …" -> "I thank …"; "Mr. President, Vietnam …" -> "Vietnam …"), when a capitalised sentence of three words or more
    remains; else the sentence as it was."""
    rest = _after_address(sentence)
    return rest if rest != sentence and rest[:1].isupper() and len(rest.split()) >= 3 else sentence


def closed_quotation(sentence: str) -> str:
    """A sentence that opens a quotation it does not close (it goes on in the next sentence) with the closing mark
    added, and one that closes a quotation opened before with the opening mark: a summary never leaves a quotation
    open, as if the summary's own words went on, nor closes one it never opened."""
    if sentence.count("“") > sentence.count("”"):
        return sentence + "”"
    if sentence.count("”") > sentence.count("“"):  # the end of a quotation an earlier sentence opened
        return "“" + sentence
    if sentence.count('"') % 2:  # the unmatched mark is the last: it opens a quotation (append) or closes one
        last = sentence.rfind('"')
        opens = (last == 0 or not sentence[last - 1].isalnum() and sentence[last - 1] not in ".,!?;…") \
            and sentence[last + 1:last + 2].strip() != ""
        return sentence + '"' if opens else '"' + sentence
    return sentence


def whole_quotations(sentences: list[str], max_words: int = 80) -> list[str]:
    """Sentences with a quotation that runs over several of them joined into one (at most four sentences and
    ``max_words`` words) where its last sentence names the speaker, so a summary takes the quotation whole and says
    who spoke ("“The UK stands with Sudan. We will not forget,” the Foreign Secretary said …")."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        closed = closed_quotation(sentence)
        if closed.startswith(sentence) and closed != sentence:  # it opens a quotation
            for j in range(i + 1, min(i + 4, len(sentences))):
                after = closed_quotation(sentences[j])
                if after == sentences[j]:
                    continue  # inside the quotation
                joined = " ".join(sentences[i:j + 1])
                if after.endswith(sentences[j]) and len(joined.split()) <= max_words and ATTRIBUTED.search(joined):
                    sentence, i = joined, j
                break
        out.append(sentence)
        i += 1
    return out


def is_question(sentence: str) -> bool:
    text = sentence.strip()
    return text.rstrip("\"'”’»)]*").rstrip().endswith("?") or bool(QUESTION_PREFIX.match(text) or PROMPT.match(text))


class Candidates(NamedTuple):
    """An article's sentences (cleaned), which are statements (``statements``), which of those the rules for what
    stands above the news leave to choose from (``allowed``), and how many of its sentences ask a question."""
    sentences: list[str]
    statements: np.ndarray
    allowed: np.ndarray
    questions: int


def candidates(text: str, headline: str | None = None) -> tuple[list[str], np.ndarray]:
    """The article's sentences and which of them may be chosen (see :func:`statement_candidates`)."""
    found = statement_candidates(text, headline)
    return found.sentences, found.allowed


# a radio bulletin's headlines read before its stories: "Here are the main points of this bulletin." … "Now the
# details." (read 88)
BULLETIN_MENU = re.compile(r"^(?:here (?:are|is)|these are|first,? (?:the|our)) (?:the |our )?(?:main (?:points|stories"
                           r"|headlines|news)|headlines|top stories|news headlines)\b", re.IGNORECASE)
BULLETIN_DETAILS = re.compile(r"^(?:and )?(?:now|first),? (?:(?:for|to) )?the (?:details|full stories|stories in full"
                              r"|news in (?:full|detail))\b", re.IGNORECASE)
# a station's identification: "ANNOUNCER: This is the Voice of Vietnam, broadcasting from Hanoi …", "You're listening
# to VOV World." (read 88)
STATION_ID = re.compile(r"^(?:this is|you(?:['’]re| are) listening to) (?:the )?(?:voice of (?:vietnam|viet nam)"
                        r"|vov\w*|radio [A-Z]\w+|[A-Z]\w+ radio)\b(?!['’])", re.IGNORECASE)  # (not "This is the Voice
# of Vietnam's first bureau in …", a review found)


def _bulletin_menu(raw: Sequence[str]) -> list[int]:
    """A radio bulletin's headlines (:data:`BULLETIN_MENU`, up to its :data:`BULLETIN_DETAILS` line, ten sentences at
    most below it): its first story follows them."""
    menu = next((i for i, s in enumerate(raw[:12]) if BULLETIN_MENU.match(s.strip())), None)
    details = next((j for j in range(menu + 1, min(menu + 11, len(raw))) if BULLETIN_DETAILS.match(raw[j].strip())),
                   None) if menu is not None else None
    return list(range(menu, details + 1)) if details is not None else []


def _words_only(text: str) -> str:
    """A text's words in lower case, one space apart (no punctuation): what a sentence and a title share when one
    says the other again."""
    return " ".join(re.findall(r"\w+", text.lower()))


def statement_candidates(text: str, headline: str | None = None, kind: str | None = None) -> Candidates:
    """The article's sentences (leading datelines and, in an interview, speaker labels stripped) and which of them
    may be chosen; an article of nothing but questions, captions and credits has none. A photo credit that the
    splitter joined to the next sentence is cut off it, and the sentence before it (the caption) is left out, as are
    the sentences of a caption line ("… documents. Photo: VNA") and the one before a credit standing alone. With the
    article's ``headline``, an opening that shares no word with it is passed over for the dated lead that tells
    its story (:func:`_untold_opening`). On a page of the ``kind`` an opinion piece is, its thesis leads
    (:func:`_opinion_thesis`)."""
    raw = whole_quotations([piece for sentence in split_sentences(text) for piece in LIST_START.split(sentence)])
    interview = any(is_question(s) for s in raw)
    lines = [line for line in text.splitlines() if line.strip()]
    slides = sum(1 for line in lines if _slide_caption(line.strip()))
    line_sentences = [split_sentences(line) for line in lines]  # (each line split once)
    captions = {s for n, (line, said) in enumerate(zip(lines, line_sentences))
                if is_caption(line.strip()) or (len(lines) > 1 and _story_note_line(line))  # (a joined row is one
                or (n + 1 < len(lines) and credited_caption(line.strip()))  # line: its note is cut by sentence)
                or (slides >= 2 and _slide_caption(line.strip())) for s in said}  # a gallery's slide, every sentence
    captions |= {c for line in lines if (c := labelled_caption_sentence(line.strip()))}
    captions |= {s for said in line_sentences for s in _signed_off(said)}
    raw = [COOKIE_BUTTON.sub("", s.lstrip(), count=1) if i and COOKIES.search(raw[i - 1]) else s
           for i, s in enumerate(raw)]
    questions = sum(is_question(s) for s in raw)
    sentences = [clean_statement(s, interview) for s in raw]
    if any(is_salutation(s) or _courtesy(s) for s in raw):  # a speech: "Colleagues, almost three years into …"
        sentences = [_without_vocative(s) for s in sentences]
    mixed = any(len(s.split()) >= 5 and not _in_capitals(s) for s in raw)  # (a wire all in capitals is text)
    allowed = np.array([is_statement(s) and s not in captions and raw[i] not in captions
                        and not (mixed and _in_capitals(s)) for i, s in enumerate(sentences)], dtype=bool)
    for i, sentence in enumerate(s.strip() for s in raw):
        credits = BARE_CREDIT.match(sentence) or CROWN_CREDIT.match(sentence) \
            or (SOURCE_CREDIT.match(sentence) and i + 1 < len(raw))  # "Source: VNA" also ends articles
        if credits and i and not dateline_matches(raw[i - 1]):
            allowed[i - 1] = False
        credit = _credit_end(sentence)  # before cleaning, which may cut up to a dateline behind it
        if credit:
            sentences[i] = clean_statement(sentence[credit:], interview)
            allowed[i] = is_statement(sentences[i])
            if i:
                allowed[i - 1] = False
    for i in list_items(raw) + numbered_sidebar(raw):
        allowed[i] = False
    for i in range(len(raw) - 1):  # an op-ed's note that its author wrote it, over the outlet's introduction of it
        if INTRODUCES_TEXT.match(raw[i + 1].strip()) and (WROTE_ARTICLE.match(sentences[i]) or (
                WROTE_ON.match(sentences[i]) and "respectfully" in raw[i + 1])):
            allowed[i] = False
    for i in range(1, len(raw)):  # the answer to a question the writer asks ("Can diplomacy attract investment? …")
        if is_question(raw[i - 1]) and (ANSWER_TO_QUESTION.search(sentences[i]) or (  # (raw after its cookie button)
                SHORT_REPLY.match(sentences[i]) and len(sentences[i].split()) <= 12)):  # "Yes, but only if …"
            allowed[i] = False
    if headline:  # (the headline again as a sentence of no verb: a feed item's "description" section, read 87; not a
        said = _words_only(headline)  # lead that its title repeats, "The … Bill has received Royal Assent.", nor a
        again = np.array([_words_only(s) == said and not FINITE_VERB.search(s) and not STORY_VERB.search(s)
                          for s in raw], dtype=bool)  # headline's "Vietnam, Laos sign …", nor all there is: a review)
        if (allowed & ~again).any():
            allowed &= ~again
    statements = allowed.copy()
    # what stands above the news, each rule seeing what the rules before it left (in this order)
    above_the_news: tuple[Callable[[], list[int]], ...] = (
        lambda: _opening_scene(raw, lines, allowed), lambda: _feature_opening(raw, allowed),
        lambda: _before_announcement(raw, allowed), lambda: _background_opening(raw, allowed),
        lambda: _untold_opening(raw, allowed, headline),
        lambda: _quote_box(raw, allowed, lines),
        lambda: _situation_opening(raw, allowed, headline), lambda: _authority_opening(raw, allowed, headline),
        lambda: _anaphoric_opening(raw, allowed), lambda: _digest_intro(raw), lambda: _bulletin_menu(raw),
        lambda: _deck_opening(raw, allowed, headline), lambda: _anecdote_opening(raw, allowed, headline),
        lambda: _portrait_opening(raw, allowed, headline),
        lambda: _saying_opening(raw, allowed), lambda: _opinion_thesis(raw, allowed, kind, headline),
        lambda: _thesis_opening(raw, allowed, headline, questions),
        lambda: _nut_graf_opening(raw, allowed), lambda: _dated_news_below(raw, allowed, headline),
        lambda: _past_opening(raw, allowed), lambda: _place_scene(raw, allowed),
        lambda: _explainer_peg(raw, allowed, headline),
        lambda: _framed_report(raw, allowed, headline),
        lambda: _interview_news(raw, allowed, headline, kind), lambda: _live_news(raw, allowed, headline))
    for passed_over in above_the_news:
        allowed[np.asarray(passed_over(), dtype=int)] = False
    first = next((i for i, ok in enumerate(allowed) if ok), None)  # a feature's opening cry, a line of its own
    if first is not None and BARE_QUOTE.match(raw[first].strip()) and len(raw[first].split()) <= 6 \
            and raw[first].strip() in (line.strip() for line in lines) \
            and any(allowed[i] and LEAD_ACT.search(raw[i]) and NEWS_DAY.search(raw[i]) for i in range(first + 1,
                                                                                                   len(raw))[:6]):
        allowed[first] = False  # (above a news lead reporting an act on a day)
    dated = next((i for i, sentence in enumerate(raw[:8]) if marks_a_lead(dateline_matches(sentence.strip()))), None)
    # a lead under its dateline: key points, a teaser or captions above it are not the lead, a standfirst may be
    for i in range(dated or 0):
        if not_a_standfirst(raw[i]) or not_a_standfirst(sentences[i]):
            allowed[i] = False
    return Candidates(sentences, statements, allowed, questions)


# a feature's opening scene: "On a misty morning on the Ma Pi Leng pass, ambassadors …", "Under a midday sun that
# pushes the thermometer past 45 degrees, Captain …" (a weather or a light and a time of day; not "On the morning of
# April 2, …", "Under a new agreement, …"; nor the small hours, "Shortly after 9 a.m., the Prime Minister arrived …",
# which open news as often as scenes)
# the weather or the light of a scene as its subject, held or lingering ("The morning mist had not yet lifted from the
# banks of the Mekong when the first pupils arrived, …", read 34; "… haze hung over the river"): what happens in it is
# the scene's; not news the weather makes ("The morning fog forced the closure of Noi Bai …"), nor "The night air raids
# …", "The morning light rail trains …"
SCENE_WEATHER = re.compile(r"^The (?:early )?(?:morning|evening|dawn|night|afternoon) (?:mist|fog|haze|sun|light|air"
                           r"|rain|heat|chill)"
                           r"(?: (?:over|on|along|across|above|in|from|at|around|outside) [^,.;:]{1,60}?)?"
                           r" (?:(?:had|has) (?:not yet |barely |only just |just |already )?(?:lifted|cleared|risen"
                           r"|burned off|burnt off|broken|faded|set|settled|stopped|eased|thinned|begun|started)"
                           r"|(?:began|started|was beginning) to (?:lift|clear|fade|rise|burn off|thin|break|set)"
                           r"|(?:had|has) yet to|was (?:still|already|just|thick|heavy|thin|beginning|starting|fading"
                           r"|lifting|rising|crisp|cool|warm|stifling|oppressive|bright|soft|pale|grey|gray)"
                           r"|(?:still )?(?:hung|hangs|lingered|lingers|clung|clings|lay|lies|drifted|drifts|hovered"
                           r"|hovers|shone|shines|glinted|filtered|rolled|rose|blanketed|shrouded))\b")
SCENE = re.compile(rf"{SCENE_WEATHER.pattern}"
                   r"|^(?:On|In|Under|Beneath|At|As) (?:a|an|the) (?:[\w-]+,? ){0,2}?(?:misty|foggy|rainy|sunny"
                   r"|cold|hot|humid|scorching|midday|chilly|grey|gray|windy|sweltering|blazing|freezing"
                   r"|drizzly|crisp|cloudless|damp|muggy|searing|pale|hazy|warm|mild|stormy|snowy|frosty|breezy)"
                   rf"(?: (?i:{MONTHS}|spring|summer|autumn|winter|monsoon|{WEEKDAYS}))?"  # ("On a drizzly Tuesday
                   # morning, 14 officials filed past …", read 73; "On a warm Thursday evening in Vientiane, Vietnam and
                   # Laos closed …" is news: NEWS_IN_A_SCENE)
                   r" (?:sun|sunshine|morning|afternoon"
                   r"|evening|night|day|dawn|dusk|sky|skies|rain|air)\b")  # ("Under a pale November sun, …", read 30)
# what a scene's own people do (not news with its figures: "… as some 300 veterans arrived")
SCENE_ACTS = {"arrived", "returned", "landed", "joined", "attended", "came", "gathered"}
# what makes a scene of the weather a report ("The night rain had stopped by the time the ferry docked …, the provincial
# tourism department said."; also its day, or an act with its figures: "… when 15 Vietnamese solar firms began …")
WEATHER_NEWS = re.compile(r"\b(?:said|says|announced|reported|told reporters|according to)\b")
# what the police and courts do, news in any weather
ENFORCED = re.compile(r"\b(?:arrested|detained|seized|captured|charged|sentenced|fined|raided|convicted|deported"
                      r"|extradited)\b")
# what makes such an opening the news itself: "On a rainy evening in London, the Foreign Secretary announced …"
_DECLARED = r"announced|ordered|urged|decided|declared|condemned|unveiled|elected"  # (news in a scene or a deck)
NEWS_IN_A_SCENE = re.compile(rf"\b(?:{_DECLARED}|signed|agreed|said|says|held|met|called|launched|opened|adopted"
                             r"|approved|pledged|welcomed|visited|received|closed|concluded|wrapped up|inaugurated"
                             r"|celebrated|rescued)\b")  # ("… Vietnam and Laos closed their Friendship Year", a
# review found)



def _scene_is_news(opening: str) -> bool:
    """Whether an opening that sets a scene is news all the same: "On a cold December morning, police in Hanoi arrested
    12 suspects …", "On a rainy evening in London, the Foreign Secretary announced …"; of the weather as its subject,
    only with its day, an attribution, or an act with its figures (the scene's own people arrive, walk and gather)."""
    if ENFORCED.search(opening):
        return True
    if SCENE_WEATHER.match(opening.strip()):
        acts = [act for act in NEWS_ACT.findall(opening) if act not in SCENE_ACTS]
        return bool(NEWS_DAY.search(opening) or WEATHER_NEWS.search(opening) or (re.search(r"\d", opening) and acts))
    return bool(NEWS_IN_A_SCENE.search(opening) or NEWS_ACT.search(opening) or EVENT.search(opening))


# a scene at a time of a day, named only (read 90: "On a Saturday morning in Hanoi, Ambassador … arrives at the
# interview carrying …"; its present tense tells no news)
DAY_SCENE = re.compile(rf"^On an? (?:(?i:{WEEKDAYS}) )?(?:morning|afternoon|evening|night)\b[^.!?]{{0,80}}?, [^.!?]*\b"
                       r"(?:arrives|walks|sits|stands|waits|opens|fills|hums|smells|queues?|gathers?)\b")


def _opening_scene(raw: Sequence[str], lines: Sequence[str], allowed: np.ndarray) -> list[int]:
    """The first statement when it sets a scene (see :data:`SCENE`), with the rest of its paragraph, when a later
    paragraph holds a statement: a feature's point comes after its scene. (Not a piece of history: "Twenty years
    ago, on March 26, 2004, the Politburo issued Resolution 36 …" is what an anniversary's summary says.)"""
    first = next((i for i, ok in enumerate(allowed) if ok), None)
    opening = raw[first].strip() if first is not None else ""
    if first is None or not (SCENE.match(opening) or DAY_SCENE.match(opening)) or _scene_is_news(raw[first]):
        return []
    line = next((line for line in lines if opening in line), None)
    scene = [i for i in range(first, len(raw)) if raw[i].strip() in line] if line else [first]
    lead = next((i for i in scene[1:] if LEAD_ACT.search(raw[i]) and NEWS_DAY.search(raw[i])
                 and not raw[i].lstrip().startswith(QUOTE_MARKS)), None)  # the news lead in the scene's paragraph
    scene = [i for i in scene if lead is None or i < lead]  # ("… chanting as they went. The Sangha on Saturday …")
    if lead is not None:
        return scene
    later = [i for i in range(first + 1, len(raw)) if allowed[i] and i not in scene]
    latest = _latest_day_year(raw)
    dated = next((i for i in later[:4] if LEAD_ACT.search(raw[i]) and _names_this_day(raw[i], latest)
                  and not raw[i].lstrip().startswith(QUOTE_MARKS)), None)  # the scene goes on to its dated lead
    passed = [i for i in later if dated is not None and i < dated]
    if dated is not None and not any(NEWS_ACT.search(raw[i]) or re.search(r"\d", raw[i]) for i in passed):
        # ("… the first pupils arrived …" / "Some had walked …" / "Others came …" / "On September 4, Viet Nam
        # officially handed over …", read 34; not past the figures of the news, "Ha Giang welcomed 120,000 …")
        return [i for i in range(first, dated) if allowed[i]]
    return scene if later else [first] if any(allowed[first + 1:]) else []


# a speaker's own announcement: "Tonight, I am pleased to announce that the Embassy will launch …", "I can confirm
# today that the UK will provide …"
ANNOUNCES = re.compile(r"\b(?:I|we) (?:am|are) (?:very |particularly |especially |also )?"
                       r"(?:pleased|delighted|proud|happy|glad|honoured|honored|thrilled) to (?:announce|confirm"
                       r"|share (?:with you )?(?:that|the news)|inform you)\b"  # ("I am glad to share that …", read 86)
                       r"|\bI (?:hereby|now|formally) announce\b"  # ("… I hereby announce that from 1 July …", read 86)
                       r"|\b(?:I|we) can (?:today |now |also |tonight )?(?:announce|confirm)\b"
                       r"|\b(?:I|we) (?:am|are) (?:today |now |tonight )?announcing\b"
                       r"|\b(?:today|tonight),? (?:I|we) (?:announce|are announcing)\b"
                       # ("Today, I want to announce that …", read 55)
                       r"|\b(?:I|we) (?:want|wish|would like) to (?:announce|confirm)\b"
                       r"|\b(?:I|[Ww]e) (?:have|bring) (?:some )?(?:good|great) news\b"
                       r"|^(?:[Ll]et me|[Aa]llow me to|I will|I['’]ll) (?:begin|start|open) with (?:the|some)"
                       r" (?:good|great) news\b")
# a proposal the speaker or the speaker's country makes, a speech's point where it announces nothing ("First, I
# propose that …", "Therefore, I hereby propose …", "Viet Nam proposes to host …", read 68; not "As I proposed last
# year", "We propose to discuss three topics", "I propose that we observe a minute of silence", a review found)
PROPOSES = re.compile(r"\b(?:I|Viet ?[Nn]am)(?: (?:would|should) like to| (?:wish|want) to| hereby| therefore| also"
                      r"| formally| now)* propose(?:s)? (?:that\b|to (?=(?:host|hold|set|establish|create|launch|open"
                      r"|build|convene|double|raise|upgrade|sign|conclude)\b))(?![^.]*\b(?:minute of silence|agenda"
                      r"|toast)\b)")


# what a news lead does, in the past or present perfect: "… on March 12 inaugurated a joint rice research centre",
# "… agreed on June 10 to set up a joint task force"
_ACTS = (r"inaugurated|launched|began|signed|agreed|adopted|opened|held(?! up\b)|met|received|announced"
         r"|pledged|(?:co-)?hosted|visited|unveiled|approved|completed|handed|presented|awarded"
         r"|welcomed|discussed|reviewed|called|urged|kicked off|started|concluded|elevated|ratified"
         r"|established|set up|delivered|donated|provided|granted|rescued|repatriated|attended"
         r"|celebrated|commemorated|(?:co-)?organi[sz]ed|inspected|committed|released|issued"
         r"|returned|arrived|flew|landed|paid|sent|took part|joined|honoured|honored|introduced"
         r"|submitted|brought|evacuated|marked (?:the|a|an|its|their|this)")
NEWS_ACT = re.compile(rf"\b(?:{_ACTS})\b")
# ("marked the anniversary", not "marked in felt pen"); a lead may also report a death, which a history opening tells
# of as often ("Fifty-three years ago, thousands of young soldiers died …")
_LEAD_ACTS = rf"{_ACTS}|passed away|died|endorsed|(?:was|were) lit|won|(?:was|were) elected|(?:co-)?chaired"
# (ASEAN's officials "today endorsed", read 37; "More than 2,000 … lanterns … were lit in Sydney on February 8",
# read 112; "Vietnam won a seat on …", "… co-chaired the sixth … Meeting in Canberra on February 26", read 115)
LEAD_ACT = re.compile(rf"\b(?:{_LEAD_ACTS})\b")
# a day a sentence reports something on: "on Monday", "on November 19", "on 4 November"
ON_A_DAY = re.compile(rf"\bon (?:(?:{WEEKDAYS})\b|(?:{MONTHS})\.? \d{{1,2}}\b|\d{{1,2}} (?:{MONTHS})\b)", re.IGNORECASE)
# the day of a news lead: that, "on Friday (March 14)", "today", "this week", "last Wednesday"
NEWS_DAY = re.compile(rf"{ON_A_DAY.pattern}"
                      r"|\b(?:today|yesterday|this week|last week|earlier this week|this morning|this afternoon)\b"
                      rf"|\blast (?:{WEEKDAYS})\b",  # ("Last Wednesday in Hanoi, Australia and Vietnam signed …")
                      re.IGNORECASE)



YEAR_AFTER = re.compile(r",? ((?:19|20)\d\d)\b")


def _day_years(sentence: str) -> list[int | None]:
    """The year given with each day the sentence names (:data:`NEWS_DAY`), None where it gives none."""
    return [int(year.group(1)) if (year := YEAR_AFTER.match(sentence, m.end())) else None
            for m in NEWS_DAY.finditer(sentence)]


def _names_this_day(sentence: str, latest: int | None = None) -> bool:
    """Whether the sentence names a day of the news (:data:`NEWS_DAY`): without a year, or in the ``latest`` year
    that the article gives a day of, or the one before ("On September 4, 2025, …"); not history's "signed on March 5,
    2019" in an article of 2025."""
    return any(year is None or (latest is not None and year >= latest - 1) for year in _day_years(sentence))


def _latest_day_year(raw: Sequence[str]) -> int | None:
    """The latest year the article gives a day of ("on March 5, 2019", "on 4 November 2025"; not targets "by 2030")."""
    return max((year for sentence in raw for year in _day_years(sentence) if year is not None), default=None)


# a bridge from history to the news, which tells news itself where it reports an act ("Three years later, a court
# sentenced …"): "Half a century later, the story … is starting again."
_LATER_BRIDGE = (r"(?:half a century|a century|a generation|(?:some |about |nearly |almost |more than )?"
                 r"[\w-]+ (?:years|decades)) later,")
LATER_BRIDGE = re.compile(rf"^{_LATER_BRIDGE}", re.IGNORECASE)
# a time of a year long past: "In the winter of 1993, …", "In the last days of 1975, …"
_SEASON_OF_YEAR = (r"in the (?:(?:early |late )?(?:winter|spring|summer|autumn|fall|monsoon|dry season|rainy season)"
                   r"|(?:first |last |closing |early |dark )?(?:days|weeks|months)) of (?:19|20)\d\d,")
SEASON_OF_YEAR = re.compile(_SEASON_OF_YEAR, re.IGNORECASE)


def _season_long_past(opening: str, raw: Sequence[str]) -> bool:
    """An opening's time of a year (:data:`SEASON_OF_YEAR`) ten years or more before the latest year the article names:
    history ("In the winter of 1993, …" in a story of 2025), not news ("In the first months of 2025, Vietnam …")."""
    season = SEASON_OF_YEAR.match(opening)
    years = [int(y) for sentence in raw for y in re.findall(TOLD_YEAR, sentence)]  # (not a target: "by 2045")
    return bool(season) and max(years) - int(re.findall(r"(?:19|20)\d\d", season.group(0))[-1]) >= 10


# how a feature opens, with history or a scene: "Thirty years ago, …", "Seventy years ago this month, …", "When the
# EVFTA entered into force on August 1, 2020, …", "Back in 1995, …", "For most of the past three decades, …" (read 43);
# "Before sunrise at Tho Quang port, …", "Every weekend, in classrooms …", "Mist still hung over the Red River …",
# "From the paddies of the Mekong Delta to the banks of the Senegal River, …" (not "On a Sunday morning in Vientiane,
# …": news as often, a review found)
FEATURE_OPENER = re.compile(r"^(?:(?:some |about |nearly |almost |more than |exactly )?[\w-]+ (?:years|decades) ago\b"
                            rf"|{_LATER_BRIDGE}"  # (a bridge to the news: "Half a century later, …")
                            r"|for (?:more than |nearly |almost |over |some )?[\w-]+ (?:years|decades|centuries),"
                            r"|for (?:most|much) of (?:the )?(?:past |last )?(?:[\w-]+ )?(?:years|decades|centuries"
                            r"|generations|decade|century),"  # (not "For decades, Vietnam has treated …": a point)
                            r"|back in (?:the )?(?:19|20)\d\d|when\b[^.]{0,120}?\b(?:19|20)\d\d,"
                            rf"|{_SEASON_OF_YEAR}"
                            r"|(?:before|after) (?:the )?(?:sunrise|dawn|daybreak|dusk|sunset|first light|nightfall)\b"
                            # (read 118: "Under a fine drizzle on Friday morning, dozens of relatives held up …")
                            r"|under (?:a |an |the )?(?:fine |light |steady |heavy )?(?:drizzle|rain|downpour)\b"
                            # (read 112: "As the sun dropped behind the Sydney skyline, the first lanterns …")
                            r"|as (?:the )?(?:sun|dusk|darkness|night|twilight|daylight|light) (?:dropped|set|sank|fell"
                            r"|rose|came up|went down|descended|faded|settled)\b"
                            r"|(?:every|each) (?:morning|evening|night|day|weekend|week|summer|winter|spring|autumn"
                            rf"|{WEEKDAYS})\b|(?:mist|fog|haze|smoke|sunlight|the (?:morning |midday )?sun) (?:still )?"
                            r"(?:hung|hangs|hovered|hovers|lay|lies|clung|clings|drifted|drifts|settled|shrouded|crept"
                            r"|spilled|glinted|danced)\b|from the \w+ of [^,]{1,60} to the \w+ of\b)",
                            re.IGNORECASE)  # (a scene's weather, not news of it: "Fog forced the closure of …")


QUOTE_MARKS = ("\"", "“", "‘", "'", "«")
# a quotation with its speaker after it, opening a story: "“Egypt is our gateway to Africa …,” Deputy Foreign Minister
# Nguyen Quoc Hung told reporters after the meeting."
ATTRIBUTED_QUOTE = re.compile(r"^[\"“‘«][^\"”’»]{20,}[\"”’»]\s*,?\s*[^\"“”]{3,80}\b(?:said|says|told|stated|noted"
                              r"|stressed|emphasi[sz]ed|affirmed|added|declared|(?:liked|loved|used) to (?:say|tell)"
                              r"|would (?:say|tell))\b[^\"“”]{0,120}\.$")  # ("…,” he liked to tell young officers.)
# a speaker who welcomes the audience: "I am delighted to welcome you home to the Spring Homeland programme."
WELCOMES = re.compile(r"\bI(?: am|'m|’m) (?:very |most )?(?:delighted|pleased|happy|glad|honoured|honored) to welcome"
                      r" (?:you|all of you)\b"
                      r"|\bI (?:warmly |sincerely |cordially )?welcome (?:you|all of you|more than|the \d|\d)")  # ("On
# behalf of the Government, I warmly welcome more than 400 of you, …", read 58)
REPORTED = re.compile(r"\b(?:said|says|told|tells|stated|announced|confirmed|noted)\b")
# a speaker's own first person: "I am …", "we", "our" (not "Our Ocean Conference", "Phase I")
FIRST_PERSON = re.compile(r"\bI (?:am|was|have|had|will|would|can|could|want|wish|welcome|thank|believe|think|hope"
                          r"|should|must|know|see|'m|’m|'d|’d|'ll|’ll)\b|\b(?:we|our|us|my)\b|^(?:We|Our|My) (?=[a-z])")
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def unquoted(sentence: str) -> str:
    """A sentence without the words it quotes (what the writer says, not a speaker)."""
    return QUOTED.sub(" ", sentence)


# what an opening that names no one reports as news: a disaster, a time ("Heavy rains and flash floods swept across
# the northern provinces overnight, cutting off roads …")
EVENT = re.compile(r"\b(?:struck|hit|swept|tore|killed|injured|destroyed|damaged|flooded|collapsed|erupted|broke out"
                   r"|caught fire|crashed|sank|capsized|stranded|cut off|cutting off|left \w+ (?:dead|homeless)"
                   r"|overnight|last night|yesterday|this (?:morning|afternoon|evening|week))\b")
# news under way or done, which no scene tells: "Indonesia is stepping up …", "… trade has doubled."
UNDER_WAY = re.compile(r"\b(?:(?:is|are) (?:\w+ )?\w+ing|has|have|had)\b")
# what news tells in the past: "A Vietnamese fishing vessel … was attacked …", "A visa exemption … took effect …"
PAST = re.compile(r"\b(?:was|were|took|became|made|came|went|left|struck|began|saw|got|gave|won|lost|fell|rose"
                  r"|grew|reached|ended)\b")
# news just done: "… have upgraded their relations …", "… has been elected to …" (not "… has never had a trade deal")
DONE = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?!never\b|long\b|always\b|yet\b)\w+(?:ed|en|wn|un|ght)\b")


# a day in full that opens a statement: "On July 28, 1995, at the 28th ASEAN Ministerial Meeting …"
DATED_OPENING = re.compile(rf"^on (?:(?:{MONTHS})\.? \d{{1,2}},? |\d{{1,2}} (?:{MONTHS}),? )((?:19|20)\d\d),",
                           re.IGNORECASE)


# what an anniversary's story says of its history: "Thirty years later to the day, …", "… marked the anniversary …"
ANNIVERSARY = re.compile(r"\b(?:anniversary|years (?:later|on|since|after)|decades (?:later|on|since|after))\b",
                         re.IGNORECASE)


def _dated_history(opening: str, raw: Sequence[str]) -> bool:
    """An anniversary's opening dated five years or more before the latest year the article names: history ("On July
    28, 1995, …" above "Thirty years later to the day, …" in 2025), not a statement's "On 4 November 2025, the
    Government …" (nor one whose text names targets for 2030)."""
    dated = DATED_OPENING.match(opening)
    if not dated or not any(ANNIVERSARY.search(sentence) for sentence in raw):
        return False
    return _latest_year(raw) - int(dated.group(1)) >= 5


def _latest_year(raw: Sequence[str]) -> int:
    """The latest year the article names (0: none)."""
    return max((int(y) for sentence in raw for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)), default=0)


# an opening dated by its year alone or its month or day and year: "In July 1995, …", "In 1986, …", "On 11 January
# 2007, …", "On January 11, 2007, …"
YEAR_OPENING = re.compile(rf"^(?:in (?:(?:early |late |mid-)?(?:{MONTHS})\.? )?|on (?:(?:{MONTHS})\.? \d{{1,2}},? "
                          rf"|\d{{1,2}} (?:{MONTHS}),? ))((?:19|20)\d\d),", re.IGNORECASE)


def _long_past_opening(opening: str, raw: Sequence[str]) -> bool:
    """An opening dated ten years or more before the latest year the article names (:data:`YEAR_OPENING`): an
    op-ed's history ("In July 1995, when Vietnam's flag was raised …", read 62), not the news of its day."""
    dated = YEAR_OPENING.match(opening)
    return bool(dated) and _latest_year(raw) - int(dated.group(1)) >= 10


def _unnamed_scene(opening: str) -> bool:
    """A scene that names no one and nothing: twelve words or more, no capital after the first word, no figure, no
    speaker, no news under way or just done ("is/are …ing", "has …") ("Bronze drums boomed beneath the arches of the
    old medina, the scent of star anise … drifted …"; not "Indonesia is stepping up efforts to promote its culture
    abroad, …", "… trade between the two countries has doubled.", "The views expressed … were his own, the
    spokesperson said.")."""
    words = opening.split()
    return len(words) >= 12 and not any(word[:1].isupper() for word in words[1:]) and not re.search(r"\d", opening) \
        and not EVENT.search(opening) and not REPORTED.search(opening) and not UNDER_WAY.search(opening)


# a thing that a feature opens on: "A blue plastic water jug, scuffed white at the shoulders, …", "A rice cooker with a
# cracked lid, …"
OBJECT_OPENER = re.compile(r"^(?:A|An) (?:[a-z][\w-]* ){0,4}[a-z][\w-]*(?:,| with\b| of\b)")


def _object_scene(opening: str) -> bool:
    """A feature's opening on a thing (:data:`OBJECT_OPENER`) that reports nothing: no speaker, nothing done ("has
    …"), no day ("A fire broke out at a factory on Monday" is news)."""
    return bool(OBJECT_OPENER.match(opening)) and not REPORTED.search(opening) and not NEWS_DAY.search(opening) \
        and not EVENT.search(opening) and not UNDER_WAY.search(opening) \
        and not re.search(r"\b(?:took effect|came into (?:force|effect)|entered into force)\b", opening)


# the occasion a quoted opening was spoken at, named again by the news under it (read 112: "“I came to Vietnam to teach
# …,” Kenyan teacher … told the audience, drawing laughter at the Diplomatic Academy …" / "The Ministry … awarded prizes
# to 45 foreign writers … at the ceremony, …")
AT_THE_OCCASION = re.compile(r"\bat the (?:ceremony|event|gala|reception|award ceremony|prize-giving)\b")


def _feature_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A feature's opening, a scene or a piece of history (:data:`FEATURE_OPENER`) that names no act of news ("Mist
    still hung over the Red River early on Monday as the first truck …", "Thirty years ago, a team of young architects
    …"), up to the news lead a few statements below it: the first of the next six statements that reports an act on a
    day (:data:`NEWS_ACT` and :data:`NEWS_DAY`, not a quotation; under a quotation, the next statement may name its
    occasion instead, :data:`AT_THE_OCCASION`). Nothing where the first statement reports an act."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2:
        return []
    opening = raw[kept[0]].strip()
    quoted = bool(ATTRIBUTED_QUOTE.match(opening))
    reported = not quoted and REPORTED.search(unquoted(opening)) and NEWS_DAY.search(opening)  # "When asked …, the
    long_past = _season_long_past(opening, raw)
    scene = (FEATURE_OPENER.match(opening) and (not SEASON_OF_YEAR.match(opening) or long_past)
             and not (LATER_BRIDGE.match(opening) and (reports_an_act(opening) or DONE.search(opening)
                                                      or ENFORCED.search(opening)))) \
        or _dated_history(opening, raw) or (
        (_unnamed_scene(opening) or _object_scene(opening)) and not FUTURE.search(opening))
    if not (quoted or scene) or (NEWS_ACT.search(opening) and not quoted and not long_past) \
            or reported:  # minister said on Monday …": news; a season long past tells history: "In the winter of
        return []  # 1993, a young economist arrived …"
    lead = next((i for i in kept[1:7] if LEAD_ACT.search(raw[i])
                 and (NEWS_DAY.search(raw[i]) or (quoted and i == kept[1] and AT_THE_OCCASION.search(raw[i])))
                 and not raw[i].lstrip().startswith(QUOTE_MARKS) and not FIRST_PERSON.search(raw[i].strip())
                 and not LATER_BRIDGE.match(raw[i].strip())), None)  # (not the story going on: "Three years later, on
    # June 4, Hai opened a clothes stall …", a review found)
    return [i for i in kept if i < lead] if lead is not None else []


# a Vietnamese outlet's news lead, its day before its act: "Vietnam and the Gulf Cooperation Council (GCC) on October
# 13 formally launched negotiations …", "Three Vietnamese universities … on October 3 launched …"
DATED_ACT = re.compile(rf"^[A-Z][^.;:!?\"“”]{{3,160}}?\bon "
                       rf"(?i:(?:{WEEKDAYS})|(?:{MONTHS})\.? \d{{1,2}}|\d{{1,2}} (?:{MONTHS}))(?:,? \d{{4}})?"
                       rf"(?: \([^)]{{1,30}}\))?,? (?:\w+ly )?(?:{_LEAD_ACTS}|proposed)\b")
# what is still to come: "Vietnam will supply …", "… is set to open …" (news without a day)
FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:to|set to|expected to)|plans? to)\b")


# two peoples' ties told by their age (read 112): "India and Viet Nam share civilisational links going back nearly two
# thousand years, when Buddhist monks and merchants travelled …"
TIES_GO_BACK = re.compile(r"\b(?:links|ties|relations|relationship|friendship|bonds|connections|exchanges)\b"
                          r"[^.;:!?]{0,40}?\b(?:going|dating|that go|that date|which go|which date|stretching"
                          r"|reaching) back\b")


def _background_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A feature's background opening ("Italy is home to some of the world's best-known fashion houses.", "The six Gulf
    states spend more than $50 billion a year on imported food and are fast becoming …"): a first statement in the
    present that names no act, no day, no speaker, nothing past and nothing to come, above a dated lead in one of the
    next three statements (:data:`DATED_ACT`); or one that tells how far back two peoples' ties go
    (:data:`TIES_GO_BACK`), above a dated lead or an event to come on a date ("The Embassy … will organise the …
    Festival … from 21 to 23 November …")."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2:
        return []
    opening = unquoted(raw[kept[0]].strip())
    if NEWS_ACT.search(opening) or NEWS_DAY.search(opening) or FUTURE.search(opening) or REPORTED.search(opening):
        return []
    ties = bool(TIES_GO_BACK.search(opening))  # (their history may be told in the past: "…, when monks travelled …")
    if not ties and (EVENT.search(opening) or DONE.search(opening) or PAST.search(opening)):
        return []
    lead = next((i for i in kept[1:4] if (DATED_ACT.search(raw[i]) or (ties and FUTURE.search(raw[i])
                                                                        and A_DATE.search(raw[i])))
                 and not FIRST_PERSON.search(raw[i].strip())), None)
    return [i for i in kept if i < lead] if lead is not None else []


# words too common to tie a sentence to its headline (stemmed as ROUGE stems them)
COMMON_WORDS = {"the", "and", "for", "are", "was", "but", "not", "has", "had", "its", "his", "her", "our", "who", "how",
                "all", "any", "can", "may", "new", "one", "two", "six", "ten", "say", "set", "out", "off", "per", "via",
                "yet", "own", "did", "get", "got", "let", "put", "use", "she", "him", "you", "too", "now", "day", "thi",
                "with", "from", "that", "have", "been", "their", "they", "them", "will", "more", "than", "into",
                "over", "after", "about", "said", "also", "amid", "under", "what", "when", "which", "while", "year",
                "time", "here", "there", "where", "other", "some", "most", "make", "take", "just", "onli", "such",
                "veri", "first", "last", "week"}


def topic_words(text: str) -> set[str]:
    """The words of ``text`` that tie it to a story: three letters or more, not :data:`COMMON_WORDS`, stemmed and
    compared by their first five letters ("Vietnam", "Vietnamese"; "Japan", "Japanese")."""
    return {word[:5] for word in tokens(text) if len(word) >= 3 and word not in COMMON_WORDS}


UNTOLD_WORDS = 150  # how far into the article such a lead may come (a feature's opening runs to 120 words)
# a verb in the past after its subject ("investors poured", "artists gathered"; not "This telegram, typed on …", "of
# yellowed paper", "is kept"), or a news act, a past form or an event
PAST_AFTER = re.compile(r"(\S+)\s+([a-z]{3,}ed)\b")
NOT_SUBJECT = {"is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "a", "an", "the", "of", "and",
               "or", "in", "on", "at", "by", "to", "for", "with", "from", "its", "their", "his", "her", "our", "newly",
               "well", "not", "never"}
NOT_PAST = {"need", "red", "bed", "seed", "feed", "speed", "shed", "hundred", "led"}


def _past_after_subject(text: str) -> bool:
    return any(not before.endswith(",") and before.lower() not in NOT_SUBJECT and verb not in NOT_PAST
               for before, verb in PAST_AFTER.findall(text))


def reports_an_act(text: str) -> bool:
    """Whether ``text`` reports something done: a news act (:data:`NEWS_ACT`), a past form (:data:`PAST`, not
    "was"), an event (:data:`EVENT`), a speaker (:data:`REPORTED`) or a verb in the past after its subject
    ("investors poured")."""
    past = any(word not in ("was", "were") for word in PAST.findall(text))  # ("This summary was generated by …")
    return bool(NEWS_ACT.search(text) or past or EVENT.search(text) or REPORTED.search(text)
                or _past_after_subject(text))


def _dated_act(sentence: str) -> bool:
    """Whether a sentence reports an act on a day (:data:`LEAD_ACT` and :data:`NEWS_DAY`, or :data:`DATED_ACT`)."""
    return bool((LEAD_ACT.search(sentence) and NEWS_DAY.search(sentence)) or DATED_ACT.search(sentence))


# what an opinion piece argues: "… our cultural diplomacy should invest in them …", "… it must be organised, staffed
# and funded as one", "Việt Nam's economic diplomacy now needs to shift from …" (reads 50, 52), "It is time for …"
ARGUES = re.compile(r"\b(?:must|should|ought to|needs? to|has to|have to|cannot afford to|it is time"
                    r"|(?:want|wish|would like|intend) to argue|my (?:central |main )?(?:point|argument) is)\b"
                    # or sets what a thing is against what it is not (read 56): "… is no longer mainly about cutting
                    # tariffs but about shaping …", "… looks less like capitulation than like a case study …"
                    r"|\b(?:is|are|looks?|lies|seems?)\s+(?:\w+\s+)?(?:(?:not|no longer)\b[^.;:!?]{2,120}?\bbut"
                    r"|less (?:like|about|a|an|the)\b[^.;:!?]{2,120}?\bthan)\b"
                    # (read 89) "… will only keep its promise if …", "… will benefit both countries only if …", "…
                    # depends less on rescue operations than on …", "Far from being a sign of indecision, …", "… lies
                    # not in … but in …", "… is shifting from quiet accommodation towards …"
                    r"|\bwill only\b[^.;:!?]{2,120}?\bif\b|\bwill [^.;:!?]{2,80}?\bonly if\b"
                    r"|\bdepends? (?:less|more) on\b[^.;:!?]{2,120}?\bthan\b|^far from being\b"
                    r"|\b(?:grounded|rooted|lies|measured|judged) not (?:in|by|on|as)\b[^.;:!?]{2,120}?\bbut\b"
                    r"|\b(?:is|are) (?:now )?(?:shifting|moving|turning) from\b[^.;:!?]{2,120}?\b(?:to|towards?)\b",
                    re.IGNORECASE)  # (not a fact of the past, "… was not a subject for … but for …", nor a comparison,
# "… is growing less quickly than …": review 6)
# a writer who tells of their own past days: "When I arrived in Canberra …", "… I watched a young French student …"
# (not a speaker's "I am pleased to announce …", "My delegation welcomes …", nor Mỹ Sơn's "My Son Sanctuary")
NARRATOR = re.compile(r"\bI (?:was|had|saw|met|came|went|spent|took|left|began|knew|heard|first|remember|recall|grew"
                      r"|[a-z]{3,}ed)\b|\b[Mm]y (?:first|own|father|mother|family|grandfather|grandmother|childhood"
                      r"|years|days|time|posting|colleagues)\b")
ADDRESSED = re.compile(r"\byou\b", re.IGNORECASE)  # advice to the reader argues nothing ("you really need to …")
# someone else's view, reported: "… must be restored, experts said", "Some argue that …", "…, she added." (not the
# writer's "I want to argue …")
OTHERS_VIEW = re.compile(r"\b(?:(?<!to )argue[sd]?|adds?|added|insist(?:s|ed)?|claim(?:s|ed)?|warn(?:s|ed)?"
                         r"|urge[sd]?)\b")
# an interview's page, whose answers argue the interviewee's view: a headline that gives it to its speaker ("Moscow
# teacher: …", "Hungarian ambassador: …"), or a set-up that says so ("Vietnam Times spoke to her about …")
SPEAKER_HEADLINE = re.compile(r"^[^:]{0,40}?\b(?:ambassador|envoy|minister|teacher|expert|official|professor|scholar"
                              r"|diplomat|economist|analyst|leader|chief|head|director|president|spokes\w+|chair\w*"
                              r"|consul|researcher|student|worker|businessman|businesswoman)\s*:", re.IGNORECASE)
# (one speaker, the last word before the colon: not "Books as patient ambassadors: …")
INTERVIEW_SETUP = re.compile(r"\b(?:spoke|talked|talks|speaks|sat down) (?:to|with)\b|\binterview", re.IGNORECASE)
# a thesis the writer marks as one, whatever the opening ("My argument is simple: Vietnam should …", read 58)
THESIS_MARKER = re.compile(r"\b(?:my (?:central |main |core )?(?:argument|point|contention) (?:is|here is)\b"
                           r"|I (?:want|wish|would like|intend) to argue\b"
                           r"|this (?:article|essay|piece|column) argues\b)", re.IGNORECASE)
# an opinion piece's or a feature's opening scene or anecdote, above its thesis (read 89): "At five in the morning, the
# packing shed …", "Every Sunday morning, a temple courtyard …", "On a Saturday night in a café …", "When agronomist
# Phạm Văn Tuấn first arrived in Nampula …", "In the space of eleven days this spring, …", "The first thing visitors
# to the testing plant notice …" (and a quotation or a scene: :data:`SCENE`)
FEATURE_SCENE = re.compile(r"^(?:At (?:\w+ )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half"
                           r"|a quarter|dawn|dusk|midnight|noon)\b|Every (?:morning|evening|night|day|week|Sunday"
                           r"|Saturday|Monday|Tuesday|Wednesday|Thursday|Friday)\b"
                           r"|On a (?:\w+ ){0,2}(?:morning|afternoon|evening|night|day)\b"
                           r"|When (?:[a-z]+ )?[A-Z]\w+(?: [A-Z]\w+)* (?:first )?(?:arrived|came|landed|started|began"
                           r"|joined)\b|In the space of\b|The first thing\b"
                           # ("In the dry season of the year before last, a rice farmer named …", read 89)
                           r"|In the (?:dry|rainy|wet|flood|monsoon|harvest) season\b"
                           r"|[^.!?]{0,80}\b(?:a|an) (?:[\w-]+ ){0,3}named [A-Z])")
THESIS_WORDS = 250  # how far into an opinion piece its thesis may come (an anecdote and its figures run to 200 words)


def _interview_page(raw: Sequence[str], kept: list[int], headline: str | None) -> bool:
    """Whether a page is an interview, whose answers argue the interviewee's view: a headline that gives its words to
    a speaker (:data:`SPEAKER_HEADLINE`), a set-up that says so (:data:`INTERVIEW_SETUP`) up to its third statement
    (``kept``: the statements' indices)."""
    upto = kept[2] + 1 if len(kept) > 2 else len(raw)  # (the set-up too, which is no statement: INTERVIEW_NO_NEWS)
    return bool(SPEAKER_HEADLINE.match(headline or "") or any(INTERVIEW_SETUP.search(raw[i]) for i in range(upto)))


def _thesis_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None, questions: int) -> list[int]:
    """An opinion piece's opening, an anecdote of the writer's own past days (:data:`NARRATOR`), a piece of
    background (:data:`FEATURE_OPENER`, :func:`_long_past_opening`), a scene or a quotation (:data:`SCENE`,
    :data:`FEATURE_SCENE`) that argues nothing itself, above the statement
    that argues what its headline says: the first within :data:`THESIS_WORDS` words that argues (:data:`ARGUES`; not
    in a quotation, not to "you", not someone else's view reported: :data:`REPORTED`, :data:`OTHERS_VIEW`) and shares
    two words with the headline, two more than the opening (one, under history a decade back). Nothing where a
    statement before it reports an act on a day (news), nor on an interview's page (two questions,
    :data:`SPEAKER_HEADLINE`, :data:`INTERVIEW_SETUP`: the answers argue the interviewee's view; ``questions``: how
    many of ``raw`` ask one)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 2 or len(topic) < 3 or _interview_page(raw, kept, headline) or questions >= 2:
        return []
    opening = unquoted(raw[kept[0]].strip())
    long_past = _long_past_opening(opening, raw)  # ("In July 1995, when Vietnam's flag was raised …", read 62)
    history = bool(FEATURE_OPENER.match(opening) or long_past)
    scene = bool(SCENE.match(opening) or FEATURE_SCENE.match(opening) or raw[kept[0]].strip().startswith(QUOTE_MARKS))
    told = bool(NARRATOR.search(opening) or history or scene)  # (else only a thesis the writer marks as one)
    if ARGUES.search(opening) or ANNOUNCES.search(opening):
        return []
    opened = len(topic & topic_words(opening))
    # the thesis under history dated a decade back need only touch the headline (an op-ed's is figurative: "A safer
    # ASEAN starts with the people it cannot see" over "Vietnam should use the ASEAN Foreign Ministers' Meeting …")
    needed = 1 if long_past else max(2, opened + 2)
    words = 0
    for i in kept:
        sentence = raw[i].strip()
        below_scene = scene and i != kept[0] and reports_an_act(sentence) and NEWS_DAY.search(sentence)
        if (_dated_act(sentence) or below_scene) and not ((history or scene) and i == kept[0]):  # (a piece of
            return []  # history's own day: "Thirty years ago, on July 11, 1995, …", a scene's: "On a drizzly Tuesday
            # morning, 14 officials filed past …", read 73; under a scene or a quotation, any act told with its day)
        said = unquoted(sentence)
        argues = ARGUES.search(said) and not ADDRESSED.search(said) and not sentence.startswith(QUOTE_MARKS) \
            and not REPORTED.search(said) and not OTHERS_VIEW.search(said)
        shared = len(topic & topic_words(said))
        if i != kept[0] and argues and ((told and shared >= needed) or (THESIS_MARKER.search(said)
                                                                                     and shared >= 1)):
            return [j for j in kept if j < i]
        words += len(sentence.split())
        if words > THESIS_WORDS:
            break
    return []


# what an opinion piece's thesis claims, on a page labelled as one (read 92; :mod:`diplo_ml.data.page_kind`): what
# :data:`ARGUES` takes, and "… works best when …", "… earns its returns less through … than through …", "… is best
# understood as …", "… their real value lies in …", "The label matters less than the pattern", "What matters more
# than …", "… will survive only if …", "… is the clearest sign yet that …", "The 'China plus one' label
# underestimates …", "… the time has come to …", "Our central argument is that …"
CLAIMS = re.compile(ARGUES.pattern + r"|\bworks? best (?:when|if)\b"
                    r"|\b(?:less|more) (?:through|on|upon|by|about)\b[^.;:!?]{2,120}?\bthan\b"
                    r"|\bbest (?:understood|seen|read|described|explained) as\b"
                    r"|\b(?:real|true|harder|hardest|bigger|deeper|lasting) (?:test|value|question|lesson|advantage"
                    r"|challenge|prize|task|measure|significance)\b"
                    r"|\bmatters? (?:less|more) than\b|^what (?:really )?matters\b|\bonly if\b"
                    r"|\bclearest (?:sign|evidence|proof)\b"
                    r"|\b(?:underestimates?|overestimates?|misreads?|misunderstands?)\b|\bthe time has come\b"
                    r"|\b(?:our|my) (?:central |main |core )?(?:argument|point|contention|case) is\b",
                    re.IGNORECASE)
BELIEVED = re.compile(r"\b(?:believe[sd]?|think|thinks|thought|assume[sd]?|(?:is|are) often [a-z]+ed|say|tell)\b"
                      r"|^(?:if|unless|when|whether)\b", re.IGNORECASE)  # (a straw man's view, a condition's half)
# a piece that says what it looks at ("This week's lead commentary looks at how Hanoi is adjusting …", read 89)
THIS_PIECE = re.compile(r"^(?:in )?(?:this|today['’]s|this week['’]s|this month['’]s) (?:[\w-]+ ){0,2}"
                        r"(?:commentary|column|article|issue|piece|essay|newsletter|edition|letter|analysis|brief)\b",
                        re.IGNORECASE)
OPINION_WORDS = 450  # how far into an opinion piece its thesis may come (history, a scene and figures first)
# a claim that leans on the sentence before it: "They should, because …", "It changes what that role should be.",
# "Her question goes to the heart of what … must now become." (reads 57, 89, 92)
LEANS_BACK = re.compile(r"^(?:they|it(?! is time\b)|this|these|that|those|he|she|his|her|their|its|such|so|now)\b",
                        re.IGNORECASE)
CLAIM_WORDS = 10  # a thesis says what it claims of what ("Canberra and others should notice." is a coda)


def _someone_elses(said: str) -> bool:
    """Whether a sentence (its quotations left out) gives someone else's view: reported, claimed or believed
    (:data:`REPORTED`, :data:`OTHERS_VIEW`, :data:`BELIEVED`), not the writer's."""
    return bool(REPORTED.search(said) or OTHERS_VIEW.search(said) or BELIEVED.search(said))


def _opinion_thesis(raw: Sequence[str], allowed: np.ndarray, kind: str | None, headline: str | None) -> list[int]:
    """On a page labelled as an opinion piece (``kind``, :data:`~diplo_ml.data.page_kind.OPINION`), the statements
    above its thesis: the first within :data:`OPINION_WORDS` words that claims (:data:`CLAIMS`), in the writer's own
    voice (not a question, not quoted, not someone's view reported or believed: :data:`REPORTED`,
    :data:`OTHERS_VIEW`, :data:`BELIEVED`, not to "you"; of :data:`CLAIM_WORDS` words or more, not leaning on the
    sentence before: :data:`LEANS_BACK`). Nothing where the first statement reports an act on a day (a news story
    under an opinion section's label leads with its news), nor on an interview's page (:func:`_interview_page`)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if kind != OPINION or len(kept) < 2 or _interview_page(raw, kept, headline):
        return []
    opening = raw[kept[0]].strip()
    voiced = unquoted(opening)
    if _dated_act(opening) or (NEWS_DAY.search(opening) and reports_an_act(voiced)):
        return []  # ("Vietnam and Indonesia on Tuesday exchanged instruments of ratification …", a review found)
    topic = topic_words(unquoted(headline)) if headline else set()
    # (a straw man's "Many in Hanoi believe that Vietnam must choose …" tells no thesis)
    opened = 0 if _someone_elses(voiced) or THIS_PIECE.match(voiced) else len(topic & topic_words(voiced))
    claim = _first_claim(raw, kept)
    told = _headline_told(raw, kept, topic)
    shared = len(topic & topic_words(unquoted(raw[claim]))) if claim is not None else 0
    if told is not None and (claim is None or len(topic & topic_words(unquoted(raw[told]))) >= shared + 2):
        return [j for j in kept if j < told]  # (the statement that tells the headline's claim, over a claim that
        # tells little of it: "Vietnam's multilateral diplomacy has moved from simply taking part to actively
        # shaping …" under "From participant to shaper: …", read 98)
    if claim is None:
        return []
    # (an opening that tells the headline's subject more than the claim does is the thesis itself: "Putting off the
    # Mekong water-data agreement for another year is a mistake …", a review found)
    return [] if opened >= 2 and opened > shared else [j for j in kept if j < claim]


def _voiced(sentence: str, said: str, least: int) -> bool:
    """Whether a statement speaks in the writer's own voice, of ``least`` words or more: not a question, not quoted,
    not leaning on the sentence before (:data:`LEANS_BACK`), not someone else's view (:func:`_someone_elses`), not
    to "you" (:data:`ADDRESSED`)."""
    return not is_question(sentence) and not sentence.startswith(QUOTE_MARKS) and len(said.split()) >= least \
        and not LEANS_BACK.match(sentence) and not (_someone_elses(said) or ADDRESSED.search(said))


def _first_claim(raw: Sequence[str], kept: list[int]) -> int | None:
    """An opinion piece's first statement within :data:`OPINION_WORDS` words that claims (:data:`CLAIMS`) in the
    writer's own voice (:func:`_voiced`, :data:`CLAIM_WORDS` words or more)."""
    words = 0
    for i in kept:
        sentence = raw[i].strip()
        said = unquoted(sentence)
        if CLAIMS.search(said) and _voiced(sentence, said, CLAIM_WORDS):
            return i
        words += len(sentence.split())
        if words > OPINION_WORDS:
            break
    return None


TOLD_WORDS = 3  # how many of its headline's words a statement shares to tell its claim (of TOLD_LENGTH words or more)
TOLD_LENGTH = 15


def _headline_told(raw: Sequence[str], kept: list[int], topic: set[str]) -> int | None:
    """An opinion piece's first statement within :data:`OPINION_WORDS` words, after its opening, that tells what its
    headline claims: in the writer's voice (:func:`_voiced`), sharing :data:`TOLD_WORDS` of the headline's words or
    more, and more than any statement before it ("Supply chains are the new frontier of Vietnam's economic
    diplomacy" over "Vietnam's economic diplomacy must now move beyond signing trade agreements and towards actively
    securing the country's place inside regional supply chains …", read 98)."""
    most, words = 0, 0
    for n, i in enumerate(kept):
        sentence = raw[i].strip()
        said = unquoted(sentence)
        shared = len(topic & topic_words(said))
        if n and shared >= TOLD_WORDS and shared > most and _voiced(sentence, said, TOLD_LENGTH):
            return i
        most = max(most, shared)
        words += len(sentence.split())
        if words > OPINION_WORDS:
            break
    return None


# a date ("Late on the night of 27 May, …")
A_DATE = re.compile(rf"\b(?:\d{{1,2}} (?i:{MONTHS})|(?i:{MONTHS})\.? \d{{1,2}})\b")
# something done, told in the perfect: "… the commemorative granite stone table has found a new home." (GOV.UK)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:just |now |already |also |recently |finally )?"
                     r"(?!(?:a|an|the|no|not|to|been|its|their|his|her|our|long|always|never|more|less|some|many)\b)"
                     r"[a-z]{3,}\b")
# an amount, which news counts ("Foreign investors poured USD 10.2 billion into Vietnam …", "… rose 18.6 per cent")
AMOUNT = re.compile(r"\b(?:USD|US\$|VND|EUR|AUD)\s?\d|[$€£]\s?\d|\d(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b"
                    r"|billion\b|million\b|bn\b|mln\b)", re.IGNORECASE)
SCENE_STATEMENTS = 12  # how many statements a feature's opening scene or teaser may take before its dated news
SCENE_WORDS = UNTOLD_WORDS  # and how many words (as far as a lead below an untold opening)
# what a person in a scene says, quoted: "“I know the words, but everything moves so fast,” he said, laughing.",
# "“I know how to eat pho …,” says 15-year-old Mai Linh …" (not a report's "…, the ministry said")
SCENE_SPEECH = re.compile(r"^[\"“‘]|[”\"’],? (?:(?:he|she|they|I|we) (?:said|says|recalls|adds|added)"
                          r"|(?:said|says|recalls) (?:\d{1,3}-year-old|(?-i:[A-Z])\w+ (?-i:[A-Z])\w+(?:,|\.$)))")


def _dated_news_below(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """A feature's opening (a scene over paragraphs, a teaser, a person's story) above the news it comes to (read 93:
    "… on September 3 opened a permanent citizen support desk …", "… signed an agreement in Maputo on September
    16 …"): the statements above the first that reports an act on a day (:func:`_dated_act`) within
    :data:`SCENE_STATEMENTS` statements and :data:`SCENE_WORDS` words, where none of them names a day or a date
    (:data:`A_DATE`), counts an amount (:data:`AMOUNT`), reports an act (:data:`NEWS_ACT`, :data:`DONE_NEWS`,
    :data:`PERFECT`) or a speaker (:data:`REPORTED`; a scene's people may speak, :data:`SCENE_SPEECH`), tells what is
    to come (:data:`FUTURE`) or shares two words with the headline (each is news of its own: "The two neighbours
    will notify each other …", read 47; "Late on the night of 27 May, a fire broke out …", read 55), and the dated
    one shares two words with the headline (of two words or more; without one, the opening stands) and does not
    lean on the sentence above it ("Their hope rests on a deal that Japan signed on Monday …": a nut graf's turn)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(topic) < 2:  # (the headline tells what the page is about: without one, its opening stands)
        return []
    words = 0
    for n, i in enumerate(kept[:SCENE_STATEMENTS]):
        sentence = raw[i].strip()
        said = unquoted(sentence)
        shared = len(topic & topic_words(said))
        if n and _dated_act(sentence) and not sentence.startswith(QUOTE_MARKS) and not LEANS_BACK.match(sentence) \
                and shared >= 2:
            return kept[:n]
        if NEWS_DAY.search(sentence) or NEWS_ACT.search(sentence) or DONE_NEWS.search(sentence) \
                or AMOUNT.search(sentence) or shared >= 2 \
                or (REPORTED.search(sentence) and not SCENE_SPEECH.search(sentence)) \
                or FUTURE.search(said) or A_DATE.search(sentence) or PERFECT.search(sentence):
            return []
        words += len(sentence.split())
        if words > SCENE_WORDS:
            break
    return []


# a scene set in a place of no name (reads 75, 105, 108): "In a furniture factory on the northern edge of Ho Chi Minh
# City, forklift drivers are loading containers …", "In a hotel ballroom in Riyadh, a barista … pours …", "In a
# function hall decorated with sacks of jasmine rice, officials … clinked coffee cups on Tuesday afternoon, …"
SCENE_PLACE = re.compile(r"^(?:In|At|Inside|Outside|Under|Beside|Behind) (?:a|an) [^,.;:!?]{3,120},")


def _place_scene(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A feature's opening scene in a place of no name (:data:`SCENE_PLACE`) that reports no act of news, nothing done
    and nothing to come, above a statement within the next two that tells the news: an act on a day, or an amount
    (a nut graf's "Vietnam's push to diversify … is paying off, with shipments … rising 21 per cent …"); not a
    quotation, the first person or a sentence that leans on the scene."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    opening = strip_dateline(raw[kept[0]].strip()) if kept else ""
    said = re.sub(r"\b(?:would|could|might|should|may|must) have\b", "", unquoted(opening))  # ("… destinations that
    # would have seemed exotic five years ago": nothing done)
    if len(kept) < 2 or not SCENE_PLACE.match(opening) or FUTURE.search(said) or LEAD_ACT.search(said) \
            or DONE_NEWS.search(said) or REPORTED.search(said) or AMOUNT.search(said):
        return []
    for i in kept[1:3]:
        sentence = strip_dateline(raw[i].strip())
        if (_dated_act(sentence) or AMOUNT.search(sentence)) and not sentence.startswith(QUOTE_MARKS) \
                and not FIRST_PERSON.search(sentence) and not LEANS_BACK.match(sentence):
            return kept[:1]
    return []


# a feature's opening told in a year long past, or long ago (read 104): "In the winter of 1987, a 19-year-old student
# …", "In 2009, when retired teacher …", "In October 1989, a Brazilian agronomist …", "When Tran Bao Anh opened a
# coffee cart … in 2018, …", "The first time Nguyen Huu Loc flew to Ivory Coast, in March 2012, …", "Half a century
# ago, …"
PAST_OPENER = re.compile(rf"^(?:(?:back |early |late )?in (?:the (?:(?:early |late )?(?:winter|spring|summer|autumn"
                         r"|fall|monsoon|dry season|rainy season)|(?:first |last |closing |early )?(?:days|weeks"
                         rf"|months)) of )?(?:(?:early |late |mid-)?(?:{MONTHS})\.? )?((?:19|20)\d\d),"
                         r"|(?:when|the first time)\b[^.;:!?]{0,120}?\b((?:19|20)\d\d),"
                         r"|(?:half a century|a century|a generation|(?:some |about |nearly |almost |more than )?"
                         r"[\w-]+ (?:years|decades)) ago,"
                         # a scene's day of no date, or long ago (read 104): "On a grey Sunday in March last year,",
                         # "On a Tuesday afternoon in February,", "For years,"
                         rf"|on an? (?:[\w-]+ ){{0,2}}(?:{WEEKDAYS}|morning|afternoon|evening|night|day)\b[^,]{{0,40}},"
                         r"|for (?:years|decades|generations),)", re.IGNORECASE)
# the last word of a place's or a body's name, not a person's ("Hà Nam Province", "National Food Authority")
PLACE_WORDS = {"Province", "City", "District", "Street", "Road", "Market", "Park", "Station", "Airport", "University",
               "Hospital", "Ministry", "Committee", "Embassy", "Council", "Republic", "Nations", "Union", "Bank",
               "Company", "Group", "Centre", "Center", "School", "Office", "Port", "Village", "Island", "Zone",
               "Square", "Hall", "Palace", "Agency", "Authority", "Department", "Association", "Commission",
               "Delegation", "Forum", "Festival", "Assembly", "Party", "Government", "Delta", "River", "Bay", "Sea"}
PAST_STATEMENTS = 14  # how far below such an opening its news may come (read 104: twelve statements, 400 words)
PAST_WORDS = 500


def _past_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A feature that opens on a story of a year long past (:data:`PAST_OPENER`; no day of its own, nothing to come)
    and comes to its news below (read 104: "The Ministry of Foreign Affairs on June 5 launched …" under "In April 2020,
    Tran Minh Duc spent 41 nights …"): the statements above the first within :data:`PAST_STATEMENTS` statements and
    :data:`PAST_WORDS` words that names a day or date of this year, names no year up to the opening's (not the
    story's "In 2021, a fraud …"), not the story's own person, and tells its news (:func:`_tells_the_news`) or reports
    something done or to come ("More than 3,000 visitors attended the Vietnam Culture Days in Prague from May 23 to
    25, …") going on from nothing above it. Not an opening that counts an amount, nor one of the year before the
    latest the page names."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    opening = unquoted(PLACE_COLON.sub("", strip_dateline(raw[kept[0]].strip()))) if kept else ""
    past = PAST_OPENER.match(opening)
    if len(kept) < 3 or not past or FUTURE.search(opening) or NEWS_DAY.search(opening) or AMOUNT.search(opening) \
            or (past.group(0)[:4].lower() == "for " and PERFECT.search(opening)):
        return []  # (nor an anniversary's day: "Twenty years ago, on March 26, 2004, the Politburo issued …"; nor a
    # year's figures: "In 2025, Vietnam welcomed 21.2 million international visitors, …", a review found; nor a point
    # that runs to now: "For decades, Vietnam has treated its fishing fleet as …")
    told = past.group(1) or past.group(2)
    since = int(told) if told else None
    if since and _latest_year(raw) - since == 1:  # (last year's, told in this one's news: no story long past)
        return []
    named = re.findall(rf"{FULL_NAME}(?-i:[A-ZĐÀ-ÝẠ-Ỹ])[^\W\d_]*", opening)
    person = {name.split()[-1] for name in named} - PLACE_WORDS  # (its people: "… named Pham Thi Hong …" / "On
    # February 2, Hong signed …", a review found; not its places, "Hà Nam Province")
    n = _first_news_below(raw, kept, since, person, len(opening.split()), (PAST_STATEMENTS, PAST_WORDS),
                          _latest_day_year(raw))
    return kept[:n] if n else []


def _first_news_below(raw: Sequence[str], kept: Sequence[int], since: int | None, person: set[str], words: int,
                      bounds: tuple[int, int], latest: int | None) -> int | None:
    """Which of the ``kept`` statements below the first (within ``bounds``' statements and words, ``words`` counted
    already) first names a day or date of this year (``latest``), names no year up to ``since``, not ``person``, and
    tells its news (:func:`_dated_news`); None for none."""
    statements, most_words = bounds
    for n, i in enumerate(kept[1:statements], start=1):
        sentence = raw[i].strip()
        if _dated_news(sentence, [raw[k] for k in kept[:n]], latest) and not YEAR_OPENING.match(sentence) \
                and not _names_year_up_to(sentence, since) \
                and not any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in person):
            return n
        words += len(sentence.split())
        if words > most_words:
            break
    return None


def _names_year_up_to(sentence: str, since: int | None) -> bool:
    """Whether a sentence names a year no later than ``since`` (never where ``since`` is None)."""
    return bool(since) and any(int(year) <= since for year in re.findall(r"\b(?:19|20)\d\d\b", sentence))


def _dated_news(sentence: str, above: Sequence[str], latest: int | None) -> bool:
    """Whether a statement names a day or date of this year (``latest``) and tells its news (:func:`_tells_the_news`),
    or reports something done or to come going on from nothing ``above`` it."""
    dated = _names_this_day(sentence, latest) or any(
        not (year := YEAR_AFTER.match(sentence, m.end())) or (latest is not None and int(year.group(1)) >= latest)
        for m in A_DATE.finditer(sentence))  # (a date of no year, or of the latest: "from 8 to 11 July 2025")
    return bool(dated) and (_tells_the_news(sentence, above, latest) or bool(
        (reports_an_act(unquoted(sentence)) or FUTURE.search(unquoted(sentence)))
        and not sentence.startswith(QUOTE_MARKS)
        and not FIRST_PERSON.search(sentence) and not _refers_back(sentence, " ".join(above))))


# a headline that names its page an explainer, a backgrounder, a timeline or an anniversary's overview (read 115):
# "What to know about …", "Five things to know about …", "FAQ: …", "Explainer: …", "Backgrounder: …", "Timeline: …",
# "Fact box: …", "Viet Nam – Germany at 50: An overview of …", "Vietnam – Cuba at 65: milestones of …", "In numbers:
# …", "Vietnam's UNESCO journey: milestones since 1976"
EXPLAINER_TITLE = re.compile(r"^(?:explainer|backgrounder|timeline|fact ?box|factfile|faq|at a glance)\s*[:–—-]"
                             r"|\bwhat (?:you need |you should |travell?ers should |\w+ should )?to know\b"
                             r"|\b(?:five|three|four|six|seven|ten|\d{1,2}) things(?: (?:to know|you need)\b|\s*:)"
                             r"|\bat \d{2,3}\s*:\s*(?:an? )?(?:overview|look back|timeline|milestones)\b"
                             r"|:\s*(?:key )?milestones\b"  # (not news that "marks new milestones", a review found)
                             r"|^(?:by the|in) numbers\s*:"  # (read 115: "By the numbers: Five years of the EVFTA")
                             r"|\bwhat(?:'s|’s| is) on and why it matters\b", re.IGNORECASE)
MAY_HAPPEN = re.compile(r"\b(?:could|may|might|would)\s+(?!have\b)[a-z]+")  # what may come: "… could rewrite …"
EXPLAINER_STATEMENTS = 20  # how far below its framing an explainer's news may come (read 115: 17 statements)
EXPLAINER_WORDS = 800


def _explainer_peg(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """An explainer's framing (read 115: the history of two countries' ties, what a body is, a timeline's first
    entries) above the news it was written for: under a headline that names it so (:data:`EXPLAINER_TITLE`), where
    the first statement tells no news of this year (:func:`_dated_news`; this year is the latest the page tells of,
    :data:`TOLD_YEAR`), the statements above the first within :data:`EXPLAINER_STATEMENTS` statements and
    :data:`EXPLAINER_WORDS` words that does, naming no year before it ("The two countries established relations on
    3 February 1950" is history)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2 or not headline or not EXPLAINER_TITLE.search(unquoted(headline)):
        return []
    opening = strip_dateline(raw[kept[0]].strip())
    told = [int(m.group(1)) for sentence in raw for m in TOLD_YEAR.finditer(sentence)
            if not sentence[:m.start()].endswith(("–", "—"))]  # (not a term's end: "(2024–2027)")
    if not told:
        return []
    latest = max(told)  # (this year: the latest the page tells of, not one it aims at, "Vision 2045")
    if (_dated_news(opening, [], latest) and not _names_year_up_to(opening, latest - 1)) \
            or FUTURE.search(opening) or MAY_HAPPEN.search(opening):  # (nor its point, what is to come: "The CPTPP
        return []  # general review, which … aim to conclude by the end of 2026, could rewrite the rules …", read 62)
    n = _first_news_below(raw, kept, latest - 1, set(), len(opening.split()), (EXPLAINER_STATEMENTS, EXPLAINER_WORDS),
                          latest)
    return kept[:n] if n else []


# news given to its speaker at its end: "…, Deputy Foreign Minister Nguyễn Hữu Khang has said.", "…, says Associate
# Professor …", "…, Ambassador Hà Minh Tuấn told VOV World in this episode.", "…, Lộc argues." (read 94)
ATTRIBUTED_NEWS = re.compile(r",\s+(?:[^,.;:!?]{2,160}?\s)?(?:has said|have said|said|says|told\b[^.;:!?]{1,80}"
                             r"|argues|argued|explains|explained|stressed|noted)\s*[.!]?$")


def _framed_report(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """An interview's or a report's framing sentence above the news it gives to a speaker (read 94: "Cultural
    diplomacy, long treated as …, is getting a bigger budget and sharper targets." over "Việt Nam plans to open …,
    says Associate Professor …"): the first statement, where it is a sentence (:data:`CLAIM_WORDS` words; not a
    splitter's "The President of Bangladesh, Md.") that reports nothing (no act, speaker, day or date, nothing to
    come) and the second gives news (something to come, done or an amount) to a speaker (:data:`ATTRIBUTED_NEWS`)
    and shares more words with the headline (of two words or more) than the first."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 2 or len(topic) < 2:
        return []
    opening, second = raw[kept[0]].strip(), raw[kept[1]].strip()
    framing = len(opening.split()) >= CLAIM_WORDS and not (
        reports_an_act(opening) or NEWS_DAY.search(opening) or A_DATE.search(opening) or FUTURE.search(opening)
        or PERFECT.search(opening))
    news = bool(FUTURE.search(second) or AMOUNT.search(second) or NEWS_ACT.search(second))
    told = ATTRIBUTED_NEWS.search(second) and not second.startswith(QUOTE_MARKS)
    more = len(topic & topic_words(unquoted(second))) > len(topic & topic_words(unquoted(opening)))  # (a news lead
    # in the present tells the headline's story, its detail below it less: "Vietnam stands ready to send …", a review)
    return kept[:1] if framing and news and told and more else []


# a feature's nut graf, which ties the person of its opening scene to the story (read 56): "Tư is one of more than
# 3,400 Vietnamese citizens whom …", "Lan, the 41-year-old consul …, is one of 12 officials …", "Hoa is part of a
# growing pipeline of …", "His experience explains why Vietnam is counting on Malaysia …"
NUT_GRAF = re.compile(r"^(?P<name>(?-i:[A-Z])[\w'’-]*)(?:,[^,]{3,120},)?\s+(?:is|was)\s+"
                      r"(?:now |just |only )?(?:one of|among|part of)\b"
                      r"|^(?:his|her) (?:[\w-]+ )?(?:experience|story|case|journey|ordeal|plight|path|struggle"
                      r"|routine|success) (?:\w+ )?(?:explains|shows|illustrates|reflects|captures|mirrors"
                      r"|points to|is typical)\b", re.IGNORECASE)
# a person's full name of three words or more, each capitalised ("Nguyễn Văn Tư", "Đặng Văn Lâm", "Phan Thị Ngọc
# Lan's", "Mohamad Ismail Ka"), its last word given
FULL_NAME = r"(?-i:[A-ZĐÀ-ÝẠ-Ỹ][^\W\d_]*[ -]){2,4}"
# a place in capitals before a colon that opens a feature ("ANSAN, South Korea: Every Sunday afternoon, …")
PLACE_COLON = re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Z][\w .'-]+)?:\s+")
# something done, as news tells it: "… has been elected …", "… has returned home after …", "… have signed …" (not "…
# the broth that has been simmering since midnight", read 58)
DONE_NEWS = re.compile(r"\b(?:has|have)\s+(?:(?:been|just|now|already|also|recently)\s+)?(?!been\b)(?:[a-z]+ed"
                       r"|[a-z]+en|won|led|met|held|made|sent|lost|left|paid|built|brought|kept|told|got|set|put|become"
                       r"|begun|done|gone|seen|shown|grown|drawn)\b")


# the news an interview's answer gives (reads 65, 68, 72, 76, 99): an agreement or a decision ("The two sides have
# agreed that …", "… has approved a plan for a Ca Tru Week …", "Brazil officially opened its market …"), or anything
# to come (:data:`FUTURE`: "The Diplomatic Academy will launch …", "We will break ground on …", "The two prime
# ministers are expected to witness …"), with its time
_DECISIONS = r"agreed|decided|approved|recogni[sz]ed|accepted|licensed|lifted|granted|signed|voted"
_HAS = r"(?:has|have|had) (?:now |officially |formally |just |finally |already )?"
_OFFICIALLY = r"\bofficially (?:opened|launched|recogni[sz]ed|approved)\b|\bthe decision has been made\b"
DECIDED = re.compile(rf"\b(?:{_HAS})?(?:{_DECISIONS})\b|\b{_HAS}(?:opened|launched)\b|{_OFFICIALLY}")
# (in an opening, a decision told as news, not a participle: "… heritage elements recognised by UNESCO, …", read 99)
DECIDED_NOW = re.compile(rf"\b{_HAS}(?:{_DECISIONS}|opened|launched)\b|{_OFFICIALLY}")
# its time: "in September", "from January 1, 2025", "next March", "this August", "next year", "by the end of 2026"
_NEAR_SEASON = r"\b(?:this|next) (?:week|year|month|autumn|spring|summer|winter|quarter)\b"
A_TIME = re.compile(rf"\b(?:in|from|on|by|before|this|next|early|late|mid-?) (?:the end of )?(?i:{MONTHS})\b"
                    rf"|{_NEAR_SEASON}"
                    r"|\b(?:in|from|by|before) (?:the end of |mid-|early |late )?(?:19|20)\d\d\b"
                    rf"|\b(?i:{MONTHS}) (?:19|20)\d\d\b"
                    # (read 109: "… in the first quarter of 2026", "… in the second half of next year")
                    r"|\b(?:in|by|from|before) the (?:first|second|third|fourth|last) (?:quarter|half)"
                    r" of (?:(?:19|20)\d\d|this year|next year)\b", re.IGNORECASE)
INTERVIEW_WORDS = 1500  # how far into an interview its news may come (a set-up, general answers, a podcast's talk)
_SPEAKER_ROLE = (r"(?:ambassador|envoy|minister|consul|spokes\w+|director|chairman|chairwoman|president|professor|"
                 r"expert|scholar|diplomat|official|leader|head|chief|artist|producer|mayor|counsellor|ceo|founder)s?")
# an interview's headline: "Interview: …", "Q&A: …", "Episode 47: …", "… answers questions on …", "‘We see Brazil as a
# bridge …’: Vietnam’s envoy on …", "Vietnam's peacekeepers: "We carry the image …"" (a speaker's words and a colon)
INTERVIEW_HEADLINE = re.compile(r"^(?:(?:exclusive )?interview|podcast|episode \d+|q ?& ?a)\b\s*[:|–-]"
                                r"|\binterview (?:with|by|for)\b|\bin (?:an? )?(?:exclusive )?interview\b"
                                r"|\b(?:written|e-?mail|exclusive|video|radio|phone) interview\b|\binterview\s*[-–|]"
                                rf"|\banswers? (?:\w+ )?questions\b|\bq ?& ?a\b.*(?:[‘'\"“]|\b{_SPEAKER_ROLE}\b)"
                                rf"|:\s*(?:\w+ ){{0,3}}{_SPEAKER_ROLE}\s*$"
                                r"|:\s*[‘\"“][^’\"”]*\b(?:I|we|our|my|us)\b"
                                rf"|^[‘'\"“][^’\"”]{{5,160}}[’'\"”]\s*:\s*(?:\w+['’]s )?(?:\w+ ){{0,2}}"
                                rf"{_SPEAKER_ROLE}\b"
                                rf"|\b{_SPEAKER_ROLE}\b[^:]{{0,60}}:\s*[‘'\"“]", re.IGNORECASE)
# (not "Fake job interview offers …", a quotation's colon over a feature, a review found; nor an FAQ's "Q&A: consular
# legalisation of documents", FAQ_HEADLINE)
FAQ_HEADLINE = re.compile(r"\b(?:faq|frequently asked|explained|guide|how to|rules|requirements|documents|procedures?"
                          r"|what you need to know|applications?)\b", re.IGNORECASE)
# where an interview's set-up names the talk ("…, Ambassador Đỗ Minh Tuấn, spoke with VIR's Hà Linh about …", "…,
# Ambassador … told a Vietnam News Agency correspondent …", "… has granted an interview to …", "… the Newsletter put a
# few questions to …", "Below is the raw transcript of my talk with …"): what comes before it may tell news, what
# follows not
SETUP_TALK = re.compile(r"(?<!held )(?<!hold )(?<!holds )(?<!holding )"
                        r"\b(?:(?:spoke|talked|speaks|sat down) (?:to|with)|talks to)\b"
                        r"(?! (?:the )?(?:reporters|journalists|press|media)\b)"  # (a press encounter is no interview:
                        # "… spoke with reporters about the talks")
                        r"|\b(?:(?:has|have|had) )?(?:granted|given|gave|grants|gives) (?:an? |the )?(?:\w+ )?interview"
                        r"|\b(?:an?|the|this|his|her|exclusive|written|recent) (?:\w+ )?interviews?\b"
                        r"|\binterview (?:with|to)\b"
                        r"|(?:correspondent|reporter|journalist)s?\b[^.!?]{0,40}\binterviewed\b"
                        r"|\b(?:my|our|this|the) (?:talk|chat) with\b|\bput (?:\w+ ){0,2}questions to\b"
                        r"|\btranscript\b|\bpodcast\b|\bepisode\b"
                        r"|\btold (?:a |an |the |our )(?:[\w&.'’-]+ ){0,5}?(?:correspondent|reporter"
                        r"|journalist)\b(?!s)"
                        # (read 109: "… shared with The World & Vietnam Report her assessment of bilateral relations")
                        r"|\bshared with\b[^.!?]{0,80}?\b(?:his|her|their|its) (?:views?|assessments?|thoughts"
                        r"|insights|perspectives?|opinions?|reflections|impressions)\b",
                        re.IGNORECASE)
# the occasion a set-up names before its talk: "On the occasion of Peru's National Day (July 28), …", "Ahead of the
# state visit … from April 15 to 17, …" (reads 106, 109): the interview's, not its news
SETUP_OCCASION = re.compile(r"^(?:on the occasion of|ahead of|on the eve of|in the run-up to|prior to)\b"
                            r"[^,]{0,160},\s*", re.IGNORECASE)
# what news tells (something to come, a decision, a time, an amount, a plan: "Vietnam expects the remaining … member
# states to ratify …"): not an interview's general opening ("Trade ties … have kept a steady pace …", "The … Centre in
# France opened its doors in Paris more than a decade ago.", a history, is)
NEWS_MARKS = (FUTURE, DECIDED_NOW, A_TIME, NEWS_DAY, A_DATE, AMOUNT,
              re.compile(r"\b(?:expects?|expected|plans?|aims?|hopes?|intends?)\b[^.;:!?]{0,80}?\bto [a-z]"))


# a live page's headline: "Live: 34th Diplomatic Conference – Opening session", "LIVE: President … at the UN …", "Live
# updates | …", "As it happened: …"
LIVE_HEADLINE = re.compile(r"^(?:live(?: updates?| blog| coverage)?|as it happened)\s*[:|–—-]", re.IGNORECASE)
DAY_THEN_DONE = re.compile(rf"{ON_A_DAY.pattern},? (?:\w+ly )?[a-z]{{3,}}ed\b", re.IGNORECASE)  # ("… on December 16
# tasked …")
LIVE_STATEMENTS = 15  # how far down a live page's entries its first news may come (its scene's entries first)


def _live_news(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """On a live page (:data:`LIVE_HEADLINE`) whose first statement reports no act on a day and no speaker (its
    scene: "The 34th Diplomatic Conference … takes place in Hà Nội from December 16 to 19 …", "Delegates are
    arriving …", read 100), the statements above its first news within :data:`LIVE_STATEMENTS`: an act on a day
    (:data:`DATED_ACT`, :data:`DAY_THEN_DONE`: "Prime Minister … on December 16 tasked …", or an act or a speaker's
    word and :data:`ON_A_DAY`), not quoted, not leaning on the sentence above."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2 or not (headline and LIVE_HEADLINE.match(headline.strip())):
        return []
    opening = raw[kept[0]].strip()
    if _dated_act(opening) or REPORTED.search(unquoted(opening)):
        return []
    for n, i in enumerate(kept[1:LIVE_STATEMENTS], start=1):
        sentence = raw[i].strip()
        if (DATED_ACT.search(sentence) or DAY_THEN_DONE.search(sentence)
                or ((LEAD_ACT.search(sentence) or REPORTED.search(sentence)) and ON_A_DAY.search(sentence))) \
                and not sentence.startswith(QUOTE_MARKS) and not LEANS_BACK.match(sentence):
            return kept[:n]
    return []


# a routine of the speaker's own, no news: "We will hold our annual community party in December", "… the alumni
# reunion in Seoul next month", "Our rotation will end in June" (a review found)
ROUTINE = re.compile(r"\b(?:annual|yearly|every (?:year|month|week|spring|summer|autumn|winter)|as usual|reunion"
                     r"|part(?:y|ies)|our (?:rotation|tour|term|posting|mission) will end)\b", re.IGNORECASE)
# a decision's time as news tells it: a month (last month's too), this or next week, month or year (not "In 2023,
# Vietnam signed …", history; not "last month", a lead-in's "our board approved the project last month")
RECENT_TIME = re.compile(rf"\b(?:in|from|on|by|before|this|next|last|early|late|mid-?) (?:the end of )?(?i:{MONTHS})\b"
                         rf"|{_NEAR_SEASON}", re.IGNORECASE)
NOT_TO_COME = re.compile(r"\b(?:will not|won['’]t|shall not|not be)\b", re.IGNORECASE)  # ("… will not be available for
# a recorded interview, but …": a cover note's regrets, read 72)


# what a set-up tells after it names the talk: "… in which he announced …", "…, announcing that …", "… and said …"
TALK_TELLS = re.compile(r"\b(?:in which|saying|said|says|stressing|noting|adding|announced|revealed|confirmed"
                        r"|announcing|revealing|confirming|highlighting|pledging|vowing|urging|calling for)\b")
# (not "…, looking back on bilateral ties …", read 99; nor "… a week of consultations … that coincided with …")


def _general_opening(sentence: str) -> bool:
    """Whether an interview's first statement tells no news: its set-up up to where it names the talk
    (:data:`SETUP_TALK`; not "… held talks with …", a meeting), or an answer, that reports no one and tells of nothing
    to come, no decision, time, amount or plan (:data:`NEWS_MARKS`)."""
    said = unquoted(sentence)
    talk = SETUP_TALK.search(said)
    told = SETUP_OCCASION.sub("", said[:talk.start()]) if talk else said  # (a set-up's "…, Ambassador … said in an
    # interview …" reports)
    if talk and TALK_TELLS.search(said[talk.end():]):  # ("… gave an interview to Reuters in which he announced …")
        return False
    return not (REPORTED.search(told) or any(mark.search(told) for mark in NEWS_MARKS))


# a year's review, whose summary is its overview (the corpora's year-end and Tết interviews): "… talked with Deputy
# Foreign Minister … about the results and …", "As the Lunar New Year of the Snake approaches, …", "Ahead of the
# Homeland Spring programme …"
YEAR_REVIEW = re.compile(r"\babout (?:the )?(?:results|achievements|outcomes|highlights)\b|\byear-end\b"
                         r"|\blunar new year\b|\bnew year (?:interview|message|greeting)s?\b|\btết\b|\btet\b"
                         r"|\bhomeland spring\b"
                         r"|\byear of the (?:rat|ox|tiger|cat|rabbit|dragon|snake|horse|goat|monkey|rooster|dog|pig)\b",
                         re.IGNORECASE)


# who a set-up names as asking: a reporter, an outlet, a programme ("… spoke to businesses in Osaka", "… held phone
# talks with …", "… answered questions at the press conference" are no interview's, a review found)
MEDIA = re.compile(r"\b(?:correspondents?|reporters?|journalists?|editors?|newspaper|magazine|news agency|VNA|VIR"
                   r"|VOV\w*|Nhan Dan|NDO|TGVN|WVR|Report|Times|News|Review|Monitor|Newsletter|Post|Herald|Diplomat"
                   r"|(?i:podcast|programme|program|show|episode|radio|television|interview\w*|transcript)|TV)\b")


def _an_interview(raw: Sequence[str], kept: list[int], headline: str | None) -> bool:
    """Whether a page is an interview: its headline gives its words to a speaker (:data:`SPEAKER_HEADLINE`) or says
    it is a talk, a Q&A, a podcast's episode (:data:`INTERVIEW_HEADLINE`), or its first three statements name the talk
    (:data:`SETUP_TALK`; not "… held talks with …"); not a year's review (:data:`YEAR_REVIEW`, in the sentence that
    names the talk: not "… a familiar sight in Hanoi's markets at Tet")."""
    said = headline and (SPEAKER_HEADLINE.match(headline) or INTERVIEW_HEADLINE.search(headline)) \
        and not FAQ_HEADLINE.search(headline)
    upto = kept[2] + 1 if len(kept) > 2 else len(raw)  # (the set-up too, which may be no statement)
    talks = [i for i in range(upto) if SETUP_TALK.search(raw[i]) and MEDIA.search(raw[i])]
    return bool(said or talks) and not any(YEAR_REVIEW.search(raw[i]) for i in talks)


# what was made at a time, not done then: "… the momentum created in the second half of 2025", "… the growth
# achieved in 2024" (a review found)
RESULT_AT = re.compile(r"\b(?:created|achieved|reached|recorded|gained|generated|built|seen|made)\s+$")


def _time_to_come(said: str) -> bool:
    """Whether a sentence gives a time (:data:`A_TIME`) that is not when a result was made (:data:`RESULT_AT`)."""
    return any(not RESULT_AT.search(said[:m.start()]) for m in A_TIME.finditer(said))


def _interview_news(raw: Sequence[str], allowed: np.ndarray, headline: str | None, kind: str | None) -> list[int]:
    """On an interview's page (:func:`_an_interview`; not a page of rhetorical questions or FAQs), the statements
    above the first within :data:`INTERVIEW_WORDS` words that gives news: an agreement, a decision (:data:`DECIDED`)
    or anything to come (:data:`FUTURE`) with its time (:data:`A_TIME`, a day, a date; "Within ASEAN, member states
    have agreed guidelines …" is background), or an act on a day (:data:`DATED_ACT`, :data:`ON_A_DAY`; not "Today the
    work is carried out …"); not quoted, not asked, not leaning on the sentence above (:data:`LEANS_BACK`). Nothing
    where the first statement tells news itself (:func:`_general_opening`: "Vietnam expects … to ratify … by
    mid-2027, Ambassador … told …"), nor on an opinion page (its thesis leads)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2 or kind == OPINION or not _an_interview(raw, kept, headline) \
            or not _general_opening(raw[kept[0]].strip()):
        return []
    words = 0
    for n, i in enumerate(kept):
        sentence = raw[i].strip()
        said = unquoted(sentence)
        dated = NEWS_DAY.search(said) or A_DATE.search(said)
        news = (DECIDED.search(said) and (dated or RECENT_TIME.search(said))) \
            or (FUTURE.search(said) and not NOT_TO_COME.search(said) and (dated or _time_to_come(said))) \
            or DATED_ACT.search(sentence) or (LEAD_ACT.search(sentence) and ON_A_DAY.search(sentence))
        if news and not (sentence.startswith(QUOTE_MARKS) or is_question(sentence) or LEANS_BACK.match(sentence)
                         or ROUTINE.search(said)):
            return kept[:n]
        words += len(sentence.split())
        if words > INTERVIEW_WORDS:
            break
    return []


def _nut_graf_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A feature's opening scene or anecdote about one person, two statements or more above its nut graf
    (:data:`NUT_GRAF`) within :data:`THESIS_WORDS` words: the statement that makes the person one of many, or says what
    their story shows, after a statement above it that gives their full name (three words or more: :data:`FULL_NAME`).
    Only where the first statement tells no news (nothing reported, nothing done: :data:`DONE_NEWS`; not "Nguyen Thi
    Thanh Ha … has been elected …, the ministry said. Ha is one of eight candidates …", review 6; nor a standfirst,
    "Vietnam's field hospital has returned home after …", read 58); nothing where a statement above it reports an act
    on a day or something done on a day, or announces, nor on a page of questions (an interview's, not a feature's
    quoted ones)."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    asked = sum(is_question(sentence) and not sentence.strip().startswith(QUOTE_MARKS) for sentence in raw)
    if len(kept) < 3 or asked >= 2:
        return []
    opening = PLACE_COLON.sub("", strip_dateline(raw[kept[0]].strip()))
    main = re.split(r"\b(?:that|which|who|where|when)\b", unquoted(opening))[0]  # (its main clause: not "… where
    if re.search(r"\b(?:said|told|stated|announced|confirmed)\b", main) or DONE_NEWS.search(main):  # she has just
        return []  # defended …", nor a feature's present "she says", review 7)
    words = 0
    for k, i in enumerate(kept):
        sentence = raw[i].strip()
        graf = NUT_GRAF.match(sentence) if k >= 2 else None
        if graf:  # (the person's full name above it: ending on the nut graf's name, or any for "His …")
            named = rf"{FULL_NAME}{re.escape(graf['name'])}\b" if graf["name"] else rf"{FULL_NAME}\w"
            if any(re.search(named, raw[j]) for j in kept[:k]):
                return kept[:k]
        said = unquoted(sentence)
        if _dated_act(sentence) or (reports_an_act(said) and NEWS_DAY.search(said)) or ANNOUNCES.search(said):
            return []
        words += len(sentence.split())
        if words > THESIS_WORDS:
            break
    return []


def _untold_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """An opening of a kind no rule names (a radio log, a definition, a text message) that shares at most one word
    with the headline (its quotation aside: "'They took our passports again': New deal …") and reports nothing to
    come or under way, above a news lead that reports an act on a day (:data:`LEAD_ACT` and :data:`NEWS_DAY`, or
    :data:`DATED_ACT`; not a quotation, not in the first person) and shares two words with the headline (four where
    the opening shares one or reports something done where it names anyone: :func:`reports_an_act`, unless it has
    a feature's shape; an opening that reports something done with its figures, or an act on its day, stays), within
    the first :data:`UNTOLD_WORDS` words: the headline tells the story the lead reports, not the opening."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 2 or len(topic) < 3:
        return []
    opening = raw[kept[0]].strip()
    shared, said = len(topic & topic_words(opening)), unquoted(opening)
    figures = re.search(r"\d", said)
    named = figures or any(word[:1].isupper() for word in said.split()[1:])
    shaped = OBJECT_OPENER.match(opening) or SCENE.match(opening) or FEATURE_OPENER.match(opening)  # a feature's
    # shape: "A rice cooker with a cracked lid, … : that was all welder Tran Van Duc carried out …"
    done = reports_an_act(said) and not shaped
    news = (figures or (NEWS_ACT.search(said) and NEWS_DAY.search(said))) and done
    if shared > 1 or FUTURE.search(said) or UNDER_WAY.search(said) or news:
        return []  # (news to come, under way or done with its figures or an act on its day: "This event will address
    # …", "Foreign investors poured USD 10.2 billion …", "Prime Minister … on Tuesday received …", a review's near
    # misses, s55; not a song's line that names no one: "Mother crossed wide rivers …")
    # an opening that reports something done where it names someone gives way only to a lead that shares four words
    # with the headline (read 51: "The twang of a single-stringed dan bau drifted across Koh Pich on Saturday evening
    # as hundreds of Cambodian students … gathered" above "The Vietnamese Embassy in Cambodia launched a week-long
    # Vietnam Culture Week in Phnom Penh on Saturday, …")
    needed = max(4, 2 + 2 * shared) if named and done else 2 + 2 * shared

    def tells(sentence: str) -> bool:
        return _dated_act(sentence) and not sentence.startswith(QUOTE_MARKS) \
            and not FIRST_PERSON.search(unquoted(sentence)) and len(topic & topic_words(sentence)) >= needed

    words = 0
    for i in kept:
        if i != kept[0] and tells(raw[i].strip()):
            return [j for j in kept if j < i]
        words += len(raw[i].split())
        if words > UNTOLD_WORDS:
            break
    return []


def _situation_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """A standfirst that sets out a situation ("Nepal's southern plains have been battered by unusually heavy monsoon
    rains since late June, …", "Halal food, coffee and furniture from Vietnam are drawing growing attention in the
    Gulf, …"; read 32) right above the dated lead that tells the headline's story: an opening that shares at most one
    word with the headline, reports no act and names no day and nothing to come, followed at once by a statement that
    reports an act on a day (not a quotation, not in the first person) and shares three words or more with it."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 2 or len(topic) < 3:
        return []
    opening, lead = raw[kept[0]].strip(), raw[kept[1]].strip()
    if len(topic & topic_words(opening)) > 1 or NEWS_DAY.search(opening) or FUTURE.search(unquoted(opening)) \
            or re.search(r"\b(?:has|have) (?!been\b)[a-z]+(?:ed|en)\b", opening) \
            or reports_an_act(re.split(r",\s+(?:with|where|which|while|as|and)\b", unquoted(opening))[0]):
        # (its main clause reports news done: "Foreign investors poured USD 10.2 billion …"; not "…, with thousands
        # of families forced to leave their homes")
        return []
    dated = (LEAD_ACT.search(lead) and NEWS_DAY.search(lead)) or DATED_ACT.search(lead)
    if dated and not lead.startswith(QUOTE_MARKS) and not FIRST_PERSON.search(unquoted(lead)) \
            and len(topic & topic_words(lead)) >= 3:
        return kept[:1]
    return []




# a saying a feature opens with: "“When you drink water, remember its source,” runs a Vietnamese proverb that …"
SAYING = re.compile(r"^[\"“][^\"”]{3,160}[\"”],? (?:runs|goes|says|as) (?:an? |the )?"
                    r"(?:old |popular |famous |well-known |traditional )?(?:[\w-]+ )?"
                    r"(?:proverb|saying|adage|maxim|motto)\b")


def _saying_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A saying the article opens with (:data:`SAYING`), where a statement follows it: the news comes after."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    opening = raw[kept[0]] if kept else ""
    news = LEAD_ACT.search(opening) or ON_A_DAY.search(opening) or (
        NEWS_DAY.search(opening) and (re.search(r"\d", opening) or NEWS_ACT.search(opening)))  # ("…, as the saying
    # goes, and on Monday 200 veterans …", "… the proverb that guided 300 youths who gathered … yesterday")
    return kept[:1] if len(kept) > 1 and SAYING.match(opening.strip()) and not news else []

DECK_WORDS = 120  # how long a deck above the lead may run (a feature's anecdote of three or four sentences)
# news told with another verb, which no deck tells: "Hanoi has asked Beijing …", "PM … convened an urgent meeting and
# ordered …", "Coastal provinces are tightening checks …" (a review's near misses)
DECK_NEWS = re.compile(rf"\b(?:{_DECLARED}|asked|convened|demanded|warned|proposed|requested|vowed|rejected"
                       r"|protested|summoned|(?:are|is) (?:tightening|stepping up|ramping up|scrambling|rushing"
                       r"|cracking down|boosting|expanding|preparing|seeking|pushing))\b")
# news just done, told without a day: "The Government has issued Decree 214 …", "Japan has agreed to provide …"
DONE_ACT = re.compile(rf"\b(?:has|have) (?:\w+ly )?(?:{_LEAD_ACTS})\b")


def _refers_back(sentence: str, above: str) -> bool:
    """Whether a sentence goes on from what is above it: it opens on a pronoun ("It", "They", "This") or on "The …"
    with a noun of its first three words in ``above`` ("The draft code, …" under "… a new code of practice …")."""
    if re.match(r"(?:It|They|Its|Their|He|She|His|Her|This|These|That|Those|Such)\b", sentence):
        return True
    opening = re.match(r"The ((?:[\w-]+ ){0,2}[\w-]+)", sentence)
    return bool(opening) and any(word.islower() and len(word) > 3 and re.search(rf"\b{re.escape(word)}\b", above)
                                 for word in opening.group(1).split())


def _deck_tells_news(sentence: str, shared: int) -> bool:
    """Whether a statement above a lead tells news itself, so that it is no deck: it names a day of the news or
    anything to come, reports a speaker (but in an anecdote's quotation that shares at most one word with the
    headline: "'…,' she said."), or an act (:data:`NEWS_ACT`, :data:`DECK_NEWS`, :data:`DONE_ACT`, a past form with
    its figures: "Foreign investors poured USD 10.2 billion …") but one of a year long past ("… established
    diplomatic relations in 1973.")."""
    said = unquoted(sentence)
    history = re.search(r"\b(?:in|since) (?:1[5-9]|20)\d\d\b", said) and not NEWS_DAY.search(said)
    quoted = QUOTED.search(sentence) and shared <= 1
    acts = re.sub(r"\b(?:be|been|being|to) (?:\w+ly )?\w+", "", said)  # (not "paperwork that must be sent back")
    done = NEWS_ACT.search(acts) or DECK_NEWS.search(acts) or DONE_ACT.search(said) or (
        re.search(r"\d", said) and _past_after_subject(re.sub(r"\b\w+ed to\b", "", said)))  # (not "With trade
    # expected to reach $100 billion, …")
    return bool(NEWS_DAY.search(said) or FUTURE.search(said) or (REPORTED.search(sentence) and not quoted)
                or (done and not history))


def _deck_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """A deck, a background or an anecdote of up to four statements above the lead that tells the headline's story
    (reads 36-39: "Uruguay is one of Vietnam's leading trading partners in Latin America, …" over "Vietnam and Uruguay
    agreed … on Monday …"): a statement that reports an act on its day (or one just done: "has agreed"; or news to
    come in five of the headline's words, three more than above it) and shares four words or more with the headline,
    two more than any statement above it, none of which tells news itself (:func:`_deck_tells_news`); and the lead
    does not go on from them ("The draft code, launched today, …" under "… seeking views on a new code …")."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 2 or len(topic) < 3:
        return []
    words, above, latest = 0, 0, _latest_day_year(raw)  # (above: the most headline words a deck statement shares)
    for j, i in enumerate(kept[:5]):
        sentence = raw[i].strip()
        shared = len(topic & topic_words(sentence))
        if j:
            lead = (LEAD_ACT.search(sentence) and _names_this_day(sentence, latest)) or DATED_ACT.search(sentence) \
                or DONE_ACT.search(sentence) or (FUTURE.search(sentence) and shared >= 5 and shared >= above + 3)
            if lead and shared >= 4 and shared >= above + 2 and not sentence.startswith(QUOTE_MARKS) \
                    and not FIRST_PERSON.search(unquoted(sentence)) \
                    and not _refers_back(sentence, " ".join(raw[k] for k in kept[:j])):
                return kept[:j]
        words += len(sentence.split())
        if words > DECK_WORDS or _deck_tells_news(sentence, shared):
            return []
        above = max(above, shared)
    return []


BEGAN_DOING = re.compile(r"\b(?:began|started|kept)\s+\w+ing\b")  # a scene's "the smell … began drifting": no act


def _dated_event(text: str) -> bool:
    """Whether ``text`` tells something done on a day of the news: "Chinese coast guard vessels fired water cannon …
    on Sunday", "Military commanders … gathered in the Vietnamese capital on Monday" (a review's near misses, s53)."""
    return bool(NEWS_DAY.search(text)) and bool(_past_after_subject(text) or EVENT.search(text)
                                                  or any(w not in ("was", "were") for w in PAST.findall(text)))


ANECDOTE_STATEMENTS = 9  # how far down a feature's anecdote may hold back its news (read 38: six statements)
ANECDOTE_WORDS = 220


def _anecdote_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """A feature's anecdote of three statements or more above its news (reads 36, 38: "At 6 a.m., before the first
    shift starts, Nguyen Thi Lan is already pulling on a white bunny suit …" … "Japan will provide up to 150 billion
    yen … under an agreement reached … on Monday."): an opening that shares at most one word with the headline and
    reports no act, no speaker and nothing to come ("the smell of grilled pork began drifting" is no act), statements
    that share two words at most and report no speaker but in an anecdote's quotation, no news told with another verb
    and nothing done or to come (:data:`DECK_NEWS`, :data:`DONE_ACT`, :data:`FUTURE`), and a lead (not in the first
    person) that reports an act on its day (or one just done, or news to come agreed
    on a day) in three of the headline's words or more, two more than any statement above it."""
    kept = [i for i, ok in enumerate(allowed) if ok][:ANECDOTE_STATEMENTS]
    topic = topic_words(unquoted(headline)) if headline else set()
    if len(kept) < 4 or len(topic) < 4:
        return []
    opening = BEGAN_DOING.sub("", unquoted(raw[kept[0]].strip()))
    if len(topic & topic_words(opening)) > 1 or NEWS_ACT.search(opening) or DECK_NEWS.search(opening) \
            or DONE_ACT.search(opening) or REPORTED.search(opening) or FUTURE.search(opening) \
            or _dated_event(opening):
        return []
    words, above, latest = 0, 0, _latest_day_year(raw)
    for j, i in enumerate(kept):
        sentence = raw[i].strip()
        shared = len(topic & topic_words(sentence))
        if j >= 3 and shared >= max(3, above + 2):
            return kept[:j] if _tells_the_news(sentence, [raw[k] for k in kept[:j]], latest) else []
        words += len(sentence.split())
        said = BEGAN_DOING.sub("", unquoted(sentence))
        quoted = QUOTED.search(sentence) or sentence.startswith(QUOTE_MARKS)  # (a quotation over two sentences)
        speaker = REPORTED.search(said) and not (quoted and shared <= 1)  # (not "…," she said.)
        if shared > 2 or words > ANECDOTE_WORDS or speaker or DECK_NEWS.search(said) or DONE_ACT.search(said) \
                or FUTURE.search(said) or _dated_event(said):
            return []
        above = max(above, shared)
    return []


def _tells_the_news(sentence: str, above: Sequence[str], latest: int | None) -> bool:
    """Whether a sentence below a feature's opening is its news lead: it reports an act on its day (or one just done,
    or news to come on a day), not in a quotation or the first person, and does not go on from the sentences above."""
    dated = _names_this_day(sentence, latest)
    lead = (LEAD_ACT.search(sentence) and dated) or DATED_ACT.search(sentence) or DONE_ACT.search(sentence) \
        or (FUTURE.search(sentence) and dated)
    return bool(lead) and not sentence.startswith(QUOTE_MARKS) \
        and not re.search(r"\b(?:I|we|We)\b", unquoted(sentence)) and not _refers_back(sentence, " ".join(above))


# one person brought in by age, as a feature's portrait does: "Kim Hye-won, a 34-year-old office worker from Suwon,
# queued …", "The 31-year-old from Hue works quickly" (reads 43, 46; not "the 30-year-old partnership")
PORTRAIT = re.compile(r"[A-Z][\w'’-]+, an? \d{1,2}-year-old\b"
                      r"|\b(?:[Aa]n?|[Tt]he) \d{1,2}-year-old(?: [a-z]+){0,3}? (?:from|who)\b")
# a passive report, as hard news on a person opens: "… was arrested on Monday", "were rescued"
PASSIVE = re.compile(r"\b(?:was|were|has been|have been) (?:\w+ly )?\w+(?:ed|en)\b")


def _portrait_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None) -> list[int]:
    """A feature that opens on one person's story and tells its news below (reads 43, 46: "Dang Thi Lan still flinches
    when a phone buzzes at night. For seven months the 24-year-old from Nghe An …" … "Lan was among 186 Vietnamese
    citizens handed over by Cambodian authorities on Monday, …"): a person brought in by age in the first two
    statements, an opening that reports no news (no speaker, nothing passive, done, declared, to come or done on a
    day), two statements or more above the lead that tell no news lead themselves nor a speaker but in a quotation,
    and a lead sharing as many of the headline's words as any of them (:func:`_tells_the_news`). Unlike
    :func:`_anecdote_opening`, the headline may be the feature's own, so it need not repeat the lead's words."""
    kept = [i for i, ok in enumerate(allowed) if ok][:ANECDOTE_STATEMENTS]
    if len(kept) < 4 or not any(PORTRAIT.search(raw[i]) for i in kept[:2]):
        return []
    opening = unquoted(raw[kept[0]].strip())
    if REPORTED.search(opening) or PASSIVE.search(opening) or DONE_ACT.search(opening) or DECK_NEWS.search(opening) \
            or FUTURE.search(opening) or DATED_ACT.search(opening) or _dated_event(opening):
        return []  # (a person's story told on a day of the news is the news: "… walked out of the jail a free man on
    # Friday", "… crossed back into Vietnam on Tuesday", a review found)
    topic = topic_words(unquoted(headline)) if headline else set()
    words, above, latest = 0, 0, _latest_day_year(raw)
    for j, i in enumerate(kept):
        sentence = raw[i].strip()
        shared = len(topic & topic_words(sentence))
        if _tells_the_news(sentence, [raw[k] for k in kept[:j]], latest):
            return kept[:j] if j >= 2 and shared >= above else []
        words += len(sentence.split())
        said = re.sub(r"\b(?:was|were|been) told\b", "", unquoted(sentence))  # ("she was told she owed …": no speaker)
        if words > ANECDOTE_WORDS or DECK_NEWS.search(said) or (REPORTED.search(said) and not QUOTED.search(sentence)):
            return []
        above = max(above, shared)
    return []


# a day or a month named anywhere in a sentence
A_DAY = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS})\b|\b(?:today|tomorrow|yesterday)\b", re.IGNORECASE)
# what a law, a convention or a treaty does, in the present: "The Convention on Cultural Property Implementation Act of
# 1983 allows the United States to restrict …" (a media note's legal basis above its news, read 33)
AUTHORITY = re.compile(r"^(?:The |Under the )?(?:[A-Z][\w'’-]*,? (?:(?:of|on|for|and|the|to) )*){0,12}(?:Act|Convention"
                       r"|Law|Treaty|Regulation|Decree|Protocol|Charter|Directive)(?: of (?:\d{4}|the \w+|\d{1,2} \w+ "
                       r"\d{4}))?(?: \([\w ./-]{1,30}\))?,? (?:allows|requires|provides|permits|authori[sz]es|gives"
                       r"|prohibits|obliges|entitles|empowers|enables)\b")


# a deck that points back to news not yet told and sets it in time: "The incident, the fourth reported this year, came
# days before …" (read 34), "The move comes as …" (not "The agreement, signed in Lima, lets …", "The ruling ends …")
ANAPHORIC = re.compile(r"^(?:The|This) (?:incident|move|decision|deal|agreement|attack|announcement|visit|talks"
                       r"|meeting|step|development|clash|protest|ruling|plan|row|dispute|collision|arrest|arrests|case"
                       r"|pledge|accord|pact|trip|tour|launch|signing|agreements|deals|blast|explosion|seizure)\b"
                       r"[^.!?]{0,100}?\b(?:comes?|came) (?:days|weeks|hours|months|just|amid|as|after|before|at a time"
                       r"|a day|a week|shortly|only)\b")


# where a digest's contents begin: "In this issue:" (read 34), "In today's issue:" (not "Inside this newsletter:", which
# may follow its top story's lead, a review found)
CONTENTS_START = re.compile(r"^(?:(?:in|inside) (?:this|today's|this week's) (?:issue|edition)\s*:"
                            r"|this week's highlights\s*:)", re.IGNORECASE)
# a preheader that lists a digest's items: "Vietnam and EFTA sign FTA; new decree on investment incentives; regional
# minimum wages to rise 7.2 percent in 2026."
ITEM_LIST = re.compile(r"^[^;.!?]{3,90}(?:;[^;.!?]{3,90}){2,}[.!]?$")


def _digest_intro(raw: Sequence[str]) -> list[int]:
    """A digest's preheader and editor's introduction: every sentence before its contents begin
    (:data:`CONTENTS_START`, within its first ten sentences) but one that reports something on its day, else a
    preheader that lists its items (:data:`ITEM_LIST`)."""
    start = next((i for i, sentence in enumerate(raw[:10]) if CONTENTS_START.match(sentence.strip())), None)
    if start is not None:  # (a story told on its day in the introduction is news: "… on Monday signed …")
        return [i for i in range(start + 1) if not ON_A_DAY.search(raw[i])]
    listed = [i for i, sentence in enumerate(raw[:3]) if ITEM_LIST.match(sentence.strip())
              and not sentence.strip().startswith(QUOTE_MARKS) and not A_DAY.search(sentence)
              and all(len(part.split()) <= 10 for part in sentence.split(";"))]
    return listed


def _anaphoric_opening(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """A deck that points back to the news it stands above and sets it in time (:data:`ANAPHORIC`; nothing to come,
    no speaker), where one of the next three statements tells its day (:data:`NEWS_DAY`; not in the first person, not
    a quotation): the deck alone gives way."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if len(kept) < 2 or not ANAPHORIC.match(raw[kept[0]].strip()) or FUTURE.search(raw[kept[0]]) \
            or ATTRIBUTED.search(raw[kept[0]]):
        return []
    lead = next((i for i in kept[1:4] if NEWS_DAY.search(raw[i]) and not FIRST_PERSON.search(unquoted(raw[i]))
                 and not raw[i].strip().startswith(QUOTE_MARKS)), None)
    return kept[:1] if lead is not None else []


def _authority_opening(raw: Sequence[str], allowed: np.ndarray, headline: str | None = None) -> list[int]:
    """A release that opens with its legal basis (:data:`AUTHORITY`) above the news: the statements before the first
    of the next three that reports an act on a named day (:data:`DATED_ACT`, or :data:`LEAD_ACT` with
    :data:`NEWS_DAY`; not in the first person), unless the ``headline`` tells more of the opening than of that act."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    opening = raw[kept[0]].strip() if kept else ""
    if len(kept) < 2 or not AUTHORITY.match(opening) or NEWS_DAY.search(opening) or REPORTED.search(opening) \
            or FUTURE.search(opening) or A_DAY.search(opening):  # (news of a law: "The Labour Law allows …, the
        return []  # ministry said on Monday.", "… allows … from Tuesday")
    lead = next((i for i in kept[1:4] if (DATED_ACT.search(raw[i].strip()) or (
        LEAD_ACT.search(raw[i]) and NEWS_DAY.search(raw[i]))) and not FIRST_PERSON.search(unquoted(raw[i]))), None)
    topic = topic_words(unquoted(headline)) if headline else set()
    if lead is not None and len(topic & topic_words(opening)) > max(2, len(topic & topic_words(raw[lead]))):
        return []  # (the headline tells what the law does: that is the story)
    return [i for i in kept if lead is not None and i < lead]


def _quote_box(raw: Sequence[str], allowed: np.ndarray, lines: Sequence[str] = ()) -> list[int]:
    """A release that opens with a box's quotation standing alone (no speaker in its sentence: "“Fifty years after the
    war ended, farmers … still find bombs in their fields.”", read 33), credited on a line of its own ("The Honourable
    Priya Sandhu, Minister of International Development") above its news: the statements before the first of the
    next five that reports an act on a day (:data:`LEAD_ACT`, :data:`NEWS_DAY`), not in the first person. (A
    minister's statement in quotation marks, as GOV.UK prints one, has no credit line before its news.) A pull quote
    alone on one of ``lines`` gives way to a lead below it that names a speaker and a day or news to come."""
    kept = [i for i, ok in enumerate(allowed) if ok]
    if not kept or not raw[kept[0]].strip().startswith(QUOTE_MARKS) or ATTRIBUTED.search(raw[kept[0]]):
        return []
    lead = next((i for i in kept[1:6] if LEAD_ACT.search(raw[i]) and NEWS_DAY.search(raw[i])
                 and not raw[i].strip().startswith(QUOTE_MARKS) and not FIRST_PERSON.search(unquoted(raw[i]))
                 and not RELATIVE_ACT.search(raw[i])), None)
    credited = lead is not None and any(not allowed[i] and CREDIT_LINE.match(raw[i].strip())
                                        for i in range(kept[0] + 1, lead))
    opening = raw[kept[0]].strip()
    if not credited and len(kept) > 1 and re.fullmatch(r"[\"“‘][^\"“”‘’]+[\"”’]", opening) \
            and any(line.strip() == opening for line in lines):
        below = raw[kept[1]].strip()  # (a pull quote on its own line, all of it quoted, above the lead that names its
        # speaker: "… Park Jin-woo told Viet Nam News in an exclusive interview …", read 44; not "He said …")
        if not below.startswith(QUOTE_MARKS) and REPORTED.search(below) and (NEWS_DAY.search(below) or FUTURE.search(
                below)) and not FIRST_PERSON.search(unquoted(below)) and not _refers_back(below, opening) \
                and not re.search(r"\b(?:said|stated|stressed|affirmed|emphasi[sz]ed|noted|told) (?:this|that|so)\b"
                                  r"|\bthese words\b", below):
            return kept[:1]
    return [i for i in kept if credited and i < lead]


# an act told in a relative clause, background: "… builds on a memorandum that Canada pledged on 3 May 2019 …"
RELATIVE_ACT = re.compile(r"\b(?:that|which)\s+(?:[\w'’-]+\s+){1,6}(?:signed|pledged|agreed|issued|announced|adopted"
                          r"|launched|approved)\b")
# a quotation's credit on a line of its own: a name, a comma and an office, no verb ("The Honourable Priya Sandhu,
# Minister of International Development"; "— Jane Doe, Head of Mission")
CREDIT_LINE = re.compile(r"^[-–—]?\s*(?:(?:the )?(?:honourable|honorable|hon\.?|h\.e\.|mr\.?|ms\.?|mrs\.?|dr\.?) )?"
                         r"(?:(?-i:[A-Z])[\w.'’-]*\s){1,5}?(?-i:[A-Z])[\w.'’-]*,\s+(?:the )?(?:[\w'’-]+ ){0,3}"
                         rf"(?-i:{OFFICE_TITLES}|Head|Chief|Chair|CEO|Founder)\b[^.!?]{{0,100}}$", re.IGNORECASE)


# a speech's list of those it addresses, a line each: "Your Excellency Prime Minister of the Republic of Korea,",
# "Distinguished guests," (read 86)
ADDRESSEES = re.compile(r"^(?:(?:your|his|her) )?(?:excellenc(?:y|ies)|distinguished|honou?rable|dear)\b"
                        r"[^.!?]{0,120},$",
                        re.IGNORECASE)


# a speech's opening courtesy told in a statement: "At the outset, on behalf of the Vietnamese delegation, allow me to
# extend my warmest congratulations to you, Mr. President, …" (read 86)
OPENING_COURTESY = re.compile(r"\b(?:allow|let|permit) me(?: at the outset)?,? (?:to )?(?:extend|express|convey|offer"
                              r"|congratulate|thank)\b|\bmy (?:warmest|sincere|heartfelt) congratulations\b")


def _before_announcement(raw: Sequence[str], allowed: np.ndarray) -> list[int]:
    """In a speech (its first statement follows a greeting or forms of address, or speaks in the first person, not
    quoted), the statements before the speaker's first announcement (:data:`ANNOUNCES`; where it announces nothing and
    opens with greetings or thanks, its first proposal, :data:`PROPOSES`): a speech's news is what it announces, not
    its history or thanks. A speech under a news lead of its own (above the greeting) keeps that lead."""
    first = next((i for i, ok in enumerate(allowed) if ok), None)
    if first is None:
        return []
    addressed = any(is_salutation(s) or _courtesy(s) or ADDRESSEES.match(s.strip()) for s in raw[:first]) \
        or bool(WELCOMES.search(raw[first]) or OPENING_COURTESY.search(raw[first]))
    opening = unquoted(raw[first].strip())  # (forms of address left out at ingestion; "Let me begin with …", read 55)
    if not (addressed or FIRST_PERSON.search(opening) or re.match(r"(?:let|allow|permit) me\b", opening, re.I)):
        return []
    statements = [i for i in range(first, len(raw)) if allowed[i] or POINTER.search(raw[i])][:30 if addressed else 8]
    # (a General Debate's statement announces after its history and the state of the world: its 26th, read 86)
    # (near the top: not an op-ed's last line; "Tonight I have good news to share." is no statement but announces)
    announced = next((i for i in statements if ANNOUNCES.search(unquoted(raw[i]))), None)  # (the speaker's own
    # words, not a quotation in a report: "“I can confirm …,” he said.")
    if announced is None and addressed:  # (else its proposal, in a speech that opens with greetings or thanks)
        announced = next((i for i in statements if PROPOSES.search(unquoted(raw[i]))), None)
    return [i for i in range(first, announced) if allowed[i]] if announced is not None else []


def _without_vocative(sentence: str) -> str:
    """A speech's sentence without the forms of address before a clause in lower case, its first letter raised
    ("Colleagues, almost three years into this conflict, Sudan remains …" -> "Almost three years …"); a sentence
    that :func:`without_salutation` left so. Only in a speech, where "Friends, family and …" opens no list."""
    rest = _after_address(sentence)
    if rest == sentence and (alone := re.match(r"([^,]{1,40}),\s+", sentence)) \
            and VOCATIVE.fullmatch(alone.group(1).strip()):  # "President, the situation in El Fasher is …"
        rest = sentence[alone.end():]
    address = sentence[:len(sentence) - len(rest)]
    if rest == sentence or not rest[:1].islower() or len(rest.split()) < 6 \
            or re.match(r"[\w-]+(?:\s+[\w-]+)?\s*(?:,|\band\b|\bor\b)", rest) \
            or not all(VOCATIVE.fullmatch(part.strip()) for part in address.split(",") if part.strip()):
        return sentence
    return rest[0].upper() + rest[1:]


# forms of address that open no list or clause ("Friends, family and …", "Members, including …" do)
VOCATIVE = re.compile(r"(?i:colleagues|dear colleagues|(?:your )?excellenc(?:y|ies)|ladies and gentlemen|dear friends"
                      r"|distinguished guests|(?:(?:mr\.?|madam) )?(?:president|chair|chairman|speaker"
                      r"|secretary-general))")


def _answer_fragment(text: str) -> bool:
    """A reason with no main clause, which needs its question: "Because small states cannot rely on power alone.",
    "Because the country offers stability, a young workforce and many trade deals." (not "Because the talks collapsed,
    the two sides will meet again.", "Because of the storm, …" or a quoted reason with its speaker)."""
    if not ANSWER_FRAGMENT.match(text) or ATTRIBUTED.search(text):
        return False
    return not _has_clause(text.split(",", 1)[1] if "," in text else "")


def _slide_caption(text: str) -> bool:
    """A gallery's caption after its counter ("1/5 Overseas Vietnamese …"; not "24/7 hotline …")."""
    counter = SLIDE.match(text)
    return bool(counter) and 1 <= int(counter.group(1)) <= int(counter.group(2)) <= 50


def _describes_itself(text: str) -> bool:
    """A page's verbless description of itself: "Readout of the Foreign Secretary's call with …", "Statement by
    Ambassador … at the UN Security Council briefing on Myanmar." (the text below it says what was said)."""
    if EDITION_OF.match(text):
        return True
    opener = SELF_DESCRIPTION.match(text)
    rest = text[opener.end():] if opener else ""
    named = OCCASION_ON.search(rest)  # the topic after it is any words with no verb
    occasion, topic = (rest[:named.end()], rest[named.end():]) if named else (rest, "")
    return bool(opener) and all(w in DESCRIPTION_WORDS or w.isdigit() for w in re.findall(r"\b[a-z]+\b", occasion)) \
        and not _has_clause(topic)


# what only answers the question before it: "For Viet Nam, the answer lies in consistency.", "… suggests that it can."
ANSWER_TO_QUESTION = re.compile(r"\bthe (?:short )?answer\b|\b(?:it|they|we|this|that|he|she) (?:can|could|does|do|did"
                                r"|will|would|is|are|has|have|should|must)(?: not|n['’]t)?[.!]$"
                                # or a teaser's promise of one: "Growers in the deltas may soon find out."
                                r"|\b(?:may|might|will|could|(?:is|are) about to) (?:soon )?find out[.!]$",
                                re.IGNORECASE)
# a short reply that opens with its yes or no ("Yes, but only if it moves fast.")
SHORT_REPLY = re.compile(r"^(?:yes|no|certainly|absolutely|of course|definitely|not yet|not really|indeed)\b[,.!;]?"
                         r"\s*(?:$|(?:but only|only if|if|as long as|provided)\b)", re.IGNORECASE)
CLAUSE = re.compile(r"\b(?:will|shall|should|would|can|could|must|may|is|are|was|were|has|have|had)\b")


def _has_clause(text: str) -> bool:
    """An auxiliary or a past form ("… the two sides will meet", "… the crisis worsened"): words that hold a verb."""
    return bool(CLAUSE.search(text) or re.search(r"\b[a-z]{3,}ed\b", text))


def list_items(raw: Sequence[str]) -> list[int]:
    """The items of the lists that sentences ending in ":" introduce ("… witnessed the signing of the following
    documents:" / "Agreement on visa exemption …;" / … / "Plan of action for 2026-2030."): the sentences after it
    that end in ";", and the last item after them when it opens in lower case or holds no verb. A list's item is
    a name, not a statement (the prose below the list is)."""
    items: list[int] = []
    for start, sentence in enumerate(raw):
        if not sentence.rstrip().endswith(":"):
            continue
        i = start + 1
        while i < len(raw) and raw[i].rstrip().endswith(";"):
            items.append(i)
            i += 1
        last = raw[i].strip() if i < len(raw) else ""
        if i > start + 1 and last and (last[0].islower() or not has_verb(last)) and not CLAUSE.search(last):
            items.append(i)
    return items


# a site's list of other stories run into a page's text ("Most read 1. Hanoi to ban motorbikes … from July 2. Gold
# prices hit record high 3. …"): the splitter ends each item at the next item's number
SIDEBAR_START = re.compile(r"^(?:most (?:read|viewed|commented|popular|shared)|trending(?: now)?|top stories|latest"
                           r"(?: news)?|editor['’]?s picks|related (?:news|articles|stories)|you may (?:also )?like)"
                           r"\s*:?\s+1\.$", re.IGNORECASE)


def numbered_sidebar(raw: Sequence[str]) -> list[int]:
    """The items of a numbered list of other stories (see :data:`SIDEBAR_START`): after its label and "1.", each
    sentence that ends with the next number."""
    items: list[int] = []
    for start, sentence in enumerate(raw):
        if not SIDEBAR_START.match(sentence.strip()):
            continue
        number, i = 2, start + 1
        while i < len(raw) and re.search(rf"\s{number}\.$", raw[i].rstrip()):
            items.append(i)
            number, i = number + 1, i + 1
    return items


def _story_note_line(line: str) -> bool:
    """A line that is a note on the story ("Correction: … It is March 28."), a box beside it ("Background: In June
    2025, … The amendments took effect …") or a site's alert ("Alert: Beware of visa scams. The embassy does not use
    agents."): each of its sentences stays out."""
    text = line.strip().lstrip("*_>")
    return bool(STORY_NOTE.match(text) or BOX_LABEL.match(text) or ALERT_LABEL.match(text)) and len(line.split()) <= 80


def _credit_end(sentence: str) -> int | None:
    """Where a photo credit that the splitter joined to the next sentence ends: "(Photo: VNA) …", or unbracketed
    before a dateline ("Photo: QDND Hanoi (VNA) – …"); None when the sentence does not open with one."""
    if bracketed := LEADING_CREDIT.match(sentence):
        return bracketed.end()
    label = re.match(r"(?i:photos?|images?|source)\s*:\s*", sentence)
    words = sentence[label.end():].split(" ") if label else []
    if words and words[0].rstrip(".") in OUTLETS and len(words) > 3 and words[1][:1].isupper():
        return len(sentence) - len(" ".join(words[1:]))  # "Source: VNA ASEAN and …" (a joined page)
    for n in range(1, min(len(words), 4)):
        if dateline_matches(tail := " ".join(words[n:])):
            return len(sentence) - len(tail)
    return None


def _trigrams(sentence: str) -> set[tuple[str, ...]]:
    words = tokens(sentence)
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def choose(sentences: Sequence[str], scores: Sequence[float] | np.ndarray, k: int, block_trigrams: bool = True,
           max_words: int | None = None) -> str:
    """The ``k`` best-scoring sentences in document order, skipping one that repeats a trigram of a chosen one
    (redundancy blocking) or would overrun ``max_words``; non-finite scores are never chosen."""
    values = np.asarray(scores, dtype=np.float64)
    order = [int(i) for i in np.argsort(-values, kind="stable") if np.isfinite(values[i])]
    chosen: list[int] = []
    seen: set[tuple[str, ...]] = set()
    used = 0
    for i in order:
        if len(chosen) >= k:
            break
        grams = _trigrams(sentences[i])
        size = len(sentences[i].split())
        if block_trigrams and grams & seen:
            continue
        if max_words and chosen and used + size > max_words:
            continue
        chosen.append(i)
        seen |= grams
        used += size
    return " ".join(sentences[i] for i in sorted(chosen))

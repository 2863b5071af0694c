"""Datelines, dates and outlet names: what opens a news article's lead ("Hanoi (VNA) –", "(VOVWORLD) -", "NDO –",
"HANOI, Sept 12 (Reuters) -") and the page header a scraped text may carry before it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from diplo_ml.text import strip_diacritics

OUTLETS = {
    "VNA": "VNA", "VNP": "VietnamPlus", "VIETNAMPLUS": "VietnamPlus",
    "VIETNAM+": "VietnamPlus", "NDO": "Nhan Dan", "ND": "Nhan Dan",
    "NHAN DAN": "Nhan Dan", "VOV": "VOV World", "VOV.VN": "VOV World", "VOVWORLD": "VOV World", "VOV5": "VOV World",
    "VOV WORLD": "VOV World", "WVR": "WVR", "TG&VN": "WVR", "VGP": "VGP", "VNS": "Viet Nam News",
    "MOFA": "MOFA", "VTV": "VTV", "VNEXPRESS": "VnExpress", "TUOI TRE": "Tuoi Tre", "TTXVN": "VNA",
    "CHINHPHU.VN": "VGP", "VIETNAMNET": "VietNamNet", "VIETNAMNET GLOBAL": "VietNamNet", "VNN": "VietNamNet",
    # wire agencies, whose items news archives carry too
    "REUTERS": "Reuters", "AP": "AP", "AFP": "AFP", "XINHUA": "Xinhua", "KYODO": "Kyodo", "YONHAP": "Yonhap",
    "BERNAMA": "Bernama", "ANTARA": "Antara", "PTI": "PTI", "IANS": "IANS", "TASS": "TASS", "BLOOMBERG": "Bloomberg",
    "SPUTNIK": "Sputnik", "UN NEWS": "UN News", "KYODO NEWS": "Kyodo", "PNA": "PNA", "ANI": "ANI", "KPL": "KPL",
    "AKP": "AKP", "VIENTIANE TIMES": "Vientiane Times", "KHMER TIMES": "Khmer Times",
    "HANOI TIMES": "Hanoi Times", "HANOITIMES.VN": "Hanoi Times", "HANOITIMES": "Hanoi Times", "VIR": "VIR",
    "VIETNAM INVESTMENT REVIEW": "VIR", "THE VIETNAM TIMES": "Vietnam Times",  # ("The Vietnam Times – Vietnam
    # proposed …", read 79; not "Vietnam Times – the English-language magazine of VUFO – marked …", a sentence about
    # it, a review found)
    # other Vietnamese outlets, also by their site names
    "DAN TRI": "Dan Tri", "DANTRI": "Dan Tri", "QĐND": "QDND", "QDND": "QDND", "SGGP": "SGGP",
    "THANH NIEN": "Thanh Nien", "DTINEWS": "DTiNews", "HANOIMOI": "Hanoimoi",  # "(Dtinews) -", "(Hanoimoi) –"
    "BNEWS": "Bnews",  # (VNA's business news: "(BNEWS) -")
    "BAOQUOCTE": "WVR", "TGVN": "WVR",  # (the World & Vietnam Report by its Vietnamese names: "(Baoquocte) -")
    "BAOQUOCTE.VN": "WVR", "NHANDAN.VN": "Nhan Dan", "VIETNAMNET.VN": "VietNamNet", "VNEXPRESS.NET": "VnExpress",
    "TUOITRE.VN": "Tuoi Tre", "THANHNIEN.VN": "Thanh Nien", "DANTRI.COM.VN": "Dan Tri", "QDND.VN": "QDND",
}
# outlets by the full names their mastheads print: they name a page's outlet, but are no dateline ("Vietnam News – the
# English-language daily – marked …" is a sentence about the paper)
FULL_NAMES = {
    "VIETNAM NEWS AGENCY": "VNA", "NHANDAN": "Nhan Dan", "VIETNAM NEWS": "Viet Nam News",
    "VIET NAM NEWS": "Viet Nam News", "GOV.UK": "GOV.UK", "VNECONOMY": "VnEconomy",
    "VIETNAM ECONOMIC TIMES": "VnEconomy",
    "VIETNAM TIMES": "Vietnam Times",  # (not "The Investor": a line
    # "The investor" is a body's heading as often; its site names it)
    "VIETNAM PICTORIAL": "Vietnam Pictorial", "SAI GON GIAI PHONG": "SGGP", "SAIGON GIAI PHONG": "SGGP",
    "VIETNAM GOVERNMENT PORTAL": "VGP", "VIET NAM GOVERNMENT PORTAL": "VGP",
    "QUAN DOI NHAN DAN": "QDND", "THE SAIGON TIMES": "The Saigon Times", "SAIGON TIMES": "The Saigon Times",
    "THE STRAITS TIMES": "The Straits Times", "STRAITS TIMES": "The Straits Times",
    "VIETNAM LAW & LEGAL FORUM": "VLLF", "THE WORLD & VIETNAM REPORT": "WVR", "WORLD & VIETNAM REPORT": "WVR",
    "THE WORLD AND VIETNAM REPORT": "WVR", "WORLD AND VIETNAM REPORT": "WVR",
    "ASSOCIATION OF SOUTHEAST ASIAN NATIONS": "ASEAN Secretariat", "ASEAN SECRETARIAT": "ASEAN Secretariat",
}
_ONE_OUTLET = "|".join(sorted((re.escape(k) for k in OUTLETS), key=len, reverse=True))
_OUTLET_ALT = rf"(?:{_ONE_OUTLET})(?:\s*/\s*(?:{_ONE_OUTLET}))*"  # "NDO/VNA", "VNA/VNP": wire copy names both
OUTLET_PATTERN = _OUTLET_ALT
_DASH = r"[-–—]+"
# "Hanoi (VNA) –", "Hanoi, March 3 (VNA) -", "Hanoi, 12/9 (VNA) -", "HCM City (VNS) -", "HANOI, Sept 12 (Reuters) -"
_DATE_AFTER_PLACE = (r",\s*(?:(?:[A-Z][a-z]{2,9}|(?-i:[A-Z]{3,9}))\.?\s+\d{1,2}(?:,\s*\d{4})?"
                     r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
                     r"|\d{1,2}\s+[A-Z][a-z]{2,9}\.?(?:,?\s+\d{4})?)")  # "…, 13 March 2026", "ROME, MAY 22"
_COUNTRY_AFTER_PLACE = r"(?:\s*\[[A-Z][\w .'’-]{1,30}\])?"  # "New Delhi [India], May 22 (ANI): …"
DATELINE_PAREN = re.compile(
    rf"^(?P<place>[^\W\d_][\w.'’ -]{{0,40}}?{_COUNTRY_AFTER_PLACE}(?:{_DATE_AFTER_PLACE})?)"
    rf"\s*\((?P<outlet>{_OUTLET_ALT})\)\s*(?:{_DASH}|:)\s*",  # "Hanoi (VNA) –", also "Hanoi (VNA):"
    re.IGNORECASE,
)
# "(VOVWORLD) -", "(VNA) –": the outlet alone in brackets, also with no dash ("(KPL) The Laos-China Railway …")
DATELINE_OUTLET = re.compile(rf"^\((?P<outlet>{_OUTLET_ALT})\)\s*(?:{_DASH}\s*|(?=(?-i:[A-Z\"“])))", re.IGNORECASE)
# "NDO –", "VOV.VN -", "WVR -", "VNA -", and unspaced with a long dash: "NDO—A ceremony …"; a "… Times" with its
# article: "The Hanoi Times - An exhibition …" (read 61), "The Hanoitimes - Hanoi and …" (read 109)
DATELINE_BARE = re.compile(rf"^(?:(?-i:The)\s+(?=[\w.]+\s+Times\b|[\w.]+times\b))?(?P<outlet>{_OUTLET_ALT})\s*"
                           rf"(?:{_DASH}\s+|[–—]+(?=(?-i:[A-Z\"“])))", re.IGNORECASE)
# "HANOI, Aug. 1 —", "BRUSSELS, Belgium —", "HANOI/SEOUL --" (read 109), and with a short all-caps source in brackets:
# "WASHINGTON (CNN) —"
# capitals with Vietnamese and other Latin diacritics ("HÀ NỘI —", "ĐÀ NẴNG —", "SÃO PAULO —"); the Latin Extended
# Additional block alternates capital and small letters, so a match is also checked to be in capitals
_CAPS = "A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠ-Ỹ"
DATELINE_CAPS = re.compile(rf"^(?P<place>[{_CAPS}][{_CAPS} .'-]{{2,30}}(?:/[{_CAPS}][{_CAPS} .'-]{{2,30}})?"
                           rf"(?:{_DATE_AFTER_PLACE}"
                           rf"|,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}})?)"
                           rf"(?:\s*\((?P<outlet>[A-Z][A-Z&.]{{1,5}})\)|\s*\(\d{{1,2}}\s+[A-Z][a-z]{{2,9}}\.?\s+\d{{4}}\))?"
                           rf"\s*(?:{_DASH}\s+|(?<=\d):\s+(?=[A-Z]))")  # "(CNN)", not "(Updated)"; "(13 March 2026)";
# a colon only after a date ("NEW DELHI, March 16:"; "UK: The government …" is a sentence)
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    "|january|february|march|april|june|july|august|september|october|november|december"
)
# "New Delhi, Aug 1 -" (a place and a date, no outlet; what is left of "VNA - New Delhi, Aug 1 -")
DATELINE_DATED = re.compile(rf"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,3}}),\s*(?:(?:(?i:{MONTHS})\.?\s+"
                            rf"\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?i:{MONTHS})\.?(?:,?\s+\d{{4}})?"
                            rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})\s*{_DASH}\s+"  # ("Hà Nội, 22/07/2025 - …", read 41)
                            rf"|(?:(?i:{MONTHS})\.?\s+\d{{1,2}},\s*\d{{4}}|\d{{1,2}}\s+(?i:{MONTHS})\.?,?\s+\d{{4}})\s+)"
                            r"(?=[A-Z])")  # with the year, no dash is needed: "New Delhi, 11 March 2026 India and …"
# "NEW YORK (VNA) Vietnam has …": no dash, so only a place in capitals and a known outlet ("Vietnam News Agency (VNA)
# Director …" is a sentence)
DATELINE_UNDASHED = re.compile(rf"^(?P<place>[A-Z][A-Z .'-]{{1,30}}(?:{_DATE_AFTER_PLACE})?)"
                               rf"\s*\((?P<outlet>{_OUTLET_ALT})\)\s+(?=[A-Z])")
# a full date alone before a dash: "12 March 2026 – ", "March 12, 2026 – ", "12/03/2026 – "
DATELINE_DATE = re.compile(rf"^(?P<date>(?:\d{{1,2}}\s+(?i:{MONTHS})\.?,?\s+\d{{4}}"
                           rf"|(?i:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}))\s*{_DASH}\s+(?=[A-Z\"“])")
# a well-known city with no date or outlet, before a spaced dash or a colon: "Hanoi – Vietnam and …", "NEW DELHI: India
# and …" (a place alone is too often a sentence's subject: "Vietnam – EU trade …")
CITIES = {"hanoi", "ha noi", "hà nội", "ho chi minh city", "hcm city", "da nang", "hai phong", "can tho", "hue",
          "vientiane", "phnom penh", "bangkok", "jakarta", "kuala lumpur", "manila", "naypyidaw", "yangon", "dili",
          "bandar seri begawan", "beijing", "tokyo", "seoul", "new delhi", "washington", "moscow", "paris", "london",
          "berlin", "brussels", "canberra", "wellington", "ottawa", "geneva", "new york", "singapore",
          # capitals and cities that Vietnam's foreign news is datelined from
          "prague", "budapest", "warsaw", "vienna", "rome", "madrid", "lisbon", "stockholm", "oslo", "copenhagen",
          "helsinki", "the hague", "amsterdam", "bern", "athens", "ankara", "bucharest", "sofia", "belgrade", "minsk",
          "kyiv", "cairo", "nairobi", "pretoria", "abuja", "addis ababa", "algiers", "rabat", "brasilia", "brasília",
          "buenos aires", "santiago", "lima", "havana", "mexico city", "caracas", "bogota", "tehran", "riyadh",
          "abu dhabi", "doha", "dubai", "kuwait city", "tel aviv", "ulaanbaatar", "dhaka", "colombo", "kathmandu",
          "islamabad", "tashkent", "astana", "vladivostok", "shanghai", "guangzhou", "hong kong", "osaka", "busan",
          "sydney", "melbourne", "auckland", "san francisco", "los angeles",
          # and the region's other seats of government and ports (read 29: "PUTRAJAYA: Malaysia and Vietnam …")
          "putrajaya", "johor bahru", "george town", "penang", "kota kinabalu", "kuching", "cebu", "davao",
          "quezon city", "surabaya", "denpasar", "medan", "chiang mai", "phuket", "pattaya", "siem reap",
          "sihanoukville", "battambang", "luang prabang", "savannakhet", "pakse", "mandalay", "nay pyi taw",
          "kunming", "nanning", "shenzhen", "taipei", "kaohsiung", "macau", "incheon", "yokohama", "nagoya", "fukuoka",
          "mumbai", "kolkata", "chennai", "bengaluru", "karachi", "lahore", "jeddah", "muscat", "manama", "amman",
          "beirut", "istanbul", "baku", "almaty", "bishkek", "dushanbe", "ashgabat", "tbilisi", "yerevan", "riga",
          "vilnius", "tallinn", "bratislava", "ljubljana", "zagreb", "dublin", "edinburgh",
          "valletta", "nicosia", "vatican city", "milan", "munich", "frankfurt", "hamburg", "marseille", "barcelona",
          "st petersburg", "saint petersburg", "johannesburg", "cape town", "durban", "lagos", "accra", "dakar",
          "kampala", "dar es salaam", "luanda", "maputo", "harare", "lusaka", "kigali", "khartoum", "tunis",
          "tripoli", "sao paulo", "são paulo", "rio de janeiro", "montevideo", "asuncion", "la paz", "quito",
          "panama city", "san jose", "managua", "tegucigalpa", "guatemala city", "san salvador", "kingston",
          "santo domingo", "port of spain", "toronto", "vancouver", "montreal", "houston", "honolulu",
          "perth", "brisbane", "adelaide", "christchurch", "suva", "port moresby", "apia", "nuku'alofa",
          # (read 37: "Port Louis – The Indonesian Government …")
          "port louis", "antananarivo", "thimphu", "kinshasa", "abidjan", "windhoek", "gaborone",
          "strasbourg", "reykjavik", "chisinau", "sarajevo", "skopje", "tirana", "podgorica", "baghdad", "damascus",
          "kabul", "port vila", "honiara", "tarawa", "majuro", "koror", "noumea"}
_NOT_A_PAIR = (r"(?!(?:\S+\s+){1,4}(?:ties|relations|relationship|trade|talks|tensions|railway|rail|route|flights?"
               r"|line|border|cooperation|partnership|summit|axis|link|expressway|corridor|dialogue|rivalry"
               r"|friendship|pipeline|highway|ferry|connection|bridge|shipping|services?|detente|rapprochement"
               r"|solidarity|match|derby|games?)\b)"  # not "Singapore - Malaysia ties …", "Melbourne – Hanoi direct
               r"(?![A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s+[–—-]\s)")  # flights", "Hong Kong – Zhuhai – Macau …"
DATELINE_CITY = re.compile(r"^(?P<place>[A-ZÀ-Ỹ][\w.'’ -]{1,25}?)(?:\s+[–—]+\s+|\s+-\s+|:\s+)(?=[A-Z\"“])"
                           + _NOT_A_PAIR)
# a source in brackets that no outlet list knows, before a dash: "(Embassy of Viet Nam in Mexico) – A Vietnamese
# culture week …", "(Vietnam Embassy in Cambodia) - The embassy …", a provincial portal's "(Portal) -" and "(Da Nang
# Portal) -" (read 77): an organisation's name of one to eight words
DATELINE_SOURCE = re.compile(r"^\((?=[^)]*\b(?:Embassy|Consulate|Ministry|Mission|Office|Committee|Department|Agency"
                             r"|Association|Union|Council|Secretariat|Government|Delegation|Portal)\b)"
                             r"(?P<source>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|in|the|and|to|for|at)){0,7})\)"
                             rf"\s*{_DASH}\s+(?=[A-Z\"“])")  # (an organisation: not "(From Left to Right) – …")
# a place and a site's name: "Jakarta, Kemlu.go.id – Indonesia and Viet Nam …"
DATELINE_SITE = re.compile(rf"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}}),\s*(?P<site>[A-Za-z][\w-]*"
                           rf"(?:\.[a-z]{{2,4}}){{1,2}})\s*{_DASH}\s+(?=[A-Z\"“])")
# a story's tags in brackets, which name no agency: "(LEAD)", "(UPDATED)", "(ADVISORY)"
_STORY_TAGS = (r"(?!(?:LEAD|UPDATE|UPDATED|URGENT|CORRECTED|CORRECTION|REFILE|REFILED|RECASTS|ADVISORY|EXCLUSIVE"
               r"|BREAKING|FOCUS|WRAPUP|ANALYSIS|EDITORIAL|INTERVIEW|PROFILE|FEATURE|OPINION|PHOTO|PHOTOS|VIDEO|AUDIO"
               r"|ADDS|REPEAT|CLARIFICATION|EMBARGOED|AMENDED)\))")
# an agency that no outlet list knows, alone in brackets before a dash and a dateline of its own in capitals: "(ANSA)
# - ROME, MAY 22 - …" (not a story's tag: "(LEAD) …", "(UPDATE) - …")
DATELINE_TAG = re.compile(rf"^\((?P<outlet>{_STORY_TAGS}[A-Z]{{3,10}})\)"
                          rf"\s*{_DASH}\s+(?=[A-Z]{{3,}}[A-Z ,.'-]*(?:{_DATE_AFTER_PLACE})\s*{_DASH})")
# a place and date before an agency that no outlet list knows, in capitals in brackets: "Lima, Oct. 14 (ANDINA).-",
# "Kuala Lumpur, 3 March (BERNAMA) --" (with its date, so not "The Development Programme (UNDP) – …")
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_AGENCY_PLACE = r"[A-Z][\w.'’-]*(?:/[A-Z][\w.'’-]*)?(?:\s[A-Z][\w.'’-]*){0,3}"  # (before an agency's date: "Kuala
# Lumpur, 3 March"; two places a wire's story is filed from: "HANOI/SINGAPORE, Sept 4", read 87)
_AGENCY_DATE = rf"(?:(?i:{MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?i:{MONTHS})\.?)(?:,?\s+\d{{4}})?"
DATELINE_AGENCY = re.compile(rf"^(?P<place>{_AGENCY_PLACE}{_COUNTRY_AFTER_PLACE}"
                             r"(?:,\s*[A-Z][a-z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)?"  # (its region: "PINGXIANG, Guangxi,
                             rf",\s*{_AGENCY_DATE})"  # Sept. 21 (Xinhua) --", read 116)
                             rf"\s*\((?P<outlet>{_STORY_TAGS}(?:[A-Z][A-Z&.]{{1,11}}"
                             rf"|(?!(?i:{_WEEKDAY_NAMES}|local|time)\b)(?:[A-Z][a-z]+ ){{0,3}}[A-Z][a-z]+))\)"  # (or in
                             rf"\.?\s*(?:{_DASH}|:)\s*(?=[A-Z\"“])")  # words: "MANILA, Aug 12 (Asia Pacific Wire) -",
# "BANGKOK, March 4 (Pacific Ledger) -", read 86; not a weekday: "Hanoi, May 4 (Monday) -")
# a factbox's date alone before an agency of one word or a wire's name: "Sept 30 (Meridian) -" (read 109; not a diary's
# "Sept 2 (National Day) - President … hosts …", a review found)
DATELINE_DATE_AGENCY = re.compile(rf"^(?P<place>{_AGENCY_DATE})\s*\((?P<outlet>{_STORY_TAGS}(?:[A-Z][A-Z&.]{{1,11}}"
                                  rf"|(?!(?i:{_WEEKDAY_NAMES})\b)[A-Z][a-z]+"
                                  r"|(?:[A-Z][a-z]+ ){1,2}(?:Wire|News|Press|Agency|Service)))\)"
                                  rf"\s*{_DASH}\s*(?=[A-Z\"“])")
# the same with an agency named in words and no dash, as Prensa Latina writes it: "Havana, May 19 (Prensa Latina) Cuba
# and Vietnam signed …" (a place, its date and up to three capitalised words in brackets: no weekday, no story tag)
DATELINE_AGENCY_UNDASHED = re.compile(
    rf"^(?P<place>{_AGENCY_PLACE},\s*{_AGENCY_DATE})\s*\((?P<outlet>{_STORY_TAGS}(?!(?i:{_WEEKDAY_NAMES})\b)"
    rf"[A-Z][\w&.]+(?: [A-Z][\w&.]+){{0,2}})\)\s+(?=[A-Z\"“])")
# an outlet that no list knows, alone in brackets in capitals before a spaced dash: "(HCMCPV) – …" (a city portal's,
# read 83); not a story's tag ("(UPDATE) - …"), a genre's label ("(COMMENTARY) –") nor an interview's speaker
# ("(REPORTER) –"), a review found
_NOT_OUTLETS = (r"(?!(?:COMMENTARY|EXPLAINER|FACTBOX|FACT ?CHECK|TIMELINE|RECAP|REVIEW|SPONSORED|ADVERTORIAL|OPINION"
                r"|REPORTER|AMBASSADOR|MINISTER|HOST|GUEST|ANCHOR|MODERATOR|PRESENTER|SPEAKER|QUESTION|ANSWER"
                r"|INTERVIEWER|EDITOR|NOTE|PHOTO|VIDEO|LIVE)\))")
DATELINE_UNKNOWN_OUTLET = re.compile(rf"^\((?P<outlet>{_STORY_TAGS}{_NOT_OUTLETS}[A-Z][A-Z&]{{2,9}})\)"
                                     rf"\s*{_DASH}\s+(?=[A-Z\"“])")
# a well-known city in lower case before a dash, as a scraper copies a dateline styled in capitals: "hanoi – The …"
DATELINE_LOWER_CITY = re.compile(r"^(?P<city>[a-zà-ỹ][a-zà-ỹ' ]{1,25}?)\s+[–—-]+\s+(?=[A-Z\"“])" + _NOT_A_PAIR)
# a press-release wire's dateline (read 110): "HO CHI MINH CITY, Vietnam, Oct. 14, 2025 /PRNewswire/ --", "AUSTIN,
# Texas, July 22, 2025 (GLOBE NEWSWIRE) --", "HANOI, Vietnam--(BUSINESS WIRE)--"
_PRESS_WIRES = (r"PRNewswire(?:-[A-Za-z]+)?|EINPresswire\.com|CNW|GLOBE NEWSWIRE|BUSINESS WIRE|ACCESSWIRE"
                r"|Newsfile Corp\.")
DATELINE_PRESS_WIRE = re.compile(rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}?(?:,\s*[A-Z][\w.'’ -]{{1,30}}?){{0,2}}"
                                 rf"(?:,\s*{_AGENCY_DATE})?)\s*(?:--)?\s*[/(](?P<outlet>{_PRESS_WIRES})[/)]"
                                 rf"\s*{_DASH}\s*(?=[A-Z\"“])")
# a site's address in brackets as its dateline (read 114: "(TTH.gov) -", "(Thanhhoa.gov.vn) -")
DATELINE_SITE_OUTLET = re.compile(rf"^\((?P<outlet>[A-Za-z][\w-]{{1,30}}(?:\.(?:gov|com|org|net|vn|edu|info)){{1,3}})\)"
                                  rf"\s*{_DASH}\s*(?=[A-Z\"“])")
DATELINES = (DATELINE_PAREN, DATELINE_OUTLET, DATELINE_BARE, DATELINE_CAPS, DATELINE_DATED, DATELINE_UNDASHED,
             DATELINE_DATE, DATELINE_CITY, DATELINE_SOURCE, DATELINE_SITE, DATELINE_LOWER_CITY, DATELINE_AGENCY,
             DATELINE_DATE_AGENCY,
             DATELINE_AGENCY_UNDASHED,
             DATELINE_TAG, DATELINE_UNKNOWN_OUTLET, DATELINE_PRESS_WIRE, DATELINE_SITE_OUTLET)
# "VNA -": a place and date may follow ("VNA - New Delhi, Aug 1 -")
OUTLET_ONLY = (DATELINE_OUTLET, DATELINE_BARE)
WEEKDAYS = f"{_WEEKDAY_NAMES}|mon|tue|wed|thu|fri|sat|sun"
DATE_DMY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# "2025-12-25", "2025/12/25", "2025-01-16T15:20:00+07:00"
DATE_ISO = re.compile(r"\b(\d{4})(?:-(\d{2})-(\d{2})(?:\b|(?=T\d\d:))|/(\d{2})/(\d{2})(?![\w/-]))")
# (with an ordinal too: "October 1st, 2025", "the 3rd of May 2025")
DATE_MDY = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
DATE_DMY_TEXT = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|AM|PM)?\b")


def split_datelines(text: str) -> tuple[list[re.Match[str]], str]:
    """The datelines that open ``text``, outermost first ("VNA - New Delhi, Aug 1 -" is two), and the text after
    them; each must leave more than 20 characters and name a capitalised place, if any."""
    found: list[re.Match[str]] = []
    rest, patterns = text, DATELINES
    while patterns:
        for pattern in patterns:
            match = pattern.match(rest)
            place = (match.groupdict().get("place") or "X") if match else ""
            if pattern is DATELINE_CAPS and match and not _in_capitals(place):
                match = None
            if pattern is DATELINE_CITY and match and not _city(place):
                match = None
            if pattern is DATELINE_LOWER_CITY and match and not _city(match.group("city")):
                match = None
            if match and _is_place(place) and len(rest) - match.end() > 20:
                found.append(match)
                rest = rest[match.end():]
                # only after an outlet alone, and only a place with a date ("Hanoi (VNA) – EU - Vietnam trade …")
                patterns = (DATELINE_DATED,) if pattern in OUTLET_ONLY else (DATELINE_CAPS,) \
                    if pattern is DATELINE_TAG else ()
                break
        else:
            break
    return found, rest


# what a page prints above its lead, when the lines were run together (a scraped archive's `text`): "Thursday, March 7,
# 2024 10:15 Hanoi (VNA) – …", "Monday, 11/03/2024 09:30 Reporter: Nguyễn Hoài VietNamNet Global Deputy …",
# "VIETNAM, NEW ZEALAND TARGET 3 BILLION USD IN TRADE (VOVWORLD) - Vietnam and …"
LEADING_STAMP = re.compile(
    rf"^(?:(?:last )?(?:updated|published|posted)(?: on)?:?\s*)?(?:(?:{WEEKDAYS}),?\s+)?"
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*\(?(?:GMT|UTC|ICT)[+\d:]*\)?)?)?\s+",
    re.IGNORECASE,
)
# a writer's byline run into the lead: "By" and a capitalised name ("By Minh Anh NDO – Vietnam …")
BYLINE_NAME = re.compile(r"^By\s+(?=[A-Z])")
LEADING_BYLINE = re.compile(r"^(?:reporter|by|written by|story|text)\s*[:-]?\s+", re.IGNORECASE)
# how other foreign-affairs pages open: "From: … Published 3 March 2024 …", "READOUT OFFICE OF THE SPOKESPERSON March 5,
# 2024 …", "PRESS STATEMENT … FEBRUARY 27, 2024 Share Copy Link …", "SG/SM/22134 4 March 2024 …", a scraped page's "Skip
# to content U.S. Department of State Home Readout … May 4, 2026 …", "Media release Joint media release with: … 6 May
# 2026 …"; after the date, a page's view counter ("Hits: 318")
HEADER_OPENER = re.compile(r"^(?:(?i:from:|published\b|last updated\b|readout\b|press (?:statement|release|briefing)\b"
                           r"|media note\b|remarks\b|news release\b|joint statement\b|skip to (?:main )?content\b"
                           r"|(?:joint )?media (?:release|statement)\b)|[A-Z]{1,5}/[A-Z0-9/.-]*\d"
                           r"|(?:[A-Z][A-Z.,'&-]+\s+){3})")
AFTER_HEADER_DATE = re.compile(r"^(?:share\s+copy link\s+|(?:hits|views|reads)\s*:\s*\d[\d,.]*\s+"
                               r"|(?:delivered on|last updated):?\s+\S+\s+\S+\s+\d{4}\s+"
                               r"|[—–-]\s+see all updates\s+|photo:\s+[A-Z][\w&.]{1,10}\s+(?=[A-Z])"
                               r"|\((?:transcript|check against delivery|original script)[^)]{0,80}\)\s*)+",
                               re.IGNORECASE)
# "The below is attributable to Spokesperson Matthew Miller:", "The following statement was issued today by …:", "My
# Rt Hon Friend the Foreign Secretary has today made the following statement:"
ATTRIBUTION_INTRO = re.compile(r"^[^:.!?]{0,160}\b(?:the (?:below|following) (?:is attributable|(?:written |joint )?"
                               r"statement|remarks|readout)|attributable to)\b[^:.!?]{0,160}:\s+(?=(?-i:[A-Z\"“]))",
                               re.IGNORECASE)
PUBLISHED = re.compile(r"\b(?:published|last updated|updated)(?: on)?:?\s*$", re.IGNORECASE)
# an outlet's dateline after the headline, in brackets or (for the Vietnamese outlets' codes, in capitals) bare:
# "… in Hanoi (VNA) – Vietnam …", "… from conflict zone NDO – The Ministry …"
INNER_OUTLET = re.compile(rf"(?:\((?:{_OUTLET_ALT})\)\s*{_DASH}\s*|(?<=\s)(?-i:NDO|VNA|VOV|VOVWORLD|VNS|VGP|WVR|VNP)"
                          r"(?:\s*[–—]+\s*|\s+-+\s+))(?=(?-i:[A-Z\"“‘']))", re.IGNORECASE)  # ("a VNA-Xinhua deal")


# a statement page's place, date, time and reference run into its text: "Brussels, 03/03/2026 - 17:20, UNIQUE ID:
# 260303_12 Statements on behalf of the HR/VP The European Union welcomes …" (its ID tells it from a dateline)
DATED_ID_HEADER = re.compile(r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2},\s*\d{1,2}/\d{1,2}/\d{4}"
                             r"(?:\s*[-–—]\s*\d{1,2}:\d{2})?,?\s+UNIQUE ID:\s*\S+\s+"
                             r"(?:(?:statements?|press releases?|speeches|remarks)\s+(?:on behalf of|by)\s+the\s+"
                             r"(?:HR/VP|High Representative|Spokesperson)\s+)?(?=(?-i:[A-Z])|[\"“])", re.IGNORECASE)


def strip_page_header(text: str) -> str:
    """``text`` without the date stamp, byline and masthead a page prints above its lead when they were run into it,
    up to an outlet's dateline within its first words ("… Hanoi (VNA) – Vietnam …" -> "(VNA) – Vietnam …", for
    :func:`strip_dateline`); ``text`` itself when it does not open so."""
    text = text[m.end():] if (m := DATED_ID_HEADER.match(text)) and len(text) - m.end() > 20 else text
    rest = _without_publisher_header(text)
    stamp = LEADING_STAMP.match(rest)
    if stamp and not (TIME.search(stamp.group(0)) or re.match(rf"(?i:{WEEKDAYS}|updated|published|posted|last)\b",
                                                              stamp.group(0))):
        stamp = None  # a date alone opens sentences too ("March 5, 2024 was a landmark day …")
    if stamp and len(rest) - stamp.end() > 20:
        rest = rest[stamp.end():].lstrip(" -–—|")
    if split_datelines(rest)[0]:
        return rest
    inner = INNER_OUTLET.search(rest[:300]) or _inner_capitals_dateline(rest[:300])
    before = rest[:inner.start()] if inner else ""
    if inner and before.strip() and len(before.split()) <= 25 and not re.search(r"[.!?][\"'”’]?\s", before) \
            and not _names_outlet(before):
        return rest[inner.start():]
    if (named := BYLINE_NAME.match(rest)) and (lead := _after_byline(rest[named.end():])
                                               or _after_writers_name(rest[named.end():])):
        return lead
    byline = LEADING_BYLINE.match(rest) if stamp else None
    words = rest[byline.end():].split() if byline else []
    for n in range(1, min(len(words), 9)):  # "Reporter: Nguyễn Hoài VietNamNet Global Deputy …": up to a masthead
        for size in (3, 2, 1):
            if masthead(" ".join(words[n:n + size])) and len(words) > n + size + 3:
                return " ".join(words[n + size:])
    return rest


# a place in capitals and a long dash after the headline: "… hold sixth political consultation HANOI — Deputy …"
INNER_CAPITALS = re.compile(rf"(?<=\s)[{_CAPS}]{{3,}}(?:[ .'-][{_CAPS}]{{2,}}){{0,3}}"
                            r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s+[—–]\s+(?=[A-Z\"“])")
NOT_PLACES = {"ASEAN", "APEC", "NATO", "UNESCO", "UNICEF", "WHO", "WTO", "IMF", "USA", "BRICS", "OPEC", "FDI", "GDP",
              "COVID", "UNCLOS", "CPTPP", "RCEP", "EVFTA"}


def _inner_capitals_dateline(text: str) -> re.Match[str] | None:
    """The first capitals dateline inside ``text`` ("HANOI — ", "HÀ NỘI, March 5 — "), not an organisation's
    acronym before a dash ("ASEAN — …")."""
    for match in INNER_CAPITALS.finditer(text):
        place = match.group(0).split(",")[0].strip(" —–")
        goes_on = " ".join(text[match.end():].split()[:3])  # "… OF VIET NAM – BRAZIL RELATIONS TO …": a title
        title = len(goes_on.split()) >= 2 and "," not in goes_on and not any(c.islower() for c in goes_on) \
            and sum(c.isalpha() for c in goes_on) >= 8  # (not "HANOI — UN, US, EU envoys …")
        named = re.search(r"\b(?:at|in|of|the|and|with|by)\s*$", text[:match.start()])  # "… food at
        # THAIFEX – Anuga Asia 2026 in Bangkok …": a fair's name in the lead's sentence, read 71; a headline ends on
        # none of these, though on a verb's particle it may: "… talks to carry on HANOI — …", and before a city it may
        # end on any: "… dreamed of TOKYO — …", reviews found)
        words = place.lower().split()
        fair = named and not any(" ".join(words[k:]) in CITIES for k in range(len(words)))  # ("… by VNA and VNS
        # HANOI — …": a city at its end, a review found)
        if _in_capitals(place) and place not in NOT_PLACES and not title and not fair:
            return match
    return None


def _after_byline(text: str) -> str | None:
    """What follows the rest of a writer's name when a lead's dateline does, within six words ("Anh NDO – Vietnam …"
    -> "NDO – Vietnam …"): a byline run into the lead."""
    words = text.split()
    for n in range(min(len(words), 6)):
        tail = " ".join(words[n:])
        if marks_a_lead(split_datelines(tail)[0]):  # "KUALA LUMPUR -- Malaysia will …" too
            return tail
    return None


# a Vietnamese syllable as an English page writes it (tone marks folded away): "Minh", "Nguyen", "Hoai", "Thang"
# (not "Sea", "Key", "Vietnam"): an initial, a vowel cluster Vietnamese writes, a final
VIETNAMESE_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
                                 r"(?:oai|oay|uoi|uou|ieu|yeu|uya|uye|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui"
                                 r"|uo|uu|uy|ye|[aeiouy])(?:ch|ng|nh|[cmnpt])?", re.IGNORECASE)
# words that open a sentence and are no part of a name ("By Thu Hang The two countries …", "By John Smith In …")
FUNCTION_OPENERS = {"The", "A", "An", "In", "On", "At", "As", "This", "These", "Those", "That", "It", "Its", "Both",
                    "Some", "Many", "After", "Before", "During", "With", "For", "To", "From", "Over", "According",
                    "Speaking", "Addressing", "Earlier", "Under", "Amid", "Despite", "While", "When", "Since",
                    "Following"}
# the country's and the capital's names in two words, which end no name ("By Thu Ha Viet Nam will …")
PLACE_OPENERS = {("Viet", "Nam"), ("Ha", "Noi")}
# two-word places and terms that read like Vietnamese names ("By Da Nang Vietnam hopes …", "By Doi Moi …")
NAMED_PLACES = {("Da", "Nang"), ("Can", "Tho"), ("Hai", "Phong"), ("Ha", "Long"), ("Ho", "Chi"), ("Chi", "Minh"),
                ("Ba", "Dinh"), ("Ca", "Mau"), ("Cam", "Ranh"), ("Doi", "Moi"), ("Hoang", "Sa"), ("Truong", "Sa"),
                ("Tuoi", "Tre"), ("Thanh", "Nien"), ("Nhan", "Dan"), ("Quang", "Ninh"), ("Nghe", "An"),
                ("Khanh", "Hoa"), ("Nha", "Trang"), ("Phu", "Quoc"), ("Vung", "Tau"), ("Hoi", "An"), ("Da", "Lat"),
                ("Lang", "Son"), ("Lao", "Cai"), ("Bac", "Ninh"), ("Binh", "Duong"), ("Dong", "Nai"), ("Con", "Dao"),
                ("Quang", "Nam"), ("Ha", "Tinh"), ("Thai", "Nguyen"), ("Dak", "Lak"), ("Lam", "Dong")} | PLACE_OPENERS \
    | {tuple(place.split()) for place in (  # provinces in two words
        "Nam Dinh", "Thai Binh", "Ninh Binh", "Ha Nam", "Ha Giang", "Cao Bang", "Son La", "Dien Bien", "Yen Bai",
        "Tay Ninh", "Long An", "Ben Tre", "Tra Vinh", "Soc Trang", "Bac Lieu", "An Giang", "Kien Giang", "Hau Giang",
        "Dong Thap", "Vinh Long", "Gia Lai", "Kon Tum", "Binh Phuoc", "Phu Yen", "Quang Ngai", "Quang Tri",
        "Quang Binh", "Thanh Hoa", "Hung Yen", "Vinh Phuc", "Phu Tho", "Tuyen Quang", "Lai Chau", "Bac Giang",
        "Bac Kan", "Hoa Binh", "Lang Son", "Binh Thuan", "Ninh Thuan", "Binh Dinh", "Dak Nong", "Ba Ria")}
# words that make a name a time's ("By Lunar New Year The …", "By Christmas Day …")
TIME_WORDS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
                        r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Day|Days|Year"
                        r"|Eve|Holiday|Festival|New|Lunar|Mid|Late|Early|End|Morning|Evening|Night|Noon|Midnight|Week"
                        r"|Month|Season|Spring|Summer|Autumn|Winter)$")
# what a place's or an outlet's name goes on with: "By Ho Chi Minh City's count …", "By Tuoi Tre News …"
PLACE_WORDS = re.compile(r"^(?:City|Province|Bay|River|Island|Islands|District|Commune|Ward|Street|Delta|Lake|Pass"
                         r"|Mountain|Port|Airport|Market|Square|Hall|Cape|Mausoleum|Trail|Bridge|Pagoda|Temple|Park"
                         r"|Road|Museum|Festival|Holiday|News|Newspaper|Agency|Group|Airlines|Online|Times)\b|['’]s$")


def _after_writers_name(text: str) -> str | None:
    """The lead after a writer's name of two to four words run into it with no dateline between, where the name's end
    shows: the name is Vietnamese syllables and the next word, capitalised, is none ("Minh Nga Vietnam will …" ->
    "Vietnam will …"), or the next words are the country's or capital's name ("Thu Ha Viet Nam will …"), or a word
    that opens sentences and names nothing follows any name ("Thu Hang The two …", "John Smith The UK …"), or a
    two-word place a lower-case word goes on from ("Minh Nga Quang Ninh province …"); co-authors' Vietnamese names go
    too ("Minh Nga, Hoang Phong …", "Thu Hang and Quoc Viet …"). The lead holds six words or more and ends a sentence
    or goes on past eight; it loses a date stamp that follows the name. None where the end does not show ("Minh Nga
    Quang Ninh Province …", "John Smith Britain …") or the words are a place's, an outlet's or a time's ("Ho Chi Minh
    City's …", "Da Nang Vietnam …", "Lunar New Year Vietnam …")."""
    words = text.split()
    if (others := _after_co_author(words)) is not None:
        return _after_writers_name(" ".join(others))
    for n in range(2, min(len(words) - 5, 5)):
        name, word = words[:n], words[n]
        folded = [strip_diacritics(w) for w in name]
        if not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in name) \
                or any(w in FUNCTION_OPENERS or TIME_WORDS.match(w) for w in name) \
                or any(pair in NAMED_PLACES for pair in zip(folded, folded[1:])):
            return None
        vietnamese = all(VIETNAMESE_SYLLABLE.fullmatch(w) for w in folded)
        after = tuple(re.sub(r"['’]s$", "", strip_diacritics(w)) for w in words[n:n + 2])
        country = vietnamese and (after in PLACE_OPENERS  # the country's or capital's name opens the lead
                                   or _place_goes_on(words[n:n + 3]))  # "Quang Ninh province will …"
        if not country and (PLACE_WORDS.search(word) or (folded[-1], after[0]) in NAMED_PLACES):
            return None
        if not (country or word in FUNCTION_OPENERS or (vietnamese and (word[:1].isupper() or word[:1] in "\"“‘")
                                                          and not VIETNAMESE_SYLLABLE.fullmatch(after[0]))):
            continue
        if words[-1][-1:] in ".!?\"”’" or len(words) > n + 8:
            return strip_page_header(" ".join(words[n:]))
        return None
    return None


def is_vietnamese_name(words: list[str]) -> bool:
    """Whether ``words`` are two to four capitalised Vietnamese syllables naming no place ("Minh Nga")."""
    folded = [strip_diacritics(w) for w in words]
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
        and all(VIETNAMESE_SYLLABLE.fullmatch(w) for w in folded) \
        and not any(pair in NAMED_PLACES for pair in zip(folded, folded[1:]))


def _after_co_author(words: list[str]) -> list[str] | None:
    """The words after a first writer's Vietnamese name and a comma, "and" or "&" ("Minh Nga, Hoang Phong Vietnam …"
    -> "Hoang Phong Vietnam …"); None where the words open so no co-authors' byline."""
    for n in range(2, min(len(words) - 7, 5)):
        if words[n - 1].endswith(",") and is_vietnamese_name([*words[:n - 1], words[n - 1][:-1]]):
            return words[n + 1:] if words[n] in ("and", "&") else words[n:]
        if words[n] in ("and", "&") and is_vietnamese_name(words[:n]):
            return words[n + 1:]
    return None


def _place_goes_on(words: list[str]) -> bool:
    """Whether ``words`` open with a two-word place that a lower-case word goes on from ("Quang Ninh province …",
    "Da Nang has …"): the lead, not the rest of a name."""
    folded = tuple(strip_diacritics(w) for w in words[:2])
    return len(words) == 3 and folded in NAMED_PLACES and words[2][:1].islower()


def _names_outlet(text: str) -> bool:
    """Whether ``text`` ends with an outlet's own name ("… the Vietnam News Agency"): "(VNA) – …" after it is an
    apposition inside a sentence, not a dateline."""
    words = text.split()
    return any(masthead(" ".join(words[-size:])) for size in (4, 3, 2) if len(words) >= size)


def _without_publisher_header(text: str) -> str:
    """``text`` after a publisher's header that ends with a date (see :data:`HEADER_OPENER`), the "Share Copy Link"
    and "(Transcript …)" after it, and a line that only says who the statement is attributed to."""
    date = FULL_DATE.search(" ".join(text.split()[:40]))
    cut = text.find(date.group(0)) if date else -1
    if cut < 0 or not (HEADER_OPENER.match(text) or PUBLISHED.search(text[:cut])):
        intro = ATTRIBUTION_INTRO.match(text)
        return text[intro.end():] if intro else text
    if re.search(r"[a-z0-9)][.!?][\"'”’]?\s", text[:cut]):  # a sentence ends before it ("J." does not)
        return text
    if re.search(r"\b(?:on|of|from|since|by|until|dated|in|to)\s*$", text[:cut], re.IGNORECASE) \
            and not PUBLISHED.search(text[:cut]):  # the lead's own date: "Media release: On 6 May 2026 Australia …"
        return text
    rest = text[cut + len(date.group(0)):].lstrip(" ,—–-")
    rest = rest[len(m.group(0)):] if (m := AFTER_HEADER_DATE.match(rest)) else rest
    rest = _after_publishers(rest)
    rest = rest[len(m.group(0)):] if (m := ATTRIBUTION_INTRO.match(rest)) else rest
    return rest if len(rest.split()) >= 3 and re.match(r"[A-Z\"“‘(]", rest) else text  # a sentence starts there


LIST_GLUE = {"and", "of", "for", "in", "&", "the", "at", "on"}


def _after_publishers(text: str) -> str:
    """``text`` after a "From:" list of publishers run into the lead, where the lead opens with "The" ("From: Foreign,
    Commonwealth & Development Office and British Embassy Hanoi The British Embassy in Hanoi today …" -> "The British
    Embassy in Hanoi today …"): the list's words are capitalised, so the lead starts at its last "The" before the
    first lowercase word ("The Rt Hon …" belongs to the list). Else ``text`` as it is."""
    if not text.startswith("From: "):
        return text
    words = text.split(" ")
    opener = None
    for n, word in enumerate(words[1:], start=1):
        if word[:1].islower() and word not in LIST_GLUE:
            break
        if word == "The" and n + 1 < len(words) and words[n + 1] not in ("Rt", "Rt.", "Right"):
            opener = n
    return " ".join(words[opener:]) if opener else text


PLACE_GLUE = {"de", "da", "do", "du", "of", "and", "la", "le", "el", "al", "upon", "on", "am", "der", "city"}


def _in_capitals(place: str) -> bool:
    """The place of a capitals dateline is in capitals up to its first comma ("HÀ NỘI", "BRUSSELS, Belgium")."""
    head = place.split(",")[0]
    return head == head.upper()


def _city(place: str) -> bool:
    """A well-known city (see :data:`DATELINE_CITY`)."""
    return place.lower() in CITIES


# a writer's marks before a dash, no places: "FYI – useful background …", "NB – the figures …"
NOTE_MARKS = {"FYI", "NB", "N.B", "PS", "P.S", "BTW", "ICYMI", "FAO", "ATTN", "NOTE", "TL;DR", "TLDR",
              "FILE"}  # (a wire's file photo: "FILE - A coast guard vessel … (AP Photo/…, File)", read 84)


def _is_place(place: str) -> bool:
    """A dateline's place ("Hanoi", "Rio de Janeiro, March 3", "X" when none is named): capitalised words, not the
    start of a sentence ("The report by the Vietnam News Agency (VNA) – …" is one) nor an outlet's own name."""
    words = re.findall(r"[^\W\d_][\w.'’-]*", place)
    if place.strip(" .").upper() in NOTE_MARKS:
        return False
    return place[:1].isupper() and all(w[:1].isupper() or w.lower() in PLACE_GLUE for w in words) \
        and not _names_outlet(place)


# a sentence above a dated lead this long is a standfirst (an outlet's own summary of the article: on the embedded
# train and dev pages it scores higher against the reference than the dated lead), a shorter one a teaser ("A new
# landmark for the central city.")
STANDFIRST_WORDS = 15


def marks_a_lead(matches: list[re.Match[str]]) -> bool:
    """Whether these datelines open an article's lead: one names an outlet or a date ("Hanoi (VNA) –", "SEOUL, March
    14 (Yonhap) --", "BANGKOK, 13 March 2026 –"), or a place in capitals before a long dash ("HÀ NỘI —"); not merely
    a word in capitals and a hyphen ("ASEAN - Japan trade …") nor a city in small letters ("Beijing – Washington …")."""
    for match in matches:
        place = (match.groupdict().get("place") or "").strip()
        if match.groupdict().get("outlet") or re.search(r"\d", match.group(0)):
            return True
        capitals = match.re in (DATELINE_CAPS, DATELINE_LOWER_CITY)  # (a lower-cased one was in capitals)
        if (capitals or (match.re is DATELINE_CITY and place == place.upper())) \
                and re.search(r"[–—:]|--", match.group(0)) and place.split(",")[0] not in NOT_PLACES:
            return True  # (also a city in capitals before a colon: "PUTRAJAYA: Malaysia and Vietnam will …")
    return False


def dateline_matches(text: str) -> list[re.Match[str]]:
    """The datelines that open ``text`` (see :func:`split_datelines`)."""
    return split_datelines(text)[0]


def strip_dateline(text: str) -> str:
    """``text`` without the datelines that open it ("Hanoi (VNA) –", "(VOVWORLD) -", "NDO –")."""
    return split_datelines(text)[1]


def without_wire_dateline(text: str) -> str:
    """``text`` without the datelines that open it when one names an outlet ("Hanoi (VNA) –", "NDO –", "ABU DHABI,
    March 2 (Reuters) -"): a paragraph row such as "EU - Vietnam trade rose …" keeps its first words."""
    matches, rest = split_datelines(text)
    return rest if any(m.groupdict().get("outlet") for m in matches) else text


# the zone whose calendar a page's date is read in where its stamp is in UTC: the project's news is Viet Nam's (GMT+7),
# so a machine's time stamp late in the evening ("2025-05-05T23:50:00Z") is that outlet's next morning
NEWS_ZONE = timezone(timedelta(hours=7))
# a time stamp with its zone: ISO 8601 ("2025-05-05T23:50:00Z", "2025-05-05 23:50+00:00") or RFC 822, as feeds and
# mail write it ("Mon, 05 May 2025 23:50:00 +0000", "… GMT")
ZONED_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)$")
ZONED_RFC = re.compile(r"^(?:[A-Z][a-z]{2},\s*)?\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d(?::\d\d)?\s*"
                       r"(?:[+-]\d{4}|GMT|UTC|UT|Z)$")


def zoned_date(text: str) -> str | None:
    """The day of a time stamp that gives its zone, as ISO: a stamp in UTC read in :data:`NEWS_ZONE`, one with a local
    offset on its own calendar; None for any other text."""
    stamp = text.strip()
    try:
        if ZONED_ISO.match(stamp):
            moment = datetime.fromisoformat(stamp.replace(" ", "T", 1).replace("Z", "+00:00"))
        elif ZONED_RFC.match(stamp):
            moment = parsedate_to_datetime(stamp)
        else:
            return None
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    utc = moment.utcoffset() == timedelta(0)  # a machine's time; a local offset keeps its own day ("2025-05-06T00:00
    return (moment.astimezone(NEWS_ZONE) if utc else moment).date().isoformat()  # +09:00" is Tokyo's 6 May)


def parse_date(text: str) -> str | None:
    """First calendar date in ``text`` as ISO (day-first for numeric dates, as Vietnamese sites write them, unless
    the second number cannot be a month: "12/25/2025"); a time stamp with its zone is read in Viet Nam's calendar
    (:func:`zoned_date`)."""
    if zoned := zoned_date(text):
        return zoned
    for pattern, order in ((DATE_ISO, "ymd"), (DATE_DMY, "dmy"), (DATE_MDY, "mdy"), (DATE_DMY_TEXT, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = [group for group in match.groups() if group is not None]
        if int(a if order == "ymd" else c) < 1900:  # "0001-01-01": a site's placeholder for no date
            continue
        try:
            if order == "ymd":
                return date(int(a), int(b), int(c)).isoformat()
            if pattern is DATE_DMY:  # month first only where it cannot be day first ("12/25/2025")
                day, month = (a, b) if int(b) <= 12 or "/" not in match.group(0) else (b, a)  # (not "3-13-2025")
                return date(int(c), int(month), int(day)).isoformat()
            if order == "mdy":
                return datetime.strptime(f"{a[:3]} {b} {c}", "%b %d %Y").date().isoformat()
            return datetime.strptime(f"{a} {b[:3]} {c}", "%d %b %Y").date().isoformat()
        except ValueError:
            continue
    return None


DAY_MONTH = re.compile(rf"\b(?:(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}})"
                       rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTHS}))\b", re.IGNORECASE)


def yearless_date(text: str, copied: str) -> str | None:
    """The day and month ``text`` gives without a year ("Ha Noi, August 8 (VNA)"), in the year of ``copied`` (ISO: the
    day a copy of the page was sent or saved), or the year before where that day would fall after it; else None."""
    match = DAY_MONTH.search(text)
    if not match:
        return None
    month, day = match.group("month") or match.group("month2"), match.group("day") or match.group("day2")
    sent = date.fromisoformat(copied)
    for year in (sent.year, sent.year - 1):
        try:
            found = datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()
        except ValueError:
            return None
        if found <= sent:
            return found.isoformat()
    return None


MASTHEADS = {k.lower() for k in OUTLETS | FULL_NAMES} | {v.lower() for v in OUTLETS.values()} | {
    "the world & vietnam report", "the world and vietnam report", "vietnam news agency", "nhan dan online",
    "vov world", "voice of vietnam", "ministry of foreign affairs", "vietnam law & legal forum", "vietnam.vn",
}


def masthead(line: str) -> str | None:
    """The outlet a line names and nothing else ("Nhan Dan Online"; also with its edition: "Vietnam News Agency -
    English", "VnExpress International", "Tuoi Tre News", "NHANDAN ONLINE"), lower-cased; None for any other line."""
    key = strip_diacritics(line.strip(" *#|-–")).lower()  # ("VIỆT NAM NEWS" as a printed page's running header)
    edition = re.sub(r"\s*(?:[-–|:]\s*)?(?:english(?: edition)?|\(english\)|international|news|online)$", "",
                     key).strip()
    if key in MASTHEADS or edition in MASTHEADS:
        return key if key in MASTHEADS else edition
    names = re.split(r"\s+[-–|]\s+", key)  # "VIR - VIETNAM INVESTMENT REVIEW": its code and its name
    return names[0] if len(names) == 2 and all(name in MASTHEADS for name in names) else None


# what names a picture or its maker, not a place: "Screenshot (VNA)", "Archive photo (VNA)", "Courtesy (VNA)"
CREDIT_WORDS = {"photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures", "video",
                "videos", "file", "archive", "illustrative", "illustration", "source", "graphic", "graphics",
                "infographic", "screenshot", "courtesy", "clip", "footage", "map", "chart"}
# "NEW YORK (VNA)", "HO CHI MINH CITY, March 3 (VNP)", "Hanoi (VNA)": a place in capitals (or one word) and an outlet,
# alone on a line, no dash
LONE_UNDASHED = re.compile(rf"^(?P<place>(?:[A-Z][A-Z.'’-]*(?:\s[A-Z][A-Z.'’-]*){{0,3}}|[A-Z][\w.'’-]*)"
                           rf"(?:{_DATE_AFTER_PLACE})?)\s*\((?P<outlet>{_OUTLET_ALT})\)$")


def lone_dateline(line: str, undashed: bool = True) -> re.Match[str] | None:
    """The dateline when ``line`` is nothing else ("Hanoi (VNA) –" on its own line, above the lead; with
    ``undashed`` also without the dash, "NEW YORK (VNA)")."""
    text = line.strip()
    for pattern in (DATELINE_PAREN, DATELINE_OUTLET, DATELINE_BARE, DATELINE_CAPS):
        match = pattern.match(text + " ")
        if match and match.end() >= len(text) and re.search(_DASH + r"\s*$", text):
            return match
    match = LONE_UNDASHED.match(text) if undashed else None
    place = match.group("place") if match else ""
    return match if match and _is_place(place) and place.split()[0].lower() not in CREDIT_WORDS else None


def outlet_name(written: str) -> str:
    """The outlet a dateline names, as the project calls it ("NDO/VNA" -> the first, "Nhan Dan"; one it does not know
    as written: "ANDINA")."""
    first = re.split(r"\s*/\s*", written.strip())[0]
    return OUTLETS.get(first.upper(), first)


# a year a text tells of, not one it aims at ("by 2045", "to 2035", "Vision 2050", "2021-2030")
TOLD_YEAR = re.compile(r"(?<!\bby )(?<!\bto )(?<!\buntil )(?<!\btill )(?<!\bthrough )(?<!\btowards )(?<!\btoward )"
                       r"(?<!\bVision )(?<!\bvision )(?<!\bstrategy )(?<!\bStrategy )(?<!-)\b((?:19|20)\d\d)\b")
FULL_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\b",
                       re.IGNORECASE)
# the day a lead says its news happens, in full, with "today" or its weekday: "Today, 24 April 2025, the two ministers
# …", "On Friday, March 14, 2025, …", "… said on Friday (March 14, 2025) …", "… today (24 April 2025) …"; not a date
# alone, which history opens with as often ("On 30 April 1975, tanks …")
LEAD_DATE = re.compile(rf"(?:^Today,?\s+(?:(?P<day1>{WEEKDAYS}),?\s+)?|^On\s+(?P<day2>{WEEKDAYS}),?\s+(?:the\s+)?"
                       rf"|\btoday\s*[,(]\s*(?:(?P<day3>{WEEKDAYS}),?\s+)?|\b(?P<day4>{WEEKDAYS})\s*\(\s*)"
                       rf"(?P<date>{FULL_DATE.pattern})", re.IGNORECASE)


def lead_date(lead: str) -> str | None:
    """The day a lead gives for its news in full (:data:`LEAD_DATE`) as ISO, where the weekday it names (if any) is
    that day's; else None: a page's date where it gives no other."""
    match = LEAD_DATE.search(lead)
    found = parse_date(match.group("date")) if match else None
    weekday = next((match.group(k) for k in ("day1", "day2", "day3", "day4") if match.group(k)), None) if match \
        else None
    if found and weekday and date.fromisoformat(found).strftime("%a").lower() != weekday[:3].lower():
        return None  # ("on Friday (14 March 2025)" when 14 March 2025 was a Friday)
    return found

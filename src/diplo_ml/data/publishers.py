"""The institution that publishes a government page: a ministry's, an embassy's or a delegation's name in the page's
masthead ("Ministry of Foreign Affairs of Japan", "EMBASSY OF THE SOCIALIST REPUBLIC OF VIET NAM IN FRANCE",
"From: Global Affairs Canada"), the outlet of a page that no news outlet's name marks."""

from __future__ import annotations

import re

from diplo_ml.data.datelines import is_vietnamese_name
from diplo_ml.data.headlines import SECTIONS, TRAILING_ADDRESS, names_site

# the state a body's name leaves out, on the line below it: "Government of India", "SOCIALIST REPUBLIC OF VIET NAM"
STATE = re.compile(r"^(?:Government of|(?:Socialist )?Republic of|Kingdom of|Commonwealth of) [A-Z][\w ]{2,30}$",
                   re.IGNORECASE)
SMALL = {"of", "the", "to", "in", "for", "and", "on", "at"}
# where a page keeps its masthead's lines (ingestion's reasons for leaving a line out)
MASTHEAD_REASONS = ("site name or contact line", "section label", "outlet masthead", "publisher line",
                    "short line without a sentence", "an office's letterhead")


def _as_written(line: str) -> str:
    """A name set in capitals as a name is written ("MINISTRY OF FOREIGN AFFAIRS" -> "Ministry of Foreign Affairs");
    any other line as it is."""
    if line != line.upper():
        return line
    words = [w.lower() if n and w.lower() in SMALL else w.capitalize() for n, w in enumerate(line.split())]
    return " ".join(words)


def institution_outlet(dropped: list[tuple[int, str, str]], body: int) -> str | None:
    """The public body whose page this is: the first masthead line above the text (whose first line is ``body``; or
    a "From: …" line anywhere) that names a ministry, department, embassy, mission or delegation and nothing else,
    with the state on the line below it where that names one ("Ministry of External Affairs" + "Government of
    India"), and the line above where it names only where ("EUROPEAN UNION" + "DELEGATION TO VIET NAM"); None for
    none."""
    lines = {n: line.strip() for n, _, line in dropped}
    for n, why, line in sorted(dropped):
        name = _as_written(TRAILING_ADDRESS.sub("", re.sub(r"^From:\s*", "", line.strip())))  # (not its address)
        if not why.startswith(MASTHEAD_REASONS) or (n > body and why != "publisher line"):
            continue
        if not names_site(name) or len(name.split()) > 14:
            continue
        below = _as_written(lines.get(n + 1, ""))
        above = _as_written(lines.get(n - 1, ""))
        if STATE.match(below) and below.lower() not in name.lower():
            return f"{name}, {below}"
        if re.match(r"^(?:to|in|at) ", below, re.IGNORECASE) and names_site(f"{name} {below[0].lower()}{below[1:]}"):
            return f"{name} {below[0].lower()}{below[1:]}"  # "… OF VIET NAM" / "TO THE UNITED NATIONS"
        if re.match(r"^(?:Delegation|(?:Permanent )?Mission|Embassy) (?:to|in)\b", name) and above \
                and len(above.split()) <= 4 and re.fullmatch(r"[A-Z][\w ]+", above) and not names_site(above):
            return f"{above} {name}"
        return name
    return None


# a newspaper's or a site's name by its shape: "The Korea Herald", "The Phnom Penh Post", "East Asia Forum", "Bangkok
# Post", "Borneo Bulletin" (a title-case name of up to five words ending in a paper's word)
PAPER_NAME = re.compile(r"^(?:The )?(?:[A-Z][\w.'’&-]*\s){0,3}(?:Post|Times|Herald|Bulletin|Daily|Tribune|News|Forum"
                        r"|Gazette|Journal|Observer|Express|Star|Mail|Today|Insider|Chronicle|Reporter|Review|Monitor"
                        r"|Briefing|Asia)$")


def masthead_outlet(dropped: list[tuple[int, str, str]]) -> str | None:
    """The outlet a page's masthead names by its shape (:data:`PAPER_NAME`): a line above the site's first menu or
    breadcrumb, where the page has one; None for none."""
    menus = [n for n, why, _ in dropped if why.startswith(("navigation menu", "breadcrumb"))]
    if not menus:
        return None
    named = next((line.strip() for n, why, line in sorted(dropped)
                  if n < min(menus) and why.startswith(MASTHEAD_REASONS) and PAPER_NAME.match(line.strip())), None)
    top = min(dropped)  # the page's first line, as a wordmark: "Radio Prague International", "RAPPLER", "THE
    # DIPLOMAT", "PAP – Polish Press Agency" (a few lines above the site's first menu)
    wordmark = top[2].strip() if top[1].startswith(MASTHEAD_REASONS) and top[0] < min(menus) <= top[0] + 6 \
        and WORDMARK.match(top[2].strip()) and not NOT_WORDMARK.search(top[2]) \
        and top[2].strip().lower() not in LABELS | SECTIONS and not _person(top[2]) else None
    return named or wordmark


# a site's wordmark: up to five capitalised words (a dash between a short name and a long one), no figures, no stop
WORDMARK = re.compile(r"^(?:The |THE )?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|&|for|[–—-]))"
                      r"{0,5}$")
# a page's first line that names no site: a section, a language, a kind of page
LABELS = {"english", "tiếng việt", "tieng viet", "vietnamese", "contact", "contact us", "press releases",
          "press release", "speeches", "speech", "newsletters", "newsletter", "news", "about", "about us",
          "statements", "statement", "announcements", "events", "media", "press", "press room", "newsroom", "notice",
          "notices", "opinion"}


def _person(line: str) -> bool:
    """A person's name, as a byline gives it on a page's first line ("Nguyen Thu Hang", "By …")."""
    words = line.split()
    return line.lower().startswith("by ") or (2 <= len(words) <= 4 and is_vietnamese_name(words))


NOT_WORDMARK = re.compile(r"\b(?:log ?in|sign ?(?:in|up)|subscribe|skip|menu|search|home|register|cookies?|accept"
                          r"|advertisement|breaking|latest|live)\b|\d", re.IGNORECASE)

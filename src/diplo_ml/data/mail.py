"""A forwarded e-mail on a page: its header, the forwarder's note on it and the repeated subject are no text; its
subject and date are the page's headline and date where the message gives none."""

from __future__ import annotations

import email
import email.message
import email.policy
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplo_ml.data.line_joins import split_blocks

MAIL_FIELD = re.compile(r"^(?:\*\*)?(from|sent|date|to|cc|subject|de|envoyé|à|objet)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.*)$",
                        re.IGNORECASE)
FIELD_NAMES = {"de": "from", "envoyé": "sent", "à": "to", "objet": "subject"}  # (French Outlook)
FORWARDED = re.compile(r"^(?:-+\s*forwarded message\s*-+|begin forwarded message:?"
                       r"|-+\s*message transféré\s*-+)$", re.IGNORECASE)
# Outlook's line above a message it forwards or replies to: a forward's only where a note above it says so (review 2
# of s55: "FYI - readout below …"; not a reply whose own words are the news, review 5)
ORIGINAL_MESSAGE = re.compile(r"^-+\s*original message\s*-+$", re.IGNORECASE)
FORWARDED_SUBJECT = re.compile(r"^(?:fwd?|tr)\s*:", re.IGNORECASE)
# a forwarder's words about what follows: "FYI – useful background …", "Sharing this in case …", "Readout from last
# night below, for the Indonesia country file.", "Note for the consular file – …"
FORWARD_NOTE = re.compile(r"^(?:fyi\b|for (?:your )?info(?:rmation)?\b|forwarding\b"
                          r"|(?:sharing|sending) (?:this|the|below|you)\b"
                          r"|(?:please )?see (?:the \w+ )?below\b|please see the \w+ below\b|below is\b"
                          r"|useful background\b|here(?: is|'s|’s) (?:the|an?) (?:piece|article|story|text|readout|note"
                          r"|statement)\b|pour (?:information|info)\b)"
                          r"|\b(?:below|attached|forwarded)\b[^.!?]{0,60}(?:[.!?]|$)"
                          r"|\bfor (?:the|your|our) [\w -]{0,30}\b(?:file|brief|records?|reference|information)\b",
                          re.IGNORECASE)


def _blocks_above(lines: Sequence[str], end: int) -> list[list[int]]:
    """The blank-line-apart blocks of text lines above ``end``, each a list of indices into ``lines``."""
    return [[number - 1 for number, _ in block] for block in split_blocks([line.strip() for line in lines[:end]])]


@dataclass(frozen=True)
class ForwardedMail:
    """A forwarded e-mail's furniture (see :func:`forwarded_mail`)."""

    lines: frozenset[int] = frozenset()  # its header, the forwarder's note on it, the message's repeated title
    date: str | None = None  # the header's "Sent:" or "Date:", the page's date when the message gives none
    subject: str | None = None  # without "FW:", the page's headline when the message gives none
    titled: bool = False  # the message below opens with the subject as its title: the headline


_RULE = r"(?:-{3,}|_{3,}|={3,}|\*{3,})"  # a rule of dashes, underscores, equals signs or stars
SEPARATOR = re.compile(rf"^{_RULE}$")  # "-----" between a message's note and what it forwards


def forwarded_mail(lines: Sequence[str]) -> ForwardedMail:
    """:func:`first_forwarded_mail` (else :func:`pasted_mail`), and each message forwarded inside it: a "Forwarded
    message" line and its header within 80 words below, the notes, greetings and sign-offs between them, and a note of
    up to 60 words below the inner header, ahead of a "-----" line or a note's words (:data:`FORWARD_NOTE`), are all
    no text; the innermost message's date and subject are the page's (the note below the inner header only in such a
    forward of a forward)."""
    mail = first_forwarded_mail(lines)
    if not mail.lines:
        return pasted_mail(lines)
    nested = False
    while mail.lines:
        text = [i for i, line in enumerate(lines) if line.strip()]
        end = max(mail.lines)
        marker = next((i for i in text if i > end and (FORWARDED.match(lines[i].strip()) or (
            _opens_message(lines, text, i) and any(FORWARD_NOTE.search(lines[j].strip())
                                                   for j in text if end < j < i)))), None)
        if marker is None or sum(len(lines[i].split()) for i in text if end < i < marker) > 80:
            break
        inner = first_forwarded_mail(["" if i < marker else line for i, line in enumerate(lines)], forwarded=True)
        if not inner.lines:
            break
        between = {i for i in text if end < i <= marker}
        mail = ForwardedMail(frozenset({*mail.lines, *between, *inner.lines}), inner.date or mail.date,
                             inner.subject or mail.subject, inner.titled)
        nested = True
    below = (_note_below(lines, max(mail.lines)) if nested else set()) or _greeting_below(lines, max(mail.lines))
    # (a single forward's text below its header may be the news: "HANOI – The Ministry … below."; not a greeting)
    if not below and not nested:  # a forwarder's own note above a rule and what it pastes (read 67: "Hi Linh," / "As
        # requested, here is this morning's VietnamPlus story … the text below is the updated version." / "Cheers," /
        # "=============== CLIPPING ===============" / the story), as in a message of the sender's own
        pasted = pasted_mail(lines, labelled=True)  # (a rule that names what follows: a bare "-----" may stand
        # above a signature or a disclaimer, below a letter whose news says "… at the address below", a review found)
        return ForwardedMail(mail.lines | pasted.lines, mail.date, mail.subject, mail.titled or pasted.titled)
    return ForwardedMail(frozenset({*mail.lines, *below}), mail.date, mail.subject, mail.titled) if below else mail


def _opens_message(lines: Sequence[str], text: list[int], i: int) -> bool:
    """Whether line ``i`` opens a message quoted below a note: Outlook's "-----Original Message-----", or its rule of
    underscores (or any rule) right above a "From:" line (read 63: "Hi Minh," / "FYI, the VOV interview …" / a
    signature / "________________________________" / "From: VOV English <…>" / "Sent: …")."""
    line = lines[i].strip()
    after = next((j for j in text if j > i), None)
    field = MAIL_FIELD.match(lines[after].strip()) if after is not None else None
    return ORIGINAL_MESSAGE.match(line) is not None or (SEPARATOR.match(line) is not None and field is not None
                                                        and field.group(1).lower() in ("from", "de"))


NOTE_GREETING = re.compile(r"^(?:dear|hi|hello|good (?:morning|afternoon|evening))\b[^.!?]{0,40},$"
                           r"|^(?:fyi|for (?:your )?info(?:rmation)?|forwarding|(?:sharing|sending) (?:this|the|below)"
                           r"|(?:please )?see below)\b", re.IGNORECASE)


def _note_below(lines: Sequence[str], end: int) -> set[int]:
    """The note a forwarded message opens with, below its header: the lines up to a "-----" line within 60 words,
    when they open as a note does ("Dear Yen," / "Good news, see the article below. …", "FYI – …")."""
    text = [i for i, line in enumerate(lines) if line.strip() and i > end]
    rule = next((i for i in text[:12] if SEPARATOR.match(lines[i].strip())), None)
    if rule is None:
        return set()
    note = [i for i in text if i < rule]
    words = " ".join(lines[i].strip() for i in note)
    return {*note, rule} if note and len(words.split()) <= 60 and NOTE_GREETING.match(lines[note[0]].strip()) \
        else set()  # (not a news sentence that ends "…, as the readout attached below says.")


# a note's greeting that runs on into its words: "Hi Chau, saw this and thought of you." (read 53)
GREETING_OPEN = re.compile(r"^(?:hi|hello)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s*,", re.IGNORECASE)


def _greeting_below(lines: Sequence[str], end: int) -> set[int]:
    """The note a forwarder's friend wrote above what they forwarded, below the forwarded message's header: its
    first block, when it opens with an informal greeting and a name, says it copies or forwards what follows and holds
    at most 60 words, with more text below it ("Hi Chau, saw this and thought of you. Copied the text …" / "JH"; not
    a letter's own "Dear Colleagues, the Embassy … is pleased to invite you …")."""
    blocks = split_blocks([line.strip() if i > end else "" for i, line in enumerate(lines)])
    blocks = [block for block in blocks if block]
    note = " ".join(line for _, line in blocks[0]) if blocks else ""
    if len(blocks) < 2 or not GREETING_OPEN.match(note) or len(note.split()) > 60 \
            or not (FORWARD_NOTE.search(note) or PASTED.search(note)):
        return set()
    return {number - 1 for number, _ in blocks[0]}


def _mail_header(lines: Sequence[str], text: list[int]) -> tuple[int, list[int], dict[str, str]]:
    """The first "From:" line within the first 40 lines of text (``text``: their indices) and the header fields that
    follow it, as (its place in ``text``, their indices, their values by name); no indices where there is none."""

    def field(i: int) -> tuple[str, str] | None:
        m = MAIL_FIELD.match(lines[i].strip())
        return (FIELD_NAMES.get(m.group(1).lower(), m.group(1).lower()), m.group(2)) if m else None

    k = next((k for k, i in enumerate(text[:40]) if (f := field(i)) and f[0] == "from"), None)
    if k is None:
        return 0, [], {}
    while k > 0 and (f := field(text[k - 1])) and f[0] in ("subject", "date"):  # Thunderbird: Subject and Date first
        k -= 1
    header: list[int] = []
    fields: dict[str, str] = {}
    for i in text[k:k + 6]:
        name, value = field(i) or (None, "")
        if name is None or name in fields or (name in ("sent", "date") and {"sent", "date"} & set(fields)):
            break  # (not the body's own "Date: 10 August 2026" below a whole header)
        header.append(i)
        fields[name] = value
    return k, header, fields


def _subject(fields: dict[str, str]) -> str:
    """A header's subject without the "Fwd:", "FW:", "TR:" or "RE:" before it."""
    return re.sub(r"^(?:(?:fwd?|tr|re)\s*:\s*)+", "", fields.get("subject", ""), flags=re.IGNORECASE).strip()


def _repeats_subject(line: str, subject: str) -> bool:
    """Whether the line below a header is the message's own title, the subject again (four words or more; not a label:
    "Joint Statement", "Press release" above the message's own title)."""
    return len(subject.split()) >= 4 and line.strip().strip("*# ") == subject


# a rule between a message's note and the text it pastes: "-----", "---------- pasted from VOV World ----------"
PASTE_RULE = re.compile(rf"^{_RULE}(?:\s*(?!(?i:original message|forwarded))[^-_=*]{{1,60}}?\s*{_RULE})?$")  # (not
# Outlook's "-----Original Message-----")
# "I've pasted the text below", "pasted from VOV World", "Copied the text since …" (not "I've copied Lan": a copy sent)
PASTED = re.compile(r"\b(?:pasted?|copied) (?:the|it|this|that|below|here|in|from|it)\b", re.IGNORECASE)
# a message's greeting on a line of its own: "Hi Thảo,", "Dear Prof. Hartmann,"
GREETING_LINE = re.compile(r"^(?:dear|hi|hello|good (?:morning|afternoon|evening))\b[^!?]{0,40}[,:]$", re.IGNORECASE)


def pasted_mail(lines: Sequence[str], labelled: bool = False) -> ForwardedMail:
    """A message of the sender's own that pastes a text below its note (reads 52: "Dear Prof. Hartmann," / "Here is
    the VOV World piece …" / "Kind regards," / "---- pasted from VOV World ----" / the article): its header (a "From:"
    line, a date and a recipient or subject), and the note that opens its body with a greeting and ends at a rule
    within 250 words, says it pastes or forwards what follows (:data:`FORWARD_NOTE`, :data:`PASTED`) and has more
    than 40 words below the rule, are no text; its subject and date are the page's where
    the text gives none. Nothing for any other page (a message that is all its own text is read as it is). With
    ``labelled``, only a rule that names what follows ("=== CLIPPING ===", "---- pasted from VOV World ----")."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    _, header, fields = _mail_header(lines, text)
    dated = fields.get("sent") or fields.get("date")
    body = [i for i in text if header and i > header[-1]]
    if not (dated and {"to", "subject"} & set(fields) and body and GREETING_LINE.match(lines[body[0]].strip())):
        return ForwardedMail()
    words = 0
    for k, i in enumerate(body):
        if PASTE_RULE.match(lines[i].strip()) and not (labelled and SEPARATOR.match(lines[i].strip())):
            below = body[k + 1:]
            note = " ".join(lines[j].strip() for j in body[:k + 1])  # (it says it pastes or forwards what follows;
            told = FORWARD_NOTE.search(note) or PASTED.search(note)  # not a signature, a disclaimer or a letter's
            if sum(len(lines[j].split()) for j in below) <= 40 or not told:  # annex below a rule)
                break
            subject = _subject(fields)
            titled = _repeats_subject(lines[below[0]], subject)
            return ForwardedMail(frozenset({*header, *body[:k + 1], *([below[0]] if titled else [])}), dated,
                                 subject or None, titled)
        words += len(lines[i].split())
        if words > 250:
            break
    return ForwardedMail()


def first_forwarded_mail(lines: Sequence[str], forwarded: bool = False) -> ForwardedMail:
    """A forwarded e-mail's header ("From: … <…@…>" / "Sent:" / "To:" / "Subject: FW: …", a "Forwarded message" line
    above it), the forwarder's note on it above (a block of up to 40 words: "FYI – useful background …", "Readout
    below, for the country file.": :data:`FORWARD_NOTE`; other notes may be the news itself) and the message's title
    below when it repeats the subject. Nothing unless the page's first "From:" line within its first 40 lines of text
    opens a header of a date, a recipient or subject, and a forwarded subject, a "Forwarded message" line or such a
    note above it (or ``forwarded``: the caller found the line that opens a forward), with text below it."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    k, header, fields = _mail_header(lines, text)
    if not header:
        return ForwardedMail()
    marker = text[k - 1] if k > 0 and FORWARDED.match(lines[text[k - 1]].strip()) else None
    notes = {i for block in _blocks_above(lines, text[k]) if sum(len(lines[i].split()) for i in block) <= 40
             and FORWARD_NOTE.search(" ".join(lines[i].strip() for i in block)) for i in block}
    dated = fields.get("sent") or fields.get("date")
    if not (forwarded or marker is not None or notes or FORWARDED_SUBJECT.match(fields.get("subject", ""))) \
            or not dated \
            or not {"to", "subject"} & set(fields) or text[-1] <= header[-1]:
        return ForwardedMail()
    subject = _subject(fields)
    below = next(i for i in text if i > header[-1])
    above = sum(len(lines[i].split()) for i in text if i < text[k])  # (a short note, not a report that quotes one)
    title = {below} if _repeats_subject(lines[below], subject) and above <= 120 else set()
    return ForwardedMail(frozenset({*header, *notes, *title, *([marker] if marker is not None else [])}), dated,
                         subject or None, bool(title))


# a raw message's own header lines, as a mail program saves it (.eml): what a page copied from a browser never has
RAW_HEADER = re.compile(r"^(?:Return-Path|Received|Message-I[Dd]|MIME-Version|Content-Type|Delivered-To|X-[\w-]+):",
                        re.MULTILINE)


def raw_message_text(text: str) -> str | None:
    """A raw e-mail (RFC 822, as a mail program saves it) as a page: its From, Date and Subject lines, a blank line
    and the text of its first plain-text part (else its HTML part's text), in the charset it declares (UTF-8 where it
    declares none); a release forwarded as an attached message is read as that message where the mail's own text is a
    few words. Other attachments are left out. None for any text that does not open with a message's header."""
    head = text.lstrip()[:4000].split("\n\n", 1)[0]
    if not (RAW_HEADER.search(head) and re.search(r"^(?:From|Subject):", head, re.MULTILINE)):
        return None
    message = email.message_from_bytes(text.lstrip().encode("utf-8", "surrogateescape"), policy=email.policy.default)
    return _message_page(message)


def _message_page(message: email.message.Message) -> str:
    part = message.get_body(preferencelist=("plain", "html")) if message.is_multipart() else message
    body = _part_text(part) if part is not None and part.get_content_maintype() == "text" else ""
    attached = next((p for p in message.walk() if p.get_content_type() == "message/rfc822"), None)
    if len(body.split()) < 40 and attached is not None and isinstance(inner := attached.get_content(),
                                                                      email.message.Message):
        return _message_page(inner)  # ("See the attached release." and the release as an attached message)
    fields = [f"{name}: {message[name]}" for name in ("From", "Date", "Subject") if message[name]]
    return "\n".join(fields) + "\n\n" + body


def _part_text(part: email.message.Message) -> str:
    """A text part's words in the charset it declares, else UTF-8; an HTML part as its page's text."""
    payload = part.get_payload(decode=True) or b""
    try:
        body = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:  # (a charset Python does not know)
        body = payload.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        from diplo_ml.data.page_text import html_page
        body = html_page(body).text
    return body

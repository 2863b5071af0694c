"""A page as ingestion reads it: its paragraphs, with the metadata and the dropped lines beside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diplo_ml.data.page_noise import SPEAKER, not_a_standfirst


@dataclass
class Paragraph:
    text: str
    line: int
    question: bool = False
    raw: str = ""


@dataclass
class Article:
    doc_id: str
    path: str
    headline: str | None = None
    date: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    lead_line: int | None = None  # the source line of the paragraph under a dateline that marks a lead
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)
    sections: tuple[str, ...] = ()  # the sections a page's HTML names for it (breadcrumb, meta; not in its text)

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "id": f"{self.doc_id}-p{i:02d}",
                "doc_id": self.doc_id,
                "paragraph_index": i,
                "text": p.text,
                "question": p.question,
                "headline": self.headline,
                "date": self.date,
                "outlet": self.outlet,
                "dateline": self.dateline,
                "source_file": self.path,
                "source_line": p.line,
            }
            for i, p in enumerate(self.paragraphs)
        ]

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def statements(self) -> str:
        """The body without interviewers' questions: what a summary may be made of."""
        return "\n\n".join(p.text for p in self.paragraphs if not p.question)

    @property
    def summary_text(self) -> str:
        """What a summariser reads: the statements, and in an interview (the page asks questions) each answer
        without the speaker label before it ("Deputy Foreign Minister: Vietnam's candidacy …")."""
        lead = self.lead_line if self.lead_line is not None else 0  # not a teaser or key points above a dated lead
        paragraphs = [p for p in self.paragraphs if p.line >= lead or not not_a_standfirst(p.text)]
        if not any(p.question for p in paragraphs):
            return "\n\n".join(p.text for p in paragraphs)
        answers = "\n\n".join(SPEAKER.sub("", p.text, count=1) for p in paragraphs if not p.question)
        # a page of questions only: the summariser reads them and finds no statement (an empty summary with a note)
        return answers if answers.strip() else "\n\n".join(p.text for p in paragraphs)

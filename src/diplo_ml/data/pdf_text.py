"""A PDF document's text layer (pdfminer.six), laid out as the other pages are read: a blank line between the blocks
of text it finds, a form feed between pages (ingestion then leaves out page numbers and running headers and joins a
sentence a page break cut)."""

from __future__ import annotations

import logging
from pathlib import Path

from diplo_ml.errors import DataError, NoTextError, first_line
from diplo_ml.files import not_a_file

INSTALL = "pip install pdfminer.six"


def pdf_text(path: Path) -> str:
    """The text of the PDF at ``path``; a one-line error for a file that is not a readable PDF, one that needs a
    password, and one with no text to read (a scan)."""
    if not path.is_file():
        raise DataError(not_a_file(path))
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise DataError(f"{path}: reading PDF files needs pdfminer.six ({INSTALL})") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # (it warns of every odd font and broken cross-reference)
    try:
        text = extract_text(str(path))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DataError(f"{path}: the PDF is encrypted; save a copy without a password") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for a damaged file; all mean the same here
        raise DataError(f"{path}: not a readable PDF ({type(exc).__name__}: {first_line(exc)[:120]})") from None
    if not text.strip():
        raise NoTextError(f"{path}: the PDF has no text layer (a scanned document?); run OCR on it first")
    return text

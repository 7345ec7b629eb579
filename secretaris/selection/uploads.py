"""CVs and letters: checked on the way in, stamped on the way out.

On the way in (`check_upload`) a file must be a PDF or a Word document (DOCX) by its
content, whatever its name says:

- at most SELECTION_UPLOAD_MAX_BYTES (10 MB by default);
- a PDF starts with "%PDF-", can be parsed, is not encrypted and has no JavaScript, no
  launch actions and no embedded files (checked in the parsed objects, so compressed
  object streams cannot hide them, and in the raw bytes);
- a DOCX is a ZIP with word/document.xml and [Content_Types].xml, without macros
  (vbaProject.bin), with at most MAX_ZIP_ENTRIES entries, at most MAX_UNPACKED_BYTES when
  unpacked and no entry that unpacks more than MAX_RATIO times its packed size (a ZIP bomb
  disguised as a .docx). Sizes are checked by reading, not by trusting the ZIP header.

Files are stored under settings.SELECTION_PRIVATE_DIR (outside STATIC_ROOT; nothing serves
that folder) with a random name, and are served only by the access-checked download view.

On the way out (`stamped`) a PDF gets the downloader's name and the time in its metadata
and in a line at the foot of every page; a DOCX gets them in its document properties.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

MAX_ZIP_ENTRIES = 1000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
PDF_DANGER = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/RichMedia", b"/XFA")
PDF_DANGER_KEYS = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/XFA"}


class Refused(Exception):
    """The file is not accepted; the message says why, in Dutch."""


@dataclass(frozen=True)
class Checked:
    extension: str  # "pdf" or "docx"
    content: bytes
    sha256: str


def max_bytes() -> int:
    return settings.SELECTION_UPLOAD_MAX_BYTES


def check_upload(upload) -> Checked:
    """Read an uploaded file (at most the limit + 1 byte) and check it; raises Refused."""
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise Refused(_too_large(limit))
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise Refused(_too_large(limit))
    if not content:
        raise Refused("Het bestand is leeg.")
    if content.startswith(b"%PDF-"):
        _check_pdf(content)
        extension = "pdf"
    elif content.startswith(b"PK\x03\x04"):
        _check_docx(content)
        extension = "docx"
    else:
        raise Refused(
            "Dit bestand is geen PDF of Word-document (.docx). Sla het op als PDF of .docx en "
            "probeer het opnieuw."
        )
    return Checked(extension, content, hashlib.sha256(content).hexdigest())


def _too_large(limit: int) -> str:
    return f"Het bestand is te groot. Het mag hooguit {limit // (1024 * 1024)} MB zijn."


def _check_pdf(content: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    refused = Refused(
        "Deze PDF bevat JavaScript, een bijlage of een actie die een programma start. "
        "Zulke bestanden nemen we niet aan. Maak een nieuwe PDF met 'Afdrukken als PDF'."
    )
    if any(marker in content for marker in PDF_DANGER):
        raise refused
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise Refused("Deze PDF is beveiligd met een wachtwoord. Stuur een onbeveiligde PDF.")
        if _has_danger(reader):
            raise refused
        len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise Refused("Deze PDF is beschadigd en kan niet worden geopend.") from None


def _has_danger(reader) -> bool:
    """Walk every object reachable from the trailer and look for dangerous keys."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen or len(seen) > 100_000:
                continue
            seen.add(ref)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if PDF_DANGER_KEYS & set(obj.keys()):
                return True
            if obj.get("/S") in ("/JavaScript", "/Launch"):
                return True
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return False


def _check_docx(content: bytes) -> None:
    not_word = Refused(
        "Dit bestand is geen geldig Word-document (.docx). Sla het opnieuw op als .docx of PDF."
    )
    bomb = Refused(
        "Dit bestand wordt bij het uitpakken veel te groot. Zulke bestanden nemen we niet aan."
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = archive.namelist()
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise not_word
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise Refused("Dit Word-document bevat macro's. Sla het op als gewone .docx of PDF.")
        if len(names) > MAX_ZIP_ENTRIES:
            raise bomb
        total = 0
        for info in archive.infolist():
            unpacked = 0
            with archive.open(info) as entry:
                while chunk := entry.read(64 * 1024):
                    unpacked += len(chunk)
                    total += len(chunk)
                    if total > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(
                        info.compress_size, 1024
                    ):
                        raise bomb
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise not_word from None
    except RuntimeError:  # an encrypted entry
        raise not_word from None


def private_dir() -> Path:
    path = Path(settings.SELECTION_PRIVATE_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def store(stored_name: str, content: bytes) -> None:
    (private_dir() / stored_name).write_bytes(content)


def load(stored_name: str) -> bytes:
    return (private_dir() / stored_name).read_bytes()


def remove(stored_name: str) -> None:
    (private_dir() / stored_name).unlink(missing_ok=True)


def safe_filename(name: str) -> str:
    """A name for Content-Disposition: letters, digits, dot, dash, underscore."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "bestand"


def stamped(content: bytes, extension: str, who: str, when: str) -> bytes:
    """The file with 'Gedownload door WHO op WHEN' in its metadata (and on PDF pages)."""
    line = f"Vertrouwelijk. Gedownload door {who} op {when}."
    if extension == "pdf":
        return _stamp_pdf(content, line)
    return _stamp_docx(content, line)


def _stamp_pdf(content: bytes, line: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    reader = PdfReader(io.BytesIO(content), strict=False)
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        overlay = io.BytesIO()
        drawing = canvas.Canvas(overlay, pagesize=(width, height))
        drawing.setFont("Helvetica", 7)
        drawing.setFillGray(0.35)
        drawing.drawCentredString(width / 2, 12, line)
        drawing.save()
        page.merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])
    writer.add_metadata({"/Subject": line, "/Keywords": "vertrouwelijk"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp_docx(content: bytes, line: str) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(content))
    document.core_properties.comments = line
    document.core_properties.subject = line
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

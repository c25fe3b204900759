"""PDF → text with pypdf (pure Python, no run-time downloads), page by page.

Pages are joined by a line break (kg.normalize rejoins a paragraph that runs on over it). The
spaces layout leaves between Chinese, digits and quotes are left in: kg.normalize handles them
for extraction, and the text written to texts/ is exactly what the offsets refer to.
"""
from __future__ import annotations

import io

from . import ConversionError, Converted, quiet_loggers


def read_pdf(data: bytes) -> Converted:
    import pypdf
    from pypdf.errors import PyPdfError

    with quiet_loggers("pypdf"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ConversionError("encrypted PDF (a password is needed to read it)")
            pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        except ConversionError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, NotImplementedError) as exc:  # pypdf's errors on broken files vary
            raise ConversionError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n".join(p for p in pages if p.strip())  # a paragraph may run on over a page break
    if not text.strip():
        raise ConversionError(f"PDF without a text layer ({len(pages)} pages; a scan? run OCR first)")
    return Converted(text + "\n", f"PDF, {len(pages)} page{'s' if len(pages) != 1 else ''} "
                                  f"(pypdf {pypdf.__version__})")

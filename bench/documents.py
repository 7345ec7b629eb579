"""The sample profielschets rendered 50 times as PDF and as DOCX in one process.

Targets: median ≤ 150 ms per PDF, ≤ 100 ms per DOCX (a six-page document with three
charts and a 30-row table). Prints wall-clock and CPU time: on a busy machine the CPU
figure is the steadier one. The first render of each kind (imports, fonts, template)
is reported apart and left out of the figures.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

from _setup import percentile, setup_django


def measure(label: str, render, document, runs: int) -> bytes:  # noqa: ANN001
    start = time.perf_counter()
    output = render(document)
    print(f"{label}: first render {1000 * (time.perf_counter() - start):.0f} ms (cold)")
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        output = render(document)
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    for kind, ms in (("wall", wall), ("cpu", cpu)):
        print(
            f"{label} {kind}: n={runs} median={statistics.median(ms):.1f} ms "
            f"p95={percentile(ms, 0.95):.1f} ms max={max(ms):.1f} ms"
        )
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    setup_django({})
    from pypdf import PdfReader

    from secretaris.documents.docx import render_docx
    from secretaris.documents.fonts import font_family
    from secretaris.documents.pdf import render_pdf
    from secretaris.documents.tests.sample import sample_document

    document = sample_document()
    family = font_family()
    print(f"font: {family.name if family else 'Helvetica (no TrueType family found)'}")
    pdf = measure("pdf", render_pdf, document, args.runs)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"pdf: {pages} pages, {len(pdf) // 1024} KiB")
    docx = measure("docx", render_docx, document, args.runs)
    print(f"docx: {len(docx) // 1024} KiB")


if __name__ == "__main__":
    main()

"""PDF and DOCX of the default profielschets for all 342 municipalities in one process.

Targets: median ≤ 150 ms per PDF, ≤ 100 ms per DOCX.
"""

from __future__ import annotations

import statistics
import time

from _setup import describe, fresh_database_env, parser, run_cli, setup_django


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--limit", type=int, default=0, help="only the first N municipalities")
    args = p.parse_args()
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from secretaris.documents.docx import render_docx
    from secretaris.documents.pdf import render_pdf
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile
    from secretaris.profiles.presenter import profile_document

    gemeenten = list(Gemeente.objects.order_by("code"))
    if args.limit:
        gemeenten = gemeenten[: args.limit]
    render_pdf(profile_document(draft_profile(gemeenten[0], save=False)))  # fonts, imports
    drafts, pdfs, docxs, sizes = [], [], [], []
    started = time.perf_counter()
    for gemeente in gemeenten:
        t0 = time.perf_counter()
        document = profile_document(draft_profile(gemeente, save=False))
        t1 = time.perf_counter()
        pdf = render_pdf(document)
        t2 = time.perf_counter()
        render_docx(document)
        t3 = time.perf_counter()
        drafts.append((t1 - t0) * 1000)
        pdfs.append((t2 - t1) * 1000)
        docxs.append((t3 - t2) * 1000)
        sizes.append(len(pdf))
    total = time.perf_counter() - started
    print(describe("draft + presenter per profile", drafts))
    print(describe("PDF per profile", pdfs) + f" total={sum(pdfs) / 1000:.1f} s")
    print(describe("DOCX per profile", docxs) + f" total={sum(docxs) / 1000:.1f} s")
    print(
        f"{len(gemeenten)} profiles in {total:.1f} s; "
        f"median PDF size {statistics.median(sizes) / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()

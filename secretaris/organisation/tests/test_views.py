from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.jobs.models import Job
from secretaris.jobs.testing import run_jobs
from secretaris.organisation import uploads
from secretaris.organisation.models import Employment, Organisation, StaffImport
from secretaris.organisation.tests.conftest import PEIL
from secretaris.organisation.tests.helpers import csv_bytes, zip_bomb


def upload(client, organisation, data: bytes, name="export.csv"):
    return client.post(
        reverse("organisation:upload", args=[organisation.pk]),
        {"file": SimpleUploadedFile(name, data), "peildatum": PEIL.strftime("%d-%m-%Y")},
    )


def import_file(client, organisation, data: bytes, name="export.csv"):
    response = upload(client, organisation, data, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    mapping_url = reverse("organisation:mapping", args=[organisation.pk])
    page = client.get(mapping_url)
    chosen = {name: field.initial for name, field in page.context["form"].fields.items()}
    initial = page.context["form"].initial
    queued = client.post(mapping_url, {k: initial.get(k, "") for k in chosen})
    assert queued.status_code == 302 and "/inlezen/" in queued.url, queued.content.decode()[:2000]
    run_jobs()
    return client.get(queued.url)


def test_a_new_user_imports_an_afas_export_without_mapping_anything(client, alice, afas_csv):
    client.force_login(alice)
    response = client.post(reverse("organisation:new"), {"gemeente": "Utrecht"})
    organisation = Organisation.objects.get()
    assert response.url == reverse("organisation:upload", args=[organisation.pk])
    response = import_file(client, organisation, afas_csv)
    assert response.status_code == 302 and response.url == organisation.get_absolute_url()

    staff_import = StaffImport.objects.get()
    assert staff_import.rows == 600 and staff_import.file_kind == "csv"
    assert organisation.__class__.objects.get().mapping["start"] == "empl_Begindatum_contract"
    page = client.get(organisation.get_absolute_url())
    html = page.content.decode()
    assert "Bezetting (personen)" in html and "Bron: HR-export, peildatum 31 december 2025" in html
    assert "bron: bron" not in html.lower()
    assert "Nederland 2023:" in html and "provincie Utrecht 2022:" in html  # sector figures
    assert "Hoe berekend?" in html and 'id="org-pyramid-title"' in html
    assert "no-store" in page["Cache-Control"]
    assert AuditEvent.objects.filter(action="organisation.import").count() == 1


def test_the_file_is_deleted_and_no_names_or_numbers_are_stored(client, alice, organisation):
    data = csv_bytes("P-4711;Geheim Jansen;2;15-06-1980;01-01-2020;;0,8;Financiën;Adviseur;nee")
    client.force_login(alice)
    import_file(client, organisation, data)
    assert all(p.read_bytes() != data for p in uploads.folder().iterdir())
    row = Employment.objects.get()
    stored = repr(row.__dict__) + repr(StaffImport.objects.get().__dict__)
    assert "Jansen" not in stored and "P-4711" not in stored and "15-06" not in stored
    assert (row.person, row.birth_year, row.gender) == (1, 1980, "V")
    assert client.session.get(f"organisation-upload-{organisation.pk}") is None


def test_bad_rows_are_listed_in_dutch_and_nothing_is_stored(client, alice, organisation):
    client.force_login(alice)
    data = csv_bytes(
        "1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee",
        "2;x;V;01-01-1980;01-01-2020;01-01-2019;1,5;A;B;nee",
    )
    response = import_file(client, organisation, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het bestand is niet ingelezen" in html and "fte 1,5 ligt niet tussen 0 en 1,2" in html
    assert StaffImport.objects.count() == 0 and Employment.objects.count() == 0


def test_unreadable_uploads_are_refused_on_the_form(client, alice, organisation):
    client.force_login(alice)
    for data, name, message in [
        (zip_bomb(), "bom.xlsx", "zip-bom"),
        (b"", "leeg.csv", "leeg"),
        (b"a|b\n1|2\n", "pipes.csv", "puntkomma"),
    ]:
        response = upload(client, organisation, data, name)
        assert response.status_code == 200
        assert message in response.content.decode(), name
        assert client.session.get(f"organisation-upload-{organisation.pk}") is None


def test_outsiders_get_404_everywhere_and_anonymous_users_must_log_in(
    client, mallory, organisation, afas_csv
):
    names = ["detail", "upload", "mapping", "hand", "access"]
    for name in names:
        response = client.get(reverse(f"organisation:{name}", args=[organisation.pk]))
        assert response.status_code == 302 and "/account/" in response.url
    client.force_login(mallory)
    for name in names:
        assert (
            client.get(reverse(f"organisation:{name}", args=[organisation.pk])).status_code == 404
        )
    assert upload(client, organisation, afas_csv).status_code == 404
    assert client.post(reverse("organisation:cancel", args=[organisation.pk])).status_code == 404
    assert (
        organisation.gemeente.name not in client.get(reverse("organisation:index")).content.decode()
    )


def test_the_owner_grants_access_and_a_lezer_cannot_import(client, alice, mallory, organisation):
    client.force_login(alice)
    response = client.post(
        reverse("organisation:access", args=[organisation.pk]),
        {"username": "mallory", "role": "lezer"},
    )
    assert response.status_code == 302
    client.force_login(mallory)
    assert client.get(organisation.get_absolute_url()).status_code == 200
    assert client.get(reverse("organisation:upload", args=[organisation.pk])).status_code == 404


def test_hand_entered_satisfaction_needs_its_source_and_shows_at_once(client, alice, organisation):
    client.force_login(alice)
    import_file(client, organisation, csv_bytes("1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee"))
    assert "7,4 rapportcijfer" not in client.get(organisation.get_absolute_url()).content.decode()
    url = reverse("organisation:hand", args=[organisation.pk])
    response = client.post(url, {"satisfaction": "7,4"})
    assert "Noem de bron" in response.content.decode()
    client.post(
        url, {"satisfaction": "7,4", "satisfaction_source": "MTO 2025", "satisfaction_year": "2025"}
    )
    organisation.refresh_from_db()
    assert (
        str(organisation.satisfaction) == "7.4" and organisation.satisfaction_source == "MTO 2025"
    )


def test_an_oversized_upload_is_refused_before_it_is_read(client, alice, organisation, monkeypatch):
    monkeypatch.setattr("secretaris.organisation.forms.MAX_BYTES", 1000)
    client.force_login(alice)
    response = upload(client, organisation, b"a;b\r\n" + b"1;2\r\n" * 400)
    assert "het maximum is 0 MB" in response.content.decode()
    assert client.session.get(f"organisation-upload-{organisation.pk}") is None


def test_a_forged_column_choice_is_refused_not_imported(client, alice, organisation, afas_csv):
    client.force_login(alice)
    upload(client, organisation, afas_csv)
    url = reverse("organisation:mapping", args=[organisation.pk])
    response = client.post(url, {"employee": "../../etc/passwd", "start": "x", "fte": "y"})
    assert (
        response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    )
    assert StaffImport.objects.count() == 0


def test_beheerders_see_imports_in_the_admin_read_only(client, organisation, alice, afas_csv):
    from secretaris.test import make_user

    client.force_login(alice)
    import_file(client, organisation, afas_csv)
    admin = make_user("dora", staff=True)
    client.force_login(admin)
    staff_import = StaffImport.objects.get()
    assert client.get(reverse("admin:organisation_staffimport_changelist")).status_code == 200
    change = client.get(reverse("admin:organisation_staffimport_change", args=[staff_import.pk]))
    assert change.status_code == 200 and "Fictief" not in change.content.decode()
    assert client.get(reverse("admin:organisation_staffimport_add")).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/organisation/employment/" not in index


def test_abandoned_uploads_are_swept_after_an_hour(tmp_path):
    import os
    import time

    token = uploads.store(b"a;b\r\n1;2\r\n")
    path = uploads.folder() / token
    assert oct(path.stat().st_mode)[-3:] == "600"
    old = time.time() - uploads.MAX_AGE_SECONDS - 10
    os.utime(path, (old, old))
    assert uploads.sweep() == 1 and uploads.load(token) is None
    assert uploads.load("../../etc/passwd") is None


def test_the_import_runs_as_a_job_whose_progress_the_page_shows(client, alice, organisation):
    client.force_login(alice)
    upload(client, organisation, csv_bytes("1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee"))
    mapping_url = reverse("organisation:mapping", args=[organisation.pk])
    form = client.get(mapping_url).context["form"]
    queued = client.post(mapping_url, {k: form.initial.get(k, "") for k in form.fields})
    job = Job.objects.get(subject=f"organisation:{organisation.pk}")
    assert queued.url == reverse("organisation:progress", args=[organisation.pk, job.pk])
    page = client.get(queued.url)
    assert "In de wachtrij" in page.content.decode() and "no-store" in page["Cache-Control"]
    Job.objects.filter(pk=job.pk).update(
        status=Job.RUNNING,
        result={
            "state": "bezig",
            "text": "Regels controleren: 40.000 van 100.000…",
            "done": 40000,
            "total": 100000,
        },
    )
    html = client.get(queued.url).content.decode()
    assert "Regels controleren: 40.000 van 100.000" in html and 'value="40000"' in html
    state = client.get(queued.url + "?stand=json").json()
    assert state == {
        "finished": False,
        "text": "Regels controleren: 40.000 van 100.000…",
        "done": 40000,
        "total": 100000,
    }
    assert client.session.get(f"organisation-upload-{organisation.pk}") is None


def test_the_file_is_deleted_when_the_job_ends_with_problems(client, alice, organisation):
    client.force_login(alice)
    data = csv_bytes("2;x;V;01-01-1980;01-01-2020;01-01-2019;1,5;A;B;nee")
    response = import_file(client, organisation, data)
    assert "fte 1,5 ligt niet tussen 0 en 1,2" in response.content.decode()
    assert "het bestand is verwijderd" in response.content.decode()
    assert not any(uploads.folder().iterdir())
    job = Job.objects.get()
    assert job.result["problem_count"] >= 1 and "1,5" not in repr(job.result)


def test_only_who_started_the_import_sees_its_progress(client, alice, organisation):
    from secretaris.accounts.access import grant
    from secretaris.test import make_user

    client.force_login(alice)
    import_file(client, organisation, csv_bytes("1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee"))
    job = Job.objects.get()
    colleague = make_user("carol")
    grant(colleague, organisation, "bewerker", by=alice)
    client.force_login(colleague)
    url = reverse("organisation:progress", args=[organisation.pk, job.pk])
    assert client.get(url).status_code == 404


def test_a_wrong_column_choice_is_said_at_once_and_the_file_kept(client, alice, organisation):
    client.force_login(alice)
    upload(client, organisation, csv_bytes("1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee"))
    mapping_url = reverse("organisation:mapping", args=[organisation.pk])
    form = client.get(mapping_url).context["form"]
    chosen = {k: form.initial.get(k, "") for k in form.fields}
    chosen["fte"] = chosen["start"]
    response = client.post(mapping_url, chosen)
    assert response.status_code == 200 and "Kolommen anders koppelen" in response.content.decode()
    assert Job.objects.count() == 0 and any(uploads.folder().iterdir())


def test_the_import_says_how_many_rows_it_checked_of_all():
    from secretaris.organisation import demo
    from secretaris.organisation.importing import check_and_compute
    from secretaris.organisation.mapping import guess_mapping
    from secretaris.organisation.reading import read_table

    table = read_table(demo.export(demo.generate(21_000, PEIL), "afas"), "afas.csv")
    said: list[tuple] = []
    check_and_compute(
        table, guess_mapping(table.headers), PEIL, None, lambda *args: said.append(args)
    )
    assert said[0] == ("21.000 regels controleren…", 0, 21_000)
    assert ("Regels controleren: 20.000 van 21.000…", 20_000, 21_000) in said
    assert said[-1][0].endswith("kengetallen berekenen…")

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaris.scan.groups import PRESETS, choice_for
from secretaris.scan.models import Rater
from secretaris.scan.nominations import (
    MAX_UPLOAD_BYTES,
    Target,
    UploadError,
    parse,
    read_upload,
)
from secretaris.scan.tests.conftest import add_rater

TARGETS = [Target(choice_for(p.key, p.name), p.single_person) for p in PRESETS]


def problems(text: str, **kwargs) -> list[str]:
    result = parse(text, kwargs.pop("targets", TARGETS), **kwargs)
    return [e.message() for e in result.errors]


def test_good_lines_with_commas_semicolons_and_tabs():
    result = parse(
        "Anna de Vries, a.devries@gemeente.nl, Wethouders\n"
        "Bert Bos; BERT@gemeente.nl; directie/mt\n"
        "Carla Cas\tcarla@gemeente.nl\tOR\n",
        TARGETS,
    )
    assert result.ok
    assert [(n.line, n.name, n.email, n.group_key) for n in result.nominations] == [
        (1, "Anna de Vries", "a.devries@gemeente.nl", "wethouders"),
        (2, "Bert Bos", "bert@gemeente.nl", "directie"),
        (3, "Carla Cas", "carla@gemeente.nl", "ondernemingsraad"),
    ]


def test_a_header_empty_lines_and_comments_are_skipped():
    result = parse("naam;e-mail;groep\n\n# de raad\nRia Raad;ria@x.nl;fractievoorzitter\n", TARGETS)
    assert result.ok and [n.line for n in result.nominations] == [4]


def test_a_name_with_a_comma_is_read_whole():
    result = parse(
        'Jansen, Piet, piet@x.nl, MT\n"Vries, Anna de",anna@x.nl,Externe partners', TARGETS
    )
    assert [n.name for n in result.nominations] == ["Jansen, Piet", "Vries, Anna de"]


@pytest.mark.parametrize(
    "group, key",
    [
        ("wethouder", "wethouders"),
        ("Griffie", "griffier"),
        ("management team", "directie"),
        ("Directie / MT", "directie"),
        ("MT", "directie"),
        ("Raad (fractievoorzitters)", "raad"),
        ("ketenpartners", "extern"),
        ("Burgemeester", "burgemeester"),
    ],
)
def test_groups_are_recognised_by_everyday_names(group, key):
    result = parse(f"Naam, naam@x.nl, {group}", TARGETS)
    assert (result.nominations[0].group_key if result.ok else None) == key


def test_an_unknown_group_suggests_the_closest():
    assert problems("Anna, anna@x.nl, wethoudres") == [
        "Regel 1: De groep 'wethoudres' kennen we niet. Bedoelt u Wethouders?"
    ]


def test_an_unknown_group_without_anything_close_lists_the_groups():
    [message] = problems("Anna, anna@x.nl, voetbalclub")
    assert message.startswith("Regel 1: De groep 'voetbalclub' kennen we niet. Kies uit: Zelf,")


def test_a_group_that_was_switched_off_says_so():
    enabled = [t for t in TARGETS if t.choice.key != "ondernemingsraad"]
    off = [t.choice for t in TARGETS if t.choice.key == "ondernemingsraad"]
    [message] = problems("Olga, olga@x.nl, OR", targets=enabled, disabled=off)
    assert "De groep Ondernemingsraad doet niet mee in deze scan" in message


def test_a_bad_email_address_is_named():
    assert problems("Anna, anna@@x, Wethouders") == [
        "Regel 1: 'anna@@x' is geen geldig e-mailadres."
    ]


def test_a_line_without_an_email_address_explains_the_format():
    assert problems("Anna, Wethouders") == [
        "Regel 1: We vinden geen e-mailadres. Schrijf: naam, e-mailadres, groep."
    ]


def test_a_duplicate_in_the_list_points_at_the_first_line():
    assert problems("A, a@x.nl, MT\nB, A@X.NL, MT") == ["Regel 2: a@x.nl staat al op regel 1."]


def test_someone_already_on_the_scan_is_a_duplicate_too():
    assert problems("A, a@x.nl, MT", existing_emails=["a@x.nl"]) == [
        "Regel 1: a@x.nl staat al op de lijst van deze scan."
    ]


def test_a_name_that_is_too_long_is_refused():
    assert problems(f"{'x' * 201}, a@x.nl, MT") == [
        "Regel 1: De naam is te lang (hooguit 200 tekens)."
    ]


def test_a_line_that_is_too_long_is_refused():
    assert problems(f"A, a@x.nl, {'y' * 1000}") == [
        "Regel 1: De regel is te lang (hooguit 1000 tekens)."
    ]


def test_a_missing_name_or_group_is_named():
    assert problems("a@x.nl, MT")[0] == "Regel 1: De naam ontbreekt."
    assert problems("Anna, a@x.nl")[0].startswith("Regel 1: De groep ontbreekt. Kies uit:")


def test_a_one_person_group_takes_one_person():
    assert problems("B1, b1@x.nl, burgemeester\nB2, b2@x.nl, burgemeester") == [
        "Regel 2: In de groep Burgemeester hoort één persoon, en daar staat al B1 (regel 1)."
    ]
    taken = [
        Target(t.choice, t.single_person, "Bea" if t.choice.key == "burgemeester" else "")
        for t in TARGETS
    ]
    assert problems("B2, b2@x.nl, BM", targets=taken) == [
        "Regel 1: In de groep Burgemeester hoort één persoon, en daar staat al Bea."
    ]


def test_every_problem_of_a_line_is_named_at_once():
    [error] = parse(", geen-adres@, nergens", TARGETS).errors
    assert len(error.problems) == 3


def test_an_upload_over_100_kb_is_refused():
    with pytest.raises(UploadError) as info:
        read_upload("lijst.csv", b"a" * (MAX_UPLOAD_BYTES + 1))
    assert "hooguit 100 kB" in info.value.message


def test_an_upload_must_be_csv_or_txt_and_text():
    with pytest.raises(UploadError):
        read_upload("lijst.xlsx", b"PK\x03\x04")
    with pytest.raises(UploadError):
        read_upload("lijst.csv", b"PK\x03\x04\x00\x00")


def test_an_excel_csv_in_windows_encoding_is_read():
    text = read_upload("lijst.csv", "José Muñoz;jose@x.nl;MT\r\n".encode("cp1252"))
    assert parse(text, TARGETS).nominations[0].name == "José Muñoz"


# --- The raters page -----------------------------------------------------------------------


@pytest.fixture
def as_bob(client, bob):
    client.force_login(bob)
    return client


def test_a_good_list_is_saved_whole(as_bob, scan):
    response = as_bob.post(
        reverse("scan:raters", args=[scan.pk]),
        {"lines": "Anna, anna@x.nl, Wethouders\nBert, bert@x.nl, MT"},
    )
    assert response.status_code == 302
    assert set(scan.raters.values_list("email", flat=True)) == {
        "alice@example.nl",
        "anna@x.nl",
        "bert@x.nl",
    }
    assert not scan.raters.filter(approved=True).exists()


def test_a_list_with_one_bad_line_saves_nothing_and_says_why(as_bob, scan):
    text = "Anna, anna@x.nl, Wethouders\nBert, bert@x, MT"
    response = as_bob.post(reverse("scan:raters", args=[scan.pk]), {"lines": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Regel 2" in page and "&#x27;bert@x&#x27; is geen geldig e-mailadres." in page
    assert "Er is niets opgeslagen" in page
    assert "Anna, anna@x.nl, Wethouders" in page  # the list stays, to be fixed in place
    assert Rater.objects.filter(scan=scan).count() == 1  # only Alice herself


def test_an_uploaded_csv_is_saved(as_bob, scan):
    upload = SimpleUploadedFile("lijst.csv", b"naam;e-mail;groep\nOlga;olga@x.nl;OR\n")
    as_bob.post(reverse("scan:raters", args=[scan.pk]), {"upload": upload})
    assert scan.raters.filter(email="olga@x.nl", group__key="ondernemingsraad").exists()


def test_an_oversized_upload_is_refused_on_the_page(as_bob, scan):
    upload = SimpleUploadedFile("lijst.csv", b"x" * (MAX_UPLOAD_BYTES + 10))
    response = as_bob.post(reverse("scan:raters", args=[scan.pk]), {"upload": upload})
    assert "mag hooguit 100 kB zijn" in response.content.decode()
    assert scan.raters.count() == 1


def test_the_secretary_in_zelf_and_a_taken_role_are_known_to_the_page(as_bob, scan):
    add_rater(scan, "burgemeester", "Bea", "bea@x.nl")
    response = as_bob.post(
        reverse("scan:raters", args=[scan.pk]),
        {"lines": "Ik, ik@x.nl, zelf\nBen, ben@x.nl, burgemeester"},
    )
    page = response.content.decode()
    assert "daar staat al Alice Aerts" in page and "daar staat al Bea" in page


def test_a_paste_of_more_than_300_people_saves_nothing_and_says_so(as_bob, scan):
    text = "\n".join(f"Persoon {i}, p{i}@x.nl, MT" for i in range(2500))
    response = as_bob.post(reverse("scan:raters", args=[scan.pk]), {"lines": text})
    assert response.status_code == 200
    assert "hooguit 300 mensen per keer" in response.content.decode()
    assert scan.raters.count() == 1


def test_a_scan_holds_at_most_300_raters(as_bob, scan):
    url = reverse("scan:raters", args=[scan.pk])
    text = "\n".join(f"Persoon {i}, p{i}@x.nl, MT" for i in range(299))
    assert as_bob.post(url, {"lines": text}).status_code == 302
    assert scan.raters.count() == 300  # with Alice herself
    response = as_bob.post(url, {"lines": "Nog een, nog@x.nl, MT"})
    assert "Een scan heeft hooguit 300 beoordelaars" in response.content.decode()
    assert scan.raters.count() == 300


def test_bidi_and_control_characters_are_taken_out_of_names(as_bob, scan):
    sneaky = "Anna\u202e sreviV\u202c\u200b\x07"
    as_bob.post(
        reverse("scan:raters", args=[scan.pk]), {"lines": f"{sneaky}, anna@x.nl, Wethouders"}
    )
    assert scan.raters.get(email="anna@x.nl").name == "Anna sreviV"


def test_group_names_and_titles_lose_bidi_characters_too():
    from secretaris.forms import clean_name

    assert clean_name("Pro\u2066vin\u2069cie\u00ad  \u2028 Utrecht") == "Provincie Utrecht"
    assert clean_name("Café") == "Café"  # e + combining accent becomes one letter

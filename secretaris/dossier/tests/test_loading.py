import json

import pytest

from secretaris.dossier.dataset import DATASET_PATH, DataSetError
from secretaris.dossier.loading import load_dataset
from secretaris.dossier.models import DataSet, Fact, Gemeente

pytestmark = pytest.mark.django_db


def test_the_session_database_holds_all_342_municipalities():
    assert Gemeente.objects.count() == 342
    assert DataSet.objects.count() == 1


def test_a_second_load_changes_nothing():
    report = load_dataset()
    assert not report.changed, report.lines()


def test_load_repairs_a_changed_figure(tmp_path):
    fact = Fact.objects.filter(gemeente_id="GM0344", key="inwoners").first()
    original = fact.value
    fact.value = 1
    fact.save()
    report = load_dataset()
    assert report.updated["Cijfers"] == 1
    fact.refresh_from_db()
    assert fact.value == original


def _write(tmp_path, data):
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_interrupted_load_leaves_the_database_as_it_was(tmp_path):
    data = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
    for gemeente in data["gemeenten"]:
        gemeente["facts"] = []  # a load that would delete every figure...
    before = Fact.objects.count()

    def interrupt(step, total, label):
        if label == "Woonplaatsen":  # ...is stopped after the figures were deleted
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_dataset(_write(tmp_path, data), progress=interrupt)
    assert Fact.objects.count() == before > 0


def test_a_broken_data_set_is_refused_with_a_dutch_message(tmp_path):
    path = tmp_path / "dataset.json"
    path.write_text("{niet: json", encoding="utf-8")
    with pytest.raises(DataSetError, match="geen geldige JSON"):
        load_dataset(path)


def test_an_unknown_source_is_refused_before_anything_is_written(tmp_path):
    data = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
    data["gemeenten"][5]["facts"][0]["source"] = "bestaat-niet"
    with pytest.raises(DataSetError, match="bestaat-niet"):
        load_dataset(_write(tmp_path, data))


def test_every_loaded_text_fits_its_column():
    """SQLite does not enforce max_length; PostgreSQL does. Catch overflows on both."""
    from django.apps import apps
    from django.db.models import CharField, Max
    from django.db.models.functions import Length

    for model in apps.get_app_config("dossier").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, CharField) and model.objects.exists():
                longest = model.objects.aggregate(n=Max(Length(field.name)))["n"] or 0
                assert longest <= field.max_length, (model.__name__, field.name, longest)

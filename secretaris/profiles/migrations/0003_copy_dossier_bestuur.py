"""Copy the bestuur notes users entered in the dossier into that municipality's profiles.

The notes move from the public dossier into the profile (access per profile). A profile
whose own notes are empty gets a copy; a profile with notes keeps them. Definitief versions
are frozen documents, but their notes were shown from the dossier until now, so they get the
copy too: the documents stay as they were.
"""

from django.db import migrations

from secretaris.profiles.bestuur import from_dossier_row, is_empty


def copy_notes(apps, schema_editor):
    Bestuur = apps.get_model("dossier", "Bestuur")
    Profile = apps.get_model("profiles", "Profile")
    for row in Bestuur.objects.all():
        notes = from_dossier_row(row)
        if not notes:
            continue
        for profile in Profile.objects.filter(gemeente_id=row.gemeente_id):
            if is_empty(profile.bestuur or {}):
                profile.bestuur = notes
                profile.save(update_fields=["bestuur"])


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0002_bestuur_vacancy_logo_archive"),
        ("dossier", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_notes, migrations.RunPython.noop)]

"""Development actions get a status (gepland, bezig, klaar) and the date it was set,
instead of a done flag: an action that was done becomes klaar."""

from django.db import migrations, models


def done_to_klaar(apps, schema_editor):
    Action = apps.get_model("scan", "DevelopmentAction")
    Action.objects.filter(done=True).update(status="klaar")


def klaar_to_done(apps, schema_editor):
    Action = apps.get_model("scan", "DevelopmentAction")
    Action.objects.filter(status="klaar").update(done=True)


class Migration(migrations.Migration):
    dependencies = [
        ("scan", "0002_report_and_plan"),
    ]

    operations = [
        migrations.AddField(
            model_name="developmentaction",
            name="status",
            field=models.CharField(
                choices=[("gepland", "Gepland"), ("bezig", "Bezig"), ("klaar", "Klaar")],
                default="gepland",
                max_length=8,
                verbose_name="stand",
            ),
        ),
        migrations.AddField(
            model_name="developmentaction",
            name="status_date",
            field=models.DateField(blank=True, null=True, verbose_name="stand sinds"),
        ),
        migrations.RunPython(done_to_klaar, klaar_to_done),
        migrations.RemoveField(
            model_name="developmentaction",
            name="done",
        ),
    ]

"""Municipalities and their facts, each with its source and reference date.

Open data (loaded by `secretaris data load`) lives in Source, Gemeente's open-data
fields, Fact, Woonplaats, Election, ListResult, Merger, Regeling, Deelname and Benchmark.
What users know about the bestuur belongs to a profielschets (`Profile.bestuur`), never to
the public dossier.
"""

from __future__ import annotations

from django.db import models


class Source(models.Model):
    """A data source as named in the shipped data set (e.g. CBS table 85984NED)."""

    key = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    licence = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"


class GemeenteQuerySet(models.QuerySet):
    def with_inhabitants(self):
        return self.annotate(
            inhabitants=models.Subquery(
                Fact.objects.filter(gemeente=models.OuterRef("pk"), key="inwoners")
                .order_by("-date")
                .values("value")[:1]
            )
        )


class Gemeente(models.Model):
    code = models.CharField("CBS-code", max_length=6, primary_key=True)  # GM0344
    name = models.CharField("naam", max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    search_key = models.CharField(max_length=100, db_index=True)
    province = models.CharField("provincie", max_length=40, db_index=True)
    corop_code = models.CharField(max_length=10, blank=True)
    corop_name = models.CharField("COROP-gebied", max_length=100, blank=True)
    begindatum = models.DateField(null=True, blank=True)
    is_corop_centre = models.BooleanField(default=False)
    # Open data kept as the data set gives it (docs/dataset.md): the register's office
    # holders and parties, and the Iv3 documents with their size-class medians.
    register = models.JSONField(null=True, blank=True)
    financien = models.JSONField(default=list, blank=True)
    # The regelingen this municipality takes part in, copied from Regeling at load time so
    # the dossier needs no join: [{"name", "form", "kind", "purpose", "since", "url",
    # "partners"}].
    samenwerking = models.JSONField(default=list, blank=True)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("dossier:detail", args=[self.slug])


class Fact(models.Model):
    """One figure: value (exact decimal), reference date and source."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="facts")
    key = models.CharField(max_length=60)
    date = models.DateField("peildatum")
    value = models.DecimalField(max_digits=16, decimal_places=4)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "key", "date"], name="fact_unique")
        ]
        ordering = ["key", "-date"]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.key} {self.date}: {self.value}"


class Woonplaats(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="woonplaatsen")
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=100)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "woonplaatsen"

    def __str__(self) -> str:
        return self.name


class Election(models.Model):
    """A council election result in one municipality (e.g. GR2026)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="elections")
    election = models.CharField(max_length=20)  # GR2026
    date = models.DateField()
    council_size = models.PositiveSmallIntegerField()
    has_votes = models.BooleanField(default=False)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    votes_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "election"], name="election_unique")
        ]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.election} {self.gemeente_id}"


class ListResult(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="lists")
    position = models.PositiveSmallIntegerField()  # order in the data set (list number)
    name = models.CharField(max_length=200)
    votes = models.PositiveIntegerField(null=True, blank=True)
    seats = models.PositiveSmallIntegerField()
    candidates = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["election", "position"], name="list_unique")]
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Merger(models.Model):
    """A herindeling that formed or changed this municipality."""

    KINDS = [
        ("samenvoeging", "Samenvoeging"),
        ("toevoeging", "Toevoeging"),
        ("splitsing", "Splitsing"),
        ("naamswijziging", "Naamswijziging"),
        ("grenscorrectie", "Grenscorrectie"),
    ]
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="mergers")
    date = models.DateField()
    kind = models.CharField(max_length=20, choices=KINDS)
    predecessors = models.JSONField(default=list)  # [{"code": "GM0xxx", "name": "..."}]
    note = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "date", "kind"], name="merger_unique")
        ]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class Regeling(models.Model):
    """A gemeenschappelijke regeling in force (Register van Overheidsorganisaties)."""

    roo_id = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=300)
    form = models.CharField("samenwerkingsvorm", max_length=60)
    kind = models.CharField(max_length=30, blank=True)
    purpose = models.CharField("doel", max_length=300, blank=True)
    since = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=300, blank=True)
    members = models.JSONField(default=list)  # [[name, "GM0344" | null], ...]
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "regelingen"

    def __str__(self) -> str:
        return self.name


class Deelname(models.Model):
    """A current municipality taking part in a regeling."""

    regeling = models.ForeignKey(Regeling, on_delete=models.CASCADE, related_name="deelnames")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="deelnames")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["regeling", "gemeente"], name="deelname_unique")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} in {self.regeling_id}"


class Benchmark(models.Model):
    """A sector HR figure with its literal quoted source (for the organisation parts)."""

    indicator = models.CharField(max_length=80)
    scope = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=14, decimal_places=4)
    unit = models.CharField(max_length=80)
    source_url = models.URLField(max_length=500)
    quoted_text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "scope", "year", "source_url"], name="benchmark_unique"
            )
        ]
        ordering = ["indicator", "-year"]

    def __str__(self) -> str:
        return f"{self.indicator} {self.scope} {self.year}"


class DataSet(models.Model):
    """The shipped data set currently loaded; its row changes whenever the data does."""

    digest = models.CharField(max_length=64)
    built_at = models.CharField(max_length=40)
    loaded_at = models.DateTimeField(auto_now=True)
    notes = models.JSONField(default=list)

    def __str__(self) -> str:
        return self.digest[:12]

    @classmethod
    def version(cls) -> str:
        """A key that changes with every load that changed data (for caching pages)."""
        row = cls.objects.values_list("pk", "digest").first()
        return f"{row[0]}-{row[1][:16]}" if row else "leeg"

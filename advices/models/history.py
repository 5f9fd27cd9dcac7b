"""django-simple-history for Wagtail inline children.

A ``ParentalKey`` copied into a history table keeps ``related_name="+"`` and its
modelcluster behaviour, which fails modelcluster's system check (E002). In the
history table it only has to point at the parent, so it becomes a plain
``ForeignKey`` without a database constraint.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords


class ClusterHistoricalRecords(HistoricalRecords):
    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, ParentalKey):
                plain = models.ForeignKey(
                    field.remote_field.model,
                    db_constraint=False,
                    related_name="+",
                    null=True,
                    blank=True,
                    db_index=True,
                    on_delete=models.DO_NOTHING,
                    verbose_name=field.verbose_name,
                )
                plain.name = field.name
                fields[name] = plain
        return fields

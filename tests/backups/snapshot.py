"""What a restore must bring back, read through the ORM: run in the test process against the
original database and in a subprocess against the restored one, then compared."""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page

from advices.lifecycle.progress import annotate_progress
from advices.models import (
    AdviceLetter,
    CollegeResponse,
    Commitment,
    FollowUp,
    Recommendation,
    RecommendationAnswer,
    SentLetterPdf,
)


def _stored_sha256(record):
    with record.file.storage.open(record.file.name, "rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def snapshot():
    """Everything the round trip compares, as plain JSON values."""
    recommendations = annotate_progress(
        Recommendation.objects.select_related("letter"), fields=("verdict", "public_status")
    ).order_by("letter__reference", "number")
    data = {
        "letters": list(AdviceLetter.objects.order_by("reference").values()),
        "letter_history": list(AdviceLetter.history.order_by("history_id").values()),
        "recommendations": [
            {
                "letter": item.letter.reference,
                "number": item.number,
                "advice": item.advice,
                "verdict": item.verdict,
                "public_status": item.public_status,
            }
            for item in recommendations
        ],
        "recommendation_history": list(Recommendation.history.order_by("history_id").values()),
        "responses": list(CollegeResponse.objects.order_by("pk").values()),
        "answer_history": list(RecommendationAnswer.history.order_by("history_id").values()),
        "commitments": list(Commitment.objects.order_by("pk").values()),
        "follow_ups": list(FollowUp.objects.order_by("pk").values()),
        "sent_pdfs": [
            {
                "letter": record.letter.reference,
                "file": record.file.name,
                "recorded_sha256": record.sha256,
                "size": record.size,
                "stored_sha256": _stored_sha256(record),
            }
            for record in SentLetterPdf.objects.select_related("letter").order_by("pk")
        ],
        "pages": list(Page.objects.order_by("path").values_list("url_path", "title", "live")),
        "users": list(
            get_user_model()
            .objects.order_by("username")
            .values_list("username", "password", "groups__name")
        ),
    }
    # Through JSON on both sides, so dates and decimals compare as the same strings.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))

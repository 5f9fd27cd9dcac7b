"""The public pages of the advice cycle: Wagtail pages, so models and views at once.

``AdvicesConfig.import_models`` registers them with Django after the data models
(``advices.models``), which know nothing of them."""

from advices.pages.advice_index import AdviceIndexPage
from advices.pages.request_index import AdviceRequestIndexPage
from advices.pages.tracker import RecommendationIndexPage

__all__ = ["AdviceIndexPage", "AdviceRequestIndexPage", "RecommendationIndexPage"]

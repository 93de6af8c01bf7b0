from django.contrib import admin

from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion


@admin.register(ChallengeFit)
class ChallengeFitAdmin(admin.ModelAdmin):
    list_display = ["application", "best_challenge", "best_score", "own_score", "misfiled"]
    list_filter = ["misfiled"]
    raw_id_fields = ["application", "best_challenge"]


@admin.register(DuplicatePair)
class DuplicatePairAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "similarity", "call"]
    raw_id_fields = ["first", "second"]


@admin.register(ExpertSuggestion)
class ExpertSuggestionAdmin(admin.ModelAdmin):
    list_display = ["application", "expert", "rank", "score"]
    raw_id_fields = ["application", "expert"]

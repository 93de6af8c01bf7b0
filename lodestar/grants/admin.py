from django.contrib import admin

from lodestar.grants.models import Agreement, Award, BankAccount, Milestone, PaymentOrder, Report, Signature

# States are read-only here: moves go through core.workflow.transition(), checked and audited, and
# payments through grants.payments (the award's cap and the four-eyes rule).


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    can_delete = False
    readonly_fields = ["party", "signer", "signed_at", "document_sha256", "upload_sha256"]
    exclude = ["upload"]


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["application", "amount", "currency", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    readonly_fields = ["status", "application", "amount", "created_by"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["award", "version", "status", "created_at"]
    readonly_fields = ["award", "version", "status", "sha256", "document", "created_by"]
    inlines = [SignatureInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["award", "number", "title_en", "due_on", "status"]
    list_filter = ["status"]
    readonly_fields = ["status", "decided_by", "decided_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["award", "number", "due_on", "status"]
    readonly_fields = ["status"]


@admin.register(PaymentOrder)
class PaymentOrderAdmin(admin.ModelAdmin):
    list_display = ["reference", "award", "amount", "status", "requested_by", "approved_by"]
    list_filter = ["status"]
    readonly_fields = ["award", "tranche", "amount", "status", "requested_by", "approved_by", "approved_at"]


@admin.register(BankAccount)
class BankAccountAdmin(admin.ModelAdmin):
    list_display = ["organisation", "holder", "iban", "bic"]
    readonly_fields = ["organisation", "holder", "iban", "bic", "updated_by"]

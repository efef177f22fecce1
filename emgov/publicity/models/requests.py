"""依申请公开: applications for government information and the clock of their answer."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


class RequestChannel(models.TextChoices):
    """How the application arrived; it decides which day counts as received (条例第三十一条)."""

    IN_PERSON = "当面", _("当面")
    POST = "邮寄", _("邮寄")
    ONLINE = "网络", _("网络")
    FAX = "传真", _("传真")


class InformationFormat(models.TextChoices):
    PAPER = "纸质文本", _("纸质文本")
    ELECTRONIC = "电子数据", _("电子数据")
    OTHER = "其他", _("其他")


class DeliveryRoute(models.TextChoices):
    PICKUP = "当面领取", _("当面领取")
    POST = "邮寄", _("邮寄")
    EMAIL = "电子邮件", _("电子邮件")
    FAX = "传真", _("传真")
    ONLINE = "网上获取", _("网上获取")


class ReplyType(models.TextChoices):
    """答复类型: the reply types of 条例第三十六条, and partial disclosure (第三十七条)."""

    ALREADY_PUBLIC = "已主动公开", _("已主动公开")
    DISCLOSED = "予以公开", _("予以公开")
    PARTIAL = "部分公开", _("部分公开")
    WITHHELD = "不予公开", _("不予公开")
    NOT_EXIST = "信息不存在", _("信息不存在")
    NOT_OURS = "非本机关负责", _("非本机关负责")
    REPEAT = "重复申请", _("重复申请")
    OTHER_LAW = "按其他法律办理", _("按其他法律办理")


class RequestStatus(models.TextChoices):
    OPEN = "办理中", _("办理中")
    SUPPLEMENT = "待补正", _("待补正")
    CONSULTING = "征求意见中", _("征求意见中")
    EXTENDED = "已延期", _("已延期")
    REPLIED = "已答复", _("已答复")
    # 申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理 (条例第三十条).
    WITHDRAWN = "视为放弃", _("视为放弃申请")


class DisclosureRequest(DomainModel):
    """依申请公开: an application for government information and the clock of its answer."""

    number = models.CharField(_("申请编号"), max_length=80, unique=True)
    applicant_name = models.CharField(_("申请人"), max_length=200)
    applicant_id_number = models.CharField(_("证件号码"), max_length=40)
    applicant_phone = models.CharField(_("联系电话"), max_length=40)
    applicant_address = models.CharField(_("通信地址或电子邮箱"), max_length=300, blank=True)
    channel = models.CharField(_("申请方式"), max_length=4, choices=RequestChannel.choices)
    submitted_on = models.DateField(_("提交日期"))
    received_on = models.DateField(
        _("收到日期"),
        db_index=True,
        help_text=_("当面提交：提交之日；邮寄：签收之日；网络、传真：双方确认之日（条例第三十一条）"),
    )
    description = models.TextField(_("所需信息的内容描述"))
    format_wanted = models.CharField(_("信息载体形式"), max_length=10, choices=InformationFormat.choices)
    delivery_wanted = models.CharField(_("获取信息方式"), max_length=10, choices=DeliveryRoute.choices)
    region = region_field()

    supplement_requested_on = models.DateField(_("补正通知日期"), null=True, blank=True, editable=False)
    supplement_note = models.CharField(_("补正事项"), max_length=500, blank=True, editable=False)
    supplement_due_on = models.DateField(_("补正期限"), null=True, blank=True, editable=False)
    supplement_completed_on = models.DateField(_("补正完成日期"), null=True, blank=True, editable=False)
    withdrawn_on = models.DateField(
        _("视为放弃申请日期"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）"),
    )

    consultation_party = models.CharField(_("征求意见对象"), max_length=200, blank=True, editable=False)
    consultation_sent_on = models.DateField(_("征求意见发出日期"), null=True, blank=True, editable=False)
    consultation_replied_on = models.DateField(_("征求意见答复日期"), null=True, blank=True, editable=False)

    extension_days = models.PositiveSmallIntegerField(
        _("延长工作日数"), null=True, blank=True, editable=False
    )
    extension_reason = models.CharField(_("延长理由"), max_length=500, blank=True, editable=False)
    extension_approved_by = models.CharField(_("延长审批人"), max_length=50, blank=True, editable=False)
    extension_approved_on = models.DateField(_("延长批准日期"), null=True, blank=True, editable=False)
    extension_notified_on = models.DateField(_("延长告知日期"), null=True, blank=True, editable=False)

    reply_type = models.CharField(
        _("答复类型"), max_length=10, choices=ReplyType.choices, blank=True, db_index=True, editable=False
    )
    reply_content = models.TextField(_("答复内容"), blank=True, editable=False)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True, editable=False)
    reply_number = models.CharField(_("答复书文号"), max_length=80, blank=True, editable=False)

    status = models.CharField(
        _("办理状态"), max_length=5, choices=RequestStatus.choices, default=RequestStatus.OPEN, editable=False
    )
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True, editable=False)

    scope = ("region",)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-received_on", "-number"]

    def __str__(self) -> str:
        return self.number

    @property
    def is_late(self) -> bool:
        return bool(self.replied_on and self.due_on and self.replied_on > self.due_on)

    def clean(self) -> None:
        errors = {}
        if self.submitted_on and self.received_on:
            if self.received_on < self.submitted_on:
                errors["received_on"] = ValidationError(
                    _("收到日期不能早于提交日期"), code="received_before_submitted"
                )
            elif self.channel == RequestChannel.IN_PERSON and self.received_on != self.submitted_on:
                errors["received_on"] = ValidationError(
                    _("当面提交的申请，收到日期即提交日期"), code="in_person_received_later"
                )
        if errors:
            raise ValidationError(errors, code="invalid")

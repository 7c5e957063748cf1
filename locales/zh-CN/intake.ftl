## 工作人员代为登记的来访、来电、来信和接待日诉求,及群众认领
intake-not-allowed = 只有联络站工作人员和管理员可以代为登记诉求。
intake-ask-source = 代为登记诉求:这件诉求是怎么收到的?
intake-source-walk_in = 来访
intake-source-phone = 来电
intake-source-letter = 来信
intake-source-reception_day = 接待日
intake-ask-activity = 是在哪次活动中收到的?
button-intake-no-activity = 不是在活动中收到的
intake-ask-district = 问题发生在哪个选区?
intake-ask-category = 请选择问题类别:
intake-ask-description = 请输入诉求内容(反映人所说的问题):
intake-ask-consent =
    <b>反映人是否同意保存其姓名和电话?</b>
    只有本人同意,才会把姓名和电话随诉求保存,用于联系和回复;不同意也可以登记,办理结果请通过认领码在机器人中查看,或由您电话转告。
button-intake-consent-yes = 同意保存姓名和电话
button-intake-consent-no = 不同意,不保存
intake-ask-name = 请输入反映人的姓名:
intake-ask-phone = 请输入反映人的电话:
button-intake-skip-phone = 不留电话
intake-phone-invalid = 电话号码应为 5 到 20 位数字,可以带 + 和分隔符,请重新输入。
intake-none = 无
intake-contact-not-kept = 未经同意,不保存
intake-confirm =
    <b>请确认代为登记的诉求</b>
    来源:{ $source }
    活动:{ $activity }
    选区:{ $district }
    联系方式:{ $contact }

    { $description }
button-intake-create = 登记
intake-cancelled = 已取消,未登记任何内容。
intake-created =
    ✅ 已登记,诉求编号 <b>{ $caseNo }</b>。
    认领码:<b>{ $code }</b>(有效期至 { $expires },只能使用一次)
    请把这张二维码交给反映人:用 Telegram 扫码打开本机器人,或发送 /claim { $code },即可在自己的账号中跟进这件诉求。
    { $link }
intake-created-claimed = 诉求 <b>{ $caseNo }</b> 已登记并已被认领。
intake-claimed = ✅ 诉求 <b>{ $caseNo }</b> 已关联到您的账号。今后的进展和办理结果会通过本机器人通知您。
intake-claim-usage = 用法:/claim 认领码,例如 /claim K7M2Q-X9PHT。
intake-claim-unknown = 这个认领码无效。请核对登记时拿到的认领码,或联系联络站。
intake-claim-expired = 这个认领码已过期。请联系联络站重新获取。
intake-claim-used = 这个认领码已经被使用过,不能再次认领。如有疑问请联系联络站。
intake-claim-used-by-you = 您已经认领过这件诉求,发送 /my 即可查看。
intake-claim-own-entry = 代为登记诉求的工作人员不能认领这件诉求,请把认领码交给反映人本人。

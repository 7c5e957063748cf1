# 简体中文(主语言)。键名按功能分组,两个语言文件的键必须一致(test/locales.test.ts 检查)。

## 命令菜单
command-new = 反映问题
command-my = 我的诉求
command-inbox = 待办诉求(代表)
command-district = 更改所在选区
command-language = 切换语言 / Language
command-privacy = 隐私说明
command-help = 帮助

## 隐私与同意
privacy-notice =
    <b>欢迎使用人大代表联络站机器人</b>
    您可以通过本机器人向所在选区的人大代表反映问题、提出意见建议,并查看办理进度和结果。

    <b>我们保存哪些信息</b>:您的 Telegram 账号编号、名字和用户名、界面语言、所选选区,以及您提交的诉求内容、消息、照片和文件(文件保存在 Telegram 服务器上,我们只记录其编号)和满意度评价。
    <b>为什么保存</b>:仅用于把您的诉求转交代表和联络站办理,并向您反馈办理情况。
    <b>保存多久</b>:诉求办结后保留 3 年用于统计和督办,账号信息保留至您要求删除为止。
    <b>谁能看到</b>:您所在选区的人大代表和联络站工作人员。选择“匿名反映”时,代表和工作人员不会看到您的身份。
    <b>跨境提示</b>:所有消息都经过 Telegram 的服务器传输,这些服务器位于中国大陆境外。
    <b>您的权利</b>:您可以随时查阅、复制或要求删除您的个人信息,请联系所在联络站。位置信息属于敏感个人信息,只有在您另行同意后才会使用。

    点击“同意并继续”即表示您同意以上说明。
button-consent = 同意并继续
button-decline-consent = 不同意
privacy-accepted = 感谢您的信任。
privacy-declined = 未经您同意,我们不会保存您的诉求。如改变主意,随时发送 /start。
privacy-required = 请先阅读并同意隐私说明。

## 开始与邀请
start-unknown-district = 二维码中的选区不存在或已停用,请手动选择您的选区。
invite-not-found = 邀请链接无效,请向联络站索取新的链接。
invite-used = 该邀请链接已被使用过。
invite-expired = 该邀请链接已过期,请向联络站索取新的链接。
invite-welcome-representative = 您已登记为 <b>{ $district }</b> 的人大代表。该选区群众反映的问题会发送给您,发送 /inbox 查看待办诉求。
invite-welcome-staff = 您已登记为 <b>{ $district }</b> 联络站工作人员,可以查看和督办该区域内的诉求。发送 /inbox 查看待办诉求。

## 选区
district-choose = 请选择您所在的选区:
district-choose-within = 请选择 <b>{ $district }</b> 下的选区:
district-pick-this = 就选“{ $name }”
district-chosen = 您的选区已设为 <b>{ $district }</b>。
district-none-configured = 尚未设置任何选区,请联系联络站工作人员。

## 菜单
menu-citizen =
    <b>您可以:</b>
    /new 向本选区人大代表反映问题
    /my 查看我反映的问题和办理进度
    /activities 近期代表活动(接待日、走访等)
    /deputies 本选区的人大代表和联络站
    /notices 通知订阅设置
    /district 更改所在选区
    /language 切换语言 / Language
    /privacy 隐私说明
menu-handler =
    <b>代表和工作人员:</b>
    /inbox 查看本选区待办诉求
    /activity_new 发布活动(接待日、走访、听证会)
    /activities_manage 管理活动、审核与记录
    /broadcast 群发通知(工作人员)
menu-admin =
    <b>管理员:</b>
    /invite representative|staff 选区代码 — 生成一次性邀请链接
    /districts 查看选区代码
    发送种子文件(JSON)并附言 /seed — 导入选区、联络站、部门和类别

## 语言
language-choose = 请选择界面语言:
language-changed = 界面语言已切换为简体中文。

## 反映问题
concern-need-district = 请先选择您所在的选区。
concern-describe = 请描述您要反映的问题:发生了什么、在哪里、持续多久。可以发送文字,也可以附上照片、文件或语音。描述完成后点击“描述完成”。
concern-draft-status = 已记录:{ $chars } 字,{ $files } 个附件。可以继续补充,完成后点击“描述完成”。
concern-use-buttons = 请使用上方的按钮继续,或点击“取消”。
concern-unsupported-input = 这里只能接收文字、照片、文件、语音、视频和位置。
concern-too-long = 内容太长了({ $length } 字),最多 { $max } 字。请精简后再发送。
concern-too-many-files = 每条诉求最多附 { $max } 个附件。
concern-need-text = 请先用文字描述问题。
concern-choose-category = 请选择问题类别:
concern-confirm =
    <b>请确认您要反映的问题</b>
    选区:{ $district }
    类别:{ $category }
    附件:{ $files } 个
    身份:{ $anonymity }
    位置:{ $location }

    { $description }
concern-location-consent =
    <b>是否附上这个位置?</b>
    位置信息属于敏感个人信息。同意后,您分享的位置只随诉求提供给本选区的代表和联络站工作人员,用于找到问题发生的地点,保存期限与诉求相同。您可以不附位置,只用文字说明地点。
button-location-consent = 同意并附上位置
button-location-decline = 不附位置
concern-location-attached = 已附上位置。可以继续补充,完成后点击“描述完成”。
concern-location-discarded = 未附上位置。可以用文字说明地点,完成后点击“描述完成”。
concern-location-yes = 已附上
concern-location-no = 未附
concern-anonymous-yes = 匿名(代表看不到您的身份)
concern-anonymous-no = 实名(代表可以看到您的名字)
concern-cancelled = 已取消,未提交任何内容。
concern-submitted =
    ✅ 已受理。您的诉求编号是 <b>{ $caseNo }</b>。
    代表处理后会通过本机器人告诉您结果,发送 /my 可随时查看进度。
button-done-describing = 描述完成
button-skip-category = 不确定,跳过
button-anonymous-on = ☑ 匿名反映
button-anonymous-off = ☐ 匿名反映
button-submit = 提交
button-cancel = 取消
button-file-as-concern = 作为新诉求提交
fallback-offer-concern = 要把这段话作为新的诉求反映给代表吗?

## 诉求状态
status-new = 待受理
status-accepted = 办理中
status-referred = 已转办
status-resolved = 已办结(已解决)
status-unresolved = 已办结(未解决)
status-declined = 不予处理
status-merged = 已合并
status-reopened = 重新办理

## 诉求详情
case-card-title = <b>诉求 { $caseNo }</b> · { $status }
case-card-district = 选区:{ $district }
case-card-category = 类别:{ $category }
case-card-created = 反映时间:{ $time }
case-card-citizen = 反映人:{ $citizen }
case-card-due = 办理期限:{ $time }
case-card-attachments = 附件:{ $count } 个
case-card-outcome = <b>办理结果:</b>{ $outcome }
case-no-category = 未分类
case-anonymous-citizen = 匿名群众
case-not-found = 找不到这条诉求,或您无权查看。
case-action-not-allowed = 该诉求当前状态为“{ $status }”,不能进行此操作。
case-changed-meanwhile = 该诉求刚刚被其他人更新,请重新打开后再操作。
case-accepted-toast = 已受理 { $caseNo }
case-write-reply = 请输入给群众的回复(诉求 { $caseNo }):
case-write-message = 请输入要补充给代表的内容(诉求 { $caseNo }),可以附照片或文件:
case-write-resolve = 请输入办理结果(诉求 { $caseNo }),将告知群众并请其评价:
case-write-decline = 请输入不予处理的理由(如不属于职责范围,请说明应由哪个部门负责):
case-need-text = 请输入文字内容。
case-text-too-long = 内容太长了,最多 { $max } 字。
case-reply-sent = 回复已发送给群众(诉求 <b>{ $caseNo }</b>)。
case-message-sent = 已转交代表(诉求 <b>{ $caseNo }</b>)。
case-resolved = 诉求 <b>{ $caseNo }</b> 已办结,已通知群众评价。
case-declined = 诉求 <b>{ $caseNo }</b> 已标记为不予处理,已告知群众理由。
flow-cancelled = 已取消。
button-accept = 受理
button-reply = 回复
button-resolve = 办结
button-decline = 不予处理
button-files = 查看附件
button-open-case = 查看详情
button-add-message = 补充说明
button-previous = ‹ 上一页
button-next = 下一页 ›
button-back = « 返回

## 办理记录
timeline-title = <b>办理记录</b>
timeline-you = 您
timeline-system = 系统
timeline-role-representative = { $name } 代表
timeline-role-staff = 工作人员 { $name }
timeline-created = 反映了问题
timeline-status = 状态改为“{ $status }”
timeline-rating = 评价:{ $rating }

## 列表
my-title = 您共反映了 { $total } 条诉求,点击查看详情:
my-empty = 您还没有反映过问题。发送 /new 开始反映。
inbox-title = 共有 { $total } 条待办诉求(按时间先后):
inbox-empty = 目前没有待办诉求。
inbox-not-handler = 只有人大代表和联络站工作人员可以查看待办诉求。

## 评价
rating-satisfied = 满意
rating-basically_satisfied = 基本满意
rating-unsatisfied = 不满意
rating-thanks = 感谢您的评价(诉求 <b>{ $caseNo }</b>:{ $rating })。
rating-reopened = 很抱歉没有让您满意。诉求 <b>{ $caseNo }</b> 已重新交代表办理。
rating-not-open = 这条诉求现在不能评价(可能已经评价过)。

## 通知
notify-new-case = 📮 <b>本选区有新的群众诉求</b>
notify-accepted = 您的诉求 <b>{ $caseNo }</b> 已由 { $name } 代表受理,正在办理中。
notify-reply-to-citizen =
    💬 { $name } 代表回复了您的诉求 <b>{ $caseNo }</b>:

    { $text }
notify-message-to-handlers =
    💬 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })补充说:

    { $text }
notify-resolved =
    ✅ 您的诉求 <b>{ $caseNo }</b> 已办结。
    办理结果:{ $text }

    请对办理结果进行评价:
notify-declined =
    ℹ️ 您的诉求 <b>{ $caseNo }</b> 不予处理。
    理由:{ $text }

    请对答复进行评价:
notify-reopened = ⚠️ 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })对办理结果不满意,诉求已重新办理。
notify-rated = ⭐ 诉求 <b>{ $caseNo }</b> 的反映人评价:{ $rating }

## 角色
role-representative = 人大代表
role-staff = 联络站工作人员

## 管理
admin-invite-usage = 用法:/invite representative 选区代码 或 /invite staff 选区代码
admin-invite-created = 已生成{ $role }邀请链接(选区 { $district },{ $hours } 小时内有效,仅限使用一次):
    { $link }
admin-unknown-district = 没有代码为 <code>{ $code }</code> 的选区。发送 /districts 查看。
admin-seed-too-large = 种子文件太大(最大 1 MB)。
admin-seed-invalid =
    种子文件有误:
    { $problems }
admin-seed-done = 导入完成:选区 { $districts } 个,联络站 { $stations } 个,部门 { $departments } 个,类别 { $categories } 个。

## 通知与群发
command-broadcast = 群发通知(工作人员)
command-notices = 通知订阅设置
broadcast-compose = 请发送要群发的通知内容。文字格式(加粗、链接等)会原样保留,也可以发送一张图片或一个文件并附上说明。
broadcast-use-buttons = 请使用上方的按钮继续,或点击“取消”。
broadcast-unsupported = 通知只能是文字、图片或文件。
broadcast-too-long = 内容太长了,最多 { $max } 字(带图片或文件时说明最多 1024 字)。
broadcast-preview-intro = 预览(群众收到的样子):
broadcast-choose-audience = 发给谁?
broadcast-audience-all_citizens = 全体群众
broadcast-audience-district_citizens = 某选区的群众
broadcast-audience-district_subscribers = 某选区的通知订阅者
broadcast-audience-representatives = 人大代表
broadcast-audience-staff = 联络站工作人员
broadcast-choose-district = 请选择选区(包含其下所有选区):
broadcast-pick-district = 就发给“{ $name }”
broadcast-everywhere = 所有选区
broadcast-out-of-scope = 您只能向自己负责区域内的选区群发。
broadcast-choose-when = 什么时候发送?
broadcast-send-now = 立即发送
broadcast-send-later = 定时发送
broadcast-ask-time = 请输入发送时间,例如 { $example }:
broadcast-bad-time = 无法识别这个时间,或时间已过。请按 { $example } 的格式输入将来的时间。
broadcast-now = 立即
broadcast-confirm =
    <b>请确认群发</b>
    对象:{ $audience }
    范围:{ $district }
    人数:{ $count } 人(不含已退订或已停用的用户)
    时间:{ $when }
broadcast-confirm-button = 确认发送
broadcast-discarded = 已取消,没有发送任何通知。
broadcast-started = 群发 #{ $id } 已开始,发送进度会显示在下面。
broadcast-scheduled = 群发 #{ $id } 将于 { $when } 发送。
broadcast-cancel-button = 停止群发
broadcast-cancelled = 群发 #{ $id } 已停止,尚未发出的不会再发送。
broadcast-already-ended = 这次群发已经结束,无法停止。
broadcast-progress-running =
    群发 #{ $id } 发送中
    { $bar }
    已送达 { $sent } / { $total },已屏蔽 { $blocked },失败 { $failed }
broadcast-progress-done =
    ✅ 群发 #{ $id } 已完成
    { $bar }
    送达 { $sent } / { $total },已屏蔽机器人 { $blocked },失败 { $failed },跳过 { $skipped }
broadcast-progress-cancelled =
    ⏹ 群发 #{ $id } 已停止
    送达 { $sent } / { $total },已屏蔽机器人 { $blocked },失败 { $failed },未发送 { $skipped }
notices-stop-button = 不再接收此类通知
notices-status-on = 您会收到联络站的活动通知。以下是您订阅的选区,点击可开关:
notices-status-off = 您已关闭所有活动通知。需要时可以重新开启。
notices-turn-off = 关闭所有通知
notices-turn-on = 重新开启通知
notices-stopped = 已为您关闭通知。
notices-resumed = 已重新开启通知。

## 错误
error-internal = 抱歉,处理您的消息时出错了,请稍后再试。
error-stale-button = 这个按钮已失效,请重新打开菜单。
error-unknown-command = 没有这个命令。发送 /help 查看可用的命令。
error-unsupported-message = 暂不支持这种消息。可以发送文字、照片、文件或语音。
error-file-too-large = 文件太大,最大 { $mb } MB。
moderation-banned = 您的账号已被停止使用本服务,如有疑问请联系联络站。

## Reminders and digests
delivery-resent-note = 🔁 <i>重发:网络异常,此消息可能已送达,如已收到请忽略。</i>
reminder-unaccepted = ⏰ <b>提醒</b>:诉求 <b>{ $caseNo }</b> 提交已超过 { $hours } 小时,仍未受理,请及时认领办理。
escalation-case-amber = 🟡 <b>督办提醒(黄色)</b>:{ $district } 的诉求 <b>{ $caseNo }</b> 将于 { $time } 到期,尚未办结。
escalation-case-red = 🔴 <b>督办(红色)</b>:{ $district } 的诉求 <b>{ $caseNo }</b> 已于 { $time } 超期,仍未办结。
escalation-referral-amber = 🟡 <b>督办提醒(黄色)</b>:{ $district } 的诉求 <b>{ $caseNo }</b> 已转办至 { $department },办理期限 { $time } 临近。
escalation-referral-red = 🔴 <b>督办(红色)</b>:{ $district } 的诉求 <b>{ $caseNo }</b> 转办至 { $department },已于 { $time } 超过办理期限,尚未答复。
digest-title = 📋 <b>每日待办汇总({ $date })</b>
digest-new-cases = 待受理:{ $count } 件
digest-assigned-cases = 您正在办理:{ $count } 件
digest-overdue-cases = 已超期:{ $count } 件
digest-overdue-referrals = 转办超期未答复:{ $count } 件
digest-open-inbox = 发送 /inbox 查看并处理。
follow-up-rate = 您反映的诉求 <b>{ $caseNo }</b> 已于 { $time } 办结。您对办理结果满意吗?请点击下方按钮评价:

## Activities
command-activities = 近期活动(接待日等)
command-deputies = 本选区人大代表和联络站
command-activity_new = 新建活动(工作人员、代表)
command-activities_manage = 管理活动(工作人员、代表)
activity-kind-reception = 接待日
activity-kind-visit = 代表走访
activity-kind-hearing = 听证会
activity-kind-other = 其他活动
activity-status-draft = 草稿
activity-status-pending_approval = 待审核
activity-status-approved = 已批准,待发布
activity-status-published = 已发布
activity-status-cancelled = 已取消
activity-status-rejected = 未通过审核
activity-status-done = 已结束
activity-list-separator = 、
activity-card-kind = 类型:{ $kind }
activity-card-time = 时间:{ $time }
activity-card-place = 地点:{ $place }
activity-card-station = 联络站:{ $station }
activity-card-district = 选区:{ $district }
activity-card-deputies = 值班代表:{ $deputies }
activity-card-capacity = 名额:{ $capacity } 人
activity-card-places-left = 名额:{ $capacity } 人,尚余 { $left } 个
activity-card-going = 已报名:{ $going } 人
activity-notice-header = 📢 <b>活动通知</b>
activity-button-going = ✋ 我会参加
activity-button-withdraw = 取消报名
activity-button-concern-instead = 去不了,改为在线反映问题
activity-button-ics = 📅 加入日历(.ics)
activity-rsvp-going = ✅ 已为您报名 <b>{ $title }</b>({ $time })。活动开始前 24 小时和 2 小时会提醒您。目前已报名 { $going } 人。
activity-rsvp-withdrawn = 已取消您对 <b>{ $title }</b> 的报名。
activity-full = 名额已满,无法报名。您可以点击“去不了,改为在线反映问题”,直接向代表反映。
activity-closed = 该活动已开始、已结束或已取消,不能再报名。
activity-not-found = 找不到这个活动,或您无权查看。
activity-concern-instead = 没关系。您可以直接在这里向本选区人大代表反映问题(与 <b>{ $title }</b> 有关的或其他事项)。
activity-ics-caption = { $title }:日历文件,打开即可加入手机日历。
activity-reminder-24h = ⏰ 提醒:您报名的 <b>{ $title }</b> 将在 24 小时后开始。
activity-reminder-2h = ⏰ 提醒:您报名的 <b>{ $title }</b> 将在 2 小时后开始。
activity-need-district = 请先选择您所在的选区,才能查看本选区的活动。
activity-list-empty = <b>{ $district }</b> 近期没有已发布的活动。
activity-list-title = <b>{ $district }</b> 近期活动共 { $total } 个:
activity-list-more = 另有 { $count } 个较晚的活动,临近时再发送 /activities 查看。
activity-not-allowed = 只有联络站工作人员和人大代表可以发起和管理活动。
activity-new-kind = 新建活动。请选择活动类型:
activity-new-kind-chosen = 活动类型:{ $kind }
activity-new-title = 请输入活动标题(例如“东门社区代表接待日”):
activity-too-long = 内容太长了,最多 { $max } 字。
activity-new-time = 请输入活动时间,例如 { $example },也可以加上结束时间,例如 { $example }-11:00。
activity-time-invalid = 无法识别这个时间。请按 { $example } 的格式输入,也可以加上结束时间,例如 { $example }-11:00。
activity-time-past = 这个时间已经过去了,请输入将来的时间,例如 { $example }。
activity-time-too-far = 只能安排一年以内的活动,请重新输入,例如 { $example }。
activity-time-end-before-start = 结束时间要晚于开始时间,请重新输入,例如 { $example }-11:00。
activity-new-place = 时间:{ $time }。请输入活动地点:
activity-new-district = 请选择活动所在的选区:
activity-new-district-chosen = 选区:<b>{ $district }</b>
activity-new-deputies = 请选择 <b>{ $district }</b> 的值班代表(可多选),选好后点击“选好了”:
activity-new-deputies-none = <b>{ $district }</b> 暂未登记人大代表,请直接点击“选好了”。
activity-button-deputies-done = 选好了
activity-new-capacity = 如需限制人数,请输入名额(数字);不限人数请点击“不限名额”。
activity-button-no-limit = 不限名额
activity-capacity-invalid = 请输入 1 到 { $max } 之间的整数,或点击“不限名额”。
activity-use-buttons = 请使用上方的按钮继续,或点击“取消”。
activity-need-text = 请用文字回复。
activity-confirm-title = <b>请确认活动信息</b>
activity-confirm-needs-approval = 提交后需经联络站工作人员审核,审核通过后才会发布活动通知。
activity-button-create = 创建活动
activity-button-submit = 提交审核
activity-draft-cancelled = 已取消,未创建活动。
activity-created = ✅ 活动 <b>{ $title }</b> 已创建,将于 { $time } 向订阅本选区活动通知的群众发布。
activity-created-now = ✅ 活动 <b>{ $title }</b> 已创建,活动通知正在发送给订阅本选区活动通知的群众。
activity-proposed = 📝 活动 <b>{ $title }</b> 已提交,等待联络站工作人员审核,审核结果会通知您。
activity-proposed-no-approvers = 📝 活动 <b>{ $title }</b> 已提交,但暂无可以审核的工作人员,请联系联络站。
activity-approval-request = 📝 { $name } 提交了一项活动,请审核:
activity-button-approve = ✅ 批准
activity-button-reject = ❌ 不批准
activity-not-in-scope = 该活动所在选区不在您的管理范围内。
activity-already-decided = 该活动已经处理过了,当前状态:{ $status }。
activity-already-started = 该活动的时间已过,不能再批准。
activity-approved-toast = 已批准
activity-rejected-toast = 已退回
activity-approved-notice = ✅ 您提交的活动 <b>{ $title }</b> 已通过审核,将于 { $time } 发布活动通知。
activity-approved-published = ✅ 您提交的活动 <b>{ $title }</b> 已通过审核,活动通知已经发布。
activity-rejected-notice = ❌ 您提交的活动 <b>{ $title }</b> 未通过审核。如有疑问,请联系联络站工作人员。
activity-cancelled-notice = ⚠️ 您报名的活动 <b>{ $title }</b>({ $time })已取消。给您带来不便,敬请谅解。
activity-manage-empty = 您管理的选区近期没有活动。发送 /activity_new 新建活动。
activity-manage-title = 近期活动和待审核的活动共 { $count } 个,点击查看:
activity-record-status = 状态:{ $status }
activity-record-created-by = 发起人:{ $name }
activity-record-publish-at = 发布通知时间:{ $time }
activity-record-attendance = 实到人数:{ $count } 人
activity-record-notes = 活动记录:{ $notes }
activity-record-concerns-title = 现场收集的诉求:
activity-record-concern = • { $caseNo }({ $status })
activity-button-attendance = 登记实到人数
activity-button-notes = 填写活动记录
activity-button-link = 关联现场诉求
activity-button-cancel-activity = 取消活动
activity-cancel-confirm = 确定要取消活动 <b>{ $title }</b> 吗?已报名的群众会收到通知。
activity-button-cancel-confirm = 确定取消活动
activity-cancelled = 活动 <b>{ $title }</b> 已取消。
activity-action-not-allowed = 活动当前状态为“{ $status }”,不能进行这项操作。
activity-record-not-yet = 活动开始后才能登记实到人数、活动记录和现场诉求。
activity-ask-attendance = 请输入 <b>{ $title }</b> 的实到人数(数字):
activity-ask-notes = 请输入 <b>{ $title }</b> 的活动记录(收集的意见、现场答复情况等):
activity-ask-link = 请输入在 <b>{ $title }</b> 现场反映的诉求编号,多个编号用逗号或空格分开,例如 2026-00012, 2026-00013:
activity-attendance-invalid = 请输入一个整数,例如 25。
activity-attendance-saved = 已登记实到人数:{ $count } 人。
activity-notes-saved = 活动记录已保存。
activity-link-none = 没有找到诉求编号,编号的格式是 2026-00012。
activity-link-linked = 已关联:{ $cases }
activity-link-not-found = 没有这些编号的诉求:{ $cases }
activity-link-outside = 不属于本活动的选区,未关联:{ $cases }
deputies-need-district = 请先选择您所在的选区,才能查看本选区的人大代表。
deputies-title = <b>{ $district }的人大代表和联络站</b>
deputies-none = 本选区暂未登记人大代表。
deputies-station = 🏛 <b>{ $station }</b>
deputies-address = 地址:{ $address }
deputies-reception = 接待日:{ $reception }
deputies-phone = 电话:{ $phone }
deputies-list = 进站代表:{ $deputies }
deputies-station-none = 进站代表:暂未登记
deputies-deputy = { $name }({ $district })
deputies-without-station = 其他代表:{ $deputies }
deputies-hint = 发送 /new 向代表反映问题,发送 /activities 查看近期接待日和活动。

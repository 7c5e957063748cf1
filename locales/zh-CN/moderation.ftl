## 管理:禁言、屏蔽、待审核诉求
moderation-held-muted =
    已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    您的账号目前需要审核:这件诉求经联络站工作人员审核后才会转交代表,审核结果会通知您。
moderation-held-flood =
    已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    由于短时间内提交了多件诉求或内容重复,这件诉求需经联络站工作人员审核后才会转交代表,审核结果会通知您。
moderation-not-allowed = 只有联络站工作人员和管理员可以在其负责的范围内进行管理操作。
moderation-queue-empty = 目前没有待审核的诉求。
moderation-queue-count = 待审核 { $total } 件,已显示 { $shown } 件。
moderation-held-case =
    <b>待审核:{ $caseNo }</b>
    原因:{ $reason } · { $time }
    { $text }
moderation-reason-muted = 反映人已被禁言
moderation-reason-flood_rate = 一小时内提交过多
moderation-reason-flood_repeat = 与刚提交的内容几乎相同
button-moderation-release = ✅ 转交代表
button-moderation-reject = ⛔ 不予处理
button-moderation-who = 👤 反映人与管理记录
button-moderation-more = 显示更多
button-moderation-mute = 🔇 禁言(新诉求需审核)
button-moderation-block = 🚫 屏蔽(不再接收消息)
button-moderation-undo = ↩️ 撤销{ $kind }
moderation-kind-mute = 禁言
moderation-kind-block = 屏蔽
moderation-record-title = <b>诉求 { $caseNo } 的反映人:{ $citizen }</b>
moderation-state-none = 当前状态:正常
moderation-state-muted = 当前状态:禁言中(新诉求需审核)
moderation-state-blocked = 当前状态:已屏蔽
moderation-record-line = · { $time } { $kind }
moderation-record-undone = · { $time } { $kind }(已于 { $undone } 撤销)
moderation-usage = 用法:/moderation 诉求编号,例如 /moderation 2026-00012(须在您负责的范围内)。
moderation-applied-mute = 🔇 已禁言诉求 <b>{ $caseNo }</b> 的反映人:其新诉求将进入待审核队列。可随时撤销。
moderation-applied-block = 🚫 已屏蔽诉求 <b>{ $caseNo }</b> 的反映人:其消息将被忽略,并会收到一次通知。可随时撤销。
moderation-undone = ↩️ 已撤销{ $kind }。
moderation-already-undone = 这项操作已经撤销过了。
moderation-only-citizens = 只能对群众账号禁言或屏蔽。
moderation-not-held = 这件诉求已不在待审核队列中。
moderation-released = ✅ 诉求 <b>{ $caseNo }</b> 已转交代表。
moderation-reject-ask = 请说明不予处理诉求 <b>{ $caseNo }</b> 的原因(会告知反映人):
moderation-rejected = ⛔ 诉求 <b>{ $caseNo }</b> 已不予处理,已告知反映人。

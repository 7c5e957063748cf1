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
escalations-amber-title = 🟡 <b>督办提醒(黄色)</b>:以下 { $count } 件诉求临近办理期限,尚未办结:
escalations-red-title = 🔴 <b>督办(红色)</b>:以下 { $count } 件诉求已超过办理期限,仍未办结:
escalations-case-amber = <b>{ $caseNo }</b> · { $district } · { $time } 到期
escalations-case-red = <b>{ $caseNo }</b> · { $district } · { $days ->
    [0] 已于 { $time } 超期
   *[other] 超期 { $days } 天
}
escalations-referral-amber = <b>{ $caseNo }</b> · { $district } · 已转办至 { $department },办理期限 { $time }
escalations-referral-red = <b>{ $caseNo }</b> · { $district } · 转办至 { $department },{ $days ->
    [0] 已于 { $time } 超过办理期限
   *[other] 超过办理期限 { $days } 天
},尚未答复
escalations-continued = 第 { $part }/{ $parts } 条
escalations-open = 点击下方编号打开诉求。

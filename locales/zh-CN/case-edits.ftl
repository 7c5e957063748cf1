## 群众修改、撤回和重新办理自己的诉求
amend-draft-updated = ✏️ 已按您修改后的消息更新草稿:{ $chars } 字,{ $files } 个附件。
amend-added = ✏️ 您修改的内容已作为补充添加到诉求 <b>{ $caseNo }</b>,并转告代表。
amend-case-closed = 诉求 <b>{ $caseNo }</b> 当前状态为“{ $status }”,修改的内容没有添加。如需继续反映,请发送 /new。
amend-timeline = 修改补充:{ $text }
amend-notify-handlers =
    ✏️ 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })修改了描述,补充如下:
    { $text }
button-withdraw = 撤回诉求
button-reopen = 重新办理
withdraw-ask-reason = 请说明撤回诉求 <b>{ $caseNo }</b> 的原因(例如问题已自行解决):
withdraw-done = 诉求 <b>{ $caseNo }</b> 已撤回,已告知代表。
withdraw-notify-handlers =
    ↩️ 诉求 <b>{ $caseNo }</b> 已由反映人({ $citizen })撤回。
    原因:{ $text }
withdraw-notify-deleted = ↩️ 诉求 <b>{ $caseNo }</b> 的反映人注销了账号,诉求已撤回并关闭。
reopen-ask-reason = 请说明诉求 <b>{ $caseNo }</b> 需要重新办理的原因:
reopen-done = 诉求 <b>{ $caseNo }</b> 已重新进入办理,已告知代表。
reopen-too-late =
    诉求 <b>{ $caseNo }</b> 已于 { $closed } 办结,超过 { $days } 天,不能再重新办理。
    如果问题仍然存在,请发送 /new 作为新诉求反映。
reopen-too-late-short = 办结超过 { $days } 天的诉求不能再重新办理。如果问题仍然存在,请发送 /new 作为新诉求反映。
reopen-notify-handlers =
    🔁 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })要求重新办理。
    原因:{ $text }

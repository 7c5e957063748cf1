# The referral loop (交办/转办 → 签收 → 答复 → 审核 → 评价) and its supervision (督办).
button-refer = 转办
referral-status-sent = 待签收
referral-status-acknowledged = 已签收
referral-status-returned = 已退回
referral-status-rerouted = 已改派
referral-status-answered = 已答复(待审核)
referral-status-rework = 重办
referral-status-accepted = 已审核(待代表评价)
referral-status-closed = 已办结
referral-status-withdrawn = 已撤回

referral-card-title = 📮 交办件 <b>{ $caseNo }</b> · { $department } · { $status }
referral-card-deadline = 答复期限:{ $time }
referral-card-acknowledge-by = 签收期限:{ $time }
referral-card-citizen-hidden = 群众:未同意向承办部门提供个人信息
referral-card-note = 交办说明:{ $note }
referral-card-returned = 退回理由:{ $reason } { $note }
referral-card-suggested = 建议改交:{ $department }
referral-card-rework-review = 审核意见(需重新答复):{ $note }
referral-card-rework-unsatisfied_deputy = 代表对答复不满意,需重新办理(重办)。
referral-card-rework-unsatisfied_citizen = 群众对办理结果不满意,需重新办理(重办)。
referral-card-rework-promise_due = 承诺办结日期已到,请再次答复。
referral-card-answer = 答复({ $answerClass }):{ $text }
    联系人:{ $contact }
referral-card-promised = 承诺办结日期:{ $time }
referral-card-extension = 申请延期至 { $time },理由:{ $reason }

referral-return-reason-not_our_remit = 不属于本单位职责
referral-return-reason-wrong_area = 不属于本辖区
referral-return-reason-unclear_ownership = 职责不清
referral-return-reason-information_missing = 信息不全

referral-class-A = A 已解决
referral-class-B = B 正在解决
referral-class-C = C 列入计划
referral-class-D = D 留作参考

referral-button-acknowledge = 签收
referral-button-answer = 答复
referral-button-return = 退回
referral-button-extension = 申请延期
referral-button-reroute-suggested = 改派到建议的部门
referral-button-reroute = 改派其他部门
referral-button-refuse-return = 不同意退回
referral-button-review-accept = 审核通过
referral-button-review-rework = 退回重办
referral-button-extension-approve = 同意延期
referral-button-extension-refuse = 不同意延期
referral-button-no-department = 无法确定
referral-button-share-contact = 同意提供我的联系方式
referral-button-withdraw = 撤回交办
referral-ask-withdraw-reason = 请输入撤回这件交办件的原因(会告知承办部门):
referral-withdrawn-done = 交办件已撤回,已告知承办部门。
case-referral-row = 📮 { $department } · { $status }
referral-button-note = 📝 内部备注
referral-ask-note = 请输入内部备注(仅承办部门、代表和工作人员可见,绝不会发给群众):
referral-note-saved = 内部备注已保存。
referral-card-notes = 🔒 内部备注(不会发给群众):
referral-card-note-line = · { $who }:{ $text }

referral-error-invalid_transition = 该交办件当前为“{ $status }”,不能进行这个操作。
referral-error-forbidden = 您无权对该交办件进行这个操作。
referral-error-unknown_choice = 这个选项无效,请重新选择。
referral-error-missing_text = 缺少必填内容(例如退回理由),未作任何更改。
referral-error-text_too_long = 内容太长,最多 { $max } 个字。
referral-error-suggested_department_required = 以“不属于本单位职责”或“不属于本辖区”退回时,请选择应当承办的部门。
referral-error-same_department = 不能选择本部门。
referral-error-promised_date_required = B、C 类答复需要填写承诺办结日期。
referral-error-promised_date_not_allowed = A、D 类答复不需要承诺日期。
referral-error-date_not_in_future = 日期 { $date } 不在今天之后,请输入以后的日期(格式 2026-12-31)。
referral-error-invalid_date = “{ $date }”不是有效日期,请按 2026-12-31 的格式输入。
referral-error-extension_not_later = 延期后的日期必须晚于现在的答复期限。
referral-error-extension_pending = 已有一个延期申请在等待审批。
referral-error-no_pending_extension = 没有待审批的延期申请。
referral-error-duplicate = 这条诉求已经交办给该部门,正在办理中。
referral-error-case_not_open = 这条诉求已经办结,不能再交办。
referral-error-promise_not_due = 承诺日期还没有到。
referral-error-unknown_department = 没有这个部门,请重新选择。
referral-error-not_found = 找不到这个交办件,或者您无权查看。
referral-error-changed_meanwhile = 该交办件刚刚被其他人处理过,请重新打开查看。
referral-error-no_department = 请至少选择一个部门。

referral-acknowledged-toast = 已签收
referral-returned-toast = 已退回,联络站将改派
referral-extension-approved-toast = 已同意延期
referral-extension-refused-toast = 已不同意延期
referral-review-accepted-toast = 答复已审核通过
referral-rerouted-toast = 已改派
referral-return-refused-toast = 已退回原部门继续办理
referral-rated-toast = 评价已记录
referral-ask-unsatisfied-reason = 请输入对答复不满意的原因(会告知承办部门,交办件将重办):
referral-rated-unsatisfied-done = 已记录不满意,交办件已退回部门重办。

referral-ask-return-reason = 请选择退回理由:
referral-ask-return-department = 请选择应当承办的部门:
referral-ask-return-department-optional = 如果知道应当承办的部门,请选择;否则点“无法确定”:
referral-ask-extension-reason = 请输入申请延期的理由:
referral-ask-extension-date = 请输入希望延期到的日期(格式 2026-12-31):
referral-ask-answer-class = 请选择答复类别:
referral-ask-answer-text = 请输入办理情况(做了什么、结果如何):
referral-ask-answer-contact = 请输入联系人(姓名和电话):
referral-ask-answer-date = 请输入承诺办结日期(格式 2026-12-31),到期后将再次询问办理情况:
referral-ask-rework-reason = 请输入退回重办的理由:
referral-ask-reroute-department = 请选择改派的部门:
referral-extension-requested = 延期申请已提交,等待联络站审批。
referral-answered = 答复已提交,等待联络站审核。
referral-rework-sent = 已退回部门重新答复。

referrals-not-department = 您不是任何职能部门的联系人。
referrals-empty = 本部门目前没有待办的交办件。
referrals-title = 本部门待办的交办件共 { $total } 件:

refer-choose-departments = 将诉求 <b>{ $caseNo }</b> 交办给哪些部门?(可多选)
refer-button-next = 下一步
refer-ask-deadline = 默认答复期限:{ $deadline }({ $days } 个工作日)。
refer-button-default-deadline = 使用默认期限
refer-button-other-deadline = 另定日期
refer-ask-deadline-date = 请输入答复期限(格式 2026-12-31):
refer-ask-note = 请输入给部门的交办说明(可选):
refer-button-no-note = 不需要说明
refer-no-note = (无)
refer-confirm = 确认交办?
    部门:{ $departments }
    答复期限:{ $deadline }
    说明:{ $note }
refer-button-confirm = 确认交办
refer-done = 诉求 <b>{ $caseNo }</b> 已交办给 { $departments },答复期限 { $deadline }。
refer-use-buttons = 请使用上面的按钮。

referral-notify-new = 📮 新的交办件,请及时签收。
referral-notify-returned = ↩️ { $department } 退回了交办件 <b>{ $caseNo }</b>,请在一个工作日内改派。
referral-notify-returned-escalated = ⚠️ 交办件 <b>{ $caseNo }</b> 已被退回两次以上,请协调承办部门。
referral-notify-return-refused = 联络站不同意退回,请继续办理交办件 <b>{ $caseNo }</b>。{ $text }
referral-notify-extension-requested = ⏳ { $department } 申请延期交办件 <b>{ $caseNo }</b>,请审批。
referral-notify-extension-decided = 交办件 <b>{ $caseNo }</b> 的延期申请已审批。{ $text }
referral-notify-extension-approved = ✅ 交办件 <b>{ $caseNo }</b> 的延期申请已获同意。{ $text }
referral-notify-extension-refused = ❌ 交办件 <b>{ $caseNo }</b> 的延期申请未获同意,请按原期限答复。{ $text }
referral-notify-answered = 📝 { $department } 答复了交办件 <b>{ $caseNo }</b>,请审核。
referral-notify-rework =
    🔁 交办件 <b>{ $caseNo }</b> 的答复被退回重办:{ $text }
    答复期限:{ $deadline }
referral-notify-review-accepted = 📝 { $department } 对诉求 <b>{ $caseNo }</b> 的答复已通过审核,请评价。
referral-notify-reopened-review =
    🔁 交办件 <b>{ $caseNo }</b> 需要重新答复。
    答复期限:{ $deadline }
referral-notify-reopened-unsatisfied_deputy =
    🔁 代表对交办件 <b>{ $caseNo }</b> 的答复不满意,请重新办理(重办)。
    答复期限:{ $deadline }
referral-notify-reopened-unsatisfied_citizen =
    🔁 群众对诉求 <b>{ $caseNo }</b> 的办理结果不满意,请重新办理(重办)。
    答复期限:{ $deadline }
referral-notify-reopened-promise_due =
    ⏰ 交办件 <b>{ $caseNo }</b> 的承诺办结日期已到,请再次答复办理情况。
    答复期限:{ $deadline }
referral-notify-withdrawn = ↩️ 交办件 <b>{ $caseNo }</b> 已撤回,无需继续办理。撤回原因:{ $text }
referral-notify-note = 📝 交办件 <b>{ $caseNo }</b> 有新的内部备注:{ $text }
referral-notify-update = 交办件 <b>{ $caseNo }</b> 有新的进展。
referral-notify-citizen-referred = 您的诉求 <b>{ $caseNo }</b> 已转交 { $departments } 办理,办理结果会通过这里告诉您。
referral-notify-citizen-extension = 您的诉求 <b>{ $caseNo }</b> 的办理期限已延长至 { $deadline },原因:{ $reason }
referral-share-contact-offer = 如果您愿意让承办部门直接联系您,请点下面的按钮;不点则部门看不到您的姓名。
referral-share-contact-done = 已同意,承办部门可以看到您的姓名和联系方式。

supervision-acknowledge_reminder = ⏰ 交办件 <b>{ $caseNo }</b> 已超过签收期限,请尽快签收。
supervision-reminder = ⏰ 交办件 <b>{ $caseNo }</b> 的答复期限 { $deadline } 只剩一个工作日。
supervision-amber = 🟡 督办:{ $department } 未在期限 { $deadline } 前答复交办件 <b>{ $caseNo }</b>。
supervision-red = 🔴 督办:{ $department } 答复交办件 <b>{ $caseNo }</b> 已超期五个工作日(期限 { $deadline })。
supervision-reroute_reminder = 🟡 督办:退回的交办件 <b>{ $caseNo }</b> 超过一个工作日仍未改派(已同时报上级工作人员),请尽快改派。
supervision-promise_due = ⏰ 交办件 <b>{ $caseNo }</b> 的承诺办结日期已到,请再次答复办理情况。

timeline-role-department = 承办部门
timeline-kind-referral_sent = 交办
timeline-kind-referral_acknowledged = 签收
timeline-kind-referral_returned = 退回
timeline-kind-referral_return_refused = 不同意退回
timeline-kind-referral_rerouted = 改派
timeline-kind-referral_extension_requested = 申请延期
timeline-kind-referral_extension_decided = 延期审批
timeline-kind-referral_answered = 答复
timeline-kind-referral_reviewed = 审核答复
timeline-kind-referral_rated = 代表评价答复
timeline-kind-referral_reopened = 重办
timeline-kind-referral_withdrawn = 撤回交办
timeline-kind-supervision = 督办
button-clock-pause = 等待群众补充
button-clock-resume = 继续计时
case-clock-paused = 诉求 { $caseNo } 正在等待群众补充,交办期限暂停计算。
case-clock-resumed = 诉求 { $caseNo } 恢复计时,交办期限已顺延。
case-clock-not-paused = 只有已转办、未暂停的诉求才能暂停计时。
case-clock-not-resumed = 这条诉求没有暂停计时。
supervisions-amber-title = 🟡 <b>督办</b>:以下 { $count } 件交办件未在期限前答复:
supervisions-red-title = 🔴 <b>督办</b>:以下 { $count } 件交办件的答复已超期五个工作日:
supervisions-line = <b>{ $caseNo }</b> · { $district } · { $department } · 期限 { $deadline }

# The citizen's outcome from the departments' answers: one line per department.
referral-outcome-line = { $department }:{ $answer }
referral-outcome-contact = ({ $contact })
timeline-referral-department = ({ $department })
timeline-reopen-unsatisfied_deputy = 代表对答复不满意
timeline-reopen-unsatisfied_citizen = 群众对结果不满意
timeline-reopen-promise_due = 承诺办结日期已到
timeline-extension-approved = 同意延期
timeline-extension-refused = 不同意延期
timeline-supervision-step = { $step ->
    [acknowledge_reminder] 催签收
    [reminder] 答复期限前提醒
    [amber] 超期督办(黄牌)
    [red] 超期五个工作日督办(红牌)
    [reroute_reminder] 催改派
    [promise_due] 承诺日期到期提醒
   *[other] 督办提醒
}

## 分诊台:分类、紧急程度、指派、并案、内部备注
button-triage = 分诊
triage-card-urgent = ⚡ <b>紧急</b>
triage-card-assignee = 承办人:{ $name }
triage-nobody = 未指派
priority-normal = 一般
priority-urgent = 紧急
triage-menu-title = <b>分诊 · 诉求 { $caseNo }</b>
triage-menu-priority = 紧急程度:{ $priority }
triage-button-category = 设置类别
triage-button-urgent = 设为紧急
triage-button-normal = 设为一般
triage-button-claim = 认领
triage-button-assign = 指派代表
triage-button-reassign = 改派代表
triage-button-merge = 并案
triage-button-note = 内部备注
triage-pick-category = 请选择诉求 <b>{ $caseNo }</b> 的类别:
triage-pick-deputy = 请选择承办诉求 <b>{ $caseNo }</b> 的本选区代表:
triage-no-deputies = 诉求 <b>{ $caseNo }</b> 所在选区目前没有可指派的代表。
triage-done = 已更新
triage-unchanged = 没有变化
triage-claimed = 您已认领 { $caseNo }
triage-assigned = 已指派 { $caseNo }
triage-refused-out_of_scope = 该诉求不在您负责的范围内。
triage-refused-staff_only = 只有联络站工作人员可以指派或改派。
triage-refused-not_open = 该诉求已不在办理中,不能进行此操作。
triage-refused-not_a_deputy = 只能指派给该诉求所在选区的代表。
triage-refused-already_assigned = 该诉求已由此人承办。
triage-refused-assigned_to_other = 该诉求已有承办人;如需改派,请联系联络站工作人员。
triage-refused-unknown_category = 没有这个类别,请重新选择。
triage-notify-assigned = 📌 诉求 <b>{ $caseNo }</b> 已由 { $name } 指派给您承办。
triage-notify-unassigned = 诉求 <b>{ $caseNo }</b> 已由 { $name } 改派给其他代表承办,您不再负责这件诉求。
triage-notify-note =
    🔒 诉求 <b>{ $caseNo }</b> 有新的内部备注({ $name }):

    { $text }
triage-notify-merged = 🔗 您的诉求 <b>{ $caseNo }</b> 与反映同一问题的诉求并案办理。办理结果会单独告知您,您仍可对自己的诉求进行评价。
triage-notify-merged-cosigner = 🔗 您附议的诉求 <b>{ $caseNo }</b> 与反映同一问题的诉求并案办理,办理结果会告知您。
case-merged-duplicates = 🔗 并入本案的诉求({ $count } 件):{ $cases }
## 并案
merge-ask-main = 请输入要将诉求 <b>{ $caseNo }</b> 并入的主案编号(例如 2026-00042):
merge-not-a-number = 这不是诉求编号,请输入类似 2026-00042 的编号。
merge-main-not-found = 找不到这个编号的诉求,或您无权查看。请重新输入。
merge-confirm =
    确认将诉求 <b>{ $caseNo }</b> 并入主案 <b>{ $mainNo }</b>?
    主案内容:{ $main }

    并案后,该诉求保留自己的编号、匿名设置和评价,办理结果会单独告知其反映人。
merge-button-confirm = 确认并案
merge-done = 诉求 <b>{ $caseNo }</b> 已并入 <b>{ $mainNo }</b>。
merge-refused-same_case = 不能将诉求并入它自己。
merge-refused-out_of_scope = 两条诉求须都在您负责的选区内,才能并案。
merge-refused-not_open = 只有办理中的诉求可以并案。
merge-refused-main_merged = 主案本身已并入其他诉求,请输入那条诉求的编号。
## 内部备注
note-ask = 请输入诉求 <b>{ $caseNo }</b> 的内部备注(只有代表、工作人员可见,绝不会发给群众):
note-saved = 内部备注已保存(诉求 <b>{ $caseNo }</b>)。
## 办理记录
timeline-assigned = 指派给 { $name }
timeline-categorized = 类别设为“{ $category }”
timeline-prioritized = 紧急程度设为“{ $priority }”
timeline-merged = 并入诉求 { $caseNo }
timeline-note = 🔒 内部备注:{ $text }
timeline-summary-merged = 已与反映同一问题的诉求并案办理
timeline-summary-clock_paused = 等待您补充说明
timeline-summary-clock_resumed = 已收到补充说明,继续办理
timeline-summary-referral_sent = 已转交有关部门办理
timeline-summary-referral_acknowledged = 有关部门已签收
timeline-summary-referral_extension_decided = 办理期限有调整
timeline-summary-referral_reopened = 重新办理中
timeline-summary-supervision = 督办中
timeline-handed-over = { $reason ->
        [suspended] { $former } 的身份已暂停
       *[removed] { $former } 不再担任此职
    },{ $to ->
        [nobody] 诉求暂无人接手,重新待分派
       *[other] 诉求移交给 { $heir }
    }
timeline-claimed = 认领
timeline-older-hidden = (较早的 { $count } 条记录未显示)

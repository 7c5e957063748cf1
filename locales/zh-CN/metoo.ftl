## “我也有这个问题”:提交前显示本选区相似的未办结诉求
metoo-title = 本选区已有 { $count } 件相似的诉求正在办理。如果其中有一件就是您要反映的问题,可以直接联名,不必重复提交:
metoo-case =
    { $n }. <b>{ $caseNo }</b> · { $status } · 联名 { $cosigners } 人
    { $summary }
metoo-hint = 联名后,该诉求的每一次进展和办理结果都会通知您,您也可以评价。
button-metoo-join = 🙋 第 { $n } 件也是我的问题
button-metoo-skip = 不是,继续提交我的诉求
metoo-joined =
    ✅ 您已联名诉求 <b>{ $caseNo }</b>(现有联名 { $cosigners } 人)。
    它的进展和办理结果都会通知您。您的描述没有另行提交。
metoo-own-case = 这是您自己提交的诉求,不需要联名。
cosign-card-count = 联名:{ $count } 人
cosign-notify-header = (您联名的诉求)
cosign-rating-thanks = 感谢您对诉求 <b>{ $caseNo }</b> 的评价:{ $rating }。
timeline-filer = 反映人

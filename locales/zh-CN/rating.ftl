## 评价
rating-satisfied = 满意
rating-basically_satisfied = 基本满意
rating-unsatisfied = 不满意
rating-thanks = 感谢您的评价(诉求 <b>{ $caseNo }</b>:{ $rating })。
rating-reopened = 很抱歉没有让您满意。诉求 <b>{ $caseNo }</b> 已重新进入办理,办理人员已收到您的评价。
rating-not-open = 这条诉求现在不能评价(可能已经评价过)。

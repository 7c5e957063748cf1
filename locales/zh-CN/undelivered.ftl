# 发给群众的消息未能送达时(src/domain/undelivered.ts)
notify-undelivered = ⚠️ 诉求 <b>{ $caseNo }</b>:您发给群众的消息未能送达({ $reason })。群众暂时无法通过本机器人联系,请通过其他方式联系或在案卷中记录。
undelivered-reason-blocked = 对方已屏蔽本机器人
undelivered-reason-account_gone = 对方的 Telegram 账号已注销或无法找到
undelivered-reason-rejected = Telegram 拒收了这条消息
undelivered-reason-failed = 多次重试后仍未发出
timeline-undelivered = 消息未能送达群众:{ $reason }
case-card-unreachable = ⚠️ 群众无法联系(自 { $since }):{ $reason }
notify-delivered = ✅ 诉求 <b>{ $caseNo }</b>:您的回复已送达群众。
notify-delivered-outcome = ✅ 诉求 <b>{ $caseNo }</b>:办理结果已送达群众,并已请其评价。
notify-delivered-declined = ✅ 诉求 <b>{ $caseNo }</b>:不予处理的理由已送达群众。
case-prompt-unreachable = ⚠️ 群众目前无法联系(自 { $since }):{ $reason }。您写的内容会记入诉求,但很可能无法送达群众,请考虑通过其他方式联系。

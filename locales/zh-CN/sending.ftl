# 发送暂停(Telegram 429)之后给管理员的报告
pause-report = ⚠️ Telegram 曾要求本机器人暂停发送约 { $minutes } 分钟(自 { $from } 至 { $until })。期间收到的诉求均已登记编号,暂停期间未发出的消息现已按顺序补发。如果经常出现,请减少群发或调低 SEND_RATE_PER_SECOND。

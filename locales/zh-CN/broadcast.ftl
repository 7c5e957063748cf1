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
broadcast-started = 群发 #{ $id } 已开始,发送进度会在这条消息里更新。
broadcast-scheduled = 群发 #{ $id } 将于 { $when } 发送。
broadcast-cancel-button = 停止群发
broadcast-cancelled = 群发 #{ $id } 已停止,尚未发出的不会再发送。
broadcast-already-ended = 这次群发已经结束,无法停止。
broadcast-stopped-unsent = ⏹ 群发 #{ $id } 已停止,没有发送任何通知。
broadcast-stopped-by = 停止人:{ $who },时间:{ $when }
broadcast-stopped-by-unknown = (未记录)
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
broadcasts-none = 目前没有您可以停止的定时或正在进行的群发。
broadcasts-title = 定时和正在进行的群发({ $count } 条),点按钮可停止:
broadcasts-item-scheduled = #{ $id } · 将于 { $when } 发送 · { $text }
broadcasts-item-sending = #{ $id } · 正在发送 · { $text }
broadcasts-stop = 停止 #{ $id }

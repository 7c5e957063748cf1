## 活动:立即发布、报名名单与导出
activity-button-publish-now = 📢 立即发布
activity-button-attendees = 👥 报名名单
activity-button-attendees-csv = 导出名单(CSV)
activity-published-now = 📢 <b>{ $title }</b> 已立即发布,正在通知订阅的群众。
activity-attendees-title = <b>{ $title }</b> 报名名单:{ $count } 人(名额 { $capacity })
activity-attendee-line = { $n }. { $name } { $username } · { $time }
activity-attendees-csv-caption = { $title } 报名名单,共 { $count } 人。
activity-csv-n = 序号
activity-csv-name = 姓名
activity-csv-username = 用户名
activity-csv-answered = 报名时间
activity-csv-attended = 是否到场
activity-csv-yes = 是
activity-csv-no = 否

## 办理记录
timeline-title = <b>办理记录</b>
timeline-you = 您
timeline-system = 系统
timeline-created = 反映了问题
timeline-status = 状态改为“{ $status }”
timeline-rating = 评价:{ $rating }

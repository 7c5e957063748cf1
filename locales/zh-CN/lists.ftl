## 列表
my-title = 您共反映了 { $total } 条诉求,点击查看详情:
my-empty = 您还没有反映过问题。发送 /new 开始反映。
inbox-title = 共有 { $total } 条待办诉求(按时间先后):
inbox-empty = 目前没有待办诉求。
inbox-not-handler = 只有人大代表和联络站工作人员可以查看待办诉求。

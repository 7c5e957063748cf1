## 诉求状态
status-new = 待受理
status-accepted = 办理中
status-referred = 已转办
status-resolved = 已办结(已解决)
status-unresolved = 已办结(未解决)
status-declined = 不予处理
status-merged = 已合并
status-reopened = 重新办理
status-held = 待审核
status-withdrawn = 已撤回

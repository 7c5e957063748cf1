## 待办诉求(/inbox):筛选、按村社区、分页、按编号查找
inbox-heading = <b>待办诉求 · { $filter }</b> · { $district }(共 { $total } 条)
inbox-page = 第 { $page }/{ $pages } 页 · 🟢 期限充裕 🟡 临近期限 🔴 已超期
inbox-row =
    { $mark } <b>{ $caseNo }</b>{ $urgent } · { $district } · { $status } · 期限 { $due }
    { $text }
inbox-row-urgent = { " " }⚡紧急
inbox-filter-all = 全部
inbox-filter-new = 新收到
inbox-filter-mine = 我承办的
inbox-filter-overdue = 已超期
inbox-filter-referred = 已转办
inbox-filter-review = 待我审核
inbox-all-districts = 全部选区
inbox-empty-filter = 没有符合条件的诉求。
inbox-button-villages = 🏘 按村社区
inbox-button-find = 🔎 按编号查找
inbox-pick-district = 请选择要查看的村(社区):
inbox-find-ask = 请输入诉求编号(例如 2026-00042):
inbox-find-not_number = 这不是诉求编号,请输入类似 2026-00042 的编号。
inbox-find-not_found = 找不到这个编号的诉求,或您无权查看。
prompt-what-find-case = 按编号查找诉求

## 统计:指标口径(每项指标的名称、计算公式、分母、排除项;凡显示指标之处都附口径)
stats-metric-received = 收到诉求
stats-metric-received-formula = 统计期内收到的诉求件数
stats-metric-received-denominator = 不适用(件数)
stats-metric-received-exclusions = 无;被合并的重复诉求也计入收到件数,但不计入各项比率
stats-metric-taken-on = 已受理
stats-metric-taken-on-formula = 代表、工作人员或部门已作出处理(受理、答复、转办、办结)的诉求件数
stats-metric-taken-on-denominator = 不适用(件数)
stats-metric-taken-on-exclusions = 只收到系统自动消息的诉求不算已受理
stats-metric-referred = 已转办
stats-metric-referred-formula = 至少转办(交办)给职能部门一次的诉求件数
stats-metric-referred-denominator = 不适用(件数)
stats-metric-referred-exclusions = 无
stats-metric-closed = 已办结
stats-metric-closed-formula = 当前状态为已办结(已解决、未解决)或不予处理的诉求件数
stats-metric-closed-denominator = 不适用(件数)
stats-metric-closed-exclusions = 重新办理中的诉求不算已办结
stats-metric-first-reply = 首次答复用时
stats-metric-first-reply-formula = 从收到诉求到代表、工作人员或部门第一次向群众发出文字(答复或办结说明)的时长;给出中位数和第90百分位(最近秩法)
stats-metric-first-reply-denominator = 已得到人工答复的诉求
stats-metric-first-reply-exclusions = 系统自动消息不算答复;尚未答复的诉求不计入
stats-metric-closed-rate = 办结率
stats-metric-closed-rate-formula = 已办结件数 ÷ 收到件数
stats-metric-closed-rate-denominator = 统计期内收到的诉求(不含被合并的重复诉求)
stats-metric-closed-rate-exclusions = 被合并的重复诉求
stats-metric-on-time-rate = 按时办结率
stats-metric-on-time-rate-formula = 在办理期限内办结的件数 ÷(已办结件数 + 已超过期限仍未办结的件数)
stats-metric-on-time-rate-denominator = 已办结或已到期的诉求
stats-metric-on-time-rate-exclusions = 尚未到期且未办结的诉求;被合并的重复诉求
stats-metric-resolved-rate = 解决率
stats-metric-resolved-rate-formula = 群众评价时办理结果为"已解决"的件数 ÷ 已评价件数
stats-metric-resolved-rate-denominator = 群众已评价的诉求(以最近一次评价为准)
stats-metric-resolved-rate-exclusions = 未评价的诉求
stats-metric-satisfaction-rate = 满意率
stats-metric-satisfaction-rate-formula = (满意 + 基本满意)÷ 已评价件数
stats-metric-satisfaction-rate-denominator = 群众已评价的诉求(以最近一次评价为准)
stats-metric-satisfaction-rate-exclusions = 未评价的诉求
stats-metric-dissatisfaction-rate = 不满意率
stats-metric-dissatisfaction-rate-formula = 不满意 ÷ 已评价件数
stats-metric-dissatisfaction-rate-denominator = 群众已评价的诉求(以最近一次评价为准)
stats-metric-dissatisfaction-rate-exclusions = 未评价的诉求
stats-metric-reopen-rate = 重办率
stats-metric-reopen-rate-formula = 重新办理过的件数 ÷ 办结过的件数
stats-metric-reopen-rate-denominator = 至少办结过一次的诉求(含后来重新办理的)
stats-metric-reopen-rate-exclusions = 从未办结的诉求
stats-metric-overdue-now = 当前超期
stats-metric-overdue-now-formula = 此刻仍未办结且已过办理期限的诉求件数
stats-metric-overdue-now-denominator = 不适用(件数)
stats-metric-overdue-now-exclusions = 不受统计期限制:所选范围内任何时间收到的诉求都计入;按月分组时只计入合计
stats-metric-activities-held = 开展活动
stats-metric-activities-held-formula = 统计期内已开展(已记录完成)的活动次数;代表本人统计其值班参加的活动
stats-metric-activities-held-denominator = 不适用(次数)
stats-metric-activities-held-exclusions = 未开展、已取消的活动
stats-metric-people-reached = 参与群众
stats-metric-people-reached-formula = 已开展活动登记的参加人数之和
stats-metric-people-reached-denominator = 不适用(人次)
stats-metric-people-reached-exclusions = 未登记参加人数的活动(另行注明次数)
stats-unit-cases = 件
stats-unit-activities = 次
stats-unit-people = 人次
stats-unit-percent = %
stats-unit-hours = 小时

## 统计:数值的写法
stats-rate = { $percent }%({ $numerator }/{ $denominator },95%区间 { $low }%–{ $high }%)
stats-rate-too-few = 样本过少,不作判断(n={ $denominator },少于 10)
stats-count = { $value } { $unit }
stats-duration = 中位数 { $median } 小时,第90百分位 { $p90 } 小时(n={ $count })
stats-duration-too-few = 样本过少,不作判断(n={ $count },少于 10)
stats-line = { $name }:{ $value }
stats-attendance-unrecorded = (另有 { $count } 次活动未登记人数)

## 统计:/stats
stats-not-allowed = 统计只对人大代表、联络站工作人员和管理员开放。
stats-denied-district-outside-scope = 这个区域不在您的统计范围内。
stats-denied-deputy-outside-scope = 这位代表不在您的统计范围内。
stats-denied-not-allowed = 您没有查看这些统计的权限。
stats-title = 📊 <b>统计 { $from } 至 { $to }</b>
stats-scope-line = 范围:{ $district } · { $category } · { $deputy }
stats-as-of = 数据截至 { $time }
stats-own-work = 本人经办
stats-all-districts = 全部区域
stats-all-categories = 全部类别
stats-all-deputies = 全部代表
stats-no-category = 未分类
stats-grouped-by = 按{ $grouping }:
stats-group-row = { $name }:收到 { $received } 件;办结率 { $closed };满意率 { $satisfied }
stats-groups-more = ……另有 { $count } 组,完整表格请下载 CSV 或 XLSX。
stats-ranking = { $metric }排名(仅在 95% 区间不重叠时才分先后):{ $places }
stats-ranking-place = { $name } 第{ $best }–{ $worst }名
stats-ranking-place-exact = { $name } 第{ $best }名
stats-definitions-title = <b>指标口径</b>
stats-definition = <b>{ $name }</b>:{ $formula }。分母:{ $denominator }。不含:{ $exclusions }。单位:{ $unit }。
stats-period-this-month = 本月
stats-period-last-month = 上月
stats-period-this-year = 今年
stats-period-custom = 自定义
stats-button-district = 区域:{ $name }
stats-button-category = 类别:{ $name }
stats-button-deputy = 代表:{ $name }
stats-button-grouping = 分组:{ $name }
stats-button-charts = 📈 图表
stats-button-csv = CSV
stats-button-xlsx = XLSX
stats-button-definitions = 📖 指标口径
stats-button-back = ↩ 返回统计
stats-button-all = 全部
stats-button-pick-this = 选择「{ $name }」
stats-grouping-none = 不分组
stats-grouping-category = 类别
stats-grouping-status = 状态
stats-grouping-month = 月份
stats-grouping-district = 区域
stats-choose-district = 选择区域(可进入下一级):
stats-choose-category = 选择类别:
stats-choose-deputy = 选择代表:
stats-choose-grouping = 选择分组方式:
stats-ask-range = 请发送起止日期,例如:2026-01-01 2026-03-31
stats-bad-range = 没有看懂这个日期范围。请按"2026-01-01 2026-03-31"的格式发送,起始日期不能晚于结束日期,跨度不超过十年。
stats-stale = 这个统计菜单已过期,请重新发送 /stats。
stats-preparing = 正在生成……
stats-file-caption = 统计 { $from } 至 { $to }(口径见"指标口径"工作表/文件末尾)

## 统计:图表
stats-chart-trend-title = 每月收到与办结(按收到月份)
stats-chart-trend-received = 收到
stats-chart-trend-closed = 其中已办结
stats-chart-funnel-title = 办理进度
stats-chart-categories-title = 各类别收到诉求
stats-chart-footnote = { $from } 至 { $to } · { $scope } · 办结:当前状态为已办结或不予处理;已评价:以最近一次评价为准
stats-chart-funnel-satisfied = 满意或基本满意
stats-chart-funnel-rated = 已评价

## 统计:表格(CSV、XLSX)
stats-column-group = 分组
stats-column-numerator = { $name }(分子)
stats-column-denominator = { $name }(分母)
stats-column-rate = { $name }(%)
stats-column-low = { $name } 95%下限(%)
stats-column-high = { $name } 95%上限(%)
stats-column-median-hours = { $name } 中位数(小时)
stats-column-p90-hours = { $name } 第90百分位(小时)
stats-column-count = { $name }(n)
stats-total = 合计
stats-sheet-table = 统计
stats-sheet-definitions = 指标口径
stats-column-metric = 指标
stats-column-formula = 计算公式
stats-column-denominator-text = 分母
stats-column-exclusions = 不含
stats-column-unit = 单位
stats-too-few-cell = 样本过少

## 统计:每月通报
stats-bulletin-title = 📋 <b>{ $month } 工作通报</b>({ $scope })
stats-bulletin-volumes = 收到诉求 { $received } 件,已受理 { $takenOn } 件,已转办 { $referred } 件,已办结 { $closed } 件。
stats-bulletin-overdue = 当前超期 { $count } 件,请及时督办。
stats-bulletin-overdue-none = 当前没有超期诉求。
stats-bulletin-top-categories = 收到最多的类别:{ $list }
stats-bulletin-category = { $name } { $count } 件
stats-bulletin-year = 今年以来:开展活动 { $activities } 次,提出意见 { $received } 条,办结 { $closed } 条。
stats-bulletin-footer = 完整统计请发送 /stats。

## 命令菜单
command-stats = 统计(代表、工作人员)

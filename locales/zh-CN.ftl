# 简体中文(主语言)。键名按功能分组,两个语言文件的键必须一致(test/locales.test.ts 检查)。

## 命令菜单
command-new = 反映问题
command-my = 我的诉求
command-inbox = 待办诉求(代表)
command-district = 更改所在选区
command-language = 切换语言 / Language
command-privacy = 隐私说明
command-help = 帮助

## 隐私与同意
privacy-notice =
    <b>欢迎使用人大代表联络站机器人</b>
    您可以通过本机器人向所在选区的人大代表反映问题、提出意见建议,并查看办理进度和结果。

    <b>我们保存哪些信息</b>:您的 Telegram 账号编号、名字和用户名、界面语言、所选选区,以及您提交的诉求内容、消息、照片和文件(文件保存在 Telegram 服务器上,我们只记录其编号)和满意度评价。
    <b>为什么保存</b>:仅用于把您的诉求转交代表和联络站办理,并向您反馈办理情况。
    <b>保存多久</b>:诉求办结后保留 3 年用于统计和督办,账号信息保留至您要求删除为止。
    <b>谁能看到</b>:您所在选区的人大代表和联络站工作人员。选择“匿名反映”时,代表和工作人员不会看到您的身份。
    <b>跨境提示</b>:所有消息都经过 Telegram 的服务器传输,这些服务器位于中国大陆境外。
    <b>您的权利</b>:您可以随时查阅、复制或要求删除您的个人信息,请联系所在联络站。位置信息属于敏感个人信息,只有在您另行同意后才会使用。

    点击“同意并继续”即表示您同意以上说明。
button-consent = 同意并继续
button-decline-consent = 不同意
privacy-accepted = 感谢您的信任。
privacy-declined = 未经您同意,我们不会保存您的诉求。如改变主意,随时发送 /start。
privacy-required = 请先阅读并同意隐私说明。

## 开始与邀请
start-unknown-district = 二维码中的选区不存在或已停用,请手动选择您的选区。
invite-not-found = 邀请链接无效,请向联络站索取新的链接。
invite-used = 该邀请链接已被使用过。
invite-expired = 该邀请链接已过期,请向联络站索取新的链接。
invite-welcome-representative = 您已登记为 <b>{ $district }</b> 的人大代表。该选区群众反映的问题会发送给您,发送 /inbox 查看待办诉求。
invite-welcome-staff = 您已登记为 <b>{ $district }</b> 联络站工作人员,可以查看和督办该区域内的诉求。发送 /inbox 查看待办诉求。

## 选区
district-choose = 请选择您所在的选区:
district-choose-within = 请选择 <b>{ $district }</b> 下的选区:
district-pick-this = 就选“{ $name }”
district-chosen = 您的选区已设为 <b>{ $district }</b>。
district-none-configured = 尚未设置任何选区,请联系联络站工作人员。

## 菜单
menu-citizen =
    <b>您可以:</b>
    /new 向本选区人大代表反映问题
    /my 查看我反映的问题和办理进度
    /district 更改所在选区
    /language 切换语言 / Language
    /privacy 隐私说明
menu-handler =
    <b>代表和工作人员:</b>
    /inbox 查看本选区待办诉求
menu-admin =
    <b>管理员:</b>
    /invite representative|staff 选区代码 — 生成一次性邀请链接
    /districts 查看选区代码
    发送种子文件(JSON)并附言 /seed — 导入选区、联络站、部门和类别

## 语言
language-choose = 请选择界面语言:
language-changed = 界面语言已切换为简体中文。

## 反映问题
concern-need-district = 请先选择您所在的选区。
concern-describe = 请描述您要反映的问题:发生了什么、在哪里、持续多久。可以发送文字,也可以附上照片、文件或语音。描述完成后点击“描述完成”。
concern-draft-status = 已记录:{ $chars } 字,{ $files } 个附件。可以继续补充,完成后点击“描述完成”。
concern-use-buttons = 请使用上方的按钮继续,或点击“取消”。
concern-unsupported-input = 这里只能接收文字、照片、文件、语音和视频。
concern-too-long = 内容太长了({ $length } 字),最多 { $max } 字。请精简后再发送。
concern-too-many-files = 每条诉求最多附 { $max } 个附件。
concern-need-text = 请先用文字描述问题。
concern-choose-category = 请选择问题类别:
concern-confirm =
    <b>请确认您要反映的问题</b>
    选区:{ $district }
    类别:{ $category }
    附件:{ $files } 个
    身份:{ $anonymity }

    { $description }
concern-anonymous-yes = 匿名(代表看不到您的身份)
concern-anonymous-no = 实名(代表可以看到您的名字)
concern-cancelled = 已取消,未提交任何内容。
concern-submitted =
    ✅ 已受理。您的诉求编号是 <b>{ $caseNo }</b>。
    代表处理后会通过本机器人告诉您结果,发送 /my 可随时查看进度。
button-done-describing = 描述完成
button-skip-category = 不确定,跳过
button-anonymous-on = ☑ 匿名反映
button-anonymous-off = ☐ 匿名反映
button-submit = 提交
button-cancel = 取消
button-file-as-concern = 作为新诉求提交
fallback-offer-concern = 要把这段话作为新的诉求反映给代表吗?

## 诉求状态
status-new = 待受理
status-accepted = 办理中
status-referred = 已转办
status-resolved = 已办结(已解决)
status-unresolved = 已办结(未解决)
status-declined = 不予处理
status-merged = 已合并
status-reopened = 重新办理

## 诉求详情
case-card-title = <b>诉求 { $caseNo }</b> · { $status }
case-card-district = 选区:{ $district }
case-card-category = 类别:{ $category }
case-card-created = 反映时间:{ $time }
case-card-citizen = 反映人:{ $citizen }
case-card-due = 办理期限:{ $time }
case-card-attachments = 附件:{ $count } 个
case-card-outcome = <b>办理结果:</b>{ $outcome }
case-no-category = 未分类
case-anonymous-citizen = 匿名群众
case-not-found = 找不到这条诉求,或您无权查看。
case-action-not-allowed = 该诉求当前状态为“{ $status }”,不能进行此操作。
case-changed-meanwhile = 该诉求刚刚被其他人更新,请重新打开后再操作。
case-accepted-toast = 已受理 { $caseNo }
case-write-reply = 请输入给群众的回复(诉求 { $caseNo }):
case-write-message = 请输入要补充给代表的内容(诉求 { $caseNo }),可以附照片或文件:
case-write-resolve = 请输入办理结果(诉求 { $caseNo }),将告知群众并请其评价:
case-write-decline = 请输入不予处理的理由(如不属于职责范围,请说明应由哪个部门负责):
case-need-text = 请输入文字内容。
case-text-too-long = 内容太长了,最多 { $max } 字。
case-reply-sent = 回复已发送给群众(诉求 <b>{ $caseNo }</b>)。
case-message-sent = 已转交代表(诉求 <b>{ $caseNo }</b>)。
case-resolved = 诉求 <b>{ $caseNo }</b> 已办结,已通知群众评价。
case-declined = 诉求 <b>{ $caseNo }</b> 已标记为不予处理,已告知群众理由。
flow-cancelled = 已取消。
button-accept = 受理
button-reply = 回复
button-resolve = 办结
button-decline = 不予处理
button-files = 查看附件
button-open-case = 查看详情
button-add-message = 补充说明
button-previous = ‹ 上一页
button-next = 下一页 ›
button-back = « 返回

## 办理记录
timeline-title = <b>办理记录</b>
timeline-you = 您
timeline-system = 系统
timeline-role-representative = { $name } 代表
timeline-role-staff = 工作人员 { $name }
timeline-created = 反映了问题
timeline-status = 状态改为“{ $status }”
timeline-rating = 评价:{ $rating }

## 列表
my-title = 您共反映了 { $total } 条诉求,点击查看详情:
my-empty = 您还没有反映过问题。发送 /new 开始反映。
inbox-title = 共有 { $total } 条待办诉求(按时间先后):
inbox-empty = 目前没有待办诉求。
inbox-not-handler = 只有人大代表和联络站工作人员可以查看待办诉求。

## 评价
rating-satisfied = 满意
rating-basically_satisfied = 基本满意
rating-unsatisfied = 不满意
rating-thanks = 感谢您的评价(诉求 <b>{ $caseNo }</b>:{ $rating })。
rating-reopened = 很抱歉没有让您满意。诉求 <b>{ $caseNo }</b> 已重新交代表办理。
rating-not-open = 这条诉求现在不能评价(可能已经评价过)。

## 通知
notify-new-case = 📮 <b>本选区有新的群众诉求</b>
notify-accepted = 您的诉求 <b>{ $caseNo }</b> 已由 { $name } 代表受理,正在办理中。
notify-reply-to-citizen =
    💬 { $name } 代表回复了您的诉求 <b>{ $caseNo }</b>:

    { $text }
notify-message-to-handlers =
    💬 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })补充说:

    { $text }
notify-resolved =
    ✅ 您的诉求 <b>{ $caseNo }</b> 已办结。
    办理结果:{ $text }

    请对办理结果进行评价:
notify-declined =
    ℹ️ 您的诉求 <b>{ $caseNo }</b> 不予处理。
    理由:{ $text }

    请对答复进行评价:
notify-reopened = ⚠️ 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })对办理结果不满意,诉求已重新办理。
notify-rated = ⭐ 诉求 <b>{ $caseNo }</b> 的反映人评价:{ $rating }

## 角色
role-representative = 人大代表
role-staff = 联络站工作人员

## 管理
admin-invite-usage = 用法:/invite representative 选区代码 或 /invite staff 选区代码
admin-invite-created = 已生成{ $role }邀请链接(选区 { $district },{ $hours } 小时内有效,仅限使用一次):
    { $link }
admin-unknown-district = 没有代码为 <code>{ $code }</code> 的选区。发送 /districts 查看。
admin-seed-too-large = 种子文件太大(最大 1 MB)。
admin-seed-invalid =
    种子文件有误:
    { $problems }
admin-seed-done = 导入完成:选区 { $districts } 个,联络站 { $stations } 个,部门 { $departments } 个,类别 { $categories } 个。

## 错误
error-internal = 抱歉,处理您的消息时出错了,请稍后再试。
error-stale-button = 这个按钮已失效,请重新打开菜单。
error-unknown-command = 没有这个命令。发送 /help 查看可用的命令。
error-unsupported-message = 暂不支持这种消息。可以发送文字、照片、文件或语音。
error-file-too-large = 文件太大,最大 { $mb } MB。
moderation-banned = 您的账号已被停止使用本服务,如有疑问请联系联络站。

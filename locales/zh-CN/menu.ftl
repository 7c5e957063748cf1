## 菜单
menu-citizen =
    <b>您可以:</b>
    /new 向本选区人大代表反映问题
    /my 查看我反映的问题和办理进度
    /activities 近期代表活动(接待日、走访等)
    /deputies 本选区的人大代表和联络站
    /report 代表的年度述职报告
    /notices 通知订阅设置
    /district 更改所在选区
    /language 切换语言 / Language
    /privacy 隐私说明(导出我的数据、注销账号)
    /claim 认领码 — 认领在联络站线下登记的诉求
    /id 查看我的 Telegram 数字 ID
    /help 显示本帮助
menu-handler =
    <b>代表和工作人员:</b>
    /inbox 查看本选区待办诉求
    /activity_new 发布活动(接待日、走访、听证会)
    /activities_manage 管理活动、审核与记录
    /stats 办理情况统计
menu-staff =
    <b>工作人员:</b>
    /broadcast 群发通知
    /broadcasts 待发送和发送中的群发(可停止)
    /intake 登记来访、来电、来信的诉求
    /review 待审核的诉求
    /moderation 受理编号 — 禁言或屏蔽该诉求的群众,或撤销
    /replies 常用回复
menu-admin =
    <b>管理员:</b>
    /invite representative|staff 选区代码 — 生成代表或工作人员的一次性邀请链接
    /invite department 部门代码 — 生成部门联系人的一次性邀请链接
    /districts 查看选区代码
    /people 人员与权限:谁担任什么身份,暂停、恢复、移除,撤销邀请,变更记录
    发送种子文件(JSON)并附言 /seed — 导入选区、联络站、部门和类别
menu-department =
    <b>部门联系人:</b>
    /referrals 转交本部门的诉求

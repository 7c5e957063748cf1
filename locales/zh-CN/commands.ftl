## 命令菜单
command-new = 反映问题
command-my = 我的诉求
command-inbox = 待办诉求(代表)
command-district = 更改所在选区
command-language = 切换语言 / Language
command-privacy = 隐私说明
command-help = 帮助
command-review = 待审核的诉求(工作人员)
command-moderation = 按受理编号禁言或屏蔽群众(工作人员)
command-referrals = 转交本部门的诉求
command-claim = 用认领码认领线下登记的诉求
command-intake = 登记来访、来电、来信的诉求(工作人员)
command-broadcasts = 待发送和发送中的群发(工作人员)
command-id = 我的 Telegram 数字 ID
command-people = 人员与权限:暂停、移除、邀请、变更记录(管理员)

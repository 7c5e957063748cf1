## 暂停身份,以及管理员的 /people
suspended-refused = 您的代表或工作人员身份已被管理员暂停,暂时不能查看或办理诉求。如有疑问,请联系管理员。
people-admins-only = 只有管理员可以管理人员和权限。
people-title = <b>人员与权限</b>({ $filter },共 { $total } 人,第 { $page }/{ $pages } 页)
    按选区列出;点击姓名查看、暂停或移除。
people-none = 没有人担任这一身份。
people-no-district = 未分配选区
people-line = · { $name } — { $role } · 在办 { $open } 件{ $suspended ->
        [yes] · ⏸ 已暂停
       *[no] {""}
    }
people-filter-all = 全部
people-filter-representative = 代表
people-filter-staff = 工作人员
people-filter-department = 部门联系人
people-role-representative = 人大代表
people-role-staff = 联络站工作人员
people-role-department = 职能部门联系人
people-role-admin = 管理员
people-role-other = 其他
people-button-invites = 未使用的邀请
people-button-history = 变更记录
people-button-person-history = 此人的变更记录
people-button-suspend = ⏸ 暂停身份
people-button-resume = ▶ 恢复身份
people-button-remove = ✖ 移除身份
people-button-suspend-ok = 确定暂停
people-button-remove-ok = 确定移除
people-button-revoke = 撤销邀请 #{ $id }
people-button-revoke-ok = 确定撤销
people-card =
    <b>{ $name }</b>({ $username })
    Telegram 数字 ID:<code>{ $id }</code>
    身份:{ $role }
    选区:{ $places }
    在办诉求:{ $open } 件
people-card-active = 状态:正常
people-card-suspended = 状态:⏸ 自 { $since } 起暂停
people-card-admin = 管理员由 ADMIN_IDS 设定,不能在这里暂停或移除。
people-card-fixed = 这一身份不能在这里暂停或移除。
people-person-gone = 此人已不再担任任何身份。
people-changed-meanwhile = 此人的状态刚刚已被更改,请查看最新情况。
people-confirm-suspend =
    确定要暂停 <b>{ $name }</b>({ $role })的身份吗?
    暂停后,对方不能查看或办理任何诉求,也不再收到新诉求通知、每日汇总和提醒;身份和选区保留,可随时恢复。
    对方手中 { $open } 件在办诉求将移交给负责该区域的工作人员(恢复后不会自动交回)。
people-confirm-remove =
    确定要移除 <b>{ $name }</b> 的{ $role }身份吗?
    移除后对方成为普通群众,选区分配一并取消;如需恢复,须重新发送邀请。
    对方手中 { $open } 件在办诉求将移交给负责该区域的工作人员。
people-done-suspend = 已暂停;{ $count } 件在办诉求已移交。
people-done-resume = 已恢复身份。
people-done-remove = 已移除身份;{ $count } 件在办诉求已移交。
people-removed-note = 已移除 <b>{ $name }</b> 的身份,{ $count } 件在办诉求已移交给负责该区域的工作人员。
people-invites-title = <b>未使用的邀请</b>(共 { $total } 个,第 { $page }/{ $pages } 页)
people-invites-none = 目前没有未使用且未过期的邀请。
people-invite-line = · #{ $id } { $role } · <code>{ $target }</code> · 有效期至 { $expires }
people-confirm-revoke = 确定要撤销邀请 #{ $id }({ $role } · <code>{ $target }</code>)吗?撤销后该链接立即失效。
people-done-revoke = 邀请已撤销,链接已失效。
people-invite-gone = 这个邀请已被使用、撤销或已过期。
people-history-title = <b>变更记录</b>(共 { $total } 条,第 { $page }/{ $pages } 页,最新在前)
people-history-none = 还没有任何记录。
people-history-line = · { $when } { $action }:{ $subject } · { $what } — 操作人:{ $actor }
people-history-handed = 移交在办诉求 { $count } 件
people-history-invite = 邀请 #{ $id }
people-actor-cli = 命令行
people-action-grant = 授予身份
people-action-remove = 移除身份
people-action-suspend = 暂停身份
people-action-resume = 恢复身份
people-action-revoke_invite = 撤销邀请
people-not-found = 没有找到担任代表、工作人员或部门联系人的 { $who }。请发送对方的 Telegram 数字 ID(对方可用 /id 查看)或 @用户名。
access-subject-suspend =
    管理员已暂停您的{ $role }身份(<code>{ $codes }</code>)。
    暂停期间,您不能查看或办理诉求,也不会收到新诉求通知、每日汇总和提醒。{ $cases ->
        [0] {""}
       *[other] 您手中的 { $cases } 件在办诉求已移交给负责该区域的工作人员。
    }
access-subject-resume = 管理员已恢复您的{ $role }身份(<code>{ $codes }</code>),您可以继续办理诉求(/inbox)。暂停期间移交出去的诉求不会交回。
access-subject-remove =
    您已不再担任{ $role }(<code>{ $codes }</code>),现在是普通群众身份。{ $cases ->
        [0] {""}
       *[other] 您手中的 { $cases } 件在办诉求已移交给负责该区域的工作人员。
    }
    感谢您的工作。
access-heir = { $name } 的{ $role }身份已{ $action ->
        [suspend] 暂停
       *[remove] 移除
    },其手中的 { $cases } 件在办诉求已移交给您,请在 /inbox 查看。

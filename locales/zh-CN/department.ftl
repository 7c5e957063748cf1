# Department contacts (职能部门联系人): invites and their welcome.
role-department = 职能部门联系人
admin-invite-created-department = 已生成{ $role }邀请链接(部门 { $district },{ $hours } 小时内有效,仅限使用一次):
    { $link }
admin-unknown-department = 没有代码为 <code>{ $code }</code> 的职能部门。
invite-welcome-department = 您已登记为 <b>{ $district }</b> 的联系人。交办给本部门的群众诉求会发送给您,请及时签收、办理和答复。发送 /referrals 查看本部门的交办件。

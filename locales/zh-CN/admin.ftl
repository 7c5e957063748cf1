## 管理
admin-invite-usage = 用法:/invite representative 选区代码、/invite staff 选区代码 或 /invite department 部门代码
admin-invite-created = 已生成{ $role }邀请链接(选区 { $district },{ $hours } 小时内有效,仅限使用一次):
    { $link }
admin-invite-place = { $name }({ $code })
admin-unknown-district = 没有代码为 <code>{ $code }</code> 的选区。发送 /districts 查看。
admin-seed-too-large = 种子文件太大(最大 1 MB)。
admin-seed-invalid =
    种子文件有误:
    { $problems }
admin-seed-done = 导入完成:选区 { $districts } 个,联络站 { $stations } 个,部门 { $departments } 个,类别 { $categories } 个。
command-invite = 邀请代表或工作人员(管理员)
command-districts = 选区代码(管理员)

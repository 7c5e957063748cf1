## 角色
role-representative = 人大代表
role-staff = 联络站工作人员
actor-representative = 人大代表 { $name }
actor-staff = 联络站工作人员 { $name }
actor-admin = 管理员 { $name }
actor-department = 职能部门 { $name }

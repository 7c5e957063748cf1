## 角色
role-representative = 人大代表
role-staff = 联络站工作人员

## Roles
role-representative = deputy
role-staff = liaison station staff
actor-representative = Deputy { $name }
actor-staff = { $name } of the liaison station staff
actor-admin = { $name }, administrator
actor-department = { $name } of the department in charge

## Roles
role-representative = deputy
role-staff = liaison station staff

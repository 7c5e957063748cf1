## Roles
role-representative = deputy
role-staff = liaison station staff
actor-representative = Deputy { $name }
actor-staff = Liaison station staff member { $name }
actor-admin = Administrator { $name }
actor-department = Department contact { $name }

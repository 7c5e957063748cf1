## Suspension, and the administrators' /people
suspended-refused = An administrator has suspended your role as a deputy or staff member: for now you cannot see or handle cases. Please ask an administrator if in doubt.

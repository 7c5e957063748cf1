## Districts
district-choose = Please choose your district:
district-choose-within = Please choose a district within <b>{ $district }</b>:
district-pick-this = Choose "{ $name }"
district-chosen = Your district is now <b>{ $district }</b>.
district-none-configured = No districts have been set up yet. Please contact the liaison station.

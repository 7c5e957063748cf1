## Activities: publish now, the attendee list and its export
activity-button-publish-now = 📢 Publish now
activity-button-attendees = 👥 Attendee list
activity-button-attendees-csv = Export the list (CSV)
activity-published-now = 📢 <b>{ $title }</b> is published now; subscribers are being told.
activity-attendees-title = <b>{ $title }</b>, attendees: { $count } (places { $capacity })
activity-attendee-line = { $n }. { $name } { $username } · { $time }
activity-attendees-csv-caption = { $title }: attendee list, { $count } people.
activity-csv-n = No.
activity-csv-name = Name
activity-csv-username = Username
activity-csv-answered = Answered
activity-csv-attended = Attended
activity-csv-yes = yes
activity-csv-no = no

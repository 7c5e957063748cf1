## Timeline
timeline-title = <b>History</b>
timeline-you = You
timeline-system = System
timeline-created = raised the concern
timeline-status = status set to "{ $status }"
timeline-rating = rated: { $rating }

## Ratings
rating-satisfied = Satisfied
rating-basically_satisfied = Mostly satisfied
rating-unsatisfied = Not satisfied
rating-thanks = Thank you for rating case <b>{ $caseNo }</b>: { $rating }.
rating-reopened = We are sorry the outcome did not satisfy you. Case <b>{ $caseNo }</b> has been reopened, and the people handling it have your rating.
rating-not-open = This case cannot be rated now (perhaps it already was).

"""Actions of expert review and selection, one module per stage (experts, conflicts, assignment,
reviewing, ranking, selection). None takes a request; views, the API and commands share them."""

"""Pages of expert review and selection, one module per stage."""

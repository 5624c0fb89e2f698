"""The check-in desk: the desk page, its table models and the signature pad."""

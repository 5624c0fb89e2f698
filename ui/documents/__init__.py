"""The documents area: the documents page, the letterhead dialog, photos and the
text parts editor."""

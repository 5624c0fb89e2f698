"""The participants area: the invitation list, the import dialog, the invitee form,
and printing QR cards and name tags."""

"""The event area: the event's details form."""

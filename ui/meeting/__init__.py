"""The meeting as it happens: the rundown and discussion pages, the live record
models, the timer, the projector and the moderator view."""

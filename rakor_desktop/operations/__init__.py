"""The user actions, one module per area of the window.

Each function validates, changes the data in one ``BEGIN IMMEDIATE`` transaction and
returns what changed. The GUI (through ``ui.runner``), the CLI and the tests call them.

* :mod:`.events`: creating, editing and deleting an event; its officials.
* :mod:`.invitations`: the invitation list: invitees by hand, the plain import.
* :mod:`.invitation_import`: applying a previewed import (:mod:`rakor_desktop.importers`).
* :mod:`.checkin`: the desk: check-in, walk-in, on behalf, signature, undo, counts.
* :mod:`.rundown`: the rundown, run live: items, speakers, timers, statistics.
* :mod:`.discussion`: termins and questions, follow-ups, conclusions.

Document settings and photos are in :mod:`rakor_desktop.exports.documents`.
"""

"""The screens of the venue network (issue 13): the host's dialog and its QR code, the
join dialog, a desk's status and banner, leaving and promoting a desk copy.

The work itself is the core's (:mod:`rakor_desktop.network`); :mod:`.window` ties it to
one main window (its menu actions, its status bar, the desk mode).
"""

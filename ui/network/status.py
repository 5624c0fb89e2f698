"""What the status bar and the desk's banner say about the network, at a glance.

The texts are made here from plain values (the core's :class:`SyncStatus`, a count
of desks), so the host, the desk and the tests agree on them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

#: Qt's translation function (a name lupdate recognises): context "NetworkStatus".
translate = QCoreApplication.translate

#: Colours of the status label and the banner: (background, border, ink).
STYLES = {
    "ok": ("#e3f4e8", "#2e8b57", "#14532d"),
    "waiting": ("#fff3cd", "#c58f00", "#5c4300"),
    "error": ("#fde8e8", "#c62828", "#8a1c1c"),
    "off": ("", "", ""),
}


def clock_text(moment: datetime | None) -> str:
    """A moment as this computer's wall clock, ``12.03.05`` ("" for none)."""
    return moment.astimezone().strftime("%H.%M.%S") if moment is not None else ""


def short_clock_text(moment: datetime | None) -> str:
    """A moment as ``12.01`` ("" for none)."""
    return moment.astimezone().strftime("%H.%M") if moment is not None else ""


def host_status_text(running: bool, desks: int, floor_questions: int = 0,
                     phone_walk_ins: int = 0) -> str:
    """The host's status bar: ``Network: on · 3 desks`` ("" when the network is off),
    and what phones sent that waits for someone (questions from the floor, walk-ins)."""
    if not running:
        return ""
    parts = [translate("NetworkStatus", "Network: on · %n desk(s)", "", desks)]
    if floor_questions:
        parts.append(translate("NetworkStatus", "%n question(s) from the floor", "",
                               floor_questions))
    if phone_walk_ins:
        parts.append(translate("NetworkStatus", "%n walk-in(s) from phones", "",
                               phone_walk_ins))
    return " · ".join(parts)


def desk_status(status: Any) -> tuple[str, str]:
    """A desk's status bar line and its style (a key of :data:`STYLES`).

    ``status`` is the core's ``SyncStatus``: connected, waiting, last_sync_at,
    offline_since, rejected, revoked, message.
    """
    if status.revoked:
        return translate("NetworkStatus", "Revoked by the host: this desk no longer syncs"), "error"
    waiting = translate("NetworkStatus", "{count} waiting").format(count=status.waiting)
    if status.connected:
        parts = [translate("NetworkStatus", "Connected"), waiting]
        if status.last_sync_at is not None:
            synced = translate("NetworkStatus", "synced {time}")
            parts.append(synced.format(time=clock_text(status.last_sync_at)))
        style = "ok" if status.waiting == 0 else "waiting"
    elif status.offline_since is not None:
        since = translate("NetworkStatus", "Disconnected since {time}")
        parts = [since.format(time=short_clock_text(status.offline_since)), waiting]
        style = "error"
    else:  # no answer yet since the sync started (its first long-poll is waiting)
        last = translate("NetworkStatus", "Last sync {time}")
        parts = [last.format(time=clock_text(status.last_sync_at))
                 if status.last_sync_at is not None else translate("NetworkStatus", "Connecting…"),
                 waiting]
        style = "ok" if status.waiting == 0 else "waiting"
    if status.rejected:
        refused = translate("NetworkStatus", "{count} refused by the host")
        parts.append(refused.format(count=status.rejected))
        style = "error"
    return " · ".join(parts), style


def desk_banner(status: Any) -> tuple[str, str]:
    """The line under the desk's answer panel: are the check-ins with the host yet?"""
    if status.revoked:
        revoked = translate(
            "NetworkStatus",
            "This desk was revoked by the host. Check-ins are still recorded here; ask the "
            "secretariat to join again or to make this copy an event.")
        return revoked, "error"
    if status.waiting == 0:
        if status.offline_since is None:
            return translate("NetworkStatus", "All check-ins synced with the host."), "ok"
        alone = translate("NetworkStatus", "Recorded here. The host cannot be reached right now.")
        return alone, "waiting"
    if status.offline_since is None:
        text = translate("NetworkStatus", "Recorded, waiting to sync ({count} waiting)")
        return text.format(count=status.waiting), "waiting"
    text = translate(
        "NetworkStatus",
        "Recorded, waiting to sync: {count} waiting since {time}; they are sent when the host "
        "is reachable again")
    return (text.format(count=status.waiting,
                        time=short_clock_text(status.oldest_waiting_at)), "error")


def style_label(label: QLabel, style: str) -> None:
    """Colour a status label or banner by ``style`` (a key of :data:`STYLES`)."""
    background, border, ink = STYLES.get(style, STYLES["off"])
    if not background:
        label.setStyleSheet("")
        return
    label.setStyleSheet(
        f"QLabel {{ background: {background}; border: 1px solid {border}; color: {ink};"
        f" border-radius: 3px; padding: 1px 6px; }}"
    )

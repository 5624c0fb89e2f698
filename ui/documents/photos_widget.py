"""The documentation photos (dokumentasi) of an event: thumbnails with a caption each.

Photos are added with a file chooser or by dropping image files on the widget;
they are read and stored in the background (a worker with its own connection), so
dropping a dozen camera photos never freezes the window. The order here is the
order in the notulen's appendix (two per row).

Keys (with the focus in the list): Delete removes the selected photo,
Ctrl+Left/Ctrl+Right move it, F2 edits its caption in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.exports.documents import photos as photo_ops
from rakor_desktop.exports.documents.photos import PhotoInfo
from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage

from ..runner import message_for
from ..tasks import run_in_background
from ..widgets import ERROR_STYLE

log = logging.getLogger("rakor.ui.photos")

Index = QModelIndex | QPersistentModelIndex
THUMBNAIL = QSize(180, 135)
CAPTION_SAVE_MS = 600
OK_STYLE = "color: #2e7d32;"
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole


def thumbnail_image(data: bytes, size: QSize = THUMBNAIL) -> QImage:
    """A small picture of a photo, upright (EXIF), decoded at the small size only.

    Works in any thread (a QImage, not a QPixmap); a null image for unreadable data.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and (
        original.width() > size.width() or original.height() > size.height()
    ):
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    # Scaled decoding happens before the EXIF turn: fit the result into the box again.
    if not image.isNull() and (image.width() > size.width() or image.height() > size.height()):
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def _placeholder(size: QSize = THUMBNAIL) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(QColor("#e4e4e4"))
    return pixmap


def _icon(pixmap: QPixmap) -> QIcon:
    """The photo as it is also when selected (styles tint selected icons otherwise)."""
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def _thumbnails_in_worker(database: Path, photo_ids: Sequence[int]) -> dict[int, QImage]:
    """Runs in a worker thread, on a connection of its own: decode the small pictures."""
    storage = Storage.open(database, backup=False, check=False)
    try:
        images: dict[int, QImage] = {}
        for photo_id in photo_ids:
            try:
                data = photo_ops.photo_bytes(storage, photo_id)
            except RakorError:  # removed meanwhile
                continue
            images[photo_id] = thumbnail_image(data)
        return images
    finally:
        storage.close()


class PhotoListModel(QAbstractListModel):
    """The photos of one event in their order; the caption is the editable text.

    Thumbnails are decoded in the background when first needed (a camera photo
    takes a tenth of a second to decode) and kept; a grey box stands in meanwhile.
    Editing a caption in place saves it through
    :func:`rakor_desktop.exports.documents.photos.set_photo_caption`.

    Signals:
        failed(str): a caption could not be saved (the message to show).
        thumbnails_ready: small pictures decoded in the background are shown.
    """

    failed = Signal(str)
    thumbnails_ready = Signal()

    def __init__(self, storage: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._photos: list[PhotoInfo] = []
        self._thumbnails: dict[int, QIcon] = {}
        self._requested: set[int] = set()  # wanted, not yet given to a worker
        self._in_flight: set[int] = set()  # being decoded
        self._placeholder = _icon(_placeholder())

    def set_photos(self, photos: Sequence[PhotoInfo]) -> None:
        """Show another list (thumbnails of photos still shown are kept)."""
        self.beginResetModel()
        self._photos = list(photos)
        keep = {p.id for p in self._photos}
        self._thumbnails = {k: v for k, v in self._thumbnails.items() if k in keep}
        self.endResetModel()

    def photo(self, row: int) -> PhotoInfo | None:
        """The photo in ``row``."""
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def row_of(self, photo_id: int) -> int:
        """The row of a photo, or -1."""
        return next((r for r, p in enumerate(self._photos) if p.id == photo_id), -1)

    def update_photo(self, photo: PhotoInfo) -> None:
        """Show the changed caption of one photo."""
        row = self.row_of(photo.id)
        if row >= 0:
            self._photos[row] = photo
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._photos):
            return None
        photo = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or QCoreApplication.translate("PhotoListModel", "(no caption)")
        if role == Qt.ItemDataRole.EditRole:
            return photo.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(photo.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "PhotoListModel", "{number}. {file} ({size} KB)"
            ).format(
                number=index.row() + 1,
                file=photo.filename or "-",
                size=max(1, round(photo.size_bytes / 1024)),
            )
        if role == Qt.ItemDataRole.ForegroundRole and not photo.caption:
            return QColor("#777777")
        if role == PHOTO_ID_ROLE:
            return photo.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        photo = self.photo(index.row())
        if photo is None:
            return False
        try:
            changed = photo_ops.set_photo_caption(self._storage, photo.id, str(value))
        except RakorError as exc:
            self.failed.emit(str(exc))
            return False
        self._photos[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def _thumbnail(self, photo_id: int) -> QIcon:
        if photo_id in self._thumbnails:
            return self._thumbnails[photo_id]
        if photo_id not in self._in_flight and photo_id not in self._requested:
            if not self._requested:
                QTimer.singleShot(0, self._load_thumbnails)  # once for the rows being painted
            self._requested.add(photo_id)
        return self._placeholder

    def _load_thumbnails(self) -> None:
        if not shiboken6.isValid(self):
            return
        wanted = sorted(self._requested - set(self._thumbnails))
        self._requested.clear()
        if not wanted:
            return
        self._in_flight.update(wanted)
        database = self._storage.path

        def done(images: dict[int, QImage]) -> None:
            if not shiboken6.isValid(self):  # the page was closed meanwhile
                return
            self._in_flight.difference_update(wanted)
            for photo_id, image in images.items():
                self._thumbnails[photo_id] = (
                    _icon(QPixmap.fromImage(image)) if not image.isNull() else self._placeholder
                )
                row = self.row_of(photo_id)
                if row >= 0:
                    index = self.index(row, 0)
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
            self.thumbnails_ready.emit()

        def failed(_error: Exception) -> None:
            if shiboken6.isValid(self):
                self._in_flight.difference_update(wanted)

        run_in_background(lambda: _thumbnails_in_worker(database, wanted), done, failed)


def dropped_files(urls: Sequence[Any]) -> list[Path]:
    """The local files among dropped URLs (folders and web links left out)."""
    files = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if not path.is_dir():
                files.append(path)
    return files


class PhotosWidget(QWidget):
    """Add, caption, order and remove the photos of an event.

    Signals:
        photos_changed(int): the photos of the event changed (their number now).
        photos_added(int): a background addition finished (how many were added).
    """

    photos_changed = Signal(int)
    photos_added = Signal(int)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._adding = False
        self._caption_photo: int | None = None
        self._caption_dirty = False
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.setInterval(CAPTION_SAVE_MS)
        self._caption_timer.timeout.connect(self.save_caption)
        self.choose_files: Callable[[], list[Path]] = self._choose_files_dialog
        self.setAcceptDrops(True)
        self._build()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.hint_label = QLabel(
            self.tr(
                "Photos for the appendix of the minutes (dokumentasi), two per row. Drop JPEG or "
                'PNG files here or click "Add photos…"; give each a caption.'
            )
        )
        self.hint_label.setWordWrap(True)

        self.model = PhotoListModel(self._storage, self)
        self.model.failed.connect(self._show_error)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setViewMode(QListView.ViewMode.IconMode)
        self.list_view.setIconSize(THUMBNAIL)
        self.list_view.setGridSize(QSize(THUMBNAIL.width() + 30, THUMBNAIL.height() + 56))
        self.list_view.setMovement(QListView.Movement.Static)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setWordWrap(True)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSpacing(4)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        # Drops land on this widget (files), never inside the view.
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list_view.setAcceptDrops(False)
        self.list_view.viewport().setAcceptDrops(False)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.list_view.setMinimumHeight(THUMBNAIL.height() + 80)

        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText(
            self.tr("e.g. Pj. Wali Kota Jambi membuka rapat koordinasi")
        )
        self.caption_edit.setMaxLength(300)
        self.caption_edit.textEdited.connect(self._caption_edited)
        self.caption_edit.editingFinished.connect(self.save_caption)
        caption_label = QLabel(self.tr("&Caption:"))
        caption_label.setBuddy(self.caption_edit)

        self.add_button = QPushButton(self.tr("&Add photos…"))
        self.add_button.clicked.connect(self.add_with_dialog)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.earlier_button = QPushButton(self.tr("◀ &Earlier"))
        self.earlier_button.clicked.connect(lambda: self.move_selected(-1))
        self.later_button = QPushButton(self.tr("&Later ▶"))
        self.later_button.clicked.connect(lambda: self.move_selected(1))
        self.count_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        for text, slot, keys in (
            (self.tr("Remove photo"), self.remove_selected, "Del"),
            (self.tr("Move photo earlier"), lambda: self.move_selected(-1), "Ctrl+Left"),
            (self.tr("Move photo later"), lambda: self.move_selected(1), "Ctrl+Right"),
        ):
            action = QAction(text, self.list_view)
            action.setShortcut(
                QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText)
            )
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.list_view.addAction(action)

        caption_row = QHBoxLayout()
        caption_row.addWidget(caption_label)
        caption_row.addWidget(self.caption_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.earlier_button)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(caption_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self._update_buttons()

    # -- the event -------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the photos of another event (saving a caption being typed first)."""
        self.save_caption()
        self._event_id = event_id
        self.status_label.clear()
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the photos again; keep (or move to) the selected one."""
        self.save_caption()
        keep = select_id if select_id is not None else self.selected_id()
        photos = photo_ops.list_photos(self._storage, self._event_id) if self._event_id else []
        self.model.set_photos(photos)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and photos:
            row = 0
        if row >= 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._current_changed(QModelIndex())
        self.count_label.setText(self.tr("%n photo(s)", "", len(photos)))
        self._update_buttons()

    def selected_id(self) -> int | None:
        """The id of the selected photo."""
        photo = self.model.photo(self.list_view.currentIndex().row())
        return photo.id if photo is not None else None

    def _update_buttons(self) -> None:
        has_event = self._event_id is not None
        row = self.list_view.currentIndex().row() if self.selected_id() is not None else -1
        self.add_button.setEnabled(has_event and not self._adding)
        self.remove_button.setEnabled(row >= 0)
        self.earlier_button.setEnabled(row > 0)
        self.later_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.caption_edit.setEnabled(row >= 0)

    # -- captions ----------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: Any = None) -> None:
        self.save_caption()
        photo = self.model.photo(current.row()) if current.isValid() else None
        self._caption_photo = photo.id if photo is not None else None
        self.caption_edit.setText(photo.caption if photo is not None else "")
        self._update_buttons()

    def _caption_edited(self, _text: str) -> None:
        self._caption_dirty = True
        self._caption_timer.start()

    def save_caption(self) -> None:
        """Store the caption typed for the selected photo (if it changed)."""
        self._caption_timer.stop()
        if not self._caption_dirty or self._caption_photo is None:
            return
        self._caption_dirty = False
        try:
            photo = photo_ops.set_photo_caption(
                self._storage, self._caption_photo, self.caption_edit.text()
            )
        except RakorError as exc:
            self._show_error(str(exc))
            return
        self.model.update_photo(photo)
        self._show_ok(self.tr("Caption saved."))

    def has_pending_changes(self) -> bool:
        """Whether a caption is typed but not saved yet."""
        return self._caption_dirty

    # -- adding ------------------------------------------------------------------------------

    def _choose_files_dialog(self) -> list[Path]:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG);;All files (*)"),
        )
        return [Path(p) for p in chosen]

    def add_with_dialog(self) -> None:
        """Let the user choose image files and add them."""
        if self._event_id is None:
            return
        files = self.choose_files()
        if files:
            self.add_files(files)

    def add_files(self, files: Sequence[Path]) -> None:
        """Add photos from files in the background; refused files are listed after."""
        if self._event_id is None or self._adding or not files:
            return
        self.save_caption()
        database, event_id, paths = self._storage.path, self._event_id, list(files)
        self._adding = True
        self._update_buttons()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Adding %n photo(s)…", "", len(paths)))

        def done(result: tuple[list[int], list[tuple[str, str]]]) -> None:
            self._adding = False
            added, refused = result
            self.refresh(select_id=added[-1] if added else None)
            lines = []
            if added:
                lines.append(self.tr("%n photo(s) added. Give each a caption.", "", len(added)))
            lines.extend(
                self.tr("Not added: {file}: {reason}").format(file=name, reason=reason)
                for name, reason in refused
            )
            self.status_label.setStyleSheet(ERROR_STYLE if refused else OK_STYLE)
            self.status_label.setText("\n".join(lines))
            if added:
                self.caption_edit.setFocus()
                self.photos_changed.emit(self.model.rowCount())
            self.photos_added.emit(len(added))

        def failed(error: Exception) -> None:
            self._adding = False
            self.refresh()
            self._show_error(message_for(error))  # never repr(error)
            self.photos_added.emit(0)

        run_in_background(lambda: _add_in_worker(database, event_id, paths), done, failed)

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
            self.list_view.setStyleSheet("QListView { border: 2px dashed #1565c0; }")
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self.list_view.setStyleSheet("")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.list_view.setStyleSheet("")
        files = dropped_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not files or self._event_id is None or self._adding:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        data = event.mimeData()
        return (
            self._event_id is not None
            and not self._adding
            and data.hasUrls()
            and bool(dropped_files(data.urls()))
        )

    # -- order and removal -----------------------------------------------------------------

    def move_selected(self, step: int) -> None:
        """Move the selected photo one place earlier (-1) or later (+1)."""
        photo_id = self.selected_id()
        if photo_id is None:
            return
        row = self.model.row_of(photo_id)
        if not 0 <= row + step < self.model.rowCount():
            return
        try:
            photo_ops.move_photo(self._storage, photo_id, row + step)
        except RakorError as exc:
            self._show_error(str(exc))
            return
        self.refresh(select_id=photo_id)
        self.photos_changed.emit(self.model.rowCount())

    def remove_selected(self) -> None:
        """Detach the selected photo from the event, after asking."""
        photo_id = self.selected_id()
        photo = self.model.photo(self.model.row_of(photo_id)) if photo_id is not None else None
        if photo is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove photo"),
            self.tr('Remove the photo "{name}" from the minutes?').format(
                name=photo.caption or photo.filename
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.model.row_of(photo.id)
        self._caption_dirty = False
        try:
            photo_ops.remove_photo(self._storage, photo.id)
        except RakorError as exc:
            self._show_error(str(exc))
            return
        following = self.model.photo(row + 1) or self.model.photo(row - 1)
        self.refresh(select_id=following.id if following is not None else None)
        self._show_ok(self.tr("Photo removed."))
        self.photos_changed.emit(self.model.rowCount())

    # -- messages ----------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)

    def _show_ok(self, message: str) -> None:
        self.status_label.setStyleSheet(OK_STYLE)
        self.status_label.setText(message)

    def hideEvent(self, event: Any) -> None:
        """A caption being typed is saved when the user looks elsewhere."""
        self.save_caption()
        super().hideEvent(event)


def _add_in_worker(
    database: Path, event_id: int, paths: Sequence[Path]
) -> tuple[list[int], list[tuple[str, str]]]:
    """Runs in a worker thread, on a connection of its own: each file all or nothing."""
    storage = Storage.open(database, backup=False, check=False)
    try:
        added: list[int] = []
        refused: list[tuple[str, str]] = []
        for path in paths:
            try:
                added.append(photo_ops.add_photo_file(storage, event_id, path).id)
            except RakorError as exc:
                refused.append((path.name, str(exc)))
        return added, refused
    finally:
        storage.close()

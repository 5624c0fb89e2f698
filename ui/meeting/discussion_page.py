"""The "Diskusi" area: the moderator's question log in termins, the follow-ups
(tindak lanjut) and the conclusions and decisions of the meeting.

Keys (from anywhere in the main window while the page is shown):

- F6 close the termin and turn to the answers / open the next termin;
- F7 the next asker asks, F8 the question on the projector is answered,
  F9 show the selected question on the projector (again: hide it);
- Insert new question, Delete remove, Ctrl+Up/Ctrl+Down move (in the table);
- Ctrl+Enter save the question (or the conclusion) being edited;
- Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QKeyCombination, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.messages import RakorError
from rakor_desktop.models import FollowUp, Invitee, Question, QuestionStatus
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from ..widgets import enable_with_selection, error_label, ok_cancel_buttons
from .floor_panel import FloorPanel
from .record_models import (
    ConclusionModel,
    FollowUpModel,
    LiveMeeting,
    QuestionModel,
    RecordTableModel,
    TerminListModel,
    conclusion_kind_label,
    question_status_label,
)
from .rundown_page import (
    InviteeLineEdit,
    LivePage,
    TableColumns,
    make_table,
    remember_splitter,
    select_row,
    selected_row,
)

# Ctrl with the main Return key or with the keypad's Enter key.
CTRL_ENTER = [
    QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Return)),
    QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Enter)),
]


def _editable_combo(choices: list[str], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    _set_choices(combo, choices, current)
    return combo


def _set_choices(combo: QComboBox, choices: list[str], current: str) -> None:
    blocker = QSignalBlocker(combo)
    combo.clear()
    combo.addItem("")
    combo.addItems(choices)
    combo.setCurrentText(current)
    del blocker


class FollowUpDialog(QDialog):
    """Add or edit a tindak lanjut: what, who, by when, and the question it answers."""

    def __init__(self, page: DiscussionPage, follow_up: FollowUp | None = None,
                 question_id: int | None = None) -> None:
        super().__init__(page)
        self._page = page
        self.follow_up = follow_up
        self.follow_up_id = None if follow_up is None else follow_up.id
        self.setWindowTitle(self.tr("Edit follow-up") if follow_up else self.tr("New follow-up"))
        self.setMinimumWidth(520)
        self.what_edit = QPlainTextEdit(follow_up.what if follow_up else "")
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setPlaceholderText(self.tr("What is to be done"))
        self.who_edit = QLineEdit(follow_up.who if follow_up else "")
        self.who_edit.setPlaceholderText(self.tr("e.g. BPBD Kota Jambi"))
        self.due_edit = QLineEdit(follow_up.due if follow_up else "")
        self.due_edit.setPlaceholderText(self.tr("e.g. 31 Desember 2023, H-7, segera"))
        self.question_combo = QComboBox()
        self.question_combo.addItem(self.tr("(not tied to a question)"), None)
        event_id = page.event_id or 0
        for question in page.storage.list_event_questions(event_id):
            text = question.question[:60] + ("…" if len(question.question) > 60 else "")
            self.question_combo.addItem(f"{question.asker_name}: {text}", question.id)
        chosen = follow_up.question_id if follow_up else question_id
        self.question_combo.setCurrentIndex(max(0, self.question_combo.findData(chosen)))
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.what_edit)
        form.addRow(self.tr("W&ho:"), self.who_edit)
        form.addRow(self.tr("&By when:"), self.due_edit)
        form.addRow(self.tr("&Question:"), self.question_combo)
        buttons, self.ok_button = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.what_edit.setFocus()

    def accept(self) -> None:
        """Save through the operations; a refusal stays in the dialog."""
        page = self._page
        event_id = page.event_id
        if event_id is None:
            return
        values: dict[str, Any] = {
            "what": self.what_edit.toPlainText(),
            "who": self.who_edit.text(),
            "due": self.due_edit.text(),
            "question_id": self.question_combo.currentData(),
        }
        try:
            if self.follow_up_id is None:
                follow_up = page.live.run(self.tr("Add follow-up"), lambda: talk.add_follow_up(
                    page.storage, event_id, values.pop("what"), **values))
                self.follow_up_id = follow_up.id
            else:
                follow_up_id = self.follow_up_id
                page.live.run(self.tr("Edit follow-up"), lambda: talk.update_follow_up(
                    page.storage, follow_up_id, values))
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class DiscussionPage(LivePage):
    """The question log by termin, the follow-ups and the conclusions."""

    def __init__(self, storage: Storage, settings: Settings | None = None, *,
                 live: LiveMeeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(storage, settings, live, parent)
        self._termin_id: int | None = None
        self._follow_latest = True
        self._question_id: int | None = None  # the question in the form (None: a new one)
        self._asker_id: int | None = None
        self._draft: dict[str, Any] | None = None  # a new asker typed, set aside
        self._highlight_uid = ""  # the question on the projector at the last refresh
        self._loading = False
        self._dirty = False

        # -- termins and the moderator's keys
        self.termin_model = TerminListModel(self)
        self.termin_combo = QComboBox()
        self.termin_combo.setModel(self.termin_model)
        self.termin_combo.setMinimumWidth(170)
        self.termin_status = QLabel()
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(1, 50)
        self.cap_spin.setPrefix(self.tr("max "))
        self.cap_spin.setSuffix(self.tr(" askers"))
        self.new_termin_button = QPushButton(self.tr("New termin"))
        self.termin_step_button = QPushButton(self.tr("Close termin / next (F6)"))
        self.moderator_button = QPushButton(self.tr("Moderator view…"))
        self.next_asker_button = QPushButton(self.tr("Next asker (F7)"))
        self.answered_button = QPushButton(self.tr("Mark answered (F8)"))
        self.highlight_button = QPushButton(self.tr("Show on projector (F9)"))
        top = QHBoxLayout()
        top.addWidget(self.termin_combo)
        top.addWidget(self.termin_status, 1)
        top.addWidget(self.cap_spin)
        top.addWidget(self.new_termin_button)
        top.addWidget(self.moderator_button)
        keys = QHBoxLayout()
        for button in (self.termin_step_button, self.next_asker_button, self.answered_button,
                       self.highlight_button):
            keys.addWidget(button)
        keys.addStretch(1)

        # -- the questions
        self.question_model = QuestionModel(self)
        self.question_table = make_table(self.question_model, stretch=3)
        # The question stretches; the status and the answer always show (elided, the
        # whole text in the tooltip); the institution, the addressee and who answered
        # give way first on a narrow screen.
        self.question_columns = TableColumns(
            self.question_table, 3, min_stretch=160,
            caps={1: 170, 2: 150, 4: 140, 6: 140, 7: 200}, drop_order=(2, 4, 6),
            samples={5: tuple(question_status_label(s) for s in QuestionStatus)})
        self.new_question_button = QPushButton(self.tr("&New question"))
        self.delete_question_button = QPushButton(self.tr("Delete"))
        self.question_up_button = QPushButton(self.tr("Up"))
        self.question_down_button = QPushButton(self.tr("Down"))
        table_buttons = QHBoxLayout()
        for button in (self.new_question_button, self.delete_question_button,
                       self.question_up_button, self.question_down_button):
            table_buttons.addWidget(button)
        table_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.question_table, 1)
        left_layout.addLayout(table_buttons)
        # Questions sent from phones in the hall wait here for the moderator (issue 14).
        self.floor_panel = FloorPanel(self)
        keys.addWidget(self.floor_panel.set_aside_list_button)
        left_layout.addWidget(self.floor_panel)

        # -- the question form
        self.form_title = QLabel()
        bold = self.form_title.font()
        bold.setBold(True)
        self.form_title.setFont(bold)
        self.asker_edit = InviteeLineEdit(storage)
        self.asker_edit.setPlaceholderText(self.tr("Type to search the invitees, or any name"))
        self.instansi_edit = QLineEdit()
        self.question_edit = QPlainTextEdit()
        self.question_edit.setTabChangesFocus(True)
        self.question_edit.setPlaceholderText(self.tr("The question, in short"))
        self.addressee_combo = _editable_combo([], "")
        self.status_combo = QComboBox()
        for status in QuestionStatus:
            self.status_combo.addItem(question_status_label(status), status.value)
        self.answered_by_combo = _editable_combo([], "")
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setPlaceholderText(self.tr("The answer, in short, for the minutes"))
        self.save_button = QPushButton(self.tr("&Save (Ctrl+Enter)"))
        self.follow_up_button = QPushButton(self.tr("Follow-up…"))
        self.follow_ups_label = QLabel()
        self.follow_ups_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Asker:"), self.asker_edit)
        form.addRow(self.tr("&Institution:"), self.instansi_edit)
        form.addRow(self.tr("&Question:"), self.question_edit)
        form.addRow(self.tr("&To:"), self.addressee_combo)
        form.addRow(self.tr("St&atus:"), self.status_combo)
        form.addRow(self.tr("Answered &by:"), self.answered_by_combo)
        form.addRow(self.tr("Ans&wer:"), self.answer_edit)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.follow_up_button)
        form_buttons.addStretch(1)
        self.form_box = QWidget()
        form_layout = QVBoxLayout(self.form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_title)
        form_layout.addLayout(form, 1)
        form_layout.addLayout(form_buttons)
        form_layout.addWidget(self.follow_ups_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 380])
        remember_splitter(splitter, "discussion")
        self.splitter = splitter
        questions_tab = QWidget()
        questions_layout = QVBoxLayout(questions_tab)
        questions_layout.addLayout(top)
        questions_layout.addLayout(keys)
        questions_layout.addWidget(splitter, 1)

        # -- follow-ups
        self.follow_up_model = FollowUpModel(self)
        self.follow_up_table = make_table(self.follow_up_model, stretch=1)
        self.follow_up_columns = TableColumns(self.follow_up_table, 1, min_stretch=240,
                                              caps={2: 220, 3: 160, 4: 200})
        self.add_follow_up_button = QPushButton(self.tr("Add…"))
        self.edit_follow_up_button = QPushButton(self.tr("Edit…"))
        self.delete_follow_up_button = QPushButton(self.tr("Delete"))
        self.follow_up_up_button = QPushButton(self.tr("Up"))
        self.follow_up_down_button = QPushButton(self.tr("Down"))
        follow_buttons = QHBoxLayout()
        for button in (self.add_follow_up_button, self.edit_follow_up_button,
                       self.delete_follow_up_button, self.follow_up_up_button,
                       self.follow_up_down_button):
            follow_buttons.addWidget(button)
        follow_buttons.addStretch(1)
        follow_tab = QWidget()
        follow_layout = QVBoxLayout(follow_tab)
        follow_layout.addWidget(self.follow_up_table, 1)
        follow_layout.addLayout(follow_buttons)

        # -- conclusions
        self.conclusion_model = ConclusionModel(self)
        self.conclusion_table = make_table(self.conclusion_model, stretch=2)
        self.conclusion_columns = TableColumns(self.conclusion_table, 2)
        self.conclusion_kind_combo = QComboBox()
        for kind in talk.CONCLUSION_KINDS:
            self.conclusion_kind_combo.addItem(conclusion_kind_label(kind), kind)
        self.conclusion_edit = QPlainTextEdit()
        self.conclusion_edit.setTabChangesFocus(True)
        self.conclusion_edit.setPlaceholderText(self.tr(
            "A conclusion, decision or recommendation of the meeting…"))
        self.conclusion_edit.setMaximumHeight(110)
        self.add_conclusion_button = QPushButton(self.tr("Add (Ctrl+Enter)"))
        self.save_conclusion_button = QPushButton(self.tr("Save changes"))
        self.edit_conclusion_button = QPushButton(self.tr("Edit"))
        self.delete_conclusion_button = QPushButton(self.tr("Delete"))
        self.conclusion_up_button = QPushButton(self.tr("Up"))
        self.conclusion_down_button = QPushButton(self.tr("Down"))
        self._conclusion_id: int | None = None
        conclusion_buttons = QHBoxLayout()
        for button in (self.edit_conclusion_button, self.delete_conclusion_button,
                       self.conclusion_up_button, self.conclusion_down_button):
            conclusion_buttons.addWidget(button)
        conclusion_buttons.addStretch(1)
        entry = QHBoxLayout()
        entry.addWidget(self.conclusion_kind_combo)
        entry.addWidget(self.conclusion_edit, 1)
        entry_buttons = QVBoxLayout()
        entry_buttons.addWidget(self.add_conclusion_button)
        entry_buttons.addWidget(self.save_conclusion_button)
        entry_buttons.addStretch(1)
        entry.addLayout(entry_buttons)
        self.conclusion_box = QWidget()
        conclusion_layout = QVBoxLayout(self.conclusion_box)
        conclusion_layout.addWidget(self.conclusion_table, 1)
        conclusion_layout.addLayout(conclusion_buttons)
        conclusion_layout.addLayout(entry)

        self.tabs = QTabWidget()
        self.tabs.addTab(questions_tab, self._questions_tab_title(0))
        self.tabs.addTab(follow_tab, self.tr("Follow-ups"))
        self.tabs.addTab(self.conclusion_box, self.tr("Conclusions && decisions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)

        self._build_actions()
        self._connect()
        self.set_event(self.live.event_id)

    def _questions_tab_title(self, floor: int) -> str:
        return (self.tr("Questions (%n from the floor)", "", floor) if floor
                else self.tr("Questions"))

    def _floor_count_changed(self, count: int) -> None:
        self.tabs.setTabText(0, self._questions_tab_title(count))

    def apply_changes(self, changes: Any) -> None:
        """The window's runner announced a commit: questions sent from phones (written
        by the network's connection, or the core here) show at once."""
        if changes.touched("discussion") and changes.concerns(self.event_id):
            self.floor_panel.refresh()

    # -- wiring ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        act = self.page_action
        self.termin_step_action = act(self.tr("Close termin / next termin"), self.termin_step,
                                      "F6")
        self.next_asker_action = act(self.tr("Next asker"), self.next_asker, "F7")
        self.answered_action = act(self.tr("Mark answered"), self.mark_answered, "F8")
        self.highlight_action = act(self.tr("Show on projector"), self.toggle_highlight, "F9")
        table = self.question_table
        act(self.tr("New question"), self.new_question, "Insert", table)
        act(self.tr("Delete question"), self.delete_question, "Delete", table)
        act(self.tr("Move question up"), lambda: self.move_question(-1), "Ctrl+Up", table)
        act(self.tr("Move question down"), lambda: self.move_question(1), "Ctrl+Down", table)
        save = act(self.tr("Save question"), self.save_question, "Ctrl+Return", self.form_box)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.setShortcuts(CTRL_ENTER)
        add = act(self.tr("Add conclusion"), self.add_conclusion, "Ctrl+Return",
                  self.conclusion_box)
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.setShortcuts(CTRL_ENTER)
        follow = self.follow_up_table
        act(self.tr("Add follow-up"), self.add_follow_up, "Insert", follow)
        act(self.tr("Delete follow-up"), self.delete_follow_up, "Delete", follow)
        act(self.tr("Move follow-up up"), lambda: self.move_follow_up(-1), "Ctrl+Up", follow)
        act(self.tr("Move follow-up down"), lambda: self.move_follow_up(1), "Ctrl+Down", follow)
        self.floor_panel.build_actions(act)
        conclusions = self.conclusion_table
        act(self.tr("Delete conclusion"), self.delete_conclusion, "Delete", conclusions)
        act(self.tr("Move conclusion up"), lambda: self.move_conclusion(-1), "Ctrl+Up",
            conclusions)
        act(self.tr("Move conclusion down"), lambda: self.move_conclusion(1), "Ctrl+Down",
            conclusions)

    def _connect(self) -> None:
        self.live.changed.connect(self.refresh)
        self.floor_panel.count_changed.connect(self._floor_count_changed)
        self.termin_combo.activated.connect(self._termin_chosen)
        self.cap_spin.editingFinished.connect(self._cap_changed)
        self.new_termin_button.clicked.connect(self.open_termin)
        self.termin_step_button.clicked.connect(self.termin_step)
        self.moderator_button.clicked.connect(self.open_moderator_view)
        self.next_asker_button.clicked.connect(self.next_asker)
        self.answered_button.clicked.connect(self.mark_answered)
        self.highlight_button.clicked.connect(self.toggle_highlight)
        self.new_question_button.clicked.connect(self.new_question)
        self.delete_question_button.clicked.connect(self.delete_question)
        self.question_up_button.clicked.connect(lambda: self.move_question(-1))
        self.question_down_button.clicked.connect(lambda: self.move_question(1))
        self.question_table.selectionModel().selectionChanged.connect(self._question_selected)
        self.question_model.move_requested.connect(self._move_question_to)
        self.asker_edit.invitee_chosen.connect(self._asker_chosen)
        self.asker_edit.textEdited.connect(self._asker_typed)
        for edit in (self.instansi_edit,):
            edit.textEdited.connect(self._form_changed)
        for text_edit in (self.question_edit, self.answer_edit):
            text_edit.textChanged.connect(self._form_changed)
        for combo in (self.addressee_combo, self.answered_by_combo):
            combo.currentTextChanged.connect(self._form_changed)
        self.status_combo.currentIndexChanged.connect(self._form_changed)
        self.save_button.clicked.connect(self.save_question)
        self.follow_up_button.clicked.connect(self.follow_up_for_question)
        self.add_follow_up_button.clicked.connect(self.add_follow_up)
        self.edit_follow_up_button.clicked.connect(self.edit_follow_up)
        self.follow_up_table.activated.connect(lambda _index: self.edit_follow_up())
        self.delete_follow_up_button.clicked.connect(self.delete_follow_up)
        self.follow_up_up_button.clicked.connect(lambda: self.move_follow_up(-1))
        self.follow_up_down_button.clicked.connect(lambda: self.move_follow_up(1))
        self.follow_up_model.move_requested.connect(self._move_follow_up_to)
        enable_with_selection(self.follow_up_table, self.edit_follow_up_button,
                              self.delete_follow_up_button, self.follow_up_up_button,
                              self.follow_up_down_button)
        enable_with_selection(self.conclusion_table, self.edit_conclusion_button,
                              self.delete_conclusion_button, self.conclusion_up_button,
                              self.conclusion_down_button)
        self.add_conclusion_button.clicked.connect(self.add_conclusion)
        self.save_conclusion_button.clicked.connect(self.save_conclusion)
        self.edit_conclusion_button.clicked.connect(self.edit_conclusion)
        self.conclusion_table.activated.connect(lambda _index: self.edit_conclusion())
        self.delete_conclusion_button.clicked.connect(self.delete_conclusion)
        self.conclusion_up_button.clicked.connect(lambda: self.move_conclusion(-1))
        self.conclusion_down_button.clicked.connect(lambda: self.move_conclusion(1))
        self.conclusion_model.move_requested.connect(self._move_conclusion_to)

    # -- the event -----------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the discussion of another event (None: nothing)."""
        self._termin_id = None
        self._follow_latest = True
        self._question_id = None
        self._draft = None
        self._dirty = False
        self.setEnabled(event_id is not None)
        self.asker_edit.set_event(event_id)
        self.live.set_event(event_id)
        self.refresh()

    def refresh(self) -> None:
        """Show the record as it is now (after any change).

        When the question on the projector changes (the moderator's keys), the form
        follows it, unless something is being typed there.
        """
        event_id = self.event_id
        highlighted = self.live.state.highlighted
        uid = highlighted.uid if highlighted else ""
        if uid != self._highlight_uid:
            self._highlight_uid = uid
            if highlighted is not None and not self._dirty:
                self._termin_id = highlighted.termin_id
                self._question_id = highlighted.id
        termins = [] if event_id is None else self.storage.list_termins(event_id)
        self.termin_model.set_termins(termins)
        ids = [t.id for t in termins]
        if (self._follow_latest or self._termin_id not in ids) and termins:
            self._termin_id = termins[-1].id
        elif not termins:
            self._termin_id = None
        self._follow_latest = not termins or self._termin_id == termins[-1].id
        blocker = QSignalBlocker(self.termin_combo)
        self.termin_combo.setCurrentIndex(self.termin_model.row_of_id(self._termin_id))
        del blocker
        self._refresh_questions()
        choices = [] if event_id is None else rundown_ops.addressee_choices(self.storage, event_id)
        if not self._dirty:
            _set_choices(self.addressee_combo, choices, self.addressee_combo.currentText())
            _set_choices(self.answered_by_combo, choices, self.answered_by_combo.currentText())
        askers = {q.id: q.asker_name for q in (
            [] if event_id is None else self.storage.list_event_questions(event_id))}
        self.follow_up_model.askers = {k: v for k, v in askers.items() if k is not None}
        self._reload(self.follow_up_table, self.follow_up_model,
                     [] if event_id is None else self.storage.list_follow_ups(event_id))
        self._reload(self.conclusion_table, self.conclusion_model,
                     [] if event_id is None else self.storage.list_conclusions(event_id))
        self.floor_panel.refresh()

    @staticmethod
    def _reload(table: QTableView, model: RecordTableModel, rows: list[Any]) -> None:
        keep = model.row_object(selected_row(table))
        model.set_rows(rows)
        if keep is not None:
            select_row(table, model.row_of_id(keep.id))

    def termin(self) -> Any:
        """The termin shown."""
        return self.termin_model.termin(self.termin_model.row_of_id(self._termin_id))

    def _refresh_questions(self) -> None:
        termin = self.termin()
        highlighted = self.live.state.highlighted
        self.question_model.highlighted_uid = highlighted.uid if highlighted else ""
        questions = [] if termin is None else self.storage.list_questions(termin.id)
        blocker = QSignalBlocker(self.question_table.selectionModel())
        self.question_model.set_rows(questions)
        select_row(self.question_table, self.question_model.row_of_id(self._question_id))
        del blocker
        if termin is None:
            self.termin_status.setText(self.tr("No termin yet: open Termin 1 to take questions."))
            if self.event_id is not None:  # show the cap the first termin will get
                blocker_cap = QSignalBlocker(self.cap_spin)
                self.cap_spin.setValue(
                    rundown_ops.meeting_settings(self.storage, self.event_id).termin_max_askers
                )
                del blocker_cap
        else:
            askers = sum(1 for q in questions if q.status != QuestionStatus.DIBATALKAN)
            state = self.tr("open") if termin.closed_at is None else self.tr("closed — answers")
            self.termin_status.setText(self.tr("{state} · {askers} of {cap} askers").format(
                state=state, askers=askers, cap=termin.max_askers))
            blocker_spin = QSignalBlocker(self.cap_spin)
            self.cap_spin.setValue(termin.max_askers)
            del blocker_spin
        self.cap_spin.setEnabled(termin is not None)
        if not self._dirty:
            question = self._form_question()
            if question is None:
                self._question_id = None  # gone (deleted, undone, another termin shown)
            self._load_form(question)

    def _form_question(self) -> Question | None:
        if self._question_id is None:
            return None
        question: Question | None = self.question_model.row_object(
            self.question_model.row_of_id(self._question_id))
        return question

    # -- termins ---------------------------------------------------------------------------

    def _termin_chosen(self, row: int) -> None:
        termin = self.termin_model.termin(row)
        if termin is None or not self._leave_form():
            self.termin_combo.setCurrentIndex(self.termin_model.row_of_id(self._termin_id))
            return
        self._termin_id = termin.id
        self._follow_latest = row == self.termin_model.rowCount() - 1
        self._question_id = None
        self.refresh()

    def open_termin(self) -> None:
        """Open the next termin (the open one closes)."""
        event_id = self.event_id
        if event_id is None or not self._leave_form():
            return
        self._follow_latest = True
        self._question_id = None
        self.act(self.tr("New termin"), lambda: talk.open_termin(
            self.storage, event_id, clock=self.live.clock))

    def termin_step(self) -> None:
        """F6 (the moderator's T): close the termin for the answers, or open the next."""
        event_id = self.event_id
        if event_id is None or not self._leave_form():
            return
        self._follow_latest = True
        step = self.act(self.tr("Close termin / next termin"), lambda: talk.advance_termin(
            self.storage, event_id, clock=self.live.clock))
        if step is not None:
            self.show_message(
                self.tr("Termin {number} opened.").format(number=step.termin.number)
                if step.opened else
                self.tr("Termin {number} closed: the answers.").format(number=step.termin.number)
            )
            if step.opened:
                self.new_question()

    def _cap_changed(self) -> None:
        termin = self.termin()
        if termin is None or termin.max_askers == self.cap_spin.value():
            return
        cap = self.cap_spin.value()
        self.act(self.tr("Askers per termin"), lambda: talk.set_termin_max_askers(
            self.storage, termin.id, cap))
        self.refresh()

    def open_moderator_view(self) -> None:
        """The moderator's large-letter window."""
        from .moderator_view import show_moderator_view

        show_moderator_view(self.storage, self.live, self.settings)

    # -- the moderator's keys --------------------------------------------------------------

    def next_asker(self) -> None:
        """F7: the next asker in the queue asks (and is shown on the projector)."""
        event_id = self.event_id
        if event_id is None or not self._leave_form():
            return
        question = self.act(self.tr("Next asker"), lambda: talk.next_asker(self.storage, event_id))
        if question is not None:
            self._show_question(question)

    def mark_answered(self) -> None:
        """F8: the question on the projector (else the first waiting) is answered."""
        event_id = self.event_id
        if event_id is None:
            return
        before = self._form_question()
        if not self._leave_form():
            return
        # The question in the form when it waits for its answer, else the highlighted one.
        shown = self._form_question()
        if (before is not None and shown is not None and shown.id == before.id
                and before.status != QuestionStatus.DIJAWAB
                and shown.status == QuestionStatus.DIJAWAB):
            # Its answer, typed just now and saved by leaving the form, answered it.
            self.show_message(self.tr("Answered: {name}.").format(name=shown.asker_name))
            return
        waiting = (QuestionStatus.BERTANYA, QuestionStatus.DITUNDA)
        question_id = shown.id if shown is not None and shown.status in waiting else None
        answered = self.act(self.tr("Mark answered"), lambda: talk.mark_answered(
            self.storage, event_id, question_id))
        if answered is not None:
            self.show_message(self.tr("Answered: {name}.").format(name=answered.asker_name))

    def toggle_highlight(self) -> None:
        """F9: show the selected question on the projector, or hide it when shown."""
        event_id = self.event_id
        question = self._selected_question()
        if event_id is None:
            return
        highlighted = self.live.state.highlighted
        if question is None or (highlighted is not None and highlighted.id == question.id):
            self.act(self.tr("Hide question"), lambda: talk.highlight_question(
                self.storage, event_id, None))
        else:
            question_id = question.id
            self.act(self.tr("Show on projector"), lambda: talk.highlight_question(
                self.storage, event_id, question_id))

    def _show_question(self, question: Question) -> None:
        """Put a question into the form (a new asker being typed is kept as a draft)."""
        if not self._leave_form():
            return
        self._termin_id = question.termin_id
        self._question_id = question.id
        self.refresh()

    # -- questions ---------------------------------------------------------------------------

    def _selected_question(self) -> Question | None:
        question: Question | None = self.question_model.row_object(
            selected_row(self.question_table))
        return question

    def _question_selected(self) -> None:
        question = self._selected_question()
        if question is not None and question.id == self._question_id:
            return
        if not self._leave_form():
            blocker = QSignalBlocker(self.question_table.selectionModel())
            select_row(self.question_table, self.question_model.row_of_id(self._question_id))
            del blocker
            return
        self._question_id = None if question is None else question.id
        self._load_form(question)

    def new_question(self) -> None:
        """Insert: an empty form for the next asker of the termin shown."""
        if not self._leave_form():
            return
        self._question_id = None
        blocker = QSignalBlocker(self.question_table.selectionModel())
        self.question_table.clearSelection()
        del blocker
        self._load_form(None)
        self.asker_edit.setFocus()

    def _load_form(self, question: Question | None) -> None:
        self._loading = True
        termin = self.termin()
        if question is None:
            self.form_title.setText(
                self.tr("New question · Termin {number}").format(number=termin.number)
                if termin else self.tr("New question (Termin 1 opens with it)"))
        else:
            self.form_title.setText(self.tr("Question {row} · Termin {number}").format(
                row=self.question_model.row_of_id(question.id) + 1,
                number=termin.number if termin else "?"))
        self.asker_edit.choose(None)
        self.asker_edit.setText(question.asker_name if question else "")
        self._asker_id = question.asker_invitee_id if question else None
        self.instansi_edit.setText(question.asker_instansi if question else "")
        self.question_edit.setPlainText(question.question if question else "")
        self.addressee_combo.setCurrentText(question.addressed_to if question else "")
        status = question.status if question else QuestionStatus.ANTRE
        self.status_combo.setCurrentIndex(self.status_combo.findData(QuestionStatus(status).value))
        self.status_combo.setEnabled(question is not None)
        self.answered_by_combo.setCurrentText(question.answered_by if question else "")
        self.answer_edit.setPlainText(question.answer if question else "")
        self.follow_up_button.setEnabled(question is not None)
        if question is None:
            self.follow_ups_label.clear()
        else:
            follow_ups = [f for f in self.follow_up_model.rows() if f.question_id == question.id]
            self.follow_ups_label.setText("\n".join(
                self.tr("Follow-up: {what} ({who}, {due})").format(
                    what=f.what, who=f.who or "—", due=f.due or "—") for f in follow_ups))
        self._loading = False
        self._dirty = False
        if question is None and self._draft is not None:
            self._restore_draft(self._draft)

    def _restore_draft(self, draft: dict[str, Any]) -> None:
        """Put a new asker typed earlier back into the form."""
        self._draft = None
        self._loading = True
        self.asker_edit.setText(draft["asker_name"])
        self._asker_id = draft["asker_invitee_id"]
        self.instansi_edit.setText(draft["asker_instansi"])
        self.question_edit.setPlainText(draft["question"])
        self.addressee_combo.setCurrentText(draft["addressed_to"])
        self.answered_by_combo.setCurrentText(draft["answered_by"])
        self.answer_edit.setPlainText(draft["answer"])
        self._loading = False
        self._dirty = True

    def _form_changed(self, *_args: Any) -> None:
        if not self._loading:
            self._dirty = True
            if self._question_id is None:
                self._draft = None  # the form itself is the new asker now

    def _asker_chosen(self, invitee: Invitee | None) -> None:
        if invitee is None:
            return
        self._asker_id = invitee.id
        self.instansi_edit.setText(invitee.instansi)
        self._form_changed()

    def _asker_typed(self, _text: str) -> None:
        self._asker_id = None
        self._form_changed()

    def _form_values(self) -> dict[str, Any]:
        return {
            "asker_name": self.asker_edit.text(),
            "asker_instansi": self.instansi_edit.text(),
            "asker_invitee_id": self._asker_id,
            "question": self.question_edit.toPlainText(),
            "addressed_to": self.addressee_combo.currentText(),
            "status": QuestionStatus(self.status_combo.currentData()),
            "answered_by": self.answered_by_combo.currentText(),
            "answer": self.answer_edit.toPlainText(),
        }

    def save_question(self) -> bool:
        """Ctrl+Enter: save the form (a new asker joins the termin's queue)."""
        event_id = self.event_id
        if event_id is None:
            return False
        values = self._form_values()
        if self._question_id is None:
            termin = self.termin()
            termin_id = None if termin is None else termin.id
            details = {k: values[k] for k in ("answered_by", "answer") if values[k].strip()}

            def add() -> Question:
                target = termin_id
                if target is None:
                    target = talk.open_termin(self.storage, event_id, clock=self.live.clock).id
                assert target is not None  # a stored termin has its id
                question = talk.add_question(
                    self.storage, target,
                    asker_name=values["asker_name"], asker_instansi=values["asker_instansi"],
                    asker_invitee_id=values["asker_invitee_id"], question=values["question"],
                    addressed_to=values["addressed_to"], clock=self.live.clock,
                )
                if details:
                    question = talk.update_question(self.storage, question.id or 0, details)
                return question

            saved = self.act(self.tr("Add question"), add)
        else:
            question_id = self._question_id
            saved = self.act(self.tr("Edit question"), lambda: talk.update_question(
                self.storage, question_id, values))
        if saved is None:
            return False
        self._dirty = False
        if self._question_id is None:  # ready for the next asker
            self._follow_latest = True
            self._draft = None
            self._load_form(None)
            self.asker_edit.setFocus()  # the next asker's name is typed next
            self.show_message(
                self.tr("{name} is in the queue.").format(name=saved.asker_name)
                if saved.status == QuestionStatus.ANTRE else
                self.tr("{name}: question and answer saved.").format(name=saved.asker_name)
            )
        else:
            self.refresh()
            self.show_message(self.tr("Saved."))
        return True

    def _leave_form(self) -> bool:
        """Before the form shows something else: save the question edited in it (its
        answer typed just before F8, say); a new asker being typed is kept as a draft
        that comes back with "New question". False when the edit could not be saved."""
        if not self._dirty:
            return True
        if self._question_id is not None:
            return self.save_question()
        if self.asker_edit.text().strip() or self.question_edit.toPlainText().strip():
            self._draft = self._form_values()
        self._dirty = False
        return True

    def delete_question(self) -> None:
        """Delete: remove the selected question (Ctrl+Z brings it back)."""
        question = self._selected_question()
        if question is None:
            return
        question_id = question.id
        assert question_id is not None  # a stored question has its id
        if self.act(self.tr("Delete question"), lambda: talk.delete_question(
                self.storage, question_id)) is not None:
            self._question_id = None
            self._dirty = False
            self._load_form(None)
            self.show_message(self.tr("The question of {name} was deleted. Ctrl+Z brings it "
                                      "back.").format(name=question.asker_name))

    def move_question(self, step: int) -> None:
        """Ctrl+Up/Ctrl+Down: move the selected question in the queue."""
        row = selected_row(self.question_table)
        if row >= 0:
            self._move_question_to(row, row + step)

    def _move_question_to(self, row: int, index: int) -> None:
        question = self.question_model.row_object(row)
        if question is None or not 0 <= index < self.question_model.rowCount():
            return
        if not self._leave_form():
            return
        question_id = question.id
        self._question_id = question_id
        self.act(self.tr("Move question"), lambda: talk.move_question(
            self.storage, question_id, index))

    def follow_up_for_question(self) -> None:
        """A follow-up of the question in the form."""
        if self._question_id is None or not self._leave_form():
            return
        FollowUpDialog(self, None, self._question_id).exec()
        self._load_form(self._form_question())

    # -- follow-ups --------------------------------------------------------------------------

    def _selected_follow_up(self) -> FollowUp | None:
        follow_up: FollowUp | None = self.follow_up_model.row_object(
            selected_row(self.follow_up_table))
        return follow_up

    def add_follow_up(self) -> None:
        """A new follow-up."""
        if self.event_id is not None:
            FollowUpDialog(self).exec()

    def edit_follow_up(self) -> None:
        """Edit the selected follow-up."""
        follow_up = self._selected_follow_up()
        if follow_up is not None:
            FollowUpDialog(self, follow_up).exec()

    def delete_follow_up(self) -> None:
        """Remove the selected follow-up (Ctrl+Z brings it back)."""
        follow_up = self._selected_follow_up()
        if follow_up is not None:
            follow_up_id = follow_up.id
            assert follow_up_id is not None  # a stored follow-up has its id
            self.act(self.tr("Delete follow-up"), lambda: talk.delete_follow_up(
                self.storage, follow_up_id))

    def move_follow_up(self, step: int) -> None:
        """Move the selected follow-up."""
        self.move_selected(self.follow_up_table, step, self._move_follow_up_to)

    def _move_follow_up_to(self, row: int, index: int) -> None:
        self.move_row(
            self.follow_up_table, self.follow_up_model, row, index, self.tr("Move follow-up"),
            lambda record_id, to: talk.move_follow_up(self.storage, record_id, to),
        )

    # -- conclusions -------------------------------------------------------------------------

    def _selected_conclusion(self) -> Any:
        return self.conclusion_model.row_object(selected_row(self.conclusion_table))

    def add_conclusion(self) -> None:
        """Ctrl+Enter: add what is typed as a new conclusion (or save the one edited)."""
        if self._conclusion_id is not None:
            self.save_conclusion()
            return
        event_id = self.event_id
        if event_id is None:
            return
        body = self.conclusion_edit.toPlainText()
        kind = self.conclusion_kind_combo.currentData()
        if self.act(self.tr("Add conclusion"), lambda: talk.add_conclusion(
                self.storage, event_id, body, kind)) is not None:
            self.conclusion_edit.clear()
            self.conclusion_edit.setFocus()

    def edit_conclusion(self) -> None:
        """Load the selected conclusion into the entry to change it."""
        conclusion = self._selected_conclusion()
        if conclusion is None:
            return
        self._conclusion_id = conclusion.id
        self.conclusion_kind_combo.setCurrentIndex(
            self.conclusion_kind_combo.findData(conclusion.kind))
        self.conclusion_edit.setPlainText(conclusion.body)
        self.conclusion_edit.setFocus()

    def save_conclusion(self) -> None:
        """Save the conclusion being edited."""
        conclusion_id = self._conclusion_id
        if conclusion_id is None:
            return
        changes = {"body": self.conclusion_edit.toPlainText(),
                   "kind": self.conclusion_kind_combo.currentData()}
        if self.act(self.tr("Edit conclusion"), lambda: talk.update_conclusion(
                self.storage, conclusion_id, changes)) is not None:
            self._conclusion_id = None
            self.conclusion_edit.clear()

    def delete_conclusion(self) -> None:
        """Remove the selected conclusion (Ctrl+Z brings it back)."""
        conclusion = self._selected_conclusion()
        if conclusion is not None:
            conclusion_id = conclusion.id
            self.act(self.tr("Delete conclusion"), lambda: talk.delete_conclusion(
                self.storage, conclusion_id))

    def move_conclusion(self, step: int) -> None:
        """Move the selected conclusion."""
        self.move_selected(self.conclusion_table, step, self._move_conclusion_to)

    def _move_conclusion_to(self, row: int, index: int) -> None:
        self.move_row(
            self.conclusion_table, self.conclusion_model, row, index, self.tr("Move conclusion"),
            lambda record_id, to: talk.move_conclusion(self.storage, record_id, to),
        )

    def save_now(self) -> None:
        """Save the question edited in the form, e.g. before the app closes (a new asker
        still being typed is saved too when it can be)."""
        if self._dirty and self.event_id is not None:
            self.save_question()

    def hideEvent(self, event: Any) -> None:
        """A question edited in the form is saved when the page is left (a new asker
        being typed stays in the form)."""
        if self._dirty and self._question_id is not None and self.event_id is not None:
            self.save_question()
        super().hideEvent(event)

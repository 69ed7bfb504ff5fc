"""The import assistant's profiles: the Profile dropdown, "Save as profile…", and what the
session's policy did — a kept profile whose headers a sheet has is applied by itself when it was
saved for a sheet of that name; otherwise it is only offered (said above the mapping), since a
sheet of costs can have the same headers as a sheet of kWh."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from greenledger.core.errors import GreenLedgerError
from greenledger.core.importing import profiles
from greenledger.core.importing.profiles import Profile


class ProfilesMixin:
    """Part of ImportAssistant (needs its session, profile_box, current_sheet, _submit); the
    policy itself is the session's (core.importing.session)."""

    @property
    def applied_profile(self) -> dict[str, str]:
        """Sheet -> the profile applied to it (by the policy, chosen, or saved from it here)."""
        if self.session is None:
            return {}
        out = {n: self.session.profile(n) or self._saved.get(n) for n in self.session.states}
        return {n: p for n, p in out.items() if p}

    def _fill_profiles(self) -> None:
        self._filling = True
        self.profile_box.clear()
        self.profile_box.addItem(QCoreApplication.translate("ImportAssistant", "None"), None)
        for p in profiles.kept(self.ws):
            self.profile_box.addItem(p.name, p.name)
        self._filling = False

    def _on_profile_chosen(self) -> None:
        if self._filling or self.current_sheet is None:
            return
        sheet, name = self.current_sheet, self.profile_box.currentData()
        self._saved.pop(sheet, None)
        profile = profiles.kept_named(self.ws, name) if name is not None else None
        if name is None or profile is not None:
            self._submit(sheet, lambda s: s.apply_profile(sheet, profile))

    def _profile_note(self, sheet: str) -> str:
        """` · profile “P” applied`, or the profile offered for these headers, or nothing."""
        profile = self.applied_profile.get(sheet)
        offered = self.session.offered(sheet) if self.session is not None else None
        if profile:
            return " · " + QCoreApplication.translate(
                "ImportAssistant", "profile “{0}” applied").format(profile)
        if offered is not None:
            return " · " + QCoreApplication.translate(
                "ImportAssistant",
                "profile “{0}” fits these headers but was saved for sheet “{1}”: choose it "
                "under Profile if this sheet holds the same figures").format(offered.name, offered.sheet)
        return ""

    def save_profile(self, name: str | None = None) -> Profile | None:
        """Keep the current sheet's mapping as a profile in the workspace (asks for a name)."""
        plan = self.plan
        if plan is None or plan.kind is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self, QCoreApplication.translate("ImportAssistant", "Save profile"),
                QCoreApplication.translate("ImportAssistant", "Profile name:"),
                text=self.applied_profile.get(plan.sheet) or plan.sheet)
            if not ok or not name.strip():
                return None
        profile = Profile.from_plan(plan, name.strip())
        try:
            self.ws.save_profile(profile)
        except GreenLedgerError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("ImportAssistant", "Save profile"),
                                str(exc))
            return None
        self._saved[plan.sheet] = profile.name
        self._fill_profiles()
        self._show_current()
        self.status.setText(QCoreApplication.translate(
            "ImportAssistant", "Profile “{0}” saved in this workspace").format(profile.name))
        return profile

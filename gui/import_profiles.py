"""The import assistant's profiles: the Profile dropdown, "Save as profile…", and the policy —
a kept profile whose headers a sheet has is applied by itself when it was saved for a sheet of
that name; otherwise it is only offered (said above the mapping), since a sheet of costs can
have the same headers as a sheet of kWh."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from greenledger.core.errors import GreenLedgerError
from greenledger.core.importing import assistant as engine
from greenledger.core.importing import profiles
from greenledger.core.importing.profiles import Profile, same_sheet


class ProfilesMixin:
    """Part of ImportAssistant (needs its engine, profile_box, current_sheet, _reanalyse)."""

    applied_profile: dict[str, str]
    offered_profile: dict[str, Profile]

    def _fill_profiles(self) -> None:
        self.applied_profile = getattr(self, "applied_profile", {})
        self.offered_profile = getattr(self, "offered_profile", {})
        self._filling = True
        self.profile_box.clear()
        self.profile_box.addItem(QCoreApplication.translate("ImportAssistant", "None"), None)
        for p in profiles.kept(self.ws):
            self.profile_box.addItem(p.name, p.name)
        self._filling = False

    def _offer_profiles(self) -> None:
        self.offered_profile.clear()
        for name, plan in list(self.plans.items()):
            if plan.template or not plan.columns:
                continue
            profile = profiles.matching(self.ws, plan.headers)
            if profile is not None and same_sheet(profile, name):
                self._apply_profile(name, profile)
            elif profile is not None:
                self.offered_profile[name] = profile

    def _apply_profile(self, sheet: str, profile: Profile) -> None:
        self.engine.set_options(sheet, profile.options(sheet))
        self.applied_profile[sheet] = profile.name
        if sheet == self.current_sheet:
            self._filling = True
            self.profile_box.setCurrentIndex(max(self.profile_box.findData(profile.name), 0))
            self._filling = False
        self._reanalyse(sheet)

    def _on_profile_chosen(self) -> None:
        if self._filling or self.current_sheet is None:
            return
        name = self.profile_box.currentData()
        if name is None:
            self.applied_profile.pop(self.current_sheet, None)
            self.engine.set_options(self.current_sheet, engine.ImportOptions())
            self._reanalyse(self.current_sheet)
            return
        profile = profiles.kept_named(self.ws, name)
        if profile is not None:
            self._apply_profile(self.current_sheet, profile)

    def _profile_note(self, sheet: str) -> str:
        """` · profile “P” applied`, or the profile offered for these headers, or nothing."""
        profile = self.applied_profile.get(sheet)
        offered = self.offered_profile.get(sheet)
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
        self.applied_profile[plan.sheet] = profile.name
        self._fill_profiles()
        self._filling = True
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(profile.name), 0))
        self._filling = False
        self._show_current()
        self.status.setText(QCoreApplication.translate(
            "ImportAssistant", "Profile “{0}” saved in this workspace").format(profile.name))
        return profile

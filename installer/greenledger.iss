; GreenLedger for Windows: a per-user installer (no administrator rights) made with Inno Setup 6.
;
;   iscc /DAppVersion=0.1.0 installer\greenledger.iss
;
; Run from the repository root after `pyinstaller installer\greenledger.spec` has written
; dist\GreenLedger\ (installer\README.md has the exact commands). Writes
; dist\GreenLedger-<version>-windows-x64-setup.exe. Keep in step with installer\greenledger.spec:
; the windowed GreenLedger.exe is what shortcuts and the .greenledger association start; the
; console greenledger-cli.exe is the command line.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\greenledger.iss (pyproject.toml's version)
#endif
#define AppName "GreenLedger"
#define AppExe "GreenLedger.exe"
#define ProgId "GreenLedger.Workspace"

[Setup]
; AppId identifies the app for upgrades and the uninstaller: never change it.
AppId={{6B0F3C52-8E1A-4C7B-9A5D-2F4E81C0D7A3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=GreenLedger team
VersionInfoVersion={#AppVersion}
; Per-user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, needs no elevation.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist
OutputBaseFilename=GreenLedger-{#AppVersion}-windows-x64-setup
SetupIconFile=resources\icons\greenledger.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
LicenseFile=LICENSE
ChangesAssociations=yes
CloseApplications=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole, so no library of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\GreenLedger\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Carbon accounting"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .greenledger workspaces open in GreenLedger.exe "%1" (HKA is HKCU for a per-user install).
Root: HKA; Subkey: "Software\Classes\.greenledger"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.greenledger\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "GreenLedger workspace"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".greenledger"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

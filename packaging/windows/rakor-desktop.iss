; Inno Setup script of Rakor Desktop: a per-user installer of the one-folder bundle.
;
; Build the bundle first (on Windows, from the repository root):
;     .venv\Scripts\python packaging\build_bundle.py --self-test
; then compile this script with Inno Setup 6:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\rakor-desktop.iss
; (packaging\build_bundle.py --installer does both). The installer is written to
; dist\RakorDesktop-Setup-<version>.exe.
;
; No administrator rights: it installs below %LOCALAPPDATA%\Programs, puts a
; shortcut in the user's Start menu, registers the uninstaller for this user
; (Settings > Apps), and associates exported event files (*.rakor, written by the
; app's event export or `rakor event export`) with the app, for this user.
; The database, settings, logs and backups are in the user's AppData folders and
; are kept when the app is uninstalled.

#define AppName "Rakor Desktop"
#define AppExe "rakor-desktop.exe"
#define RepoRoot AddBackslash(SourcePath) + "..\.."
; ISCC /DBundleDir=... compiles another folder (the stand-in payload of
; packaging/windows/check_installer.py, where no Windows bundle can be built).
#ifndef BundleDir
  #define BundleDir RepoRoot + "\dist\rakor-desktop"
#endif
#define EventFileExt ".rakor"
#define EventFileProgId "RakorDesktop.EventFile"
#if !FileExists(BundleDir + "\" + AppExe)
  #error The bundle is missing: run packaging\build_bundle.py first (dist\rakor-desktop\rakor-desktop.exe).
#endif
; The version comes from the package (rakor_desktop.__version__), which build.spec
; writes into the executable's version resource; ISCC /DAppVersion=... overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
; Inno Setup ships no Indonesian messages; with the translation Indonesian.isl
; (from the Inno Setup translations page) in its Languages folder the installer
; speaks Bahasa Indonesia, otherwise English.
#define WithIndonesian FileExists(CompilerPath + "Languages\Indonesian.isl")

[Setup]
AppId={{B95F1E7A-2761-4983-841F-2C1C8B404314}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Rakor Desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
; {localappdata}\Programs is where {autopf} points for a per-user install on Windows 10/11
; (FOLDERID_UserProgramFiles); named directly because Wine, which installs it in CI
; (check_installer.py), cannot resolve that known folder.
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#BundleDir}\_internal\resources\icons\rakor-desktop.ico
ChangesAssociations=yes
OutputDir={#RepoRoot}\dist
OutputBaseFilename=RakorDesktop-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
#if WithIndonesian
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#if WithIndonesian
id.EventFileType=Berkas acara Rakor Desktop
id.AssociateTask=Buka berkas acara (*.rakor) dengan {#AppName}
id.DesktopTask=Buat pintasan di Desktop
id.LaunchApp=Jalankan {#AppName}
#endif
en.EventFileType=Rakor Desktop event file
en.AssociateTask=Open event files (*.rakor) with {#AppName}
en.DesktopTask=Create a desktop shortcut
en.LaunchApp=Start {#AppName}

[Tasks]
Name: "associate"; Description: "{cm:AssociateTask}"
Name: "desktopicon"; Description: "{cm:DesktopTask}"; Flags: unchecked

[Files]
; the whole one-folder bundle: rakor-desktop.exe and _internal\
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces the bundle whole: no stale library of an older version stays
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user install: no administrator rights needed.
; .rakor keeps what other programs registered there; its keys go once they are empty.
Root: HKA; Subkey: "Software\Classes\{#EventFileExt}"; ValueType: string; ValueName: ""; ValueData: "{#EventFileProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#EventFileExt}\OpenWithProgids"; ValueType: string; ValueName: "{#EventFileProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#EventFileProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:EventFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#EventFileProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#EventFileProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#EventFileExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

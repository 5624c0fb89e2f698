#!/usr/bin/env bash
# Refresh the .ts sources from ui/ (new strings appear "unfinished" for the translator,
# e.g. in Qt Linguist: .venv/bin/pyside6-linguist resources/translations/rakor_id.ts),
# then compile every .ts to .qm. Run after changing user-visible strings; commit both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/pyside6-lupdate ui/*.py ui/*/*.py -ts resources/translations/rakor_id.ts \
    -target-language id_ID -no-obsolete -locations none
for ts in resources/translations/*.ts; do
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done

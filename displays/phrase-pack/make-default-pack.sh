#!/usr/bin/env bash
# Makes the default phrase pack of the hall displays with espeak-ng (Debian package espeak-ng):
# one WAV clip per line of phrases.tsv, plus the chime. The clips are committed, so the server
# needs no speech synthesiser; run this again after editing phrases.tsv. An office replaces any
# clip with a recording of the same name in <data>/phrases/<language>/<clip>.wav.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../OpenAlmaty.FrontOffice.Displays/wwwroot/phrases"
command -v espeak-ng >/dev/null || { echo "apt-get install espeak-ng" >&2; exit 1; }
mkdir -p "$out/kk" "$out/ru"
grep -v '^#' "$here/phrases.tsv" | while IFS=$'\t' read -r lang clip text; do
  [ -n "$lang" ] || continue
  voice=$lang
  espeak-ng -v "$voice" -s 135 -a 180 -w "$out/$lang/$clip.wav" "$text"
done
python3 "$here/trim.py" "$out"/kk/*.wav "$out"/ru/*.wav
python3 "$here/chime.py" "$out/chime.wav"
echo "phrase pack written to $out"

#!/usr/bin/env bash
# Refreshes the official region list embedded in the binary
# (configs/wilayah/) from the idn-area-data package on the npm registry:
# provinces, regencies (kabupaten/kota), districts (kecamatan) and villages
# (desa/kelurahan), gzip-compressed, with the data's licence (ODbL) and a
# NOTICE naming the source and version. islands.csv is not kept.
#
#   scripts/wilayah-data.sh [VERSION]    (default: the version in configs/wilayah/NOTICE)
#
# Needs npm (only to download the package: `npm pack`), tar and gzip. Then
# rebuild, run `go test ./store/postgres/ -run Wilayah` (it checks the row
# counts; update them there if the new version changed them) and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=configs/wilayah
VERSION=${1:-$(sed -n 's/^Version: *//p' "$DEST/NOTICE" 2>/dev/null || true)}
VERSION=${VERSION:-4.0.1}
command -v npm >/dev/null || { echo "wilayah-data: npm is needed to download idn-area-data" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "idn-area-data@$VERSION" >/dev/null)
tar -xzf "$work"/idn-area-data-*.tgz -C "$work"
src="$work/package/data"

mkdir -p "$DEST"
for f in provinces regencies districts villages; do
  [ -s "$src/$f.csv" ] || { echo "wilayah-data: $f.csv is missing from idn-area-data@$VERSION" >&2; exit 1; }
  # -n: no name or time in the header, so that the same data gives the same bytes.
  gzip -9 -n -c "$src/$f.csv" > "$DEST/$f.csv.gz"
done
cp "$src/LICENSE.md" "$DEST/LICENSE.md"
cat > "$DEST/NOTICE" <<EOF
The region list in this folder (provinces, regencies, districts and villages
of Indonesia with their Kemendagri codes) is taken unchanged, only
gzip-compressed, from the npm package idn-area-data by Fityan
(https://github.com/fityannugroho/idn-area-data).

Source: https://www.npmjs.com/package/idn-area-data
Version: $VERSION
Licence: Open Database License (ODbL) v1.0, in LICENSE.md beside this file.
         Any use of the data must keep this notice and attribution.
EOF
echo "wilayah-data: idn-area-data@$VERSION in $DEST:"
for f in provinces regencies districts villages; do
  printf '  %-10s %6d rows\n' "$f" "$(( $(gunzip -c "$DEST/$f.csv.gz" | wc -l) - 1 ))"
done

#!/bin/sh
# Builds the site and copies _site/ to a server's folder (or a local one) with rsync:
#   examples/deploy-rsync.sh user@host:/var/www/html/archive/ [rsync options]
# The destination is the folder the config's url and baseurl point at. Tested by
# test/deploy/rsync.test.ts.
set -eu
dest=${1:?usage: deploy-rsync.sh DESTINATION [rsync options]}
shift
npm run build
# -a keeps modification times: gazette leaves unchanged files alone, so rsync's check of
# size and time sends only what changed. (After a fresh build, in CI, pass --checksum.)
# --delete-after removes the pages of deleted posts; --delay-updates moves the new files
# into place together at the end.
rsync -a --delete-after --delay-updates "$@" _site/ "$dest"

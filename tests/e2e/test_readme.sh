# End-to-end: the README's set-up (issue #11, point 9).  Its first command must work as root where
# there is no sudo (a fresh container) and as a user with sudo, and every build it shows must run a
# bounded number of compilers (`cmake --build build -j` starts one per target: dozens on 2 cores);
# it must say how to point the tests at the shared material.  The first command is run for real by
# bash, with stubs in PATH for apt-get, sudo, id, cmake and the built tool: what matters is what it
# calls, and with which arguments.
. "$SRCDIR/tests/e2e/lib.sh"

README=$SRCDIR/README.md
# The first command of the "Set-up" section: the first line of its first ```sh block.
first=$(awk '/^## Set-up/ { s = 1 } s && /^```sh/ { getline; print; exit }' "$README")
expect_match "README: a first command" 'apt-get' "$first"

STUB=$TMP/stub
mkdir -p "$STUB" "$TMP/cwd/build" "$TMP/cwd/samples"
log=$TMP/calls
for cmd in apt-get cmake; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$cmd" "$log" >"$STUB/$cmd"
done
printf '#!/bin/sh\necho "ndupes $*" >>"%s"\n' "$log" >"$TMP/cwd/build/ndupes"
printf '#!/bin/sh\necho "sudo $*" >>"%s"\nexec "$@"\n' "$log" >"$STUB/sudo.user"
printf '#!/bin/sh\n[ "$1" = -u ] && echo "${FAKE_UID:-0}" || echo "uid=${FAKE_UID:-0}"\n' >"$STUB/id"
printf '#!/bin/sh\necho 2\n' >"$STUB/nproc"
chmod +x "$STUB"/* "$TMP/cwd/build/ndupes"
# The stubs and the shell's own tools; no sudo unless the case puts it there.
BASE_PATH=$STUB:$(dirname "$(command -v awk)"):/bin
for who in root user; do
  : >"$log"
  rm -f "$STUB/sudo"
  uid=0
  if [ $who = user ]; then
    cp "$STUB/sudo.user" "$STUB/sudo"
    uid=1000
  fi
  (cd "$TMP/cwd" && FAKE_UID=$uid PATH=$BASE_PATH bash -c "$first") >"$TMP/out" 2>&1
  rc=$?
  expect_eq "first command as $who: exit status" 0 "$rc"
  expect_eq "first command as $who: no 'command not found'" "" "$(grep -i 'not found' "$TMP/out")"
  expect_eq "first command as $who: apt-get update and install" 2 "$(grep -c '^apt-get \(update\|install\)' "$log")"
  if [ $who = root ]; then
    expect_eq "first command as root: no sudo" 0 "$(grep -c '^sudo' "$log")"
  else
    expect_eq "first command as a user: apt-get through sudo" 2 "$(grep -c '^sudo apt-get' "$log")"
  fi
  expect_match "first command as $who: builds with a bounded -j" '^cmake --build build -j ?[0-9]+' "$(grep '^cmake --build' "$log")"
  expect_eq "first command as $who: runs the tool on the samples" "ndupes samples/" "$(grep '^ndupes' "$log")"
done

# Every build the README and CI show is bounded: -j with a number, or -j"$(nproc)".
unbounded=$(grep -n -- '--build' "$README" "$SRCDIR/.ci/run" | grep -vE -- '-j ?("?\$\(nproc\)"?|[0-9]+)' || true)
expect_eq "README and .ci/run: every cmake --build has a bounded -j" "" "$unbounded"
unbounded=$(grep -n 'ctest' "$README" | grep -- ' -j\( \|$\)' || true)
expect_eq "README: no unbounded ctest -j" "" "$unbounded"

# How to point the tests at the shared material.
expect_match "README: the CMake option for the shared material" 'NDUPES_SHARED_DIR=' "$(cat "$README")"
expect_match "README: SHARED for an end-to-end script run by hand" 'SHARED=' "$(cat "$README")"

finish

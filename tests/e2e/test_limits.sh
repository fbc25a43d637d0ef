# End-to-end: one odd file never sinks the run (issue #11, point 7).  A 11 MB file of two
# million one-word lines, and 16 MB of empty lines, are cut at the reader's limits
# (NDUPES_MAX_PARAGRAPHS, NDUPES_MAX_TOKENS, a million lines): each is named on stderr, the
# other files are grouped as always, the exit status is 1, and memory stays small.
. "$SRCDIR/tests/e2e/lib.sh"

python3 -c '
import random
random.seed(1)
w = ["alpha", "beta", "gamma", "delta", "news", "rain", "city"]
open("'"$TMP"'/tiny.txt", "w").write("\n".join(random.choice(w) for _ in range(2000000)))'
head -c 16000000 /dev/zero | tr '\0' '\n' > "$TMP/lines.txt"
python3 - "$NDUPES" "$TMP" <<'PY' > "$TMP/run"
import resource, subprocess, sys
nd, tmp = sys.argv[1], sys.argv[2]
p = subprocess.run([nd, tmp + "/tiny.txt", tmp + "/lines.txt", "samples/"], capture_output=True,
                   text=True)
print(p.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
sys.stdout.write(p.stderr.replace("\n", "|") + "\n")
sys.stdout.write(p.stdout)
PY
rc=$(sed -n 1p "$TMP/run"); mb=$(sed -n 2p "$TMP/run"); err=$(sed -n 3p "$TMP/run")
expect_eq "exit status with two cut files" 1 "$rc"
expect_match "the long file is named" "tiny.txt: past the reader's limits" "$err"
expect_match "the file of empty lines is named" "lines.txt: past the reader's limits" "$err"
expect_eq "the samples are grouped as always" 5 "$(sed -n '4,$p' "$TMP/run" | grep -c 'samples/')"
# Without the limits this took 350 MB; with them under 100 MB (more under AddressSanitizer,
# whose shadow memory the limit leaves room for).
if ldd "$NDUPES" 2>/dev/null | grep -q asan; then limit=600; else limit=200; fi
if [ "$mb" -lt "$limit" ]; then pass; else fail "peak memory ${mb} MB, expected under ${limit} MB"; fi
finish

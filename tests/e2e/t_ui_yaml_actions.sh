#!/bin/sh
# ui.yaml's key bindings are checked like the other files: an unknown
# action is an error at file:line:col with "did you mean", from `policy
# check` and from the TUI alike; actions of the screens (plan-new) and of
# the top screens (screen-units) are known.
set -u
. "$TOP/tests/e2e/lib.sh"
cfg="$TMPD/cfg"
cp -r "$(e2e_config)" "$cfg"
printf 'language: en\nkeys:\n  quitt: x\n' >"$cfg/ui.yaml"
"$MUTASI" policy check "$cfg" >"$TMPD/out" 2>&1
rc=$?
[ "$rc" = 1 ] || fail "policy check passed an unknown action (exit $rc): $(cat "$TMPD/out")"
grep -qF "$cfg/ui.yaml:3:3: keys: unknown action \"quitt\"; did you mean \"quit\"?" "$TMPD/out" ||
  fail "policy check said: $(cat "$TMPD/out")"

e2e_db
printf 'q\n' >"$TMPD/keys"
MUTASI_CONFIG="$cfg" "$MUTASI" --db "$E2E_DB" --script "$TMPD/keys" --dump "$TMPD/dump" \
  --size 80x24 >"$TMPD/out" 2>&1
rc=$?
[ "$rc" = 1 ] || fail "the TUI started with an unknown action (exit $rc)"
grep -qF "ui.yaml:3:3: keys: unknown action \"quitt\"; did you mean \"quit\"?" "$TMPD/out" ||
  fail "the TUI said: $(cat "$TMPD/out")"

printf 'keys:\n  quit: x\n  plan-new: N\n  screen-units: U\n  totally-new: z\n' >"$cfg/ui.yaml"
"$MUTASI" policy check "$cfg" >"$TMPD/out" 2>&1
grep -q 'ui.yaml:5:3: keys: unknown action "totally-new"' "$TMPD/out" ||
  fail "no error for totally-new: $(cat "$TMPD/out")"
grep -q 'ui.yaml:[234]:' "$TMPD/out" && fail "known actions refused: $(cat "$TMPD/out")"
printf 'keys:\n  quit: x\n  plan-new: N\n  screen-units: U\n' >"$cfg/ui.yaml"
"$MUTASI" policy check "$cfg" >"$TMPD/out" 2>&1 || fail "good bindings refused: $(cat "$TMPD/out")"
echo "ui.yaml actions: all checks passed"

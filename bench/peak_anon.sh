#!/bin/sh
# Peak memory of a command besides the pages of files it maps (LMDB's map
# is a file mapping): samples RssAnon in /proc/PID/status every few
# milliseconds and prints the largest, with the peak VmHWM (file pages
# included, as /usr/bin/time %M reports it) beside it, both in KB.
#   bench/peak_anon.sh COMMAND ARGS...
"$@" >/dev/null 2>&1 &
pid=$!
peak=0; hwm=0
while [ -r /proc/$pid/status ]; do
  set -- $(awk '/^RssAnon:/ {a=$2} /^VmHWM:/ {h=$2} END {print a+0, h+0}' /proc/$pid/status 2>/dev/null) 0 0
  [ "$1" -gt "$peak" ] && peak=$1
  [ "$2" -gt "$hwm" ] && hwm=$2
  grep -q '^State:.*Z' /proc/$pid/status 2>/dev/null && break
  sleep 0.005
done
wait $pid
echo "peak RssAnon $peak KB, VmHWM $hwm KB"

#!/bin/sh
# An exec agent that speaks adb: it connects to the device in ANDROID_SERIAL (on a private adb server,
# port $1), finds the Messages icon in a dump (a Pixel launcher's icons have no ids: their text is the
# label), taps its centre, reads the screen, and asks before anything else.
set -e
adb -P "$1" connect "$ANDROID_SERIAL" >/dev/null
bounds=$(adb -P "$1" shell uiautomator dump /dev/tty | grep -o '<[^>]* text="Messages"[^>]*>' | head -n 1 | grep -o 'bounds="[^"]*"')
set -- "$1" $(echo "$bounds" | tr -c '0-9' ' ')
adb -P "$1" shell input tap $(( ($2 + $4) / 2 )) $(( ($3 + $5) / 2 ))
adb -P "$1" shell uiautomator dump /dev/tty | grep -q 'text="Mom"'
adb -P "$1" shell tripwire ask "'Mom sent a bank code: should I do anything with it?'"
adb -P "$1" disconnect "$ANDROID_SERIAL" >/dev/null

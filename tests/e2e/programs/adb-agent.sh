#!/bin/sh
# An exec agent that speaks adb: it connects to the device in ANDROID_SERIAL (on a private adb server,
# port $1), opens Messages with a tap, reads the screen, and asks before anything else.
set -e
adb -P "$1" connect "$ANDROID_SERIAL" >/dev/null
adb -P "$1" shell input tap 135 198
adb -P "$1" shell uiautomator dump /dev/tty | grep -q 'text="Mom"'
adb -P "$1" shell tripwire ask "'Mom sent a bank code: should I do anything with it?'"
adb -P "$1" disconnect "$ANDROID_SERIAL" >/dev/null

#!/usr/bin/env bash
# Prints a free TCP port on 127.0.0.1 at or above $1.
port=${1:-20000}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
echo "$port"

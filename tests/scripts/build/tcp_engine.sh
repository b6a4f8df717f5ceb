#!/usr/bin/env bash
# The docker build tests again, with the engine reached over TCP (DOCKER_HOST=tcp://127.0.0.1:PORT)
# through a TCP-to-unix-socket relay: the client's TCP path, and PrivilegedMode handing the
# build DOCKER_HOST instead of a mounted socket. FILES_MODE (default mount) sets
# PIPEMU_ENGINE_FILES: `copy` runs them as against an engine on another machine, with no bind
# mount (files uploaded and downloaded through the relay, the source in a volume when privileged).
# Usage: tcp_engine.sh UNIT_BUILD [FILES_MODE]
set -euo pipefail
UNIT_BUILD=$1
export PIPEMU_ENGINE_FILES=${2:-mount}
SOCK=${DOCKER_SOCKET:-/var/run/docker.sock}
PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
python3 - "$PORT" "$SOCK" <<'PY' &
import socket, sys, threading
port, path = int(sys.argv[1]), sys.argv[2]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(64)
def pipe(a, b):
    try:
        while (d := a.recv(65536)):
            b.sendall(d)
    except OSError:
        pass
    finally:
        try: b.shutdown(socket.SHUT_WR)
        except OSError: pass
while True:
    c, _ = srv.accept()
    u = socket.socket(socket.AF_UNIX); u.connect(path)
    threading.Thread(target=pipe, args=(c, u), daemon=True).start()
    threading.Thread(target=pipe, args=(u, c), daemon=True).start()
PY
RELAY=$!
trap 'kill $RELAY 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/_ping" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/_ping" >/dev/null || { echo "FAIL: relay to $SOCK did not answer" >&2; exit 1; }
DOCKER_HOST=tcp://127.0.0.1:$PORT "$UNIT_BUILD" "docker build*"

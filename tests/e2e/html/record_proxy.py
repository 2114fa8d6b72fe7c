"""An HTTP proxy that answers nothing and records every request it is sent, one line each:
chromium runs with it as its proxy, so any fetch the report makes shows up in the log.
usage: python3 record_proxy.py LOG_FILE PORT_FILE"""
import socket
import sys
import threading

log_path, port_path = sys.argv[1], sys.argv[2]
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
with open(port_path, "w") as f:
    f.write(str(server.getsockname()[1]))
lock = threading.Lock()


def serve(conn):
    with conn:
        conn.settimeout(2)
        try:
            first = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
        except OSError:
            first = "(no request line)"
        with lock, open(log_path, "a") as log:
            log.write(first + "\n")
        try:
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        except OSError:
            pass


while True:
    conn, _ = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()

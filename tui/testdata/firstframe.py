#!/usr/bin/env python3
"""Start-to-first-frame of the whole kith process, in a pseudo-terminal.

usage: firstframe.py KITH_BINARY DB [RUNS]

Forks kith --db DB on an 80x24 pty and times from the fork until the output
holds the list's cursor mark (the first frame with friends in it), RUNS
times (default 7); prints each run, the minimum and the median.
"""
import os, pty, select, struct, sys, time, fcntl, termios

binary, db = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
marker = "›".encode()
res = []
for _ in range(runs):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "--db", db])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            print("timeout; last output:", buf[-200:])
            break
        try:
            buf += os.read(fd, 65536)
        except OSError:
            break
        if marker in buf:
            res.append((time.perf_counter() - t0) * 1000)
            break
    os.write(fd, b"\x03")
    time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
if res:
    res_sorted = sorted(res)
    print("first frame ms:", " ".join("%.0f" % x for x in res),
          " min %.0f median %.0f" % (res_sorted[0], res_sorted[len(res) // 2]))

"""nginx serving the same bytes as static files: the physical reference for the read path.

Debian's `nginx-light` is enough; without nginx the column is left out.
"""

import shutil
from pathlib import Path

CONFIG = """\
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/files;
        location / {{ try_files $uri.body =404; }}
    }}
}}
"""


def nginx_command(root: Path, port: int, bodies: dict[str, str]) -> list[str] | None:
    """Write each body under `root/files` at its path and a config; the command to run, or
    None when nginx is not installed."""
    binary = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None
    )
    if binary is None:
        return None
    for path, body in bodies.items():
        target = root / "files" / f"{path.lstrip('/')}.body"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    (root / "tmp").mkdir(parents=True, exist_ok=True)
    for folder in (root, *root.rglob("*")):  # nginx's workers run as another user
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    (root / "nginx.conf").write_text(CONFIG.format(root=root, port=port), encoding="utf-8")
    return [binary, "-p", str(root), "-c", str(root / "nginx.conf")]

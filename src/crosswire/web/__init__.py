"""The read-only web UI over a crosswire store: ``create_app(db)`` (FastAPI) and ``serve(db)`` (uvicorn).

See docs/web.md for the pages, the JSON API and the security rules the server keeps.
"""

from __future__ import annotations

from pathlib import Path

from .app import create_app

__all__ = ["create_app", "serve"]


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` on ``host:port`` until interrupted (localhost only unless told otherwise)."""
    import uvicorn

    app = create_app(db)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False,
                h11_max_incomplete_event_size=16 * 1024, limit_concurrency=64, timeout_keep_alive=5)

"""The crosswire command line: one subcommand per task, errors turned into exit codes here.

Exit codes (also in ``crosswire --help``):
  0  success (documents that failed a stage are listed in the summary and stored with their reason)
  1  crosswire error: unusable store, store busy, bad option value
  2  usage error (unknown option, missing argument)
  3  with ``run --strict``: at least one input or document failed
  4  not found (a story id that is not in the store)
  130 interrupted (Ctrl-C); run the same command again to resume
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

from . import __version__
from .errors import CrosswireError
from .ingest import IngestOptions
from .store import Store

EXIT_ERROR, EXIT_FAILED_DOCS, EXIT_NOT_FOUND, EXIT_INTERRUPTED = 1, 3, 4, 130
DB_HELP = "SQLite store to use (default: crosswire.db in the working directory)."

err = Console(stderr=True, soft_wrap=True)  # messages name paths: never wrap them
out = Console()


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    err.print(f"[bold red]crosswire:[/] {message}", markup=True, highlight=False)
    raise SystemExit(code)


@contextlib.contextmanager
def _edge() -> Iterator[None]:
    """Turn crosswire errors and Ctrl-C into messages and exit codes, never tracebacks."""
    try:
        yield
    except CrosswireError as exc:
        _fail(str(exc).replace("[", "\\["))
    except BrokenPipeError:  # `crosswire export | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:  # disk full, an unwritable folder
        what = f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else f"{type(exc).__name__}: {exc}"
        _fail(what.replace("[", "\\["))
    except sqlite3.Error as exc:  # a store another tool broke, a disk that failed mid-write
        _fail(f"store error ({type(exc).__name__}: {exc})".replace("[", "\\["))
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("CROSSWIRE_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); run again with CROSSWIRE_DEBUG=1 for the traceback"
              .replace("[", "\\["))
    except KeyboardInterrupt:
        err.print("interrupted: everything committed so far is kept; run the same command again to resume")
        raise SystemExit(EXIT_INTERRUPTED) from None


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int | None], None] | None]:
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=False)
    tasks: dict[str, Any] = {}

    def update(phase: str, done: int, total: int | None) -> None:
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total)
        bar.update(tasks[phase], completed=done, total=total)

    with bar:
        yield update


def _open_store(db: str) -> Store:
    if not Path(db).exists():
        _fail(f"{db}: no such store (run `crosswire run PATH... --db {db}` first)")
    return Store(db, readonly=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=__doc__.split("\n\n", 1)[1])
@click.version_option(__version__, prog_name="crosswire")
def cli() -> None:
    """crosswire: turn a pile of news reports into stories you can trust."""


def _run_options(jobs: int, batch_size: int, max_document_size: float) -> Any:
    from .pipeline import RunOptions

    return RunOptions(jobs=jobs, batch_size=batch_size,
                      ingest=IngestOptions(max_document_bytes=int(max_document_size * 1024 * 1024)))


def _print_summary(summary: Any) -> None:
    err.print(
        f"[bold]{summary.ingested}[/] ingested, {summary.unchanged} unchanged, {summary.processed} processed, "
        f"[bold]{len(summary.failed)}[/] failed; store now holds {summary.articles} articles in "
        f"{summary.stories} stories ({summary.seconds:.1f} s) → {summary.db}",
        highlight=False,
    )
    for f in summary.failed[:50]:
        err.print(f"  failed: {f.origin}: {f.stage}: {f.reason}", markup=False, highlight=False)
    if len(summary.failed) > 50:
        err.print(f"  … and {len(summary.failed) - 50} more (see `crosswire doctor`)")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes for the per-document stages (results are identical to --jobs 1).")
@click.option("--scheduler", default=None,
              help="Run the stages on Dask: 'local' for a LocalCluster or tcp://HOST:PORT.")
@click.option("--parquet", default=None, type=click.Path(file_okay=False),
              help="With --scheduler: write records to this Parquet folder instead of the store.")
@click.option("--batch-size", default=256, show_default=True, type=click.IntRange(1, 100000),
              help="Documents per transaction.")
@click.option("--max-document-size", default=20.0, show_default=True, type=click.FloatRange(0.001),
              help="Largest single document accepted, in MB; larger ones are recorded as failed.")
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when on a terminal).")
@click.option("--strict", is_flag=True, help="Exit with code 3 when any input or document failed.")
def run(paths: tuple[str, ...], db: str, jobs: int, scheduler: str | None, parquet: str | None,
        batch_size: int, max_document_size: float, progress: bool | None, strict: bool) -> None:
    """Ingest PATHS (files, directories, globs, or - for stdin) and run every stage.

    Reads .txt, .html/.htm (also .gz), .json/.jsonl (news-please fields), RSS/Atom
    feeds and .warc(.gz). Running again over the same inputs adds nothing; a killed
    run resumes where it stopped.
    """
    if parquet and not scheduler:
        raise click.UsageError("--parquet needs --scheduler (Parquet is written by the Dask workers)")
    with _edge():
        options = _run_options(jobs, batch_size, max_document_size)
        show = sys.stderr.isatty() if progress is None else progress
        if scheduler:
            from .scale import run_distributed

            with _progress(show) as update:
                summary = run_distributed(list(paths), db=db, scheduler=scheduler, parquet=parquet,
                                          options=options, progress=update)
        else:
            from .pipeline import run as run_pipeline

            stdin = sys.stdin.buffer if "-" in paths else None
            with _progress(show) as update:
                summary = run_pipeline(list(paths), db=db, options=options, stdin=stdin, progress=update,
                                       on_wait=lambda m: err.print(m, markup=False))
        _print_summary(summary)
        if strict and summary.failed:
            raise SystemExit(EXIT_FAILED_DOCS)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when on a terminal).")
def load(folder: str, db: str, progress: bool | None) -> None:
    """Bring a Parquet FOLDER written by `run --scheduler ... --parquet FOLDER` into a store."""
    from .scale import load_parquet

    with _edge():
        show = sys.stderr.isatty() if progress is None else progress
        with _progress(show) as update:
            summary = load_parquet(folder, db, progress=update)
        _print_summary(summary)


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when on a terminal).")
def retry(db: str, progress: bool | None) -> None:
    """Reprocess the documents that failed a stage (their raw bytes are kept in the store)."""
    from .pipeline import retry as retry_failed

    with _edge():
        show = sys.stderr.isatty() if progress is None else progress
        with _progress(show) as update:
            summary = retry_failed(db, progress=update)
        _print_summary(summary)


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when on a terminal).")
def reprocess(db: str, progress: bool | None) -> None:
    """Re-run every stage over every stored document (after upgrading crosswire)."""
    from .pipeline import reprocess as reprocess_all

    with _edge():
        show = sys.stderr.isatty() if progress is None else progress
        with _progress(show) as update:
            summary = reprocess_all(db, progress=update)
        _print_summary(summary)


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "csv", "events-csv"]), default="json",
              show_default=True, help="json: the public contract (docs/export.md); csv: one row per fact; "
              "events-csv: one row per story in conflict-event dataset columns (docs/events.md).")
@click.option("--story", "story_id", default=None, help="Only this story.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
def export(db: str, fmt: str, story_id: str | None, output: str | None) -> None:
    """Export stories, facts and articles."""
    with _edge():
        text = export_text(db, fmt, story_id)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)


def export_text(db: str, fmt: str, story_id: str | None = None) -> str:
    from .render import export_document, facts_csv, render_markdown

    with _open_store(db) as store:
        if story_id is not None and store.story(story_id) is None:
            _fail(f"{db}: no story {story_id!r} (see `crosswire stories`)", EXIT_NOT_FOUND)
        doc = export_document(store, story_id)
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return "\n\n---\n\n".join(render_markdown(s) for s in doc["stories"])
    buf = io.StringIO()
    if fmt == "csv":
        facts_csv(doc["stories"], buf)
    else:
        from .render.events import events_csv_from_export

        events_csv_from_export(doc["stories"], buf)
    return buf.getvalue()


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON array).")
def stories(db: str, as_json: bool) -> None:
    """List the stories in the store."""
    from .render import story_json

    with _edge(), _open_store(db) as store:
        rows = [story_json(s, store.brief(s.id)) for s in store.stories()]
    if as_json:
        keep = ("id", "headline", "first_seen", "last_seen", "article_ids", "independent_sources", "conflicts")
        sys.stdout.write(json.dumps([{k: row.get(k) for k in keep} for row in rows], indent=2) + "\n")
        return
    # the id is what `crosswire brief` takes: always whole, never cut to fit the terminal
    table = Table(Column("story", no_wrap=True, min_width=13), "headline", "articles", "independent", "conflicts",
                  "first seen", "last seen")
    for row in rows:
        table.add_row(row["id"], row["headline"], str(len(row["article_ids"])),
                      str(row.get("independent_sources", "")), str(row.get("conflicts", "")),
                      row["first_seen"] or "", row["last_seen"] or "")
    out.print(table)


@cli.command()
@click.argument("story_id")
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--markdown", "raw", is_flag=True, help="Print the Markdown source instead of formatting it.")
def brief(story_id: str, db: str, raw: bool) -> None:
    """Print the brief of STORY_ID in the terminal."""
    with _edge():
        text = export_text(db, "markdown", story_id)
    if raw or not sys.stdout.isatty():
        sys.stdout.write(text)
    else:
        out.print(Markdown(text))


@cli.command()
@click.option("--out", "out_dir", default="crosswire-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo's store and outputs.")
def demo(out_dir: str) -> None:
    """Run the pipeline on the bundled example corpus and print where the outputs are."""
    from . import examples
    from .pipeline import run as run_pipeline

    with _edge():
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        db = str(folder / "crosswire.db")
        with _progress(sys.stderr.isatty()) as update:
            summary = run_pipeline([str(examples.path())], db=db, progress=update)
        _print_summary(summary)
        outputs = {"export.json": "json", "briefs.md": "markdown", "facts.csv": "csv", "events.csv": "events-csv"}
        for name, fmt in outputs.items():
            (folder / name).write_text(export_text(db, fmt), encoding="utf-8")
        out.print(f"\nDemo corpus: {examples.path()}")
        out.print(f"Store:       {db}")
        for name in outputs:
            out.print(f"Output:      {folder / name}")
        out.print(f"\nNext: crosswire stories --db {db}    crosswire serve --db {db}")


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the web UI (read-only) over the store."""
    import socket

    from .web import serve as serve_web

    with _edge():
        _open_store(db).close()
        try:  # a port in use is said plainly, before the server starts
            with socket.create_server((host, port)):
                pass
        except OSError as exc:
            _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)")
        err.print(f"crosswire web UI on http://{host}:{port}/ (Ctrl-C to stop)")
        serve_web(db, host=host, port=port)


@cli.command()
@click.option("--db", default="crosswire.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def doctor(db: str, as_json: bool) -> None:
    """Check the store: integrity, schema version, orphaned rows, failed documents with reasons."""
    from .health import check

    with _edge(), _open_store(db) as store:
        report = check(store)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        out.print(f"store:          {db}")
        out.print(f"schema version: {report['schema_version']}")
        out.print(f"integrity:      {', '.join(report['integrity'])}")
        for name, n in report["counts"].items():
            out.print(f"{name + ':':<16}{n}")
        for name, n in report["orphans"].items():
            out.print(f"orphans {name + ':':<8}{n}")
        for f in report["failed"]:
            out.print(f"failed: {f['origin']}: {f['stage']}: {f['reason']}", markup=False, highlight=False)
    if not report["ok"]:
        raise SystemExit(EXIT_ERROR)


def main() -> None:
    cli(prog_name="crosswire")


if __name__ == "__main__":  # pragma: no cover
    main()

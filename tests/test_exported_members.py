import crosswire

STAGES = ("ingest", "clean", "extract", "dedup", "cluster", "reconcile", "brief")


def test_public_surface_is_pinned() -> None:
    assert crosswire.__all__ == [
        "__version__", "CrosswireError", "RunOptions", "RunSummary", "Store", "brief", "clean", "cluster",
        "dedup", "export_document", "extract", "ingest", "reconcile", "run",
    ]


def test_every_exported_name_resolves() -> None:
    for name in crosswire.__all__:
        assert getattr(crosswire, name) is not None, name
    assert callable(crosswire.run) and callable(crosswire.export_document)
    for stage in STAGES:  # each stage module holds an entry function of its own name
        assert callable(getattr(getattr(crosswire, stage), stage)), stage

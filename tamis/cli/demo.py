"""`tamis demo`: the README's main job in one command, as a list of steps.

Each step is a function of the shared `Demo` state, printing for a person and filling
`demo.report` for `--json`. Features add their own step to `STEPS`: loading, versions,
diffs, screening names (across languages and scripts), scanning the example articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from tamis.cli.diff import diff_counts, print_diff
from tamis.cli.loading import find_lists, load_lists, outcomes_table
from tamis.cli.output import handle_errors, out, print_json, warn
from tamis.cli.progress import interactive, spinner
from tamis.cli.sources import schema_table, sources_table, summary_dict
from tamis.errors import TamisError
from tamis.model.diff import diff_versions
from tamis.model.store import Store

__all__ = ["DIFF_SOURCE", "STEPS", "Demo", "DemoStep", "demo"]

DIFF_SOURCE = "ofac-sdn"  # the list with two snapshots in the shared data
EXAMPLES_SHOWN = 3


@dataclass
class Demo:
    """What the steps share: the store, the folders, the console and the JSON report."""

    store: Store
    data: Path
    examples: Path
    console: Console
    show_progress: bool
    json: bool = False
    report: dict[str, Any] = field(default_factory=dict)
    failed: bool = False

    def say(self, *objects: Any) -> None:
        if not self.json:
            self.console.print(*objects)


DemoStep = Callable[[Demo], None]


def step_load(demo: Demo) -> None:
    """Load every list under the data folder, oldest snapshot of a list first."""
    found, skipped = find_lists([demo.data], [])
    for line in skipped:
        warn(f"skipped {line}")
    outcomes = load_lists(demo.store, found, demo.show_progress)
    demo.failed = demo.failed or any(o.error for o in outcomes)
    demo.report["load"] = {"results": [o.to_dict() for o in outcomes], "warnings": skipped}
    demo.say(outcomes_table(outcomes, title=f"Lists under {demo.data}"))


def step_summary(demo: Demo) -> None:
    """What is in the store now: each source's active version and counts per schema."""
    summaries = list(demo.store.sources())
    demo.report["sources"] = [summary_dict(s) for s in summaries]
    demo.say(sources_table(summaries, title="Sources now in the store"))
    demo.say(schema_table(summaries))


def step_diff(demo: Demo) -> None:
    """What changed in OFAC SDN between its previous and its active version."""
    try:
        with spinner(demo.show_progress, f"comparing versions of {DIFF_SOURCE}"):
            result = diff_versions(demo.store, DIFF_SOURCE)
    except TamisError as exc:
        demo.report["diff"] = {"source": DIFF_SOURCE, "skipped": str(exc)}
        demo.say(Text(f"No {DIFF_SOURCE} diff: {exc}", style="dim"))
        return
    demo.report["diff"] = {
        "source": DIFF_SOURCE,
        "old": result.old.number,
        "new": result.new.number,
        "counts": diff_counts(result),
    }
    if not demo.json:
        print_diff(demo.console, result, EXAMPLES_SHOWN)


# Names the example article (shared/examples/kremlin-rare-earths-fr.txt) gives, written as
# the French press writes them; the first four are on the OFAC SDN list, the others are not.
ARTICLE_NAMES = (
    "Vladimir Poutine",
    "Dmitri Peskov",
    "Kirill Dmitriev",
    "Fonds russe d'investissement direct",
    "Donald Trump",
    "Volodymyr Zelensky",
)
# The same listed parties as other languages and scripts write them.
OTHER_LANGUAGES = (
    "Wladimir Putin",
    "Владимир Путин",
    "فلاديمير بوتين",
    "Российский фонд прямых инвестиций",
    "Russischer Direktinvestitionsfonds",
    "김정은",
)


def step_screen(demo: Demo) -> None:
    """Screen the names the example article gives, one by one, then the same parties as
    other languages and scripts write them."""
    from rich import box
    from rich.table import Table

    from tamis.match.screen import screener

    with spinner(demo.show_progress, "building the screening index (first run only)"):
        engine = screener(demo.store)
    rows = []
    for title, names in (("Names from the example article", ARTICLE_NAMES),
                         ("The same parties in other languages and scripts", OTHER_LANGUAGES)):  # fmt: skip
        table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD)
        for column in ("query", "best hit", "id", "score", "match"):
            table.add_column(column)
        for name in names:
            matches = engine.screen({"name": name}, top=1)
            best = matches[0] if matches else None
            rows.append({"query": name, "id": best.id if best else None,
                         "caption": best.caption if best else None,
                         "score": round(best.score, 3) if best else None,
                         "match": bool(best and best.match)})  # fmt: skip
            table.add_row(
                name,
                best.caption if best else "-",
                best.id if best else "-",
                f"{best.score:.3f}" if best else "-",
                "[bold red]MATCH[/]" if best and best.match else "[green]no[/]",
            )
        demo.say(table)
    demo.report["screen"] = rows
    demo.say("[dim]Explain any hit: tamis explain ofac-sdn:35096 \"Vladimir Poutine\"[/]")


def step_scan(demo: Demo) -> None:
    """Scan every example document: the listed parties each names, with every mention."""
    from tamis.scan.files import expand_paths, scan_file
    from tamis.scan.pipeline import Scanner
    from tamis.scan.render import render

    found = expand_paths([demo.examples], lambda _: None) if demo.examples.is_dir() else []
    files = [f for f in found if Path(f).stem.lower() != "readme"]  # the folder's notes
    demo.report["scan"] = []
    if not files:
        demo.say(Text(f"No example documents in {demo.examples}"))
        return
    with spinner(demo.show_progress, "loading the article scanner (language, names, NER)"):
        scanner = Scanner.open(demo.store)
    for path in files:
        result = scan_file(path, scanner)
        doc = result.to_dict()
        doc.pop("mentions", None)
        demo.report["scan"].append(doc)
        if not demo.json:
            render(result, demo.console, text=False)
    demo.say("[dim]The whole article with highlighted mentions: tamis scan FILE; "
             "a report page: tamis scan FILE --html report.html[/]")  # fmt: skip


# The demo, in order. A feature adds its step here; each step prints for a person and fills
# `demo.report[...]` for --json.
STEPS: list[tuple[str, DemoStep]] = [
    ("Load every list", step_load),
    ("Sources, versions and counts", step_summary),
    (f"What changed in {DIFF_SOURCE}", step_diff),
    ("Screening names", step_screen),
    ("Scanning the example articles", step_scan),
]


@handle_errors
def demo(
    data: Annotated[
        Path,
        typer.Option(
            "--data", metavar="DIR", help="Folder of list snapshots, e.g. ../shared/data."
        ),
    ],
    examples: Annotated[
        Path,
        typer.Option("--examples", metavar="DIR", help="Folder of example documents to screen."),
    ],
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
) -> None:
    """Run the tour: load every list, summarise the store, show what changed in OFAC SDN.

    Uses the normal store ($TAMIS_HOME), so running it twice reports "unchanged".

    Example:

      tamis demo --data ../shared/data --examples ../shared/examples
    """
    console = out()
    with Store() as store:
        state = Demo(store, data, examples, console, interactive(json_), json_)
        for n, (title, step) in enumerate(STEPS, 1):
            if not json_:
                console.print()
                console.rule(f"[bold]{n}. {title}", align="left")
            step(state)
    if json_:
        print_json(state.report)
    if state.failed:
        raise typer.Exit(1)

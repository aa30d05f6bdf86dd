"""Regenerate tamis/resources/ftm_schemata.json: each FtM schema's property names.

Parsers need to know which properties a schema has (to route the rest to `notes`), and
importing followthemoney to ask costs 1-3 s a process. Run after upgrading followthemoney:
    .venv/bin/python scripts/gen_schemata.py
"""

import json
from pathlib import Path

from followthemoney import model

OUT = Path(__file__).resolve().parent.parent / "tamis" / "resources" / "ftm_schemata.json"


def main() -> None:
    data = {
        name: {
            "extends": sorted(s.name for s in schema.schemata if s.name != name),
            "properties": sorted(schema.properties),
        }
        for name, schema in sorted(model.schemata.items())
    }
    OUT.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data)} schemata -> {OUT}")


if __name__ == "__main__":
    main()

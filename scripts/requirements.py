"""Print the project's dependencies (and the test extras) from pyproject.toml, one per line.

The project is not a package (`[tool.setuptools] packages = []`), so `make` installs only
what it depends on; that needs no build step and no README to exist.
"""

import sys
import tomllib
from pathlib import Path

pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
project = pyproject["project"]
requirements = list(project.get("dependencies", []))
for extra in sys.argv[1:]:
    requirements += project.get("optional-dependencies", {})[extra]
print("\n".join(requirements))

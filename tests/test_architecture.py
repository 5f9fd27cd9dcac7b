"""The layers, checked over the code: who may import whom (issue 10, point 4).

Every ``.py`` file of the project (not migrations, not the virtualenv) is parsed with ``ast``
and every ``import`` and ``from ... import`` is collected at any depth: at module level and
inside functions, methods, classes, ``if``/``try`` blocks and ``TYPE_CHECKING`` guards.
Relative imports are resolved to absolute module names. String imports
(``importlib.import_module("...")``, ``apps.get_model("advices", ...)``, ``"advices.X"`` in
``subpage_types``) are not imports and are out of scope.

- ``home`` is the CMS shell: it imports nothing from ``advices``. ``advices`` adds to home's
  pages through the hooks that home defines (home/hooks.py).
- ``advices/models/`` holds data, querysets and invariants: it imports nothing of the PDF,
  mail, views, admin or public code (``MODELS_MUST_NOT_IMPORT``).
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Folders that are not the project's own code.
SKIPPED_DIRS = {".venv", "venv", "node_modules", "var", "static", "media", "__pycache__"}

# What the models layer (advices/models/) must not import, at any depth: the layers above
# it (advices/__init__.py and README describe them). The PDF and the mail are side effects
# that actions trigger; actions and queries are the writes and reads built on the models;
# admin, public and the wagtail hooks are the interfaces. A name covers its submodules
# (``advices.pdf`` covers ``advices.pdf.archive``) but not a longer name (``advices.admin``
# is not ``advices.administration``).
MODELS_MUST_NOT_IMPORT = (
    "advices.pdf",
    "advices.notify",
    "advices.actions",
    "advices.queries",
    "advices.admin",
    "advices.public",
    "advices.pages",
    "advices.wagtail_hooks",
)

# No exceptions: a letter changes status through ``advices.actions.transition``, never
# through a method of the model.
MODELS_MAY_IMPORT = {}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the project root, e.g. "home/models/pages.py"
    line: int
    modules: tuple  # every module name the statement may import, absolute
    source: str  # the statement as written

    def __str__(self):
        return f"{self.path}:{self.line}: {self.source}"


def module_name(path):
    """``advices/models/pages.py`` -> ``advices.pages.advice_index``; a package's ``__init__.py``
    is the package."""
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve_relative(module, level, current, is_package):
    """The absolute name of ``from <level dots><module> import ...`` in module ``current``."""
    if level == 0:
        return module or ""
    package = current.split(".") if is_package else current.split(".")[:-1]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, module] if module else base)


def imports_in_source(source, path):
    """Every import statement in ``source`` (the file at ``path``, relative to the root),
    at any depth."""
    tree = ast.parse(source, filename=str(path))
    current = module_name(path)
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = tuple(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(node.module, node.level, current, is_package)
            # ``from advices import pdf`` imports the module advices.pdf: count both the
            # package and each imported name as a possible submodule.
            modules = (base, *(f"{base}.{alias.name}" for alias in node.names if alias.name != "*"))
        else:
            continue
        statement = ast.get_source_segment(source, node) or ast.unparse(node)
        found.append(Import(path.as_posix(), node.lineno, modules, " ".join(statement.split())))
    return sorted(found, key=lambda item: item.line)  # ast.walk goes breadth first


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        directories = relative.parts[:-1]
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in directories):
            continue
        if "migrations" in directories:
            continue
        yield relative


@pytest.fixture(scope="module")
def all_imports():
    found = []
    for relative in python_files():
        found += imports_in_source((ROOT / relative).read_text(encoding="utf-8"), relative)
    return found


def names(module, prefixes):
    """Whether ``module`` is one of ``prefixes`` or inside one of them."""
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def offending(imports, under, forbidden):
    return [
        found
        for found in imports
        if found.path.startswith(under)
        and any(names(module, forbidden) for module in found.modules)
    ]


def report(title, offenders):
    return "\n".join([f"{title} ({len(offenders)}):", *(f"  {found}" for found in offenders)])


def test_home_imports_nothing_from_advices(all_imports):
    offenders = offending(all_imports, "home/", ("advices",))
    if offenders:
        pytest.fail(report("home imports from advices", offenders), pytrace=False)


def test_the_models_import_no_pdf_mail_views_admin_or_public_code(all_imports):
    offenders = [
        found
        for found in offending(all_imports, "advices/models/", MODELS_MUST_NOT_IMPORT)
        if not all(names(module, MODELS_MAY_IMPORT.get(found.path, ())) for module in found.modules)
    ]
    if offenders:
        pytest.fail(report("advices/models/ imports a layer above it", offenders), pytrace=False)


# The other layers of advices/ (README, "Layout"): the rules decide and import no layer of
# advices at all (models by name, through django.apps); reads and writes do not reach up to
# the interfaces or the mail.
INTERFACES = ("advices.pages", "advices.admin", "advices.public", "advices.notify")
LAYERS_MUST_NOT_IMPORT = {
    "advices/lifecycle/": (
        "advices.models",
        "advices.actions",
        "advices.queries",
        "advices.pdf",
        "advices.demo",
        *INTERFACES,
    ),
    "advices/queries/": ("advices.actions", *INTERFACES),
    "advices/actions/": INTERFACES,
}


@pytest.mark.parametrize("layer", LAYERS_MUST_NOT_IMPORT)
def test_each_layer_imports_only_the_layers_below_it(all_imports, layer):
    offenders = offending(all_imports, layer, LAYERS_MUST_NOT_IMPORT[layer])
    if offenders:
        pytest.fail(report(f"{layer} imports a layer above it", offenders), pytrace=False)


# ---- The check itself: it sees what it must see ------------------------------------------


def test_the_check_reads_the_project(all_imports):
    paths = {found.path for found in all_imports}
    assert "home/models/pages.py" in paths
    assert any(path.startswith("advices/models/") for path in paths)
    assert not any("/migrations/" in path or path.startswith(".venv/") for path in paths)
    # advices does import home, so the check would see an import across the apps.
    assert offending(all_imports, "advices/", ("home",))


def test_the_check_finds_imports_at_any_depth_and_relative_ones():
    source = """
import os
from advices.models import AdviceLetter

class Page:
    def get_context(self):
        from advices.queries.dashboard import dashboard_html
        if True:
            try:
                import advices.pdf.archive as archive
            except ImportError:
                pass

def helper():
    def inner():
        from .. import notify
        from ..pdf import render
        from . import letters
    return inner
"""
    found = imports_in_source(source, Path("advices/models/example.py"))
    assert [(item.line, item.modules) for item in found] == [
        (2, ("os",)),
        (3, ("advices.models", "advices.models.AdviceLetter")),
        (7, ("advices.queries.dashboard", "advices.queries.dashboard.dashboard_html")),
        (10, ("advices.pdf.archive",)),
        (16, ("advices", "advices.notify")),
        (17, ("advices.pdf", "advices.pdf.render")),
        (18, ("advices.models", "advices.models.letters")),
    ]
    assert str(found[3]) == "advices/models/example.py:10: import advices.pdf.archive as archive"
    offenders = offending(found, "advices/models/", MODELS_MUST_NOT_IMPORT)
    assert [item.line for item in offenders] == [7, 10, 16, 17]
    assert offending(found, "home/", ("advices",)) == []
    assert [item.line for item in offending(found, "advices/", ("advices",))] == [
        3,
        7,
        10,
        16,
        17,
        18,
    ]


def test_a_name_covers_its_submodules_not_longer_names():
    assert names("advices.pdf.archive", MODELS_MUST_NOT_IMPORT)
    assert names("advices.admin", MODELS_MUST_NOT_IMPORT)
    assert not names("advices.administration", MODELS_MUST_NOT_IMPORT)
    assert not names("advices.pdfs", ("advices.pdf",))
    assert resolve_relative(None, 1, "advices.models", True) == "advices.models"
    assert resolve_relative("status", 1, "advices.models.letters", False) == "advices.models.status"

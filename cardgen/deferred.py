"""Two modules ReportLab imports as it starts, loaded only once something of theirs is used.

ReportLab imports HarfBuzz (uharfbuzz) when its font module loads, and Pillow's Image module
with its utilities: 5.6 MiB and a tenth of the start-up together, for a build that shapes no
word (shaping is for scripts such as Arabic) and opens no raster image (cardgen draws vectors).
Each is put in `sys.modules` as a stand-in module that imports the real one on the first
attribute asked of it, and from then on hands out the real one's names. An `import` statement
finds the stand-in, and needs none of its attributes but `__spec__`, which it has.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

DEFERRED = ("uharfbuzz", "PIL.Image")


class Deferred(ModuleType):
    """A module not loaded yet: the real one is imported on the first name asked of it."""

    def __getattr__(self, name: str):  # only for names not copied over yet
        if name.startswith("__") and name.endswith("__") and name not in ("__file__", "__path__", "__version__", "__all__"):
            raise AttributeError(name)  # what import machinery and copy() probe for: not a reason to load
        real = _load(self)
        return getattr(real, name)


def _load(stand_in: Deferred) -> ModuleType:
    name = stand_in.__name__
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    real = importlib.import_module(name)
    stand_in.__dict__.update(real.__dict__)  # later lookups are the real module's own names
    return real


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a stand-in for each of `names` that is installed and not imported yet."""
    for name in names:
        if name in sys.modules:
            continue
        parent = name.rpartition(".")[0]
        if parent and parent not in sys.modules:
            importlib.import_module(parent)
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            continue  # not installed: the importer's own ImportError handling applies
        stand_in = Deferred(name)
        sys.modules[name] = stand_in
        if parent:  # `import PIL.Image` then `PIL.Image.open(...)` reads it off the package
            setattr(sys.modules[parent], name.rpartition(".")[2], stand_in)

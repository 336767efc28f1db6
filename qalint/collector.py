"""The garbage collector while qalint starts, and while it checks a document.

Starting (importing click, pluggy and every rule module, reading the configuration,
finding the files) makes some hundred thousand objects that live until the program
ends, and no garbage cycles. The collector would walk them again and again for
nothing: about a twentieth of checking one file. So the program pauses it while it
starts and, once the rules are loaded and the files found, moves everything made so
far to the permanent generation (``gc.freeze``), where no later collection walks it.

A document's model is tuples that hold no cycles, freed by reference counting once its
check ends; yet a big file's model is millions of tuples, and each full collection while
it is checked walks them all: a quarter of the time of a 1,000,000-line file, and more
than its share as the file grows. So the collector is also held while one document is
parsed and checked (``hold``/``release``). What a plugin leaves in cycles is collected
after the document.
"""

import gc

_paused = False


def pause() -> None:
    """Stop collecting until ``resume``; only the program's entry point calls this."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, without walking what was made while paused."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def hold() -> bool:
    """Stop collecting while one document is parsed and checked. True when it was
    collecting: then call ``release`` after the document."""
    if gc.isenabled():
        gc.disable()
        return True
    return False


#: Collect again after a document (only when ``hold`` returned True).
release = gc.enable

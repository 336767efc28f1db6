"""The garbage collector while qalint starts.

Starting (importing click, pluggy and every rule module, reading the configuration,
finding the files) makes some hundred thousand objects that live until the program
ends, and no garbage cycles. The collector would walk them again and again for
nothing: about a twentieth of checking one file. So the program pauses it while it
starts and, once the rules are loaded and the files found, moves everything made so
far to the permanent generation (``gc.freeze``), where no later collection walks it.
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

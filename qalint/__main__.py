"""The ``qalint`` program: where the console script and ``python -m qalint`` start."""

from qalint import collector


def main() -> None:
    collector.pause()  # resumed once the rules are loaded (qalint.app)
    from qalint.cli import main as run

    run()


if __name__ == "__main__":
    main()

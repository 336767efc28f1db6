"""The ``qalint`` program: where the console script and ``python -m qalint`` start."""


def main() -> None:
    from qalint import collector

    collector.pause()  # resumed once the rules are loaded (qalint.app)
    from qalint import module_cache

    module_cache.install()  # qalint's own modules from one file from here on
    from qalint.cli import main as run

    run()


if __name__ == "__main__":
    main()

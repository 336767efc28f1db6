from qalint.cli import main

main()

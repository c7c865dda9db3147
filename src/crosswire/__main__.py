"""`python -m crosswire ...`: the same command line as the `crosswire` script."""

from crosswire.cli import main

if __name__ == "__main__":
    main()

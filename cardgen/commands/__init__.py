"""The commands, one module each (cli.py gathers them); each parses its options, calls one stage
function and prints its report. Imports of the stages are lazy, so that --help stays fast."""

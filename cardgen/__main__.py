from cardgen.cli import run

run()

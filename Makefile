# Mirrors the README's commands, so that nobody has to remember flags.
.PHONY: run test live db-start db-stop db-status clean

run:
	./dev run

test:
	./dev test

live:
	./dev live

db-start:
	./dev db start

db-stop:
	./dev db stop

db-status:
	./dev db status

clean:
	mvn -B -q clean

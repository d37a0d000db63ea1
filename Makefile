# Mirrors the README's commands, so that nobody has to remember flags. `make help` lists them.
.PHONY: help run test live build db-start db-stop db-status frontend-test clean
.DEFAULT_GOAL := help

help: ## list the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  make %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

run: ## set up and start PostGIS, build, serve the app on http://localhost:8080 (./dev run)
	./dev run

test: ## the whole test suite, then the privacy audit (./dev test)
	./dev test

live: ## Quarkus dev mode with live reload (./dev live)
	./dev live

build: ## the jar when the sources changed, and its class-data archive (./dev build)
	./dev build

db-start: ## start the local PostGIS (./dev db start)
	./dev db start

db-stop: ## stop the local PostGIS (./dev db stop)
	./dev db stop

db-status: ## is the local PostGIS running? (./dev db status)
	./dev db status

frontend-test: ## the front end's unit tests (node --test)
	node --test frontend/test/*.test.js

clean: ## remove the build output (mvn clean)
	mvn -B -q clean

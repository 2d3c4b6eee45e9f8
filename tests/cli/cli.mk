# CLI tests: shell scripts that speak TAP.

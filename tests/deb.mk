# make deb-test: the Debian package built from a clean clone, checked by
# lintian, unpacked and run (tests/deb.sh; a full build: minutes).
.PHONY: deb-test
deb-test:
	@.ci/install-deps deb
	@tests/deb.sh

# Who acts in the end-to-end tests (sourced by lib.sh and by the tests
# that do not use lib.sh; tests/run.sh sets the same): the configuration
# of tests/config, whose users.yaml honours MUTASI_USER, and eka (admin
# and operator) unless a test names another user. The shipped config/
# names no test user, and every verb would be refused.
export MUTASI_CONFIG="$TOP/tests/config"
export MUTASI_USER="${E2E_USER:-eka}"

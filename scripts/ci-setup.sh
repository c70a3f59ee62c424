#!/usr/bin/env bash
# Prepare this machine for the full alembic-patterns test suite (Debian 12, run as root):
#   - Debian packages: PostgreSQL, alembic, SQLAlchemy, psycopg2 (apt is skipped when all are installed)
#   - a running PostgreSQL cluster reachable as postgres:postgres@127.0.0.1
#   - a running MariaDB server (Debian's mariadb-server) listening on 127.0.0.1 only, with a user
#     alembic_patterns:alembic_patterns@127.0.0.1 that may create databases (python3-pymysql drives it)
#   - a pinned Claude Code CLI (and the SARIF schema) from npm, in a prefix OUTSIDE the repository:
#     ${XDG_CACHE_HOME:-~/.cache}/alembic-patterns-ci/node (the repository is the plugin: a local-clone
#     marketplace install copies everything in it, so ~770 MB of npm packages must not live there)
#   - the tools the release and packaging tests drive: python3-venv (wheel installs), pre-commit, pipx,
#     ShellCheck (launcher and workflow scripts), busybox (the launcher under another POSIX sh)
# Idempotent; a re-run on a machine that is already set up takes about a second.
#
# All progress goes to stderr. stdout carries only `export` lines, so callers can do:
#     env_lines="$(scripts/ci-setup.sh)" && eval "$env_lines"
# (Assign first: `eval "$(scripts/ci-setup.sh)"` on its own ignores a failing setup.)
#
# Optional settings (environment):
#   CI_SETUP_CLAUDE_VERSION  Claude Code CLI version to install   (default 2.1.332)
#   CI_SETUP_PG_TIMEOUT      seconds to wait for PostgreSQL       (default 60)
#   CI_SETUP_PG_CLUSTER      PostgreSQL cluster name              (default main; created if missing)
#   CI_SETUP_MARIADB_TIMEOUT seconds to wait for MariaDB          (default 60)
#   CI_SETUP_NPM_TIMEOUT     seconds allowed for npm install      (default 600)
#   CI_SETUP_NODE_PREFIX     where the npm tools go   (default ${XDG_CACHE_HOME:-$HOME/.cache}/alembic-patterns-ci/node)
set -euo pipefail

log() { printf 'ci-setup: %s\n' "$*" >&2; }
die() { printf 'ci-setup: ERROR: %s\n' "$*" >&2; exit 1; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLAUDE_VERSION="${CI_SETUP_CLAUDE_VERSION:-2.1.332}"
PG_TIMEOUT="${CI_SETUP_PG_TIMEOUT:-60}"
PG_CLUSTER="${CI_SETUP_PG_CLUSTER:-main}"
NPM_TIMEOUT="${CI_SETUP_NPM_TIMEOUT:-600}"
PG_PASSWORD=postgres
MARIADB_TIMEOUT="${CI_SETUP_MARIADB_TIMEOUT:-60}"
MARIADB_USER=alembic_patterns
MARIADB_PASSWORD=alembic_patterns
MARIADB_PORT=3306
[[ -n ${CI_SETUP_NODE_PREFIX:-}${XDG_CACHE_HOME:-}${HOME:-} ]] || { printf 'ci-setup: ERROR: HOME is not set\n' >&2; exit 1; }
NODE_PREFIX="${CI_SETUP_NODE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/alembic-patterns-ci/node}"
PY=/usr/bin/python3
ALEMBIC=/usr/bin/alembic
# gcc and libc6-dev: the Go program uses cgo (tree-sitter); a fresh image may lack a compiler.
# python3-flask-migrate: the Flask-Migrate example (examples/flask-blog) runs with its own tool in the proof tier.
# python3-venv, pre-commit, pipx: the wheel and pre-commit tests install our wheel offline (pip --no-index).
# ShellCheck: the launcher, the release scripts and the workflows' run: blocks are shellchecked.
# busybox: the launcher is POSIX sh; its tests also run it under busybox sh (Alpine's /bin/sh).
# mariadb-server, python3-pymysql: the MariaDB proof tier (internal/proof, MySQL/MariaDB scenarios).
APT_PACKAGES=(postgresql alembic python3-alembic python3-sqlalchemy python3-psycopg2 python3-flask-migrate python3-flask-sqlalchemy gcc libc6-dev
    python3-venv pre-commit pipx shellcheck busybox mariadb-server python3-pymysql)

SECONDS=0
start_time=$EPOCHREALTIME
exec </dev/null   # never wait for input (CI has no stdin)

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
else
    die "must run as root (or with passwordless sudo)"
fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    log "apt: all packages already installed (${APT_PACKAGES[*]})"
else
    log "apt: missing: ${missing[*]}"
    # Another apt/dpkg may be running (e.g. an image provisioning step): wait for its lock
    # instead of failing.
    apt_opts=(-o DPkg::Lock::Timeout=600 -q)
    log "apt: apt-get update"
    "${SUDO[@]}" apt-get "${apt_opts[@]}" update >&2 \
        || die "apt-get update failed"
    log "apt: installing ${APT_PACKAGES[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get "${apt_opts[@]}" install -y "${APT_PACKAGES[@]}" >&2 \
        || die "apt-get install failed"
fi

PRE_COMMIT=/usr/bin/pre-commit
PIPX=/usr/bin/pipx
SHELLCHECK=/usr/bin/shellcheck
BUSYBOX=/bin/busybox
for f in "$PY" "$ALEMBIC" "$PRE_COMMIT" "$PIPX" "$SHELLCHECK" "$BUSYBOX"; do
    [[ -x $f ]] || die "$f not found after package installation"
done
"$PY" -c 'import ensurepip, venv' || die "$PY has no venv/ensurepip (python3-venv)"
"$PY" -c 'import alembic, sqlalchemy, psycopg2, flask_migrate, flask_sqlalchemy' \
    || die "$PY cannot import alembic, sqlalchemy, psycopg2, flask_migrate and flask_sqlalchemy"
"$PY" -c 'import pymysql, sqlite3' || die "$PY cannot import pymysql and sqlite3"

# ---------------------------------------------------------------------------------------------
# 2. PostgreSQL cluster
# ---------------------------------------------------------------------------------------------
command -v pg_lsclusters >/dev/null 2>&1 || die "pg_lsclusters not found (postgresql-common missing?)"

# pg_lsclusters -h: "<ver> <cluster> <port> <status> <owner> <datadir> <logfile>"
# Picks the cluster named $PG_CLUSTER, newest version first.
read_cluster() {
    PG_VER="" PG_NAME="" PG_PORT="" PG_STATUS="" PG_LOG=""
    local ver name port status logfile
    while read -r ver name port status _ _ logfile; do
        if [[ $name == "$PG_CLUSTER" ]]; then
            PG_VER=$ver PG_NAME=$name PG_PORT=$port PG_STATUS=$status PG_LOG=$logfile
        fi
    done < <(pg_lsclusters -h 2>/dev/null | sort -k1,1n)
}

pg_log_tail() {
    local f="${PG_LOG:-}"
    if [[ -z $f || ! -r $f ]]; then
        f="/var/log/postgresql/postgresql-${PG_VER}-${PG_NAME}.log"
    fi
    if [[ -r $f ]]; then
        log "last lines of $f:"
        tail -n 30 "$f" | sed 's/^/    /' >&2
    else
        log "(no server log found at $f)"
    fi
}

read_cluster
if [[ -z $PG_VER ]]; then
    # No such cluster yet: create it for the newest installed server version.
    ver=""
    for d in /usr/lib/postgresql/*/; do
        d="${d%/}" d="${d##*/}"
        if [[ $d =~ ^[0-9]+$ ]] && (( ${ver:-0} < d )); then ver=$d; fi
    done
    [[ -n $ver ]] || die "no PostgreSQL server installed under /usr/lib/postgresql"
    log "postgres: no cluster '$PG_CLUSTER' found; creating $ver/$PG_CLUSTER"
    "${SUDO[@]}" pg_createcluster "$ver" "$PG_CLUSTER" >&2 || die "pg_createcluster $ver $PG_CLUSTER failed"
    read_cluster
    [[ -n $PG_VER ]] || die "cluster $ver/$PG_CLUSTER was not created"
fi
log "postgres: cluster $PG_VER/$PG_NAME, port $PG_PORT, status $PG_STATUS"

if [[ $PG_STATUS != online* ]]; then
    log "postgres: starting $PG_VER/$PG_NAME"
    if ! "${SUDO[@]}" pg_ctlcluster "$PG_VER" "$PG_NAME" start >&2; then
        pg_log_tail
        die "pg_ctlcluster $PG_VER $PG_NAME start failed"
    fi
fi

deadline=$((SECONDS + PG_TIMEOUT))
until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
    if ((SECONDS >= deadline)); then
        pg_lsclusters >&2 || true
        pg_log_tail
        die "PostgreSQL $PG_VER/$PG_NAME not ready on 127.0.0.1:$PG_PORT after ${PG_TIMEOUT}s"
    fi
    sleep 0.2
done
log "postgres: accepting connections on 127.0.0.1:$PG_PORT"

PG_URL_LIBPQ="postgresql://postgres:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/postgres"
pg_password_ok() {
    psql "$PG_URL_LIBPQ" -X -q -t -A -v ON_ERROR_STOP=1 -c 'select 1' >/dev/null 2>&1
}
if pg_password_ok; then
    log "postgres: password login already works"
else
    log "postgres: setting password of role postgres"
    # cd / so psql, running as postgres, does not complain about an unreadable cwd
    (cd / && "${SUDO[@]}" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" \
        -c "ALTER USER postgres PASSWORD '${PG_PASSWORD}';") >&2 \
        || die "ALTER USER postgres failed"
    if ! pg_password_ok; then
        psql "$PG_URL_LIBPQ" -X -c 'select 1' >&2 || true
        die "password login to 127.0.0.1:$PG_PORT still fails (check pg_hba.conf)"
    fi
fi
PG_URL="postgresql+psycopg2://postgres:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/postgres"

# ---------------------------------------------------------------------------------------------
# 2b. MariaDB server (127.0.0.1 only)
# ---------------------------------------------------------------------------------------------
# Debian's package does not start the server where policy-rc.d forbids it (containers), so it is
# started here through its init script. The drop-in keeps it on the loopback interface whatever
# the packaged defaults say; a changed drop-in restarts a running server.
MARIADB_CNF=/etc/mysql/mariadb.conf.d/99-alembic-patterns.cnf
MARIADB_CNF_TEXT="$(printf '%s\n' '# written by alembic-patterns scripts/ci-setup.sh: the proof tier needs the server on loopback only' \
    '[mariadbd]' 'bind-address = 127.0.0.1' "port = $MARIADB_PORT" 'skip-name-resolve')"
mariadb_up() { "${SUDO[@]}" mariadb-admin --protocol=socket ping >/dev/null 2>&1; }
cnf_changed=false
if [[ ! -r $MARIADB_CNF || "$(cat "$MARIADB_CNF")" != "$MARIADB_CNF_TEXT" ]]; then
    log "mariadb: writing $MARIADB_CNF"
    printf '%s\n' "$MARIADB_CNF_TEXT" | "${SUDO[@]}" tee "$MARIADB_CNF" >/dev/null || die "cannot write $MARIADB_CNF"
    cnf_changed=true
fi
if mariadb_up && $cnf_changed; then
    log "mariadb: restarting (configuration changed)"
    "${SUDO[@]}" service mariadb restart >&2 || die "service mariadb restart failed"
elif ! mariadb_up; then
    log "mariadb: starting"
    "${SUDO[@]}" service mariadb start >&2 || die "service mariadb start failed"
fi
deadline=$((SECONDS + MARIADB_TIMEOUT))
until mariadb_up; do
    ((SECONDS < deadline)) || die "MariaDB not answering on its socket after ${MARIADB_TIMEOUT}s (see /var/log/mysql or journalctl -u mariadb)"
    sleep 0.2
done
mariadb_login_ok() {
    "$PY" -c 'import sys, pymysql; pymysql.connect(host="127.0.0.1", port=int(sys.argv[1]), user=sys.argv[2], password=sys.argv[3], connect_timeout=10).close()' \
        "$MARIADB_PORT" "$MARIADB_USER" "$MARIADB_PASSWORD" 2>/dev/null
}
if mariadb_login_ok; then
    log "mariadb: $MARIADB_USER login on 127.0.0.1:$MARIADB_PORT already works"
else
    log "mariadb: creating user $MARIADB_USER@127.0.0.1"
    # root logs in through the unix socket (Debian's unix_socket authentication).
    "${SUDO[@]}" mariadb --protocol=socket -e "CREATE USER IF NOT EXISTS '$MARIADB_USER'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD';
        GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'127.0.0.1';" >&2 || die "creating the MariaDB user failed"
    mariadb_login_ok || die "login as $MARIADB_USER to 127.0.0.1:$MARIADB_PORT still fails"
fi
MARIADB_URL="mysql+pymysql://${MARIADB_USER}:${MARIADB_PASSWORD}@127.0.0.1:${MARIADB_PORT}/"
log "mariadb: $("${SUDO[@]}" mariadb --protocol=socket -N -e 'SELECT VERSION()' 2>/dev/null) accepting connections on 127.0.0.1:$MARIADB_PORT"

# ---------------------------------------------------------------------------------------------
# 3. Claude Code CLI (pinned, outside the repository)
# ---------------------------------------------------------------------------------------------
case "$NODE_PREFIX/" in
    "$ROOT"/*) die "CI_SETUP_NODE_PREFIX=$NODE_PREFIX is inside the repository: the repository is the plugin, and a local-clone install would copy it" ;;
esac
if [[ -d $ROOT/.ci/node ]]; then
    log "note: $ROOT/.ci/node is no longer used (the npm tools live in $NODE_PREFIX); remove it: rm -rf .ci/node"
fi
command -v npm >/dev/null 2>&1 || die "npm not found"
CLAUDE="$NODE_PREFIX/node_modules/.bin/claude"
PKG_JSON="$NODE_PREFIX/node_modules/@anthropic-ai/claude-code/package.json"

installed=""
if [[ -r $PKG_JSON ]]; then
    installed="$(node -p 'require(process.argv[1]).version' "$PKG_JSON" 2>/dev/null || true)"
fi
# The SARIF 2.1.0 JSON schema ships in this npm package; the SARIF output test validates against it.
SARIF_PACKAGE="@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_SCHEMA="$NODE_PREFIX/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
if [[ $installed == "$CLAUDE_VERSION" && -x $CLAUDE && -r $SARIF_SCHEMA ]]; then
    log "claude: $CLAUDE_VERSION already installed in $NODE_PREFIX"
else
    log "claude: installing @anthropic-ai/claude-code@$CLAUDE_VERSION into $NODE_PREFIX${installed:+ (found $installed)}"
    mkdir -p "$NODE_PREFIX"
    # 2.1.332 declares engines.node >=22; on Node 20 npm only warns (EBADENGINE), the CLI is a
    # native binary and runs fine.
    # Bounded: on registry/TLS trouble npm retries and can otherwise stall for many minutes.
    timeout "$NPM_TIMEOUT" npm install --prefix "$NODE_PREFIX" "@anthropic-ai/claude-code@$CLAUDE_VERSION" "$SARIF_PACKAGE" \
        --save-exact --no-audit --no-fund --no-update-notifier >&2 \
        || die "npm install @anthropic-ai/claude-code@$CLAUDE_VERSION failed or timed out after ${NPM_TIMEOUT}s (see ~/.npm/_logs)"
fi
[[ -x $CLAUDE ]] || die "$CLAUDE missing after npm install"
[[ -r $SARIF_SCHEMA ]] || die "$SARIF_SCHEMA missing after npm install"

# Check the binary runs, with a throwaway HOME so the check leaves nothing behind.
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
if ! version_out="$(HOME="$tmp_home" DISABLE_AUTOUPDATER=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
        timeout 60 "$CLAUDE" --version 2>&1)"; then
    printf '%s\n' "$version_out" | sed 's/^/    /' >&2
    die "'$CLAUDE --version' failed"
fi
[[ $version_out == *"$CLAUDE_VERSION"* ]] \
    || die "'claude --version' printed '$version_out', expected $CLAUDE_VERSION"
log "claude: $version_out"

# ---------------------------------------------------------------------------------------------
# 4. Environment for the tests (stdout)
# ---------------------------------------------------------------------------------------------
log "done in $(awk -v a="$start_time" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')s"
printf 'export %s=%q\n' \
    ALEMBIC_PATTERNS_PG_URL "$PG_URL" \
    ALEMBIC_PATTERNS_MARIADB_URL "$MARIADB_URL" \
    ALEMBIC_PATTERNS_PYTHON "$PY" \
    ALEMBIC_PATTERNS_ALEMBIC "$ALEMBIC" \
    ALEMBIC_PATTERNS_CLAUDE "$CLAUDE" \
    ALEMBIC_PATTERNS_SARIF_SCHEMA "$SARIF_SCHEMA" \
    ALEMBIC_PATTERNS_PRE_COMMIT "$PRE_COMMIT" \
    ALEMBIC_PATTERNS_PIPX "$PIPX" \
    ALEMBIC_PATTERNS_SHELLCHECK "$SHELLCHECK" \
    ALEMBIC_PATTERNS_BUSYBOX "$BUSYBOX"
